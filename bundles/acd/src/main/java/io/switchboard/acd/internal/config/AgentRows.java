package io.switchboard.acd.internal.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code acd_agent} and {@code acd_agent_skill} tables. Stateless. */
final class AgentRows {

    private static final Logger LOG = LoggerFactory.getLogger(AgentRows.class);

    /** Every agent in id order; a row that is no longer valid is logged and left out. */
    List<Agent> all(Connection connection) throws SQLException {
        Map<String, Map<String, Integer>> skills = skills(connection);
        List<Agent> agents = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, name, device, team, outbound_allowed FROM acd_agent ORDER BY id");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String id = row.getString(1);
                try {
                    agents.add(new Agent(id, row.getString(2), row.getString(3), skills.getOrDefault(id, Map.of()),
                            row.getString(4), row.getInt(5) != 0));
                } catch (InvalidConfigException e) {
                    LOG.warn("Agent {} in the database is not valid and is left out: {}", id, e.getMessage());
                }
            }
        }
        return agents;
    }

    private static Map<String, Map<String, Integer>> skills(Connection connection) throws SQLException {
        Map<String, Map<String, Integer>> skills = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT agent_id, skill, level FROM acd_agent_skill");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                skills.computeIfAbsent(row.getString(1), id -> new HashMap<>()).put(row.getString(2), row.getInt(3));
            }
        }
        return skills;
    }

    boolean exists(Connection connection, String id) throws SQLException {
        return Sql.exists(connection, "SELECT 1 FROM acd_agent WHERE id = ?", id);
    }

    void insert(Connection connection, Agent agent) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO acd_agent (name, device, team, outbound_allowed, id) VALUES (?, ?, ?, ?, ?)")) {
            bind(insert, agent);
            insert.executeUpdate();
        }
        insertSkills(connection, agent);
    }

    void update(Connection connection, Agent agent) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE acd_agent SET name = ?, device = ?, team = ?, outbound_allowed = ? WHERE id = ?")) {
            bind(update, agent);
            update.executeUpdate();
        }
        Sql.update(connection, "DELETE FROM acd_agent_skill WHERE agent_id = ?", agent.id());
        insertSkills(connection, agent);
    }

    /** Deletes the agent, its skills and its state row (the store leaves foreign keys off). */
    boolean delete(Connection connection, String id) throws SQLException {
        Sql.update(connection, "DELETE FROM acd_agent_skill WHERE agent_id = ?", id);
        Sql.update(connection, "DELETE FROM acd_agent_state WHERE agent_id = ?", id);
        return Sql.update(connection, "DELETE FROM acd_agent WHERE id = ?", id) > 0;
    }

    private static void bind(PreparedStatement statement, Agent agent) throws SQLException {
        statement.setString(1, agent.name());
        statement.setString(2, agent.device());
        statement.setString(3, agent.team());
        statement.setInt(4, agent.outboundAllowed() ? 1 : 0);
        statement.setString(5, agent.id());
    }

    private static void insertSkills(Connection connection, Agent agent) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO acd_agent_skill (agent_id, skill, level) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Integer> skill : agent.skills().entrySet()) {
                insert.setString(1, agent.id());
                insert.setString(2, skill.getKey());
                insert.setInt(3, skill.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
