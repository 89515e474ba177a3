package io.switchboard.core.internal.routing;

import io.switchboard.core.api.Holiday;
import io.switchboard.core.api.Route;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The demo configuration of CONTRACT.md: numbers 100, 200 and 300, always open, and a CN calendar. */
final class DemoRoutes {

    /** Set in {@code core_marker} once the demo data was offered, so deleted demo routes stay deleted. */
    static final String MARKER = "routing.demo";

    static final List<Route> ROUTES = List.of(
            route("100", "ivr", Map.of("flow", "hotline")),
            route("200", "acd", Map.of("queue", "general")),
            route("300", "echo", Map.of()));

    /** Not used by the demo routes (they are always open): there to try calendars with. */
    static final List<Holiday> HOLIDAYS = List.of(
            new Holiday("CN", LocalDate.of(2025, 10, 1), "National Day"),
            new Holiday("CN", LocalDate.of(2026, 1, 1), "New Year's Day"),
            new Holiday("CN", LocalDate.of(2026, 2, 17), "Spring Festival"));

    private DemoRoutes() {
    }

    private static Route route(String number, String controller, Map<String, Object> params) {
        return new Route(number, number, controller, params, "", "Asia/Shanghai", null, null, true);
    }
}
