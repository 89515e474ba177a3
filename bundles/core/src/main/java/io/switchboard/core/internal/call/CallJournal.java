package io.switchboard.core.internal.call;

import io.switchboard.api.journal.Journal;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Appends call entries to the journal without making a call wait for the disk. */
final class CallJournal {
    private static final Logger LOG = LoggerFactory.getLogger(CallJournal.class);

    private final Journal journal;

    CallJournal(Journal journal) {
        this.journal = journal;
    }

    void append(String type, String callId, Map<String, Object> data) {
        try {
            journal.append(type, callId, null, data).whenComplete((seq, failure) -> {
                if (failure != null) {
                    LOG.error("Journal entry {} of call {} was not written", type, callId, failure);
                }
            });
        } catch (RuntimeException e) {
            LOG.error("Journal entry {} of call {} was refused", type, callId, e);
        }
    }
}
