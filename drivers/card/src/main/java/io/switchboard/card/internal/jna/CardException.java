package io.switchboard.card.internal.jna;

/** A voice-card call returned an error code; the message names the call and the library's reason. */
public final class CardException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int code;

    public CardException(int code, String message) {
        super(message);
        this.code = code;
    }

    /** The library's result code ({@code SC_E*}, negative). */
    public int code() {
        return code;
    }
}
