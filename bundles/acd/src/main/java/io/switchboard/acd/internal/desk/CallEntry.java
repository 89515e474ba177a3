package io.switchboard.acd.internal.desk;

import io.switchboard.api.call.CallInfo;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ACD's part of a call, kept in the call's controller state in core (keys {@code acd.*}) so a
 * newer version of the bundle reads it back after an update: the queue, priority and original
 * enqueue time (the call's place), and whether it waits, is offered to an agent or is connected.
 */
record CallEntry(String queue, String customerClass, int priority, Instant enqueuedAt, Phase phase, String agent,
                 String agentLeg) {

    enum Phase { WAITING, OFFERED, CONNECTED }

    static final String QUEUE = "acd.queue";
    static final String CLASS = "acd.customerClass";
    static final String PRIORITY = "acd.priority";
    static final String ENQUEUED_AT = "acd.enqueuedAt";
    static final String PHASE = "acd.phase";
    static final String AGENT = "acd.agent";
    static final String AGENT_LEG = "acd.agentLeg";

    static CallEntry waiting(String queue, String customerClass, int priority, Instant enqueuedAt) {
        return new CallEntry(queue, customerClass, priority, enqueuedAt, Phase.WAITING, null, null);
    }

    static Optional<CallEntry> of(CallInfo call) {
        Map<String, Object> state = call.controllerState();
        if (!(state.get(QUEUE) instanceof String queue) || !(state.get(ENQUEUED_AT) instanceof String at)) {
            return Optional.empty();
        }
        int priority = state.get(PRIORITY) instanceof Number number ? number.intValue() : 0;
        Phase phase = state.get(PHASE) instanceof String name ? Phase.valueOf(name) : Phase.WAITING;
        return Optional.of(new CallEntry(queue, (String) state.get(CLASS), priority, Instant.parse(at), phase,
                (String) state.get(AGENT), (String) state.get(AGENT_LEG)));
    }

    CallEntry offered(String agentId, String legId) {
        return new CallEntry(queue, customerClass, priority, enqueuedAt, Phase.OFFERED, agentId, legId);
    }

    CallEntry connected() {
        return new CallEntry(queue, customerClass, priority, enqueuedAt, Phase.CONNECTED, agent, agentLeg);
    }

    /** Back to waiting at its old place (the original enqueue time is kept). */
    CallEntry backToWaiting() {
        return new CallEntry(queue, customerClass, priority, enqueuedAt, Phase.WAITING, null, null);
    }

    /** Moved to another queue at the maximum wait; its place there counts from its first enqueue. */
    CallEntry movedTo(String otherQueue) {
        return new CallEntry(otherQueue, customerClass, priority, enqueuedAt, Phase.WAITING, null, null);
    }

    /** The controller-state values to remember (null removes a key). */
    Map<String, Object> asState() {
        Map<String, Object> state = new HashMap<>();
        state.put(QUEUE, queue);
        state.put(CLASS, customerClass);
        state.put(PRIORITY, priority);
        state.put(ENQUEUED_AT, enqueuedAt.toString());
        state.put(PHASE, phase.name());
        state.put(AGENT, agent);
        state.put(AGENT_LEG, agentLeg);
        return state;
    }
}
