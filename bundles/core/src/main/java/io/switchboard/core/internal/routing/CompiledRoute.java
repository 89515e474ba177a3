package io.switchboard.core.internal.routing;

import io.switchboard.core.api.Route;
import java.time.DateTimeException;
import java.time.ZoneId;

/** A route with its pattern, hours and zone parsed once, for the engine. */
record CompiledRoute(Route route, RoutePattern pattern, BusinessHours hours, ZoneId zone) {

    /** @throws IllegalArgumentException saying what in the route is wrong */
    static CompiledRoute of(Route route) {
        return new CompiledRoute(route, RoutePattern.parse(route.pattern()), BusinessHours.parse(route.businessHours()),
                zone(route.timeZone()));
    }

    static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("time zone '" + id + "' is not known; use an IANA id like Asia/Shanghai");
        }
    }
}
