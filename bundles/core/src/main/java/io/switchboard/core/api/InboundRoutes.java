package io.switchboard.core.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reading and changing the inbound routes and holiday calendars; provided by core, used by the
 * REST API and the console. A change returns once it is committed and in effect for the next call,
 * and is journalled as {@code config.changed} with {@code user} (the {@code actor}), {@code object}
 * ({@code route} or {@code holiday}), {@code id} and {@code change} ({@code created},
 * {@code updated}, {@code deleted}) in the same transaction.
 *
 * <p>Changes block the caller until the store has committed them: never call them from the
 * store's writer thread (a stage of {@code Database.write} or {@code Journal.append}).
 */
@ProviderType
public interface InboundRoutes {

    /** Every route, by id. */
    List<Route> routes();

    Optional<Route> route(String id);

    /** Adds a new route; {@link RouteConfigException.Reason#CONFLICT} if its id or pattern is taken. */
    Route create(Route route, String actor) throws RouteConfigException;

    /** Replaces the route with this id; {@link RouteConfigException.Reason#NOT_FOUND} if there is none. */
    Route replace(Route route, String actor) throws RouteConfigException;

    /** Removes a route; {@link RouteConfigException.Reason#CONFLICT} while another route uses it as alternate. */
    void delete(String id, String actor) throws RouteConfigException;

    /** Every holiday, by calendar and date. */
    List<Holiday> holidays();

    /** Adds a holiday, or renames the one on that calendar and date. */
    Holiday saveHoliday(Holiday holiday, String actor) throws RouteConfigException;

    void deleteHoliday(String calendar, LocalDate date, String actor) throws RouteConfigException;
}
