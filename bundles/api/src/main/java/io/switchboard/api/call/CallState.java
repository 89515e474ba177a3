package io.switchboard.api.call;

/** Where a call is in its life. */
public enum CallState {
    /** The caller's leg exists and is not answered yet. */
    OFFERED,
    /** The caller's leg is answered. */
    ANSWERED,
    /** Every leg has ended; kept only until the last event is delivered. */
    ENDED
}
