package io.switchboard.sip.internal.auth;

import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides a request's digest credentials: nonce, lockout, stored hash, response. Thread-safe
 * (its parts are).
 */
public final class Authenticator {

    /** What to do with the request. */
    public enum Outcome {
        /** Credentials are good. */
        OK,
        /** No credentials, or for another realm: challenge. */
        CHALLENGE,
        /** A nonce of ours that expired: challenge again with stale=true. */
        STALE,
        /** Wrong password, unknown user, a forged nonce, or locked out: 403. */
        FORBIDDEN
    }

    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

    private final NonceService nonces;
    private final Lockout lockout;
    private final DigestVerifier verifier = new DigestVerifier();
    private final Function<String, Optional<StoredCredentials>> devices;
    private final String realm;

    public Authenticator(NonceService nonces, Lockout lockout,
                         Function<String, Optional<StoredCredentials>> devices, String realm) {
        this.nonces = nonces;
        this.lockout = lockout;
        this.devices = devices;
        this.realm = realm;
    }

    public String realm() {
        return realm;
    }

    public String newNonce() {
        return nonces.issue();
    }

    /**
     * @param credentials null when the request carried none
     * @param source      the request's source address (without port), the lockout key with the user
     */
    public Outcome authenticate(DigestCredentials credentials, String method, String source) {
        if (credentials == null || !realm.equals(credentials.realm()) || credentials.username() == null) {
            return Outcome.CHALLENGE;
        }
        String user = credentials.username();
        if (lockout.isLocked(source, user)) {
            LOG.info("Digest from {} for user {} refused: locked out", source, user);
            return Outcome.FORBIDDEN;
        }
        switch (nonces.check(credentials.nonce())) {
            case STALE:
                return Outcome.STALE;
            case INVALID:
                return fail(source, user, "not our nonce");
            default:
                break;
        }
        Optional<DigestAlgorithm> algorithm = DigestAlgorithm.of(credentials.algorithm());
        Optional<StoredCredentials> stored = devices.apply(user).filter(s -> realm.equals(s.realm()));
        String ha1 = algorithm.isPresent() && stored.isPresent() ? stored.get().ha1(algorithm.get()) : null;
        if (ha1 == null || !verifier.verify(credentials, method, ha1)) {
            return fail(source, user, stored.isEmpty() ? "unknown user" : "wrong response");
        }
        lockout.succeeded(source, user);
        return Outcome.OK;
    }

    private Outcome fail(String source, String user, String why) {
        boolean locked = lockout.failed(source, user);
        LOG.info("Digest from {} for user {} failed: {}{}", source, user, why, locked ? "; now locked out" : "");
        return Outcome.FORBIDDEN;
    }
}
