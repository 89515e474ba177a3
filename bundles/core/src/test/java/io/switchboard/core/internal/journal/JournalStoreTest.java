package io.switchboard.core.internal.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.journal.JournalEntry;
import io.switchboard.testsupport.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalStoreTest {

    @TempDir
    Path directory;

    private TestDatabase database;
    private ManualClock clock;
    private JournalStore journal;

    @BeforeEach
    void open() throws Exception {
        database = new TestDatabase(directory);
        clock = new ManualClock(Instant.parse("2025-03-04T05:06:07.891234Z"));
        journal = new JournalStore(database, clock, new JournalRows(new ObjectMapper()));
    }

    @AfterEach
    void close() throws Exception {
        database.close();
    }

    private long append(String type, Map<String, Object> data) throws Exception {
        return journal.append(type, "c1", null, data).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void appendedEntriesReadBackInOrderFromSeqOne() throws Exception {
        long first = append("call.started", Map.of("dialled", "100", "caller", "13800000000"));
        clock.advance(Duration.ofMillis(5));
        long second = journal.append("agent.state", null, "1001", Map.of("state", "READY", "level", 3))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(2);
        List<JournalEntry> entries = journal.read(0, 100);
        assertThat(entries).extracting(JournalEntry::seq).containsExactly(1L, 2L);
        assertThat(entries.get(0).type()).isEqualTo("call.started");
        assertThat(entries.get(0).callId()).isEqualTo("c1");
        assertThat(entries.get(0).agentId()).isNull();
        assertThat(entries.get(0).data()).containsEntry("dialled", "100").containsEntry("caller", "13800000000");
        assertThat(entries.get(1).agentId()).isEqualTo("1001");
        assertThat(entries.get(1).data()).containsEntry("level", 3);
    }

    @Test
    void timeIsStoredAsUtcWithMilliseconds() throws Exception {
        append("call.started", Map.of());

        assertThat(journal.read(0, 1).get(0).time()).isEqualTo(Instant.parse("2025-03-04T05:06:07.891Z"));
        String stored = database.read(c -> {
            try (var s = c.createStatement(); var r = s.executeQuery("SELECT time FROM core_journal")) {
                r.next();
                return r.getString(1);
            }
        });
        assertThat(stored).isEqualTo("2025-03-04T05:06:07.891Z");
    }

    @Test
    void concurrentAppendsGetGaplessUniqueSeqs() throws Exception {
        List<CompletableFuture<Long>> appends = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            appends.add(journal.append("ivr.node", "c" + i, null, Map.of("node", i)).toCompletableFuture());
        }
        CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertThat(appends.stream().map(CompletableFuture::join))
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
        assertThat(journal.read(0, 1000)).extracting(JournalEntry::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
    }

    @Test
    void aRolledBackAppendLeavesNoGap() throws Exception {
        append("call.started", Map.of());
        // a write that appends and then fails in the same transaction: its seq must be reused
        var failed = database.write(connection -> {
            new JournalRows(new ObjectMapper()).insert(connection, clock.instant(), "x", null, null, "{}");
            throw new java.sql.SQLException("boom");
        }).toCompletableFuture();
        assertThat(failed).failsWithin(Duration.ofSeconds(10));

        assertThat(append("call.ended", Map.of("cause", "NORMAL"))).isEqualTo(2);
    }

    @Test
    void readsAfterACursorAndClampsTheLimit() throws Exception {
        for (int i = 0; i < 5; i++) {
            append("ivr.node", Map.of("node", i));
        }

        assertThat(journal.read(3, 100)).extracting(JournalEntry::seq).containsExactly(4L, 5L);
        assertThat(journal.read(0, 2)).extracting(JournalEntry::seq).containsExactly(1L, 2L);
        assertThat(journal.read(0, 0)).hasSize(1);
        assertThat(journal.read(-7, 5000)).hasSize(5);
        assertThat(journal.read(5, 10)).isEmpty();
    }

    @Test
    void nestedPlainDataRoundTrips() throws Exception {
        Map<String, Object> data = new HashMap<>();
        data.put("menuPath", List.of("lang", "menu", "balance"));
        data.put("verified", true);
        data.put("account", Map.of("masked", "6222********0001"));
        data.put("gone", null);
        append("ivr.selfservice.completed", data);

        JournalEntry entry = journal.read(0, 1).get(0);
        assertThat(entry.data()).doesNotContainKey("gone")
                .containsEntry("menuPath", List.of("lang", "menu", "balance"))
                .containsEntry("verified", true)
                .containsEntry("account", Map.of("masked", "6222********0001"));
    }

    @Test
    void secretKeysAreRefusedBeforeAnythingIsWritten() throws Exception {
        assertThatThrownBy(() -> journal.append("ivr.node", "c1", null, Map.of("PIN", "123456")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'PIN'")
                .hasMessageNotContaining("123456");
        assertThatThrownBy(() -> journal.append("x", null, null, Map.of("form", Map.of("Password", "p"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> journal.append("x", null, null,
                Map.of("cards", List.of(Map.of("cardnumber", "6222020000000001")))))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(database.count("core_journal")).isZero();
    }

    @Test
    void nonPlainValuesAndMissingTypesAreRefused() {
        assertThatThrownBy(() -> journal.append("x", null, null, Map.of("at", Instant.EPOCH)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Instant");
        assertThatThrownBy(() -> journal.append(" ", null, null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullDataIsAnEmptyObject() throws Exception {
        journal.append("call.answered", "c1", null, null).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(journal.read(0, 1).get(0).data()).isEmpty();
    }
}
