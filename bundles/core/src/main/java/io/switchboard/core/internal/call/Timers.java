package io.switchboard.core.internal.call;

import java.time.Duration;

/** Schedules call timers (park timeout); a manual implementation lets tests move time by hand. */
public interface Timers {

    /** Runs {@code task} once after {@code delay}; the returned handle cancels it. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that can still be cancelled. */
    interface Cancellable {
        void cancel();
    }
}
