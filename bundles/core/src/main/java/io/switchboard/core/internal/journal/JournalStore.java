package io.switchboard.core.internal.journal;

import io.switchboard.api.journal.Journal;
import io.switchboard.api.journal.JournalEntry;
import io.switchboard.core.internal.data.PlainData;
import io.switchboard.store.api.Database;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The journal over the store's {@link Database}. Appends go through {@link Database#write}, so
 * the store commits many of them in one transaction; the seq and the time are taken inside that
 * writer, which keeps seq gapless and time in seq order (as far as the clock allows).
 *
 * <p>Thread-safe: it holds only immutable collaborators.
 */
public final class JournalStore implements Journal {

    /** Most entries one read returns; the contract's ceiling for {@code GET /journal}. */
    public static final int MAX_LIMIT = 1000;

    private final Database database;
    private final Clock clock;
    private final JournalRows rows;

    public JournalStore(Database database, Clock clock, JournalRows rows) {
        this.database = database;
        this.clock = clock;
        this.rows = rows;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Callers mask secrets before they get here. The data is checked on the caller's thread,
     * and a key named {@code pin}, {@code password} or {@code cardNumber} (any case, any depth),
     * or a value that is not plain data, is refused with an {@link IllegalArgumentException}
     * before anything is queued. Null values are dropped.
     *
     * <p>The stage completes on the store's writer thread: attach only quick, non-blocking work
     * to it, or use the {@code *Async} variants.
     */
    @Override
    public CompletionStage<Long> append(String type, String callId, String agentId, Map<String, Object> data) {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("a journal entry needs a type");
        }
        String json = rows.toJson(PlainData.checked(data, "journal data"));
        return database.write(connection -> rows.insert(connection, clock.instant(), type, callId, agentId, json));
    }

    /** {@inheritDoc} A {@code limit} outside 1-1000 is clamped into it; a negative {@code afterSeq} reads from the start. */
    @Override
    public List<JournalEntry> read(long afterSeq, int limit) {
        long after = Math.max(0, afterSeq);
        int clamped = Math.max(1, Math.min(MAX_LIMIT, limit));
        try {
            return database.read(connection -> rows.after(connection, after, clamped));
        } catch (SQLException e) {
            // Journal.read declares no checked exception; readers treat this as "try again later"
            throw new IllegalStateException("the journal could not be read after seq " + after, e);
        }
    }
}
