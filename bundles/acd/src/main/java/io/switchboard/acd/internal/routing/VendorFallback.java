package io.switchboard.acd.internal.routing;

import java.util.Optional;

/**
 * Why a call of a vendor-strategy queue went to the longest-idle agent instead. The engine never
 * logs; the controller reads {@link RoutingEngine#lastVendorFallback()} and decides what to say.
 *
 * @param strategy the strategy name the queue gives
 * @param callId   the call being routed
 * @param reason   what went wrong
 * @param cause    what the strategy threw, for {@link Reason#FAILED}
 */
public record VendorFallback(String strategy, String callId, Reason reason, Optional<Throwable> cause) {

    /** What went wrong with the vendor strategy. */
    public enum Reason {
        /** No strategy of that name is registered. */
        NOT_REGISTERED,
        /** It chose an agent that was not among the candidates. */
        UNKNOWN_AGENT,
        /** It threw, or returned null. */
        FAILED
    }
}
