package io.switchboard.acd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The event streams: agents' streams and the supervisors' centre stream side by side. */
class AgentEventsTest {

    private final CapturingScheduler scheduler = new CapturingScheduler();
    private final AgentEvents events = new AgentEvents(scheduler.proxy, Runnable::run);

    /** A stream that keeps its frames, and can be made to fail like a client that went away. */
    private static final class Stream implements AgentEvents.Subscriber {
        final List<String> frames = new ArrayList<>();
        boolean broken;
        boolean closed;

        @Override
        public void send(String frame) throws IOException {
            if (broken) {
                throw new IOException("gone");
            }
            frames.add(frame);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void theCentreStreamAndAnAgentsStreamEachGetOnlyTheirOwnEvents() {
        Stream agent = new Stream();
        Stream supervisor = new Stream();
        events.subscribe("1001", agent);
        events.subscribe(AgentEvents.CENTRE, supervisor);

        events.publish("1001", "state", Map.of("state", "READY"));
        events.publish(AgentEvents.CENTRE, "status", new Snapshot("2026-11-23T09:00:00Z", null));

        assertThat(agent.frames).containsExactly("event: state\ndata: {\"state\":\"READY\"}\n\n");
        assertThat(supervisor.frames).containsExactly(
                "event: status\ndata: {\"time\":\"2026-11-23T09:00:00Z\",\"note\":null}\n\n");
    }

    @Test
    void everyStreamGetsTheKeepAliveEvery15Seconds() {
        Stream agent = new Stream();
        Stream supervisor = new Stream();
        events.subscribe("1001", agent);
        events.subscribe(AgentEvents.CENTRE, supervisor);

        assertThat(scheduler.periods()).containsExactly("15 SECONDS");
        scheduler.runPeriodic();

        assertThat(agent.frames).containsExactly(": keep-alive\n\n");
        assertThat(supervisor.frames).containsExactly(": keep-alive\n\n");
    }

    @Test
    void aFirstEventGoesToTheNewStreamOnly() {
        Stream first = new Stream();
        Stream second = new Stream();
        events.subscribe(AgentEvents.CENTRE, first);
        events.subscribe(AgentEvents.CENTRE, second);

        events.send(AgentEvents.CENTRE, second, "status", Map.of("n", 1));

        assertThat(first.frames).isEmpty();
        assertThat(second.frames).containsExactly("event: status\ndata: {\"n\":1}\n\n");
    }

    @Test
    void aStreamWhoseClientWentAwayIsDroppedAndNobodyWatchesThen() {
        Stream gone = new Stream();
        events.subscribe(AgentEvents.CENTRE, gone);
        assertThat(events.watched(AgentEvents.CENTRE)).isTrue();
        assertThat(events.watched("1001")).isFalse();

        gone.broken = true;
        events.publish(AgentEvents.CENTRE, "status", Map.of());

        assertThat(gone.closed).isTrue();
        assertThat(events.watched(AgentEvents.CENTRE)).isFalse();
    }

    private record Snapshot(String time, String note) {
    }
}
