package io.switchboard.sip.internal.leg;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live legs by Call-ID (each leg is its own dialog, and we make our own Call-IDs unique). An
 * ended leg stays findable for a while so late messages of its dialog (a retransmitted BYE, a 200
 * racing our CANCEL) still reach it. Thread-safe: a concurrent map.
 */
public final class LegRegistry {

    /** How long an ended leg stays: 64 × T1, the longest a transaction lives. */
    static final long LINGER_SECONDS = 32;

    private final ConcurrentMap<String, SipLeg> byCallId = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers;

    public LegRegistry(ScheduledExecutorService timers) {
        this.timers = timers;
    }

    public boolean add(SipLeg leg) {
        return byCallId.putIfAbsent(leg.callId(), leg) == null;
    }

    public Optional<SipLeg> find(String callId) {
        return Optional.ofNullable(callId == null ? null : byCallId.get(callId));
    }

    void retire(SipLeg leg) {
        timers.schedule(() -> byCallId.remove(leg.callId(), leg), LINGER_SECONDS, TimeUnit.SECONDS);
    }

    /** Legs not yet ended, for draining and shutdown. */
    public Collection<SipLeg> all() {
        return byCallId.values();
    }

    public long liveCount() {
        return byCallId.values().stream().filter(l -> !l.isEnded()).count();
    }
}
