package io.switchboard.api.channel;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of line feeding calls into core: SIP, a telephony card. Registered as a service with the
 * {@value #NAME} property; core lists live legs with that name as their {@code driver}.
 */
@ConsumerType
public interface ChannelDriver {

    /** Service property: the driver's name as it appears in a leg ({@code sip}, {@code card}). */
    String NAME = "switchboard.driver";

    /** The driver's name; equal to its {@value #NAME} service property. */
    String name();

    /** Whether the driver can take and place calls now (its stack or card is up). */
    boolean isAvailable();
}
