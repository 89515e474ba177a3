package io.switchboard.console.internal;

import java.util.Objects;

/** Who a request was made by, once a bearer token has been checked. */
public record AuthenticatedUser(String username, Role role) {

    public AuthenticatedUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
    }

    /** Roles are flat: an admin is not implicitly a supervisor; endpoints list every role they allow. */
    public boolean hasRole(String roleId) {
        return role.id().equals(roleId);
    }
}
