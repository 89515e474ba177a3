package io.switchboard.sip.internal.leg;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one leg's work one task at a time, in order, on a shared pool. Everything that touches a
 * leg (core's calls, SIP messages, timers) goes through its strand, so leg state needs no lock and
 * a leg may call core's {@code LegSink} without holding one: core calling the channel while it
 * holds its own locks only enqueues. Guarded by {@code this} (the queue and the running flag).
 */
public final class Strand implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(Strand.class);

    private final Executor pool;
    private final String name;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    public Strand(Executor pool, String name) {
        this.pool = pool;
        this.name = name;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException e) {
            LOG.debug("Strand {} dropped work: the driver is stopping", name);
            synchronized (this) {
                tasks.clear();
                running = false;
            }
        }
    }

    private void drain() {
        while (true) {
            Runnable task;
            synchronized (this) {
                task = tasks.poll();
                if (task == null) {
                    running = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Leg {} failed handling an event", name, e);
            }
        }
    }
}
