package io.switchboard.acd.internal.agent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One agent's state, as persisted (table {@code acd_agent_state}) and journaled.
 *
 * @param reason     the not-ready reason code (null otherwise)
 * @param since      when the agent entered this state
 * @param callId     the call the agent is reserved for, talking on or wrapping up (null otherwise)
 * @param idleSince  when the agent last became free for a call (for longest-idle routing)
 * @param callsToday calls connected to the agent on {@code callsDay}
 */
public record AgentStatus(String agentId, AgentState state, String reason, Instant since, String callId,
                          Instant idleSince, int callsToday, LocalDate callsDay) {

    public static AgentStatus loggedOut(String agentId, Instant now, LocalDate today) {
        return new AgentStatus(agentId, AgentState.LOGGED_OUT, null, now, null, now, 0, today);
    }

    AgentStatus to(AgentState next, String nextReason, String nextCallId, Instant now) {
        return new AgentStatus(agentId, next, nextReason, now, nextCallId, idleSince, callsToday, callsDay);
    }

    AgentStatus idleFrom(Instant now) {
        return new AgentStatus(agentId, state, reason, since, callId, now, callsToday, callsDay);
    }

    AgentStatus countCall(LocalDate today) {
        int count = today.equals(callsDay) ? callsToday + 1 : 1;
        return new AgentStatus(agentId, state, reason, since, callId, idleSince, count, today);
    }

    /** Calls today as of {@code today}: a count from an earlier day is zero. */
    public int callsOn(LocalDate today) {
        return today.equals(callsDay) ? callsToday : 0;
    }
}
