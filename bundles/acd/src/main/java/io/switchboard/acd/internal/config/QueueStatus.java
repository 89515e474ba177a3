package io.switchboard.acd.internal.config;

import java.util.Map;

/**
 * A queue's live numbers, as {@code GET /api/v1/acd/queues/{id}/status} serves them.
 *
 * @param waiting            callers waiting now
 * @param longestWaitSeconds how long the longest-waiting of them has waited, 0 when none
 * @param agents             agents who qualify for the queue, counted by state name
 *                           ({@code READY}, {@code NOT_READY}, {@code BUSY}, …)
 */
public record QueueStatus(int waiting, long longestWaitSeconds, Map<String, Integer> agents) {
    public QueueStatus {
        agents = Map.copyOf(agents);
    }
}
