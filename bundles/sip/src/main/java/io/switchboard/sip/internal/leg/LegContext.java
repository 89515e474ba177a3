package io.switchboard.sip.internal.leg;

import io.switchboard.sip.internal.sdp.SdpNegotiator;
import io.switchboard.sip.internal.sdp.SdpParser;
import io.switchboard.sip.internal.sdp.SdpWriter;
import io.switchboard.sip.internal.stack.SipMessages;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every leg shares: the stack's message helpers, the pool strands run on, the timer, the SDP
 * rules, and the registry legs leave when they end.
 */
public record LegContext(SipMessages sip, Executor pool, ScheduledExecutorService timers, LegRegistry legs,
                         SdpParser parser, SdpNegotiator negotiator, SdpWriter writer) {

    public LegContext(SipMessages sip, Executor pool, ScheduledExecutorService timers, LegRegistry legs) {
        this(sip, pool, timers, legs, new SdpParser(), new SdpNegotiator(), new SdpWriter());
    }
}
