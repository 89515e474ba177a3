package io.switchboard.api.channel;

import io.switchboard.api.call.DialRequest;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of line feeding calls into core: SIP, a telephony card. Registered as a service with the
 * {@value #NAME} property; core lists live legs with that name as their {@code driver}, and sends it
 * the outbound legs whose destination scheme it lists in {@value #SCHEMES}.
 */
@ConsumerType
public interface ChannelDriver {

    /** Service property: the driver's name as it appears in a leg ({@code sip}, {@code card}). */
    String NAME = "switchboard.driver";

    /** Service property: destination schemes this driver dials ({@code sip}, {@code trunk}, {@code card}). */
    String SCHEMES = "switchboard.driver.schemes";

    /** The driver's name; equal to its {@value #NAME} service property. */
    String name();

    /** Whether the driver can take and place calls now (its stack or card is up). */
    boolean isAvailable();

    /**
     * Places an outbound channel. Returns at once; progress is reported to {@code sink}
     * ({@link LegSink#ringing}, {@link LegSink#answered}, {@link LegSink#ended}).
     *
     * @param legId   core's id for the leg, for logs
     * @param request where to, caller id and ring timeout
     * @param sink    where to report the channel's progress
     * @throws ChannelException when the destination cannot be dialled at all (unknown, not registered)
     */
    Channel originate(String legId, DialRequest request, LegSink sink) throws ChannelException;
}
