package io.switchboard.sip.internal.sdp;

import io.switchboard.api.channel.Direction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses SDP strictly enough to refuse garbage and leniently enough for real phones: unknown lines
 * are skipped, but the v= line, well-formed c= and m= lines and numeric ports and formats are
 * required. Stateless.
 */
public final class SdpParser {

    /** Beyond this an SDP body is refused; a real offer is well under 2 KiB. */
    static final int MAX_LENGTH = 16 * 1024;

    public SessionDescription parse(String text) throws SdpException {
        if (text == null || text.isBlank()) {
            throw SdpException.malformed("empty body");
        }
        if (text.length() > MAX_LENGTH) {
            throw SdpException.malformed("body too long");
        }
        String[] lines = text.split("\r?\n");
        if (!lines[0].strip().equals("v=0")) {
            throw SdpException.malformed("does not start with v=0");
        }
        String sessionConnection = null;
        Direction sessionDirection = null;
        List<MediaDescription> media = new ArrayList<>();
        MediaBuilder current = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=') {
                throw SdpException.malformed("not a type=value line");
            }
            String value = line.substring(2);
            switch (line.charAt(0)) {
                case 'm' -> {
                    if (current != null) {
                        media.add(current.build());
                    }
                    current = MediaBuilder.parse(value);
                }
                case 'c' -> {
                    String address = connectionAddress(value);
                    if (current == null) {
                        sessionConnection = address;
                    } else {
                        current.connection = address;
                    }
                }
                case 'a' -> {
                    Direction direction = direction(value);
                    if (direction != null) {
                        if (current == null) {
                            sessionDirection = direction;
                        } else {
                            current.direction = direction;
                        }
                    } else if (current != null && value.startsWith("rtpmap:")) {
                        current.rtpmap(value.substring("rtpmap:".length()));
                    }
                }
                default -> {
                    // o=, s=, t=, b=, … carry nothing offer/answer needs here
                }
            }
        }
        if (current != null) {
            media.add(current.build());
        }
        return new SessionDescription(sessionConnection, sessionDirection, media);
    }

    private static String connectionAddress(String value) throws SdpException {
        String[] parts = value.trim().split("\\s+");
        if (parts.length != 3 || !parts[0].equals("IN") || !(parts[1].equals("IP4") || parts[1].equals("IP6"))) {
            throw SdpException.malformed("bad c= line");
        }
        // a multicast address may carry /ttl; unicast is what we speak
        String address = parts[2];
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }

    private static Direction direction(String value) {
        return switch (value.trim()) {
            case "sendrecv" -> Direction.SENDRECV;
            case "sendonly" -> Direction.SENDONLY;
            case "recvonly" -> Direction.RECVONLY;
            case "inactive" -> Direction.INACTIVE;
            default -> null;
        };
    }

    private static int number(String text, int max, String what) throws SdpException {
        try {
            int value = Integer.parseInt(text);
            if (value < 0 || value > max) {
                throw SdpException.malformed(what + " out of range");
            }
            return value;
        } catch (NumberFormatException e) {
            throw SdpException.malformed("bad " + what);
        }
    }

    private static final class MediaBuilder {
        private final String type;
        private final int port;
        private final String protocol;
        private final List<Integer> formats;
        private final Map<Integer, String> rtpmap = new HashMap<>();
        private String connection;
        private Direction direction;

        private MediaBuilder(String type, int port, String protocol, List<Integer> formats) {
            this.type = type;
            this.port = port;
            this.protocol = protocol;
            this.formats = formats;
        }

        static MediaBuilder parse(String value) throws SdpException {
            String[] parts = value.trim().split("\\s+");
            if (parts.length < 3) {
                throw SdpException.malformed("bad m= line");
            }
            String portText = parts[1];
            int slash = portText.indexOf('/');
            int port = number(slash < 0 ? portText : portText.substring(0, slash), 65535, "port");
            List<Integer> formats = new ArrayList<>();
            boolean rtp = parts[2].toUpperCase(Locale.ROOT).startsWith("RTP/");
            for (int i = 3; i < parts.length; i++) {
                if (rtp) {
                    formats.add(number(parts[i], 127, "payload type"));
                }
            }
            return new MediaBuilder(parts[0], port, parts[2], formats);
        }

        void rtpmap(String value) throws SdpException {
            String[] parts = value.trim().split("\\s+", 2);
            if (parts.length != 2) {
                throw SdpException.malformed("bad rtpmap");
            }
            int payloadType = number(parts[0], 127, "rtpmap payload type");
            String encoding = parts[1];
            int slash = encoding.indexOf('/');
            String name = slash < 0 ? encoding : encoding.substring(0, slash);
            rtpmap.put(payloadType, name.toUpperCase(Locale.ROOT));
        }

        MediaDescription build() {
            return new MediaDescription(type, port, protocol, formats, rtpmap, connection, direction);
        }
    }
}
