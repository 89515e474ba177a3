package io.switchboard.store.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Tells a Switchboard database from a fresh file and from anyone else's database, by SQLite's
 * {@code application_id} (bytes 68..71 of the file header, which the launcher also checks).
 */
final class DatabaseIdentity {

    /** "SWBD" in ASCII, big-endian, as SQLite stores it in the header. */
    static final int APPLICATION_ID = 0x53574244;

    enum State { NEW, SWITCHBOARD }

    private DatabaseIdentity() {
    }

    /**
     * Looks at the file through a connection that has changed nothing yet.
     *
     * @throws ForeignDatabaseException if the file carries another application id, or none but
     *     already holds tables (someone else's database)
     * @throws SQLException if the file is not a database at all
     */
    static State inspect(Path file, Connection probe) throws SQLException {
        int applicationId = queryInt(probe, "PRAGMA application_id");
        if (applicationId == APPLICATION_ID) {
            return State.SWITCHBOARD;
        }
        if (applicationId != 0) {
            throw new ForeignDatabaseException(file, String.format(
                    "application_id 0x%08X, expected 0x%08X", applicationId, APPLICATION_ID));
        }
        int objects = queryInt(probe, "SELECT count(*) FROM sqlite_schema");
        if (objects > 0) {
            throw new ForeignDatabaseException(file,
                    "no application_id but " + objects + " schema objects");
        }
        return State.NEW;
    }

    /**
     * Stamps a new database and checkpoints at once: in WAL mode the new header would otherwise
     * sit in the -wal file, and a launcher reading the main file would not see it.
     */
    static void stamp(Connection writer) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute("PRAGMA application_id = " + APPLICATION_ID);
            try (ResultSet checkpoint = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                // columns: busy, log frames, checkpointed frames; busy means a reader held it back
                if (checkpoint.next() && checkpoint.getInt(1) != 0) {
                    throw new SQLException("could not checkpoint the new database: it is in use");
                }
            }
        }
    }

    private static int queryInt(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }
}
