package io.switchboard.api.channel;

import java.net.InetAddress;
import org.osgi.annotation.versioning.ProviderType;

/** Core's media engine as drivers see it: it opens the endpoints their channels' audio flows through. */
@ProviderType
public interface MediaEngine {

    /**
     * Opens an RTP/RTCP port pair from the configured range on this local address.
     *
     * @throws ChannelException with {@code UNAVAILABLE} when the range is exhausted
     */
    RtpEndpoint openRtp(InetAddress local) throws ChannelException;

    /** Opens an endpoint for a driver that moves raw frames (a telephony card). */
    FrameEndpoint openFrames(Codec codec, FrameEndpoint.FrameSink sink);
}
