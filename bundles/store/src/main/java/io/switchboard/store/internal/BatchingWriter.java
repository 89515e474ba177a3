package io.switchboard.store.internal;

import io.switchboard.store.api.SqlWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single path by which anything is written: one connection, one thread, group commit.
 *
 * <p>SQLite allows one writer at a time and pays a WAL append plus (with synchronous=NORMAL) no
 * fsync per commit, so the cost is per transaction, not per row. The writer thread therefore takes
 * whatever has queued up while it was busy, up to the batch limit, and commits it in one
 * transaction. Each piece runs inside its own {@code SAVEPOINT}, so a piece that fails is rolled
 * back alone and fails only its own future; the rest of the batch commits.
 *
 * <p>Futures complete on the writer thread after the commit. Dependent stages attached without
 * {@code *Async} run there too: they must be quick, and must never wait for another write (that
 * write can only run once they return).
 *
 * <p>Thread safety: the connection is touched only by the writer thread (and by the constructor's
 * caller before the thread starts). {@link #intake} guards the decision to accept work against
 * {@link #close}, so every accepted task is queued before the stop marker and is either run or
 * failed, never forgotten.
 */
final class BatchingWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchingWriter.class);
    private static final String SAVEPOINT = "switchboard_write";

    /** What the writer thread takes from the queue. */
    private sealed interface Task permits Write, Alone, Stop {
        void fail(Throwable cause);
    }

    /** Work batched with others, inside a savepoint of the batch's transaction. */
    private record Write<T>(SqlWork<T> work, CompletableFuture<T> result) implements Task {
        public void fail(Throwable cause) {
            result.completeExceptionally(cause);
        }
    }

    /** Work that has the writer connection to itself and controls its own transactions. */
    @FunctionalInterface
    interface ExclusiveWork<T> {
        T run(Connection connection) throws Exception;
    }

    private record Alone<T>(ExclusiveWork<T> work, CompletableFuture<T> result) implements Task {
        public void fail(Throwable cause) {
            result.completeExceptionally(cause);
        }
    }

    private enum Stop implements Task {
        MARKER;

        public void fail(Throwable cause) {
        }
    }

    private final Connection connection;
    private final int maxBatchSize;
    private final int capacity;
    private final BlockingQueue<Task> queue;
    private final Object intake = new Object();
    private final AtomicLong committedBatches = new AtomicLong();
    private final Thread thread;
    private boolean accepting = true; // guarded by intake

    /** Takes ownership of {@code connection}: it is closed when the writer stops. */
    BatchingWriter(Connection connection, int maxBatchSize, int capacity, String threadName) {
        this.connection = connection;
        this.maxBatchSize = maxBatchSize;
        this.capacity = capacity;
        this.queue = new LinkedBlockingQueue<>();
        this.thread = new Thread(this::runUntilStopped, threadName);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues work to be committed with whatever else is waiting. */
    <T> CompletableFuture<T> submit(SqlWork<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        enqueue(new Write<>(work, result), false);
        return result;
    }

    /**
     * Queues work that needs the writer connection to itself, with autocommit on, because it
     * commits or rolls back its own transactions (schema migrations, one transaction each).
     */
    <T> CompletableFuture<T> submitAlone(ExclusiveWork<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        enqueue(new Alone<>(work, result), true);
        return result;
    }

    /** How many batch transactions have committed; for tests and diagnostics. */
    long committedBatches() {
        return committedBatches.get();
    }

    private void enqueue(Task task, boolean evenIfFull) {
        synchronized (intake) {
            if (!accepting) {
                task.fail(new SQLException("the store is closed"));
            } else if (!evenIfFull && queue.size() >= capacity) {
                task.fail(new SQLException("the store's write queue is full (" + capacity + ")"));
            } else {
                queue.add(task);
            }
        }
    }

    /**
     * Stops taking work, lets the writer finish what was queued before, and closes the
     * connection. Waits at most {@code timeoutMillis} for the writer thread.
     */
    void close(long timeoutMillis) {
        synchronized (intake) {
            if (!accepting) {
                return;
            }
            accepting = false;
            queue.add(Stop.MARKER);
        }
        try {
            thread.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("Store writer still busy after {} ms; it closes the database when done",
                    timeoutMillis);
        }
    }

    @Override
    public void close() {
        close(TimeUnit.SECONDS.toMillis(30));
    }

    private void runUntilStopped() {
        Task carried = null;
        try {
            while (true) {
                Task first = carried != null ? carried : queue.take();
                carried = null;
                if (first instanceof Stop) {
                    return;
                } else if (first instanceof Alone<?> alone) {
                    runAlone(alone);
                } else {
                    List<Write<?>> batch = new ArrayList<>();
                    batch.add((Write<?>) first);
                    carried = fillBatch(batch);
                    runBatch(batch);
                }
            }
        } catch (InterruptedException e) {
            LOG.warn("Store writer interrupted; failing the writes still queued");
        } finally {
            failLeftovers(carried);
            closeConnection();
        }
    }

    /** Adds queued writes up to the limit; returns a task that must not join the batch, if any. */
    private Task fillBatch(List<Write<?>> batch) {
        while (batch.size() < maxBatchSize) {
            Task next = queue.poll();
            if (next == null) {
                return null;
            }
            if (!(next instanceof Write<?> write)) {
                return next;
            }
            batch.add(write);
        }
        return null;
    }

    private void runBatch(List<Write<?>> batch) {
        try {
            execute("BEGIN IMMEDIATE");
        } catch (SQLException e) {
            batch.forEach(write -> write.fail(e));
            return;
        }
        List<Runnable> completions = new ArrayList<>(batch.size());
        for (Write<?> write : batch) {
            try {
                completions.add(runInSavepoint(write));
            } catch (SQLException brokenTransaction) {
                // The savepoint could not be undone (SQLite already rolled the whole transaction
                // back, e.g. on a full disk, or the work ended the transaction itself): nothing
                // in this batch can be trusted to commit.
                rollbackQuietly();
                batch.forEach(each -> each.fail(brokenTransaction));
                return;
            }
        }
        try {
            execute("COMMIT");
        } catch (SQLException e) {
            rollbackQuietly();
            batch.forEach(write -> write.fail(e));
            return;
        }
        committedBatches.incrementAndGet();
        completions.forEach(Runnable::run);
    }

    /**
     * Runs one write in its own savepoint. Returns how to complete its future once the batch has
     * committed; a failed write is rolled back to its savepoint here and reported at once.
     *
     * @throws SQLException only if the savepoint itself could not be released or rolled back
     */
    private <T> Runnable runInSavepoint(Write<T> write) throws SQLException {
        execute("SAVEPOINT " + SAVEPOINT);
        T value;
        try {
            value = write.work().run(connection);
        } catch (Exception | LinkageError | AssertionError e) {
            // LinkageError: the work's bundle may have been updated under it.
            write.fail(e);
            execute("ROLLBACK TO " + SAVEPOINT);
            execute("RELEASE " + SAVEPOINT);
            return () -> { };
        }
        execute("RELEASE " + SAVEPOINT);
        return () -> write.result().complete(value);
    }

    private <T> void runAlone(Alone<T> alone) {
        try {
            alone.result().complete(alone.work().run(connection));
        } catch (Exception | LinkageError | AssertionError e) {
            alone.fail(e);
        }
    }

    private void failLeftovers(Task carried) {
        SQLException closed = new SQLException("the store closed before this write ran");
        if (carried != null) {
            carried.fail(closed);
        }
        List<Task> leftovers = new ArrayList<>();
        synchronized (intake) {
            accepting = false;
            queue.drainTo(leftovers);
        }
        leftovers.forEach(task -> task.fail(closed));
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private void rollbackQuietly() {
        try {
            execute("ROLLBACK");
        } catch (SQLException e) {
            // Already rolled back by SQLite itself; nothing is left open.
            LOG.debug("Rollback after a failed batch found no transaction", e);
        }
    }

    private void closeConnection() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Could not close the store's writer connection", e);
        }
    }
}
