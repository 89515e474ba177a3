package io.switchboard.sip.internal.registrar;

import io.switchboard.sip.internal.auth.DigestAlgorithm;
import io.switchboard.sip.internal.auth.Hashes;
import io.switchboard.sip.internal.auth.StoredCredentials;
import io.switchboard.store.api.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * Devices in {@code sip_device}: the user and its realm-bound digest hashes (MD5 and SHA-256),
 * never the password. Stateless apart from the database.
 */
public final class DeviceTable {

    /** A digest user we accept: what fits a SIP URI user part without escaping. */
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._~+-]{1,64}");

    private final Database database;
    private final Clock clock;

    public DeviceTable(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public static boolean validUser(String user) {
        return user != null && USER.matcher(user).matches();
    }

    public Optional<StoredCredentials> find(String user) throws SQLException {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT realm, ha1_md5, ha1_sha256 FROM sip_device WHERE username = ?")) {
                select.setString(1, user);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next()
                            ? Optional.of(new StoredCredentials(user, rows.getString(1), rows.getString(2),
                            rows.getString(3)))
                            : Optional.<StoredCredentials>empty();
                }
            }
        });
    }

    public List<String> users() throws SQLException {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT username FROM sip_device ORDER BY username");
                 ResultSet rows = select.executeQuery()) {
                List<String> users = new ArrayList<>();
                while (rows.next()) {
                    users.add(rows.getString(1));
                }
                return users;
            }
        });
    }

    /** Creates the device or replaces its hashes. */
    public void setPassword(String user, String realm, String password) throws SQLException {
        await(database.write(connection -> upsert(connection, user, realm, password, true)));
    }

    /** Adds the device unless it exists (the demo devices on first start). */
    public void addIfAbsent(String user, String realm, String password) throws SQLException {
        await(database.write(connection -> upsert(connection, user, realm, password, false)));
    }

    public boolean remove(String user) throws SQLException {
        return await(database.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sip_device WHERE username = ?")) {
                delete.setString(1, user);
                return delete.executeUpdate() > 0;
            }
        }));
    }

    private Integer upsert(java.sql.Connection connection, String user, String realm, String password,
                           boolean replace) throws SQLException {
        String sql = "INSERT INTO sip_device (username, realm, ha1_md5, ha1_sha256, created_at) VALUES (?, ?, ?, ?, ?)"
                + (replace ? " ON CONFLICT (username) DO UPDATE SET realm = excluded.realm,"
                + " ha1_md5 = excluded.ha1_md5, ha1_sha256 = excluded.ha1_sha256"
                : " ON CONFLICT (username) DO NOTHING");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, user);
            statement.setString(2, realm);
            statement.setString(3, Hashes.ha1(DigestAlgorithm.MD5, user, realm, password));
            statement.setString(4, Hashes.ha1(DigestAlgorithm.SHA_256, user, realm, password));
            statement.setString(5, Timestamps.format(clock.instant()));
            return statement.executeUpdate();
        }
    }

    private static <T> T await(CompletionStage<T> stage) throws SQLException {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("database write failed", e.getCause());
        }
    }
}
