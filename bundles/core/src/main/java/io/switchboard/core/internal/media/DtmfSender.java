package io.switchboard.core.internal.media;

/**
 * Schedules RFC 4733 packets for digits to send, one pacer tick at a time: per digit
 * {@value #TONE_TICKS} packets 20 ms apart with a growing duration (100 ms of tone), the end
 * packet {@value #END_PACKETS} times, then {@value #GAP_TICKS} ticks of nothing before the next
 * digit. All packets of one event carry the timestamp of its first.
 *
 * <p>Thread-safety: none; the owning port guards it with its lock.
 */
final class DtmfSender {

    static final int TONE_TICKS = 5;
    static final int END_PACKETS = 3;
    static final int GAP_TICKS = 5;

    private final StringBuilder pending = new StringBuilder();
    private int event;
    private int tick = -1;
    private int eventTimestamp;
    private boolean firstPacket;

    void add(String digits) {
        pending.append(digits);
    }

    /** Whether a digit is being sent or waits: audio is held back meanwhile. */
    boolean busy() {
        return tick >= 0 || pending.length() > 0;
    }

    void clear() {
        pending.setLength(0);
        tick = -1;
    }

    /**
     * Advances one tick.
     *
     * @param streamTimestamp the stream's timestamp for this tick (becomes the event's if one starts)
     * @return true if a packet is due: its payload is written at {@code offset} of {@code out}
     */
    boolean tick(byte[] out, int offset, int streamTimestamp) {
        if (tick < 0) {
            if (pending.length() == 0) {
                return false;
            }
            event = TelephoneEvent.event(pending.charAt(0));
            pending.deleteCharAt(0);
            tick = 0;
            eventTimestamp = streamTimestamp;
        }
        int current = tick++;
        firstPacket = current == 0;
        if (current < TONE_TICKS) {
            TelephoneEvent.write(out, offset, event, false, (current + 1) * OutgoingStream.FRAME_SAMPLES);
            return true;
        }
        if (current < TONE_TICKS + END_PACKETS) {
            TelephoneEvent.write(out, offset, event, true, TONE_TICKS * OutgoingStream.FRAME_SAMPLES);
            return true;
        }
        if (current >= TONE_TICKS + END_PACKETS + GAP_TICKS - 1) {
            tick = -1;
        }
        return false;
    }

    int eventTimestamp() {
        return eventTimestamp;
    }

    /** Whether the packet just scheduled is its event's first (it carries the marker bit). */
    boolean firstPacket() {
        return firstPacket;
    }
}
