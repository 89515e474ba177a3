package io.switchboard.api.routing;

import java.time.Duration;

/**
 * The call to be placed.
 *
 * @param callId        the call
 * @param queue         the queue it waits in
 * @param skill         the skill the queue requires
 * @param minimumLevel  the level the business requires (its difficulty), 1–10
 * @param priority      the customer's priority; higher goes first
 * @param waited        how long it has waited
 */
public record RoutingRequest(String callId, String queue, String skill, int minimumLevel, int priority,
                             Duration waited) {
}
