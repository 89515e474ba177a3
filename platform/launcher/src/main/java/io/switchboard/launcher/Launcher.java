package io.switchboard.launcher;

import io.switchboard.launcher.FrameworkProperties.ConsoleTls;
import io.switchboard.launcher.deploy.BundleContextDeployCallback;
import io.switchboard.launcher.deploy.DeployFile;
import io.switchboard.launcher.deploy.DeployWatcher;
import io.switchboard.launcher.deploy.Deployer;
import io.switchboard.launcher.deploy.ManifestBundleJarReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code switchboard run}: preflight, first-start layout, logging, certificate, framework,
 * bundles, deploy watcher, then wait for the framework to stop. See the README for the sequence.
 */
public final class Launcher implements CommandLineInterface.RunAction {
    /** How long the start waits for bundles' migrations before it reports "started" anyway. */
    private static final Duration SCHEMA_CEILING = Duration.ofSeconds(60);

    private final String version;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Instant processStart;

    public Launcher(String version, PrintWriter out, PrintWriter err, Instant processStart) {
        this.version = version;
        this.out = out;
        this.err = err;
        this.processStart = processStart;
    }

    @Override
    public int run(RunOptions options) {
        try {
            new Preflight(options).check();
        } catch (PreflightException e) {
            err.println("switchboard: " + e.getMessage());
            err.flush();
            return CommandLineInterface.EXIT_USAGE;
        }
        // From here on the data directory may change.
        DataDirectory data = new DataDirectory(options.data());
        try {
            data.create();
            setSystemProperties(data);
            String logConfiguration = LoggingSetup.configure(options.home());
            return new Start(options, data).run(logConfiguration);
        } catch (Exception e) {
            // Start failed after the preflight: a broken install or disk, not the operator's input.
            LoggerFactory.getLogger(Launcher.class).error("Switchboard did not start", e);
            err.println("switchboard: did not start: " + e);
            err.flush();
            return CommandLineInterface.EXIT_FAILURE;
        }
    }

    /** Read by libraries before any bundle sees a framework property. */
    private static void setSystemProperties(DataDirectory data) {
        System.setProperty("switchboard.data", data.root().toString());
        // Pitfall 8: native libraries go under the data directory, not into a noexec /tmp.
        System.setProperty("org.sqlite.tmpdir", data.tmp().toString());
        System.setProperty("jna.nosys", "false");
    }

    /** One start, from logging configured to the framework stopped. */
    private final class Start {

        private final Logger log = LoggerFactory.getLogger(Launcher.class);
        private final RunOptions options;
        private final DataDirectory data;

        Start(RunOptions options, DataDirectory data) {
            this.options = options;
            this.data = data;
        }

        int run(String logConfiguration) throws IOException, GeneralSecurityException, BundleException,
                InterruptedException {
            log.info("Switchboard {} starting: home {}, data {}, bind {}, SIP {}, HTTPS {}, RTP {}, demo {}; logging from {}",
                    version, options.home(), data.root(), options.bind(), options.sipPort(), options.httpsPort(),
                    options.rtpPorts(), options.demo(), logConfiguration);
            String hostName = HostName.local();
            ConsoleKeystore keystore = new ConsoleKeystore(data);
            if (keystore.ensure(hostName, options.bind())) {
                log.info("Made a self-signed console certificate for {} in {}", hostName, keystore.keystore());
            }
            ConsoleTls tls = new ConsoleTls(keystore.keystore(), keystore.readPassword());

            ShutdownSequence shutdown = new ShutdownSequence(options.drainSeconds());
            Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "switchboard-shutdown"));

            try {
                startAndAwaitStop(shutdown, tls, hostName);
            } catch (IOException | BundleException | InterruptedException | RuntimeException e) {
                shutdown.startFailed();
                throw e;
            }
            log.info("The framework stopped");
            return CommandLineInterface.EXIT_OK;
        }

        /** Returns when the framework has stopped, by a signal or by itself. */
        private void startAndAwaitStop(ShutdownSequence shutdown, ConsoleTls tls, String hostName) throws IOException,
                BundleException, InterruptedException {
            FelixContainer felix = new FelixContainer(FrameworkProperties.of(options, version, tls));
            shutdown.container(felix);
            felix.init();

            List<ShippedBundle> shipped = new BundleInstaller(felix.context())
                    .installAll(BundleDirectories.list(options.home().resolve("bundles")));
            Map<String, Path> shippedJars = new LinkedHashMap<>();
            shipped.forEach(bundle -> shippedJars.put(bundle.symbolicName(), bundle.jar()));
            List<Path> deployDirectories = List.of(data.deploy(), options.home().resolve("deploy"));
            Deployer deployer = new Deployer(new BundleContextDeployCallback(felix.context(),
                    Duration.ofSeconds(options.drainSeconds())),
                    new ManifestBundleJarReader(), shippedJars);
            deployer.deployPresent(DeployFile.list(deployDirectories));

            int topLevel = shipped.stream().mapToInt(ShippedBundle::startLevel)
                    .reduce(BundleContextDeployCallback.DEPLOY_START_LEVEL, Math::max);
            felix.start(topLevel);
            List<String> noDatabase = new SchemaReadiness(felix.context()).await(SCHEMA_CEILING);
            if (!noDatabase.isEmpty()) {
                log.warn("Bundles still without their database after {} s: {}", SCHEMA_CEILING.toSeconds(),
                        noDatabase);
            }
            reportStarted(felix, hostName);

            DeployWatcher watcher = new DeployWatcher(deployer, deployDirectories);
            shutdown.watcher(watcher);
            watcher.start();

            felix.awaitStop();
        }

        private void reportStarted(FelixContainer felix, String hostName) {
            for (Bundle bundle : felix.bundlesNotActive()) {
                log.warn("Bundle {} [{}] is {} after the start", bundle.getSymbolicName(), bundle.getBundleId(),
                        BundleStates.name(bundle.getState()));
            }
            long millis = Duration.between(processStart, Instant.now()).toMillis();
            String host = BindAddress.isWildcard(options.bind()) ? hostName : options.bind();
            String ready = String.format("Switchboard %s started in %d ms; console https://%s:%d/", version, millis,
                    BindAddress.forUrl(host), options.httpsPort());
            log.info(ready);
            out.println(ready);
            out.flush();
        }
    }
}
