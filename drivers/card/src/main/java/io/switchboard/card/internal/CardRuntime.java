package io.switchboard.card.internal;

import io.switchboard.api.call.Cause;
import io.switchboard.api.call.DialRequest;
import io.switchboard.api.channel.Channel;
import io.switchboard.api.channel.ChannelException;
import io.switchboard.api.channel.ChannelHub;
import io.switchboard.api.channel.Codec;
import io.switchboard.api.channel.FrameEndpoint;
import io.switchboard.api.channel.InboundRequest;
import io.switchboard.api.channel.LegSink;
import io.switchboard.api.channel.MediaEngine;
import io.switchboard.api.journal.Journal;
import io.switchboard.card.internal.jna.CardException;
import io.switchboard.card.internal.jna.OpenCard;
import io.switchboard.card.internal.jna.SimcardEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open card at work: two threads for the whole card, none per call. The event thread takes the
 * card's line events (calls in, answers, hang-ups, digits, span alarms) and turns them into core
 * calls and journal entries; the media thread wakes on the card's 20 ms clock and hands every
 * received frame to core (core's pacer sends the other way, see {@link CardLine#send}).
 */
final class CardRuntime {

    static final String DRIVER = "card";
    private static final Logger LOG = LoggerFactory.getLogger(CardRuntime.class);
    private static final int POLL_MILLIS = 500;
    private static final int CAUSE_BUSY = 17;
    private static final int CAUSE_NO_ANSWER = 19;
    private static final int CAUSE_ALARM = 38;
    private static final int ALARM_AIS = 2;

    private final OpenCard card;
    private final ChannelHub hub;
    private final MediaEngine media;
    private final Journal journal;
    private final Codec codec;
    private final CardLine[] lines; // index = channel number; 0 unused
    private final Thread events;
    private final Thread frames;
    private volatile boolean running = true;

    CardRuntime(OpenCard card, ChannelHub hub, MediaEngine media, Journal journal, Codec codec) throws CardException {
        this.card = card;
        this.hub = hub;
        this.media = media;
        this.journal = journal;
        this.codec = codec;
        int count = card.channelCount();
        lines = new CardLine[count + 1];
        int cardCodec = codec == Codec.PCMA ? OpenCard.CODEC_ALAW : OpenCard.CODEC_ULAW;
        for (int channel = 1; channel <= count; channel++) {
            card.setCodec(channel, cardCodec);
            lines[channel] = new CardLine(channel, card.channelType(channel) == OpenCard.ANALOG, card, codec);
        }
        events = new Thread(this::pollEvents, "switchboard-card-events");
        frames = new Thread(this::pumpFrames, "switchboard-card-media");
        events.setDaemon(true);
        frames.setDaemon(true);
    }

    void start() {
        events.start();
        frames.start();
    }

    int channelCount() {
        return lines.length - 1;
    }

    /** Places an outbound leg: {@code card:<channel>} rings that extension. */
    Channel originate(String legId, DialRequest request, LegSink sink) throws ChannelException {
        CardLine line = lineFor(request.destination());
        FrameEndpoint endpoint = media.openFrames(codec, line::send);
        synchronized (line) {
            if (!line.idle()) {
                endpoint.close();
                throw new ChannelException(Cause.BUSY, request.destination() + " is busy");
            }
            try {
                card.dial(line.number, "", request.callerId());
            } catch (CardException e) {
                endpoint.close();
                throw new ChannelException(e.code() == OpenCard.E_ALARM ? Cause.LINE_FAILURE : Cause.UNREACHABLE,
                        "cannot ring " + request.destination() + ": " + e.getMessage());
            }
            line.dialling(endpoint, sink, System.nanoTime() + request.timeout().toNanos());
        }
        LOG.info("Leg {} rings card extension {}", legId, line.number);
        sink.ringing();
        return line;
    }

    private CardLine lineFor(String destination) throws ChannelException {
        String address = destination.substring(destination.indexOf(':') + 1);
        int channel;
        try {
            channel = Integer.parseInt(address);
        } catch (NumberFormatException e) {
            throw new ChannelException(Cause.UNREACHABLE, destination + " is not card:<channel>");
        }
        if (channel < 1 || channel >= lines.length) {
            throw new ChannelException(Cause.UNREACHABLE, destination + ": the card has channels 1-" + (lines.length - 1));
        }
        CardLine line = lines[channel];
        if (!line.analog) {
            throw new ChannelException(Cause.UNREACHABLE, destination + " is a trunk channel, not an extension");
        }
        return line;
    }

    /** Closes the card: its threads end, and every call on it ends as a line failure. */
    void stop() {
        running = false;
        card.close();
        for (int channel = 1; channel < lines.length; channel++) {
            lines[channel].farEndEnded(Cause.LINE_FAILURE);
        }
        join(events);
        join(frames);
    }

    // ---- event thread

    private void pollEvents() {
        SimcardEvent event = new SimcardEvent();
        while (running) {
            try {
                if (card.nextEvent(event, POLL_MILLIS)) {
                    dispatch(event);
                }
            } catch (CardException e) {
                if (running) {
                    LOG.error("The card's event queue failed; no more card calls: {}", e.getMessage());
                }
                return;
            } catch (RuntimeException e) {
                LOG.warn("A card event (type {}, channel {}) could not be handled", event.type, event.channel, e);
            }
        }
    }

    private void dispatch(SimcardEvent event) {
        switch (event.type) {
            case SimcardEvent.INCOMING -> incoming(lineOf(event), event.number(), event.caller());
            case SimcardEvent.ANSWERED -> lineOf(event).farEndAnswered();
            case SimcardEvent.HANGUP -> lineOf(event).farEndEnded(cause(event.value));
            case SimcardEvent.DTMF -> lineOf(event).outOfBandDigit((char) event.value, event.duration_ms);
            case SimcardEvent.ALARM -> alarm("alarm.raised", event.span, event.value == ALARM_AIS ? "ais" : "los");
            case SimcardEvent.ALARM_CLEAR -> alarm("alarm.cleared", event.span, null);
            default -> LOG.debug("Card event of unknown type {} ignored", event.type);
        }
    }

    private CardLine lineOf(SimcardEvent event) {
        if (event.channel < 1 || event.channel >= lines.length) {
            throw new IllegalArgumentException("the card reported channel " + event.channel);
        }
        return lines[event.channel];
    }

    private void incoming(CardLine line, String dialled, String caller) {
        if (!hub.accepting()) {
            LOG.info("Card call on channel {} to {} refused: not taking new calls", line.number, dialled);
            refuse(line);
            return;
        }
        FrameEndpoint endpoint = media.openFrames(codec, line::send);
        line.incoming(endpoint);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("channel", line.number);
        details.put("line", line.analog ? "analog" : "e1");
        try {
            LegSink sink = hub.inbound(new InboundRequest(DRIVER, dialled, caller, details), line);
            line.attach(sink);
        } catch (ChannelException e) {
            LOG.info("Card call on channel {} to {} refused: {}", line.number, dialled, e.getMessage());
            line.farEndEnded(e.cause());
            refuse(line);
        }
    }

    private void refuse(CardLine line) {
        try {
            card.onHook(line.number);
        } catch (CardException e) {
            LOG.debug("Card channel {} on-hook: {}", line.number, e.getMessage());
        }
    }

    private void alarm(String type, int span, String kind) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("source", DRIVER);
        data.put("span", span);
        if (kind != null) {
            data.put("alarm", kind);
            LOG.warn("Card span {} in alarm ({}): its calls are dropped and no new ones are taken", span, kind.toUpperCase());
        } else {
            LOG.info("Card span {} alarm cleared", span);
        }
        journal.append(type, null, null, data);
    }

    private static Cause cause(int cardCause) {
        return switch (cardCause) {
            case CAUSE_BUSY -> Cause.BUSY;
            case CAUSE_NO_ANSWER -> Cause.NO_ANSWER;
            case CAUSE_ALARM -> Cause.LINE_FAILURE;
            default -> Cause.NORMAL;
        };
    }

    // ---- media thread

    private void pumpFrames() {
        while (running) {
            try {
                if (card.waitTick(POLL_MILLIS) < 0) {
                    continue;
                }
                long now = System.nanoTime();
                for (int channel = 1; channel < lines.length; channel++) {
                    CardLine line = lines[channel];
                    line.checkDialTimeout(now);
                    pumpQuietly(line);
                }
            } catch (CardException e) {
                if (running) {
                    LOG.error("The card's clock failed; card audio stops: {}", e.getMessage());
                }
                return;
            }
        }
    }

    private void pumpQuietly(CardLine line) throws CardException {
        try {
            line.pumpReceived();
        } catch (CardException e) {
            if (e.code() == OpenCard.E_CLOSED) {
                throw e;
            }
            // the line dropped between the check and the read: the hang-up event follows
        } catch (RuntimeException e) {
            LOG.warn("Card channel {} failed on a received frame", line.number, e);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
