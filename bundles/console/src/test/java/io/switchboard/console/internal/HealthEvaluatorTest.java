package io.switchboard.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthEvaluatorTest {

    private final HealthEvaluator evaluator = new HealthEvaluator(HealthEvaluator.PLATFORM_CRITICAL);

    private static BundleInfo bundle(long id, String name, BundleState state) {
        return new BundleInfo(id, name, "1.0.0", state, false, "file:" + name + ".jar");
    }

    private static List<BundleInfo> allActive() {
        List<BundleInfo> bundles = new ArrayList<>();
        bundles.add(bundle(0, "org.apache.felix.framework", BundleState.ACTIVE));
        bundles.add(bundle(1, "io.switchboard.store", BundleState.ACTIVE));
        bundles.add(bundle(2, "io.switchboard.core", BundleState.ACTIVE));
        bundles.add(bundle(3, "io.switchboard.sip", BundleState.ACTIVE));
        bundles.add(bundle(4, "io.switchboard.console", BundleState.ACTIVE));
        bundles.add(bundle(5, "io.switchboard.acd", BundleState.ACTIVE));
        bundles.add(new BundleInfo(6, "some.fragment", "1.0.0", BundleState.RESOLVED, true, "file:f.jar"));
        return bundles;
    }

    private static List<BundleInfo> with(long id, BundleState state) {
        List<BundleInfo> bundles = allActive();
        BundleInfo old = bundles.get((int) id);
        bundles.set((int) id, new BundleInfo(old.id(), old.name(), old.version(), state, old.fragment(), old.location()));
        return bundles;
    }

    @Test
    void everythingActiveAndFragmentsResolvedIsUp() {
        assertThat(evaluator.evaluate(allActive(), List.of()).status()).isEqualTo(HealthStatus.UP);
    }

    @Test
    void aCriticalBundleNotActiveIsDown() {
        for (long id = 1; id <= 4; id++) {
            assertThat(evaluator.bundleStatus(with(id, BundleState.RESOLVED))).as("bundle %d", id)
                    .isEqualTo(HealthStatus.DOWN);
        }
        assertThat(evaluator.bundleStatus(with(3, BundleState.STARTING))).isEqualTo(HealthStatus.DOWN);
    }

    @Test
    void theFrameworkNotActiveIsDown() {
        assertThat(evaluator.bundleStatus(with(0, BundleState.STOPPING))).isEqualTo(HealthStatus.DOWN);
    }

    @Test
    void anOtherBundleNotActiveIsDegraded() {
        assertThat(evaluator.bundleStatus(with(5, BundleState.RESOLVED))).isEqualTo(HealthStatus.DEGRADED);
        assertThat(evaluator.bundleStatus(with(5, BundleState.INSTALLED))).isEqualTo(HealthStatus.DEGRADED);
    }

    @Test
    void fragmentsDoNotCount() {
        assertThat(evaluator.bundleStatus(with(6, BundleState.INSTALLED))).isEqualTo(HealthStatus.UP);
    }

    @Test
    void aMissingCriticalBundleIsNotJudgedHere() {
        List<BundleInfo> bundles = allActive();
        bundles.remove(3);
        assertThat(evaluator.bundleStatus(bundles)).isEqualTo(HealthStatus.UP);
    }

    @Test
    void downOutranksDegraded() {
        List<BundleInfo> bundles = with(5, BundleState.RESOLVED);
        BundleInfo core = bundles.get(2);
        bundles.set(2, new BundleInfo(2, core.name(), core.version(), BundleState.RESOLVED, false, core.location()));
        assertThat(evaluator.bundleStatus(bundles)).isEqualTo(HealthStatus.DOWN);
    }

    @Test
    void contributorsCountAndAreReported() {
        HealthContributor sip = () -> new HealthCheck("sip", HealthStatus.DEGRADED, "OPTIONS answered slowly");

        HealthReport report = evaluator.evaluate(allActive(), List.of(sip));

        assertThat(report.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(report.checks()).containsExactly(new HealthCheck("sip", HealthStatus.DEGRADED, "OPTIONS answered slowly"));
        assertThat(evaluator.evaluate(allActive(), List.of(() -> new HealthCheck("sip", HealthStatus.DOWN, "no answer")))
                .status()).isEqualTo(HealthStatus.DOWN);
    }

    @Test
    void aContributorThatThrowsDegradesButDoesNotBreakTheCheck() {
        HealthContributor broken = () -> {
            throw new IllegalStateException("probe bug");
        };

        HealthReport report = evaluator.evaluate(allActive(), List.of(broken));

        assertThat(report.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(report.checks()).singleElement().satisfies(check -> {
            assertThat(check.status()).isEqualTo(HealthStatus.DEGRADED);
            assertThat(check.detail()).contains("IllegalStateException");
        });
    }
}
