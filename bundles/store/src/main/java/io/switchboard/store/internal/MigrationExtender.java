package io.switchboard.store.internal;

import io.switchboard.store.api.Database;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extender: migrates each bundle that declares {@value Database#MIGRATIONS_HEADER} as it
 * starts, registers its {@link Database} service, and withdraws it when the bundle stops.
 *
 * <p>The tracker's callbacks run inside the framework's bundle events, where waiting for the
 * writer or stopping a bundle could deadlock. They only queue a step on one lifecycle thread of
 * this extender's own; that thread runs the steps in the order the events came (an update is
 * STOPPING, then STARTING: withdraw, then migrate the new files and register again).
 *
 * <p>Thread safety: {@link #registrations} is touched only on the lifecycle thread.
 */
final class MigrationExtender implements BundleTrackerCustomizer<Bundle> {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationExtender.class);

    private record Registered(ServiceRegistration<Database> registration, SchemaDatabase service) {
    }

    private final BundleContext context;
    private final SqliteDatabase database;
    private final BundleTracker<Bundle> tracker;
    private final ExecutorService lifecycle;
    private final Map<Long, Registered> registrations = new HashMap<>();

    MigrationExtender(BundleContext context, SqliteDatabase database) {
        this.context = context;
        this.database = database;
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, this);
        this.lifecycle = Executors.newSingleThreadExecutor(
                task -> new Thread(task, "switchboard-store-migrations"));
    }

    void open() {
        tracker.open();
    }

    /** Withdraws every service this extender registered; waits for a migration under way. */
    void close() {
        tracker.close(); // queues the withdrawal of every tracked bundle
        lifecycle.execute(this::withdrawAll);
        lifecycle.shutdown();
        try {
            if (!lifecycle.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("Store migrations still running after 60 s while the store stops");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Bundle addingBundle(Bundle bundle, BundleEvent event) {
        return BundleMigrations.folder(bundle).map(folder -> {
            lifecycle.execute(() -> arrive(bundle, folder));
            return bundle;
        }).orElse(null);
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Bundle tracked) {
        // STARTING -> ACTIVE: the schema was handled when the bundle started.
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Bundle tracked) {
        lifecycle.execute(() -> withdraw(bundle));
    }

    private void arrive(Bundle bundle, String folder) {
        String schema = bundle.getSymbolicName();
        try {
            List<MigrationScript> scripts = BundleMigrations.read(bundle, folder);
            List<MigrationScript> applied = database.migrate(schema, scripts).get();
            if ((bundle.getState() & (Bundle.STARTING | Bundle.ACTIVE)) == 0) {
                return; // stopped meanwhile; its withdrawal is queued behind us and finds nothing
            }
            register(bundle, schema);
            LOG.info("Database ready for {} ({} of {} migrations applied now)",
                    schema, applied.size(), scripts.size());
        } catch (MigrationException e) {
            refuse(bundle, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MigrationException refusal) {
                refuse(bundle, refusal);
            } else {
                LOG.error("Could not migrate {}: the store failed", schema, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            LOG.debug("Bundle {} was uninstalled while its migrations were read", schema, e);
        }
    }

    private void register(Bundle bundle, String schema) {
        SchemaDatabase service = new SchemaDatabase(schema, database);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Database.SCHEMA, schema);
        ServiceRegistration<Database> registration =
                context.registerService(Database.class, service, properties);
        Registered previous = registrations.put(bundle.getBundleId(),
                new Registered(registration, service));
        if (previous != null) {
            unregister(previous); // cannot happen with ordered events; never leave two behind
        }
    }

    /** Logs the one line an operator needs and stops the bundle: it must not run on this schema. */
    private void refuse(Bundle bundle, MigrationException reason) {
        LOG.error("{}; stopping bundle {}", reason.getMessage(), bundle.getSymbolicName(),
                reason.getCause());
        try {
            bundle.stop();
        } catch (BundleException | IllegalStateException e) {
            LOG.error("Could not stop bundle {} after its migrations were refused",
                    bundle.getSymbolicName(), e);
        }
    }

    private void withdraw(Bundle bundle) {
        Registered registered = registrations.remove(bundle.getBundleId());
        if (registered != null) {
            unregister(registered);
            LOG.info("Database for {} withdrawn", bundle.getSymbolicName());
        }
    }

    private void withdrawAll() {
        registrations.values().forEach(MigrationExtender::unregister);
        registrations.clear();
    }

    private static void unregister(Registered registered) {
        registered.service().withdraw();
        try {
            registered.registration().unregister();
        } catch (IllegalStateException alreadyGone) {
            // The store bundle is stopping and the framework has unregistered it already.
        }
    }
}
