package io.switchboard.api.call;

/** A call-control action that cannot be done: unknown or ended call or leg, wrong state, bad argument. */
public class CallControlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CallControlException(String message) {
        super(message);
    }
}
