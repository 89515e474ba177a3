package io.switchboard.launcher.deploy;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Every framework action the {@link Deployer} takes, and the one question it asks. The launcher
 * implements it over a {@code BundleContext} ({@link BundleContextDeployCallback}); tests
 * implement it over a list.
 */
public interface DeployCallback {

    /** The id of the installed bundle with this symbolic name, if there is one. */
    OptionalLong installedBundle(String symbolicName);

    /** Installs from the jar's bytes at this location, at the deploy start level; returns its id. */
    long install(String location, Path jar) throws DeployException;

    /** Marks the bundle started; it starts now or when the framework reaches its start level. */
    void start(long bundleId) throws DeployException;

    /** Replaces the bundle's content with the jar's, keeping its id, location and started state. */
    void update(long bundleId, Path jar) throws DeployException;

    void uninstall(long bundleId) throws DeployException;

    /** Whether updates or uninstalls left old revisions wired (pitfall 5: refresh only then). */
    boolean removalPending();

    /** Refreshes the pending removals and returns once the framework reports them refreshed. */
    void refresh() throws DeployException;
}
