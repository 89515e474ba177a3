package io.switchboard.console.internal.web;

/** The request body could not be used; answered 400 {@code bad_request} with this message. */
public final class BadRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    public BadRequestException(String message) {
        super(message);
    }
}
