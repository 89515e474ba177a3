package io.switchboard.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testsupport.ManualClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenServiceTest {

    private final ManualClock clock = new ManualClock();
    private final TokenService tokens = new TokenService(clock, new Secrets(new SecureRandom()), Duration.ofHours(8));

    @Test
    void tokenIs256RandomBitsInUrlSafeBase64() {
        IssuedToken token = tokens.issue();

        assertThat(token.secret()).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token.secret())).hasSize(32);
        assertThat(tokens.issue().secret()).isNotEqualTo(token.secret());
    }

    @Test
    void onlyTheSha256IsKeptAndItNeverContainsTheSecret() {
        IssuedToken token = tokens.issue();

        assertThat(token.hash()).matches("[0-9a-f]{64}").isEqualTo(tokens.hashOf(token.secret()));
        assertThat(token.toString()).doesNotContain(token.secret());
        // SHA-256("abc"), FIPS 180-2 test vector
        assertThat(tokens.hashOf("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void tokenExpiresEightHoursAfterIssue() {
        IssuedToken token = tokens.issue();

        assertThat(token.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(8)));
        assertThat(tokens.isLive(token.expiresAt())).isTrue();

        clock.advance(Duration.ofHours(8).minusMillis(1));
        assertThat(tokens.isLive(token.expiresAt())).isTrue();

        clock.advance(Duration.ofMillis(1));
        assertThat(tokens.isLive(token.expiresAt())).isFalse();
    }
}
