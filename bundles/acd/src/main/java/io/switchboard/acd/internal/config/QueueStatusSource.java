package io.switchboard.acd.internal.config;

/**
 * The live state of the queues, registered as an OSGi service by the ACD controller (which holds
 * the waiting calls and the agents' states). The REST layer serves {@code /queues/{id}/status}
 * from it, and answers 503 while none is registered. Implementations must be thread-safe and
 * quick: they are called on HTTP threads.
 */
public interface QueueStatusSource {

    /**
     * The status of a queue that exists in the configuration (the caller has checked); a queue the
     * controller has not seen a call for yet has 0 waiting.
     */
    QueueStatus status(String queueId);
}
