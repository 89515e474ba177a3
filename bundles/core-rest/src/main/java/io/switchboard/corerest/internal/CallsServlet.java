package io.switchboard.corerest.internal;

import io.switchboard.api.call.CallControl;
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

/** {@code GET /api/v1/calls}, admins and supervisors: the live calls. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(CallsServlet.PATH)
@HttpWhiteboardServletName("switchboard-calls")
public final class CallsServlet extends ApiServlet {

    static final String PATH = "/api/v1/calls";

    private static final long serialVersionUID = 1L;

    private final transient CallControl calls;

    @Activate
    public CallsServlet(@Reference CallControl calls) {
        super(Set.of("GET"));
        this.calls = calls;
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException, ApiException {
        Roles.require(request, Roles.CALLS, "list the calls");
        if (request.getPathInfo() != null && !"/".equals(request.getPathInfo())) {
            throw ApiException.notFound("There is no " + request.getRequestURI() + " in this API.");
        }
        json.write(response, HttpServletResponse.SC_OK, CallBodies.of(calls.calls()));
    }
}
