package io.switchboard.console.internal.web;

import io.switchboard.console.internal.BundleInfo;
import io.switchboard.console.internal.Role;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code GET /api/v1/bundles}, admins only: every installed bundle with its id and location. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(BundlesServlet.PATH)
@HttpWhiteboardServletName("switchboard-bundles")
public final class BundlesServlet extends ApiServlet {

    static final String PATH = "/api/v1/bundles";

    private static final long serialVersionUID = 1L;

    public record BundleBody(long id, String name, String version, String state, Boolean fragment,
            String location) {
    }

    private final transient BundleContext context;

    @Activate
    public BundlesServlet(BundleContext context) {
        super(new Json(), Set.of("GET"));
        this.context = context;
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The check every endpoint makes; without the console's filter the request has no roles at
        // all, so this also fails closed.
        if (!request.isUserInRole(Role.ADMIN.id())) {
            json.error(response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "Only an admin may list bundles.");
            return;
        }
        json.write(response, HttpServletResponse.SC_OK, bodies(BundleSnapshots.of(context)));
    }

    static List<BundleBody> bodies(List<BundleInfo> bundles) {
        return bundles.stream()
                .map(b -> new BundleBody(b.id(), b.name(), b.version(), b.state().name(),
                        b.fragment() ? Boolean.TRUE : null, b.location()))
                .toList();
    }
}
