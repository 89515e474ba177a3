package io.switchboard.core.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.api.Holiday;
import io.switchboard.core.api.Route;
import io.switchboard.core.api.RouteDecision;
import io.switchboard.testsupport.ManualClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    // Monday 2025-03-03 10:00 in Shanghai
    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-03T02:00:00Z"));

    private static Route route(String id, String pattern, String controller) {
        return new Route(id, pattern, controller, Map.of("id", id), "", "Asia/Shanghai", null, null, true);
    }

    private static Route timed(String id, String pattern, String hours, String calendar, String alternate) {
        return new Route(id, pattern, "ivr", Map.of("flow", id), hours, "Asia/Shanghai", calendar, alternate, true);
    }

    private Optional<RouteDecision> decide(List<Route> routes, List<Holiday> holidays, String dialled) {
        return new RouteTable(clock, routes, holidays).decide(dialled, "13800000000");
    }

    @Test
    void exactAndLongestPrefixWin() {
        List<Route> routes = List.of(route("all", "*", "echo"), route("eight", "8*", "acd"),
                route("eight-hundred", "800*", "ivr"), route("exact", "800", "acd"), route("prefix-800", "8001*", "x"));

        assertThat(decide(routes, List.of(), "800")).get().extracting(RouteDecision::routeId).isEqualTo("exact");
        assertThat(decide(routes, List.of(), "8005")).get().extracting(RouteDecision::routeId).isEqualTo("eight-hundred");
        assertThat(decide(routes, List.of(), "80012")).get().extracting(RouteDecision::routeId).isEqualTo("prefix-800");
        assertThat(decide(routes, List.of(), "81")).get().extracting(RouteDecision::routeId).isEqualTo("eight");
        assertThat(decide(routes, List.of(), "100")).get().extracting(RouteDecision::routeId).isEqualTo("all");
    }

    @Test
    void anOpenRouteGivesItsControllerAndParams() {
        RouteDecision decision = decide(List.of(route("100", "100", "ivr")), List.of(), "100").orElseThrow();

        assertThat(decision).isEqualTo(new RouteDecision("100", "ivr", Map.of("id", "100"), "open"));
    }

    @Test
    void noMatchAndDisabledRoutesGiveNothing() {
        Route disabled = new Route("200", "200", "acd", Map.of(), "", "UTC", null, null, false);

        assertThat(decide(List.of(route("100", "100", "ivr"), disabled), List.of(), "200")).isEmpty();
        assertThat(decide(List.of(route("100", "100", "ivr")), List.of(), "1000")).isEmpty();
    }

    @Test
    void outsideHoursTheAlternateTakesTheCall() {
        List<Route> routes = List.of(timed("day", "100", "mon-fri 08:00-20:00", null, "night"),
                timed("night", "night", "", null, null));

        assertThat(decide(routes, List.of(), "100")).get().extracting(RouteDecision::routeId, RouteDecision::reason)
                .containsExactly("day", "open");

        clock.set(Instant.parse("2025-03-03T12:30:00Z")); // 20:30 in Shanghai
        assertThat(decide(routes, List.of(), "100")).get().extracting(RouteDecision::routeId, RouteDecision::reason)
                .containsExactly("night", "closed");
    }

    @Test
    void closedWithoutAlternateGivesNothing() {
        clock.set(Instant.parse("2025-03-08T02:00:00Z")); // Saturday

        assertThat(decide(List.of(timed("day", "100", "mon-fri 08:00-20:00", null, null)), List.of(), "100")).isEmpty();
    }

    @Test
    void aHolidayOfTheRoutesCalendarSendsCallsToTheAlternate() {
        List<Route> routes = List.of(timed("day", "100", "mon-fri 08:00-20:00", "CN", "closed"),
                timed("closed", "closed", "", null, null));
        List<Holiday> holidays = List.of(new Holiday("CN", LocalDate.of(2025, 3, 3), "Test Day"),
                new Holiday("HK", LocalDate.of(2025, 3, 4), "Other"));

        assertThat(decide(routes, holidays, "100")).get().extracting(RouteDecision::routeId, RouteDecision::reason)
                .containsExactly("closed", "holiday");

        clock.set(Instant.parse("2025-03-04T02:00:00Z")); // a holiday of another calendar only
        assertThat(decide(routes, holidays, "100")).get().extracting(RouteDecision::reason).isEqualTo("open");
    }

    @Test
    void theHolidayIsTheLocalDateOfTheRoutesZone() {
        // 2025-03-02T17:00Z is already March 3rd, 01:00, in Shanghai
        clock.set(Instant.parse("2025-03-02T17:00:00Z"));
        List<Route> routes = List.of(timed("day", "100", "", "CN", "closed"), timed("closed", "closed", "", null, null));

        assertThat(decide(routes, List.of(new Holiday("CN", LocalDate.of(2025, 3, 3), "x")), "100"))
                .get().extracting(RouteDecision::reason).isEqualTo("holiday");
    }

    @Test
    void alternateChainsAreFollowedAndKeepTheFirstReason() {
        clock.set(Instant.parse("2025-03-08T02:00:00Z")); // Saturday 10:00
        List<Route> routes = List.of(timed("a", "100", "mon-fri 08:00-20:00", null, "b"),
                timed("b", "b", "sun 08:00-20:00", null, "c"), timed("c", "c", "sat 09:00-12:00", null, null));

        assertThat(decide(routes, List.of(), "100")).get().extracting(RouteDecision::routeId, RouteDecision::reason)
                .containsExactly("c", "closed");
    }

    @Test
    void aLoopOfAlternatesGivesNothing() {
        clock.set(Instant.parse("2025-03-08T02:00:00Z"));
        List<Route> routes = List.of(timed("a", "100", "mon 08:00-09:00", null, "b"),
                timed("b", "b", "mon 08:00-09:00", null, "a"));

        assertThat(decide(routes, List.of(), "100")).isEmpty();
    }

    @Test
    void aMissingOrDisabledAlternateGivesNothing() {
        clock.set(Instant.parse("2025-03-08T02:00:00Z"));
        Route disabled = new Route("b", "b", "ivr", Map.of(), "", "UTC", null, null, false);

        assertThat(decide(List.of(timed("a", "100", "mon 08:00-09:00", null, "b"), disabled), List.of(), "100"))
                .isEmpty();
        assertThat(decide(List.of(timed("a", "100", "mon 08:00-09:00", null, "gone")), List.of(), "100")).isEmpty();
    }

    @Test
    void aBrokenStoredRouteIsLeftOutAndReported() {
        Route broken = new Route("bad", "100", "ivr", Map.of(), "someday", "UTC", null, null, true);
        RouteTable table = new RouteTable(clock, List.of(broken, route("all", "*", "echo")), List.of());

        assertThat(table.decide("100", "x")).get().extracting(RouteDecision::routeId).isEqualTo("all");
        assertThat(table.problems()).singleElement().asString().contains("route bad");
    }
}
