package io.switchboard.sip.internal.sdp;

import io.switchboard.api.channel.Codec;
import io.switchboard.api.channel.Direction;
import io.switchboard.api.channel.RtpSettings;
import java.net.InetSocketAddress;

/**
 * The outcome of offer/answer for our one audio stream.
 *
 * @param codec           the codec both sides speak
 * @param dtmfPayloadType the far end's telephone-event payload type, or -1
 * @param remote          where the far end wants RTP (0.0.0.0 on an old-style hold)
 * @param direction       our direction
 * @param farEndHolding   the far end does not want to receive from us (sendonly, inactive, 0.0.0.0)
 */
public record Negotiated(Codec codec, int dtmfPayloadType, InetSocketAddress remote, Direction direction,
                         boolean farEndHolding) {

    public RtpSettings settings() {
        return new RtpSettings(remote, codec, dtmfPayloadType, direction);
    }
}
