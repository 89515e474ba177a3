package io.switchboard.console.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Overall health from bundle states and contributed checks:
 * <ul>
 * <li>DOWN if the framework or a platform-critical bundle is installed but not ACTIVE, or a check
 * says DOWN;</li>
 * <li>DEGRADED if any other bundle that is not a fragment is not ACTIVE, a check says DEGRADED, or
 * a check failed to answer;</li>
 * <li>UP otherwise.</li>
 * </ul>
 * Fragments never become ACTIVE (RESOLVED is their working state), so they do not count.
 *
 * <p>Immutable; safe for concurrent use.
 */
public final class HealthEvaluator {

    /** Without these the appliance cannot take calls or be administered. */
    public static final Set<String> PLATFORM_CRITICAL = Set.of(
            "io.switchboard.store", "io.switchboard.core", "io.switchboard.sip", "io.switchboard.console");

    private static final Logger LOG = LoggerFactory.getLogger(HealthEvaluator.class);

    private final Set<String> critical;

    public HealthEvaluator(Set<String> critical) {
        this.critical = Set.copyOf(critical);
    }

    public HealthReport evaluate(List<BundleInfo> bundles, Collection<? extends HealthContributor> contributors) {
        HealthStatus status = bundleStatus(bundles);
        List<HealthCheck> checks = new ArrayList<>();
        for (HealthContributor contributor : contributors) {
            HealthCheck check = run(contributor);
            checks.add(check);
            status = status.worst(check.status());
        }
        return new HealthReport(status, bundles, checks);
    }

    public HealthStatus bundleStatus(List<BundleInfo> bundles) {
        HealthStatus status = HealthStatus.UP;
        for (BundleInfo bundle : bundles) {
            if (bundle.fragment() || bundle.state() == BundleState.ACTIVE) {
                continue;
            }
            boolean essential = bundle.isFramework() || critical.contains(bundle.name());
            status = status.worst(essential ? HealthStatus.DOWN : HealthStatus.DEGRADED);
        }
        return status;
    }

    /** A contributor that throws is a fault of that probe, not proof the appliance is down. */
    private static HealthCheck run(HealthContributor contributor) {
        String name = contributor.getClass().getName();
        try {
            HealthCheck check = contributor.check();
            return Objects.requireNonNull(check, () -> name + " returned no health check");
        } catch (RuntimeException e) {
            LOG.warn("Health contributor {} failed", name, e);
            return new HealthCheck(name, HealthStatus.DEGRADED, "the check failed: " + e.getClass().getSimpleName());
        }
    }
}
