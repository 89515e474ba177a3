package io.switchboard.acd.internal.desk;

import java.time.Duration;

/**
 * How call-backs are placed.
 *
 * @param attempts    calls placed to a customer who does not answer before the request is given up
 * @param retryAfter  the pause between attempts (the request keeps its place meanwhile)
 * @param ringTimeout how long the customer's phone rings
 * @param callerId    the number the customer sees (the hotline's); empty for the trunk's default
 */
public record CallbackPolicy(int attempts, Duration retryAfter, Duration ringTimeout, String callerId) {

    public static final CallbackPolicy DEFAULT = new CallbackPolicy(3, Duration.ofMinutes(2), Duration.ofSeconds(30), "");

    public CallbackPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one call-back attempt");
        }
        callerId = callerId == null ? "" : callerId;
    }
}
