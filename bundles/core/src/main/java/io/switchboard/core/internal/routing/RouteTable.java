package io.switchboard.core.internal.routing;

import io.switchboard.core.api.Holiday;
import io.switchboard.core.api.Route;
import io.switchboard.core.api.RouteDecision;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The routing engine: an immutable snapshot of routes and holidays deciding where a call goes now.
 *
 * <p>The longest matching enabled pattern wins (an exact number before a prefix of the same
 * length). If that route is on a holiday of its calendar, or outside its business hours, the call
 * follows its alternate route, and that route's own hours and holidays apply in turn; the
 * decision's reason is why the matched route itself was passed over ({@code holiday} before
 * {@code closed}). A closed route without an alternate, a missing or disabled alternate, or a loop
 * of alternates gives no route, and core refuses the call.
 *
 * <p>The caller is not used yet: it is in the signature for caller-based routes to come.
 */
public final class RouteTable {

    public static final String OPEN = "open";
    public static final String CLOSED = "closed";
    public static final String HOLIDAY = "holiday";

    private final Clock clock;
    private final List<CompiledRoute> enabled = new ArrayList<>();
    private final Map<String, CompiledRoute> byId = new HashMap<>();
    private final Set<String> holidays = new HashSet<>();
    private final List<String> problems = new ArrayList<>();

    /** Routes that do not compile are left out and listed in {@link #problems()}. */
    public RouteTable(Clock clock, List<Route> routes, List<Holiday> holidays) {
        this.clock = clock;
        for (Route route : routes) {
            if (!route.enabled()) {
                continue;
            }
            try {
                CompiledRoute compiled = CompiledRoute.of(route);
                enabled.add(compiled);
                byId.put(route.id(), compiled);
            } catch (IllegalArgumentException e) {
                problems.add("route " + route.id() + ": " + e.getMessage());
            }
        }
        for (Holiday holiday : holidays) {
            this.holidays.add(key(holiday.calendar(), holiday.date()));
        }
    }

    /** Why stored routes were left out; empty when all were usable. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public Optional<RouteDecision> decide(String dialled, String caller) {
        if (dialled == null) {
            return Optional.empty();
        }
        CompiledRoute route = longestMatch(dialled);
        String reason = OPEN;
        Set<String> seen = new LinkedHashSet<>();
        while (route != null) {
            if (!seen.add(route.route().id())) {
                return Optional.empty(); // a loop of alternates: RouteRules refuses to save one
            }
            Optional<String> closed = closedReason(route);
            if (closed.isEmpty()) {
                Route r = route.route();
                return Optional.of(new RouteDecision(r.id(), r.controller(), r.params(), reason));
            }
            if (OPEN.equals(reason)) {
                reason = closed.get();
            }
            String alternate = route.route().alternateRouteId();
            route = alternate == null ? null : byId.get(alternate);
        }
        return Optional.empty();
    }

    private CompiledRoute longestMatch(String dialled) {
        CompiledRoute best = null;
        int bestRank = -1;
        for (CompiledRoute route : enabled) {
            int rank = route.pattern().rank(dialled);
            if (rank > bestRank) {
                best = route;
                bestRank = rank;
            }
        }
        return best;
    }

    private Optional<String> closedReason(CompiledRoute route) {
        ZonedDateTime now = clock.instant().atZone(route.zone());
        String calendar = route.route().holidayCalendar();
        if (calendar != null && holidays.contains(key(calendar, now.toLocalDate()))) {
            return Optional.of(HOLIDAY);
        }
        return route.hours().isOpen(now.toLocalDateTime()) ? Optional.empty() : Optional.of(CLOSED);
    }

    private static String key(String calendar, LocalDate date) {
        return calendar + '\n' + date;
    }
}
