package io.switchboard.launcher.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;
import io.switchboard.launcher.CallDrain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The deployer's actions on a real framework, through the system bundle's context. */
public final class BundleContextDeployCallback implements DeployCallback {

    /** Add-ons start after everything shipped (levels 1-4). */
    public static final int DEPLOY_START_LEVEL = 5;

    private static final Logger LOG = LoggerFactory.getLogger(BundleContextDeployCallback.class);
    private static final Duration REFRESH_TIMEOUT = Duration.ofMinutes(2);

    /** Manifest header of bundles that own live calls (core, drivers): they drain before an update. */
    public static final String DRAIN_HEADER = "Switchboard-Drain";

    private final BundleContext context;
    private final Duration drainLimit;

    public BundleContextDeployCallback(BundleContext context, Duration drainLimit) {
        this.context = context;
        this.drainLimit = drainLimit;
    }

    @Override
    public OptionalLong installedBundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return OptionalLong.of(bundle.getBundleId());
            }
        }
        return OptionalLong.empty();
    }

    @Override
    public long install(String location, Path jar) throws DeployException {
        // From a stream: the framework copies the bytes into its cache now, so the file may be
        // replaced or removed afterwards without disturbing the running bundle.
        try (InputStream in = Files.newInputStream(jar)) {
            Bundle bundle = context.installBundle(location, in);
            bundle.adapt(BundleStartLevel.class).setStartLevel(DEPLOY_START_LEVEL);
            return bundle.getBundleId();
        } catch (IOException | BundleException e) {
            throw new DeployException("Cannot install " + jar, e);
        }
    }

    @Override
    public void start(long bundleId) throws DeployException {
        Bundle bundle = bundle(bundleId);
        if (bundle.getHeaders().get("Fragment-Host") != null) {
            return; // fragments attach to their host; they are never started
        }
        try {
            bundle.start();
        } catch (BundleException e) {
            throw new DeployException("Cannot start " + describe(bundle), e);
        }
    }

    @Override
    public void update(long bundleId, Path jar) throws DeployException {
        Bundle bundle = bundle(bundleId);
        boolean drained = drainFor(bundle);
        try (InputStream in = Files.newInputStream(jar)) {
            bundle.update(in);
        } catch (IOException | BundleException e) {
            if (drained) {
                new CallDrain(context).resume();
            }
            throw new DeployException("Cannot update " + describe(bundle) + " from " + jar, e);
        }
    }

    /** A bundle that owns live calls is updated only after they finish (bounded by the drain limit). */
    private boolean drainFor(Bundle bundle) {
        if (!"true".equalsIgnoreCase(bundle.getHeaders().get(DRAIN_HEADER))) {
            return false;
        }
        int stillUp = new CallDrain(context).drain(drainLimit);
        if (stillUp > 0) {
            LOG.warn("Updating {} with {} calls still up after the drain limit", describe(bundle), stillUp);
        }
        return true;
    }

    @Override
    public void uninstall(long bundleId) throws DeployException {
        Bundle bundle = bundle(bundleId);
        try {
            bundle.uninstall();
        } catch (BundleException e) {
            throw new DeployException("Cannot uninstall " + describe(bundle), e);
        }
    }

    @Override
    public boolean removalPending() {
        return !wiring().getRemovalPendingBundles().isEmpty();
    }

    @Override
    public void refresh() throws DeployException {
        CompletableFuture<FrameworkEvent> done = new CompletableFuture<>();
        wiring().refreshBundles(null, done::complete);
        try {
            FrameworkEvent event = done.get(REFRESH_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (event.getType() != FrameworkEvent.PACKAGES_REFRESHED) {
                throw new DeployException("Package refresh ended with framework event " + event.getType(),
                        event.getThrowable());
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new DeployException("Package refresh did not finish within " + REFRESH_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException("Interrupted while waiting for the package refresh", e);
        }
    }

    private FrameworkWiring wiring() {
        return context.getBundle(0).adapt(FrameworkWiring.class);
    }

    private Bundle bundle(long bundleId) throws DeployException {
        Bundle bundle = context.getBundle(bundleId);
        if (bundle == null) {
            throw new DeployException("Bundle " + bundleId + " is no longer installed", null);
        }
        return bundle;
    }

    private static String describe(Bundle bundle) {
        return bundle.getSymbolicName() + " [" + bundle.getBundleId() + "]";
    }
}
