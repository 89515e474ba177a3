package io.switchboard.acd.internal.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Picks among the READY agents eligible for a call by looking only at the level buckets its active
 * requirements cover: at most ten per requirement, each a sorted set, so a decision does not grow
 * with the number of agents (vendor strategies excepted: they are handed every candidate).
 */
final class AgentSelector {

    private int visitStamp;

    /** The first eligible agent in the given bucket order: longest-idle and fewest-calls. */
    ReadyAgent firstInOrder(QueueState queue, int active, boolean byCalls) {
        ReadyAgent best = null;
        for (int r = 0; r < active; r++) {
            SkillBuckets skill = queue.buckets[r];
            for (int level = queue.requirements[r].minimumLevel(); level <= SkillLevels.MAX; level++) {
                TreeSet<ReadyAgent> agents = byCalls ? skill.at(level).byCalls : skill.at(level).byIdle;
                if (!agents.isEmpty()) {
                    ReadyAgent first = agents.first();
                    if (best == null || agents.comparator().compare(first, best) < 0) {
                        best = first;
                    }
                }
            }
        }
        return best;
    }

    /** The eligible agent with the highest ranking level, ties to the longest idle. */
    ReadyAgent bestSkill(QueueState queue, int active) {
        ReadyAgent best = null;
        int bestLevel = 0;
        for (int r = 0; r < active; r++) {
            SkillBuckets skill = queue.buckets[r];
            for (int level = SkillLevels.MAX; level >= queue.requirements[r].minimumLevel() && level >= bestLevel; level--) {
                // an agent who meets the queue's own skill ranks by it, not by an overflow skill
                ReadyAgent first = r == 0 ? firstOrNull(skill.at(level).byIdle)
                        : firstNotMeeting(skill.at(level).byIdle, queue.requirements[0]);
                if (first != null) {
                    if (best == null || level > bestLevel || ReadyAgent.BY_IDLE.compare(first, best) < 0) {
                        best = first;
                        bestLevel = level;
                    }
                    break;
                }
            }
        }
        return best;
    }

    /** The eligible agent whose id follows the one chosen last, wrapping to the lowest id. */
    ReadyAgent roundRobin(QueueState queue, int active) {
        ReadyAgent after = null;
        ReadyAgent lowest = null;
        for (int r = 0; r < active; r++) {
            SkillBuckets skill = queue.buckets[r];
            for (int level = queue.requirements[r].minimumLevel(); level <= SkillLevels.MAX; level++) {
                TreeSet<ReadyAgent> agents = skill.at(level).byId;
                if (agents.isEmpty()) {
                    continue;
                }
                lowest = earlierById(lowest, agents.first());
                if (queue.lastChosen != null) {
                    after = earlierById(after, agents.higher(queue.lastChosen));
                }
            }
        }
        return after != null ? after : lowest;
    }

    /** Every eligible agent once, longest idle first: what a vendor strategy chooses from. */
    List<ReadyAgent> allEligible(QueueState queue, int active) {
        int stamp = ++visitStamp;
        List<ReadyAgent> eligible = new ArrayList<>();
        for (int r = 0; r < active; r++) {
            for (int level = queue.requirements[r].minimumLevel(); level <= SkillLevels.MAX; level++) {
                for (ReadyAgent agent : queue.buckets[r].at(level).byIdle) {
                    if (agent.visit != stamp) {
                        agent.visit = stamp;
                        eligible.add(agent);
                    }
                }
            }
        }
        eligible.sort(ReadyAgent.BY_IDLE);
        return eligible;
    }

    private static ReadyAgent firstOrNull(TreeSet<ReadyAgent> agents) {
        return agents.isEmpty() ? null : agents.first();
    }

    private static ReadyAgent firstNotMeeting(TreeSet<ReadyAgent> agents, SkillRequirement own) {
        if (agents.isEmpty()) {
            return null;
        }
        for (ReadyAgent agent : agents) {
            if (!agent.meets(own)) {
                return agent;
            }
        }
        return null;
    }

    private static ReadyAgent earlierById(ReadyAgent current, ReadyAgent candidate) {
        if (candidate == null) {
            return current;
        }
        return current == null || candidate.agentId.compareTo(current.agentId) < 0 ? candidate : current;
    }
}
