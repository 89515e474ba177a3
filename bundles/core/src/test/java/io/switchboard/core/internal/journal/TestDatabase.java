package io.switchboard.core.internal.journal;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the store's Database over a real SQLite file in WAL mode, core's migration
 * applied: writes run one at a time on their own writer thread (each in its own transaction, a
 * failing one rolled back), reads on a second connection on the caller's thread, as in the store.
 */
public final class TestDatabase implements Database, AutoCloseable {

    private final Connection writer;
    private final Connection reader;
    private final ExecutorService writerThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-writer"));

    public TestDatabase(Path directory) throws SQLException, IOException {
        String url = "jdbc:sqlite:" + directory.resolve("test.db");
        writer = DriverManager.getConnection(url);
        try (Statement statement = writer.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA foreign_keys=ON");
            // as the store does: executeUpdate runs every statement of the script
            statement.executeUpdate(migration());
        }
        reader = DriverManager.getConnection(url);
    }

    private static String migration() throws IOException {
        try (InputStream in = TestDatabase.class.getResourceAsStream("/db/migration/V1__journal_and_routes.sql")) {
            if (in == null) {
                throw new IOException("migration V1 not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        synchronized (reader) {
            return work.run(reader);
        }
    }

    @Override
    public <T> CompletionStage<T> write(SqlWork<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        writerThread.execute(() -> {
            try {
                writer.setAutoCommit(false);
                try {
                    T value = work.run(writer);
                    writer.commit();
                    result.complete(value);
                } catch (Exception e) {
                    writer.rollback();
                    result.completeExceptionally(e);
                } finally {
                    writer.setAutoCommit(true);
                }
            } catch (SQLException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Runs a statement directly, for setting up odd rows. */
    public void execute(String sql) throws Exception {
        write(connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate(sql);
            }
        }).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public int count(String table) throws SQLException {
        return read(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    @Override
    public void close() throws Exception {
        writerThread.shutdown();
        writerThread.awaitTermination(10, TimeUnit.SECONDS);
        writer.close();
        reader.close();
    }
}
