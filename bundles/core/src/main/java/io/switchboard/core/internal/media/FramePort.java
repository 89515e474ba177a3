package io.switchboard.core.internal.media;

import io.switchboard.api.channel.Codec;
import io.switchboard.api.channel.FrameEndpoint;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A port for a driver that moves raw G.711 frames itself (a telephony card). Every pacer tick it
 * hands the driver's {@link FrameSink} one frame: in-band digits being sent, else the playback,
 * else audio relayed to it (decoded through the source's jitter buffer), else silence. Frames
 * the driver hands in are pushed at once into an RTP relay target, or buffered for a target that
 * pulls them.
 *
 * <p>Thread-safety: see {@link MediaPortBase}; state is guarded by {@code lock}. The sink is
 * called on the pacer thread without the lock, with a buffer that is valid only during the call.
 * {@link #received} may be called from any driver thread.
 */
final class FramePort extends MediaPortBase implements FrameEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(FramePort.class);

    private final Codec codec;
    private final FrameSink sink;
    private final Consumer<FramePort> onClose;

    /** The pacer thread's outgoing frame (only {@link #tick} touches it). */
    private final byte[] outgoing = new byte[FRAME_SIZE];
    private final ByteBuffer outgoingView = ByteBuffer.wrap(outgoing);

    // guarded by lock
    private final byte[] incoming = new byte[FRAME_SIZE];
    private int receivedFrames;
    private final ArrayDeque<Playback> digitsToSend = new ArrayDeque<>();

    FramePort(String id, Codec codec, FrameSink sink, int jitterDepth, Consumer<FramePort> onClose) {
        super(id, jitterDepth);
        this.codec = codec;
        this.sink = sink;
        this.onClose = onClose;
    }

    @Override
    public Codec codec() {
        return codec;
    }

    @Override
    Codec receivedCodec() {
        return codec;
    }

    @Override
    boolean pullsFrom(MediaPortBase source) {
        return true;
    }

    @Override
    public void received(ByteBuffer frame) {
        if (frame.remaining() != FRAME_SIZE) {
            throw new IllegalArgumentException("media port " + id + " takes frames of exactly " + FRAME_SIZE
                    + " bytes (20 ms of G.711 at 8 kHz), not " + frame.remaining());
        }
        long now = System.nanoTime();
        synchronized (lock) {
            if (closed) {
                return;
            }
            frame.get(incoming);
            int sequence = receivedFrames++;
            MediaPortBase target = relayTarget;
            if (target == null) {
                return;
            }
            if (target.pullsFrom(this)) {
                received.offer(sequence, incoming, 0, FRAME_SIZE);
            } else {
                // lock order frame port -> RTP port; an RTP port never locks another port
                target.pushFrame(this, sequence * OutgoingStream.FRAME_SAMPLES, incoming, 0, codec, now);
            }
        }
    }

    /** Sends digits in-band: a card line has no RFC 4733. */
    @Override
    public void sendDigits(String digits) {
        synchronized (lock) {
            for (char c : digits.toCharArray()) {
                if (TelephoneEvent.event(c) < 0) {
                    LOG.warn("Media port {} skips '{}': not a DTMF digit", id, c);
                    continue;
                }
                AudioSource tone = PreEncodedAudio.fromLinear(Tones.dtmf(c));
                digitsToSend.add(new Playback("dtmf", java.util.List.of(tone), false, false));
            }
        }
    }

    @Override
    public void tick(long tickNanos) {
        boolean havePulled = pullRelayed(codec);
        String finished = null;
        synchronized (lock) {
            if (closed) {
                return;
            }
            boolean haveFrame = false;
            while (!haveFrame && !digitsToSend.isEmpty()) {
                haveFrame = digitsToSend.peek().next(codec, outgoing);
                if (!haveFrame) {
                    digitsToSend.poll();
                }
            }
            if (!haveFrame && playback != null) {
                haveFrame = playback.next(codec, outgoing);
                if (!haveFrame) {
                    finished = playback.id;
                    playback = null;
                }
            }
            if (!haveFrame && havePulled) {
                System.arraycopy(pulledFrame, 0, outgoing, 0, FRAME_SIZE);
                haveFrame = true;
            }
            if (!haveFrame) {
                Arrays.fill(outgoing, G711.silence(codec));
            }
        }
        if (finished != null) {
            notifyPlaybackFinished(finished, COMPLETED);
        }
        outgoingView.clear();
        try {
            sink.send(outgoingView);
        } catch (RuntimeException e) {
            LOG.warn("Frame sink of media port {} failed", id, e);
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            digitsToSend.clear();
        }
        closePort();
        onClose.accept(this);
    }
}
