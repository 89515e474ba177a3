package io.switchboard.acd.internal.config;

/**
 * The live state of the whole centre, registered as an OSGi service by the ACD controller (which
 * holds the waiting calls, the agents' states and today's numbers). The REST layer serves
 * {@code /acd/status} and its event stream from it, and answers 503 while none is registered.
 * Implementations must be thread-safe and quick: they are called on HTTP threads.
 */
public interface CentreStatusSource {

    /** A consistent snapshot: every queue and agent as of one instant. */
    CentreStatus centreStatus();
}
