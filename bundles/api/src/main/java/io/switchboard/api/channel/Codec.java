package io.switchboard.api.channel;

/** The audio codecs the appliance speaks: G.711 at 8 kHz, 20 ms frames of 160 bytes. */
public enum Codec {
    PCMU(0),
    PCMA(8);

    private final int payloadType;

    Codec(int payloadType) {
        this.payloadType = payloadType;
    }

    /** The static RTP payload type (RFC 3551). */
    public int payloadType() {
        return payloadType;
    }
}
