package io.switchboard.acd.internal.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code acd_queue} table. Overflow steps and the max-wait action are JSON text (see the
 * migration for why). Thread-safe: the mapper is only used after construction.
 */
final class QueueRows {

    private static final Logger LOG = LoggerFactory.getLogger(QueueRows.class);
    private static final TypeReference<List<OverflowStep>> STEPS = new TypeReference<>() {
    };
    private static final String COLUMNS = "name, skill, minimum_level, strategy, service_level_seconds, overflow,"
            + " max_wait_seconds, on_max_wait, announce_every_seconds, announce_prompt, music, callback_offer,"
            + " callback_digit, wrap_up_seconds, ring_timeout_seconds, no_answer_reason, id";

    private final ObjectMapper mapper = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** Every queue in id order; a row that is no longer valid is logged and left out. */
    List<Queue> all(Connection connection) throws SQLException {
        List<Queue> queues = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM acd_queue ORDER BY id");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String id = row.getString(17);
                try {
                    queues.add(queue(row));
                } catch (InvalidConfigException | JsonProcessingException e) {
                    LOG.warn("Queue {} in the database is not valid and is left out: {}", id, e.getMessage());
                }
            }
        }
        return queues;
    }

    private Queue queue(ResultSet row) throws SQLException, JsonProcessingException {
        String onMaxWait = row.getString(8);
        return new Queue(row.getString(17), row.getString(1), row.getString(2), row.getInt(3), row.getString(4),
                row.getInt(5), mapper.readValue(row.getString(6), STEPS), row.getInt(7),
                onMaxWait == null ? null : mapper.readValue(onMaxWait, MaxWaitAction.class),
                new Announcements(row.getInt(9), row.getString(10)), row.getString(11),
                new CallbackOffer(row.getInt(12) != 0, row.getString(13)), row.getInt(14), row.getInt(15),
                row.getString(16));
    }

    boolean exists(Connection connection, String id) throws SQLException {
        return Sql.exists(connection, "SELECT 1 FROM acd_queue WHERE id = ?", id);
    }

    void insert(Connection connection, Queue queue) throws SQLException {
        write(connection, "INSERT INTO acd_queue (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                queue);
    }

    void update(Connection connection, Queue queue) throws SQLException {
        String assignments = String.join(" = ?, ", COLUMNS.substring(0, COLUMNS.lastIndexOf(", id")).split(", ")) + " = ?";
        write(connection, "UPDATE acd_queue SET " + assignments + " WHERE id = ?", queue);
    }

    boolean delete(Connection connection, String id) throws SQLException {
        return Sql.update(connection, "DELETE FROM acd_queue WHERE id = ?", id) > 0;
    }

    /** Binds the columns in {@link #COLUMNS} order, the id last. */
    private void write(Connection connection, String sql, Queue queue) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, queue.name());
            statement.setString(2, queue.skill());
            statement.setInt(3, queue.minimumLevel());
            statement.setString(4, queue.strategy());
            statement.setInt(5, queue.serviceLevelSeconds());
            statement.setString(6, json(queue.overflow()));
            statement.setInt(7, queue.maxWaitSeconds());
            statement.setString(8, queue.onMaxWait() == null ? null : json(queue.onMaxWait()));
            statement.setInt(9, queue.announcements().positionEverySeconds());
            statement.setString(10, queue.announcements().prompt());
            statement.setString(11, queue.music());
            statement.setInt(12, queue.callbackOffer().enabled() ? 1 : 0);
            statement.setString(13, queue.callbackOffer().digit());
            statement.setInt(14, queue.wrapUpSeconds());
            statement.setInt(15, queue.ringTimeoutSeconds());
            statement.setString(16, queue.notReadyReasonOnNoAnswer());
            statement.setString(17, queue.id());
            statement.executeUpdate();
        }
    }

    private String json(Object value) throws SQLException {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new SQLException("a queue's nested settings cannot be written as JSON", e);
        }
    }
}
