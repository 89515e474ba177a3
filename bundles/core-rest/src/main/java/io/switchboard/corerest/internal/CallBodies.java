package io.switchboard.corerest.internal;

import io.switchboard.api.call.CallInfo;
import io.switchboard.api.call.LegInfo;
import java.util.List;
import java.util.Map;

/**
 * The JSON of {@code GET /calls}. Built field by field from {@link CallInfo}, so the controllers'
 * private state ({@code controllerState}) can never reach a client.
 */
final class CallBodies {

    record LegBody(String id, String driver, String state, String peer) {
    }

    record CallBody(String id, List<LegBody> legs, String controller, Map<String, Object> attached) {
    }

    private CallBodies() {
    }

    static List<CallBody> of(List<CallInfo> calls) {
        return calls.stream().map(CallBodies::of).toList();
    }

    static CallBody of(CallInfo call) {
        return new CallBody(call.id(), call.legs().stream().map(CallBodies::of).toList(), call.controller(),
                call.attached());
    }

    private static LegBody of(LegInfo leg) {
        return new LegBody(leg.id(), leg.driver(), leg.state().name(), leg.peer());
    }
}
