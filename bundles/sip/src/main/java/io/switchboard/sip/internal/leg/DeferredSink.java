package io.switchboard.sip.internal.leg;

import io.switchboard.api.call.Cause;
import io.switchboard.api.channel.LegSink;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for core's sink of an inbound leg until {@code ChannelHub.inbound} has returned it:
 * core may drive the channel (and the far end react) before then. Events are kept and replayed in
 * order on {@link #attach}; {@code ended} is passed on once. Used only on the leg's strand.
 */
final class DeferredSink {

    private static final Logger LOG = LoggerFactory.getLogger(DeferredSink.class);

    private final String name;
    private LegSink target;
    private List<Consumer<LegSink>> pending = new ArrayList<>();
    private boolean ended;

    DeferredSink(String name) {
        this.name = name;
    }

    DeferredSink(String name, LegSink target) {
        this(name);
        this.target = target;
    }

    void attach(LegSink sink) {
        target = sink;
        List<Consumer<LegSink>> events = pending;
        pending = List.of();
        events.forEach(this::deliver);
    }

    void ringing() {
        send(LegSink::ringing);
    }

    void early() {
        send(LegSink::early);
    }

    void answered() {
        send(LegSink::answered);
    }

    void held(boolean onHold) {
        send(s -> s.held(onHold));
    }

    void digit(char digit, int durationMs) {
        send(s -> s.digit(digit, durationMs));
    }

    void ended(Cause cause) {
        if (!ended) {
            ended = true;
            send(s -> s.ended(cause));
        }
    }

    private void send(Consumer<LegSink> event) {
        if (target == null) {
            pending.add(event);
        } else {
            deliver(event);
        }
    }

    private void deliver(Consumer<LegSink> event) {
        try {
            event.accept(target);
        } catch (RuntimeException e) {
            LOG.warn("Core's sink failed for leg {}", name, e);
        }
    }
}
