package io.switchboard.console.internal.web;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Catch-all for {@code /api/v1/*}. A whiteboard filter runs only when some servlet matches, so
 * without this an unknown path would get Jetty's 404 before any authentication. With it, the
 * {@link AuthFilter} answers 401 first, and an authenticated client gets a JSON 404. Longer
 * patterns (every real endpoint, every other bundle's {@code /api/v1/<area>/*}) win over this one.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/*")
@HttpWhiteboardServletName("switchboard-api-not-found")
public final class NotFoundServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Json json = new Json();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        json.error(response, HttpServletResponse.SC_NOT_FOUND, "not_found",
                "There is no " + request.getMethod() + " " + request.getRequestURI() + " in this API.");
    }
}
