package io.switchboard.api.journal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The append-only, sequenced record of every call, agent and IVR event; provided by core.
 * Consumers (reports, recording index, alarms) read it with a cursor they store themselves, so a
 * consumer that was stopped or upgraded misses nothing and counts nothing twice.
 */
@ProviderType
public interface Journal {

    /**
     * Appends an entry; the caller's secrets must already be gone from {@code data}.
     *
     * @return completes with the entry's sequence number once it is durable
     */
    CompletionStage<Long> append(String type, String callId, String agentId, Map<String, Object> data);

    /** Entries after {@code afterSeq}, oldest first, at most {@code limit} (1-1000). */
    List<JournalEntry> read(long afterSeq, int limit);
}
