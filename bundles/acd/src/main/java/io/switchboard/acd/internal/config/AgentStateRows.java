package io.switchboard.acd.internal.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the state column of {@code acd_agent_state}, which the ACD's agent state machine writes;
 * configuration only shows it. Stateless.
 */
final class AgentStateRows {

    Map<String, String> states(Connection connection) throws SQLException {
        Map<String, String> states = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT agent_id, state FROM acd_agent_state");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                states.put(row.getString(1), row.getString(2));
            }
        }
        return states;
    }
}
