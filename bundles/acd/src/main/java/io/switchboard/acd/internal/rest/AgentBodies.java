package io.switchboard.acd.internal.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.acd.internal.config.Agent;
import java.util.Map;
import java.util.Set;

/**
 * An agent as JSON: {@code {"id","name","device","skills":{"<skill>":level},"team"?,
 * "outboundAllowed","state"}}. {@code state} is read-only (ignored on input); {@code sipPassword}
 * is write-only. Absent on input: skills {}, outboundAllowed false.
 */
final class AgentBodies {

    /** What a client sends; the password is kept apart so it cannot end up in a view or a log. */
    record Input(Agent agent, String sipPassword) {
        @Override
        public String toString() {
            return "Input[agent=" + agent + ", sipPassword=" + (sipPassword == null ? "absent" : "***") + "]";
        }
    }

    /** What a client reads. */
    record View(String id, String name, String device, Map<String, Integer> skills, String team,
            boolean outboundAllowed, String state) {
    }

    private static final Set<String> FIELDS =
            Set.of("id", "name", "device", "skills", "team", "outboundAllowed", "sipPassword", "state");

    private AgentBodies() {
    }

    static View view(Agent agent, String state) {
        return new View(agent.id(), agent.name(), agent.device(), agent.skills(), agent.team(),
                agent.outboundAllowed(), state);
    }

    static Input input(ObjectNode json, String pathId) throws ApiException {
        Body body = Body.of(json, "agent", FIELDS);
        String id = body.id(pathId);
        String name = body.text("name");
        String device = body.text("device");
        Map<String, Integer> skills = body.levels("skills");
        String team = body.text("team");
        boolean outbound = body.bool("outboundAllowed", false);
        String password = body.text("sipPassword");
        if (password != null && password.isEmpty()) {
            body.problem("sipPassword must not be empty (leave it out to keep the current one)");
        }
        Agent agent = body.build(() -> new Agent(id, name, device, skills, team, outbound));
        body.check();
        return new Input(agent, password);
    }
}
