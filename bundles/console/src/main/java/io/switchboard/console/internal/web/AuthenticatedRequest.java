package io.switchboard.console.internal.web;

import io.switchboard.console.internal.AuthenticatedUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/**
 * The request as every servlet behind the API filter sees it, whatever bundle registered the
 * servlet: {@code getUserPrincipal()}, {@code getRemoteUser()} and {@code isUserInRole()} answer
 * for the token's user, through the plain servlet API.
 */
final class AuthenticatedRequest extends HttpServletRequestWrapper {

    /** {@code getAuthType()} for bearer tokens; the servlet API names only the container schemes. */
    static final String AUTH_TYPE = "Bearer";

    private final AuthenticatedUser user;
    private final Principal principal;

    AuthenticatedRequest(HttpServletRequest request, AuthenticatedUser user) {
        super(request);
        this.user = user;
        this.principal = new ConsolePrincipal(user.username());
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public String getRemoteUser() {
        return user.username();
    }

    @Override
    public boolean isUserInRole(String role) {
        return user.hasRole(role);
    }

    @Override
    public String getAuthType() {
        return AUTH_TYPE;
    }

    /** A username as a {@link Principal}; equal by name. */
    record ConsolePrincipal(String getName) implements Principal {
    }
}
