package io.switchboard.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;

/**
 * Waits, after the start, until every active bundle that ships database migrations has its
 * {@code Database} service: the store applies migrations on its own thread, and the components
 * that need them (the console's login, core's REST) come up only then. Without this wait the
 * "started" line would come before the API answers. Looked up by class name and property only, so
 * the launcher needs none of the store's classes.
 */
final class SchemaReadiness {
    static final String MIGRATIONS_HEADER = "Switchboard-Migrations";
    private static final String DATABASE = "io.switchboard.store.api.Database";

    private final BundleContext context;

    SchemaReadiness(BundleContext context) {
        this.context = context;
    }

    /** @return the bundles still without their database when the ceiling passed (empty: all ready) */
    List<String> await(Duration ceiling) throws InterruptedException {
        Object changed = new Object();
        ServiceListener listener = event -> {
            if (event.getType() == ServiceEvent.REGISTERED) {
                synchronized (changed) {
                    changed.notifyAll();
                }
            }
        };
        try {
            context.addServiceListener(listener, "(objectClass=" + DATABASE + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("bad constant filter", e);
        }
        try {
            long deadline = System.nanoTime() + ceiling.toNanos();
            synchronized (changed) {
                List<String> waiting = waiting();
                while (!waiting.isEmpty()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return waiting;
                    }
                    // a bundle whose migrations failed is stopped by the store: re-check now and then
                    changed.wait(Math.min(Math.max(1, left / 1_000_000), 200));
                    waiting = waiting();
                }
                return waiting;
            }
        } finally {
            context.removeServiceListener(listener);
        }
    }

    private List<String> waiting() {
        List<String> waiting = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() == Bundle.ACTIVE && bundle.getHeaders().get(MIGRATIONS_HEADER) != null
                    && !hasDatabase(bundle.getSymbolicName())) {
                waiting.add(bundle.getSymbolicName());
            }
        }
        return waiting;
    }

    private boolean hasDatabase(String symbolicName) {
        try {
            return context.getServiceReferences(DATABASE, "(switchboard.schema=" + symbolicName + ")") != null;
        } catch (InvalidSyntaxException e) {
            return false; // a symbolic name that cannot be a filter value cannot have a schema either
        }
    }
}
