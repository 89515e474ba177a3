package io.switchboard.acd.internal.routing;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;

/** A READY agent as the indexes hold it. Comparators end on the agent id, so every order is total. */
final class ReadyAgent {

    static final Comparator<ReadyAgent> BY_IDLE = (a, b) -> {
        int c = Long.compare(a.idleSinceNanos, b.idleSinceNanos);
        return c != 0 ? c : a.agentId.compareTo(b.agentId);
    };
    static final Comparator<ReadyAgent> BY_CALLS = (a, b) -> {
        int c = Integer.compare(a.callsToday, b.callsToday);
        return c != 0 ? c : BY_IDLE.compare(a, b);
    };
    static final Comparator<ReadyAgent> BY_ID = Comparator.comparing(a -> a.agentId);

    final String agentId;
    final Map<String, Integer> skills;
    final Instant idleSince;
    final long idleSinceNanos;
    final int callsToday;

    /** Stamp for de-duplicating agents met through several requirements, without a set. */
    int visit;

    ReadyAgent(AgentProfile profile, Instant idleSince, int callsToday) {
        this.agentId = profile.agentId();
        this.skills = profile.skills();
        this.idleSince = idleSince;
        this.idleSinceNanos = Nanos.of(idleSince);
        this.callsToday = callsToday;
    }

    /** The agent's level in the skill, 0 when they lack it. */
    int level(String skill) {
        Integer level = skills.get(skill);
        return level == null ? 0 : level;
    }

    boolean meets(SkillRequirement requirement) {
        return level(requirement.skill()) >= requirement.minimumLevel();
    }
}
