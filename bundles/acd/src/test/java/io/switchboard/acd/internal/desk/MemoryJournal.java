package io.switchboard.acd.internal.desk;

import io.switchboard.api.journal.Journal;
import io.switchboard.api.journal.JournalEntry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The journal as core keeps it, in memory: entries numbered from 1 without gaps, timed by the
 * test's clock, null values dropped, read forward from a sequence number at most 1000 at a time.
 * Counts its reads, so a test can see how much a replay costs.
 */
final class MemoryJournal implements Journal {

    private final Clock clock;
    final List<JournalEntry> entries = new ArrayList<>();
    int reads;

    MemoryJournal(Clock clock) {
        this.clock = clock;
    }

    @Override
    public CompletionStage<Long> append(String type, String callId, String agentId, Map<String, Object> data) {
        Map<String, Object> plain = new HashMap<>();
        data.forEach((key, value) -> {
            if (value != null) {
                plain.put(key, value);
            }
        });
        long seq = entries.size() + 1;
        entries.add(new JournalEntry(seq, clock.instant(), type, callId, agentId, plain));
        return CompletableFuture.completedFuture(seq);
    }

    @Override
    public List<JournalEntry> read(long afterSeq, int limit) {
        reads++;
        int from = (int) Math.min(Math.max(0, afterSeq), entries.size());
        int to = Math.min(entries.size(), from + Math.max(1, Math.min(1000, limit)));
        return List.copyOf(entries.subList(from, to));
    }
}
