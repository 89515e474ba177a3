package io.switchboard.core.internal.media;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small fixed set of threads that tick every port every 20 ms on an absolute schedule: each
 * deadline is the previous plus 20 ms (no drift from the time the work takes), waited for with
 * {@link LockSupport#parkNanos}. Ports are spread over the threads, least loaded first. A thread
 * that falls far behind (a long GC pause, a suspended VM) skips the lost ticks rather than
 * bursting them out.
 *
 * <p>Thread-safety: each worker's port list is an immutable array in a volatile field, replaced
 * under the pacer's monitor; workers read it without locking or allocating.
 */
final class Pacer {

    /** Something ticked every 20 ms; {@code tickNanos} is the tick's scheduled {@link System#nanoTime}. */
    interface Paced {
        void tick(long tickNanos);
    }

    static final long PERIOD_NANOS = OutgoingStream.FRAME_NANOS;
    private static final long MAX_LAG_NANOS = 10 * PERIOD_NANOS;
    private static final Logger LOG = LoggerFactory.getLogger(Pacer.class);

    private final Worker[] workers;
    private volatile boolean running = true;

    Pacer(int threads, long epochNanos) {
        workers = new Worker[threads];
        for (int i = 0; i < threads; i++) {
            // spread the workers' ticks over the period so they do not all wake at once
            workers[i] = new Worker("switchboard-media-pacer-" + i, epochNanos + i * PERIOD_NANOS / threads);
        }
    }

    void start() {
        for (Worker worker : workers) {
            worker.thread.start();
        }
    }

    synchronized void add(Paced paced) {
        Worker least = workers[0];
        for (Worker worker : workers) {
            if (worker.tasks.length < least.tasks.length) {
                least = worker;
            }
        }
        Paced[] grown = Arrays.copyOf(least.tasks, least.tasks.length + 1);
        grown[grown.length - 1] = paced;
        least.tasks = grown;
    }

    synchronized void remove(Paced paced) {
        for (Worker worker : workers) {
            Paced[] tasks = worker.tasks;
            for (int i = 0; i < tasks.length; i++) {
                if (tasks[i] == paced) {
                    Paced[] shrunk = new Paced[tasks.length - 1];
                    System.arraycopy(tasks, 0, shrunk, 0, i);
                    System.arraycopy(tasks, i + 1, shrunk, i, tasks.length - i - 1);
                    worker.tasks = shrunk;
                    return;
                }
            }
        }
    }

    void stop() {
        running = false;
        for (Worker worker : workers) {
            LockSupport.unpark(worker.thread);
        }
        for (Worker worker : workers) {
            try {
                worker.thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private final class Worker implements Runnable {
        final Thread thread;
        volatile Paced[] tasks = new Paced[0];
        private long deadline;

        Worker(String name, long firstDeadline) {
            this.deadline = firstDeadline;
            this.thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                long wait;
                while ((wait = deadline - System.nanoTime()) > 0 && running) {
                    LockSupport.parkNanos(wait);
                }
                if (-wait > MAX_LAG_NANOS) {
                    long skipped = -wait / PERIOD_NANOS;
                    LOG.warn("Media pacer {} fell {} ms behind; skipping {} ticks", thread.getName(), -wait / 1_000_000, skipped);
                    deadline += skipped * PERIOD_NANOS;
                }
                for (Paced paced : tasks) {
                    try {
                        paced.tick(deadline);
                    } catch (RuntimeException e) {
                        LOG.warn("Media port {} failed on a pacer tick", paced, e);
                    }
                }
                deadline += PERIOD_NANOS;
            }
        }
    }
}
