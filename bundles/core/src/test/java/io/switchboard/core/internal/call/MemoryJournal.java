package io.switchboard.core.internal.call;

import io.switchboard.api.journal.Journal;
import io.switchboard.api.journal.JournalEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The journal contract in memory, for the engine's tests; the SQLite journal has its own. */
final class MemoryJournal implements Journal {
    private final List<JournalEntry> entries = new ArrayList<>();

    @Override
    public synchronized CompletionStage<Long> append(String type, String callId, String agentId,
            Map<String, Object> data) {
        long seq = entries.size() + 1;
        entries.add(new JournalEntry(seq, Instant.EPOCH, type, callId, agentId, data));
        return CompletableFuture.completedFuture(seq);
    }

    @Override
    public synchronized List<JournalEntry> read(long afterSeq, int limit) {
        return List.copyOf(entries.subList((int) Math.min(afterSeq, entries.size()),
                (int) Math.min(afterSeq + limit, entries.size())));
    }

    synchronized List<JournalEntry> all() {
        return List.copyOf(entries);
    }
}
