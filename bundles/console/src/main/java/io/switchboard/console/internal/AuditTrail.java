package io.switchboard.console.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code console_audit} table. Entries are written on the caller's connection so that they commit (or
 * roll back) together with the change they describe. Stateless.
 */
public final class AuditTrail {

    public void append(Connection connection, AuditEntry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO console_audit (at, actor, action, remote_address, detail) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, Timestamps.format(entry.at()));
            insert.setString(2, entry.actor());
            insert.setString(3, entry.action());
            insert.setString(4, entry.remoteAddress());
            insert.setString(5, entry.detail());
            insert.executeUpdate();
        }
    }

    /** The latest entries, newest first; what the admin pages of issue 8 will page through. */
    public List<AuditEntry> latest(Connection connection, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT at, actor, action, remote_address, detail FROM console_audit ORDER BY id DESC LIMIT ?")) {
            select.setInt(1, limit);
            try (ResultSet rows = select.executeQuery()) {
                List<AuditEntry> entries = new ArrayList<>();
                while (rows.next()) {
                    entries.add(new AuditEntry(Timestamps.parse(rows.getString(1)), rows.getString(2),
                            rows.getString(3), rows.getString(4), rows.getString(5)));
                }
                return entries;
            }
        }
    }
}
