package io.switchboard.store.internal;

import io.switchboard.store.api.SqlWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed set of read connections, lent to one caller at a time.
 *
 * <p>A connection is either in the queue of idle connections or held by exactly one caller.
 * Giving one back and closing the pool synchronise on the pool, so no connection is given back
 * into a pool that has already closed its idle ones.
 *
 * <p>Every read runs in its own deferred transaction, so all statements of one {@link SqlWork}
 * see the same committed snapshot even while the writer commits (WAL).
 */
final class ReadPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadPool.class);

    private final BlockingQueue<Connection> idle;
    private final long waitMillis;
    private volatile boolean closed;

    ReadPool(SqliteConnections connections, int size, long waitMillis) throws SQLException {
        this.idle = new ArrayBlockingQueue<>(size);
        this.waitMillis = waitMillis;
        try {
            for (int i = 0; i < size; i++) {
                idle.add(connections.openReader());
            }
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    <T> T read(SqlWork<T> work) throws SQLException {
        Connection connection = borrow();
        try {
            return inSnapshot(connection, work);
        } finally {
            giveBack(connection);
        }
    }

    private synchronized void giveBack(Connection connection) {
        if (closed) {
            closeQuietly(connection);
        } else {
            idle.add(connection);
        }
    }

    private Connection borrow() throws SQLException {
        if (closed) {
            throw new SQLException("the store is closed");
        }
        try {
            Connection connection = idle.poll(waitMillis, TimeUnit.MILLISECONDS);
            if (connection == null) {
                throw new SQLException("no read connection free within " + waitMillis + " ms");
            }
            return connection;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a read connection", e);
        }
    }

    private static <T> T inSnapshot(Connection connection, SqlWork<T> work) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("BEGIN");
        }
        try {
            return work.run(connection);
        } finally {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("ROLLBACK");
            }
        }
    }

    /** Closes the idle connections now, and each lent one when its reader gives it back. */
    @Override
    public synchronized void close() {
        closed = true;
        List<Connection> idleNow = new ArrayList<>();
        idle.drainTo(idleNow);
        idleNow.forEach(ReadPool::closeQuietly);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Could not close a read connection to the store", e);
        }
    }
}
