package io.switchboard.api.channel;

import java.net.InetSocketAddress;

/**
 * Where and how an RTP endpoint sends, from SDP offer/answer.
 *
 * @param remote           the far end's RTP address; packets from elsewhere are dropped
 * @param codec            the negotiated codec
 * @param dtmfPayloadType  the negotiated telephone-event payload type, or -1 when none
 * @param direction        the negotiated direction, from this endpoint's point of view
 */
public record RtpSettings(InetSocketAddress remote, Codec codec, int dtmfPayloadType, Direction direction) {
    public RtpSettings {
        if (remote == null || codec == null || direction == null) {
            throw new IllegalArgumentException("remote, codec and direction are required");
        }
        if (dtmfPayloadType < -1 || dtmfPayloadType > 127) {
            throw new IllegalArgumentException("dtmf payload type out of range: " + dtmfPayloadType);
        }
    }
}
