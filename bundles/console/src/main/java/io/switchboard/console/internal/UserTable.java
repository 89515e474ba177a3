package io.switchboard.console.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The {@code console_user} table, on whatever connection (read or write) the caller holds. Stateless. */
public final class UserTable {

    public Optional<UserAccount> find(Connection connection, String username) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT username, role, password_hash, created_at, failed_logins, locked_until"
                        + " FROM console_user WHERE username = ?")) {
            select.setString(1, username);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String roleId = row.getString(2);
                Role role = Role.fromId(roleId).orElseThrow(
                        () -> new SQLException("user " + username + " has an unknown role " + roleId));
                String lockedUntil = row.getString(6);
                LoginState state = new LoginState(row.getInt(5),
                        lockedUntil == null ? null : Timestamps.parse(lockedUntil));
                return Optional.of(new UserAccount(row.getString(1), role, row.getString(3),
                        Timestamps.parse(row.getString(4)), state));
            }
        }
    }

    /** Inserts the user unless the name is taken; true if inserted. */
    public boolean insertIfAbsent(Connection connection, String username, Role role, String passwordHash,
            Instant createdAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO console_user (username, role, password_hash, created_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (username) DO NOTHING")) {
            insert.setString(1, username);
            insert.setString(2, role.id());
            insert.setString(3, passwordHash);
            insert.setString(4, Timestamps.format(createdAt));
            return insert.executeUpdate() == 1;
        }
    }

    public void saveLoginState(Connection connection, String username, LoginState state) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE console_user SET failed_logins = ?, locked_until = ? WHERE username = ?")) {
            update.setInt(1, state.failedLogins());
            update.setString(2, state.lockedUntil() == null ? null : Timestamps.format(state.lockedUntil()));
            update.setString(3, username);
            update.executeUpdate();
        }
    }

    public void savePasswordHash(Connection connection, String username, String passwordHash) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE console_user SET password_hash = ? WHERE username = ?")) {
            update.setString(1, passwordHash);
            update.setString(2, username);
            update.executeUpdate();
        }
    }
}
