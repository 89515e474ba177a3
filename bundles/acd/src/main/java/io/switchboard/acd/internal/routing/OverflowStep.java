package io.switchboard.acd.internal.routing;

import java.time.Duration;
import java.util.Objects;

/**
 * Once a call has waited {@code after}, agents meeting {@code alsoAccept} may take it as well.
 *
 * @param after      waiting time at which the step activates, not negative
 * @param alsoAccept the additional requirement that makes an agent eligible
 */
public record OverflowStep(Duration after, SkillRequirement alsoAccept) {

    public OverflowStep {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(alsoAccept, "alsoAccept");
        if (after.isNegative()) {
            throw new IllegalArgumentException("Overflow step time must not be negative, was " + after);
        }
    }
}
