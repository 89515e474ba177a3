package io.switchboard.acd.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.acd.internal.AgentDesk;
import io.switchboard.acd.internal.agent.TransitionRefused;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST /api/v1/acd/agents/{id}/call {"action":"hold"|"resume"|"hangup"|"transfer","to"?}}:
 * what an agent does with the call they are on; {@code to} for a transfer is {@code queue:<id>} or
 * {@code agent:<id>} (blind). The agent itself, or a supervisor or admin. No call, or a target
 * that cannot take it now: 409. Answers {@code 200} with the agent's state afterwards.
 */
@Component(service = AgentSubresource.class, property = AgentSubresource.NAME + "=call")
public final class AgentCallResource implements AgentSubresource {

    private static final List<String> SUPERVISING = List.of("admin", "supervisor");

    private final AgentDesk desk;
    private final Json json = new Json();

    @Activate
    public AgentCallResource(@Reference AgentDesk desk) {
        this.desk = desk;
    }

    @Override
    public void serve(String agentId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (!"POST".equals(request.getMethod())) {
                throw ApiServlet.notAllowed(request.getMethod(), "POST", response);
            }
            if (!Roles.isAgentItself(request, agentId) && !Roles.any(request, SUPERVISING)) {
                throw Roles.forbidden(SUPERVISING, "act on another agent's call");
            }
            act(agentId, json.readObject(request));
            json.write(response, 200, AgentStateResource.body(desk.agentStatus(agentId)));
        } catch (ApiException e) {
            json.error(response, e);
        }
    }

    private void act(String agentId, ObjectNode body) throws ApiException {
        JsonNode action = body.get("action");
        JsonNode to = body.get("to");
        try {
            switch (action == null || !action.isTextual() ? "" : action.asText()) {
                case "hold" -> desk.hold(agentId, true);
                case "resume" -> desk.hold(agentId, false);
                case "hangup" -> desk.hangup(agentId);
                case "transfer" -> {
                    if (to == null || !to.isTextual() || !to.asText().matches("(queue|agent):[A-Za-z0-9_-]{1,64}")) {
                        throw ApiException.badRequest("a transfer needs \"to\": \"queue:<id>\" or \"agent:<id>\"");
                    }
                    desk.transfer(agentId, to.asText());
                }
                default -> throw ApiException.badRequest("action must be hold, resume, hangup or transfer");
            }
        } catch (TransitionRefused e) {
            throw ApiException.conflict(e.getMessage());
        }
    }
}
