package io.switchboard.acd.internal.desk;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Recent handle times (agent answered → call ended) per queue, for the expected wait callers
 * hear. Kept in memory: after an update the first calls are announced without a wait until new
 * handle times come in, which is better than a stale guess.
 */
final class HandleTimes {

    static final int RECENT = 20;

    private final Map<String, Deque<Duration>> byQueue = new HashMap<>();

    void add(String queue, Duration handled) {
        if (handled.isNegative()) {
            return;
        }
        Deque<Duration> recent = byQueue.computeIfAbsent(queue, q -> new ArrayDeque<>());
        recent.addLast(handled);
        if (recent.size() > RECENT) {
            recent.removeFirst();
        }
    }

    /** The mean of the queue's recent handle times; empty before the first call of this queue ended. */
    Optional<Duration> average(String queue) {
        Deque<Duration> recent = byQueue.get(queue);
        if (recent == null || recent.isEmpty()) {
            return Optional.empty();
        }
        long total = 0;
        for (Duration handled : recent) {
            total += handled.toMillis();
        }
        return Optional.of(Duration.ofMillis(total / recent.size()));
    }

    /**
     * How long the caller at {@code position} may still wait: the calls ahead and this one shared
     * among the agents who serve the queue, each taking the recent average. Empty when nothing is known.
     */
    Optional<Duration> expectedWait(String queue, int position, int servingAgents) {
        if (position < 1) {
            return Optional.empty();
        }
        return average(queue).map(average -> average.multipliedBy(position).dividedBy(Math.max(1, servingAgents)));
    }
}
