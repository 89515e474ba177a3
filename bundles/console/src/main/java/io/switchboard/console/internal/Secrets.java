package io.switchboard.console.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/** Random secrets: bearer tokens, salts and generated passwords, all from one {@link SecureRandom}. */
public final class Secrets {

    /** No 0/O, 1/l/I: the generated admin password is read off a terminal and typed by hand. */
    private static final String PASSWORD_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final SecureRandom random;

    public Secrets(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    /** {@code byteCount} random bytes as URL-safe base64 without padding. */
    public String urlSafeToken(int byteCount) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(byteCount));
    }

    public String password(int length) {
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
