package io.switchboard.api.channel;

import java.net.InetSocketAddress;
import org.osgi.annotation.versioning.ProviderType;

/** An RTP/RTCP port pair of core's media engine, owned by one SIP (or other RTP) channel. */
@ProviderType
public interface RtpEndpoint extends MediaEndpoint {

    /** The local RTP address to put into SDP. */
    InetSocketAddress local();

    /** Sets or changes (re-INVITE) where and how it sends. Until the first call it neither sends nor accepts. */
    void configure(RtpSettings settings);

    /** The settings in force, or null before {@link #configure}. */
    RtpSettings settings();
}
