package io.switchboard.api.call;

/** Where one leg (one channel of a driver) is in its life. */
public enum LegState {
    /** Created: an inbound channel not answered yet, or an outbound one not yet ringing. */
    NEW,
    /** The far end is alerting (SIP 180, a card extension ringing). */
    RINGING,
    /** Early media flowing before answer (SIP 183). */
    EARLY,
    /** Answered; media flows. */
    ANSWERED,
    /** Answered and put on hold by either side. */
    HELD,
    /** Gone. */
    ENDED
}
