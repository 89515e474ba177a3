package io.switchboard.console.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.console.internal.BundleInfo;
import io.switchboard.console.internal.BundleState;
import io.switchboard.console.internal.HealthCheck;
import io.switchboard.console.internal.HealthReport;
import io.switchboard.console.internal.HealthStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseBodiesTest {

    private final Json json = new Json();
    private final List<BundleInfo> bundles = List.of(
            new BundleInfo(0, "org.apache.felix.framework", "7.0.5", BundleState.ACTIVE, false, "System Bundle"),
            new BundleInfo(7, "some.fragment", "1.2.3", BundleState.RESOLVED, true, "file:/opt/f.jar"));

    @Test
    void healthHasTheContractShapeWithFragmentOnlyOnFragments() throws Exception {
        String body = json.toJson(HealthServlet.body(new HealthReport(HealthStatus.UP, bundles, List.of()), "0.1.0"));

        assertThat(body).isEqualTo("{\"status\":\"UP\",\"version\":\"0.1.0\",\"bundles\":["
                + "{\"name\":\"org.apache.felix.framework\",\"version\":\"7.0.5\",\"state\":\"ACTIVE\"},"
                + "{\"name\":\"some.fragment\",\"version\":\"1.2.3\",\"state\":\"RESOLVED\",\"fragment\":true}]}");
    }

    @Test
    void healthListsContributedChecksWhenThereAreAny() throws Exception {
        HealthReport report = new HealthReport(HealthStatus.DEGRADED, List.of(),
                List.of(new HealthCheck("sip", HealthStatus.DEGRADED, "slow")));

        assertThat(json.toJson(HealthServlet.body(report, "0.1.0"))).isEqualTo(
                "{\"status\":\"DEGRADED\",\"version\":\"0.1.0\",\"bundles\":[],"
                        + "\"checks\":[{\"name\":\"sip\",\"status\":\"DEGRADED\",\"detail\":\"slow\"}]}");
    }

    @Test
    void bundleListHasIdAndLocation() throws Exception {
        assertThat(json.toJson(BundlesServlet.bodies(bundles))).isEqualTo("["
                + "{\"id\":0,\"name\":\"org.apache.felix.framework\",\"version\":\"7.0.5\",\"state\":\"ACTIVE\","
                + "\"location\":\"System Bundle\"},"
                + "{\"id\":7,\"name\":\"some.fragment\",\"version\":\"1.2.3\",\"state\":\"RESOLVED\",\"fragment\":true,"
                + "\"location\":\"file:/opt/f.jar\"}]");
    }

    @Test
    void osgiStatesMapToTheirNames() {
        assertThat(BundleSnapshots.state(org.osgi.framework.Bundle.ACTIVE)).isEqualTo(BundleState.ACTIVE);
        assertThat(BundleSnapshots.state(org.osgi.framework.Bundle.RESOLVED)).isEqualTo(BundleState.RESOLVED);
        assertThat(BundleSnapshots.state(org.osgi.framework.Bundle.STARTING)).isEqualTo(BundleState.STARTING);
        assertThat(BundleSnapshots.state(org.osgi.framework.Bundle.INSTALLED)).isEqualTo(BundleState.INSTALLED);
    }
}
