package io.switchboard.acd.internal.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Picks among the READY agents eligible for a call by looking only at the level buckets its active
 * requirements cover: at most ten per requirement, each a sorted set, so a decision does not grow
 * with the number of agents (vendor strategies excepted: they are handed every candidate).
 */
final class AgentSelector {

    private int visitStamp;

    /** The first eligible agent in idle order (longest-idle) or calls order (fewest-calls). */
    ReadyAgent firstInOrder(QueueState queue, int active, boolean byCalls) {
        Comparator<ReadyAgent> order = byCalls ? ReadyAgent.BY_CALLS : ReadyAgent.BY_IDLE;
        ReadyAgent best = null;
        for (int r = 0; r < active; r++) {
            SkillBuckets skill = queue.buckets[r];
            ReadyAgent[] firsts = byCalls ? skill.fewestCalls : skill.longestIdle;
            for (int level = queue.requirements[r].minimumLevel(); level <= SkillLevels.MAX; level++) {
                ReadyAgent first = firsts[level];
                if (first != null && (best == null || order.compare(first, best) < 0)) {
                    best = first;
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
                ReadyAgent first = r == 0 ? skill.longestIdle[level]
                        : firstNotMeeting(skill, level, queue.requirements[0]);
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

    /** The longest idle agent at this level who does not meet the queue's own requirement. */
    private static ReadyAgent firstNotMeeting(SkillBuckets skill, int level, SkillRequirement own) {
        ReadyAgent first = skill.longestIdle[level];
        if (first == null || !first.meets(own)) {
            return first;
        }
        for (ReadyAgent agent : skill.at(level).byIdle) {
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
