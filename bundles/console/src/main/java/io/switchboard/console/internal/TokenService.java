package io.switchboard.console.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Makes bearer tokens and judges their expiry. A token is 256 random bits in URL-safe base64; the
 * database holds only its SHA-256 (a fast hash is enough: unlike a password, the token has full
 * entropy, so it cannot be guessed from its hash).
 *
 * <p>Immutable; safe for concurrent use.
 */
public final class TokenService {

    static final int TOKEN_BYTES = 32;

    private final Clock clock;
    private final Secrets secrets;
    private final Duration lifetime;

    public TokenService(Clock clock, Secrets secrets, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive: " + lifetime);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.lifetime = lifetime;
    }

    public IssuedToken issue() {
        String secret = secrets.urlSafeToken(TOKEN_BYTES);
        Instant expiresAt = Timestamps.truncate(clock.instant().plus(lifetime));
        return new IssuedToken(secret, hashOf(secret), expiresAt);
    }

    /** Lower-case hex SHA-256 of the token's UTF-8 bytes: the key the token is stored under. */
    public String hashOf(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }

    /** A token is valid up to, not including, its expiry instant. */
    public boolean isLive(Instant expiresAt) {
        return clock.instant().isBefore(expiresAt);
    }
}
