package io.switchboard.acd.internal.desk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Call-back requests in memory, standing in for the ACD's table; it outlives a desk like the table does. */
final class MemoryCallbackBook implements CallbackBook {

    final Map<String, Callback> saved = new LinkedHashMap<>();

    @Override
    public void save(Callback callback) {
        saved.put(callback.id(), callback);
    }

    @Override
    public List<Callback> open() {
        return saved.values().stream().filter(Callback::open).sorted(Comparator.comparing(Callback::requestedAt)).toList();
    }

    @Override
    public List<Callback> recent(int limit) {
        List<Callback> all = new ArrayList<>(saved.values());
        all.sort(Comparator.comparing(Callback::requestedAt).reversed());
        return all.subList(0, Math.min(limit, all.size()));
    }

    Callback only() {
        if (saved.size() != 1) {
            throw new AssertionError("expected one call-back request, saved: " + saved.values());
        }
        return saved.values().iterator().next();
    }
}
