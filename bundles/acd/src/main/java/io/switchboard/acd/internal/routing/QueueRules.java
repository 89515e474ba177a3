package io.switchboard.acd.internal.routing;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a queue routes its calls.
 *
 * @param queueId     the queue
 * @param requirement who may take its calls from the start
 * @param strategy    {@code longest-idle}, {@code best-skill}, {@code fewest-calls}, {@code round-robin}
 *                    or the name of a vendor {@link io.switchboard.api.routing.RoutingStrategy}
 * @param overflow    steps that widen eligibility with waiting time; null means none
 * @param maxWait     how long a call may wait before {@link RoutingEngine#expired} hands it back;
 *                    null means no limit
 */
public record QueueRules(String queueId, SkillRequirement requirement, String strategy,
                         List<OverflowStep> overflow, Duration maxWait) {

    public QueueRules {
        Objects.requireNonNull(queueId, "queueId");
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(strategy, "strategy");
        if (queueId.isBlank()) {
            throw new IllegalArgumentException("Queue id must not be blank");
        }
        if (strategy.isBlank()) {
            throw new IllegalArgumentException("Strategy of queue " + queueId + " must not be blank");
        }
        overflow = overflow == null ? List.of() : List.copyOf(overflow);
        if (maxWait != null && (maxWait.isNegative() || maxWait.isZero())) {
            throw new IllegalArgumentException("Max wait of queue " + queueId + " must be positive, was " + maxWait);
        }
    }
}
