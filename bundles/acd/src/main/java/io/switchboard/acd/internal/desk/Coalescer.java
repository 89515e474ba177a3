package io.switchboard.acd.internal.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs a task soon after a change, but at most once per {@code gap}: changes while a run is due
 * are folded into it. The first change after a quiet spell runs at once (on the timers' thread,
 * after whatever caused it is finished); a change within {@code gap} of the last run waits until
 * {@code gap} has passed since it.
 *
 * <p>Not thread-safe: called under the desk's monitor, and its timers run under it.
 */
public final class Coalescer {

    private final Clock clock;
    private final Timers timers;
    private final Duration gap;
    private final Runnable task;
    private Instant lastRun;
    private Timers.Timer due;

    public Coalescer(Clock clock, Timers timers, Duration gap, Runnable task) {
        this.clock = clock;
        this.timers = timers;
        this.gap = gap;
        this.task = task;
    }

    public void changed() {
        if (due != null) {
            return;
        }
        Instant now = clock.instant();
        Instant next = lastRun == null ? now : lastRun.plus(gap);
        due = timers.at(next.isAfter(now) ? next : now, this::run);
    }

    private void run() {
        due = null;
        lastRun = clock.instant();
        task.run();
    }
}
