package io.switchboard.launcher;

import io.switchboard.launcher.deploy.DeployWatcher;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.framework.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVM shutdown hook (SIGTERM, SIGINT, or the end of {@code main}): stop watching the deploy
 * directories, stop the framework (the core drains live calls while it stops), flush the log, then
 * halt. Halting is deliberate (pitfall 14): after a SIGTERM the JVM would otherwise exit 143,
 * and the contract says 0.
 */
final class ShutdownSequence implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSequence.class);
    private static final Duration BEYOND_DRAIN = Duration.ofSeconds(30);

    private final Duration drainLimit;
    private final Duration stopBound;
    /** Set once each exists; the hook may run while the start is still under way. */
    private final AtomicReference<FelixContainer> container = new AtomicReference<>();
    private final AtomicReference<DeployWatcher> watcher = new AtomicReference<>();
    /** 0 unless the start failed: {@code System.exit(1)} runs this hook too, which halts. */
    private final AtomicInteger exitStatus = new AtomicInteger(CommandLineInterface.EXIT_OK);

    ShutdownSequence(int drainSeconds) {
        this.drainLimit = Duration.ofSeconds(drainSeconds);
        this.stopBound = drainLimit.plus(BEYOND_DRAIN);
    }

    void container(FelixContainer felix) {
        container.set(felix);
    }

    void watcher(DeployWatcher deployWatcher) {
        watcher.set(deployWatcher);
    }

    void startFailed() {
        exitStatus.set(CommandLineInterface.EXIT_FAILURE);
    }

    @Override
    public void run() {
        int status = exitStatus.get();
        try {
            DeployWatcher deployWatcher = watcher.get();
            if (deployWatcher != null) {
                deployWatcher.stop(Duration.ofSeconds(10));
            }
            FelixContainer felix = container.get();
            if (felix != null) {
                // Live calls finish before anything stops; new ones are refused meanwhile.
                int stillUp = new CallDrain(felix.context()).drain(drainLimit);
                if (stillUp > 0) {
                    LOG.warn("{} calls still up after the drain limit of {} s; ending them", stillUp,
                            drainLimit.toSeconds());
                }
                LOG.info("Stopping (bound {} s)", stopBound.toSeconds());
                if (felix.stop(stopBound)) {
                    LOG.info("Stopped");
                } else {
                    LOG.error("The framework did not stop within {} s; halting anyway", stopBound.toSeconds());
                    status = CommandLineInterface.EXIT_FAILURE;
                }
            }
        } catch (BundleException e) {
            LOG.error("Stopping the framework failed", e);
            status = CommandLineInterface.EXIT_FAILURE;
        } catch (InterruptedException e) {
            LOG.error("Interrupted while stopping", e);
            status = CommandLineInterface.EXIT_FAILURE;
        } finally {
            LoggingSetup.stop();
            Runtime.getRuntime().halt(status);
        }
    }
}
