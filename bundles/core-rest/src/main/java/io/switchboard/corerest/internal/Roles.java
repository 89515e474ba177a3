package io.switchboard.corerest.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * Who may do what here. The console's filter has authenticated every {@code /api/v1/*} request and
 * answers {@code isUserInRole}; without it a request has no role at all, so these checks fail closed.
 */
final class Roles {

    static final List<String> CALLS = List.of("admin", "supervisor");
    static final List<String> JOURNAL = List.of("admin", "supervisor", "qa");
    static final List<String> ROUTES_READ = List.of("admin", "supervisor");
    static final List<String> ROUTES_CHANGE = List.of("admin");

    private Roles() {
    }

    static void require(HttpServletRequest request, List<String> roles, String what) throws ApiException {
        for (String role : roles) {
            if (request.isUserInRole(role)) {
                return;
            }
        }
        throw new ApiException(403, "forbidden", "Only " + String.join(" or ", roles) + " may " + what + ".");
    }
}
