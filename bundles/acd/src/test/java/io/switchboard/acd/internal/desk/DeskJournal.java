package io.switchboard.acd.internal.desk;

import io.switchboard.api.journal.Journal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes journal entries in the shapes the desk ({@code acd.*}) and the component's agent
 * listener ({@code agent.state}) write them, so a test can tell a call's story in a few lines.
 */
final class DeskJournal {

    private final Journal journal;

    DeskJournal(Journal journal) {
        this.journal = journal;
    }

    void queued(String callId, String queue) {
        journal.append("acd.queued", callId, null, Map.of("queue", queue, "customerClass", "standard", "priority", 0));
    }

    /** The agent's phone rings: RESERVED, then {@code acd.offered}. */
    void offered(String callId, String agentId, String queue) {
        state(agentId, "RESERVED", "READY", callId);
        journal.append("acd.offered", callId, agentId, Map.of("queue", queue, "legId", callId + "-agent"));
    }

    /** The agent answers after the caller waited {@code waitSeconds}: TALKING, then {@code acd.connected}. */
    void connected(String callId, String agentId, String queue, long waitSeconds) {
        state(agentId, "TALKING", "RESERVED", callId);
        journal.append("acd.connected", callId, agentId, Map.of("queue", queue, "waitSeconds", waitSeconds));
    }

    void held(String callId, String agentId, boolean onHold) {
        state(agentId, onHold ? "HOLD" : "TALKING", onHold ? "TALKING" : "HOLD", callId);
    }

    /** The call ended: the agent goes to WRAP_UP. */
    void ended(String callId, String agentId) {
        state(agentId, "WRAP_UP", "TALKING", callId);
    }

    void ready(String agentId, String previous) {
        state(agentId, "READY", previous, null);
    }

    /** A whole call: queued, offered, answered after {@code waitSeconds}; the caller is still talking. */
    void answered(String callId, String agentId, String queue, long waitSeconds) {
        queued(callId, queue);
        offered(callId, agentId, queue);
        connected(callId, agentId, queue, waitSeconds);
    }

    void abandoned(String callId, String queue, long waitSeconds) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("queue", queue);
        data.put("waitSeconds", waitSeconds);
        data.put("whileRinging", false);
        journal.append("acd.abandoned", callId, null, data);
    }

    void other(String type, String callId) {
        journal.append(type, callId, null, Map.of());
    }

    private void state(String agentId, String state, String previous, String callId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("state", state);
        data.put("previous", previous);
        if (callId != null) {
            data.put("callId", callId);
        }
        journal.append("agent.state", callId, agentId, data);
    }
}
