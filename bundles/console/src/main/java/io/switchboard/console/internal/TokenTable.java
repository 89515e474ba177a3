package io.switchboard.console.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The {@code console_token} table: token hashes, never tokens. Stateless. */
public final class TokenTable {

    /** What a stored token grants, before its expiry and revocation have been judged. */
    public record StoredToken(AuthenticatedUser user, Instant expiresAt, boolean revoked) {
    }

    public void insert(Connection connection, IssuedToken token, String username, String kind, Instant createdAt)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO console_token (token_hash, username, kind, created_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, token.hash());
            insert.setString(2, username);
            insert.setString(3, kind);
            insert.setString(4, Timestamps.format(createdAt));
            insert.setString(5, Timestamps.format(token.expiresAt()));
            insert.executeUpdate();
        }
    }

    public Optional<StoredToken> find(Connection connection, String tokenHash) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT u.username, u.role, t.expires_at, t.revoked_at"
                        + " FROM console_token t JOIN console_user u ON u.username = t.username"
                        + " WHERE t.token_hash = ?")) {
            select.setString(1, tokenHash);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Optional<Role> role = Role.fromId(row.getString(2));
                if (role.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredToken(new AuthenticatedUser(row.getString(1), role.get()),
                        Timestamps.parse(row.getString(3)), row.getString(4) != null));
            }
        }
    }

    /** Removes tokens that expired before {@code now}; returns how many. */
    public int deleteExpired(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM console_token WHERE expires_at <= ?")) {
            delete.setString(1, Timestamps.format(now));
            return delete.executeUpdate();
        }
    }
}
