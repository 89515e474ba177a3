package io.switchboard.store.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens connections to one database file with the settings each role needs.
 *
 * <p>Connections come from {@link SQLiteDataSource} rather than {@code DriverManager}: inside
 * OSGi the driver manager only sees drivers visible to the caller's class loader, while the data
 * source is plain code from the sqlite-jdbc bundle.
 */
final class SqliteConnections {

    private final Path file;
    private final int busyTimeoutMillis;

    SqliteConnections(Path file, int busyTimeoutMillis) {
        this.file = file;
        this.busyTimeoutMillis = busyTimeoutMillis;
    }

    Path file() {
        return file;
    }

    /**
     * A connection that changes nothing in the file when opened: no journal mode, no pragmas that
     * write. Used to look at a file before deciding whether it is ours.
     */
    Connection openProbe() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(busyTimeoutMillis);
        return open(config);
    }

    /** The one connection that writes: WAL, synchronous=NORMAL, foreign keys enforced. */
    Connection openWriter() throws SQLException {
        return open(configured());
    }

    /**
     * A connection for reads. {@code query_only} makes a write through the read path fail loudly
     * instead of bypassing the single writer and its batching.
     */
    Connection openReader() throws SQLException {
        Connection connection = open(configured());
        try (var statement = connection.createStatement()) {
            statement.execute("PRAGMA query_only = true");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private SQLiteConfig configured() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(busyTimeoutMillis);
        config.enforceForeignKeys(true);
        return config;
    }

    private Connection open(SQLiteConfig config) throws SQLException {
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return dataSource.getConnection();
    }
}
