package io.switchboard.acd.internal.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which waiting call goes to which READY agent. Pure data, no OSGi, no clock: every method that
 * depends on time is given the instant, so the controller and tests decide what "now" is.
 *
 * <p>Not thread-safe: the ACD controller owns one engine and calls it from a single thread. The
 * engine holds nothing the controller cannot rebuild from core's call attributes and the agents'
 * states (queue rules, READY agents, calls with their original enqueue time).
 *
 * <p>Each decision ({@link #routeCall}, {@link #routeAgent}, {@link #routeDue}) removes the matched
 * call and agent; the controller puts them back ({@link #enqueue} with the original time,
 * {@link #agentReady}) when the offer fails.
 */
public final class RoutingEngine {

    private final long ageingNanos;
    private final AgentIndex agents = new AgentIndex();
    private final AgentSelector selector = new AgentSelector();
    private final VendorRouting vendors;
    private final CallTimers timers = new CallTimers();
    private final Map<String, QueueState> queues = new HashMap<>();
    /** For routeAgent: the queues whose own or overflow requirement names a skill. */
    private final Map<String, List<QueueState>> queuesBySkill = new HashMap<>();
    private final Map<String, WaitingCall> calls = new HashMap<>();
    /** Calls of removed queues, handed back by the next {@link #expired}. */
    private final List<WaitingCall> orphans = new ArrayList<>();
    private int queueVisitStamp;

    /**
     * @param ageingPerPriorityPoint waiting this long is worth one priority point; positive
     * @param vendors                finds vendor strategies by name; null means none
     */
    public RoutingEngine(Duration ageingPerPriorityPoint, VendorStrategies vendors) {
        Objects.requireNonNull(ageingPerPriorityPoint, "ageingPerPriorityPoint");
        if (ageingPerPriorityPoint.isNegative() || ageingPerPriorityPoint.isZero()) {
            throw new IllegalArgumentException("Ageing per priority point must be positive, was " + ageingPerPriorityPoint);
        }
        this.ageingNanos = Nanos.of(ageingPerPriorityPoint);
        this.vendors = new VendorRouting(vendors);
    }

    // ---- queues

    /** Adds or replaces a queue. Calls waiting in a replaced queue keep their place; their timers follow the new rules. */
    public void defineQueue(QueueRules rules) {
        Objects.requireNonNull(rules, "rules");
        QueueState queue = queues.get(rules.queueId());
        if (queue == null) {
            queues.put(rules.queueId(), new QueueState(rules, agents));
        } else {
            queue.apply(rules, agents);
            queue.calls.forEach(timers::schedule);
        }
        indexQueuesBySkill();
    }

    /** Removes a queue; its waiting calls leave it and are handed back by the next {@link #expired}. */
    public void removeQueue(String queueId) {
        QueueState queue = queues.remove(queueId);
        if (queue == null) {
            return;
        }
        for (WaitingCall call : new ArrayList<>(queue.calls)) {
            forget(call);
            orphans.add(call);
        }
        indexQueuesBySkill();
    }

    private void indexQueuesBySkill() {
        queuesBySkill.clear();
        for (QueueState queue : queues.values()) {
            for (SkillRequirement requirement : queue.requirements) {
                List<QueueState> named = queuesBySkill.computeIfAbsent(requirement.skill(), s -> new ArrayList<>());
                if (!named.contains(queue)) {
                    named.add(queue);
                }
            }
        }
    }

    // ---- agents

    /** The agent is READY (again): a candidate from now on. Calling it again replaces the data. */
    public void agentReady(AgentProfile agent, Instant idleSince, int callsToday) {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(idleSince, "idleSince");
        agents.put(new ReadyAgent(agent, idleSince, callsToday));
    }

    /** The agent is reserved, talking, not ready or logged out: no longer a candidate. Unknown ids are ignored. */
    public void agentUnavailable(String agentId) {
        agents.remove(agentId);
    }

    // ---- calls

    /**
     * Puts a call in a queue. {@code enqueuedAt} is the time it first entered the queue: a call
     * re-queued after ring-no-answer, or rebuilt after an update, passes its original time and so
     * gets its old place back. Enqueuing a waiting call again replaces it.
     *
     * @throws IllegalArgumentException if the queue is not defined
     */
    public void enqueue(String callId, String queueId, int priority, Instant enqueuedAt) {
        enqueue(callId, queueId, priority, enqueuedAt, true);
    }

    /**
     * Puts a call-back request in a queue at the place its caller had: it is routed like a call
     * and widened by overflow steps, but the queue's max wait does not apply to it.
     */
    public void enqueueCallback(String callbackId, String queueId, int priority, Instant enqueuedAt) {
        enqueue(callbackId, queueId, priority, enqueuedAt, false);
    }

    private void enqueue(String callId, String queueId, int priority, Instant enqueuedAt, boolean mayExpire) {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(enqueuedAt, "enqueuedAt");
        QueueState queue = queues.get(queueId);
        if (queue == null) {
            throw new IllegalArgumentException("Call " + callId + " cannot wait in queue " + queueId
                    + ": no such queue (defined: " + queues.keySet() + ")");
        }
        WaitingCall call = new WaitingCall(callId, queue, priority, enqueuedAt, ageingNanos, mayExpire);
        remove(callId);
        calls.put(callId, call);
        queue.calls.add(call);
        timers.schedule(call);
    }

    /** Takes a call out of its queue (abandoned, call-back chosen). False if it was not waiting. */
    public boolean remove(String callId) {
        WaitingCall call = calls.get(callId);
        if (call == null) {
            return false;
        }
        forget(call);
        return true;
    }

    private void forget(WaitingCall call) {
        calls.remove(call.callId);
        call.queue.calls.remove(call);
        timers.cancel(call);
    }

    // ---- decisions

    /** Finds an agent for this waiting call now, by its queue's strategy; empty if none is eligible. */
    public Optional<Assignment> routeCall(String callId, Instant now) {
        WaitingCall call = calls.get(callId);
        if (call == null) {
            return Optional.empty();
        }
        ReadyAgent agent = chooseAgent(call, Nanos.of(now));
        return agent == null ? Optional.empty() : Optional.of(assign(call, agent));
    }

    private ReadyAgent chooseAgent(WaitingCall call, long nowNanos) {
        QueueState queue = call.queue;
        int active = queue.activeRequirements(call, nowNanos);
        if (queue.builtIn == null) {
            return chooseByVendor(call, active, nowNanos);
        }
        return switch (queue.builtIn) {
            case LONGEST_IDLE -> selector.firstInOrder(queue, active, false);
            case FEWEST_CALLS -> selector.firstInOrder(queue, active, true);
            case BEST_SKILL -> selector.bestSkill(queue, active);
            case ROUND_ROBIN -> selector.roundRobin(queue, active);
        };
    }

    private ReadyAgent chooseByVendor(WaitingCall call, int active, long nowNanos) {
        List<ReadyAgent> eligible = selector.allEligible(call.queue, active);
        if (eligible.isEmpty()) {
            return null;
        }
        int chosen = vendors.choose(call, active, eligible, nowNanos);
        return chosen == VendorRouting.KEEP_WAITING ? null : eligible.get(chosen);
    }

    /**
     * Finds the first waiting call, in waiting order across all queues, that this READY agent may
     * take now. For a vendor-strategy queue the strategy is asked with this agent as the only
     * candidate; if it says wait, the search goes on with the next call.
     */
    public Optional<Assignment> routeAgent(String agentId, Instant now) {
        ReadyAgent agent = agents.get(agentId);
        if (agent == null) {
            return Optional.empty();
        }
        long nowNanos = Nanos.of(now);
        Set<WaitingCall> declined = null;
        while (true) {
            WaitingCall call = firstCallFor(agent, nowNanos, declined);
            if (call == null) {
                return Optional.empty();
            }
            if (call.queue.builtIn != null || vendorAccepts(call, agent, nowNanos)) {
                return Optional.of(assign(call, agent));
            }
            declined = declined == null ? new HashSet<>() : declined;
            declined.add(call);
        }
    }

    private boolean vendorAccepts(WaitingCall call, ReadyAgent agent, long nowNanos) {
        int active = call.queue.activeRequirements(call, nowNanos);
        return vendors.choose(call, active, List.of(agent), nowNanos) != VendorRouting.KEEP_WAITING;
    }

    /** Looks only at the queues that name one of the agent's skills, at each one's first call the agent may take. */
    private WaitingCall firstCallFor(ReadyAgent agent, long nowNanos, Set<WaitingCall> declined) {
        int stamp = ++queueVisitStamp;
        WaitingCall best = null;
        for (String skill : agent.skills.keySet()) {
            List<QueueState> named = queuesBySkill.get(skill);
            if (named == null) {
                continue;
            }
            for (int i = 0; i < named.size(); i++) {
                QueueState queue = named.get(i);
                if (queue.visit == stamp || queue.calls.isEmpty()) {
                    continue;
                }
                queue.visit = stamp;
                WaitingCall first = firstEligible(queue, agent, nowNanos, declined);
                if (first != null && (best == null || first.compareTo(best) < 0)) {
                    best = first;
                }
            }
        }
        return best;
    }

    private static WaitingCall firstEligible(QueueState queue, ReadyAgent agent, long nowNanos,
                                             Set<WaitingCall> declined) {
        long after = queue.eligibleAfter(agent);
        if (after == Nanos.NONE) {
            return null;
        }
        if (after == 0 && declined == null) {
            return queue.calls.first();
        }
        for (WaitingCall call : queue.calls) {
            if ((after == 0 || call.hasWaited(after, nowNanos)) && (declined == null || !declined.contains(call))) {
                return call;
            }
        }
        return null;
    }

    private Assignment assign(WaitingCall call, ReadyAgent agent) {
        forget(call);
        agents.remove(agent.agentId);
        call.queue.lastChosen = agent;   // only its id matters from now on: the key round-robin searches after
        return new Assignment(call.callId, agent.agentId, call.queue.id());
    }

    /**
     * Routes the calls that reached an overflow step by now (each step once), in waiting order:
     * what the wider eligibility now matches. Call when {@link #nextWakeUp} said so.
     */
    public List<Assignment> routeDue(Instant now) {
        long nowNanos = Nanos.of(now);
        List<WaitingCall> due = timers.takeOverflowDue(nowNanos);
        if (due.isEmpty()) {
            return List.of();
        }
        Collections.sort(due);
        List<Assignment> assignments = new ArrayList<>();
        for (WaitingCall call : due) {
            ReadyAgent agent = chooseAgent(call, nowNanos);
            if (agent != null) {
                assignments.add(assign(call, agent));
            }
        }
        return assignments;
    }

    /**
     * Removes and returns, in waiting order, the calls that have waited their queue's max wait by
     * now, and those whose queue was removed.
     */
    public List<String> expired(Instant now) {
        List<WaitingCall> gone = timers.expiredBy(Nanos.of(now));
        gone.forEach(this::forget);
        gone.addAll(orphans);
        orphans.clear();
        Collections.sort(gone);
        List<String> ids = new ArrayList<>(gone.size());
        gone.forEach(call -> ids.add(call.callId));
        return ids;
    }

    /**
     * The instant of the earliest overflow step or max-wait expiry still to handle, never before
     * {@code now} ({@code now} itself when something is already due); empty when nothing is pending.
     */
    public Optional<Instant> nextWakeUp(Instant now) {
        long nowNanos = Nanos.of(now);
        long next = orphans.isEmpty() ? timers.earliest() : nowNanos;
        return next == Nanos.NONE ? Optional.empty() : Optional.of(Nanos.toInstant(Math.max(next, nowNanos)));
    }

    // ---- status

    /** The call's 1-based place in its queue's order; 0 if it is not waiting. */
    public int position(String callId) {
        WaitingCall call = calls.get(callId);
        return call == null ? 0 : call.queue.calls.headSet(call).size() + 1;
    }

    public int waiting(String queueId) {
        QueueState queue = queues.get(queueId);
        return queue == null ? 0 : queue.calls.size();
    }

    /** The earliest original enqueue time among the queue's waiting calls. */
    public Optional<Instant> oldestEnqueued(String queueId) {
        QueueState queue = queues.get(queueId);
        if (queue == null) {
            return Optional.empty();
        }
        return queue.calls.stream().map(call -> call.enqueuedAt).min(Instant::compareTo);
    }

    /** The queue's waiting call ids, first to be served first. */
    public List<String> waitingOrder(String queueId) {
        QueueState queue = queues.get(queueId);
        if (queue == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(queue.calls.size());
        queue.calls.forEach(call -> ids.add(call.callId));
        return ids;
    }

    /** How many READY agents the engine holds. */
    public int readyAgents() {
        return agents.size();
    }

    /** How often a vendor strategy could not be used and longest-idle chose instead. */
    public long vendorFallbackCount() {
        return vendors.fallbackCount();
    }

    /** The latest vendor fallback, for the controller to log. */
    public Optional<VendorFallback> lastVendorFallback() {
        return vendors.lastFallback();
    }
}
