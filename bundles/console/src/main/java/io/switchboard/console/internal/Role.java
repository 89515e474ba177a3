package io.switchboard.console.internal;

import java.util.Arrays;
import java.util.Optional;

/** The console roles; {@link #id()} is what the database stores and what isUserInRole takes. */
public enum Role {
    ADMIN("admin"),
    SUPERVISOR("supervisor"),
    QA("qa"),
    AGENT("agent");

    private final String id;

    Role(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Role> fromId(String id) {
        return Arrays.stream(values()).filter(role -> role.id.equals(id)).findFirst();
    }
}
