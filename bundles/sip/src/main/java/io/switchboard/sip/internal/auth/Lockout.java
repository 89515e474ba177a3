package io.switchboard.sip.internal.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts failed digests per (source address, user) and locks that pair out after too many in a
 * window, so guessing a device's password from one address is slow while the device itself, at
 * its own address, keeps working. Guarded by {@code this}; the table is bounded by dropping
 * entries with nothing recent in them.
 */
public final class Lockout {

    /** Beyond this many tracked pairs, stale ones are swept. */
    private static final int SWEEP_ABOVE = 10_000;

    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Duration lockFor;
    private final Map<Key, Entry> entries = new HashMap<>();

    public Lockout(Clock clock, int maxFailures, Duration window, Duration lockFor) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockFor = lockFor;
    }

    public synchronized boolean isLocked(String source, String user) {
        Entry entry = entries.get(new Key(source, user));
        return entry != null && entry.lockedUntil != null && clock.instant().isBefore(entry.lockedUntil);
    }

    /** Records a failure; true when this failure locked the pair. */
    public synchronized boolean failed(String source, String user) {
        Instant now = clock.instant();
        if (entries.size() > SWEEP_ABOVE) {
            sweep(now);
        }
        Entry entry = entries.computeIfAbsent(new Key(source, user), k -> new Entry());
        entry.failures.addLast(now);
        while (!entry.failures.isEmpty() && !entry.failures.peekFirst().isAfter(now.minus(window))) {
            entry.failures.removeFirst();
        }
        if (entry.failures.size() >= maxFailures) {
            entry.lockedUntil = now.plus(lockFor);
            entry.failures.clear();
            return true;
        }
        return false;
    }

    public synchronized void succeeded(String source, String user) {
        entries.remove(new Key(source, user));
    }

    private void sweep(Instant now) {
        entries.values().removeIf(e -> (e.lockedUntil == null || !now.isBefore(e.lockedUntil))
                && (e.failures.isEmpty() || !e.failures.peekLast().isAfter(now.minus(window))));
    }

    private record Key(String source, String user) {
    }

    private static final class Entry {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant lockedUntil;
    }
}
