package io.switchboard.store.internal;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the database named by the framework property {@value #DATABASE_PROPERTY} and runs the
 * migration extender over it. Registers no service itself: the extender registers one
 * {@code Database} per bundle that declares migrations.
 *
 * <p>If the file cannot be opened, or belongs to someone else, it logs one line and stays idle:
 * no bundle gets a {@code Database}, so nothing can write into a file that is not ours.
 *
 * <p>DS calls activate, modified and deactivate one at a time; they are synchronized anyway so
 * the fields are plainly guarded by {@code this}.
 */
@Component(immediate = true, configurationPid = StoreComponent.PID)
@Designate(ocd = StoreComponent.Config.class)
public final class StoreComponent {

    static final String PID = "io.switchboard.store";
    static final String DATABASE_PROPERTY = "switchboard.db";

    private static final Logger LOG = LoggerFactory.getLogger(StoreComponent.class);

    @ObjectClassDefinition(id = PID, name = "Switchboard store",
            description = "The appliance's SQLite database: locking, group commit, read pool.")
    public @interface Config {
        @AttributeDefinition(name = "Busy timeout (ms)", min = "1",
                description = "How long a connection waits for a lock held by another process.")
        int busyTimeoutMillis() default StoreOptions.DEFAULT_BUSY_TIMEOUT_MILLIS;

        @AttributeDefinition(name = "Writes per transaction", min = "1",
                description = "The most queued writes committed together in one transaction.")
        int maxBatchSize() default StoreOptions.DEFAULT_MAX_BATCH_SIZE;

        @AttributeDefinition(name = "Read connections", min = "1",
                description = "How many connections serve reads at the same time.")
        int readConnections() default StoreOptions.DEFAULT_READ_CONNECTIONS;

        @AttributeDefinition(name = "Write queue capacity", min = "1",
                description = "Writes waiting beyond this many fail at once.")
        int writeQueueCapacity() default StoreOptions.DEFAULT_WRITE_QUEUE_CAPACITY;
    }

    private final BundleContext context;
    private StoreOptions options;
    private SqliteDatabase database;
    private MigrationExtender extender;

    @Activate
    public StoreComponent(BundleContext context, Config config) {
        this.context = context;
        this.options = options(config);
        start();
    }

    /** Rebuilds only on a real change: a restart withdraws every bundle's Database service. */
    @Modified
    synchronized void modified(Config config) {
        StoreOptions changed = options(config);
        if (changed.equals(options)) {
            return;
        }
        LOG.info("Store settings changed to {}; reopening the database", changed);
        stop();
        options = changed;
        start();
    }

    @Deactivate
    synchronized void deactivate() {
        stop();
    }

    private synchronized void start() {
        String location = context.getProperty(DATABASE_PROPERTY);
        if (location == null || location.isBlank()) {
            LOG.error("Framework property {} is not set; the store opens no database",
                    DATABASE_PROPERTY);
            return;
        }
        try {
            database = SqliteDatabase.open(Path.of(location), options, Clock.systemUTC());
        } catch (ForeignDatabaseException e) {
            LOG.error("{}; the store registers nothing", e.getMessage());
            return;
        } catch (SQLException e) {
            LOG.error("Cannot open database {}; the store registers nothing", location, e);
            return;
        }
        LOG.info("{} database {}", database.created() ? "Created" : "Opened", location);
        extender = new MigrationExtender(context, database);
        extender.open();
    }

    private void stop() {
        if (extender != null) {
            extender.close();
            extender = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
    }

    private static StoreOptions options(Config config) {
        return new StoreOptions(config.busyTimeoutMillis(), config.maxBatchSize(),
                config.readConnections(), config.writeQueueCapacity());
    }
}
