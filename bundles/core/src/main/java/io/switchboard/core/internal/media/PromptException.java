package io.switchboard.core.internal.media;

/** A prompt that cannot be played: unknown, unreadable, or in a format the engine does not take. */
public class PromptException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PromptException(String message) {
        super(message);
    }

    public PromptException(String message, Throwable cause) {
        super(message, cause);
    }
}
