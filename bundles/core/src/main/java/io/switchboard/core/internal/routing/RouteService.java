package io.switchboard.core.internal.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.core.api.Holiday;
import io.switchboard.core.api.InboundRouter;
import io.switchboard.core.api.InboundRoutes;
import io.switchboard.core.api.Route;
import io.switchboard.core.api.RouteConfigException;
import io.switchboard.core.api.RouteDecision;
import io.switchboard.store.api.Database;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the inbound routes once core's tables exist, and offers the demo routes on a first
 * start with the framework property {@code switchboard.demo=true}. All state is in the database.
 */
@Component(service = {InboundRouter.class, InboundRoutes.class})
public final class RouteService implements InboundRouter, InboundRoutes {

    static final String DEMO_PROPERTY = "switchboard.demo";

    private static final Logger LOG = LoggerFactory.getLogger(RouteService.class);

    private final RouteRegistry registry;

    @Activate
    public RouteService(@Reference(target = "(" + Database.SCHEMA + "=io.switchboard.core)") Database database,
            BundleContext context) throws SQLException {
        this.registry = new RouteRegistry(database, Clock.systemUTC(), new ObjectMapper(), Duration.ofSeconds(30));
        if (Boolean.parseBoolean(context.getProperty(DEMO_PROPERTY))) {
            registry.seedDemo().whenComplete((added, failure) -> {
                if (failure != null) {
                    LOG.error("Could not add the demo routes", failure);
                } else if (added) {
                    LOG.info("Added the demo routes 100, 200 and 300 and the demo holiday calendar CN");
                }
            });
        }
    }

    @Override
    public Optional<RouteDecision> route(String dialled, String caller) {
        return registry.route(dialled, caller);
    }

    @Override
    public List<Route> routes() {
        return registry.routes();
    }

    @Override
    public Optional<Route> route(String id) {
        return registry.route(id);
    }

    @Override
    public Route create(Route route, String actor) throws RouteConfigException {
        return registry.create(route, actor);
    }

    @Override
    public Route replace(Route route, String actor) throws RouteConfigException {
        return registry.replace(route, actor);
    }

    @Override
    public void delete(String id, String actor) throws RouteConfigException {
        registry.delete(id, actor);
    }

    @Override
    public List<Holiday> holidays() {
        return registry.holidays();
    }

    @Override
    public Holiday saveHoliday(Holiday holiday, String actor) throws RouteConfigException {
        return registry.saveHoliday(holiday, actor);
    }

    @Override
    public void deleteHoliday(String calendar, LocalDate date, String actor) throws RouteConfigException {
        registry.deleteHoliday(calendar, date, actor);
    }
}
