package io.switchboard.console.internal;

/** A bundle's state, named as OSGi names it. */
public enum BundleState {
    INSTALLED,
    RESOLVED,
    STARTING,
    STOPPING,
    ACTIVE,
    UNINSTALLED
}
