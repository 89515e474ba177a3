package io.switchboard.api.channel;

import io.switchboard.api.call.Cause;

/** A channel that cannot be placed or driven; {@link #cause()} is what the leg ends with. */
public class ChannelException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Cause cause;

    public ChannelException(Cause cause, String message) {
        super(message);
        this.cause = cause;
    }

    public Cause cause() {
        return cause;
    }
}
