package io.switchboard.console.internal;

import io.switchboard.store.api.Database;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Console users as the rest of the bundle sees them: lookup and creation, each creation audited in
 * the same transaction. Holds no state of its own; the database does.
 */
public final class UserDirectory {

    private final Database database;
    private final Clock clock;
    private final UserTable users = new UserTable();
    private final AuditTrail audit = new AuditTrail();

    public UserDirectory(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Optional<UserAccount> find(String username) throws SQLException {
        return database.read(connection -> users.find(connection, username));
    }

    /**
     * Creates the user unless the name is taken; true if created. {@code actor} is who asked
     * ({@link AuditEntry#SYSTEM} for the appliance itself).
     */
    public boolean create(String username, Role role, String passwordHash, String actor, String remoteAddress)
            throws SQLException {
        return Stages.await(database.write(connection -> {
            var now = Timestamps.truncate(clock.instant());
            boolean created = users.insertIfAbsent(connection, username, role, passwordHash, now);
            if (created) {
                audit.append(connection, new AuditEntry(now, actor, "user.created", remoteAddress,
                        "user " + username + " with role " + role.id()));
            }
            return created;
        }));
    }
}
