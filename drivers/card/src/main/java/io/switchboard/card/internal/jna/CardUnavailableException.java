package io.switchboard.card.internal.jna;

/** The card's native library cannot be loaded or is of another API version. */
public final class CardUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public CardUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
