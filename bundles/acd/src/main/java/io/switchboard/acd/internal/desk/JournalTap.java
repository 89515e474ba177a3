package io.switchboard.acd.internal.desk;

import io.switchboard.api.journal.Journal;
import io.switchboard.api.journal.JournalEntry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal as the ACD writes to it, with a listener that sees every entry this bundle appends,
 * right after it is handed to the journal: how the supervisors' numbers follow the desk without
 * the desk knowing about them. Reads go straight to the journal.
 *
 * <p>Thread-safe as far as its listener is: it calls the listener on the appending thread.
 */
public final class JournalTap implements Journal {

    /** Hears each entry appended through the tap. */
    @FunctionalInterface
    public interface Listener {
        void appended(String type, String callId, String agentId, Map<String, Object> data);
    }

    private static final Logger LOG = LoggerFactory.getLogger(JournalTap.class);

    private final Journal journal;
    private final Listener listener;

    public JournalTap(Journal journal, Listener listener) {
        this.journal = journal;
        this.listener = listener;
    }

    /** Appends, then tells the listener; an entry the journal refuses is not heard, and a failing listener never fails the append. */
    @Override
    public CompletionStage<Long> append(String type, String callId, String agentId, Map<String, Object> data) {
        CompletionStage<Long> stage = journal.append(type, callId, agentId, data);
        try {
            listener.appended(type, callId, agentId, data);
        } catch (RuntimeException e) {
            LOG.warn("Journal entry {} of call {} was not counted for the supervisors' view", type, callId, e);
        }
        return stage;
    }

    @Override
    public List<JournalEntry> read(long afterSeq, int limit) {
        return journal.read(afterSeq, limit);
    }
}
