package io.switchboard.sip.internal.sdp;

import io.switchboard.api.channel.Direction;
import java.util.List;

/**
 * The parts of an SDP body (RFC 4566) offer/answer needs.
 *
 * @param connection session-level c= address, or null
 * @param direction  session-level direction attribute, or null (meaning sendrecv)
 * @param media      the m= sections in order
 */
public record SessionDescription(String connection, Direction direction, List<MediaDescription> media) {
    public SessionDescription {
        media = List.copyOf(media);
    }
}
