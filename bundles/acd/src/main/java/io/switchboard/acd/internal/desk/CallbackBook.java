package io.switchboard.acd.internal.desk;

import java.util.List;

/** Where call-back requests are kept while their callers are off the line: the ACD's table, or memory in tests. */
public interface CallbackBook {

    /** Inserts or replaces the request with this id. */
    void save(Callback callback);

    /** The requests still to be served (WAITING or DIALLING), oldest request first. */
    List<Callback> open();

    /** The newest requests in any status (for the supervisor), newest first, at most {@code limit}. */
    List<Callback> recent(int limit);
}
