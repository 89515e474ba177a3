package io.switchboard.acd.internal.agent;

/** A state change not allowed now (REST answers 409 with the message). */
public final class TransitionRefused extends Exception {

    private static final long serialVersionUID = 1L;

    public TransitionRefused(String message) {
        super(message);
    }
}
