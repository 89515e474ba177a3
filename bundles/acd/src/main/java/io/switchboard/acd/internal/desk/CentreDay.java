package io.switchboard.acd.internal.desk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Today's numbers for every queue, counted from the journal entries the ACD writes:
 * {@code acd.connected {queue, waitSeconds}} (served), {@code acd.abandoned {queue}},
 * {@code acd.offered {queue}} and {@code agent.state {state, callId}} (which queue each agent's
 * call is in, and its handle time: from {@code acd.connected} to the agent's WRAP_UP).
 *
 * <p>The same entries arrive in two ways, and both give the same numbers: read back from the
 * journal when the ACD starts (so an update or restart keeps the day's counts), and as the desk
 * appends them. An entry's day is its time's date in the appliance's zone; the first entry of a
 * later day starts the counts afresh, and a day with no entry yet reads as zeros.
 *
 * <p>Not thread-safe: used under the desk's monitor.
 */
public final class CentreDay {

    /** The call an agent was offered or is on; {@code connectedAt} is null until answered, and after wrap-up began. */
    private record AgentCall(String callId, String queue, Instant connectedAt) {
    }

    private final ZoneId zone;
    private final Map<String, QueueDayStats> queues = new HashMap<>();
    private final Map<String, AgentCall> agentCalls = new HashMap<>();
    private LocalDate day;

    public CentreDay(ZoneId zone) {
        this.zone = zone;
    }

    /** Counts one journal entry written at {@code time}; entry types that say nothing about queues are ignored. */
    public void record(String type, String callId, String agentId, Map<String, Object> data, Instant time) {
        boolean counts = dayOf(time);
        String queue = data.get("queue") instanceof String name ? name : null;
        switch (type) {
            case "acd.offered" -> {
                if (agentId != null && queue != null) {
                    agentCalls.put(agentId, new AgentCall(callId, queue, null));
                }
            }
            case "acd.connected" -> {
                if (queue != null && counts) {
                    stats(queue).countServed(data.get("waitSeconds") instanceof Number wait ? wait.longValue() : 0);
                }
                if (agentId != null && queue != null) {
                    agentCalls.put(agentId, new AgentCall(callId, queue, time));
                }
            }
            case "acd.abandoned" -> {
                if (queue != null && counts) {
                    stats(queue).countAbandoned();
                }
            }
            case "agent.state" -> agentState(agentId, data, time, counts);
            default -> {
                // not about queues' numbers
            }
        }
    }

    /** Today's numbers of a queue as of {@code today}: zeros when nothing has happened on that day. */
    public QueueDayStats queue(String queueId, LocalDate today) {
        QueueDayStats stats = today.equals(day) ? queues.get(queueId) : null;
        return stats != null ? stats : new QueueDayStats();
    }

    /** The queue of the call the agent is offered, on or wrapping up, if that call is {@code callId}. */
    public Optional<String> queueOfAgentCall(String agentId, String callId) {
        AgentCall call = agentCalls.get(agentId);
        return call != null && Objects.equals(call.callId(), callId) ? Optional.of(call.queue()) : Optional.empty();
    }

    private void agentState(String agentId, Map<String, Object> data, Instant time, boolean counts) {
        if (agentId == null || !(data.get("state") instanceof String state)) {
            return;
        }
        switch (state) {
            case "WRAP_UP" -> {
                AgentCall call = agentCalls.get(agentId);
                if (call != null && call.connectedAt() != null && Objects.equals(call.callId(), data.get("callId"))) {
                    if (counts) {
                        stats(call.queue()).countHandled(Duration.between(call.connectedAt(), time));
                    }
                    agentCalls.put(agentId, new AgentCall(call.callId(), call.queue(), null));
                }
            }
            case "READY", "NOT_READY", "LOGGED_OUT" -> agentCalls.remove(agentId);
            default -> {
                // RESERVED, TALKING, HOLD: the call entries say which call
            }
        }
    }

    /** Moves to the entry's day if it is later; whether the entry counts for the current day. */
    private boolean dayOf(Instant time) {
        LocalDate date = LocalDate.ofInstant(time, zone);
        if (day == null || date.isAfter(day)) {
            day = date;
            queues.clear();
        }
        return date.equals(day);
    }

    private QueueDayStats stats(String queueId) {
        return queues.computeIfAbsent(queueId, id -> new QueueDayStats());
    }
}
