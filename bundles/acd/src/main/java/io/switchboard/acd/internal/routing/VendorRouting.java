package io.switchboard.acd.internal.routing;

import io.switchboard.api.routing.AgentCandidate;
import io.switchboard.api.routing.RoutingRequest;
import io.switchboard.api.routing.RoutingStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asks a vendor strategy to choose among eligible agents. Whatever goes wrong — no such strategy,
 * an id it was not offered, an exception — routing goes on with the longest-idle agent and the
 * reason is recorded for the controller to report; an empty choice leaves the call waiting.
 */
final class VendorRouting {

    /** {@link #choose} result: the strategy wants the call to keep waiting. */
    static final int KEEP_WAITING = -1;

    private final VendorStrategies vendors;
    private long fallbackCount;
    private VendorFallback lastFallback;

    VendorRouting(VendorStrategies vendors) {
        this.vendors = vendors == null ? VendorStrategies.NONE : vendors;
    }

    long fallbackCount() {
        return fallbackCount;
    }

    Optional<VendorFallback> lastFallback() {
        return Optional.ofNullable(lastFallback);
    }

    /**
     * Index into {@code agents} (sorted longest idle first) of the chosen agent, or
     * {@link #KEEP_WAITING}. {@code agents} must not be empty.
     */
    int choose(WaitingCall call, int active, List<ReadyAgent> agents, long nowNanos) {
        String name = call.queue.rules.strategy();
        Optional<RoutingStrategy> strategy = vendors.find(name);
        if (strategy == null || strategy.isEmpty()) {
            return fallBack(name, call, VendorFallback.Reason.NOT_REGISTERED, null);
        }
        Optional<String> chosen;
        try {
            chosen = strategy.get().choose(request(call, nowNanos), candidates(call.queue, active, agents, nowNanos));
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: a vendor bundle updated or gone under us must not stop routing either
            return fallBack(name, call, VendorFallback.Reason.FAILED, e);
        }
        if (chosen == null) {
            return fallBack(name, call, VendorFallback.Reason.FAILED, null);
        }
        if (chosen.isEmpty()) {
            return KEEP_WAITING;
        }
        for (int i = 0; i < agents.size(); i++) {
            if (agents.get(i).agentId.equals(chosen.get())) {
                return i;
            }
        }
        return fallBack(name, call, VendorFallback.Reason.UNKNOWN_AGENT, null);
    }

    private int fallBack(String name, WaitingCall call, VendorFallback.Reason reason, Throwable cause) {
        fallbackCount++;
        lastFallback = new VendorFallback(name, call.callId, reason, Optional.ofNullable(cause));
        return 0;
    }

    private static RoutingRequest request(WaitingCall call, long nowNanos) {
        SkillRequirement own = call.queue.requirements[0];
        return new RoutingRequest(call.callId, call.queue.id(), own.skill(), own.minimumLevel(), call.priority,
                Duration.ofNanos(Math.max(0, nowNanos - call.enqueuedNanos)));
    }

    private static List<AgentCandidate> candidates(QueueState queue, int active, List<ReadyAgent> agents,
                                                   long nowNanos) {
        List<AgentCandidate> candidates = new ArrayList<>(agents.size());
        for (ReadyAgent agent : agents) {
            candidates.add(new AgentCandidate(agent.agentId, queue.rankingLevel(agent, active),
                    Duration.ofNanos(Math.max(0, nowNanos - agent.idleSinceNanos)), agent.callsToday));
        }
        return List.copyOf(candidates);
    }
}
