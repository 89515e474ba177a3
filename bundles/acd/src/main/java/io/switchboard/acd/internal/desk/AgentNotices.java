package io.switchboard.acd.internal.desk;

import java.util.Map;

/** Where the desk tells an agent's live event stream what happens (offered, connected, ended, state). */
@FunctionalInterface
public interface AgentNotices {
    void publish(String agentId, String event, Map<String, Object> data);
}
