package io.switchboard.sip.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts INVITEs we are still working on (offered, not yet answered or ended) and refuses new ones
 * past a threshold, so the stack answers 503 while it still can instead of sinking into
 * retransmissions. Thread-safe.
 */
public final class OverloadGuard {

    private final AtomicInteger pending = new AtomicInteger();
    private volatile int threshold;

    public OverloadGuard(int threshold) {
        this.threshold = threshold;
    }

    public void threshold(int value) {
        threshold = value;
    }

    /** A permit to release once when the INVITE is settled, or null when overloaded. */
    public Runnable tryAcquire() {
        if (pending.incrementAndGet() > threshold) {
            pending.decrementAndGet();
            return null;
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                pending.decrementAndGet();
            }
        };
    }

    public int pending() {
        return pending.get();
    }
}
