package io.switchboard.acd.internal.rest;

import io.switchboard.acd.internal.AgentDesk;
import io.switchboard.acd.internal.AgentEvents;
import io.switchboard.acd.internal.config.CentreStatusSource;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The supervisors' live view: {@code GET /api/v1/acd/status}, one snapshot of every queue and
 * agent from the controller's {@link CentreStatusSource}, and {@code GET /api/v1/acd/status/events},
 * Server-Sent Events: {@code status} with a snapshot at once, then after changes (at most one per
 * 500 ms), and a comment every 15 s. For admins and supervisors; 503 while the controller is away.
 *
 * <p>State: the controller's two optional services, in volatile fields set by DS.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({CentreStatusServlet.PATH, CentreStatusServlet.PATH + "/*"})
@HttpWhiteboardServletName("switchboard-acd-status")
@HttpWhiteboardServletAsyncSupported // for the events stream
public final class CentreStatusServlet extends ApiServlet {

    static final String PATH = "/api/v1/acd/status";

    private static final long serialVersionUID = 1L;

    private transient volatile CentreStatusSource source;
    private transient volatile AgentDesk desk;

    public CentreStatusServlet() {
        super(Set.of("GET"));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSource(CentreStatusSource source) {
        this.source = source;
    }

    void unbindSource(CentreStatusSource source) {
        if (this.source == source) {
            this.source = null;
        }
    }

    /** The controller's event streams, for {@code /events}. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDesk(AgentDesk desk) {
        this.desk = desk;
    }

    void unbindDesk(AgentDesk desk) {
        if (this.desk == desk) {
            this.desk = null;
        }
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException, ApiException {
        List<String> segments = Paths.segments(request);
        boolean stream = segments.equals(List.of("events"));
        if (!segments.isEmpty() && !stream) {
            throw Paths.notFound(request);
        }
        Roles.require(request, Roles.READ, "watch the queues and agents");
        CentreStatusSource current = source;
        AgentDesk events = desk;
        if (current == null || (stream && events == null)) {
            throw ApiException.unavailable("The ACD controller is not running, so there are no live numbers.");
        }
        if (stream) {
            SseResponse.open(request, response, events.events(), AgentEvents.CENTRE, "status", current::centreStatus);
        } else {
            json.write(response, HttpServletResponse.SC_OK, current.centreStatus());
        }
    }
}
