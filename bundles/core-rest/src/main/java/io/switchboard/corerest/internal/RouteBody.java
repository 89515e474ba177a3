package io.switchboard.corerest.internal;

import io.switchboard.core.api.Route;
import java.util.List;
import java.util.Map;

/**
 * A route as JSON: {@code {"id","pattern","controller","params","businessHours","timeZone",
 * "holidayCalendar","alternateRouteId","enabled"}}. Absent on input: params {}, businessHours ""
 * (always open), timeZone UTC, enabled true.
 */
record RouteBody(String id, String pattern, String controller, Map<String, Object> params, String businessHours,
        String timeZone, String holidayCalendar, String alternateRouteId, Boolean enabled) {

    static RouteBody of(Route route) {
        return new RouteBody(route.id(), route.pattern(), route.controller(), route.params(), route.businessHours(),
                route.timeZone(), route.holidayCalendar(), route.alternateRouteId(), route.enabled());
    }

    static List<RouteBody> of(List<Route> routes) {
        return routes.stream().map(RouteBody::of).toList();
    }

    /**
     * The route this body describes; {@code pathId} (from {@code PUT /routes/{id}}) wins over an
     * absent id and must equal a present one. Core judges the rest.
     */
    Route toRoute(String pathId) throws ApiException {
        String routeId = id;
        if (pathId != null) {
            if (id != null && !id.equals(pathId)) {
                throw ApiException.badRequest("The body's id '" + id + "' is not the id in the path, '" + pathId + "'.");
            }
            routeId = pathId;
        }
        if (routeId == null) {
            throw ApiException.badRequest("A route needs an id.");
        }
        if (params != null) {
            for (Map.Entry<String, Object> param : params.entrySet()) {
                if (param.getValue() == null) {
                    throw ApiException.badRequest("The param '" + param.getKey() + "' is null; leave it out instead.");
                }
            }
        }
        return new Route(routeId, pattern, controller, params, businessHours, timeZone, blankToNull(holidayCalendar),
                blankToNull(alternateRouteId), enabled == null || enabled);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
