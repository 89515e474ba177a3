package io.switchboard.acd.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ACD's live event streams (Server-Sent Events), each under a key: an agent's id for that
 * agent's stream ({@code offered}, {@code connected} with the screen pop, {@code ended},
 * {@code state}), and {@link #CENTRE} for the supervisors' stream of {@code status} snapshots.
 * A subscriber is a writer onto an open HTTP response; one that fails to take an event is
 * dropped. A comment line every 15 s on every stream keeps proxies from closing idle streams and
 * finds dead ones.
 *
 * <p>Frames are made by the publisher (under the ACD's lock, so they show one moment) and written
 * by the {@code delivery} executor, in order, so a client that stops reading can delay other
 * streams but never the calls.
 *
 * <p>Thread-safe: events are published from the ACD's threads, subscribers come and go on HTTP threads.
 */
public final class AgentEvents {

    /** One open stream. */
    public interface Subscriber {
        /** Writes and flushes; an IOException drops the subscriber. */
        void send(String frame) throws IOException;

        /** Ends the stream (the ACD is stopping). */
        void close();
    }

    /** The key of the supervisors' stream; no agent id can be it (ids are letters and digits). */
    public static final String CENTRE = "#centre";

    private static final Logger LOG = LoggerFactory.getLogger(AgentEvents.class);
    private static final long KEEPALIVE_SECONDS = 15;

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> keepalive;
    private final Executor delivery;

    /** @param delivery writes frames to the streams; one thread, so each stream gets its events in order */
    public AgentEvents(ScheduledExecutorService timer, Executor delivery) {
        this.delivery = delivery;
        keepalive = timer.scheduleAtFixedRate(() -> broadcast(": keep-alive\n\n"), KEEPALIVE_SECONDS, KEEPALIVE_SECONDS,
                TimeUnit.SECONDS);
    }

    /** @param key an agent's id, or {@link #CENTRE} */
    public void subscribe(String key, Subscriber subscriber) {
        subscribers.computeIfAbsent(key, id -> new CopyOnWriteArrayList<>()).add(subscriber);
    }

    public void unsubscribe(String key, Subscriber subscriber) {
        List<Subscriber> list = subscribers.get(key);
        if (list != null) {
            list.remove(subscriber);
        }
    }

    /** Whether any stream is open under the key: a costly event need not be made for nobody. */
    public boolean watched(String key) {
        List<Subscriber> list = subscribers.get(key);
        return list != null && !list.isEmpty();
    }

    /** Sends one event to every stream under the key; {@code data} is written as JSON. */
    public void publish(String key, String event, Object data) {
        List<Subscriber> list = subscribers.get(key);
        if (list == null || list.isEmpty()) {
            return;
        }
        String frame = frame(key, event, data);
        if (frame != null) {
            for (Subscriber subscriber : list) {
                deliver(key, subscriber, frame);
            }
        }
    }

    /** Sends one event to one stream only (a stream's first event, while the others need none). */
    public void send(String key, Subscriber subscriber, String event, Object data) {
        String frame = frame(key, event, data);
        if (frame != null) {
            deliver(key, subscriber, frame);
        }
    }

    void close() {
        keepalive.cancel(false);
        subscribers.values().forEach(list -> list.forEach(Subscriber::close));
        subscribers.clear();
    }

    private String frame(String key, String event, Object data) {
        try {
            return "event: " + event + "\ndata: " + mapper.writeValueAsString(data) + "\n\n";
        } catch (JsonProcessingException e) {
            LOG.warn("Event {} for stream {} cannot be written as JSON", event, key, e);
            return null;
        }
    }

    private void broadcast(String frame) {
        subscribers.forEach((key, list) -> list.forEach(subscriber -> deliver(key, subscriber, frame)));
    }

    private void deliver(String key, Subscriber subscriber, String frame) {
        delivery.execute(() -> {
            try {
                subscriber.send(frame);
            } catch (IOException | RuntimeException e) {
                unsubscribe(key, subscriber);
                subscriber.close();
            }
        });
    }

    /** A subscriber writing to a response's writer (flushed per event). */
    public static Subscriber onto(Writer writer, Runnable complete) {
        return new Subscriber() {
            @Override
            public void send(String frame) throws IOException {
                synchronized (writer) {
                    writer.write(frame);
                    writer.flush();
                }
            }

            @Override
            public void close() {
                complete.run();
            }
        };
    }
}
