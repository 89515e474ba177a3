package io.switchboard.acd.internal.rest;

import io.switchboard.acd.internal.AgentDesk;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/acd/agents/{id}/events}: the agent's live stream (Server-Sent Events) —
 * {@code state} first with the current state, then {@code offered}, {@code connected} (with the
 * screen pop), {@code ended} and {@code state} as they happen. For the agent itself, a supervisor
 * or an admin.
 */
@Component(service = AgentSubresource.class, property = AgentSubresource.NAME + "=events")
public final class AgentEventsResource implements AgentSubresource {

    private static final List<String> SUPERVISING = List.of("admin", "supervisor");

    private final AgentDesk desk;
    private final Json json = new Json();

    @Activate
    public AgentEventsResource(@Reference AgentDesk desk) {
        this.desk = desk;
    }

    @Override
    public void serve(String agentId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (!"GET".equals(request.getMethod())) {
                throw ApiServlet.notAllowed(request.getMethod(), "GET", response);
            }
            if (!Roles.isAgentItself(request, agentId) && !Roles.any(request, SUPERVISING)) {
                throw Roles.forbidden(SUPERVISING, "watch another agent's events");
            }
        } catch (ApiException e) {
            json.error(response, e);
            return;
        }
        SseResponse.open(request, response, desk.events(), agentId, "state",
                () -> AgentStateResource.body(desk.agentStatus(agentId)));
    }
}
