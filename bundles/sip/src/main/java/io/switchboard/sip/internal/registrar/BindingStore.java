package io.switchboard.sip.internal.registrar;

import java.time.Instant;
import java.util.List;

/** Where bindings are kept across restarts. Writes may complete later; failures are the store's to log. */
public interface BindingStore {

    List<Binding> loadUnexpired(Instant now);

    void save(Binding binding);

    void delete(String user, String contact);

    /** Drops every binding that expired before {@code now}. */
    void deleteExpired(Instant now);
}
