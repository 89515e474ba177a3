package io.switchboard.sip.internal.leg;

import io.switchboard.api.call.Cause;

/** Maps call causes to SIP final responses and back. */
public final class CauseCodes {

    private CauseCodes() {
    }

    /** The final response refusing an inbound INVITE for this cause. */
    public static int status(Cause cause) {
        return switch (cause) {
            case NO_ROUTE -> 404;
            case UNAVAILABLE -> 503;
            case FORBIDDEN -> 403;
            case BUSY -> 486;
            case INCOMPATIBLE_MEDIA -> 488;
            case REJECTED -> 603;
            case CANCELLED -> 487;
            case UNREACHABLE, NO_ANSWER, NORMAL, CONTROLLER -> 480;
            case MEDIA_TIMEOUT, LINE_FAILURE, ERROR -> 500;
        };
    }

    /** The cause an outbound leg ends with when its INVITE gets this final response. */
    public static Cause cause(int status) {
        return switch (status) {
            case 486, 600 -> Cause.BUSY;
            case 603 -> Cause.REJECTED;
            case 408, 480 -> Cause.NO_ANSWER;
            case 487 -> Cause.CANCELLED;
            case 404, 410, 484, 604 -> Cause.UNREACHABLE;
            case 401, 403, 407 -> Cause.FORBIDDEN;
            case 415, 488, 606 -> Cause.INCOMPATIBLE_MEDIA;
            case 503 -> Cause.UNAVAILABLE;
            default -> Cause.ERROR;
        };
    }
}
