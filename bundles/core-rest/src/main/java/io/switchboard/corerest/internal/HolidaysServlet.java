package io.switchboard.corerest.internal;

import io.switchboard.core.api.Holiday;
import io.switchboard.core.api.InboundRoutes;
import io.switchboard.core.api.RouteConfigException;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The holiday calendars: {@code GET /api/v1/routes/holidays[?calendar=CN]}, {@code POST} one
 * {@code {"calendar","date","name"}} (adds, or renames that date), and
 * {@code DELETE /api/v1/routes/holidays/{calendar}/{date}}. Its pattern is longer than the routes'
 * one, so the whiteboard gives it these paths.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({HolidaysServlet.PATH, HolidaysServlet.PATH + "/*"})
@HttpWhiteboardServletName("switchboard-route-holidays")
public final class HolidaysServlet extends ApiServlet {

    static final String PATH = RoutesServlet.PATH + "/holidays";

    private static final long serialVersionUID = 1L;

    private final transient InboundRoutes routes;

    @Activate
    public HolidaysServlet(@Reference InboundRoutes routes) {
        super(Set.of("GET", "POST", "DELETE"));
        this.routes = routes;
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException, ApiException {
        String method = request.getMethod();
        Roles.require(request, "GET".equals(method) ? Roles.ROUTES_READ : Roles.ROUTES_CHANGE,
                "GET".equals(method) ? "read the holidays" : "change the holidays");
        List<String> segments = Paths.segments(request);
        try {
            if (segments.isEmpty()) {
                collection(method, request, response);
            } else if (segments.size() == 2 && "DELETE".equals(method)) {
                routes.deleteHoliday(segments.get(0), HolidayBody.date(segments.get(1)), request.getRemoteUser());
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } else if (segments.size() == 2) {
                throw RoutesServlet.notAllowed(method, "DELETE", response);
            } else {
                throw ApiException.notFound("There is no " + request.getRequestURI() + " in this API.");
            }
        } catch (RouteConfigException e) {
            throw RouteErrors.of(e);
        }
    }

    private void collection(String method, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ApiException, RouteConfigException {
        switch (method) {
            case "GET" -> {
                String calendar = request.getParameter("calendar");
                List<Holiday> holidays = routes.holidays().stream()
                        .filter(h -> calendar == null || h.calendar().equals(calendar)).toList();
                json.write(response, HttpServletResponse.SC_OK, HolidayBody.of(holidays));
            }
            case "POST" -> json.write(response, HttpServletResponse.SC_OK, HolidayBody.of(routes.saveHoliday(
                    json.read(request, HolidayBody.class).toHoliday(), request.getRemoteUser())));
            default -> throw RoutesServlet.notAllowed(method, "GET, POST", response);
        }
    }
}
