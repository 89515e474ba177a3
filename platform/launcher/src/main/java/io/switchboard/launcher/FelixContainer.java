package io.switchboard.launcher;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded OSGi framework, found through {@code ServiceLoader<FrameworkFactory>} (Felix on
 * the class path). Lifecycle: {@link #init()}, install bundles, {@link #start(int)},
 * {@link #stop(Duration)}.
 */
public final class FelixContainer {

    private static final Logger LOG = LoggerFactory.getLogger(FelixContainer.class);
    private static final Duration START_LEVEL_TIMEOUT = Duration.ofMinutes(5);

    private final Framework framework;

    public FelixContainer(Map<String, String> properties) {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("No OSGi FrameworkFactory on the class path"));
        Map<String, Object> configuration = new HashMap<>(properties);
        configuration.put("felix.log.logger", new FelixLogBridge());
        // Felix reads its configuration as Map<String, Object> (the logger is an object); the
        // OSGi signature says Map<String, String>, hence this one unchecked hand-over.
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, String> felixConfiguration = (Map) configuration;
        this.framework = factory.newFramework(felixConfiguration);
    }

    public void init() throws BundleException {
        framework.init(this::logProblem);
    }

    public BundleContext context() {
        return framework.getBundleContext();
    }

    /**
     * Starts the framework at start level 1, then raises it to {@code startLevel} and returns once
     * every bundle up to that level has been started (or has failed to).
     */
    public void start(int startLevel) throws BundleException, InterruptedException {
        framework.start();
        CountDownLatch reached = new CountDownLatch(1);
        framework.adapt(FrameworkStartLevel.class).setStartLevel(startLevel, event -> {
            if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
                reached.countDown();
            }
        });
        if (!reached.await(START_LEVEL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new BundleException("Start level " + startLevel + " not reached within " + START_LEVEL_TIMEOUT);
        }
    }

    /** Bundles that should be running and are not (fragments excluded). */
    public List<Bundle> bundlesNotActive() {
        return List.of(context().getBundles()).stream()
                .filter(bundle -> bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null)
                .filter(bundle -> bundle.getState() != Bundle.ACTIVE)
                .toList();
    }

    /** Blocks until the framework has stopped, for whatever reason. */
    public void awaitStop() throws InterruptedException {
        FrameworkEvent event;
        do {
            event = framework.waitForStop(0);
        } while (event.getType() == FrameworkEvent.WAIT_TIMEDOUT);
    }

    /** Asks the framework to stop and waits at most {@code bound}; returns whether it stopped. */
    public boolean stop(Duration bound) throws BundleException, InterruptedException {
        framework.stop();
        FrameworkEvent event = framework.waitForStop(bound.toMillis());
        return event.getType() != FrameworkEvent.WAIT_TIMEDOUT;
    }

    private void logProblem(FrameworkEvent event) {
        Bundle bundle = event.getBundle();
        String name = bundle == null ? "framework" : bundle.getSymbolicName() + " [" + bundle.getBundleId() + "]";
        if (event.getType() == FrameworkEvent.ERROR) {
            LOG.error("{}: {}", name, describe(event.getThrowable()), event.getThrowable());
        } else if (event.getType() == FrameworkEvent.WARNING) {
            LOG.warn("{}: {}", name, describe(event.getThrowable()), event.getThrowable());
        }
    }

    private static String describe(Throwable throwable) {
        return throwable == null ? "" : String.valueOf(throwable.getMessage());
    }
}
