package io.switchboard.sip.internal.sdp;

import io.switchboard.api.channel.Codec;
import io.switchboard.api.channel.Direction;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;

/** Writes our SDP: one audio stream, G.711 and optionally telephone-events. Stateless. */
public final class SdpWriter {

    /** The telephone-event payload type we offer. */
    public static final int OFFERED_DTMF_PAYLOAD_TYPE = 101;

    /**
     * @param sessionId a number stable for the dialog
     * @param version   incremented on every change (RFC 3264 §8)
     * @param dtmfPayloadType -1 to leave telephone-events out
     */
    public String write(long sessionId, long version, InetSocketAddress local, List<Codec> codecs,
                        int dtmfPayloadType, Direction direction) {
        String ipVersion = local.getAddress() instanceof Inet6Address ? "IP6" : "IP4";
        String address = local.getAddress().getHostAddress();
        StringBuilder formats = new StringBuilder();
        StringBuilder attributes = new StringBuilder();
        for (Codec codec : codecs) {
            formats.append(' ').append(codec.payloadType());
            attributes.append("a=rtpmap:").append(codec.payloadType()).append(' ').append(codec.name())
                    .append("/8000\r\n");
        }
        if (dtmfPayloadType >= 0) {
            formats.append(' ').append(dtmfPayloadType);
            attributes.append("a=rtpmap:").append(dtmfPayloadType).append(" telephone-event/8000\r\n")
                    .append("a=fmtp:").append(dtmfPayloadType).append(" 0-16\r\n");
        }
        return "v=0\r\n"
                + "o=switchboard " + sessionId + ' ' + version + " IN " + ipVersion + ' ' + address + "\r\n"
                + "s=switchboard\r\n"
                + "c=IN " + ipVersion + ' ' + address + "\r\n"
                + "t=0 0\r\n"
                + "m=audio " + local.getPort() + " RTP/AVP" + formats + "\r\n"
                + attributes
                + "a=ptime:20\r\n"
                + "a=" + direction.name().toLowerCase(Locale.ROOT) + "\r\n";
    }
}
