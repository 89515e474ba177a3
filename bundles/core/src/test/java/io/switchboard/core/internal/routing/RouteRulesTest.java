package io.switchboard.core.internal.routing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.api.Holiday;
import io.switchboard.core.api.Route;
import io.switchboard.core.api.RouteConfigException;
import io.switchboard.core.api.RouteConfigException.Reason;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class RouteRulesTest {

    private static Route route(String id, String pattern, String alternate) {
        return new Route(id, pattern, "ivr", Map.of(), "", "UTC", null, alternate, true);
    }

    private static void refused(ThrowingCallable call, Reason reason, String message) {
        assertThatThrownBy(call).isInstanceOf(RouteConfigException.class).hasMessageContaining(message)
                .extracting(e -> ((RouteConfigException) e).reason()).isEqualTo(reason);
    }

    @Test
    void aWellFormedRouteIsAccepted() {
        Route route = new Route("hotline", "95*", "ivr", Map.of("flow", "hotline", "tries", 3),
                "mon-fri 08:00-20:00", "Asia/Shanghai", "CN", "night", true);

        assertThatCode(() -> RouteRules.checkRoute(route, List.of(route("night", "night", null))))
                .doesNotThrowAnyException();
    }

    @Test
    void badFieldsAreRefusedWithTheirReason() {
        List<Route> none = List.of();
        refused(() -> RouteRules.checkRoute(route("a b", "1", null), none), Reason.INVALID, "route id 'a b'");
        refused(() -> RouteRules.checkRoute(route("holidays", "1", null), none), Reason.INVALID, "reserved");
        refused(() -> RouteRules.checkRoute(route("a", "1*2", null), none), Reason.INVALID, "pattern '1*2'");
        refused(() -> RouteRules.checkRoute(route("a", "", null), none), Reason.INVALID, "pattern");
        refused(() -> RouteRules.checkRoute(new Route("a", "1", "", Map.of(), "", "UTC", null, null, true), none),
                Reason.INVALID, "controller");
        refused(() -> RouteRules.checkRoute(new Route("a", "1", "ivr", Map.of(), "mon 9-5", "UTC", null, null, true),
                none), Reason.INVALID, "'9-5'");
        refused(() -> RouteRules.checkRoute(new Route("a", "1", "ivr", Map.of(), "", "Mars/Base", null, null, true),
                none), Reason.INVALID, "time zone 'Mars/Base'");
        refused(() -> RouteRules.checkRoute(new Route("a", "1", "ivr", Map.of("Pin", "1"), "", "UTC", null, null, true),
                none), Reason.INVALID, "'Pin'");
    }

    @Test
    void aTakenPatternConflicts() {
        refused(() -> RouteRules.checkRoute(route("b", "100", null), List.of(route("a", "100", null))),
                Reason.CONFLICT, "route a already has the pattern '100'");
        assertThatCode(() -> RouteRules.checkRoute(route("a", "100", null), List.of(route("a", "100", null))))
                .as("replacing itself").doesNotThrowAnyException();
    }

    @Test
    void alternatesMustExistAndNotLoop() {
        refused(() -> RouteRules.checkRoute(route("a", "1", "gone"), List.of()), Reason.INVALID, "'gone' does not exist");
        refused(() -> RouteRules.checkRoute(route("a", "1", "a"), List.of()), Reason.INVALID, "a -> a");
        List<Route> existing = List.of(route("a", "1", null), route("b", "2", "c"), route("c", "3", "a"));
        refused(() -> RouteRules.checkRoute(route("a", "1", "b"), existing), Reason.INVALID, "a -> b -> c -> a");
    }

    @Test
    void anOlderLoopFurtherOnDoesNotHangTheCheck() {
        List<Route> existing = List.of(route("b", "2", "c"), route("c", "3", "b"));

        assertThatCode(() -> RouteRules.checkRoute(route("a", "1", "b"), existing)).doesNotThrowAnyException();
    }

    @Test
    void aRouteUsedAsAlternateCannotBeDeleted() {
        refused(() -> RouteRules.checkDeletable("night", List.of(route("day", "1", "night"), route("night", "2", null))),
                Reason.CONFLICT, "route night is the alternate of day");
    }

    @Test
    void holidaysNeedCalendarDateAndName() {
        refused(() -> RouteRules.checkHoliday(new Holiday("C N", LocalDate.of(2025, 1, 1), "x")), Reason.INVALID,
                "holiday calendar");
        refused(() -> RouteRules.checkHoliday(new Holiday("CN", null, "x")), Reason.INVALID, "date");
        refused(() -> RouteRules.checkHoliday(new Holiday("CN", LocalDate.of(2025, 1, 1), " ")), Reason.INVALID, "name");
    }
}
