package io.switchboard.acd.internal.agent;

import io.switchboard.store.api.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agents' states in {@code acd_agent_state}, so they outlive a restart or an update of this
 * bundle. Writes go through the store's batching writer and are not waited for: the board in
 * memory is the truth while the bundle runs; the table is what a newer version starts from.
 */
public final class AgentStateTable {

    private static final Logger LOG = LoggerFactory.getLogger(AgentStateTable.class);

    private final Database database;

    public AgentStateTable(Database database) {
        this.database = database;
    }

    public List<AgentStatus> load() throws SQLException {
        return database.read(connection -> {
            List<AgentStatus> statuses = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT agent_id, state, reason, since, call_id, idle_since, calls_today, calls_day FROM acd_agent_state");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    statuses.add(read(rows));
                }
            }
            return statuses;
        });
    }

    public void save(AgentStatus status) {
        database.write(connection -> upsert(connection, status)).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.error("Agent {}'s state {} could not be saved", status.agentId(), status.state(), failure);
            }
        });
    }

    private static AgentStatus read(ResultSet rows) throws SQLException {
        String idleSince = rows.getString("idle_since");
        String day = rows.getString("calls_day");
        Instant since = Instant.parse(rows.getString("since"));
        return new AgentStatus(rows.getString("agent_id"), AgentState.valueOf(rows.getString("state")),
                rows.getString("reason"), since, rows.getString("call_id"),
                idleSince == null ? since : Instant.parse(idleSince), rows.getInt("calls_today"),
                day == null ? null : LocalDate.parse(day));
    }

    private static Void upsert(Connection connection, AgentStatus status) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO acd_agent_state (agent_id, state, reason, since, call_id, idle_since, calls_today, calls_day) "
                        + "SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM acd_agent WHERE id = ?) "
                        + "ON CONFLICT (agent_id) DO UPDATE SET state = excluded.state, reason = excluded.reason, "
                        + "since = excluded.since, call_id = excluded.call_id, idle_since = excluded.idle_since, "
                        + "calls_today = excluded.calls_today, calls_day = excluded.calls_day")) {
            upsert.setString(1, status.agentId());
            upsert.setString(2, status.state().name());
            upsert.setString(3, status.reason());
            upsert.setString(4, status.since().toString());
            upsert.setString(5, status.callId());
            upsert.setString(6, status.idleSince() == null ? null : status.idleSince().toString());
            upsert.setInt(7, status.callsToday());
            upsert.setString(8, status.callsDay() == null ? null : status.callsDay().toString());
            upsert.setString(9, status.agentId());
            upsert.executeUpdate();
        }
        return null;
    }
}
