package io.switchboard.sip.internal.auth;

import java.util.Locale;
import java.util.Optional;

/** The digest algorithms we verify. */
public enum DigestAlgorithm {
    MD5("MD5"),
    SHA_256("SHA-256");

    private final String token;

    DigestAlgorithm(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public String hash(String text) {
        return this == MD5 ? Hashes.md5(text) : Hashes.sha256(text);
    }

    /** From the algorithm parameter; absent means MD5 (RFC 2617). */
    public static Optional<DigestAlgorithm> of(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.of(MD5);
        }
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.token.equals(token.toUpperCase(Locale.ROOT))) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
