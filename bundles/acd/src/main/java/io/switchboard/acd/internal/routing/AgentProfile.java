package io.switchboard.acd.internal.routing;

import java.util.Map;
import java.util.Objects;

/**
 * An agent's routing-relevant data.
 *
 * @param agentId the agent
 * @param skills  skill name to level, 1–10
 */
public record AgentProfile(String agentId, Map<String, Integer> skills) {

    public AgentProfile {
        Objects.requireNonNull(agentId, "agentId");
        skills = skills == null ? Map.of() : Map.copyOf(skills);
        skills.forEach(SkillLevels::check);
    }
}
