package io.switchboard.corerest.internal;

import io.switchboard.core.api.InboundRoutes;
import io.switchboard.core.api.Route;
import io.switchboard.core.api.RouteConfigException;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The inbound routes: {@code GET /api/v1/routes}, {@code POST /api/v1/routes} (create),
 * {@code GET|PUT|DELETE /api/v1/routes/{id}}. Reading for admins and supervisors, changes for
 * admins; core journals each change as {@code config.changed} with the user's name.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({RoutesServlet.PATH, RoutesServlet.PATH + "/*"})
@HttpWhiteboardServletName("switchboard-routes")
public final class RoutesServlet extends ApiServlet {

    static final String PATH = "/api/v1/routes";

    private static final long serialVersionUID = 1L;

    private final transient InboundRoutes routes;

    @Activate
    public RoutesServlet(@Reference InboundRoutes routes) {
        super(Set.of("GET", "POST", "PUT", "DELETE"));
        this.routes = routes;
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException, ApiException {
        String method = request.getMethod();
        Roles.require(request, "GET".equals(method) ? Roles.ROUTES_READ : Roles.ROUTES_CHANGE,
                "GET".equals(method) ? "read the routes" : "change the routes");
        String id = Paths.single(request);
        try {
            if (id == null) {
                collection(method, request, response);
            } else {
                item(method, id, request, response);
            }
        } catch (RouteConfigException e) {
            throw RouteErrors.of(e);
        }
    }

    private void collection(String method, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ApiException, RouteConfigException {
        switch (method) {
            case "GET" -> json.write(response, HttpServletResponse.SC_OK, RouteBody.of(routes.routes()));
            case "POST" -> {
                Route created = routes.create(json.read(request, RouteBody.class).toRoute(null), request.getRemoteUser());
                response.setHeader("Location", PATH + "/" + created.id());
                json.write(response, HttpServletResponse.SC_CREATED, RouteBody.of(created));
            }
            default -> throw notAllowed(method, "GET, POST", response);
        }
    }

    private void item(String method, String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ApiException, RouteConfigException {
        switch (method) {
            case "GET" -> json.write(response, HttpServletResponse.SC_OK, RouteBody.of(routes.route(id)
                    .orElseThrow(() -> ApiException.notFound("There is no route " + id + "."))));
            case "PUT" -> json.write(response, HttpServletResponse.SC_OK, RouteBody.of(
                    routes.replace(json.read(request, RouteBody.class).toRoute(id), request.getRemoteUser())));
            case "DELETE" -> {
                routes.delete(id, request.getRemoteUser());
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            }
            default -> throw notAllowed(method, "GET, PUT, DELETE", response);
        }
    }

    static ApiException notAllowed(String method, String allowed, HttpServletResponse response) {
        response.setHeader("Allow", allowed);
        return new ApiException(405, "method_not_allowed", method + " is not supported here.");
    }
}
