package io.switchboard.acd.internal.desk;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One queue's numbers for one day: calls served (connected to an agent) and abandoned, how long
 * the served ones waited, and the handle times of its latest calls.
 *
 * <p>Waits are kept as a count per second waited rather than as a count "within the service
 * level", so the service level always uses the queue's current {@code serviceLevelSeconds}: the
 * number does not depend on when the counters were rebuilt from the journal.
 *
 * <p>Not thread-safe: its {@link CentreDay} is used under the desk's monitor.
 */
public final class QueueDayStats {

    /** How many of the latest calls the recent handle time averages. */
    public static final int RECENT_CALLS = 20;

    private int served;
    private int abandoned;
    private long waitSecondsTotal;
    private final NavigableMap<Long, Integer> servedByWait = new TreeMap<>();
    private final Deque<Duration> recentHandles = new ArrayDeque<>();

    void countServed(long waitSeconds) {
        long wait = Math.max(0, waitSeconds);
        served++;
        waitSecondsTotal += wait;
        servedByWait.merge(wait, 1, Integer::sum);
    }

    void countAbandoned() {
        abandoned++;
    }

    void countHandled(Duration handle) {
        if (recentHandles.size() == RECENT_CALLS) {
            recentHandles.removeFirst();
        }
        recentHandles.addLast(handle.isNegative() ? Duration.ZERO : handle);
    }

    public int served() {
        return served;
    }

    public int abandoned() {
        return abandoned;
    }

    /**
     * Of the calls served or abandoned, the share connected after waiting at most
     * {@code serviceLevelSeconds}; null while there are none. An abandoned call counts against
     * the service level however soon the caller hung up.
     */
    public Double serviceLevel(int serviceLevelSeconds) {
        int total = served + abandoned;
        if (total == 0) {
            return null;
        }
        long within = servedByWait.headMap((long) serviceLevelSeconds, true).values().stream().mapToLong(n -> n).sum();
        return (double) within / total;
    }

    /** Mean wait of the served calls, null while there are none. */
    public Double averageWaitSeconds() {
        return served == 0 ? null : (double) waitSecondsTotal / served;
    }

    /** Mean handle time of the latest {@value #RECENT_CALLS} calls, null while there are none. */
    public Double averageHandleSeconds() {
        if (recentHandles.isEmpty()) {
            return null;
        }
        long millis = recentHandles.stream().mapToLong(Duration::toMillis).sum();
        return millis / 1000.0 / recentHandles.size();
    }
}
