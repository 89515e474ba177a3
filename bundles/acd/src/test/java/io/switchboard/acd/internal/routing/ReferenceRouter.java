package io.switchboard.acd.internal.routing;

import io.switchboard.api.routing.AgentCandidate;
import io.switchboard.api.routing.RoutingRequest;
import io.switchboard.api.routing.RoutingStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The routing rules written the obvious way — scan every agent and call, compute scores at the
 * instant asked — for the property test to hold {@link RoutingEngine} against.
 */
final class ReferenceRouter {

    private record Agent(AgentProfile profile, Instant idleSince, int callsToday) {
        int level(String skill) {
            return profile.skills().getOrDefault(skill, 0);
        }

        boolean meets(SkillRequirement requirement) {
            return level(requirement.skill()) >= requirement.minimumLevel();
        }
    }

    private static final class Call {
        final String id;
        final String queueId;
        final int priority;
        final Instant enqueuedAt;
        final Set<Integer> firedSteps = new HashSet<>();

        Call(String id, String queueId, int priority, Instant enqueuedAt) {
            this.id = id;
            this.queueId = queueId;
            this.priority = priority;
            this.enqueuedAt = enqueuedAt;
        }
    }

    private final Duration ageing;
    private final VendorStrategies vendors;
    private final Map<String, QueueRules> queues = new HashMap<>();
    private final Map<String, String> lastChosen = new HashMap<>();
    private final Map<String, Agent> agents = new HashMap<>();
    private final Map<String, Call> calls = new LinkedHashMap<>();
    private final List<Call> orphans = new ArrayList<>();
    private long fallbacks;

    ReferenceRouter(Duration ageing, VendorStrategies vendors) {
        this.ageing = ageing;
        this.vendors = vendors;
    }

    void defineQueue(QueueRules rules) {
        queues.put(rules.queueId(), rules);
        calls.values().stream().filter(c -> c.queueId.equals(rules.queueId())).forEach(c -> c.firedSteps.clear());
    }

    void removeQueue(String queueId) {
        if (queues.remove(queueId) == null) {
            return;
        }
        lastChosen.remove(queueId);
        List<Call> gone = calls.values().stream().filter(c -> c.queueId.equals(queueId)).toList();
        gone.forEach(c -> calls.remove(c.id));
        orphans.addAll(gone);
    }

    void agentReady(AgentProfile profile, Instant idleSince, int callsToday) {
        agents.put(profile.agentId(), new Agent(profile, idleSince, callsToday));
    }

    void agentUnavailable(String agentId) {
        agents.remove(agentId);
    }

    void enqueue(String callId, String queueId, int priority, Instant enqueuedAt) {
        if (!queues.containsKey(queueId)) {
            throw new IllegalArgumentException("no queue " + queueId);
        }
        calls.remove(callId);
        calls.put(callId, new Call(callId, queueId, priority, enqueuedAt));
    }

    boolean remove(String callId) {
        return calls.remove(callId) != null;
    }

    Optional<Assignment> routeCall(String callId, Instant now) {
        Call call = calls.get(callId);
        if (call == null) {
            return Optional.empty();
        }
        return chooseAgent(call, now).map(agent -> assign(call, agent));
    }

    Optional<Assignment> routeAgent(String agentId, Instant now) {
        Agent agent = agents.get(agentId);
        if (agent == null) {
            return Optional.empty();
        }
        for (Call call : ordered(calls.values())) {
            if (eligible(agent, call, now) && vendorOrBuiltInTakes(call, agent, now)) {
                return Optional.of(assign(call, agent));
            }
        }
        return Optional.empty();
    }

    private boolean vendorOrBuiltInTakes(Call call, Agent agent, Instant now) {
        QueueRules rules = queues.get(call.queueId);
        return BuiltInStrategy.named(rules.strategy()) != null || askVendor(call, List.of(agent), now) != null;
    }

    List<Assignment> routeDue(Instant now) {
        List<Call> due = new ArrayList<>();
        for (Call call : calls.values()) {
            List<OverflowStep> steps = sortedSteps(queues.get(call.queueId));
            boolean fired = false;
            for (int i = 0; i < steps.size(); i++) {
                if (!call.firedSteps.contains(i) && waited(call, now).compareTo(steps.get(i).after()) >= 0) {
                    call.firedSteps.add(i);
                    fired = true;
                }
            }
            if (fired) {
                due.add(call);
            }
        }
        List<Assignment> assignments = new ArrayList<>();
        for (Call call : ordered(due)) {
            chooseAgent(call, now).ifPresent(agent -> assignments.add(assign(call, agent)));
        }
        return assignments;
    }

    List<String> expired(Instant now) {
        List<Call> gone = new ArrayList<>(orphans);
        orphans.clear();
        for (Call call : List.copyOf(calls.values())) {
            Duration maxWait = queues.get(call.queueId).maxWait();
            if (maxWait != null && waited(call, now).compareTo(maxWait) >= 0) {
                calls.remove(call.id);
                gone.add(call);
            }
        }
        return ordered(gone).stream().map(c -> c.id).toList();
    }

    Optional<Instant> nextWakeUp(Instant now) {
        Instant next = orphans.isEmpty() ? null : now;
        for (Call call : calls.values()) {
            QueueRules rules = queues.get(call.queueId);
            List<OverflowStep> steps = sortedSteps(rules);
            for (int i = 0; i < steps.size(); i++) {
                if (!call.firedSteps.contains(i)) {
                    next = earlier(next, call.enqueuedAt.plus(steps.get(i).after()));
                }
            }
            if (rules.maxWait() != null) {
                next = earlier(next, call.enqueuedAt.plus(rules.maxWait()));
            }
        }
        return Optional.ofNullable(next).map(t -> t.isBefore(now) ? now : t);
    }

