package io.switchboard.core.internal.call;

import java.time.Duration;

/**
 * The call engine's settings.
 *
 * @param parkTimeout         how long a call waits for its controller to come back
 * @param parkFallbackNumber  the inbound route a call whose controller did not come back goes to;
 *                            empty: the call is ended
 * @param maxCalls            live calls beyond which new ones are refused (503)
 */
public record CallEngineOptions(Duration parkTimeout, String parkFallbackNumber, int maxCalls) {
    public CallEngineOptions {
        if (parkTimeout.isNegative() || parkTimeout.isZero()) {
            throw new IllegalArgumentException("park timeout must be positive");
        }
        if (maxCalls < 1) {
            throw new IllegalArgumentException("maxCalls must be at least 1");
        }
        parkFallbackNumber = parkFallbackNumber == null ? "" : parkFallbackNumber.trim();
    }

    public static CallEngineOptions defaults() {
        return new CallEngineOptions(Duration.ofSeconds(60), "", 2_000);
    }
}
