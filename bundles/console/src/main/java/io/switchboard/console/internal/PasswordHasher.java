package io.switchboard.console.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes in a self-describing format,
 * {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>}, so that a stored hash names its
 * own parameters and a later KDF (or more iterations) can be introduced without breaking old
 * hashes: {@link #needsRehash} says when a hash should be replaced at the next successful login.
 *
 * <p>Stateless apart from its immutable settings; safe for concurrent use.
 */
public final class PasswordHasher {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;

    static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final Secrets secrets;
    private final int iterations;

    public PasswordHasher(Secrets secrets, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.iterations = iterations;
    }

    public String hash(String password) {
        byte[] salt = secrets.bytes(SALT_BYTES);
        return encode(iterations, salt, derive(password, salt, iterations));
    }

    /**
     * True if {@code password} matches {@code stored}. A stored value this class cannot read never
     * matches; the comparison of the derived keys takes the same time wherever they differ.
     */
    public boolean verify(String password, String stored) {
        StoredHash parsed = StoredHash.parse(stored);
        if (parsed == null) {
            return false;
        }
        byte[] candidate = derive(password, parsed.salt(), parsed.iterations());
        return MessageDigest.isEqual(candidate, parsed.hash());
    }

    /** True if {@code stored} was made with weaker settings than this hasher's. */
    public boolean needsRehash(String stored) {
        StoredHash parsed = StoredHash.parse(stored);
        return parsed == null || parsed.iterations() < iterations;
    }

    /**
     * A well-formed hash that no password matches, costing as much to check as a real one: verified
     * for unknown users so that the response time does not tell whether a username exists.
     */
    public String unmatchableHash() {
        return encode(iterations, secrets.bytes(SALT_BYTES), new byte[HASH_BITS / 8]);
    }

    private static String encode(int iterations, byte[] salt, byte[] hash) {
        Base64.Encoder base64 = Base64.getEncoder();
        return SCHEME + '$' + iterations + '$' + base64.encodeToString(salt) + '$'
                + base64.encodeToString(hash);
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // Every Java 17 runtime must provide PBKDF2WithHmacSHA256; without it nobody can log in.
            throw new IllegalStateException(ALGORITHM + " is not available in this JDK", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }

    private record StoredHash(int iterations, byte[] salt, byte[] hash) {

        /** Null if {@code text} is not a hash of our scheme. */
        static StoredHash parse(String text) {
            if (text == null) {
                return null;
            }
            String[] parts = text.split("\\$", -1);
            if (parts.length != 4 || !SCHEME.equals(parts[0])) {
                return null;
            }
            try {
                int iterations = Integer.parseInt(parts[1]);
                byte[] salt = Base64.getDecoder().decode(parts[2]);
                byte[] hash = Base64.getDecoder().decode(parts[3]);
                if (iterations < 1 || salt.length == 0 || hash.length != HASH_BITS / 8) {
                    return null;
                }
                return new StoredHash(iterations, salt, hash);
            } catch (IllegalArgumentException malformed) {
                // NumberFormatException or bad base64: a corrupt row, which must simply not match.
                return null;
            }
        }
    }
}
