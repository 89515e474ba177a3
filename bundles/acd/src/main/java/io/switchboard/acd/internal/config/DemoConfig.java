package io.switchboard.acd.internal.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The demo configuration of CONTRACT.md: queues general, cards and vip, agents 1001–1005 on SIP
 * phones of the same user, and the classes standard, priority and private-banking.
 */
final class DemoConfig {

    /** Set in {@code acd_marker} once the demo data was offered, so deleted demo data stays deleted. */
    static final String MARKER = "acd.demo";

    static final List<CustomerClass> CLASSES = List.of(
            new CustomerClass("standard", "Standard", 0),
            new CustomerClass("priority", "Priority", 50),
            new CustomerClass("private-banking", "Private banking", 100));

    static final List<Queue> QUEUES = List.of(
            Queue.withDefaults("general", "General enquiries", "general", 1),
            Queue.withDefaults("cards", "Cards", "cards", 3),
            Queue.withDefaults("vip", "Private banking", "private-banking", 5));

    static final List<Agent> AGENTS = List.of(
            agent("1001", Map.of("general", 5)),
            agent("1002", Map.of("general", 3, "cards", 6)),
            agent("1003", Map.of("cards", 4)),
            agent("1004", Map.of("private-banking", 8, "general", 7)),
            agent("1005", Map.of("general", 2)));

    private DemoConfig() {
    }

    private static Agent agent(String id, Map<String, Integer> skills) {
        return new Agent(id, "Agent " + id, "sip:" + id, skills, null, false);
    }

    /** Sets the marker; false if it was already set (the demo data was offered before). */
    static boolean markOffered(Connection connection, String at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT OR IGNORE INTO acd_marker (name, at) VALUES (?, ?)")) {
            insert.setString(1, MARKER);
            insert.setString(2, at);
            return insert.executeUpdate() > 0;
        }
    }
}
