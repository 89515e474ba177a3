package io.switchboard.console.internal;

import java.time.Instant;

/**
 * A freshly made bearer token: {@code secret} goes to the client once and is never stored or
 * logged; {@code hash} is what the database keeps.
 */
public record IssuedToken(String secret, String hash, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[hash=" + hash + ", expiresAt=" + expiresAt + "]";
    }
}
