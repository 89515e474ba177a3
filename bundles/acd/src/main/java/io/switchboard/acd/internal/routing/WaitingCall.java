package io.switchboard.acd.internal.routing;

import java.time.Instant;
import java.util.Comparator;

/**
 * A call waiting in a queue. Its natural order is the waiting order: with ageing, score = priority +
 * waited / ageing, and ordering by score at any instant equals ordering by the virtual enqueue time
 * {@code enqueuedAt - priority × ageing} (earlier first) — time-invariant, so sorted sets never re-sort.
 */
final class WaitingCall implements Comparable<WaitingCall> {

    /** Timer order: next overflow step, then waiting order for a stable, unique key. */
    static final Comparator<WaitingCall> BY_NEXT_STEP = (a, b) -> {
        int c = Long.compare(a.nextStepNanos, b.nextStepNanos);
        return c != 0 ? c : a.compareTo(b);
    };
    static final Comparator<WaitingCall> BY_EXPIRY = (a, b) -> {
        int c = Long.compare(a.expiresNanos, b.expiresNanos);
        return c != 0 ? c : a.compareTo(b);
    };

    final String callId;
    final QueueState queue;
    final int priority;
    final Instant enqueuedAt;
    final long enqueuedNanos;
    final long virtualNanos;
    /** False for a call-back request: nobody is on the line, so the queue's max wait does not apply. */
    final boolean mayExpire;

    /** Index of the queue's first overflow step not yet handed to routeDue; changed only off the timer set. */
    int nextStep;
    long nextStepNanos = Nanos.NONE;
    long expiresNanos = Nanos.NONE;

    WaitingCall(String callId, QueueState queue, int priority, Instant enqueuedAt, long ageingNanos, boolean mayExpire) {
        this.callId = callId;
        this.mayExpire = mayExpire;
        this.queue = queue;
        this.priority = priority;
        this.enqueuedAt = enqueuedAt;
        this.enqueuedNanos = Nanos.of(enqueuedAt);
        try {
            this.virtualNanos = Math.subtractExact(enqueuedNanos, Math.multiplyExact((long) priority, ageingNanos));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Priority " + priority + " of call " + callId + " is out of range", e);
        }
    }

    boolean hasWaited(long afterNanos, long nowNanos) {
        return afterNanos != Nanos.NONE && nowNanos - enqueuedNanos >= afterNanos;
    }

    @Override
    public int compareTo(WaitingCall other) {
        int c = Long.compare(virtualNanos, other.virtualNanos);
        if (c != 0) {
            return c;
        }
        c = Long.compare(enqueuedNanos, other.enqueuedNanos);
        return c != 0 ? c : callId.compareTo(other.callId);
    }

    @Override
    public String toString() {
        return callId + "@" + queue.id();
    }
}
