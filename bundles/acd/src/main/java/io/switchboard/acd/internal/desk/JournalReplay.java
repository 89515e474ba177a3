package io.switchboard.acd.internal.desk;

import io.switchboard.api.journal.Journal;
import io.switchboard.api.journal.JournalEntry;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the journal back from a point in time. The journal is read only forward from a sequence
 * number, so the first entry at or after that time is found by a binary search over sequence
 * numbers (entries' times grow with their sequence numbers, as far as the clock allows): about
 * 2·log2(n) one-entry reads, then pages from there to the end.
 *
 * <p>Stateless; runs on the caller's thread.
 */
public final class JournalReplay {

    /** Entries per read; the journal's own ceiling. */
    static final int PAGE = 1000;

    private JournalReplay() {
    }

    /**
     * Hands every entry from {@code from} on to {@code consumer}, oldest first.
     *
     * @return how many entries were handed on
     * @throws IllegalStateException when the journal cannot be read
     */
    public static long replay(Journal journal, Instant from, Consumer<JournalEntry> consumer) {
        long after = cursorBefore(journal, from);
        long count = 0;
        while (true) {
            List<JournalEntry> page = journal.read(after, PAGE);
            if (page.isEmpty()) {
                return count;
            }
            for (JournalEntry entry : page) {
                consumer.accept(entry);
                after = entry.seq();
            }
            count += page.size();
        }
    }

    /** The largest cursor ({@code afterSeq}) whose next entry is the first at or after {@code from}, or the end. */
    static long cursorBefore(Journal journal, Instant from) {
        if (reaches(journal, 0, from)) {
            return 0;
        }
        long before = 0; // the entry after it is older than `from`
        long at = 1;
        while (!reaches(journal, at, from)) {
            before = at;
            at = Math.multiplyExact(at, 2);
        }
        while (at - before > 1) { // reaches(before) is false, reaches(at) is true
            long middle = before + (at - before) / 2;
            if (reaches(journal, middle, from)) {
                at = middle;
            } else {
                before = middle;
            }
        }
        return at;
    }

    /** Whether the entry after {@code cursor} is at or after {@code from}, or there is none. */
    private static boolean reaches(Journal journal, long cursor, Instant from) {
        List<JournalEntry> next = journal.read(cursor, 1);
        return next.isEmpty() || !next.get(0).time().isBefore(from);
    }
}
