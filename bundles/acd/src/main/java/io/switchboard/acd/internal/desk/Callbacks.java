package io.switchboard.acd.internal.desk;

import io.switchboard.acd.internal.routing.RoutingEngine;
import io.switchboard.api.call.CallInfo;
import io.switchboard.api.journal.Journal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call-back requests while their callers are off the line: taken when a waiting caller presses
 * the key (or a queue's fallback makes one), waiting in the routing engine at the caller's old
 * place, placed as a call when an agent is chosen, retried when nobody answers, and kept in the
 * {@link CallbackBook} so an update or a restart loses none. The desk's monitor guards it.
 */
final class Callbacks {

    private static final Logger LOG = LoggerFactory.getLogger(Callbacks.class);
    /** A number the trunk can dial: digits with an optional leading '+'. */
    private static final Pattern DIALABLE = Pattern.compile("\\+?[0-9]{3,20}");

    private final CallbackBook book;
    private final CallbackPolicy policy;
    private final RoutingEngine engine;
    private final Timers timers;
    private final Journal journal;
    private final Clock clock;
    private final Consumer<String> waitingAgain;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Callback> open = new HashMap<>();
    private final Map<String, Timers.Timer> retries = new HashMap<>();

    /** @param waitingAgain told the routing key of a request back in its queue, to route it */
    Callbacks(CallbackBook book, CallbackPolicy policy, RoutingEngine engine, Timers timers, Journal journal, Clock clock,
              Consumer<String> waitingAgain) {
        this.book = book;
        this.policy = policy;
        this.engine = engine;
        this.timers = timers;
        this.journal = journal;
        this.clock = clock;
        this.waitingAgain = waitingAgain;
    }

    CallbackPolicy policy() {
        return policy;
    }

    static boolean isKey(String routingKey) {
        return routingKey.startsWith(Callback.KEY_PREFIX);
    }

    static boolean dialable(String number) {
        return number != null && DIALABLE.matcher(number).matches();
    }

    Optional<Callback> forKey(String routingKey) {
        return Optional.ofNullable(open.get(routingKey.substring(Callback.KEY_PREFIX.length())));
    }

    Optional<Callback> get(String callbackId) {
        return Optional.ofNullable(callbackId == null ? null : open.get(callbackId));
    }

    /**
     * The caller of a waiting call is to be called back: the request takes the call's place in
     * the routing engine (the call itself leaves the queue).
     *
     * @param reason {@code caller} (pressed the key), {@code max-wait}, {@code no-agents} or {@code closed}
     */
    Callback request(CallInfo call, CallEntry entry, String reason) {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        Instant now = clock.instant();
        Callback callback = new Callback(HexFormat.of().formatHex(bytes), entry.queue(), entry.customerClass(),
                entry.priority(), entry.enqueuedAt(), call.caller(), call.id(), call.attached(), now, 0, null,
                Callback.Status.WAITING, null);
        open.put(callback.id(), callback);
        book.save(callback);
        engine.remove(call.id());
        engine.enqueueCallback(callback.routingKey(), callback.queue(), callback.priority(), callback.enqueuedAt());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("callbackId", callback.id());
        data.put("queue", callback.queue());
        data.put("reason", reason);
        data.put("waitSeconds", Duration.between(entry.enqueuedAt(), now).toSeconds());
        journal.append("acd.callback.requested", call.id(), null, data);
        return callback;
    }

    /** A call is being placed for the request (its agent is reserved). */
    Callback dialling(Callback callback, String callId, String agentId) {
        Callback dialling = callback.dialling(callId);
        open.put(dialling.id(), dialling);
        book.save(dialling);
        journal.append("acd.callback.dialled", callId, agentId, Map.of("callbackId", callback.id(), "queue",
                callback.queue(), "attempt", dialling.attempts()));
        return dialling;
    }

    /** The customer answered: from here the call is an ordinary ACD call. */
    void reached(String callbackId, String callId) {
        Callback callback = open.remove(callbackId);
        if (callback != null) {
            book.save(callback.finished(Callback.Status.DONE));
            journal.append("acd.callback.reached", callId, null, Map.of("callbackId", callbackId, "queue",
                    callback.queue(), "attempt", callback.attempts()));
        }
    }

    /** The call-back call ended before the customer answered (or could not be placed): try again later, or give up. */
    void attemptFailed(String callbackId, String callId, String cause) {
        Callback callback = open.get(callbackId);
        if (callback == null) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("callbackId", callbackId);
        data.put("queue", callback.queue());
        data.put("attempt", callback.attempts());
        data.put("cause", cause);
        if (callback.attempts() >= policy.attempts()) {
            open.remove(callbackId);
            book.save(callback.finished(Callback.Status.FAILED));
            journal.append("acd.callback.failed", callId, null, data);
            return;
        }
        Callback retry = callback.retryAt(clock.instant().plus(policy.retryAfter()));
        open.put(callbackId, retry);
        book.save(retry);
        data.put("retryAt", retry.notBefore().toString());
        journal.append("acd.callback.noanswer", callId, null, data);
        waitFor(retry);
    }

    /**
     * After the bundle (re)starts: every open request waits again at its place, except those
     * whose call-back call is still up (its call's own state carries on).
     */
    void resume(Set<String> liveCalls) {
        for (Callback callback : book.open()) {
            if (callback.status() == Callback.Status.DIALLING && liveCalls.contains(callback.callId())) {
                open.put(callback.id(), callback);
                continue;
            }
            Callback waiting = callback.status() == Callback.Status.DIALLING
                    ? callback.retryAt(clock.instant()) : callback;
            open.put(waiting.id(), waiting);
            if (waiting != callback) {
                book.save(waiting);
            }
            waitFor(waiting);
        }
        if (!open.isEmpty()) {
            LOG.info("{} call-back requests carried on", open.size());
        }
    }

    List<Callback> all() {
        return List.copyOf(open.values());
    }

    private void waitFor(Callback callback) {
        Instant now = clock.instant();
        if (callback.notBefore() == null || !callback.notBefore().isAfter(now)) {
            requeue(callback);
            return;
        }
        Timers.Timer previous = retries.put(callback.id(), timers.at(callback.notBefore(), () -> {
            retries.remove(callback.id());
            Callback current = open.get(callback.id());
            if (current != null && current.status() == Callback.Status.WAITING) {
                requeue(current);
            }
        }));
        if (previous != null) {
            previous.cancel();
        }
    }

    private void requeue(Callback callback) {
        if (engine.position(callback.routingKey()) > 0) {
            return;
        }
        try {
            engine.enqueueCallback(callback.routingKey(), callback.queue(), callback.priority(), callback.enqueuedAt());
        } catch (IllegalArgumentException e) {
            LOG.warn("Call-back request {} waits for queue '{}', which is gone; it is given up", callback.id(),
                    callback.queue());
            open.remove(callback.id());
            book.save(callback.finished(Callback.Status.FAILED));
            return;
        }
        waitingAgain.accept(callback.routingKey());
    }
}
