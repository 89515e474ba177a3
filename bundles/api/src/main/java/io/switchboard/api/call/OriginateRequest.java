package io.switchboard.api.call;

import java.util.Map;

/**
 * A call the appliance places itself (a call-back, a dialler's call): core dials {@code dial} as
 * the call's first leg and gives the call to {@code controller}.
 *
 * @param controller      the name of the controller that drives the call (it must be present)
 * @param dial            whom to call, as whom, and how long to let it ring
 * @param attached        public attached data to start with (screen pop), plain data as for
 *                        {@link CallControl#attach} (no null values)
 * @param controllerState the controller's private state to start with, as for {@link CallControl#remember}
 *                        (no null values: there is nothing to remove yet)
 */
public record OriginateRequest(String controller, DialRequest dial, Map<String, Object> attached,
        Map<String, Object> controllerState) {
    public OriginateRequest {
        if (controller == null || controller.isBlank()) {
            throw new IllegalArgumentException("a controller must drive the call");
        }
        if (dial == null) {
            throw new IllegalArgumentException("nothing to dial");
        }
        attached = attached == null ? Map.of() : Map.copyOf(attached);
        controllerState = controllerState == null ? Map.of() : Map.copyOf(controllerState);
    }
}
