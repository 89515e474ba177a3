package io.switchboard.core.api;

/** A change to the inbound routes that was refused; the message says why, for an admin to read. */
public class RouteConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a change was refused. */
    public enum Reason {
        /** The input is not valid (syntax, unknown alternate, a loop); nothing changed. */
        INVALID,
        /** The route or holiday does not exist. */
        NOT_FOUND,
        /** It clashes with what exists (the id or pattern is taken, another route uses it as alternate). */
        CONFLICT,
        /** The database could not make the change now; nothing changed. */
        UNAVAILABLE
    }

    private final Reason reason;

    public RouteConfigException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RouteConfigException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
