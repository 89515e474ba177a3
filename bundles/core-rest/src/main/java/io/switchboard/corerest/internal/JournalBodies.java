package io.switchboard.corerest.internal;

import io.switchboard.api.journal.JournalEntry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** The JSON of {@code GET /journal}: {@code time} as ISO-8601 UTC with exactly three fraction digits. */
final class JournalBodies {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    record EntryBody(long seq, String time, String type, String callId, String agentId, Map<String, Object> data) {
    }

    private JournalBodies() {
    }

    static List<EntryBody> of(List<JournalEntry> entries) {
        return entries.stream().map(JournalBodies::of).toList();
    }

    static EntryBody of(JournalEntry e) {
        return new EntryBody(e.seq(), time(e.time()), e.type(), e.callId(), e.agentId(), e.data());
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }
}
