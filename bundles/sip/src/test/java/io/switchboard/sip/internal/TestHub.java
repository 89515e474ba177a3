package io.switchboard.sip.internal;

import io.switchboard.api.call.Cause;
import io.switchboard.api.channel.Channel;
import io.switchboard.api.channel.ChannelException;
import io.switchboard.api.channel.ChannelHub;
import io.switchboard.api.channel.InboundRequest;
import io.switchboard.api.channel.LegSink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test double of core's hub: the dialled number says what "core" does — {@code answer} rings and
 * answers, {@code ring} only rings, {@code 404} has no route. Every sink event is queued as text
 * ({@code leg-1 answered}, {@code leg-1 ended NORMAL}) for the test to await.
 */
public final class TestHub implements ChannelHub {

    public final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    public final List<InboundRequest> offered = new CopyOnWriteArrayList<>();
    public final List<Channel> channels = new CopyOnWriteArrayList<>();
    public volatile boolean accepting = true;
    private final AtomicInteger legs = new AtomicInteger();

    @Override
    public LegSink inbound(InboundRequest request, Channel channel) throws ChannelException {
        if (request.dialled().equals("404")) {
            throw new ChannelException(Cause.NO_ROUTE, "no route for 404");
        }
        offered.add(request);
        channels.add(channel);
        RecordingSink sink = new RecordingSink("leg-" + legs.incrementAndGet(), events);
        channel.ring();
        if (request.dialled().equals("answer")) {
            channel.answer();
        }
        return sink;
    }

    @Override
    public boolean accepting() {
        return accepting;
    }

    /** The next event, waiting up to a ceiling; fails when none comes. */
    public String next(Duration ceiling) throws InterruptedException {
        String event = events.poll(ceiling.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("no leg event within " + ceiling);
        }
        return event;
    }

    /** Waits for an event with this text, skipping others; fails at the ceiling. */
    public String await(String text, Duration ceiling) throws InterruptedException {
        long end = System.nanoTime() + ceiling.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            String event = events.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no '" + text + "' within " + ceiling);
            }
            if (event.contains(text)) {
                return event;
            }
        }
    }

    /** A sink that queues what it hears. */
    public static final class RecordingSink implements LegSink {
        private final String id;
        private final BlockingQueue<String> events;

        public RecordingSink(String id, BlockingQueue<String> events) {
            this.id = id;
            this.events = events;
        }

        @Override public String legId() { return id; }
        @Override public void ringing() { events.add(id + " ringing"); }
        @Override public void early() { events.add(id + " early"); }
        @Override public void answered() { events.add(id + " answered"); }
        @Override public void held(boolean onHold) { events.add(id + " held " + onHold); }
        @Override public void digit(char digit, int durationMs) { events.add(id + " digit " + digit); }
        @Override public void ended(Cause cause) { events.add(id + " ended " + cause); }
    }
}
