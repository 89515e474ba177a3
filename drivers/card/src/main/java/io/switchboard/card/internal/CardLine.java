package io.switchboard.card.internal;

import io.switchboard.api.call.Cause;
import io.switchboard.api.channel.Channel;
import io.switchboard.api.channel.Codec;
import io.switchboard.api.channel.FrameEndpoint;
import io.switchboard.api.channel.LegSink;
import io.switchboard.api.channel.MediaEndpoint;
import io.switchboard.card.internal.dsp.DtmfDetector;
import io.switchboard.card.internal.dsp.G711;
import io.switchboard.card.internal.jna.CardException;
import io.switchboard.card.internal.jna.OpenCard;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One card channel (an E1 time slot or an analog extension) as a core {@link Channel}: while a
 * call is on it, its frames flow between the card and core's {@link FrameEndpoint}, and its
 * received audio passes through an in-band DTMF detector, because a card line carries digits as
 * tones.
 *
 * <p>Thread-safety: state changes happen under the line's monitor, from the card's event thread
 * (far-end events), core's call threads ({@link #answer}, {@link #hangup}) and the media thread
 * (dial timeouts). The media thread reads frames ({@link #pumpReceived}) and core's pacer writes
 * them ({@link #send}) without the monitor: each uses only its own buffer, the endpoint and the
 * card, all safe for that.
 */
final class CardLine implements Channel {

    enum State { IDLE, RINGING_IN, DIALING, CONNECTED }

    private static final Logger LOG = LoggerFactory.getLogger(CardLine.class);

    final int number;
    final boolean analog;
    private final OpenCard card;
    private final Codec codec;
    private final byte[] received = new byte[FrameEndpoint.FRAME_BYTES];
    private final ByteBuffer receivedView = ByteBuffer.wrap(received);
    private final byte[] outgoing = new byte[FrameEndpoint.FRAME_BYTES];
    private final DtmfDetector detector;

    // guarded by this
    private State state = State.IDLE;
    private LegSink sink;
    private long dialDeadlineNanos;
    // written under this, read by the media and pacer threads
    private volatile FrameEndpoint media;
    /** Connected: frames flow both ways and in-band digits are listened for. */
    private volatile boolean flowing;

    CardLine(int number, boolean analog, OpenCard card, Codec codec) {
        this.number = number;
        this.analog = analog;
        this.card = card;
        this.codec = codec;
        this.detector = new DtmfDetector(this::inbandDigit);
    }

    // ---- core's side (Channel)

    @Override
    public MediaEndpoint media() {
        return media;
    }

    @Override
    public String peer() {
        return "card:" + number;
    }

    @Override
    public void ring() {
        // the card line is seized already; the caller hears the ringback core plays
    }

    @Override
    public void progress() {
        // audio flows once the line is off-hook; a card has no early media of its own
    }

    @Override
    public void answer() {
        LegSink answered;
        synchronized (this) {
            if (state != State.RINGING_IN) {
                return;
            }
            try {
                card.offHook(number);
            } catch (CardException e) {
                LOG.warn("Card channel {} could not be answered: {}", number, e.getMessage());
                endLocally(Cause.LINE_FAILURE);
                return;
            }
            state = State.CONNECTED;
            flowing = true;
            answered = sink; // null when core answers before the driver has its sink: attach reports it
        }
        if (answered != null) {
            answered.answered();
        }
    }

    @Override
    public void hold(boolean onHold) {
        // a card line has no hold signalling; core plays music to it instead
    }

    @Override
    public void hangup(Cause cause) {
        synchronized (this) {
            if (state == State.IDLE) {
                return;
            }
            try {
                card.onHook(number);
            } catch (CardException e) {
                LOG.debug("Card channel {} on-hook: {}", number, e.getMessage());
            }
            endLocally(cause);
        }
    }

    // ---- the driver's side

    synchronized boolean idle() {
        return state == State.IDLE;
    }

    /** An inbound call rings on the line; core's sink and the endpoint come with it. */
    synchronized void incoming(FrameEndpoint endpoint) {
        detector.reset();
        media = endpoint;
        state = State.RINGING_IN;
    }

    /** Core took the call: where the line reports from now on (core may have answered already). */
    void attach(LegSink legSink) {
        boolean answeredAlready;
        synchronized (this) {
            if (state == State.IDLE) {
                legSink.ended(Cause.NORMAL); // the caller hung up while core was routing the call
                return;
            }
            sink = legSink;
            answeredAlready = state == State.CONNECTED;
        }
        if (answeredAlready) {
            legSink.answered();
        }
    }

    /** Outbound: the line is dialled (an extension rung); it must answer before the deadline. */
    synchronized void dialling(FrameEndpoint endpoint, LegSink legSink, long deadlineNanos) {
        detector.reset();
        media = endpoint;
        sink = legSink;
        dialDeadlineNanos = deadlineNanos;
        state = State.DIALING;
    }

    /** The far end answered an outbound call. */
    void farEndAnswered() {
        LegSink answered;
        synchronized (this) {
            if (state != State.DIALING) {
                return;
            }
            state = State.CONNECTED;
            flowing = true;
            answered = sink;
        }
        answered.answered();
    }

    /** The far end hung up, or the span dropped the call. */
    synchronized void farEndEnded(Cause cause) {
        if (state != State.IDLE) {
            endLocally(cause);
        }
    }

    /** An out-of-band digit from the card's event queue. */
    void outOfBandDigit(char digit, int durationMs) {
        LegSink target = connectedSink();
        if (target != null) {
            target.digit(digit, durationMs);
        }
    }

    /** On the media thread each tick: an unanswered outbound call past its deadline ends. */
    void checkDialTimeout(long nowNanos) {
        synchronized (this) {
            if (state != State.DIALING || nowNanos - dialDeadlineNanos < 0) {
                return;
            }
        }
        hangup(Cause.NO_ANSWER);
    }

    /** On the media thread each tick: hands every frame the card received to core. */
    void pumpReceived() throws CardException {
        FrameEndpoint endpoint = media;
        if (endpoint == null || !flowing) {
            return;
        }
        while (card.readFrame(number, received)) {
            detector.process(received, law());
            endpoint.received(receivedView.clear());
        }
    }

    /** Core's pacer hands a frame to send on the line. */
    void send(ByteBuffer frame) {
        if (!flowing || frame.remaining() != outgoing.length) {
            return;
        }
        frame.get(outgoing);
        try {
            card.writeFrame(number, outgoing);
        } catch (CardException e) {
            if (e.code() != OpenCard.E_STATE) { // a hang-up raced with the pacer: nothing to report
                LOG.debug("Card channel {}: {}", number, e.getMessage());
            }
        }
    }

    private void inbandDigit(char digit, int durationMs) {
        outOfBandDigit(digit, durationMs);
    }

    private synchronized LegSink connectedSink() {
        return state == State.CONNECTED || state == State.RINGING_IN ? sink : null;
    }

    /** Under this: back to idle, core told, the endpoint closed. */
    private void endLocally(Cause cause) {
        LegSink ended = sink;
        FrameEndpoint endpoint = media;
        state = State.IDLE;
        flowing = false;
        sink = null;
        media = null;
        if (endpoint != null) {
            endpoint.close();
        }
        if (ended != null) {
            ended.ended(cause);
        }
    }

    private G711 law() {
        return codec == Codec.PCMA ? G711.ALAW : G711.ULAW;
    }

    @Override
    public String toString() {
        return peer();
    }
}
