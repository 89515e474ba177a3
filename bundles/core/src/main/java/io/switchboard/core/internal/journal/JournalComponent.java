package io.switchboard.core.internal.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.journal.Journal;
import io.switchboard.api.journal.JournalEntry;
import io.switchboard.store.api.Database;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Registers the {@link Journal} once core's tables exist; all state is in the database. */
@Component(service = Journal.class)
public final class JournalComponent implements Journal {

    private final JournalStore store;

    @Activate
    public JournalComponent(@Reference(target = "(" + Database.SCHEMA + "=io.switchboard.core)") Database database) {
        this.store = new JournalStore(database, Clock.systemUTC(), new JournalRows(new ObjectMapper()));
    }

    @Override
    public CompletionStage<Long> append(String type, String callId, String agentId, Map<String, Object> data) {
        return store.append(type, callId, agentId, data);
    }

    @Override
    public List<JournalEntry> read(long afterSeq, int limit) {
        return store.read(afterSeq, limit);
    }
}
