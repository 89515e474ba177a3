package io.switchboard.sip.internal.registrar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Bindings in a map, standing in for the table across a simulated restart. */
final class MemoryBindingStore implements BindingStore {

    final Map<String, Binding> rows = new ConcurrentHashMap<>();

    @Override
    public List<Binding> loadUnexpired(Instant now) {
        return new ArrayList<>(rows.values().stream().filter(b -> b.expires().isAfter(now)).toList());
    }

    @Override
    public void save(Binding binding) {
        rows.put(binding.user() + " " + binding.contact(), binding);
    }

    @Override
    public void delete(String user, String contact) {
        rows.remove(user + " " + contact);
    }

    @Override
    public void deleteExpired(Instant now) {
        rows.values().removeIf(b -> !b.expires().isAfter(now));
    }
}
