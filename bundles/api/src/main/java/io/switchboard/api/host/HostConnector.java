package io.switchboard.api.host;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A connection to one of the bank's systems used by self-service (balance, card status, rates).
 * Implemented by vendors; core calls it through a guard with a timeout, so an implementation may
 * block but should honour the request's deadline.
 */
@ConsumerType
public interface HostConnector {

    /** Service property: the name flows use to address this system ({@code corebank}). */
    String SYSTEM = "switchboard.host.system";

    /** Performs one operation and reports its outcome; never throws for a business refusal. */
    HostResult call(HostRequest request);
}
