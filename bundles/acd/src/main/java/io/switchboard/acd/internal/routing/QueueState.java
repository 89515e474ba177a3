package io.switchboard.acd.internal.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * A queue's rules in the shape decisions need, and its waiting calls in order. Requirement 0 is the
 * queue's own; requirements 1.. are the overflow steps, sorted by their time, so the requirements
 * active for a call are always a prefix. Replacing the rules keeps this object (calls point to it).
 */
final class QueueState {

    private final String id;
    final TreeSet<WaitingCall> calls = new TreeSet<>();

    QueueRules rules;
    BuiltInStrategy builtIn;
    SkillRequirement[] requirements;
    SkillBuckets[] buckets;
    /** Waiting time at which each requirement applies; 0 for the queue's own. */
    long[] afterNanos;
    long maxWaitNanos;

    /** The agent chosen last, as a search key in id order for round-robin; null before the first choice. */
    ReadyAgent lastChosen;
    /** Stamp for de-duplicating queues met through several of an agent's skills. */
    int visit;

    QueueState(QueueRules rules, AgentIndex agents) {
        this.id = rules.queueId();
        apply(rules, agents);
    }

    String id() {
        return id;
    }

    void apply(QueueRules newRules, AgentIndex agents) {
        List<OverflowStep> steps = new ArrayList<>(newRules.overflow());
        steps.sort(Comparator.comparing(OverflowStep::after));
        int count = steps.size() + 1;
        requirements = new SkillRequirement[count];
        buckets = new SkillBuckets[count];
        afterNanos = new long[count];
        requirements[0] = newRules.requirement();
        for (int i = 1; i < count; i++) {
            requirements[i] = steps.get(i - 1).alsoAccept();
            afterNanos[i] = Nanos.of(steps.get(i - 1).after());
        }
        for (int i = 0; i < count; i++) {
            buckets[i] = agents.buckets(requirements[i].skill());
        }
        maxWaitNanos = newRules.maxWait() == null ? Nanos.NONE : Nanos.of(newRules.maxWait());
        builtIn = BuiltInStrategy.named(newRules.strategy());
        rules = newRules;
    }

    /** How many requirements (the queue's own plus overflow steps reached) apply to the call now. */
    int activeRequirements(WaitingCall call, long nowNanos) {
        int active = 1;
        while (active < afterNanos.length && call.hasWaited(afterNanos[active], nowNanos)) {
            active++;
        }
        return active;
    }

    /**
     * The shortest waiting time from which the agent may take this queue's calls: 0 when they meet
     * the queue's own requirement, the first overflow step they meet, else {@link Nanos#NONE}.
     */
    long eligibleAfter(ReadyAgent agent) {
        for (int i = 0; i < requirements.length; i++) {
            if (agent.meets(requirements[i])) {
                return afterNanos[i];
            }
        }
        return Nanos.NONE;
    }

    /**
     * The level that ranks the agent for best-skill and vendor strategies: in the queue's skill when
     * they meet it, else the best level among the active overflow requirements they meet.
     */
    int rankingLevel(ReadyAgent agent, int active) {
        if (agent.meets(requirements[0])) {
            return agent.level(requirements[0].skill());
        }
        int best = 0;
        for (int i = 1; i < active; i++) {
            if (agent.meets(requirements[i])) {
                best = Math.max(best, agent.level(requirements[i].skill()));
            }
        }
        return best;
    }
}