    List<String> waitingOrder(String queueId) {
        return ordered(calls.values().stream().filter(c -> c.queueId.equals(queueId)).toList())
                .stream().map(c -> c.id).toList();
    }

    int position(String callId) {
        Call call = calls.get(callId);
        return call == null ? 0 : waitingOrder(call.queueId).indexOf(callId) + 1;
    }

    int readyAgents() {
        return agents.size();
    }

    long fallbacks() {
        return fallbacks;
    }

    // ---- the rules, plainly

    private Duration waited(Call call, Instant now) {
        return Duration.between(call.enqueuedAt, now);
    }

    /** Score = priority + waited / ageing, higher first; computed in nanoseconds to stay exact. */
    private List<Call> ordered(java.util.Collection<Call> some) {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        Comparator<Call> byScore = Comparator.comparingLong(
                (Call c) -> c.priority * ageing.toNanos() + waited(c, now).toNanos()).reversed();
        return some.stream()
                .sorted(byScore.thenComparing(c -> c.enqueuedAt).thenComparing(c -> c.id))
                .collect(Collectors.toList());
    }

    private static List<OverflowStep> sortedSteps(QueueRules rules) {
        return rules.overflow().stream().sorted(Comparator.comparing(OverflowStep::after)).toList();
    }

    private boolean eligible(Agent agent, Call call, Instant now) {
        QueueRules rules = queues.get(call.queueId);
        if (agent.meets(rules.requirement())) {
            return true;
        }
        return rules.overflow().stream().anyMatch(
                step -> waited(call, now).compareTo(step.after()) >= 0 && agent.meets(step.alsoAccept()));
    }

    private int rankingLevel(Agent agent, Call call, Instant now) {
        QueueRules rules = queues.get(call.queueId);
        if (agent.meets(rules.requirement())) {
            return agent.level(rules.requirement().skill());
        }
        return rules.overflow().stream()
                .filter(step -> waited(call, now).compareTo(step.after()) >= 0 && agent.meets(step.alsoAccept()))
                .mapToInt(step -> agent.level(step.alsoAccept().skill())).max().orElse(0);
    }

    private Optional<Agent> chooseAgent(Call call, Instant now) {
        Comparator<Agent> longestIdle = Comparator.comparing(Agent::idleSince).thenComparing(a -> a.profile().agentId());
        List<Agent> eligible = agents.values().stream().filter(a -> eligible(a, call, now)).sorted(longestIdle).toList();
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        QueueRules rules = queues.get(call.queueId);
        BuiltInStrategy builtIn = BuiltInStrategy.named(rules.strategy());
        if (builtIn == null) {
            return Optional.ofNullable(askVendor(call, eligible, now));
        }
        return switch (builtIn) {
            case LONGEST_IDLE -> Optional.of(eligible.get(0));
            case FEWEST_CALLS -> eligible.stream().min(Comparator.comparingInt(Agent::callsToday).thenComparing(longestIdle));
            case BEST_SKILL -> eligible.stream().min(Comparator.comparingInt((Agent a) -> -rankingLevel(a, call, now))
                    .thenComparing(longestIdle));
            case ROUND_ROBIN -> roundRobin(call.queueId, eligible);
        };
    }

    private Optional<Agent> roundRobin(String queueId, List<Agent> eligible) {
        List<Agent> byId = eligible.stream().sorted(Comparator.comparing(a -> a.profile().agentId())).toList();
        String last = lastChosen.get(queueId);
        return byId.stream().filter(a -> last != null && a.profile().agentId().compareTo(last) > 0).findFirst()
                .or(() -> Optional.of(byId.get(0)));
    }

    /** The vendor's pick, the first (longest idle) on any failure, null to keep waiting. */
    private Agent askVendor(Call call, List<Agent> eligible, Instant now) {
        QueueRules rules = queues.get(call.queueId);
        Optional<RoutingStrategy> strategy = vendors.find(rules.strategy());
        if (strategy.isEmpty()) {
            fallbacks++;
            return eligible.get(0);
        }
        List<AgentCandidate> candidates = eligible.stream().map(a -> new AgentCandidate(a.profile().agentId(),
                rankingLevel(a, call, now), Duration.between(a.idleSince(), now), a.callsToday())).toList();
        RoutingRequest request = new RoutingRequest(call.id, call.queueId, rules.requirement().skill(),
                rules.requirement().minimumLevel(), call.priority, waited(call, now));
        Optional<String> chosen;
        try {
            chosen = strategy.get().choose(request, candidates);
        } catch (RuntimeException e) {
            fallbacks++;
            return eligible.get(0);
        }
        if (chosen.isEmpty()) {
            return null;
        }
        Optional<Agent> match = eligible.stream().filter(a -> a.profile().agentId().equals(chosen.get())).findFirst();
        if (match.isEmpty()) {
            fallbacks++;
        }
        return match.orElse(eligible.get(0));
    }

    private Assignment assign(Call call, Agent agent) {
        calls.remove(call.id);
        agents.remove(agent.profile().agentId());
        lastChosen.put(call.queueId, agent.profile().agentId());
        return new Assignment(call.id, agent.profile().agentId(), call.queueId);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
