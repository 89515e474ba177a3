package io.switchboard.core.internal.routing;

import static io.switchboard.core.api.RouteConfigException.Reason.CONFLICT;
import static io.switchboard.core.api.RouteConfigException.Reason.NOT_FOUND;
import static io.switchboard.core.api.RouteConfigException.Reason.UNAVAILABLE;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.core.api.Holiday;
import io.switchboard.core.api.InboundRouter;
import io.switchboard.core.api.InboundRoutes;
import io.switchboard.core.api.Route;
import io.switchboard.core.api.RouteConfigException;
import io.switchboard.core.api.RouteDecision;
import io.switchboard.core.internal.journal.JournalRows;
import io.switchboard.core.internal.journal.Timestamps;
import io.switchboard.store.api.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes and holidays kept in the database, served from an in-memory {@link RouteTable}.
 *
 * <p>Each change runs as one write on the store's single writer: it reads the current rows,
 * validates against them, changes them, journals {@code config.changed} and reads the result back,
 * all in one transaction, so concurrent changes cannot both pass validation. The result carries a
 * revision taken on the writer thread (commit order); a snapshot replaces the current one only if
 * it is newer, so a slow caller never installs stale routes. Decisions read the current snapshot
 * without locking.
 */
public final class RouteRegistry implements InboundRouter, InboundRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(RouteRegistry.class);

    /** What one transaction left in the tables, and its place in commit order. */
    private record Rows(long revision, List<Route> routes, List<Holiday> holidays) {
    }

    private record Snapshot(long revision, List<Route> routes, List<Holiday> holidays, RouteTable table) {
    }

    /** A change's body, run inside the writer's transaction. */
    @FunctionalInterface
    private interface Change {
        void apply(Connection connection) throws SQLException, RouteConfigException;
    }

    /** Carries a refusal out of an SqlWork, which may only throw SQLException. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refusal(RouteConfigException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private final Database database;
    private final Clock clock;
    private final Duration writeTimeout;
    private final RouteRows rows;
    private final JournalRows journal;
    private final AtomicLong revisions = new AtomicLong();
    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    public RouteRegistry(Database database, Clock clock, ObjectMapper mapper, Duration writeTimeout)
            throws SQLException {
        this.database = database;
        this.clock = clock;
        this.writeTimeout = writeTimeout;
        this.rows = new RouteRows(mapper);
        this.journal = new JournalRows(mapper);
        install(database.read(this::rowsNow));
    }

    @Override
    public Optional<RouteDecision> route(String dialled, String caller) {
        return current.get().table().decide(dialled, caller);
    }

    @Override
    public List<Route> routes() {
        return current.get().routes();
    }

    @Override
    public Optional<Route> route(String id) {
        return routes().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    @Override
    public List<Holiday> holidays() {
        return current.get().holidays();
    }

    @Override
    public Route create(Route route, String actor) throws RouteConfigException {
        change(actor, connection -> {
            List<Route> existing = rows.routes(connection);
            if (existing.stream().anyMatch(r -> r.id().equals(route.id()))) {
                throw new RouteConfigException(CONFLICT, "route " + route.id() + " already exists");
            }
            RouteRules.checkRoute(route, existing);
            rows.insert(connection, route);
            journal(connection, actor, "route", route.id(), "created", describe(route));
        });
        return route;
    }

    @Override
    public Route replace(Route route, String actor) throws RouteConfigException {
        change(actor, connection -> {
            List<Route> existing = rows.routes(connection);
            if (existing.stream().noneMatch(r -> r.id().equals(route.id()))) {
                throw new RouteConfigException(NOT_FOUND, "there is no route " + route.id());
            }
            RouteRules.checkRoute(route, existing);
            rows.update(connection, route);
            journal(connection, actor, "route", route.id(), "updated", describe(route));
        });
        return route;
    }

    @Override
    public void delete(String id, String actor) throws RouteConfigException {
        if (id == null) {
            throw new RouteConfigException(NOT_FOUND, "there is no route without an id");
        }
        change(actor, connection -> {
            RouteRules.checkDeletable(id, rows.routes(connection));
            if (!rows.delete(connection, id)) {
                throw new RouteConfigException(NOT_FOUND, "there is no route " + id);
            }
            journal(connection, actor, "route", id, "deleted", Map.of());
        });
    }

    @Override
    public Holiday saveHoliday(Holiday holiday, String actor) throws RouteConfigException {
        RouteRules.checkHoliday(holiday);
        change(actor, connection -> {
            boolean created = rows.saveHoliday(connection, holiday);
            journal(connection, actor, "holiday", holiday.calendar() + "/" + holiday.date(),
                    created ? "created" : "updated", Map.of("name", holiday.name()));
        });
        return holiday;
    }

    @Override
    public void deleteHoliday(String calendar, LocalDate date, String actor) throws RouteConfigException {
        if (calendar == null || date == null) {
            throw new RouteConfigException(NOT_FOUND, "a holiday is named by its calendar and date");
        }
        change(actor, connection -> {
            if (!rows.deleteHoliday(connection, calendar, date)) {
                throw new RouteConfigException(NOT_FOUND, "calendar " + calendar + " has no holiday on " + date);
            }
            journal(connection, actor, "holiday", calendar + "/" + date, "deleted", Map.of());
        });
    }

    /**
     * Adds the demo routes if they were never offered before and there are no routes, and the demo
     * holidays if the calendar is empty. Does not block; completes true if anything was added.
     */
    public CompletionStage<Boolean> seedDemo() {
        return database.write(connection -> {
            if (!rows.mark(connection, DemoRoutes.MARKER, Timestamps.format(clock.instant()))) {
                return null;
            }
            boolean routes = rows.routes(connection).isEmpty();
            if (routes) {
                for (Route route : DemoRoutes.ROUTES) {
                    rows.insert(connection, route);
                }
            }
            boolean holidays = rows.holidays(connection).stream().noneMatch(h -> h.calendar().equals("CN"));
            if (holidays) {
                for (Holiday holiday : DemoRoutes.HOLIDAYS) {
                    rows.saveHoliday(connection, holiday);
                }
            }
            if (!routes && !holidays) {
                return null;
            }
            journal(connection, "system", "demo", "routing", "created",
                    Map.of("routes", routes, "holidays", holidays));
            return rowsNow(connection);
        }).thenApply(result -> {
            // on the writer thread: building a table of a few routes is quick and does not block
            if (result != null) {
                install(result);
            }
            return result != null;
        });
    }

    private void change(String actor, Change change) throws RouteConfigException {
        RouteRules.checkActor(actor);
        CompletionStage<Rows> stage = database.write(connection -> {
            try {
                change.apply(connection);
            } catch (RouteConfigException e) {
                throw new Refusal(e);
            }
            return rowsNow(connection);
        });
        install(await(stage));
    }

    private Rows await(CompletionStage<Rows> stage) throws RouteConfigException {
        try {
            return stage.toCompletableFuture().get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Refusal refusal) {
                throw (RouteConfigException) refusal.getCause();
            }
            LOG.error("Database refused a change to the inbound routes", e.getCause());
            throw new RouteConfigException(UNAVAILABLE, "the database could not save the change; see the log", e.getCause());
        } catch (TimeoutException e) {
            throw new RouteConfigException(UNAVAILABLE, "the database did not confirm the change within "
                    + writeTimeout.toSeconds() + " s; it may still be applied: read the routes again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RouteConfigException(UNAVAILABLE, "interrupted while saving the change", e);
        }
    }

    /** Runs on the writer thread (or the activating thread): the revision orders the snapshots. */
    private Rows rowsNow(Connection connection) throws SQLException {
        return new Rows(revisions.incrementAndGet(), rows.routes(connection), rows.holidays(connection));
    }

    private void install(Rows fresh) {
        RouteTable table = new RouteTable(clock, fresh.routes(), fresh.holidays());
        table.problems().forEach(problem -> LOG.warn("Inbound route left out: {}", problem));
        Snapshot next = new Snapshot(fresh.revision(), List.copyOf(fresh.routes()), List.copyOf(fresh.holidays()), table);
        current.accumulateAndGet(next, (now, candidate) -> now == null || candidate.revision() > now.revision()
                ? candidate : now);
    }

    private void journal(Connection connection, String actor, String object, String id, String change,
            Map<String, Object> details) throws SQLException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user", actor);
        data.put("object", object);
        data.put("id", id);
        data.put("change", change);
        data.putAll(details);
        journal.insert(connection, clock.instant(), "config.changed", null, null, journal.toJson(data));
    }

    private static Map<String, Object> describe(Route route) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("pattern", route.pattern());
        fields.put("controller", route.controller());
        fields.put("params", route.params());
        fields.put("businessHours", route.businessHours());
        fields.put("timeZone", route.timeZone());
        if (route.holidayCalendar() != null) {
            fields.put("holidayCalendar", route.holidayCalendar());
        }
        if (route.alternateRouteId() != null) {
            fields.put("alternateRouteId", route.alternateRouteId());
        }
        fields.put("enabled", route.enabled());
        return Map.of("route", fields);
    }
}
