package io.switchboard.itests.bench;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * Notices when this JVM itself stalls (a GC pause, or the machine not giving it a CPU): a thread
 * that asks to sleep 1 ms, again and again, and records every wake-up more than
 * {@link #THRESHOLD_NANOS} late as a stall window. A late packet whose way overlaps a stall may
 * have been late only in the tool's hands; the report says how many did.
 *
 * <p>Thread-safety: the windows are written by the meter thread only and read after {@link #stopAndJoin}.
 */
final class HiccupMeter implements Runnable {
    static final long THRESHOLD_NANOS = 2_000_000L;
    private static final long NAP_NANOS = 1_000_000L;
    private static final int CAPACITY = 100_000;

    private final Thread thread = new Thread(this, "bench-hiccup-meter");
    private final long[] from = new long[CAPACITY];
    private final long[] to = new long[CAPACITY];
    private int count;
    private long longest;
    private long total;
    private volatile boolean running = true;

    HiccupMeter() {
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stopAndJoin() throws InterruptedException {
        running = false;
        thread.join();
    }

    @Override
    public void run() {
        while (running) {
            long before = System.nanoTime();
            LockSupport.parkNanos(NAP_NANOS);
            long after = System.nanoTime();
            long stall = after - before - NAP_NANOS;
            if (stall > THRESHOLD_NANOS) {
                longest = Math.max(longest, stall);
                total += stall;
                if (count < CAPACITY) {
                    from[count] = before + NAP_NANOS;
                    to[count] = after;
                    count++;
                }
            }
        }
    }

    int stalls() {
        return count;
    }

    long longestNanos() {
        return longest;
    }

    long totalNanos() {
        return total;
    }

    /** Whether a stall window overlaps {@code [start, end]} (windows are in time order). */
    boolean overlaps(long start, long end) {
        int i = Arrays.binarySearch(to, 0, count, start);
        int first = i >= 0 ? i : -i - 1; // the first window ending at or after start
        return first < count && from[first] <= end;
    }
}
