package io.switchboard.console.internal.web;

import io.switchboard.console.internal.BundleInfo;
import io.switchboard.console.internal.HealthCheck;
import io.switchboard.console.internal.HealthContributor;
import io.switchboard.console.internal.HealthEvaluator;
import io.switchboard.console.internal.HealthReport;
import io.switchboard.console.internal.HealthStatus;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /api/v1/health}, open to all: the overall status, the product version and every
 * bundle's state; 503 when DOWN so that load balancers and systemd watchdogs need not parse JSON.
 * Contributors come and go at run time (the reference list is replaced, never mutated).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(HealthServlet.PATH)
@HttpWhiteboardServletName("switchboard-health")
public final class HealthServlet extends ApiServlet {

    static final String PATH = "/api/v1/health";
    static final String VERSION_PROPERTY = "switchboard.version";

    private static final long serialVersionUID = 1L;

    /** The body of the contract; {@code fragment} only on fragments, {@code checks} only when any. */
    public record Body(String status, String version, List<BundleBody> bundles, List<HealthCheck> checks) {
    }

    public record BundleBody(String name, String version, String state, Boolean fragment) {
    }

    private final transient BundleContext context;
    private final transient HealthEvaluator evaluator = new HealthEvaluator(HealthEvaluator.PLATFORM_CRITICAL);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<HealthContributor> contributors;

    @Activate
    public HealthServlet(BundleContext context) {
        super(new Json(), Set.of("GET", "HEAD"));
        this.context = context;
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<HealthContributor> current = contributors;
        HealthReport report = evaluator.evaluate(BundleSnapshots.of(context),
                current == null ? List.of() : current);
        int status = report.status() == HealthStatus.DOWN
                ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : HttpServletResponse.SC_OK;
        json.write(response, status, body(report, version()));
    }

    static Body body(HealthReport report, String version) {
        List<BundleBody> bundles = report.bundles().stream().map(HealthServlet::bundleBody).toList();
        return new Body(report.status().name(), version, bundles,
                report.checks().isEmpty() ? null : report.checks());
    }

    private static BundleBody bundleBody(BundleInfo bundle) {
        return new BundleBody(bundle.name(), bundle.version(), bundle.state().name(),
                bundle.fragment() ? Boolean.TRUE : null);
    }

    private String version() {
        String version = context.getProperty(VERSION_PROPERTY);
        return version != null ? version : context.getBundle().getVersion().toString();
    }
}
