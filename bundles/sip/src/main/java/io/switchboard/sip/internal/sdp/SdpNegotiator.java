package io.switchboard.sip.internal.sdp;

import io.switchboard.api.channel.Codec;
import io.switchboard.api.channel.Direction;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Offer/answer (RFC 3264) for one audio stream of G.711 plus telephone-events. The same rules read
 * a far end's offer and a far end's answer to our offer: the first of its payload types that is
 * PCMU or PCMA wins (its order is its preference), and its telephone-event payload type is kept.
 * Stateless.
 */
public final class SdpNegotiator {

    private static final String TELEPHONE_EVENT = "TELEPHONE-EVENT";

    /**
     * Negotiates against a far end's description.
     *
     * @param wanted the direction we want (SENDRECV, or SENDONLY while we hold the far end)
     * @throws SdpException incompatible when there is no usable audio stream or common codec,
     *                      malformed when the stream has no address
     */
    public Negotiated negotiate(SessionDescription remote, Direction wanted) throws SdpException {
        MediaDescription audio = remote.media().stream()
                .filter(m -> m.type().equals("audio") && m.port() != 0 && m.protocol().equalsIgnoreCase("RTP/AVP"))
                .findFirst()
                .orElseThrow(() -> SdpException.incompatible("no RTP/AVP audio stream"));
        Codec codec = null;
        int dtmf = -1;
        for (int payloadType : audio.formats()) {
            String name = audio.rtpmap().get(payloadType);
            if (codec == null) {
                codec = codec(payloadType, name).orElse(null);
            }
            if (dtmf < 0 && TELEPHONE_EVENT.equals(name)) {
                dtmf = payloadType;
            }
        }
        if (codec == null) {
            throw SdpException.incompatible("no PCMU or PCMA offered");
        }
        String address = audio.connection() != null ? audio.connection() : remote.connection();
        if (address == null) {
            throw SdpException.malformed("no c= line for the audio stream");
        }
        Direction theirs = audio.direction() != null ? audio.direction()
                : remote.direction() != null ? remote.direction() : Direction.SENDRECV;
        boolean nullAddress = address.equals("0.0.0.0");
        boolean theySend = theirs == Direction.SENDRECV || theirs == Direction.SENDONLY;
        boolean theyReceive = !nullAddress && (theirs == Direction.SENDRECV || theirs == Direction.RECVONLY);
        boolean weSend = theyReceive && (wanted == Direction.SENDRECV || wanted == Direction.SENDONLY);
        boolean weReceive = theySend && (wanted == Direction.SENDRECV || wanted == Direction.RECVONLY);
        return new Negotiated(codec, dtmf, socketAddress(address, audio.port()),
                direction(weSend, weReceive), !theyReceive);
    }

    /** IP literals are resolved (no lookup happens for them); a host name is left for core to resolve. */
    private static InetSocketAddress socketAddress(String address, int port) throws SdpException {
        boolean literal = address.indexOf(':') >= 0 || address.matches("[0-9.]+");
        if (!literal) {
            return InetSocketAddress.createUnresolved(address, port);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(address), port);
        } catch (UnknownHostException e) {
            throw SdpException.malformed("bad c= address");
        }
    }

    private static Optional<Codec> codec(int payloadType, String rtpmapName) {
        // static payload types need no rtpmap; if one is given it must agree
        for (Codec codec : Codec.values()) {
            if (payloadType == codec.payloadType() && (rtpmapName == null || rtpmapName.equals(codec.name()))) {
                return Optional.of(codec);
            }
        }
        return Optional.empty();
    }

    private static Direction direction(boolean send, boolean receive) {
        if (send && receive) {
            return Direction.SENDRECV;
        }
        if (send) {
            return Direction.SENDONLY;
        }
        return receive ? Direction.RECVONLY : Direction.INACTIVE;
    }
}
