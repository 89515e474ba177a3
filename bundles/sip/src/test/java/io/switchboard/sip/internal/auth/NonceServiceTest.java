package io.switchboard.sip.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testsupport.ManualClock;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NonceServiceTest {

    private final ManualClock clock = new ManualClock();
    private final NonceService nonces = new NonceService(clock, new SecureRandom(), Duration.ofMinutes(5));

    @Test
    void aFreshNonceIsValidAndUnique() {
        String nonce = nonces.issue();

        assertThat(nonces.check(nonce)).isEqualTo(NonceService.Check.VALID);
        assertThat(nonces.issue()).isNotEqualTo(nonce);
    }

    @Test
    void anExpiredNonceIsStaleNotInvalid() {
        String nonce = nonces.issue();
        clock.advance(Duration.ofMinutes(5));
        assertThat(nonces.check(nonce)).isEqualTo(NonceService.Check.VALID);

        clock.advance(Duration.ofMillis(1));
        assertThat(nonces.check(nonce)).isEqualTo(NonceService.Check.STALE);
    }

    @Test
    void aNonceOfAnotherProcessOrTamperedWithIsInvalid() {
        NonceService otherStart = new NonceService(clock, new SecureRandom(), Duration.ofMinutes(5));
        String nonce = nonces.issue();
        char last = nonce.charAt(5);
        String tampered = nonce.substring(0, 5) + (last == 'A' ? 'B' : 'A') + nonce.substring(6);

        assertThat(otherStart.check(nonce)).isEqualTo(NonceService.Check.INVALID);
        assertThat(nonces.check(tampered)).isEqualTo(NonceService.Check.INVALID);
        assertThat(nonces.check("not-base64!")).isEqualTo(NonceService.Check.INVALID);
        assertThat(nonces.check(null)).isEqualTo(NonceService.Check.INVALID);
        assertThat(nonces.check("x".repeat(1000))).isEqualTo(NonceService.Check.INVALID);
    }

    @Test
    void aNonceFromTheFutureIsStale() {
        clock.advance(Duration.ofHours(1));
        String nonce = nonces.issue();
        clock.advance(Duration.ofHours(-2));

        assertThat(nonces.check(nonce)).isEqualTo(NonceService.Check.STALE);
    }
}
