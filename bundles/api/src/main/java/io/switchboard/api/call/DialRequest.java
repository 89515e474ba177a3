package io.switchboard.api.call;

import java.time.Duration;

/**
 * A new outbound leg for an existing call.
 *
 * @param destination where to: {@code sip:<user>} (a registered device), {@code trunk:<number>}
 *                    (out through the SIP trunk), {@code card:<channel>} (a card extension)
 * @param callerId    the caller identity to present; empty to present the call's caller
 * @param timeout     how long it may ring before it ends with {@link Cause#NO_ANSWER}
 */
public record DialRequest(String destination, String callerId, Duration timeout) {
    public DialRequest {
        if (destination == null || destination.indexOf(':') <= 0) {
            throw new IllegalArgumentException("destination must be <scheme>:<address>, was " + destination);
        }
        callerId = callerId == null ? "" : callerId;
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }
}
