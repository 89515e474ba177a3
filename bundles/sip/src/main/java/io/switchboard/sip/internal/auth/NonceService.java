package io.switchboard.sip.internal.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks digest nonces without remembering them: a nonce is its issue time and some
 * randomness, signed with an HMAC under a key drawn at each start, so only this process's nonces
 * verify and an old one is recognised as stale. Thread-safe: its fields are immutable and each
 * call builds its own Mac.
 */
public final class NonceService {

    /** What a nonce turned out to be. */
    public enum Check { VALID, STALE, INVALID }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int BODY_BYTES = 16;
    private static final int TAG_BYTES = 16;

    private final Clock clock;
    private final SecureRandom random;
    private final SecretKeySpec key;
    private final Duration lifetime;

    public NonceService(Clock clock, SecureRandom random, Duration lifetime) {
        this.clock = clock;
        this.random = random;
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.lifetime = lifetime;
    }

    public String issue() {
        ByteBuffer body = ByteBuffer.allocate(BODY_BYTES);
        body.putLong(clock.millis());
        byte[] salt = new byte[BODY_BYTES - Long.BYTES];
        random.nextBytes(salt);
        body.put(salt);
        byte[] bytes = body.array();
        ByteBuffer nonce = ByteBuffer.allocate(BODY_BYTES + TAG_BYTES);
        nonce.put(bytes).put(tag(bytes));
        return ENCODER.encodeToString(nonce.array());
    }

    public Check check(String nonce) {
        if (nonce == null || nonce.length() > 64) {
            return Check.INVALID;
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(nonce.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return Check.INVALID;
        }
        if (bytes.length != BODY_BYTES + TAG_BYTES) {
            return Check.INVALID;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte[] body = new byte[BODY_BYTES];
        byte[] tag = new byte[TAG_BYTES];
        buffer.get(body).get(tag);
        if (!MessageDigest.isEqual(tag, tag(body))) {
            return Check.INVALID;
        }
        long issued = ByteBuffer.wrap(body).getLong();
        long age = clock.millis() - issued;
        return age >= 0 && age <= lifetime.toMillis() ? Check.VALID : Check.STALE;
    }

    private byte[] tag(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] full = mac.doFinal(body);
            byte[] tag = new byte[TAG_BYTES];
            System.arraycopy(full, 0, tag, 0, TAG_BYTES);
            return tag;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing", e);
        }
    }
}
