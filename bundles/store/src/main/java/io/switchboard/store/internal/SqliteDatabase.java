package io.switchboard.store.internal;

import io.switchboard.store.api.Database;
import io.switchboard.store.api.SqlWork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The appliance's SQLite database: one batching writer, a pool of readers, and the migration
 * runner on the writer's thread. Plain Java, so it is tested on real files without a framework;
 * the OSGi side only decides when to open, migrate and close it.
 *
 * <p>Thread safe: reads run on the caller's thread with a pooled connection, everything that
 * writes (including migrations) runs on the one writer thread.
 */
public final class SqliteDatabase implements Database, AutoCloseable {

    private final Path file;
    private final boolean created;
    private final BatchingWriter writer;
    private final ReadPool readers;
    private final MigrationRunner migrations;

    private SqliteDatabase(Path file, boolean created, BatchingWriter writer, ReadPool readers,
            MigrationRunner migrations) {
        this.file = file;
        this.created = created;
        this.writer = writer;
        this.readers = readers;
        this.migrations = migrations;
    }

    /**
     * Opens the database file, creating and stamping it if it is new.
     *
     * @throws ForeignDatabaseException if the file is someone else's database; it is left as it
     *     was found
     * @throws SQLException if the file cannot be opened or is not a database at all
     */
    public static SqliteDatabase open(Path file, StoreOptions options, Clock clock)
            throws SQLException {
        createParentDirectory(file);
        SqliteConnections connections = new SqliteConnections(file, options.busyTimeoutMillis());
        DatabaseIdentity.State state;
        try (Connection probe = connections.openProbe()) {
            state = DatabaseIdentity.inspect(file, probe);
        }
        Connection writerConnection = connections.openWriter();
        ReadPool readers = null;
        try {
            if (state == DatabaseIdentity.State.NEW) {
                DatabaseIdentity.stamp(writerConnection);
            }
            MigrationLedger.create(writerConnection);
            readers = new ReadPool(connections, options.readConnections(),
                    options.busyTimeoutMillis());
        } catch (SQLException e) {
            closeAfterFailure(writerConnection, e);
            throw e;
        }
        BatchingWriter writer = new BatchingWriter(writerConnection, options.maxBatchSize(),
                options.writeQueueCapacity(), "switchboard-store-writer");
        return new SqliteDatabase(file, state == DatabaseIdentity.State.NEW, writer, readers,
                new MigrationRunner(clock));
    }

    public Path file() {
        return file;
    }

    /** Whether {@link #open} created this database rather than finding it. */
    public boolean created() {
        return created;
    }

    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        return readers.read(work);
    }

    @Override
    public <T> CompletableFuture<T> write(SqlWork<T> work) {
        return writer.submit(work);
    }

    /**
     * Applies a bundle's new migrations on the writer thread, between batches.
     *
     * @return completes with the migrations applied now, or exceptionally with a
     *     {@link MigrationException} (or an {@link SQLException} from the store's own table)
     */
    public CompletableFuture<List<MigrationScript>> migrate(
            String bundle, List<MigrationScript> scripts) {
        return writer.submitAlone(connection -> migrations.migrate(connection, bundle, scripts));
    }

    /** How many write batches have committed since opening; for tests and diagnostics. */
    long committedBatches() {
        return writer.committedBatches();
    }

    /** Finishes the writes already queued, then closes every connection. */
    @Override
    public void close() {
        writer.close();
        readers.close();
    }

    private static void createParentDirectory(Path file) throws SQLException {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new SQLException("cannot create the directory of " + file, e);
        }
    }

    private static void closeAfterFailure(Connection connection, SQLException failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
