package io.switchboard.acd.internal.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One snapshot of the whole contact centre, as {@code GET /api/v1/acd/status} and the
 * {@code status} events of {@code /api/v1/acd/status/events} serve it. Absent values are written
 * as {@code null}, never left out, so a dashboard sees the same fields in every snapshot.
 *
 * @param time   when the snapshot was taken, ISO-8601 UTC
 * @param queues every configured queue, by id
 * @param agents every configured agent, by id
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CentreStatus(String time, List<QueueLine> queues, List<AgentLine> agents, Totals totals) {

    public CentreStatus {
        queues = List.copyOf(queues);
        agents = List.copyOf(agents);
    }

    /**
     * One queue now and today ("today" is the appliance's local date).
     *
     * @param agents                     agents qualifying for the queue, counted by state name, in name order
     * @param servedToday                calls connected to an agent from this queue (a call transferred and
     *                                   answered again counts again)
     * @param abandonedToday             callers who hung up while waiting or while an agent's phone rang
     * @param serviceLevelToday          of the calls served or abandoned today, the share connected within the
     *                                   queue's {@code serviceLevelSeconds}; null before the first such call
     * @param averageWaitSecondsToday    mean wait of the calls served today; null before the first
     * @param averageHandleSecondsRecent mean time from answer to wrap-up (hold included) of the queue's last
     *                                   20 calls that ended today; null before the first
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record QueueLine(String id, String name, int waiting, long longestWaitSeconds, Map<String, Integer> agents,
                            int servedToday, int abandonedToday, Double serviceLevelToday,
                            Double averageWaitSecondsToday, Double averageHandleSecondsRecent) {
        public QueueLine {
            agents = new TreeMap<>(agents);
        }
    }

    /**
     * One agent now.
     *
     * @param reason     the NOT_READY reason, else null
     * @param since      when the agent entered the state, ISO-8601 UTC
     * @param callId     the call the agent is offered, on or wrapping up, else null
     * @param queue      that call's queue, else null
     * @param callsToday calls connected to the agent today
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AgentLine(String id, String name, String state, String reason, String since, long secondsInState,
                            String callId, String queue, int callsToday) {
    }

    /**
     * @param loggedIn agents in any state but LOGGED_OUT
     * @param talking  agents on a call with a caller, TALKING or HOLD
     * @param waiting  callers waiting in all queues
     */
    public record Totals(int loggedIn, int ready, int talking, int waiting) {
    }
}
