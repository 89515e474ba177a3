package io.switchboard.acd.internal.desk;

import io.switchboard.testsupport.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Timers on the test's manual clock: {@link #advance} moves time and runs what fell due, in order. */
final class ManualTimers implements Timers {

    private final ManualClock clock;
    private final List<Pending> pending = new ArrayList<>();

    private final class Pending implements Timer {
        final Instant when;
        final Runnable task;
        boolean cancelled;

        Pending(Instant when, Runnable task) {
            this.when = when;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    ManualTimers(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public Timer at(Instant when, Runnable task) {
        Pending timer = new Pending(when, task);
        pending.add(timer);
        return timer;
    }

    void advance(Duration duration) {
        Instant end = clock.instant().plus(duration);
        while (true) {
            Pending next = pending.stream().filter(p -> !p.cancelled && !p.when.isAfter(end))
                    .min(Comparator.comparing(p -> p.when)).orElse(null);
            if (next == null) {
                break;
            }
            pending.remove(next);
            if (next.when.isAfter(clock.instant())) {
                clock.set(next.when);
            }
            next.task.run();
        }
        clock.set(end);
        pending.removeIf(p -> p.cancelled);
    }
}
