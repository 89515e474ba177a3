package io.switchboard.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The store-owned table that records which migration of which bundle has been applied, with the
 * checksum it had then. Bundles must not name a table {@value #TABLE}.
 */
final class MigrationLedger {

    static final String TABLE = "switchboard_store_migrations";

    private MigrationLedger() {
    }

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                    + " bundle TEXT NOT NULL,"
                    + " version INTEGER NOT NULL,"
                    + " file_name TEXT NOT NULL,"
                    + " checksum TEXT NOT NULL,"
                    + " applied_at TEXT NOT NULL," // ISO-8601 UTC, readable from the sqlite3 shell
                    + " PRIMARY KEY (bundle, version))");
        }
    }

    /** The bundle's applied migrations, lowest version first. */
    static List<AppliedMigration> applied(Connection connection, String bundle)
            throws SQLException {
        String sql = "SELECT version, file_name, checksum, applied_at FROM " + TABLE
                + " WHERE bundle = ? ORDER BY version";
        List<AppliedMigration> applied = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, bundle);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    applied.add(new AppliedMigration(bundle, rows.getLong(1), rows.getString(2),
                            rows.getString(3), Instant.parse(rows.getString(4))));
                }
            }
        }
        return applied;
    }

    static void record(Connection connection, String bundle, MigrationScript script, Instant at)
            throws SQLException {
        String sql = "INSERT INTO " + TABLE
                + " (bundle, version, file_name, checksum, applied_at) VALUES (?, ?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, bundle);
            statement.setLong(2, script.version());
            statement.setString(3, script.fileName());
            statement.setString(4, script.checksum());
            statement.setString(5, at.toString());
            statement.executeUpdate();
        }
    }
}
