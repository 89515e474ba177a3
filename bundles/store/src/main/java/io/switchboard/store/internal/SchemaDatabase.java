package io.switchboard.store.internal;

import io.switchboard.store.api.Database;
import io.switchboard.store.api.SqlWork;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The {@link Database} service registered for one bundle: the shared engine, plus a switch that
 * is turned off when the service is withdrawn, so a caller that kept the object after its bundle
 * stopped (or the store went away) gets a clear error instead of writing behind our back.
 */
final class SchemaDatabase implements Database {

    private final String schema;
    private final Database engine;
    private volatile boolean withdrawn;

    SchemaDatabase(String schema, Database engine) {
        this.schema = schema;
        this.engine = engine;
    }

    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        if (withdrawn) {
            throw withdrawnError();
        }
        return engine.read(work);
    }

    @Override
    public <T> CompletionStage<T> write(SqlWork<T> work) {
        if (withdrawn) {
            return CompletableFuture.failedFuture(withdrawnError());
        }
        return engine.write(work);
    }

    void withdraw() {
        withdrawn = true;
    }

    private SQLException withdrawnError() {
        return new SQLException("the Database service for " + schema + " has been withdrawn");
    }

    @Override
    public String toString() {
        return "Database[" + schema + "]";
    }
}
