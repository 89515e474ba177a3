package io.switchboard.console.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * After {@code threshold} consecutive failed logins a user is locked for {@code lockDuration}.
 * A success clears the count; so does the end of a lock, so the user gets the full number of tries
 * again instead of being locked anew by the first slip.
 *
 * <p>Immutable; safe for concurrent use.
 */
public final class LockoutPolicy {

    private final int threshold;
    private final Duration lockDuration;

    public LockoutPolicy(int threshold, Duration lockDuration) {
        if (threshold < 1) {
            throw new IllegalArgumentException("lockout threshold must be positive: " + threshold);
        }
        if (lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalArgumentException("lock duration must be positive: " + lockDuration);
        }
        this.threshold = threshold;
        this.lockDuration = lockDuration;
    }

    public boolean isLocked(LoginState state, Instant now) {
        return state.lockedUntil() != null && now.isBefore(state.lockedUntil());
    }

    public LoginState afterFailure(LoginState state, Instant now) {
        boolean lockEnded = state.lockedUntil() != null && !now.isBefore(state.lockedUntil());
        int failures = (lockEnded ? 0 : state.failedLogins()) + 1;
        if (failures >= threshold) {
            return new LoginState(failures, Timestamps.truncate(now.plus(lockDuration)));
        }
        return new LoginState(failures, null);
    }

    public LoginState afterSuccess() {
        return LoginState.CLEAR;
    }
}
