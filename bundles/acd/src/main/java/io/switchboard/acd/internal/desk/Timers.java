package io.switchboard.acd.internal.desk;

import java.time.Instant;

/** Runs a task on the desk's thread at a time; the component backs it with a scheduler, tests with a manual one. */
public interface Timers {

    /** A scheduled task that can be called off. */
    interface Timer {
        void cancel();
    }

    Timer at(Instant when, Runnable task);
}
