package io.switchboard.api.call;

/** Why a leg or a call ended, in terms a report and a SIP or card driver can both map. */
public enum Cause {
    /** One side hung up after the call was answered. */
    NORMAL,
    /** The called party was busy. */
    BUSY,
    /** Nobody answered within the dial timeout. */
    NO_ANSWER,
    /** The called party declined. */
    REJECTED,
    /** The caller gave up before the call was answered. */
    CANCELLED,
    /** The destination is not registered or cannot be reached. */
    UNREACHABLE,
    /** No inbound route matched the dialled number. */
    NO_ROUTE,
    /** The caller is not allowed to call (untrusted peer, failed authentication). */
    FORBIDDEN,
    /** No common codec. */
    INCOMPATIBLE_MEDIA,
    /** No media arrived for longer than the inactivity timeout: a dead call. */
    MEDIA_TIMEOUT,
    /** The appliance is draining or overloaded and refuses new calls. */
    UNAVAILABLE,
    /** The controller ended the call on purpose (transfer done, flow finished). */
    CONTROLLER,
    /** The line itself failed (card span alarm, transport error). */
    LINE_FAILURE,
    /** Anything else; the journal entry carries the detail. */
    ERROR
}
