package io.switchboard.core.internal.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.core.api.Holiday;
import io.switchboard.core.api.Route;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code core_route}, {@code core_holiday} and {@code core_marker} tables. Stateless apart from its mapper. */
final class RouteRows {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final String COLUMNS =
            "id, pattern, controller, params, hours, time_zone, holiday_calendar, alternate_route, enabled";

    private final ObjectMapper mapper;

    RouteRows(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    List<Route> routes(Connection connection) throws SQLException {
        List<Route> routes = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM core_route ORDER BY id");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                routes.add(new Route(row.getString(1), row.getString(2), row.getString(3),
                        params(row.getString(1), row.getString(4)), row.getString(5), row.getString(6), row.getString(7),
                        row.getString(8), row.getInt(9) != 0));
            }
        }
        return routes;
    }

    List<Holiday> holidays(Connection connection) throws SQLException {
        List<Holiday> holidays = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT calendar, date, name FROM core_holiday ORDER BY calendar, date");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                try {
                    holidays.add(new Holiday(row.getString(1), LocalDate.parse(row.getString(2)), row.getString(3)));
                } catch (DateTimeParseException e) {
                    throw new SQLException("holiday of calendar " + row.getString(1) + " has a bad date", e);
                }
            }
        }
        return holidays;
    }

    void insert(Connection connection, Route route) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO core_route (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(insert, route, 1);
            insert.executeUpdate();
        }
    }

    void update(Connection connection, Route route) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE core_route SET pattern = ?, controller = ?, params = ?, hours = ?, time_zone = ?,"
                        + " holiday_calendar = ?, alternate_route = ?, enabled = ? WHERE id = ?")) {
            bind(update, route, 0);
            update.setString(9, route.id());
            update.executeUpdate();
        }
    }

    /** Binds the route's columns from {@code first}; with 0 the id is left out (bound by the caller). */
    private void bind(PreparedStatement statement, Route route, int first) throws SQLException {
        int i = 1;
        if (first == 1) {
            statement.setString(i++, route.id());
        }
        statement.setString(i++, route.pattern());
        statement.setString(i++, route.controller());
        statement.setString(i++, json(route.params()));
        statement.setString(i++, route.businessHours());
        statement.setString(i++, route.timeZone());
        statement.setString(i++, route.holidayCalendar());
        statement.setString(i++, route.alternateRouteId());
        statement.setInt(i, route.enabled() ? 1 : 0);
    }

    boolean delete(Connection connection, String id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM core_route WHERE id = ?")) {
            delete.setString(1, id);
            return delete.executeUpdate() > 0;
        }
    }

    /** Inserts or renames; true if the holiday is new. */
    boolean saveHoliday(Connection connection, Holiday holiday) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE core_holiday SET name = ? WHERE calendar = ? AND date = ?")) {
            update.setString(1, holiday.name());
            update.setString(2, holiday.calendar());
            update.setString(3, holiday.date().toString());
            if (update.executeUpdate() > 0) {
                return false;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO core_holiday (calendar, date, name) VALUES (?, ?, ?)")) {
            insert.setString(1, holiday.calendar());
            insert.setString(2, holiday.date().toString());
            insert.setString(3, holiday.name());
            insert.executeUpdate();
        }
        return true;
    }

    boolean deleteHoliday(Connection connection, String calendar, LocalDate date) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM core_holiday WHERE calendar = ? AND date = ?")) {
            delete.setString(1, calendar);
            delete.setString(2, date.toString());
            return delete.executeUpdate() > 0;
        }
    }

    /** Sets a marker; false if it was already set. */
    boolean mark(Connection connection, String name, String at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT OR IGNORE INTO core_marker (name, at) VALUES (?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, at);
            return insert.executeUpdate() > 0;
        }
    }

    private String json(Map<String, Object> params) throws SQLException {
        try {
            return mapper.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new SQLException("route params cannot be written as JSON", e);
        }
    }

    private Map<String, Object> params(String id, String json) throws SQLException {
        try {
            Map<String, Object> params = new LinkedHashMap<>();
            // Route copies with Map.copyOf, which refuses null values: null means absent here
            mapper.readValue(json, MAP).forEach((k, v) -> {
                if (v != null) {
                    params.put(k, v);
                }
            });
            return params;
        } catch (JsonProcessingException e) {
            throw new SQLException("route " + id + " has params that are not a JSON object", e);
        }
    }
}
