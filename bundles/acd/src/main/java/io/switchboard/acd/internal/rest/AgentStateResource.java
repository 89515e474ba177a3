package io.switchboard.acd.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.acd.internal.AgentDesk;
import io.switchboard.acd.internal.agent.AgentState;
import io.switchboard.acd.internal.agent.AgentStatus;
import io.switchboard.acd.internal.agent.TransitionRefused;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/acd/agents/{id}/state}: {@code GET} the agent's live state; {@code POST
 * {"state":"READY"|"NOT_READY"|"LOGGED_OUT","reason"?}} to log in, take a break, end wrap-up or
 * log out. An agent acts on itself; a supervisor or admin may force any agent. A change not
 * allowed now (the agent is on a call) is 409.
 */
@Component(service = AgentSubresource.class, property = AgentSubresource.NAME + "=state")
public final class AgentStateResource implements AgentSubresource {

    private static final Set<String> ALLOWED = Set.of("READY", "NOT_READY", "LOGGED_OUT");
    private static final List<String> SUPERVISING = List.of("admin", "supervisor");

    private final AgentDesk desk;
    private final Json json = new Json();

    @Activate
    public AgentStateResource(@Reference AgentDesk desk) {
        this.desk = desk;
    }

    @Override
    public void serve(String agentId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (!Roles.isAgentItself(request, agentId) && !Roles.any(request, SUPERVISING)) {
                throw Roles.forbidden(SUPERVISING, "change another agent's state");
            }
            switch (request.getMethod()) {
                case "GET" -> json.write(response, 200, body(desk.agentStatus(agentId)));
                case "POST" -> json.write(response, 200, body(change(agentId, json.readObject(request))));
                default -> throw ApiServlet.notAllowed(request.getMethod(), "GET, POST", response);
            }
        } catch (ApiException e) {
            json.error(response, e);
        }
    }

    private AgentStatus change(String agentId, ObjectNode body) throws ApiException {
        JsonNode state = body.get("state");
        if (state == null || !state.isTextual() || !ALLOWED.contains(state.asText())) {
            throw ApiException.badRequest("state must be READY, NOT_READY or LOGGED_OUT");
        }
        JsonNode reason = body.get("reason");
        if (reason != null && !reason.isNull() && (!reason.isTextual() || !reason.asText().matches("[A-Za-z0-9_-]{1,32}"))) {
            throw ApiException.badRequest("reason must be 1 to 32 letters, digits, '-' or '_'");
        }
        try {
            return desk.request(agentId, AgentState.valueOf(state.asText()),
                    reason == null || reason.isNull() ? null : reason.asText());
        } catch (TransitionRefused e) {
            throw ApiException.conflict(e.getMessage());
        }
    }

    static Map<String, Object> body(AgentStatus status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", status.agentId());
        body.put("state", status.state().name());
        body.put("reason", status.reason());
        body.put("since", status.since().toString());
        body.put("callId", status.callId());
        return body;
    }
}
