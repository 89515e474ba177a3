package io.switchboard.core.internal.call;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Makes call and leg ids: unguessable (they appear in URLs of the agent API) and unique across
 * restarts, without a counter that outlives the engine.
 */
final class CallIds {
    private final SecureRandom random = new SecureRandom();

    String nextCall() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Caller holds the call's monitor. */
    String nextLeg(CallRecord call) {
        return call.id + "." + (call.legs.size() + 1);
    }
}
