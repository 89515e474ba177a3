package io.switchboard.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one bundle's tables up to date with the migration files it ships.
 *
 * <p>Everything is checked before anything is changed: duplicate versions, changed checksums of
 * applied migrations and new files that sort before an applied one all stop the run with the
 * database untouched. Then each new migration runs in a transaction of its own, together with the
 * row that records it, so a migration is either applied and recorded or neither.
 *
 * <p>A file may hold several statements: it is run through {@link Statement#executeUpdate},
 * which sqlite-jdbc hands to {@code sqlite3_exec}; that runs every statement in turn, and SQLite's
 * own parser finds where each ends, so triggers with inner semicolons are fine. (Plain
 * {@link Statement#execute} in sqlite-jdbc silently runs only the first statement.) A file must
 * not contain {@code BEGIN}, {@code COMMIT} or {@code ROLLBACK}: the runner owns the transaction.
 *
 * <p>Needs the connection to itself, in autocommit mode; the store runs it on its writer thread.
 */
public final class MigrationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);

    private final Clock clock;

    public MigrationRunner(Clock clock) {
        this.clock = clock;
    }

    /**
     * Applies the bundle's new migrations in version order.
     *
     * @return the migrations applied by this call, empty if the schema was already up to date
     * @throws ChecksumMismatchException if an applied migration's file has changed
     * @throws MigrationException if the files are inconsistent or a migration failed (rolled back)
     * @throws SQLException if the store's own record could not be read
     */
    public List<MigrationScript> migrate(
            Connection connection, String bundle, List<MigrationScript> scripts)
            throws MigrationException, SQLException {
        Map<Long, MigrationScript> byVersion = indexByVersion(bundle, scripts);
        Map<Long, AppliedMigration> applied = MigrationLedger.applied(connection, bundle).stream()
                .collect(Collectors.toMap(AppliedMigration::version, Function.identity()));
        verifyApplied(bundle, applied, byVersion);
        List<MigrationScript> pending = pending(bundle, applied, byVersion);
        for (MigrationScript script : pending) {
            apply(connection, bundle, script);
        }
        return pending;
    }

    private static Map<Long, MigrationScript> indexByVersion(
            String bundle, List<MigrationScript> scripts) throws MigrationException {
        Map<Long, MigrationScript> byVersion = new TreeMap<>();
        for (MigrationScript script : scripts) {
            MigrationScript other = byVersion.putIfAbsent(script.version(), script);
            if (other != null) {
                throw new MigrationException("Bundle " + bundle + " ships two migrations with"
                        + " version " + script.version() + ": " + other.fileName() + " and "
                        + script.fileName());
            }
        }
        return byVersion;
    }

    private static void verifyApplied(String bundle, Map<Long, AppliedMigration> applied,
            Map<Long, MigrationScript> byVersion) throws ChecksumMismatchException {
        for (AppliedMigration done : applied.values()) {
            MigrationScript script = byVersion.get(done.version());
            if (script == null) {
                // An older bundle on a newer schema: an operator rolling back an upgrade. Allowed,
                // as long as migrations only ever add what older code can ignore.
                LOG.warn("Bundle {} no longer ships applied migration {}; its schema is newer"
                        + " than the bundle", bundle, done.fileName());
            } else if (!script.checksum().equals(done.checksum())) {
                throw new ChecksumMismatchException(
                        bundle, script.fileName(), done.checksum(), script.checksum());
            }
        }
    }

    private static List<MigrationScript> pending(String bundle, Map<Long, AppliedMigration> applied,
            Map<Long, MigrationScript> byVersion) throws MigrationException {
        long newestApplied = applied.keySet().stream().max(Comparator.naturalOrder()).orElse(-1L);
        List<MigrationScript> pending = new ArrayList<>();
        for (MigrationScript script : byVersion.values()) {
            if (applied.containsKey(script.version())) {
                continue;
            }
            if (script.version() < newestApplied) {
                throw new MigrationException("Bundle " + bundle + " ships new migration "
                        + script.fileName() + " older than applied version " + newestApplied
                        + "; renumber it above " + newestApplied + "; database left untouched");
            }
            pending.add(script);
        }
        return pending;
    }

    private void apply(Connection connection, String bundle, MigrationScript script)
            throws MigrationException, SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("BEGIN IMMEDIATE");
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(script.sql());
            MigrationLedger.record(connection, bundle, script, clock.instant());
            statement.executeUpdate("COMMIT");
        } catch (SQLException e) {
            rollback(connection, e);
            throw new MigrationException("Migration " + script.fileName() + " of bundle " + bundle
                    + " failed and was rolled back: " + e.getMessage(), e);
        }
        LOG.info("Applied migration {} of bundle {}", script.fileName(), bundle);
    }

    private static void rollback(Connection connection, SQLException failure) {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("ROLLBACK");
        } catch (SQLException e) {
            // SQLite may already have rolled back by itself (e.g. a full disk); keep both causes.
            failure.addSuppressed(e);
        }
    }
}
