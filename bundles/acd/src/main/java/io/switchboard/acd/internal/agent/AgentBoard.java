package io.switchboard.acd.internal.agent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent state machine for every agent: what agents and supervisors may ask for, and what the
 * ACD does to agents as calls are offered, answered and end. Every change goes to one listener,
 * which persists it, journals it and tells the routing engine and the agent's event stream.
 *
 * <pre>
 * LOGGED_OUT -> READY | NOT_READY                 log in
 * READY <-> NOT_READY (reason)                    the agent
 * READY -> RESERVED -> TALKING <-> HOLD           a call is offered, answered, held
 * RESERVED -> NOT_READY (no-answer)               ring-no-answer: the call goes back to its place
 * RESERVED -> READY                               the caller left while the phone rang
 * TALKING | HOLD -> WRAP_UP -> READY | NOT_READY  the call ended; wrap-up done or timed out
 * any state off a call -> LOGGED_OUT              log out
 * </pre>
 *
 * <p>Not thread-safe: the ACD's one thread drives it.
 */
public final class AgentBoard {

    /** Hears every change; {@code previous} is null for an agent seen for the first time. */
    @FunctionalInterface
    public interface Listener {
        void changed(AgentStatus previous, AgentStatus current);
    }

    private final Clock clock;
    private final ZoneId zone;
    private final Listener listener;
    private final Map<String, AgentStatus> agents = new HashMap<>();

    public AgentBoard(Clock clock, ZoneId zone, Listener listener) {
        this.clock = clock;
        this.zone = zone;
        this.listener = listener;
    }

    /** Takes persisted states as they are (after a restart or a bundle update); no events. */
    public void load(Collection<AgentStatus> statuses) {
        for (AgentStatus status : statuses) {
            agents.put(status.agentId(), status);
        }
    }

    public AgentStatus status(String agentId) {
        AgentStatus status = agents.get(agentId);
        return status != null ? status : AgentStatus.loggedOut(agentId, clock.instant(), today());
    }

    public List<AgentStatus> all() {
        return List.copyOf(agents.values());
    }

    /** Forgets a deleted agent. */
    public void remove(String agentId) {
        agents.remove(agentId);
    }

    // ---- asked for by the agent (or forced by a supervisor)

    /**
     * The agent (or a supervisor) asks for READY, NOT_READY (with a reason) or LOGGED_OUT.
     *
     * @throws TransitionRefused when the agent is on a call, or the target is not one of those
     */
    public AgentStatus request(String agentId, AgentState target, String reason) throws TransitionRefused {
        AgentStatus current = status(agentId);
        if (target != AgentState.READY && target != AgentState.NOT_READY && target != AgentState.LOGGED_OUT) {
            throw new TransitionRefused("an agent may ask only for READY, NOT_READY or LOGGED_OUT, not " + target);
        }
        if (current.state().onCall()) {
            throw new TransitionRefused("agent " + agentId + " is " + current.state() + " on call " + current.callId()
                    + "; the state changes when the call ends");
        }
        if (current.state() == target && (target != AgentState.NOT_READY || sameReason(current.reason(), reason))) {
            return current;
        }
        String nextReason = target == AgentState.NOT_READY ? (reason == null || reason.isBlank() ? "break" : reason) : null;
        AgentStatus next = current.to(target, nextReason, null, now());
        if (target == AgentState.READY) {
            next = next.idleFrom(now());
        }
        return change(current, next);
    }

    // ---- driven by the ACD

    /** A call is offered: the agent's phone rings. */
    public AgentStatus reserve(String agentId, String callId) throws TransitionRefused {
        AgentStatus current = require(agentId, AgentState.READY, "reserve it for call " + callId);
        return change(current, current.to(AgentState.RESERVED, null, callId, now()));
    }

    /** The agent answered the offered call. */
    public AgentStatus connected(String agentId, String callId) throws TransitionRefused {
        AgentStatus current = requireCall(agentId, callId, AgentState.RESERVED);
        return change(current, current.to(AgentState.TALKING, null, callId, now()).countCall(today()));
    }

    public AgentStatus held(String agentId, String callId, boolean onHold) throws TransitionRefused {
        AgentStatus current = requireCall(agentId, callId, onHold ? AgentState.TALKING : AgentState.HOLD);
        return change(current, current.to(onHold ? AgentState.HOLD : AgentState.TALKING, null, callId, now()));
    }

    /** The phone rang out or refused: NOT_READY with the reason, so the call is not offered again at once. */
    public AgentStatus noAnswer(String agentId, String callId, String reason) throws TransitionRefused {
        AgentStatus current = requireCall(agentId, callId, AgentState.RESERVED);
        return change(current, current.to(AgentState.NOT_READY, reason, null, now()));
    }

    /** The caller left while the agent's phone rang: straight back to READY, idle time kept. */
    public AgentStatus released(String agentId, String callId) throws TransitionRefused {
        AgentStatus current = requireCall(agentId, callId, AgentState.RESERVED);
        return change(current, current.to(AgentState.READY, null, null, now()));
    }

    /** The call the agent was on ended: wrap-up starts. */
    public AgentStatus callEnded(String agentId, String callId) throws TransitionRefused {
        AgentStatus current = status(agentId);
        if (!callId.equals(current.callId()) || (current.state() != AgentState.TALKING && current.state() != AgentState.HOLD)) {
            throw new TransitionRefused("agent " + agentId + " is " + current.state() + ", not on call " + callId);
        }
        return change(current, current.to(AgentState.WRAP_UP, null, callId, now()));
    }

    /** Wrap-up is over (the agent said so, or its time ran out): READY, idle from now. */
    public AgentStatus wrapUpDone(String agentId) throws TransitionRefused {
        AgentStatus current = require(agentId, AgentState.WRAP_UP, "end wrap-up");
        return change(current, current.to(AgentState.READY, null, null, now()).idleFrom(now()));
    }

    private AgentStatus require(String agentId, AgentState expected, String what) throws TransitionRefused {
        AgentStatus current = status(agentId);
        if (current.state() != expected) {
            throw new TransitionRefused("cannot " + what + ": agent " + agentId + " is " + current.state() + ", not " + expected);
        }
        return current;
    }

    private AgentStatus requireCall(String agentId, String callId, AgentState expected) throws TransitionRefused {
        AgentStatus current = require(agentId, expected, "change call " + callId);
        if (!callId.equals(current.callId())) {
            throw new TransitionRefused("agent " + agentId + " is on call " + current.callId() + ", not " + callId);
        }
        return current;
    }

    private AgentStatus change(AgentStatus previous, AgentStatus next) {
        boolean known = agents.put(next.agentId(), next) != null;
        listener.changed(known ? previous : null, next);
        return next;
    }

    private static boolean sameReason(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private Instant now() {
        return clock.instant();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
