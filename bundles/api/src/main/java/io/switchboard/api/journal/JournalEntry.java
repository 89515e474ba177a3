package io.switchboard.api.journal;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the journal, as read back.
 *
 * @param seq     its place in the journal, from 1, without gaps
 * @param time    when it was appended
 * @param type    {@code call.started}, {@code agent.state}, … (CONTRACT.md lists the types)
 * @param callId  the call it is about, or null
 * @param agentId the agent it is about, or null
 * @param data    plain values; never a PIN or a full card or account number
 */
public record JournalEntry(long seq, Instant time, String type, String callId, String agentId,
        Map<String, Object> data) {
    public JournalEntry {
        data = Map.copyOf(data);
    }
}
