package io.switchboard.core.internal.routing;

import static io.switchboard.core.api.RouteConfigException.Reason.CONFLICT;
import static io.switchboard.core.api.RouteConfigException.Reason.INVALID;

import io.switchboard.core.api.Holiday;
import io.switchboard.core.api.Route;
import io.switchboard.core.api.RouteConfigException;
import io.switchboard.core.internal.data.PlainData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a valid route or holiday is, judged against the routes that exist. Pure; every refusal is a
 * {@link RouteConfigException} whose message an admin can act on.
 */
public final class RouteRules {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** {@code /api/v1/routes/holidays} is the calendars' path, so no route may be called that. */
    static final String RESERVED_ID = "holidays";

    private RouteRules() {
    }

    /** Checks {@code route} as it would be with the other {@code existing} routes (itself replaced). */
    public static void checkRoute(Route route, List<Route> existing) throws RouteConfigException {
        checkName("route id", route.id());
        if (RESERVED_ID.equalsIgnoreCase(route.id())) {
            throw new RouteConfigException(INVALID, "'" + RESERVED_ID + "' is reserved and cannot be a route id");
        }
        checkName("controller", route.controller());
        try {
            RoutePattern.parse(route.pattern());
            BusinessHours.parse(route.businessHours());
            CompiledRoute.zone(route.timeZone());
            PlainData.checked(route.params(), "route params");
        } catch (IllegalArgumentException e) {
            throw new RouteConfigException(INVALID, e.getMessage());
        }
        if (route.holidayCalendar() != null) {
            checkName("holiday calendar", route.holidayCalendar());
        }
        for (Route other : existing) {
            if (!other.id().equals(route.id()) && other.pattern().equals(route.pattern())) {
                throw new RouteConfigException(CONFLICT, "route " + other.id() + " already has the pattern '"
                        + route.pattern() + "'");
            }
        }
        checkAlternates(route, existing);
    }

    private static void checkAlternates(Route route, List<Route> existing) throws RouteConfigException {
        Map<String, Route> byId = new HashMap<>();
        existing.forEach(r -> byId.put(r.id(), r));
        byId.put(route.id(), route);
        String alternate = route.alternateRouteId();
        if (alternate == null) {
            return;
        }
        if (!byId.containsKey(alternate)) {
            throw new RouteConfigException(INVALID, "the alternate route '" + alternate + "' does not exist");
        }
        List<String> chain = new ArrayList<>(List.of(route.id()));
        for (String next = alternate; next != null; next = byId.get(next).alternateRouteId()) {
            chain.add(next);
            if (next.equals(route.id())) {
                throw new RouteConfigException(INVALID, "the alternate routes would loop: " + String.join(" -> ", chain));
            }
            if (!byId.containsKey(next) || chain.indexOf(next) != chain.size() - 1) {
                return; // a dangling link or an older loop further on: not this route's doing; the table stops there
            }
        }
    }

    /** Checks that no other route still sends its closed-hours calls to {@code id}. */
    public static void checkDeletable(String id, List<Route> existing) throws RouteConfigException {
        List<String> users = existing.stream().filter(r -> id.equals(r.alternateRouteId())).map(Route::id).toList();
        if (!users.isEmpty()) {
            throw new RouteConfigException(CONFLICT, "route " + id + " is the alternate of " + String.join(", ", users)
                    + "; change those routes first");
        }
    }

    public static void checkHoliday(Holiday holiday) throws RouteConfigException {
        checkName("holiday calendar", holiday.calendar());
        if (holiday.date() == null) {
            throw new RouteConfigException(INVALID, "a holiday needs a date (YYYY-MM-DD)");
        }
        if (holiday.name() == null || holiday.name().isBlank() || holiday.name().length() > 100) {
            throw new RouteConfigException(INVALID, "a holiday needs a name of 1 to 100 characters");
        }
    }

    public static void checkActor(String actor) throws RouteConfigException {
        if (actor == null || actor.isBlank()) {
            throw new RouteConfigException(INVALID, "a change needs the name of who makes it");
        }
    }

    private static void checkName(String what, String value) throws RouteConfigException {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new RouteConfigException(INVALID, "the " + what + " '" + value
                    + "' must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }
}
