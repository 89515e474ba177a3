package io.switchboard.launcher.deploy;

import io.switchboard.launcher.deploy.BundleJarReader.InvalidBundleJarException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what the jars in the deploy directories mean for the framework, and acts only through
 * a {@link DeployCallback}, so the rules are tested without a framework.
 *
 * <ul>
 * <li>A new jar is acted on once two scans saw the same size and modification time, so a jar still
 *     being copied is not half-read. Jars present at startup are taken as they are.</li>
 * <li>A jar whose Bundle-SymbolicName is already installed (a shipped bundle, or one installed
 *     otherwise) updates that bundle in place; else it is installed and started.</li>
 * <li>A changed jar updates its bundle; removing the jar uninstalls its bundle, or, for a shipped
 *     bundle, puts the shipped jar back.</li>
 * <li>A jar that is not a bundle is logged once and left alone until it changes.</li>
 * <li>After updates and uninstalls, a refresh runs only if old revisions are still wired.</li>
 * </ul>
 *
 * <p>Not thread-safe: the launcher calls it from its main thread before the watcher starts and
 * from the watcher's single thread afterwards.
 */
public final class Deployer {

    private static final Logger LOG = LoggerFactory.getLogger(Deployer.class);

    private final DeployCallback framework;
    private final BundleJarReader reader;
    private final Map<String, Path> shippedJars;

    /** What each deploy file has become; a path absent here has not been acted on. */
    private final Map<Path, Tracked> tracked = new LinkedHashMap<>();
    /** What the previous scan saw, to tell a jar at rest from one being written. */
    private Map<Path, DeployFile> previousScan = Map.of();

    private sealed interface Tracked permits Deployed, Rejected {
        DeployFile file();
    }

    /**
     * @param replacedExisting the jar updated a bundle that was installed before it (else the
     *                         deployer installed it)
     */
    private record Deployed(DeployFile file, long bundleId, String symbolicName, boolean replacedExisting)
            implements Tracked {
    }

    /** Not a bundle jar, or the framework refused it: retried when the file changes. */
    private record Rejected(DeployFile file) implements Tracked {
    }

    /**
     * @param shippedJars the jar each shipped bundle came from, by symbolic name, to go back to
     *                    when a jar that replaced it is removed
     */
    public Deployer(DeployCallback framework, BundleJarReader reader, Map<String, Path> shippedJars) {
        this.framework = framework;
        this.reader = reader;
        this.shippedJars = Map.copyOf(shippedJars);
    }

    /** At startup: the jars already there are installed along with the shipped bundles. */
    public void deployPresent(Collection<DeployFile> files) {
        apply(files, true);
    }

    /** One periodic look at the deploy directories. */
    public void scan(Collection<DeployFile> files) {
        apply(files, false);
    }

    private void apply(Collection<DeployFile> files, boolean trustAll) {
        Map<Path, DeployFile> current = new LinkedHashMap<>();
        files.forEach(file -> current.put(file.path(), file));
        boolean revisionsChanged = false;

        for (Path gone : List.copyOf(tracked.keySet())) {
            if (!current.containsKey(gone)) {
                Tracked removed = tracked.remove(gone);
                if (removed instanceof Deployed deployed) {
                    revisionsChanged |= undeploy(deployed);
                }
            }
        }
        for (DeployFile file : current.values()) {
            Tracked known = tracked.get(file.path());
            if (known != null && known.file().equals(file)) {
                continue;
            }
            boolean atRest = trustAll || file.equals(previousScan.get(file.path()));
            if (!atRest) {
                continue;
            }
            revisionsChanged |= known instanceof Deployed deployed ? redeploy(deployed, file) : deploy(file);
        }
        previousScan = current;

        if (revisionsChanged && framework.removalPending()) {
            try {
                LOG.info("Deploy: refreshing the bundles wired to replaced or removed revisions");
                framework.refresh();
            } catch (DeployException e) {
                LOG.error("Deploy: refreshing packages failed", e);
            }
        }
    }

