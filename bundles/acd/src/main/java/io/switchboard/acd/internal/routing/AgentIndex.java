package io.switchboard.acd.internal.routing;

import java.util.HashMap;
import java.util.Map;

/** The READY agents, by id and by (skill, level). */
final class AgentIndex {

    private final Map<String, ReadyAgent> byId = new HashMap<>();
    private final Map<String, SkillBuckets> bySkill = new HashMap<>();

    SkillBuckets buckets(String skill) {
        return bySkill.computeIfAbsent(skill, s -> new SkillBuckets());
    }

    ReadyAgent get(String agentId) {
        return byId.get(agentId);
    }

    int size() {
        return byId.size();
    }

    void put(ReadyAgent agent) {
        remove(agent.agentId);
        byId.put(agent.agentId, agent);
        agent.skills.forEach((skill, level) -> buckets(skill).add(agent, level));
    }

    void remove(String agentId) {
        ReadyAgent agent = byId.remove(agentId);
        if (agent != null) {
            agent.skills.forEach((skill, level) -> buckets(skill).remove(agent, level));
        }
    }
}
