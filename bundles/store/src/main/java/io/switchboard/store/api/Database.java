package io.switchboard.store.api;

import java.sql.SQLException;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Access to the appliance database for one bundle whose migrations have been applied.
 *
 * <p>Registered by the store once per bundle that declares {@value #MIGRATIONS_HEADER}, with the
 * service property {@value #SCHEMA} set to that bundle's symbolic name, so a component waits for
 * its own tables with {@code @Reference(target = "(switchboard.schema=io.switchboard.acd)")}.
 *
 * <p>Reads run on a pooled read connection and see the last committed state (WAL). Writes go
 * through one writer connection: work submitted close together is committed in one transaction,
 * each piece inside its own savepoint, so one failing piece fails only its own stage.
 *
 * <p>The service is withdrawn when the bundle it serves stops or the store stops; a withdrawn
 * service object refuses further work with an {@link SQLException}.
 */
@ProviderType
public interface Database {

    /** Service property: the symbolic name of the bundle whose schema this service serves. */
    String SCHEMA = "switchboard.schema";

    /** Manifest header naming the bundle folder that holds its {@code V<n>__<name>.sql} files. */
    String MIGRATIONS_HEADER = "Switchboard-Migrations";

    /**
     * Runs read-only work on a read connection, on the caller's thread, inside one read
     * transaction: every statement of the work sees the same committed snapshot. The connection
     * is query-only; writing through it fails. Blocks while all read connections are lent out
     * (up to the store's busy timeout).
     */
    <T> T read(SqlWork<T> work) throws SQLException;

    /**
     * Queues work for the single writer; the stage completes after the transaction holding it has
     * committed, or exceptionally with the work's {@link SQLException} (or any other exception it
     * threw), its changes rolled back to its savepoint. It also fails at once if the store's write
     * queue is full or the service has been withdrawn.
     *
     * <p>The work and the completion of the stage run on the store's writer thread. Dependent
     * stages attached without {@code *Async} run there as well: keep them short, and never block
     * there (or inside the work) waiting for another write — it cannot run until they return.
     */
    <T> CompletionStage<T> write(SqlWork<T> work);
}
