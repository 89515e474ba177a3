package io.switchboard.console.internal;

import java.time.Instant;

/**
 * One line of the audit log: who ({@code actor}, a username or {@code system}), what
 * ({@code action}, dotted like {@code login.failure}), when, and from where (remote address, or
 * null for the appliance itself). {@code detail} is free text and must never hold a secret.
 */
public record AuditEntry(Instant at, String actor, String action, String remoteAddress, String detail) {

    public static final String SYSTEM = "system";
}
