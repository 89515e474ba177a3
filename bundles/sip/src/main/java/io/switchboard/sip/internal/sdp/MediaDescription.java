package io.switchboard.sip.internal.sdp;

import io.switchboard.api.channel.Direction;
import java.util.List;
import java.util.Map;

/**
 * One m= section.
 *
 * @param type       audio, video, …
 * @param port       the media port; 0 means the stream is rejected
 * @param protocol   RTP/AVP, …
 * @param formats    payload types in the offerer's order of preference
 * @param rtpmap     payload type to encoding name in upper case ("PCMU", "TELEPHONE-EVENT")
 * @param connection the media-level c= address, or null to use the session's
 * @param direction  the media-level direction attribute, or null to use the session's
 */
public record MediaDescription(String type, int port, String protocol, List<Integer> formats,
                               Map<Integer, String> rtpmap, String connection, Direction direction) {
    public MediaDescription {
        formats = List.copyOf(formats);
        rtpmap = Map.copyOf(rtpmap);
    }
}
