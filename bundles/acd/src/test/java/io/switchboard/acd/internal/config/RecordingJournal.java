package io.switchboard.acd.internal.config;

import io.switchboard.api.journal.Journal;
import io.switchboard.api.journal.JournalEntry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A journal that keeps what is appended, as "type data", for assertions. */
public final class RecordingJournal implements Journal {

    public final List<String> entries = new CopyOnWriteArrayList<>();
    public final List<Map<String, Object>> data = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<Long> append(String type, String callId, String agentId, Map<String, Object> data) {
        entries.add(type + " " + data);
        this.data.add(Map.copyOf(data));
        return CompletableFuture.completedFuture((long) entries.size());
    }

    @Override
    public List<JournalEntry> read(long afterSeq, int limit) {
        throw new AssertionError("the code under test read the journal, which this double does not model");
    }
}
