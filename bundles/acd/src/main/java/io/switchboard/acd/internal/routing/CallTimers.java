package io.switchboard.acd.internal.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * When each waiting call's next overflow step activates and when it expires, so the controller's
 * single timer can ask for the earliest and the engine finds what is due without scanning calls.
 */
final class CallTimers {

    private final TreeSet<WaitingCall> overflow = new TreeSet<>(WaitingCall.BY_NEXT_STEP);
    private final TreeSet<WaitingCall> expiry = new TreeSet<>(WaitingCall.BY_EXPIRY);

    /** (Re)starts the call's timers from its queue's current rules. */
    void schedule(WaitingCall call) {
        cancel(call);
        QueueState queue = call.queue;
        call.nextStep = 1;
        call.nextStepNanos = queue.afterNanos.length > 1 ? call.enqueuedNanos + queue.afterNanos[1] : Nanos.NONE;
        call.expiresNanos = queue.maxWaitNanos == Nanos.NONE || !call.mayExpire ? Nanos.NONE : call.enqueuedNanos + queue.maxWaitNanos;
        if (call.nextStepNanos != Nanos.NONE) {
            overflow.add(call);
        }
        if (call.expiresNanos != Nanos.NONE) {
            expiry.add(call);
        }
    }

    void cancel(WaitingCall call) {
        overflow.remove(call);
        expiry.remove(call);
    }

    /** The calls that reached an overflow step by now; each step is reported once. */
    List<WaitingCall> takeOverflowDue(long nowNanos) {
        List<WaitingCall> due = new ArrayList<>();
        while (!overflow.isEmpty() && overflow.first().nextStepNanos <= nowNanos) {
            WaitingCall call = overflow.pollFirst();
            due.add(call);
            long[] after = call.queue.afterNanos;
            while (call.nextStep < after.length && call.hasWaited(after[call.nextStep], nowNanos)) {
                call.nextStep++;
            }
            call.nextStepNanos = call.nextStep < after.length ? call.enqueuedNanos + after[call.nextStep] : Nanos.NONE;
            if (call.nextStepNanos != Nanos.NONE) {
                overflow.add(call);
            }
        }
        return due;
    }

    /** The calls whose max wait has passed by now. The caller removes them. */
    List<WaitingCall> expiredBy(long nowNanos) {
        List<WaitingCall> expired = new ArrayList<>();
        for (WaitingCall call : expiry) {
            if (call.expiresNanos > nowNanos) {
                break;
            }
            expired.add(call);
        }
        return expired;
    }

    /** The earliest overflow step or expiry still to come, or {@link Nanos#NONE}. */
    long earliest() {
        long next = Nanos.NONE;
        if (!overflow.isEmpty()) {
            next = overflow.first().nextStepNanos;
        }
        if (!expiry.isEmpty()) {
            next = Math.min(next, expiry.first().expiresNanos);
        }
        return next;
    }
}
