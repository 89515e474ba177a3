package io.switchboard.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LockoutPolicyTest {

    private final LockoutPolicy policy = new LockoutPolicy(5, Duration.ofMinutes(15));
    private final Instant now = Instant.parse("2025-03-01T09:00:00Z");

    @Test
    void fifthConsecutiveFailureLocksForFifteenMinutes() {
        LoginState state = LoginState.CLEAR;
        for (int i = 1; i <= 4; i++) {
            state = policy.afterFailure(state, now);
            assertThat(policy.isLocked(state, now)).as("after %d failures", i).isFalse();
        }

        state = policy.afterFailure(state, now);

        assertThat(state).isEqualTo(new LoginState(5, now.plus(Duration.ofMinutes(15))));
        assertThat(policy.isLocked(state, now.plus(Duration.ofMinutes(15)).minusMillis(1))).isTrue();
        assertThat(policy.isLocked(state, now.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void successClearsTheCount() {
        LoginState state = policy.afterFailure(policy.afterFailure(LoginState.CLEAR, now), now);

        assertThat(policy.afterSuccess()).isEqualTo(LoginState.CLEAR);
        assertThat(state.failedLogins()).isEqualTo(2);
    }

    @Test
    void afterALockEndsTheUserHasTheFullNumberOfTriesAgain() {
        LoginState locked = new LoginState(5, now.plus(Duration.ofMinutes(15)));
        Instant later = now.plus(Duration.ofMinutes(16));

        LoginState state = policy.afterFailure(locked, later);

        assertThat(state).isEqualTo(new LoginState(1, null));
        assertThat(policy.isLocked(state, later)).isFalse();
    }
}
