package io.switchboard.acd.internal.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testsupport.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Today's numbers from the entries the ACD writes, on an appliance in Shanghai (UTC+8). */
class CentreDayTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T01:00:00Z")); // 09:00 local
    private final CentreDay day = new CentreDay(SHANGHAI);
    private final DeskJournal desk = new DeskJournal(new JournalTap(new MemoryJournal(clock),
            (type, callId, agentId, data) -> day.record(type, callId, agentId, data, clock.instant())));

    @Test
    void servedAndAbandonedCallsCountPerQueue() {
        desk.answered("c1", "1001", "general", 5);
        desk.answered("c2", "1002", "cards", 30);
        desk.abandoned("c3", "general", 42);
        desk.queued("c4", "general"); // still waiting: neither

        QueueDayStats general = day.queue("general", MONDAY);
        assertThat(general.served()).isEqualTo(1);
        assertThat(general.abandoned()).isEqualTo(1);
        assertThat(general.serviceLevel(20)).isEqualTo(0.5);
        assertThat(general.averageWaitSeconds()).isEqualTo(5.0);
        QueueDayStats cards = day.queue("cards", MONDAY);
        assertThat(cards.served()).isEqualTo(1);
        assertThat(cards.serviceLevel(20)).isEqualTo(0.0);
        assertThat(day.queue("vip", MONDAY).served()).isZero();
    }

    @Test
    void theCountsStartAfreshAtLocalMidnight() {
        clock.set(Instant.parse("2026-11-23T15:58:00Z")); // 23:58 Monday in Shanghai
        desk.answered("c1", "1001", "general", 5);
        assertThat(day.queue("general", MONDAY).served()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(3)); // 00:01 Tuesday there, still Monday in UTC
        assertThat(day.queue("general", TUESDAY).served()).as("a new day before anything happened").isZero();

        desk.abandoned("c2", "general", 12);
        desk.answered("c3", "1002", "general", 8);

        QueueDayStats tuesday = day.queue("general", TUESDAY);
        assertThat(tuesday.served()).isEqualTo(1);
        assertThat(tuesday.abandoned()).isEqualTo(1);
        assertThat(tuesday.averageWaitSeconds()).isEqualTo(8.0);
        assertThat(day.queue("general", MONDAY).served()).as("yesterday is no longer kept").isZero();
    }

    @Test
    void handleTimeRunsFromAnswerToWrapUpHoldIncluded() {
        desk.answered("c1", "1001", "general", 5);
        clock.advance(Duration.ofSeconds(60));
        desk.held("c1", "1001", true);
        clock.advance(Duration.ofSeconds(30));
        desk.held("c1", "1001", false);
        clock.advance(Duration.ofSeconds(30));
        desk.ended("c1", "1001");
        clock.advance(Duration.ofSeconds(10));
        desk.ready("1001", "WRAP_UP");

        assertThat(day.queue("general", MONDAY).averageHandleSeconds()).isEqualTo(120.0);
    }

    @Test
    void aCallAnsweredBeforeMidnightCountsItsHandleTimeOnTheDayItEnds() {
        clock.set(Instant.parse("2026-11-23T15:55:00Z")); // 23:55 local
        desk.answered("c1", "1001", "general", 5);
        clock.advance(Duration.ofMinutes(10));
        desk.ended("c1", "1001");

        assertThat(day.queue("general", TUESDAY).averageHandleSeconds()).isEqualTo(600.0);
        assertThat(day.queue("general", TUESDAY).served()).as("it was served on Monday").isZero();
    }

    @Test
    void anAgentsCallKeepsItsQueueUntilTheAgentIsFreeAgain() {
        desk.queued("c1", "cards");
        desk.offered("c1", "1002", "cards");
        assertThat(day.queueOfAgentCall("1002", "c1")).contains("cards");
        assertThat(day.queueOfAgentCall("1002", "c9")).isEmpty();

        desk.connected("c1", "1002", "cards", 3);
        desk.ended("c1", "1002");
        assertThat(day.queueOfAgentCall("1002", "c1")).as("in wrap-up").contains("cards");

        desk.ready("1002", "WRAP_UP");
        assertThat(day.queueOfAgentCall("1002", "c1")).isEmpty();
    }

    @Test
    void aSecondWrapUpForTheSameCallIsNotCountedTwice() {
        desk.answered("c1", "1001", "general", 5);
        clock.advance(Duration.ofSeconds(40));
        desk.ended("c1", "1001");
        clock.advance(Duration.ofSeconds(40));
        desk.ended("c1", "1001");

        assertThat(day.queue("general", MONDAY).averageHandleSeconds()).isEqualTo(40.0);
    }
}
