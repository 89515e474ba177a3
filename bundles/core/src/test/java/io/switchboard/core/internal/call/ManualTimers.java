package io.switchboard.core.internal.call;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Timers that fire only when the test moves time on. */
final class ManualTimers implements Timers {
    private record Entry(long dueMillis, Runnable task, boolean[] cancelled) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private long nowMillis;

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        entries.add(new Entry(nowMillis + delay.toMillis(), task, cancelled));
        return () -> cancelled[0] = true;
    }

    void advance(Duration by) {
        List<Runnable> due = new ArrayList<>();
        synchronized (this) {
            nowMillis += by.toMillis();
            entries.removeIf(e -> {
                if (e.dueMillis() <= nowMillis) {
                    if (!e.cancelled()[0]) {
                        due.add(e.task());
                    }
                    return true;
                }
                return false;
            });
        }
        due.forEach(Runnable::run);
    }
}
