package io.switchboard.acd.internal.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.api.journal.JournalEntry;
import io.switchboard.testsupport.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalReplayTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T00:00:00Z"));
    private final MemoryJournal journal = new MemoryJournal(clock);

    private void append(int entries, Duration apart) {
        for (int i = 0; i < entries; i++) {
            journal.append("call.started", "c" + i, null, Map.of());
            clock.advance(apart);
        }
    }

    @Test
    void theFirstEntryFromATimeIsFoundWithAFewOneEntryReads() {
        append(100_000, Duration.ofSeconds(1));
        Instant from = journal.entries.get(73_456).time(); // seq 73457

        journal.reads = 0;
        long cursor = JournalReplay.cursorBefore(journal, from);

        assertThat(cursor).isEqualTo(73_456);
        assertThat(journal.reads).isLessThanOrEqualTo(2 * 17 + 2); // 2^17 > 100 000
    }

    @Test
    void everythingFromThatTimeIsHandedOnOldestFirstInPages() {
        append(3_000, Duration.ofSeconds(1));
        Instant from = journal.entries.get(499).time().minusMillis(500); // between seq 499 and 500

        List<Long> seen = new ArrayList<>();
        journal.reads = 0;
        long count = JournalReplay.replay(journal, from, entry -> seen.add(entry.seq()));

        assertThat(count).isEqualTo(2_501);
        assertThat(seen.get(0)).isEqualTo(500);
        assertThat(seen.get(seen.size() - 1)).isEqualTo(3_000);
        assertThat(seen).isSorted();
    }

    @Test
    void anEmptyJournalOrATimeAfterTheLastEntryGivesNothing() {
        assertThat(JournalReplay.replay(journal, clock.instant(), entry -> {
            throw new AssertionError("nothing to hand on");
        })).isZero();

        append(10, Duration.ofSeconds(1));
        assertThat(JournalReplay.cursorBefore(journal, clock.instant())).isEqualTo(10);
        assertThat(JournalReplay.cursorBefore(journal, Instant.EPOCH)).isZero();
    }

    @Test
    void entriesWithTheSameTimeAreAllIncluded() {
        append(5, Duration.ZERO);
        append(5, Duration.ofSeconds(1));

        List<JournalEntry> seen = new ArrayList<>();
        JournalReplay.replay(journal, journal.entries.get(0).time(), seen::add);

        assertThat(seen).hasSize(10);
    }
}
