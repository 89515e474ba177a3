package io.switchboard.acd.internal.rest;

import io.switchboard.acd.internal.AgentDesk;
import io.switchboard.acd.internal.AgentEvents;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/acd/agents/{id}/events}: the agent's live stream (Server-Sent Events) —
 * {@code state} first with the current state, then {@code offered}, {@code connected} (with the
 * screen pop), {@code ended} and {@code state} as they happen. For the agent itself, a supervisor
 * or an admin.
 */
@Component(service = AgentSubresource.class, property = AgentSubresource.NAME + "=events")
public final class AgentEventsResource implements AgentSubresource {

    private static final List<String> SUPERVISING = List.of("admin", "supervisor");

    private final AgentDesk desk;
    private final Json json = new Json();

    @Activate
    public AgentEventsResource(@Reference AgentDesk desk) {
        this.desk = desk;
    }

    @Override
    public void serve(String agentId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (!"GET".equals(request.getMethod())) {
                throw ApiServlet.notAllowed(request.getMethod(), "GET", response);
            }
            if (!Roles.isAgentItself(request, agentId) && !Roles.any(request, SUPERVISING)) {
                throw Roles.forbidden(SUPERVISING, "watch another agent's events");
            }
        } catch (ApiException e) {
            json.error(response, e);
            return;
        }
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        PrintWriter writer = response.getWriter();
        AgentEvents events = desk.events();
        AgentEvents.Subscriber subscriber = AgentEvents.onto(new CheckedWriter(writer), () -> complete(async));
        async.addListener(new Unsubscribe(events, agentId, subscriber));
        events.subscribe(agentId, subscriber);
        events.publish(agentId, "state", AgentStateResource.body(desk.agentStatus(agentId)));
    }

    private static void complete(AsyncContext async) {
        try {
            async.complete();
        } catch (IllegalStateException e) {
            // already completed: the client went away
        }
    }

    /** A PrintWriter swallows errors; this one turns them into IOExceptions so dead streams are dropped. */
    private static final class CheckedWriter extends java.io.Writer {
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

    private record Unsubscribe(AgentEvents events, String agentId, AgentEvents.Subscriber subscriber) implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            events.unsubscribe(agentId, subscriber);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            events.unsubscribe(agentId, subscriber);
        }

        @Override
        public void onError(AsyncEvent event) {
            events.unsubscribe(agentId, subscriber);
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // nothing to do
        }
    }
}
