package io.switchboard.sip.internal.registrar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The location service: bindings per user, with expiry in [min, max] (RFC 3261 §10.3). Held in
 * memory for lookups on every outbound call and written through to a {@link BindingStore} so a
 * restart keeps them until they expire. Guarded by {@code this}.
 */
public final class Registrar {

    /** Contacts kept per user; a device registering more loses its oldest (bounds memory). */
    static final int MAX_CONTACTS_PER_USER = 10;

    /** Expiry when the REGISTER names none. */
    static final int DEFAULT_EXPIRES = 3600;

    private final Clock clock;
    private final BindingStore store;
    private volatile int minExpires;
    private volatile int maxExpires;
    private final Map<String, Map<String, Binding>> byUser = new HashMap<>();

    public Registrar(Clock clock, BindingStore store, int minExpires, int maxExpires) {
        this.clock = clock;
        this.store = store;
        limits(minExpires, maxExpires);
        for (Binding binding : store.loadUnexpired(clock.instant())) {
            byUser.computeIfAbsent(binding.user(), u -> new LinkedHashMap<>()).put(binding.contact(), binding);
        }
    }

    public void limits(int min, int max) {
        this.minExpires = min;
        this.maxExpires = Math.max(min, max);
    }

    /**
     * Applies a REGISTER that passed authentication.
     *
     * @param wildcard      the request had {@code Contact: *}
     * @param headerExpires the Expires header, or -1
     */
    public synchronized RegisterResult register(String user, List<ContactUpdate> contacts, boolean wildcard,
                                                int headerExpires, String callId, long cseq, String source,
                                                String transport) {
        Instant now = clock.instant();
        Map<String, Binding> bindings = byUser.computeIfAbsent(user, u -> new LinkedHashMap<>());
        if (wildcard) {
            if (!contacts.isEmpty() || headerExpires != 0) {
                return new RegisterResult.Invalid("Contact: * needs Expires: 0 and no other contact");
            }
            bindings.keySet().forEach(contact -> store.delete(user, contact));
            bindings.clear();
            return new RegisterResult.Accepted(List.of());
        }
        for (ContactUpdate update : contacts) {
            int expires = update.expires() >= 0 ? update.expires()
                    : headerExpires >= 0 ? headerExpires : DEFAULT_EXPIRES;
            if (expires > 0 && expires < minExpires) {
                return new RegisterResult.TooBrief(minExpires);
            }
        }
        for (ContactUpdate update : contacts) {
            int expires = update.expires() >= 0 ? update.expires()
                    : headerExpires >= 0 ? headerExpires : DEFAULT_EXPIRES;
            Binding existing = bindings.get(update.uri());
            if (existing != null && existing.callId().equals(callId) && cseq <= existing.cseq()) {
                continue; // an old retransmission overtaken by a newer REGISTER
            }
            if (expires == 0) {
                if (bindings.remove(update.uri()) != null) {
                    store.delete(user, update.uri());
                }
                continue;
            }
            Binding binding = new Binding(user, update.uri(), transport, source, callId, cseq,
                    now.plus(Duration.ofSeconds(Math.min(expires, maxExpires))));
            if (!bindings.containsKey(update.uri()) && bindings.size() >= MAX_CONTACTS_PER_USER) {
                Binding oldest = bindings.values().stream().min(Comparator.comparing(Binding::expires)).orElseThrow();
                bindings.remove(oldest.contact());
                store.delete(user, oldest.contact());
            }
            bindings.put(update.uri(), binding);
            store.save(binding);
        }
        return new RegisterResult.Accepted(live(user, now));
    }

    /** The user's unexpired bindings, newest registration first. */
    public synchronized List<Binding> lookup(String user) {
        return live(user, clock.instant());
    }

    /** Every user's unexpired bindings. */
    public synchronized Map<String, List<Binding>> all() {
        Instant now = clock.instant();
        Map<String, List<Binding>> result = new HashMap<>();
        for (String user : byUser.keySet()) {
            List<Binding> live = live(user, now);
            if (!live.isEmpty()) {
                result.put(user, live);
            }
        }
        return result;
    }

    public synchronized void forget(String user) {
        byUser.remove(user);
    }

    /** Drops expired bindings from memory and the store; run now and then. */
    public synchronized void purge() {
        Instant now = clock.instant();
        byUser.values().forEach(b -> b.values().removeIf(binding -> !binding.expires().isAfter(now)));
        byUser.values().removeIf(Map::isEmpty);
        store.deleteExpired(now);
    }

    private List<Binding> live(String user, Instant now) {
        Map<String, Binding> bindings = byUser.get(user);
        if (bindings == null) {
            return List.of();
        }
        List<Binding> result = new ArrayList<>();
        for (Binding binding : bindings.values()) {
            if (binding.expires().isAfter(now)) {
                result.add(binding);
            }
        }
        result.sort(Comparator.comparing(Binding::expires).reversed());
        return result;
    }
}
