package io.switchboard.console.internal;

import java.time.Instant;

/** A user's consecutive failed logins and the lock they caused, if any ({@code lockedUntil} may be null). */
public record LoginState(int failedLogins, Instant lockedUntil) {

    public static final LoginState CLEAR = new LoginState(0, null);
}
