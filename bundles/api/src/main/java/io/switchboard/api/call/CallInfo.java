package io.switchboard.api.call;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of a live call.
 *
 * @param id         the call's id
 * @param state      its state now
 * @param dialled    the number the caller dialled (the inbound route's key)
 * @param caller     the caller's number or identity
 * @param started    when the call arrived
 * @param controller the controller's name, or {@code parked:<name>} while that controller is away
 * @param legs       its legs, the caller's first
 * @param bridged    the ids of the two legs whose media is bridged, or empty
 * @param attached   the public attached data (what a screen pop shows); never a PIN or full account number
 * @param controllerState the controllers' private state: plain data a newer controller version reads
 *                   back; never served over REST
 */
public record CallInfo(String id, CallState state, String dialled, String caller, Instant started, String controller,
        List<LegInfo> legs, List<String> bridged, Map<String, Object> attached, Map<String, Object> controllerState) {
    public CallInfo {
        legs = List.copyOf(legs);
        bridged = List.copyOf(bridged);
        attached = Map.copyOf(attached);
        controllerState = Map.copyOf(controllerState);
    }

    /** The leg that brought the call in. */
    public LegInfo callerLeg() {
        return legs.get(0);
    }
}
