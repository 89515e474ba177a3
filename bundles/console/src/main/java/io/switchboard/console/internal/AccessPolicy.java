package io.switchboard.console.internal;

import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who may pass the API filter: everything under /api/v1 needs a valid bearer token except the
 * health check and the login itself. Roles are not decided here but by each endpoint, through
 * {@code isUserInRole} on the request the filter wraps.
 *
 * <p>Immutable; safe for concurrent use.
 */
public final class AccessPolicy {

    /** Looks a presented token up. */
    @FunctionalInterface
    public interface Tokens {
        Optional<AuthenticatedUser> authenticate(String secret) throws SQLException;
    }

    public static final String HEALTH_PATH = "/api/v1/health";
    public static final String TOKEN_PATH = "/api/v1/auth/token";

    /** RFC 6750's b64token. */
    private static final Pattern BEARER = Pattern.compile("(?i)Bearer +([A-Za-z0-9\\-._~+/]+=*) *");

    private final Tokens tokens;

    public AccessPolicy(Tokens tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /**
     * @param method        the HTTP method
     * @param path          the decoded, normalised path inside the servlet context (servlet path plus
     *                      path info), so that {@code /api/v1/./health} cannot dodge the exact match
     * @param authorization the Authorization header, or null
     */
    public AccessDecision decide(String method, String path, String authorization) throws SQLException {
        if (isOpen(method, path)) {
            return new AccessDecision.Open();
        }
        if (authorization == null || authorization.isBlank()) {
            return new AccessDecision.Unauthenticated("unauthorized",
                    "This request needs a bearer token: POST /api/v1/auth/token first.");
        }
        var matcher = BEARER.matcher(authorization);
        if (!matcher.matches()) {
            return new AccessDecision.Unauthenticated("invalid_token",
                    "The Authorization header must be 'Bearer <token>'.");
        }
        return tokens.authenticate(matcher.group(1))
                .<AccessDecision>map(AccessDecision.Granted::new)
                .orElseGet(() -> new AccessDecision.Unauthenticated("invalid_token",
                        "The token is unknown, expired or revoked: log in again."));
    }

    static boolean isOpen(String method, String path) {
        // Methods are case-sensitive (RFC 9110): "get" is not GET and is not let through.
        return (HEALTH_PATH.equals(path) && (method.equals("GET") || method.equals("HEAD")))
                || (TOKEN_PATH.equals(path) && method.equals("POST"));
    }
}
