package io.switchboard.core.api;

import java.util.Map;

/**
 * Where an inbound call goes.
 *
 * @param routeId    the route that matched (after following alternates)
 * @param controller the controller's name ({@code ivr}, {@code acd}, {@code echo}, a vendor's)
 * @param params     plain values the controller is given with {@code call.offered} ({@code flow}, {@code queue})
 * @param reason     why this route: {@code open}, {@code closed} (outside business hours: the
 *                   alternate), {@code holiday} (a holiday: the alternate)
 */
public record RouteDecision(String routeId, String controller, Map<String, Object> params, String reason) {
    public RouteDecision {
        params = Map.copyOf(params);
    }
}
