package io.switchboard.launcher.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the deploy directories once a second on one thread of its own and hands what it sees
 * to the {@link Deployer}. A scan is simpler and sturdier than a WatchService here: the deployer
 * needs two looks at a file anyway to know it is no longer being written.
 */
public final class DeployWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(DeployWatcher.class);
    static final Duration INTERVAL = Duration.ofSeconds(1);

    private final Deployer deployer;
    private final List<Path> directories;
    private final ScheduledExecutorService executor;

    public DeployWatcher(Deployer deployer, List<Path> directories) {
        this.deployer = deployer;
        this.directories = List.copyOf(directories);
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "switchboard-deploy");
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start() {
        executor.scheduleWithFixedDelay(this::scanOnce, INTERVAL.toMillis(), INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info("Deploy: watching {}", directories);
    }

    /** Stops after the scan under way, if any, so no framework action is cut in half. */
    public void stop(Duration timeout) throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("Deploy: the watcher did not stop within {}", timeout);
            executor.shutdownNow();
        }
    }

    private void scanOnce() {
        List<DeployFile> files;
        try {
            files = DeployFile.list(directories);
        } catch (IOException e) {
            // Skip this round: acting on a partial listing would uninstall bundles whose jars are there.
            LOG.warn("Deploy: cannot list {}, trying again in {}", directories, INTERVAL, e);
            return;
        }
        try {
            deployer.scan(files);
        } catch (RuntimeException e) {
            // An exception would silently cancel the schedule and stop all later deploys.
            LOG.error("Deploy: scan failed, trying again in {}", INTERVAL, e);
        }
    }
}
