package io.switchboard.api.channel;

import io.switchboard.api.call.Cause;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Core's door for drivers: a new inbound channel becomes a call here. Provided by core.
 */
@ProviderType
public interface ChannelHub {

    /**
     * Offers a new inbound channel. Core creates the call, routes it by the dialled number and
     * returns the sink the driver reports the channel's progress to; the call's controller then
     * answers, rings or ends the channel through it.
     *
     * @throws ChannelException with {@link Cause#UNAVAILABLE} while core drains or is overloaded,
     *                          {@link Cause#NO_ROUTE} when no route takes the number
     */
    LegSink inbound(InboundRequest request, Channel channel) throws ChannelException;

    /** Whether new calls are taken now; false while draining. A driver refuses new calls early with it. */
    boolean accepting();
}
