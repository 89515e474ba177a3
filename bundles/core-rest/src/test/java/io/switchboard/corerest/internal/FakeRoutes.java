package io.switchboard.corerest.internal;

import io.switchboard.core.api.Holiday;
import io.switchboard.core.api.InboundRoutes;
import io.switchboard.core.api.Route;
import io.switchboard.core.api.RouteConfigException;
import io.switchboard.core.api.RouteConfigException.Reason;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Routes in a map, with core's existence checks, recording who changed what. Single-threaded tests only. */
final class FakeRoutes implements InboundRoutes {

    final Map<String, Route> routes = new TreeMap<>();
    final List<Holiday> holidays = new ArrayList<>();
    final List<String> changes = new ArrayList<>();

    @Override
    public List<Route> routes() {
        return List.copyOf(routes.values());
    }

    @Override
    public Optional<Route> route(String id) {
        return Optional.ofNullable(routes.get(id));
    }

    @Override
    public Route create(Route route, String actor) throws RouteConfigException {
        if (routes.containsKey(route.id())) {
            throw new RouteConfigException(Reason.CONFLICT, "route " + route.id() + " already exists");
        }
        if (route.pattern() == null) {
            throw new RouteConfigException(Reason.INVALID, "a route needs a number pattern");
        }
        routes.put(route.id(), route);
        changes.add(actor + " created " + route.id());
        return route;
    }

    @Override
    public Route replace(Route route, String actor) throws RouteConfigException {
        if (!routes.containsKey(route.id())) {
            throw new RouteConfigException(Reason.NOT_FOUND, "there is no route " + route.id());
        }
        routes.put(route.id(), route);
        changes.add(actor + " updated " + route.id());
        return route;
    }

    @Override
    public void delete(String id, String actor) throws RouteConfigException {
        if (routes.remove(id) == null) {
            throw new RouteConfigException(Reason.NOT_FOUND, "there is no route " + id);
        }
        changes.add(actor + " deleted " + id);
    }

    @Override
    public List<Holiday> holidays() {
        return List.copyOf(holidays);
    }

    @Override
    public Holiday saveHoliday(Holiday holiday, String actor) {
        holidays.add(holiday);
        changes.add(actor + " saved " + holiday.calendar() + "/" + holiday.date());
        return holiday;
    }

    @Override
    public void deleteHoliday(String calendar, LocalDate date, String actor) throws RouteConfigException {
        if (!holidays.removeIf(h -> h.calendar().equals(calendar) && h.date().equals(date))) {
            throw new RouteConfigException(Reason.NOT_FOUND, "calendar " + calendar + " has no holiday on " + date);
        }
        changes.add(actor + " deleted " + calendar + "/" + date);
    }
}
