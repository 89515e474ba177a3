package io.switchboard.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final Secrets secrets = new Secrets(new SecureRandom());
    /** Few iterations where only behaviour matters: the real count costs ≈0.5 s a hash. */
    private final PasswordHasher fast = new PasswordHasher(secrets, 1_000);

    @Test
    void productionHashHasTheSelfDescribingFormatAndVerifies() {
        PasswordHasher hasher = new PasswordHasher(secrets, PasswordHasher.DEFAULT_ITERATIONS);

        String stored = hasher.hash("correct horse battery staple");

        assertThat(stored).matches("pbkdf2-sha256\\$600000\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+");
        String[] parts = stored.split("\\$");
        assertThat(Base64.getDecoder().decode(parts[2])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[3])).hasSize(32);
        assertThat(hasher.verify("correct horse battery staple", stored)).isTrue();
    }

    @Test
    void wrongPasswordDoesNotVerify() {
        String stored = fast.hash("s3cret!");

        assertThat(fast.verify("s3cret", stored)).isFalse();
        assertThat(fast.verify("S3cret!", stored)).isFalse();
        assertThat(fast.verify("", stored)).isFalse();
    }

    @Test
    void samePasswordGetsAFreshSaltEachTime() {
        assertThat(fast.hash("same")).isNotEqualTo(fast.hash("same"));
    }

    @Test
    void storedIterationCountIsHonouredSoOldHashesKeepWorking() {
        String old = new PasswordHasher(secrets, 500).hash("pw");

        assertThat(fast.verify("pw", old)).isTrue();
        assertThat(fast.needsRehash(old)).isTrue();
        assertThat(fast.needsRehash(fast.hash("pw"))).isFalse();
    }

    @Test
    void malformedOrForeignHashesNeverMatch() {
        assertThat(fast.verify("pw", null)).isFalse();
        assertThat(fast.verify("pw", "")).isFalse();
        assertThat(fast.verify("pw", "argon2id$v=19$m=65536,t=3,p=4$abc$def")).isFalse();
        assertThat(fast.verify("pw", "pbkdf2-sha256$many$AAAA$AAAA")).isFalse();
        assertThat(fast.verify("pw", "pbkdf2-sha256$1000$!!!$AAAA")).isFalse();
        assertThat(fast.needsRehash("md5$whatever")).isTrue();
    }

    @Test
    void unmatchableHashIsWellFormedButMatchesNothing() {
        String dummy = fast.unmatchableHash();

        assertThat(dummy).startsWith("pbkdf2-sha256$1000$");
        assertThat(fast.needsRehash(dummy)).isFalse();
        assertThat(fast.verify("", dummy)).isFalse();
        assertThat(fast.verify("admin", dummy)).isFalse();
    }
}
