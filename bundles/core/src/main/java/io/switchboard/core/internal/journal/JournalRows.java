package io.switchboard.core.internal.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.journal.JournalEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code core_journal} table. Stateless apart from its (thread-safe) JSON mapper; the insert
 * must run on the store's single writer, which is what makes {@code max(seq) + 1} gapless and
 * unique without a lock of our own.
 */
public final class JournalRows {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    public JournalRows(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Plain data as the JSON text stored in {@code data}; checked by {@link io.switchboard.core.internal.data.PlainData} beforehand. */
    public String toJson(Map<String, Object> data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("journal data cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Appends one row on the writer connection and returns its seq. */
    public long insert(Connection connection, Instant time, String type, String callId, String agentId,
            String dataJson) throws SQLException {
        long seq;
        try (PreparedStatement max = connection.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM core_journal");
                ResultSet row = max.executeQuery()) {
            row.next();
            seq = row.getLong(1);
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO core_journal (seq, time, type, call_id, agent_id, data) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, seq);
            insert.setString(2, Timestamps.format(time));
            insert.setString(3, type);
            insert.setString(4, callId);
            insert.setString(5, agentId);
            insert.setString(6, dataJson);
            insert.executeUpdate();
        }
        return seq;
    }

    /** Entries after {@code afterSeq}, oldest first, at most {@code limit}. */
    public List<JournalEntry> after(Connection connection, long afterSeq, int limit) throws SQLException {
        List<JournalEntry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, time, type, call_id, agent_id, data FROM core_journal WHERE seq > ? ORDER BY seq LIMIT ?")) {
            select.setLong(1, afterSeq);
            select.setInt(2, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    entries.add(new JournalEntry(row.getLong(1), Timestamps.parse(row.getString(2)), row.getString(3),
                            row.getString(4), row.getString(5), data(row.getLong(1), row.getString(6))));
                }
            }
        }
        return entries;
    }

    private Map<String, Object> data(long seq, String json) throws SQLException {
        try {
            Map<String, Object> data = mapper.readValue(json, MAP);
            Map<String, Object> present = new LinkedHashMap<>();
            // JournalEntry copies with Map.copyOf, which refuses null values: null means absent here
            data.forEach((key, value) -> {
                if (value != null) {
                    present.put(key, value);
                }
            });
            return present;
        } catch (JsonProcessingException e) {
            throw new SQLException("journal entry " + seq + " has data that is not a JSON object", e);
        }
    }
}
