package io.switchboard.core.internal.media;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The RTP stream a port sends: its own SSRC, a sequence number that steps by one per packet and
 * a timestamp that follows media time, continuous however the audio changes source (playback,
 * relay from one leg, relay from another, playback again).
 *
 * <p>Sending happens in segments. Within a paced segment (one frame per pacer tick) the timestamp
 * steps by 160; within a relay segment it is the source's timestamp plus a fixed offset, which
 * keeps the source's own timing (silence gaps, a telephone-event's constant timestamp). A new
 * segment starts at the current media time (never before the last timestamp sent plus one
 * frame) and its first packet carries the marker bit: the start of a talkspurt.
 *
 * <p>Thread-safety: none; the owning port guards it with its lock.
 */
final class OutgoingStream {

    static final int FRAME_SAMPLES = 160;
    static final long FRAME_NANOS = 20_000_000L;
    private static final long NANOS_PER_SAMPLE = 125_000L; // 8 kHz

    private enum Segment { NONE, PACED, RELAY }

    private final int ssrc;
    private final long epochNanos;
    private final int timestampBase;
    private int sequence;
    private boolean sentAny;
    private int lastTimestamp;

    private Segment segment = Segment.NONE;
    private long lastTickNanos;
    private Object relaySource;
    private int relaySourceSsrc;
    private int relayOffset;

    /** Set by {@link #paced} and {@link #relayed}: the packet's timestamp and marker bit. */
    int timestamp;
    boolean marker;

    OutgoingStream(long epochNanos) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.ssrc = random.nextInt();
        this.sequence = random.nextInt(0x10000);
        this.timestampBase = random.nextInt();
        this.epochNanos = epochNanos;
    }

    int ssrc() {
        return ssrc;
    }

    /** The sequence number for the next packet sent (16 bits). */
    int nextSequence() {
        int next = sequence;
        sequence = (sequence + 1) & 0xFFFF;
        return next;
    }

    /** Timestamp and marker for the frame of the pacer tick scheduled at {@code tickNanos}. */
    void paced(long tickNanos) {
        if (segment == Segment.PACED && tickNanos - lastTickNanos == FRAME_NANOS) {
            timestamp = lastTimestamp + FRAME_SAMPLES;
            marker = false;
        } else {
            timestamp = segmentStart(tickNanos);
            marker = true;
            segment = Segment.PACED;
        }
        lastTickNanos = tickNanos;
        lastTimestamp = timestamp;
    }

    /** Timestamp and marker for a packet relayed from {@code source} (a port; its stream's SSRC and timestamp). */
    void relayed(Object source, int sourceSsrc, int sourceTimestamp, boolean sourceMarker, long nowNanos) {
        if (segment == Segment.RELAY && source == relaySource && sourceSsrc == relaySourceSsrc) {
            timestamp = sourceTimestamp + relayOffset;
            marker = sourceMarker;
        } else {
            timestamp = segmentStart(nowNanos);
            relayOffset = timestamp - sourceTimestamp;
            marker = true;
            segment = Segment.RELAY;
            relaySource = source;
            relaySourceSsrc = sourceSsrc;
        }
        if (timestamp - lastTimestamp > 0) {
            lastTimestamp = timestamp; // a telephone-event repeats its timestamp: keep the newest
        }
    }

    /** Something interrupted the flow (relayed audio suppressed): the next packet starts a new segment. */
    void breakSegment() {
        segment = Segment.NONE;
        relaySource = null;
    }

    private int segmentStart(long nowNanos) {
        int media = timestampBase + (int) ((nowNanos - epochNanos) / NANOS_PER_SAMPLE);
        if (!sentAny) {
            sentAny = true;
            return media;
        }
        int earliest = lastTimestamp + FRAME_SAMPLES;
        return media - earliest > 0 ? media : earliest;
    }
}
