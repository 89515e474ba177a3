package io.switchboard.acd.internal.rest;

import io.switchboard.acd.internal.AgentEvents;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.function.Supplier;

/**
 * Turns a request into an open Server-Sent Events stream under one key of {@link AgentEvents}:
 * headers, an async context without timeout, a subscriber that leaves when the client does, and
 * a first event for this stream only. The caller has checked the method and the roles. The
 * servlet must be registered with async support.
 */
final class SseResponse {

    private SseResponse() {
    }

    /**
     * @param firstEvent the name of the first event
     * @param first      its data, made after subscribing, so no change between the two is lost
     */
    static void open(HttpServletRequest request, HttpServletResponse response, AgentEvents events, String key,
                     String firstEvent, Supplier<Object> first) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        AgentEvents.Subscriber subscriber = AgentEvents.onto(new CheckedWriter(response.getWriter()), () -> complete(async));
        async.addListener(new Unsubscribe(events, key, subscriber));
        events.subscribe(key, subscriber);
        events.send(key, subscriber, firstEvent, first.get());
    }

    private static void complete(AsyncContext async) {
        try {
            async.complete();
        } catch (IllegalStateException e) {
            // already completed: the client went away
        }
    }

    /** A PrintWriter swallows errors; this one turns them into IOExceptions so dead streams are dropped. */
    private static final class CheckedWriter extends Writer {
        private final PrintWriter writer;

        CheckedWriter(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            writer.write(buffer, offset, length);
            check();
        }

        @Override
        public void flush() throws IOException {
            writer.flush();
            check();
        }

        @Override
        public void close() {
            writer.close();
        }

        private void check() throws IOException {
            if (writer.checkError()) {
                throw new IOException("the event stream's client went away");
            }
        }
    }

    /** Leaves the stream when the response is done, for whatever reason. */
    private record Unsubscribe(AgentEvents events, String key, AgentEvents.Subscriber subscriber) implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            events.unsubscribe(key, subscriber);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            events.unsubscribe(key, subscriber);
        }

        @Override
        public void onError(AsyncEvent event) {
            events.unsubscribe(key, subscriber);
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // nothing to do
        }
    }
}