    /** Returns whether an existing bundle's revision changed. */
    private boolean deploy(DeployFile file) {
        String symbolicName = symbolicNameOrNull(file);
        if (symbolicName == null) {
            tracked.put(file.path(), new Rejected(file));
            return false;
        }
        OptionalLong existing = framework.installedBundle(symbolicName);
        Path otherJar = existing.isPresent() ? deployedFrom(existing.getAsLong()) : null;
        if (otherJar != null) {
            LOG.warn("Deploy: {} left alone: bundle {} is already deployed from {}", file.path(), symbolicName,
                    otherJar);
            tracked.put(file.path(), new Rejected(file));
            return false;
        }
        try {
            if (existing.isPresent()) {
                framework.update(existing.getAsLong(), file.path());
                tracked.put(file.path(), new Deployed(file, existing.getAsLong(), symbolicName, true));
                LOG.info("Deploy: updated bundle {} [{}] in place from {}", symbolicName, existing.getAsLong(),
                        file.path());
                return true;
            }
            long id = framework.install(file.path().toUri().toString(), file.path());
            tracked.put(file.path(), new Deployed(file, id, symbolicName, false));
            LOG.info("Deploy: installed bundle {} [{}] from {}", symbolicName, id, file.path());
            start(id, symbolicName);
        } catch (DeployException e) {
            LOG.error("Deploy: {} not deployed, retried when the file changes", file.path(), e);
            tracked.put(file.path(), new Rejected(file));
        }
        return false;
    }

    private boolean redeploy(Deployed deployed, DeployFile file) {
        String symbolicName = symbolicNameOrNull(file);
        if (symbolicName == null) {
            // The running bundle stays as it is; the file is remembered so it is read again only
            // when it changes once more.
            tracked.put(file.path(), new Deployed(file, deployed.bundleId(), deployed.symbolicName(),
                    deployed.replacedExisting()));
            return false;
        }
        if (!symbolicName.equals(deployed.symbolicName())) {
            LOG.info("Deploy: {} now holds {} instead of {}", file.path(), symbolicName, deployed.symbolicName());
            tracked.remove(file.path());
            boolean changed = undeploy(deployed);
            return deploy(file) | changed;
        }
        tracked.put(file.path(), new Deployed(file, deployed.bundleId(), symbolicName, deployed.replacedExisting()));
        try {
            framework.update(deployed.bundleId(), file.path());
            LOG.info("Deploy: updated bundle {} [{}] from {}", symbolicName, deployed.bundleId(), file.path());
        } catch (DeployException e) {
            LOG.error("Deploy: updating bundle {} from {} failed, retried when the file changes", symbolicName,
                    file.path(), e);
        }
        return true;
    }

    private boolean undeploy(Deployed deployed) {
        Path shipped = shippedJars.get(deployed.symbolicName());
        try {
            if (shipped != null) {
                framework.update(deployed.bundleId(), shipped);
                LOG.info("Deploy: {} removed, bundle {} [{}] back to its shipped jar {}", deployed.file().path(),
                        deployed.symbolicName(), deployed.bundleId(), shipped);
            } else {
                framework.uninstall(deployed.bundleId());
                LOG.info("Deploy: {} removed, uninstalled bundle {} [{}]", deployed.file().path(),
                        deployed.symbolicName(), deployed.bundleId());
            }
        } catch (DeployException e) {
            LOG.error("Deploy: undoing {} for bundle {} failed", deployed.file().path(), deployed.symbolicName(), e);
        }
        return true;
    }

    private void start(long bundleId, String symbolicName) {
        try {
            framework.start(bundleId);
        } catch (DeployException e) {
            // Installed but not started (e.g. a missing import): it stays installed, visible in
            // the console, and a corrected jar updates it.
            LOG.error("Deploy: bundle {} [{}] installed but did not start", symbolicName, bundleId, e);
        }
    }

    /** Null when the file is not a bundle jar; logged once per version of the file. */
    private String symbolicNameOrNull(DeployFile file) {
        try {
            return reader.symbolicName(file.path());
        } catch (InvalidBundleJarException e) {
            LOG.warn("Deploy: {} is not a bundle jar, left alone until it changes: {}", file.path(), e.getMessage());
            return null;
        }
    }

    /** The deploy jar a bundle came from, or null when the deployer did not deploy it. */
    private Path deployedFrom(long bundleId) {
        for (Tracked t : tracked.values()) {
            if (t instanceof Deployed d && d.bundleId() == bundleId) {
                return d.file().path();
            }
        }
        return null;
    }
}
