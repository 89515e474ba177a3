package io.switchboard.core.internal.media;

import io.switchboard.api.channel.Codec;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What RTP and frame ports share: the listener, the playback, relay links and the buffer of
 * received audio that a decoding relay target pulls from.
 *
 * <p>How audio crosses a relay: a target that can take the source's packets as they are (an RTP
 * port with the same codec) has them pushed on the source's receive thread; any other target
 * (transcoding, frames) pulls one frame per pacer tick from the source's jitter buffer.
 *
 * <p>Thread-safety: mutable state is guarded by {@link #lock}; relay links and the listener are
 * volatile. The listener is never called while {@code lock} is held (it may call back into this
 * port, or take the call's own lock). A port never holds its lock while taking another port's,
 * except a frame port pushing a received frame into an RTP port (lock order frame → RTP; an RTP
 * port never takes another lock while holding its own).
 */
abstract class MediaPortBase implements MediaPort, Pacer.Paced {

    static final String COMPLETED = "completed";
    static final String STOPPED = "stopped";
    static final String INTERRUPTED = "interrupted";
    static final int FRAME_SIZE = 160;

    private static final Logger LOG = LoggerFactory.getLogger(MediaPortBase.class);

    protected final Object lock = new Object();
    protected final String id;
    private volatile MediaListener listener;
    volatile MediaPortBase relayTarget;
    volatile MediaPortBase relaySource;

    /** Guarded by lock. */
    protected Playback playback;
    /** Guarded by lock. */
    protected boolean closed;
    /** Received audio waiting for a target that pulls it; guarded by lock. */
    protected final JitterBuffer received;
    /** Guarded by lock (only used inside {@link #takeReceived}). */
    private final byte[] takeScratch = new byte[FRAME_SIZE];
    /** The pacer thread's frame pulled from the relay source (touched by this port's tick only). */
    protected final byte[] pulledFrame = new byte[FRAME_SIZE];

    MediaPortBase(String id, int jitterDepth) {
        this.id = id;
        this.received = new JitterBuffer(jitterDepth);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void listener(MediaListener listener) {
        this.listener = listener;
    }

    @Override
    public void play(String playbackId, List<AudioSource> sources, boolean interruptible, boolean loop) {
        Objects.requireNonNull(playbackId, "playbackId");
        Playback next = new Playback(playbackId, sources, interruptible, loop);
        Playback replaced;
        boolean refused;
        synchronized (lock) {
            refused = closed;
            replaced = playback;
            if (!refused) {
                playback = next;
            }
        }
        if (replaced != null) {
            notifyPlaybackFinished(replaced.id, STOPPED);
        }
        if (refused) {
            notifyPlaybackFinished(playbackId, STOPPED);
        }
    }

    @Override
    public void stopPlayback() {
        Playback stopped;
        synchronized (lock) {
            stopped = playback;
            playback = null;
        }
        if (stopped != null) {
            notifyPlaybackFinished(stopped.id, STOPPED);
        }
    }

    @Override
    public void relayTo(MediaPort target) {
        if (target != null && !(target instanceof MediaPortBase)) {
            throw new IllegalArgumentException("can only relay to a port of this media engine, not " + target.getClass().getName());
        }
        MediaPortBase next = (MediaPortBase) target;
        MediaPortBase previous = relayTarget;
        relayTarget = next;
        if (previous != null && previous != next && previous.relaySource == this) {
            previous.relaySource = null;
        }
        if (next != null) {
            next.relaySource = this;
        }
        synchronized (lock) {
            received.reset();
        }
    }

    /** Whether this port decodes what {@code source} relays to it (pulls frames) instead of having packets pushed. */
    abstract boolean pullsFrom(MediaPortBase source);

    /** The codec of the audio this port receives (for RTP: the negotiated one; null before it is known). */
    abstract Codec receivedCodec();

    /**
     * Pushed by a relay source on its thread: one 160-byte frame in {@code sourceCodec}, with the
     * source's stream identity and timestamp for timing. Ports that pull ignore it.
     */
    void pushFrame(MediaPortBase source, int sourceTimestamp, byte[] frame, int offset, Codec sourceCodec, long nowNanos) {
    }

    /** On this port's pacer thread, without holding {@link #lock}: the next frame relayed to it, in its codec. */
    protected boolean pullRelayed(Codec codec) {
        MediaPortBase source = relaySource;
        if (source == null || source.relayTarget != this || !pullsFrom(source)) {
            return false;
        }
        return source.takeReceived(codec, pulledFrame);
    }

    /** Takes the next frame of received audio, as {@code codec}. */
    private boolean takeReceived(Codec codec, byte[] out) {
        synchronized (lock) {
            Codec from = receivedCodec();
            if (closed || from == null || !received.poll(takeScratch)) {
                return false;
            }
            G711.transcode(from, takeScratch, 0, codec, out, 0, FRAME_SIZE);
            return true;
        }
    }

    /** Under lock: stops an interruptible playback because a key was pressed; its id, or null. */
    protected String interruptPlayback() {
        if (playback != null && playback.interruptible) {
            String interrupted = playback.id;
            playback = null;
            return interrupted;
        }
        return null;
    }

    /** Marks the port closed and unlinks its relays; the playback (if any) ends {@code stopped}. */
    protected void closePort() {
        Playback stopped;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            stopped = playback;
            playback = null;
        }
        MediaPortBase target = relayTarget;
        relayTarget = null;
        if (target != null && target.relaySource == this) {
            target.relaySource = null;
        }
        MediaPortBase source = relaySource;
        if (source != null && source.relayTarget == this) {
            source.relayTarget = null;
        }
        if (stopped != null) {
            notifyPlaybackFinished(stopped.id, STOPPED);
        }
    }

    protected void notifyPlaybackFinished(String playbackId, String reason) {
        MediaListener current = listener;
        if (current == null) {
            return;
        }
        try {
            current.playbackFinished(playbackId, reason);
        } catch (RuntimeException e) {
            LOG.warn("Listener of media port {} failed on the end of playback {}", id, playbackId, e);
        }
    }

    /** Delivers a report from {@link DtmfReceiver#takeReport}. */
    protected void notifyDigit(int report) {
        MediaListener current = listener;
        if (current == null) {
            return;
        }
        try {
            current.digit(DtmfReceiver.reportDigit(report), DtmfReceiver.reportMillis(report));
        } catch (RuntimeException e) {
            LOG.warn("Listener of media port {} failed on a digit", id, e);
        }
    }

    protected void notifyInactive() {
        MediaListener current = listener;
        if (current == null) {
            return;
        }
        try {
            current.inactive();
        } catch (RuntimeException e) {
            LOG.warn("Listener of media port {} failed on inactivity", id, e);
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
