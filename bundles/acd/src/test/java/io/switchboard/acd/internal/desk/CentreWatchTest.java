package io.switchboard.acd.internal.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.acd.internal.agent.AgentState;
import io.switchboard.acd.internal.agent.AgentStatus;
import io.switchboard.acd.internal.config.AcdConfig;
import io.switchboard.acd.internal.config.Agent;
import io.switchboard.acd.internal.config.CentreStatus;
import io.switchboard.acd.internal.config.CentreStatus.AgentLine;
import io.switchboard.acd.internal.config.CentreStatus.QueueLine;
import io.switchboard.acd.internal.config.Queue;
import io.switchboard.acd.internal.config.QueueStatus;
import io.switchboard.api.journal.Journal;
import io.switchboard.api.journal.JournalEntry;
import io.switchboard.testsupport.ManualClock;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The supervisors' view on an appliance in Shanghai (UTC+8): snapshots, read-back after an update, pushes. */
class CentreWatchTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    private final ManualClock clock = (ManualClock) new ManualClock(Instant.parse("2026-11-23T02:00:00Z")).withZone(SHANGHAI);
    private final ManualTimers timers = new ManualTimers(clock);
    private final MemoryJournal journal = new MemoryJournal(clock);
    private int pushes;
    private final CentreWatch watch = new CentreWatch(clock, timers, () -> pushes++);
    private final DeskJournal desk = new DeskJournal(watch.tap(journal));

    private final AcdConfig config = new AcdConfig(1,
            List.of(agent("1002", "Li Na"), agent("1001", "Wang Fang"), agent("1003", "Zhao Lei")),
            List.of(queue("general", "General", 20), queue("cards", "Cards", 30)), List.of());
    private final Map<String, AgentStatus> agents = new HashMap<>();
    private final Map<String, QueueStatus> live = Map.of(
            "general", new QueueStatus(2, 41, Map.of("TALKING", 1, "NOT_READY", 1)),
            "cards", new QueueStatus(0, 0, Map.of("NOT_READY", 1)));

    private static Agent agent(String id, String name) {
        return new Agent(id, name, "sip:" + id, Map.of("general", 5), null, false);
    }

    private static Queue queue(String id, String name, int serviceLevelSeconds) {
        return new Queue(id, name, id, 1, null, serviceLevelSeconds, null, 0, null, null, null, null, 10, 15, null);
    }

    private CentreStatus snapshot(CentreWatch of) {
        return of.snapshot(config, id -> agents.getOrDefault(id, AgentStatus.loggedOut(id, Instant.EPOCH, MONDAY)),
                live::get, callId -> callId.equals("c7") ? Optional.of("cards") : Optional.empty());
    }

    private void agentIs(String id, AgentState state, String reason, String callId, Duration ago, int callsToday) {
        Instant since = clock.instant().minus(ago);
        agents.put(id, new AgentStatus(id, state, reason, since, callId, since, callsToday, MONDAY));
    }

    @Test
    void aSnapshotHasEveryQueueAndAgentInIdOrderWithTodaysNumbers() {
        desk.answered("c1", "1001", "general", 5);
        desk.abandoned("c2", "general", 30);
        clock.advance(Duration.ofSeconds(65));
        agentIs("1001", AgentState.TALKING, null, "c1", Duration.ofSeconds(65), 1);
        agentIs("1002", AgentState.NOT_READY, "lunch", null, Duration.ofMinutes(10), 0);
        agentIs("1003", AgentState.TALKING, null, "c7", Duration.ofSeconds(3), 4); // a call from before the update

        CentreStatus status = snapshot(watch);

        assertThat(status.time()).isEqualTo("2026-11-23T02:01:05Z");
        assertThat(status.queues()).containsExactly(
                new QueueLine("cards", "Cards", 0, 0, Map.of("NOT_READY", 1), 0, 0, null, null, null),
                new QueueLine("general", "General", 2, 41, Map.of("NOT_READY", 1, "TALKING", 1), 1, 1, 0.5, 5.0, null));
        assertThat(status.agents()).containsExactly(
                new AgentLine("1001", "Wang Fang", "TALKING", null, "2026-11-23T02:00:00Z", 65, "c1", "general", 1),
                new AgentLine("1002", "Li Na", "NOT_READY", "lunch", "2026-11-23T01:51:05Z", 600, null, null, 0),
                new AgentLine("1003", "Zhao Lei", "TALKING", null, "2026-11-23T02:01:02Z", 3, "c7", "cards", 4));
        assertThat(status.totals()).isEqualTo(new CentreStatus.Totals(3, 0, 2, 2));
    }

    @Test
    void anUpdatedBundleReadsTheDayBackAndShowsTheSameNumbers() {
        clock.set(Instant.parse("2026-11-22T15:00:00Z")); // 23:00 Sunday local
        desk.answered("y1", "1001", "general", 3); // Sunday's: not today's
        desk.abandoned("y2", "general", 9);
        desk.answered("y3", "1002", "cards", 12);
        clock.advance(Duration.ofMinutes(70)); // 00:10 Monday local
        desk.ended("y3", "1002"); // answered Sunday, ended Monday: a handle time for Monday
        desk.ready("1002", "WRAP_UP");
        for (int i = 0; i < 30; i++) {
            clock.advance(Duration.ofMinutes(7));
            desk.answered("m" + i, "1001", i % 2 == 0 ? "general" : "cards", i);
            clock.advance(Duration.ofSeconds(100 + i));
            desk.ended("m" + i, "1001");
            desk.ready("1001", "WRAP_UP");
            if (i % 3 == 0) {
                desk.abandoned("a" + i, "general", 40 + i);
            }
        }
        desk.answered("m99", "1003", "cards", 4); // still talking
        agentIs("1003", AgentState.TALKING, null, "m99", Duration.ZERO, 1);
        CentreStatus before = snapshot(watch);

        CentreWatch updated = new CentreWatch(clock, timers, () -> pushes++);
        updated.replay(journal, CompletableFuture.completedFuture(null));

        assertThat(snapshot(updated)).isEqualTo(before);
        QueueLine general = before.queues().get(1);
        assertThat(general.servedToday()).isEqualTo(15);
        assertThat(general.abandonedToday()).isEqualTo(10);
        // cards: y3's 70 minutes and the 15 odd calls of 101, 103, … 129 s: (4200 + 1725) / 16 = 370.3125
        assertThat(before.queues().get(0).averageHandleSecondsRecent()).isEqualTo(370.3);
        assertThat(before.agents().get(2).queue()).isEqualTo("cards");
    }

    @Test
    void theRecentHandleTimeIsWhatCallersExpectedWaitIsBuiltFrom() {
        assertThat(watch.recentHandleTime("general")).isEmpty();
        desk.answered("c1", "1001", "general", 5);
        clock.advance(Duration.ofSeconds(120));
        desk.ended("c1", "1001");
        desk.answered("c2", "1001", "general", 5);
        clock.advance(Duration.ofSeconds(60));
        desk.ended("c2", "1001");
        assertThat(watch.recentHandleTime("general")).contains(Duration.ofSeconds(90));
        assertThat(watch.recentHandleTime("cards")).isEmpty();
    }

    @Test
    void theReadBackStillCountsWhenTheStoreCouldNotConfirmEarlierWrites() {
        desk.answered("c1", "1001", "general", 5);

        CentreWatch updated = new CentreWatch(clock, timers, () -> pushes++);
        updated.replay(journal, CompletableFuture.failedFuture(new SQLException("the store is closing")));

        assertThat(snapshot(updated).queues().get(1).servedToday()).isEqualTo(1);
    }

    @Test
    void aJournalThatCannotBeReadLeavesTheNumbersAtZero() {
        Journal broken = new Journal() {
            @Override
            public CompletionStage<Long> append(String type, String callId, String agentId, Map<String, Object> data) {
                throw new AssertionError("nothing is appended while reading back");
            }

            @Override
            public List<JournalEntry> read(long afterSeq, int limit) {
                throw new IllegalStateException("the journal could not be read after seq " + afterSeq);
            }
        };
        CentreWatch updated = new CentreWatch(clock, timers, () -> pushes++);
        updated.replay(broken, CompletableFuture.completedFuture(null));

        assertThat(snapshot(updated).queues().get(1).servedToday()).isZero();
    }

    @Test
    void queueAndAgentChangesArePushedAtMostEvery500Ms() {
        desk.queued("c1", "general");
        assertThat(pushes).isZero();
        timers.advance(Duration.ZERO);
        assertThat(pushes).isEqualTo(1);

        timers.advance(Duration.ofMillis(100));
        desk.offered("c1", "1001", "general");
        timers.advance(Duration.ofMillis(100));
        desk.connected("c1", "1001", "general", 0);
        desk.abandoned("c2", "general", 3);
        timers.advance(Duration.ofMillis(299));
        assertThat(pushes).isEqualTo(1);
        timers.advance(Duration.ofMillis(1));
        assertThat(pushes).isEqualTo(2);

        desk.other("call.started", "c3"); // not the ACD's: no push
        timers.advance(Duration.ofSeconds(5));
        assertThat(pushes).isEqualTo(2);
    }
}
