package io.switchboard.acd.internal.routing;

import java.time.Duration;
import java.time.Instant;

/**
 * Instants and durations as plain nanoseconds, so that decisions compare longs and allocate nothing.
 * Covers the years 1678–2262, which is plenty for a queue.
 */
final class Nanos {

    /** Marks "no such time" (no further overflow step, no max wait). */
    static final long NONE = Long.MAX_VALUE;

    private Nanos() {
    }

    static long of(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Instant out of routing range: " + instant, e);
        }
    }

    static long of(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Duration out of routing range: " + duration, e);
        }
    }

    static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
