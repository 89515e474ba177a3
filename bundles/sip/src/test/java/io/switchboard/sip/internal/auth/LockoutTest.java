package io.switchboard.sip.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testsupport.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LockoutTest {

    private final ManualClock clock = new ManualClock();
    private final Lockout lockout = new Lockout(clock, 5, Duration.ofSeconds(60), Duration.ofMinutes(5));

    @Test
    void fiveFailuresWithinTheWindowLockThePairForFiveMinutes() {
        for (int i = 0; i < 4; i++) {
            assertThat(lockout.failed("10.0.0.9", "1001")).isFalse();
            clock.advance(Duration.ofSeconds(10));
        }
        assertThat(lockout.isLocked("10.0.0.9", "1001")).isFalse();

        assertThat(lockout.failed("10.0.0.9", "1001")).isTrue();
        assertThat(lockout.isLocked("10.0.0.9", "1001")).isTrue();

        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(lockout.isLocked("10.0.0.9", "1001")).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(lockout.isLocked("10.0.0.9", "1001")).isFalse();
    }

    @Test
    void theLockIsPerAddressAndUser() {
        for (int i = 0; i < 5; i++) {
            lockout.failed("10.0.0.9", "1001");
        }

        assertThat(lockout.isLocked("10.0.0.9", "1001")).isTrue();
        assertThat(lockout.isLocked("10.0.0.10", "1001")).isFalse();
        assertThat(lockout.isLocked("10.0.0.9", "1002")).isFalse();
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        for (int i = 0; i < 4; i++) {
            lockout.failed("10.0.0.9", "1001");
        }
        clock.advance(Duration.ofSeconds(61));

        assertThat(lockout.failed("10.0.0.9", "1001")).isFalse();
        assertThat(lockout.isLocked("10.0.0.9", "1001")).isFalse();
    }

    @Test
    void aSuccessClearsTheCount() {
        for (int i = 0; i < 4; i++) {
            lockout.failed("10.0.0.9", "1001");
        }
        lockout.succeeded("10.0.0.9", "1001");

        assertThat(lockout.failed("10.0.0.9", "1001")).isFalse();
    }
}
