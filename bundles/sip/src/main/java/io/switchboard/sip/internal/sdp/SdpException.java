package io.switchboard.sip.internal.sdp;

/** A session description that cannot be parsed, or one with no media we can use. */
public class SdpException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean incompatible;

    private SdpException(String message, boolean incompatible) {
        super(message);
        this.incompatible = incompatible;
    }

    /** Not SDP at all, or broken: answered with 400. */
    public static SdpException malformed(String message) {
        return new SdpException(message, false);
    }

    /** Well-formed but without a codec we speak: answered with 488. */
    public static SdpException incompatible(String message) {
        return new SdpException(message, true);
    }

    public boolean isIncompatible() {
        return incompatible;
    }
}
