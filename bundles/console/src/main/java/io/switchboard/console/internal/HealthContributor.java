package io.switchboard.console.internal;

/**
 * A health probe beyond bundle states (a SIP OPTIONS to the stack, the database answering, …).
 * Registered as an OSGi service, it is picked up by {@code GET /api/v1/health}; its status counts
 * towards the overall one.
 *
 * <p>Internal for now: only this bundle can implement it. When the first contributor in another
 * bundle arrives (the SIP probe), move this interface to an exported, versioned package.
 * Implementations must answer quickly (the health endpoint is polled) and may be called
 * concurrently.
 */
public interface HealthContributor {

    HealthCheck check();
}
