package io.switchboard.console.internal;

import java.util.List;

/** The outcome of one health evaluation. */
public record HealthReport(HealthStatus status, List<BundleInfo> bundles, List<HealthCheck> checks) {

    public HealthReport {
        bundles = List.copyOf(bundles);
        checks = List.copyOf(checks);
    }
}
