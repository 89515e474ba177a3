package io.switchboard.sip.internal;

import io.switchboard.store.api.Database;
import io.switchboard.store.api.SqlWork;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A stand-in for the store's Database: one SQLite file with our migration applied, one connection
 * under a lock; a write has committed when its stage is returned.
 */
public final class TestDatabase implements Database, AutoCloseable {

    private final Connection connection;

    public TestDatabase(Path directory) throws SQLException, IOException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("test.db"));
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA foreign_keys = ON");
            statement.executeUpdate(migration());
        }
    }

    private static String migration() throws IOException {
        try (InputStream in = TestDatabase.class.getResourceAsStream("/db/migration/V1__devices_registrations.sql")) {
            if (in == null) {
                throw new IOException("migration V1 not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public synchronized <T> T read(SqlWork<T> work) throws SQLException {
        return work.run(connection);
    }

    @Override
    public synchronized <T> CompletionStage<T> write(SqlWork<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return CompletableFuture.completedFuture(result);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                return CompletableFuture.failedFuture(e);
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    public synchronized String queryString(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
