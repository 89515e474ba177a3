package io.switchboard.console.internal;

/** Overall health, in increasing order of trouble. */
public enum HealthStatus {
    UP,
    DEGRADED,
    DOWN;

    public HealthStatus worst(HealthStatus other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
