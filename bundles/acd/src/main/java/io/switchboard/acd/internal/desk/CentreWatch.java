package io.switchboard.acd.internal.desk;

import io.switchboard.acd.internal.agent.AgentState;
import io.switchboard.acd.internal.agent.AgentStatus;
import io.switchboard.acd.internal.config.AcdConfig;
import io.switchboard.acd.internal.config.Agent;
import io.switchboard.acd.internal.config.CentreStatus;
import io.switchboard.acd.internal.config.Queue;
import io.switchboard.acd.internal.config.QueueStatus;
import io.switchboard.api.journal.Journal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisors' view of the centre: today's numbers per queue, a snapshot of every queue and
 * agent, and a fresh snapshot pushed after changes, at most one per {@link #PUSH_GAP}.
 *
 * <p>Today's numbers are counted from the journal, the one record of what happened: when the ACD
 * starts they are rebuilt by reading back the day's entries ({@link #replay}); after that they
 * follow the entries the ACD appends ({@link #tap}). So a bundle update or a restart keeps them
 * without a table of our own that could disagree with the journal, and the count is the same
 * whichever way an entry arrived. The cost is one read of the day's journal at start.
 *
 * <p>Not thread-safe: used under the desk's monitor (the tapped journal is written under it).
 */
public final class CentreWatch {

    /** Snapshots are pushed at most this often. */
    public static final Duration PUSH_GAP = Duration.ofMillis(500);
    /**
     * The read-back starts this long before today began, so a call answered before midnight and
     * ended after it still gets its handle time; the earlier entries count for yesterday only.
     */
    static final Duration REPLAY_MARGIN = Duration.ofHours(2);
    private static final Duration EARLIER_WRITES_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(CentreWatch.class);

    private final Clock clock;
    private final CentreDay day;
    private final Coalescer push;

    /**
     * @param clock its zone is the appliance's: it says when "today" begins
     * @param push  sends a fresh snapshot to whoever watches; run on {@code timers}
     */
    public CentreWatch(Clock clock, Timers timers, Runnable push) {
        this.clock = clock;
        this.day = new CentreDay(clock.getZone());
        this.push = new Coalescer(clock, timers, PUSH_GAP, push);
    }

    /**
     * Rebuilds today's numbers from the journal; call it once, before anything is appended through
     * {@link #tap}. A journal that cannot be read leaves them at zero (logged): the ACD routes calls
     * regardless.
     *
     * @param earlierWrites a write queued behind the previous version's last journal entries (the
     *                      store commits in order), so that those are read back too
     */
    public void replay(Journal journal, CompletionStage<?> earlierWrites) {
        try {
            earlierWrites.toCompletableFuture().get(EARLIER_WRITES_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted waiting for the store's queued writes; today's numbers may miss the last entries");
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("The store's queued writes did not finish; today's numbers may miss the last entries", e);
        }
        Instant from = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant().minus(REPLAY_MARGIN);
        try {
            long read = JournalReplay.replay(journal, from,
                    entry -> day.record(entry.type(), entry.callId(), entry.agentId(), entry.data(), entry.time()));
            LOG.info("Today's queue numbers rebuilt from {} journal entries since {}", read, from);
        } catch (IllegalStateException e) {
            LOG.warn("Today's queue numbers start from zero: the journal could not be read back", e);
        }
    }

    /** The journal the ACD should write to: every entry also counts here and may push a snapshot. */
    public Journal tap(Journal journal) {
        return new JournalTap(journal, this::appended);
    }

    private void appended(String type, String callId, String agentId, Map<String, Object> data) {
        day.record(type, callId, agentId, data, clock.instant());
        if (type.startsWith("acd.") || type.equals("agent.state")) {
            push.changed();
        }
    }

    /** The queue's mean handle time over its latest calls today; empty before the first one ends. */
    public Optional<Duration> recentHandleTime(String queueId) {
        Double seconds = day.queue(queueId, LocalDate.ofInstant(clock.instant(), clock.getZone())).averageHandleSeconds();
        return seconds == null ? Optional.empty() : Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
    }

    /**
     * Every configured queue and agent now.
     *
     * @param agents    an agent's state (LOGGED_OUT for one never seen)
     * @param live      a queue's waiting calls and agents by state
     * @param callQueue the queue of a live call, from core, for a call this view has not seen offered
     */
    public CentreStatus snapshot(AcdConfig config, Function<String, AgentStatus> agents,
                                 Function<String, QueueStatus> live, Function<String, Optional<String>> callQueue) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        int waiting = 0;
        List<CentreStatus.QueueLine> queues = new ArrayList<>();
        for (Queue queue : config.queues().stream().sorted(Comparator.comparing(Queue::id)).toList()) {
            QueueStatus status = live.apply(queue.id());
            QueueDayStats stats = day.queue(queue.id(), today);
            waiting += status.waiting();
            queues.add(new CentreStatus.QueueLine(queue.id(), queue.name(), status.waiting(), status.longestWaitSeconds(),
                    status.agents(), stats.served(), stats.abandoned(), round(stats.serviceLevel(queue.serviceLevelSeconds()), 3),
                    round(stats.averageWaitSeconds(), 1), round(stats.averageHandleSeconds(), 1)));
        }
        int loggedIn = 0;
        int ready = 0;
        int talking = 0;
        List<CentreStatus.AgentLine> lines = new ArrayList<>();
        for (Agent agent : config.agents().stream().sorted(Comparator.comparing(Agent::id)).toList()) {
            AgentStatus status = agents.apply(agent.id());
            AgentState state = status.state();
            loggedIn += state.loggedIn() ? 1 : 0;
            ready += state == AgentState.READY ? 1 : 0;
            talking += state == AgentState.TALKING || state == AgentState.HOLD ? 1 : 0;
            String queue = status.callId() == null ? null : day.queueOfAgentCall(agent.id(), status.callId())
                    .or(() -> callQueue.apply(status.callId())).orElse(null);
            lines.add(new CentreStatus.AgentLine(agent.id(), agent.name(), state.name(), status.reason(),
                    status.since().toString(), Math.max(0, Duration.between(status.since(), now).toSeconds()),
                    status.callId(), queue, status.callsOn(today)));
        }
        return new CentreStatus(now.toString(), queues, lines, new CentreStatus.Totals(loggedIn, ready, talking, waiting));
    }

    private static Double round(Double value, int decimals) {
        if (value == null) {
            return null;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
