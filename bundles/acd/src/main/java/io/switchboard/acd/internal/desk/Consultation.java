package io.switchboard.acd.internal.desk;

import io.switchboard.api.call.CallInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An agent's consultation before a transfer, kept in the call's controller state beside its
 * {@link CallEntry}: the caller is on hold while the agent talks to {@code target} on {@code legId}.
 *
 * @param target   {@code agent:<id>} or {@code number:<digits>}
 * @param answered whether the consulted party has answered
 */
record Consultation(String legId, String target, boolean answered) {

    static final String LEG = "acd.consultLeg";
    static final String TARGET = "acd.consultTo";
    static final String ANSWERED = "acd.consultAnswered";

    static Optional<Consultation> of(CallInfo call) {
        Map<String, Object> state = call.controllerState();
        if (!(state.get(LEG) instanceof String leg) || !(state.get(TARGET) instanceof String target)) {
            return Optional.empty();
        }
        return Optional.of(new Consultation(leg, target, Boolean.TRUE.equals(state.get(ANSWERED))));
    }

    /** The consulted agent's id, or null when a number is consulted. */
    String agent() {
        return target.startsWith("agent:") ? target.substring("agent:".length()) : null;
    }

    Map<String, Object> asState() {
        Map<String, Object> state = new HashMap<>();
        state.put(LEG, legId);
        state.put(TARGET, target);
        state.put(ANSWERED, answered);
        return state;
    }

    /** The values that remove a consultation from the call's state. */
    static Map<String, Object> cleared() {
        Map<String, Object> state = new HashMap<>();
        state.put(LEG, null);
        state.put(TARGET, null);
        state.put(ANSWERED, null);
        return state;
    }
}
