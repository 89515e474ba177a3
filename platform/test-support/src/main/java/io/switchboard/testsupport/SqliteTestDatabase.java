package io.switchboard.testsupport;

import io.switchboard.store.api.Database;
import io.switchboard.store.api.SqlWork;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A stand-in for the store's Database for a bundle's unit tests: one real SQLite file with the
 * bundle's migrations applied (class-path resources), one connection used under this object's
 * lock; a write is one transaction that has committed (or rolled back) when its stage is returned.
 */
public final class SqliteTestDatabase implements Database, AutoCloseable {

    private final Connection connection;

    /** @param migrations class-path resources such as {@code /db/migration/V1__x.sql}, applied in order */
    public SqliteTestDatabase(Path directory, String... migrations) throws SQLException, IOException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("test.db"));
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA foreign_keys = ON");
            for (String migration : migrations) {
                // as the store does: executeUpdate runs every statement of the script (execute only the first)
                statement.executeUpdate(resource(migration));
            }
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SqliteTestDatabase.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("migration " + name + " is not on the class path");
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

    /** A single value of a query, as text, for assertions. */
    public synchronized String queryString(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    public synchronized int count(String table) throws SQLException {
        return Integer.parseInt(queryString("SELECT count(*) FROM " + table));
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
