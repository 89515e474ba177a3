package io.switchboard.acd.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each agent's live event stream (Server-Sent Events): {@code offered}, {@code connected} (with
 * the screen pop), {@code ended}, {@code state}. A subscriber is a writer onto an open HTTP
 * response; one that fails to take an event is dropped. A comment line every 15 s keeps proxies
 * from closing idle streams and finds dead ones.
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

    private static final Logger LOG = LoggerFactory.getLogger(AgentEvents.class);
    private static final long KEEPALIVE_SECONDS = 15;

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> keepalive;

    public AgentEvents(ScheduledExecutorService timer) {
        keepalive = timer.scheduleAtFixedRate(() -> broadcast(": keep-alive\n\n"), KEEPALIVE_SECONDS, KEEPALIVE_SECONDS,
                TimeUnit.SECONDS);
    }

    public void subscribe(String agentId, Subscriber subscriber) {
        subscribers.computeIfAbsent(agentId, id -> new CopyOnWriteArrayList<>()).add(subscriber);
    }

    public void unsubscribe(String agentId, Subscriber subscriber) {
        List<Subscriber> list = subscribers.get(agentId);
        if (list != null) {
            list.remove(subscriber);
        }
    }

    /** Sends one event to every stream of the agent. */
    public void publish(String agentId, String event, Map<String, Object> data) {
        List<Subscriber> list = subscribers.get(agentId);
        if (list == null || list.isEmpty()) {
            return;
        }
        String frame;
        try {
            frame = "event: " + event + "\ndata: " + mapper.writeValueAsString(data) + "\n\n";
        } catch (JsonProcessingException e) {
            LOG.warn("Event {} for agent {} cannot be written as JSON", event, agentId, e);
            return;
        }
        for (Subscriber subscriber : list) {
            deliver(agentId, subscriber, frame);
        }
    }

    void close() {
        keepalive.cancel(false);
        subscribers.values().forEach(list -> list.forEach(Subscriber::close));
        subscribers.clear();
    }

    private void broadcast(String frame) {
        subscribers.forEach((agentId, list) -> list.forEach(subscriber -> deliver(agentId, subscriber, frame)));
    }

    private void deliver(String agentId, Subscriber subscriber, String frame) {
        try {
            subscriber.send(frame);
        } catch (IOException | RuntimeException e) {
            unsubscribe(agentId, subscriber);
            subscriber.close();
        }
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
