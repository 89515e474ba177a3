package io.switchboard.sip.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Checks a digest response against a stored HA1 (RFC 7616 §3.4.1, qop=auth or none). Stateless. */
public final class DigestVerifier {

    /**
     * @param method the SIP method of the request the credentials came with
     * @param ha1    the stored HA1 for the credentials' algorithm
     */
    public boolean verify(DigestCredentials credentials, String method, String ha1) {
        Optional<DigestAlgorithm> algorithm = DigestAlgorithm.of(credentials.algorithm());
        if (algorithm.isEmpty() || credentials.response() == null || credentials.nonce() == null
                || credentials.uri() == null || ha1 == null) {
            return false;
        }
        String expected = expectedResponse(algorithm.get(), credentials, method, ha1);
        return expected != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                credentials.response().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** The response a client knowing HA1 sends, or null when the parameters do not fit together. */
    static String expectedResponse(DigestAlgorithm algorithm, DigestCredentials c, String method, String ha1) {
        String ha2 = algorithm.hash(method + ':' + c.uri());
        if (c.qop() == null || c.qop().isEmpty()) {
            return algorithm.hash(ha1 + ':' + c.nonce() + ':' + ha2);
        }
        if (!c.qop().equalsIgnoreCase("auth") || c.cnonce() == null || c.nonceCount() == null) {
            return null;
        }
        return algorithm.hash(ha1 + ':' + c.nonce() + ':' + c.nonceCount() + ':' + c.cnonce() + ":auth:" + ha2);
    }
}
