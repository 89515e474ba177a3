package io.switchboard.sip.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The digest hash functions of RFC 7616, as lower-case hex. */
public final class Hashes {

    private Hashes() {
    }

    public static String md5(String text) {
        return hex("MD5", text);
    }

    public static String sha256(String text) {
        return hex("SHA-256", text);
    }

    /** HA1 = H(user:realm:password), the realm-bound secret the protocol needs; never the password itself. */
    public static String ha1(DigestAlgorithm algorithm, String user, String realm, String password) {
        return algorithm.hash(user + ':' + realm + ':' + password);
    }

    static String hex(String algorithm, String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must have MD5 and SHA-256
            throw new IllegalStateException(algorithm + " missing", e);
        }
    }
}
