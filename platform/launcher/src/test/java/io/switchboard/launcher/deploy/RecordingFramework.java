package io.switchboard.launcher.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** A framework as a list of what was done to it, for the deployer's tests. */
final class RecordingFramework implements DeployCallback {

    final List<String> actions = new ArrayList<>();
    final Map<Long, String> installed = new LinkedHashMap<>();
    /** Bundles whose packages others use: updating or uninstalling them leaves a removal pending. */
    final Set<Long> exportersInUse = new HashSet<>();
    final Set<Path> refusedJars = new HashSet<>();
    final Set<Long> unstartable = new HashSet<>();
    private boolean removalPending;
    private long nextId = 100;

    long preinstalled(long id, String symbolicName) {
        installed.put(id, symbolicName);
        return id;
    }

    @Override
    public OptionalLong installedBundle(String symbolicName) {
        return installed.entrySet().stream().filter(e -> e.getValue().equals(symbolicName))
                .mapToLong(Map.Entry::getKey).findFirst();
    }

    @Override
    public long install(String location, Path jar) throws DeployException {
        if (refusedJars.contains(jar)) {
            throw new DeployException("refused " + jar, new IllegalStateException("duplicate"));
        }
        long id = nextId++;
        installed.put(id, jar.getFileName().toString());
        actions.add("install " + jar.getFileName() + " as " + id);
        return id;
    }

    @Override
    public void start(long bundleId) throws DeployException {
        actions.add("start " + bundleId);
        if (unstartable.contains(bundleId)) {
            throw new DeployException("cannot start " + bundleId, new IllegalStateException("missing import"));
        }
    }

    @Override
    public void update(long bundleId, Path jar) {
        actions.add("update " + bundleId + " from " + jar);
        removalPending |= exportersInUse.contains(bundleId);
    }

    @Override
    public void uninstall(long bundleId) {
        installed.remove(bundleId);
        actions.add("uninstall " + bundleId);
        removalPending |= exportersInUse.contains(bundleId);
    }

    @Override
    public boolean removalPending() {
        return removalPending;
    }

    @Override
    public void refresh() {
        actions.add("refresh");
        removalPending = false;
    }
}
