package io.switchboard.launcher;

import java.time.Duration;
import java.util.function.ToIntFunction;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the bundles that own live calls to drain: refuse new calls, let live ones finish. They offer
 * it as services typed only with JDK interfaces (so the launcher needs none of their classes):
 * a {@code ToIntFunction<Duration>} that drains for at most the given time and returns the calls
 * still up, and a {@code Runnable} that takes calls again; both carry the {@value #PROPERTY}
 * property.
 */
public final class CallDrain {
    /** Service property marking a bundle's drain and resume services; its value names the bundle's part. */
    public static final String PROPERTY = "switchboard.drain";
    private static final Logger LOG = LoggerFactory.getLogger(CallDrain.class);
    private static final String FILTER = "(" + PROPERTY + "=*)";

    private final BundleContext context;

    public CallDrain(BundleContext context) {
        this.context = context;
    }

    /** Drains every participant within {@code limit}; returns the calls still up. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public int drain(Duration limit) {
        int stillUp = 0;
        for (ServiceReference<ToIntFunction> ref : references(ToIntFunction.class)) {
            ToIntFunction<Duration> drain = context.getService(ref);
            if (drain == null) {
                continue;
            }
            try {
                LOG.info("Draining {} (at most {} s)", ref.getProperty(PROPERTY), limit.toSeconds());
                stillUp += drain.applyAsInt(limit);
            } catch (RuntimeException e) {
                LOG.error("Draining {} failed", ref.getProperty(PROPERTY), e);
            } finally {
                context.ungetService(ref);
            }
        }
        return stillUp;
    }

    /** Lets every participant take new calls again (the update that drained did not happen). */
    public void resume() {
        for (ServiceReference<Runnable> ref : references(Runnable.class)) {
            Runnable resume = context.getService(ref);
            if (resume == null) {
                continue;
            }
            try {
                resume.run();
            } catch (RuntimeException e) {
                LOG.error("Resuming {} failed", ref.getProperty(PROPERTY), e);
            } finally {
                context.ungetService(ref);
            }
        }
    }

    private <T> java.util.Collection<ServiceReference<T>> references(Class<T> type) {
        try {
            return context.getServiceReferences(type, FILTER);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("bad constant filter " + FILTER, e);
        }
    }
}
