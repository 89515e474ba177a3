package io.switchboard.store.internal;

/**
 * A bundle's migrations cannot be brought up to date; the bundle must not run on this schema.
 * The message is written to be the one log line an operator reads.
 */
public class MigrationException extends Exception {

    private static final long serialVersionUID = 1L;

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
