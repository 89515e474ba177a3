package io.switchboard.core.internal.media;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small fixed set of threads that tick every port every 20 ms on an absolute schedule: each
 * deadline is the previous plus 20 ms (no drift from the time the work takes), waited for with
 * {@link LockSupport#parkNanos}. Ports are spread over the threads, least loaded first, and within
 * a thread over {@value #SLOTS} slots 5 ms apart, so a thousand ports do not all send in one burst
 * that the sockets, the kernel and the far ends must absorb at once. A thread that falls far behind
 * (a long GC pause, a suspended VM) skips the lost ticks rather than bursting them out.
 *
 * <p>Thread-safety: each worker's slots are an immutable array of arrays in a volatile field,
 * replaced under the pacer's monitor; workers read it without locking or allocating.
 */
final class Pacer {

    /** Something ticked every 20 ms; {@code tickNanos} is the tick's scheduled {@link System#nanoTime}. */
    interface Paced {
        void tick(long tickNanos);
    }

    static final long PERIOD_NANOS = OutgoingStream.FRAME_NANOS;
    static final int SLOTS = 4;
    private static final long SLOT_NANOS = PERIOD_NANOS / SLOTS;
    private static final long MAX_LAG_NANOS = 10 * PERIOD_NANOS;
    private static final Logger LOG = LoggerFactory.getLogger(Pacer.class);

    private final Worker[] workers;
    private volatile boolean running = true;

    Pacer(int threads, long epochNanos) {
        workers = new Worker[threads];
        for (int i = 0; i < threads; i++) {
            // spread the workers' ticks over a slot so they do not all wake at once
            workers[i] = new Worker("switchboard-media-pacer-" + i, epochNanos + i * SLOT_NANOS / threads);
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
            if (worker.size() < least.size()) {
                least = worker;
            }
        }
        Paced[][] slots = least.slots.clone();
        int slot = 0;
        for (int i = 1; i < slots.length; i++) {
            if (slots[i].length < slots[slot].length) {
                slot = i;
            }
        }
        Paced[] grown = Arrays.copyOf(slots[slot], slots[slot].length + 1);
        grown[grown.length - 1] = paced;
        slots[slot] = grown;
        least.slots = slots;
    }

    synchronized void remove(Paced paced) {
        for (Worker worker : workers) {
            Paced[][] slots = worker.slots;
            for (int slot = 0; slot < slots.length; slot++) {
                Paced[] tasks = slots[slot];
                for (int i = 0; i < tasks.length; i++) {
                    if (tasks[i] == paced) {
                        Paced[] shrunk = new Paced[tasks.length - 1];
                        System.arraycopy(tasks, 0, shrunk, 0, i);
                        System.arraycopy(tasks, i + 1, shrunk, i, tasks.length - i - 1);
                        Paced[][] changed = slots.clone();
                        changed[slot] = shrunk;
                        worker.slots = changed;
                        return;
                    }
                }
            }
        }
    }

    /** How many ports each thread ticks, for tests. */
    synchronized int[] load() {
        int[] load = new int[workers.length];
        for (int i = 0; i < workers.length; i++) {
            load[i] = workers[i].size();
        }
        return load;
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
        volatile Paced[][] slots = emptySlots();
        private long deadline;

        Worker(String name, long firstDeadline) {
            this.deadline = firstDeadline;
            this.thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        int size() {
            int size = 0;
            for (Paced[] slot : slots) {
                size += slot.length;
            }
            return size;
        }

        @Override
        public void run() {
            while (running) {
                for (int slot = 0; slot < SLOTS && running; slot++) {
                    long slotDeadline = deadline + slot * SLOT_NANOS;
                    if (!awaitOrSkip(slotDeadline)) {
                        break; // the period was skipped; start again at the new deadline
                    }
                    for (Paced paced : slots[slot]) {
                        try {
                            paced.tick(slotDeadline);
                        } catch (RuntimeException e) {
                            LOG.warn("Media port {} failed on a pacer tick", paced, e);
                        }
                    }
                }
                deadline += PERIOD_NANOS;
            }
        }

        /** Waits for the slot's deadline; false when the thread was so far behind that it skipped ticks. */
        private boolean awaitOrSkip(long slotDeadline) {
            long wait;
            while ((wait = slotDeadline - System.nanoTime()) > 0 && running) {
                LockSupport.parkNanos(wait);
            }
            if (-wait > MAX_LAG_NANOS) {
                long skipped = -wait / PERIOD_NANOS;
                LOG.warn("Media pacer {} fell {} ms behind; skipping {} ticks", thread.getName(), -wait / 1_000_000, skipped);
                deadline += skipped * PERIOD_NANOS;
                return false;
            }
            return true;
        }
    }

    private static Paced[][] emptySlots() {
        Paced[][] slots = new Paced[SLOTS][];
        Arrays.fill(slots, new Paced[0]);
        return slots;
    }
}
