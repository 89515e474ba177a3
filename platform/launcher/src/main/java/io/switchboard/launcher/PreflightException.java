package io.switchboard.launcher;

/** The machine or the data directory is not fit to start on; the message is for the operator. */
public final class PreflightException extends Exception {

    private static final long serialVersionUID = 1L;

    public PreflightException(String message) {
        super(message);
    }

    public PreflightException(String message, Throwable cause) {
        super(message, cause);
    }
}
