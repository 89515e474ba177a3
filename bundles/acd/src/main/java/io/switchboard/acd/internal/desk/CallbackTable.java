package io.switchboard.acd.internal.desk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.store.api.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call-back requests in {@code acd_callback}. Writes go through the store's batching writer and
 * are not waited for (the desk runs under its monitor); reads are for starting up and the
 * supervisor's view.
 */
public final class CallbackTable implements CallbackBook {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackTable.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, queue, customer_class, priority, enqueued_at, number, original_call_id, "
            + "attached, requested_at, attempts, not_before, status, call_id";

    private final Database database;

    public CallbackTable(Database database) {
        this.database = database;
    }

    @Override
    public void save(Callback callback) {
        database.write(connection -> upsert(connection, callback)).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.error("Call-back request {} ({}) could not be saved", callback.id(), callback.status(), failure);
            }
        });
    }

    @Override
    public List<Callback> open() {
        return select("SELECT " + COLUMNS + " FROM acd_callback WHERE status IN ('WAITING', 'DIALLING') "
                + "ORDER BY requested_at", -1);
    }

    @Override
    public List<Callback> recent(int limit) {
        return select("SELECT " + COLUMNS + " FROM acd_callback ORDER BY requested_at DESC LIMIT ?", limit);
    }

    private List<Callback> select(String sql, int limit) {
        try {
            return database.read(connection -> {
                List<Callback> found = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(sql)) {
                    if (limit >= 0) {
                        select.setInt(1, limit);
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            found.add(read(rows));
                        }
                    }
                }
                return found;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("call-back requests cannot be read: " + e.getMessage(), e);
        }
    }

    private static Callback read(ResultSet rows) throws SQLException {
        String notBefore = rows.getString("not_before");
        return new Callback(rows.getString("id"), rows.getString("queue"), rows.getString("customer_class"),
                rows.getInt("priority"), Instant.parse(rows.getString("enqueued_at")), rows.getString("number"),
                rows.getString("original_call_id"), attached(rows.getString("attached")),
                Instant.parse(rows.getString("requested_at")), rows.getInt("attempts"),
                notBefore == null ? null : Instant.parse(notBefore), Callback.Status.valueOf(rows.getString("status")),
                rows.getString("call_id"));
    }

    private static Map<String, Object> attached(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            LOG.warn("A call-back request's screen pop is not readable JSON; it is shown empty");
            return Map.of();
        }
    }

    private static Void upsert(Connection connection, Callback callback) throws SQLException {
        String attached;
        try {
            attached = JSON.writeValueAsString(callback.attached());
        } catch (JsonProcessingException e) {
            attached = "{}";
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO acd_callback (" + COLUMNS + ") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                + "attempts = excluded.attempts, not_before = excluded.not_before, status = excluded.status, "
                + "call_id = excluded.call_id")) {
            upsert.setString(1, callback.id());
            upsert.setString(2, callback.queue());
            upsert.setString(3, callback.customerClass());
            upsert.setInt(4, callback.priority());
            upsert.setString(5, callback.enqueuedAt().toString());
            upsert.setString(6, callback.number());
            upsert.setString(7, callback.originalCallId());
            upsert.setString(8, attached);
            upsert.setString(9, callback.requestedAt().toString());
            upsert.setInt(10, callback.attempts());
            upsert.setString(11, callback.notBefore() == null ? null : callback.notBefore().toString());
            upsert.setString(12, callback.status().name());
            upsert.setString(13, callback.callId());
            upsert.executeUpdate();
        }
        return null;
    }
}
