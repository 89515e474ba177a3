package io.switchboard.acd.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.acd.internal.AgentDesk;
import io.switchboard.acd.internal.agent.TransitionRefused;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST /api/v1/acd/agents/{id}/call {"action":"hold"|"resume"|"hangup"|"transfer"|"consult"|"complete"|"cancel","to"?}}:
 * what an agent does with the call they are on. A blind {@code transfer} goes {@code to}
 * {@code queue:<id>}, {@code agent:<id>} or {@code number:<digits>}; {@code consult} puts the
 * caller on hold and connects the agent to {@code agent:<id>} or {@code number:<digits>}, then
 * {@code complete} hands the caller over or {@code cancel} returns to them. Numbers need the
 * agent's outbound permission. The agent itself, or a supervisor or admin. No call, or a target
 * that cannot take it now: 409. Answers {@code 200} with the agent's state afterwards.
 */
@Component(service = AgentSubresource.class, property = AgentSubresource.NAME + "=call")
public final class AgentCallResource implements AgentSubresource {

    private static final List<String> SUPERVISING = List.of("admin", "supervisor");

    private static final Pattern TRANSFER_TARGET = Pattern.compile("(queue|agent):[A-Za-z0-9_-]{1,64}|number:\\+?[0-9]{3,20}");
    private static final Pattern CONSULT_TARGET = Pattern.compile("agent:[A-Za-z0-9_-]{1,64}|number:\\+?[0-9]{3,20}");

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

    private static String target(JsonNode to, Pattern allowed, String problem) throws ApiException {
        if (to == null || !to.isTextual() || !allowed.matcher(to.asText()).matches()) {
            throw ApiException.badRequest(problem);
        }
        return to.asText();
    }

    private void act(String agentId, ObjectNode body) throws ApiException {
        JsonNode action = body.get("action");
        JsonNode to = body.get("to");
        try {
            switch (action == null || !action.isTextual() ? "" : action.asText()) {
                case "hold" -> desk.hold(agentId, true);
                case "resume" -> desk.hold(agentId, false);
                case "hangup" -> desk.hangup(agentId);
                case "transfer" -> desk.transfer(agentId, target(to, TRANSFER_TARGET,
                        "a transfer needs \"to\": \"queue:<id>\", \"agent:<id>\" or \"number:<digits>\""));
                case "consult" -> desk.consult(agentId, target(to, CONSULT_TARGET,
                        "a consultation needs \"to\": \"agent:<id>\" or \"number:<digits>\""));
                case "complete" -> desk.completeConsultation(agentId);
                case "cancel" -> desk.cancelConsultation(agentId);
                default -> throw ApiException.badRequest(
                        "action must be hold, resume, hangup, transfer, consult, complete or cancel");
            }
        } catch (TransitionRefused e) {
            throw ApiException.conflict(e.getMessage());
        }
    }
}
