package io.switchboard.acd.internal.desk;

import io.switchboard.api.call.CallInfo;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ACD's part of a call, kept in the call's controller state in core (keys {@code acd.*}) so a
 * newer version of the bundle reads it back after an update: the queue, priority and original
 * enqueue time (the call's place), and where the call is in the ACD's hands.
 *
 * @param callbackId the call-back request this call belongs to: the one its caller asked for
 *                   (phase CLOSING), or the one it is placing (CALLING_BACK and after); else null
 */
record CallEntry(String queue, String customerClass, int priority, Instant enqueuedAt, Phase phase, String agent,
                 String agentLeg, String callbackId) {

    enum Phase {
        /** In its queue, hearing music and announcements. */
        WAITING,
        /** An agent's phone rings for it. */
        OFFERED,
        /** Bridged to the agent. */
        CONNECTED,
        /** A call-back the ACD placed: the customer's phone rings, an agent is reserved for it. */
        CALLING_BACK,
        /** Leaving the ACD: the caller hears a last message (call-back confirmed, closed) and is hung up on. */
        CLOSING
    }

    static final String QUEUE = "acd.queue";
    static final String CLASS = "acd.customerClass";
    static final String PRIORITY = "acd.priority";
    static final String ENQUEUED_AT = "acd.enqueuedAt";
    static final String PHASE = "acd.phase";
    static final String AGENT = "acd.agent";
    static final String AGENT_LEG = "acd.agentLeg";
    static final String CALLBACK = "acd.callbackId";

    static CallEntry waiting(String queue, String customerClass, int priority, Instant enqueuedAt) {
        return new CallEntry(queue, customerClass, priority, enqueuedAt, Phase.WAITING, null, null, null);
    }

    /** The call placed to the customer of a call-back request, with the agent reserved for it. */
    static CallEntry callingBack(Callback callback, String agentId) {
        return new CallEntry(callback.queue(), callback.customerClass(), callback.priority(), callback.enqueuedAt(),
                Phase.CALLING_BACK, agentId, null, callback.id());
    }

    static Optional<CallEntry> of(CallInfo call) {
        Map<String, Object> state = call.controllerState();
        if (!(state.get(QUEUE) instanceof String queue) || !(state.get(ENQUEUED_AT) instanceof String at)) {
            return Optional.empty();
        }
        int priority = state.get(PRIORITY) instanceof Number number ? number.intValue() : 0;
        Phase phase = state.get(PHASE) instanceof String name ? Phase.valueOf(name) : Phase.WAITING;
        return Optional.of(new CallEntry(queue, (String) state.get(CLASS), priority, Instant.parse(at), phase,
                (String) state.get(AGENT), (String) state.get(AGENT_LEG), (String) state.get(CALLBACK)));
    }

    CallEntry offered(String agentId, String legId) {
        return new CallEntry(queue, customerClass, priority, enqueuedAt, Phase.OFFERED, agentId, legId, callbackId);
    }

    CallEntry connected() {
        return new CallEntry(queue, customerClass, priority, enqueuedAt, Phase.CONNECTED, agent, agentLeg, callbackId);
    }

    /** Back to waiting at its old place (the original enqueue time is kept). */
    CallEntry backToWaiting() {
        return new CallEntry(queue, customerClass, priority, enqueuedAt, Phase.WAITING, null, null, callbackId);
    }

    /** Moved to another queue at the maximum wait; its place there counts from its first enqueue. */
    CallEntry movedTo(String otherQueue) {
        return new CallEntry(otherQueue, customerClass, priority, enqueuedAt, Phase.WAITING, null, null, callbackId);
    }

    /** The caller hears a last message and is hung up on; {@code callback} names the request they left behind, if any. */
    CallEntry closing(String callback) {
        return new CallEntry(queue, customerClass, priority, enqueuedAt, Phase.CLOSING, null, null, callback);
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
        state.put(CALLBACK, callbackId);
        return state;
    }
}
