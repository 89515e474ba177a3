package io.switchboard.sip.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OverloadGuardTest {

    @Test
    void refusesPastTheThresholdUntilAPermitIsReleasedOnce() {
        OverloadGuard guard = new OverloadGuard(2);
        Runnable first = guard.tryAcquire();
        Runnable second = guard.tryAcquire();

        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        assertThat(guard.tryAcquire()).isNull();

        first.run();
        first.run(); // a second release changes nothing
        assertThat(guard.pending()).isEqualTo(1);
        assertThat(guard.tryAcquire()).isNotNull();
        assertThat(guard.tryAcquire()).isNull();
    }
}
