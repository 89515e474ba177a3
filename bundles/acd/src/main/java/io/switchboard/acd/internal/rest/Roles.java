package io.switchboard.acd.internal.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * Who may do what here. The console's filter has authenticated every {@code /api/v1/*} request and
 * answers {@code isUserInRole}; without it a request has no role at all, so these checks fail closed.
 */
final class Roles {

    static final List<String> READ = List.of("admin", "supervisor");
    static final List<String> CHANGE = List.of("admin");
    /** An agent's console user name is the agent's id (CONTRACT.md). */
    static final String AGENT = "agent";

    private Roles() {
    }

    static boolean any(HttpServletRequest request, List<String> roles) {
        return roles.stream().anyMatch(request::isUserInRole);
    }

    static void require(HttpServletRequest request, List<String> roles, String what) throws ApiException {
        if (!any(request, roles)) {
            throw forbidden(roles, what);
        }
    }

    static ApiException forbidden(List<String> roles, String what) {
        return new ApiException(403, "forbidden", "Only " + String.join(" or ", roles) + " may " + what + ".");
    }

    /** Whether the request is agent {@code agentId} reading their own record. */
    static boolean isAgentItself(HttpServletRequest request, String agentId) {
        return request.isUserInRole(AGENT) && agentId.equals(request.getRemoteUser());
    }
}
