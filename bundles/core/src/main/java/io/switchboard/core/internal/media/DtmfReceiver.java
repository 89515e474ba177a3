package io.switchboard.core.internal.media;

/**
 * Turns received RFC 4733 packets into key presses, each reported once: when its first end
 * packet arrives (the sender repeats it, usually 3 times), when the next event starts before its
 * end was seen, or when nothing more of it has arrived for {@link #END_TIMEOUT_MS} (all end
 * packets lost). An event is known by its RTP timestamp, which stays the same for all its packets.
 *
 * <p>Reports queue here ({@link #takeReport}) so the port can deliver them after leaving its lock.
 * Thread-safety: none; the owning port guards it with its lock. No allocation.
 */
final class DtmfReceiver {

    /** Longer than the 50 ms an RFC 4733 sender may leave between packets of one event, with margin for loss. */
    static final long END_TIMEOUT_MS = 250;

    private boolean active;
    private boolean ended;
    private int eventTimestamp;
    private char digit;
    private int durationSamples;
    private long lastPacketMillis;

    private final int[] reports = new int[4];
    private int reportCount;

    /**
     * Takes one telephone-event packet.
     *
     * @return true if it started a new key press (a playback that can be interrupted stops now)
     */
    boolean onPacket(int timestamp, int event, boolean end, int duration, long nowMillis) {
        char pressed = TelephoneEvent.digit(event);
        if (pressed == 0) {
            return false; // not DTMF (flash, tones): ignored
        }
        if (active && timestamp == eventTimestamp) {
            if (!ended) {
                durationSamples = Math.max(durationSamples, duration);
                lastPacketMillis = nowMillis;
                if (end) {
                    finish();
                }
            }
            return false;
        }
        if (active && timestamp - eventTimestamp < 0) {
            return false; // a straggler of an earlier event
        }
        if (active && !ended) {
            finish(); // its end packets never came
        }
        active = true;
        ended = false;
        eventTimestamp = timestamp;
        digit = pressed;
        durationSamples = duration;
        lastPacketMillis = nowMillis;
        if (end) {
            finish();
        }
        return true;
    }

    /** Called every tick: finishes an event whose end packets were all lost. */
    void onTick(long nowMillis) {
        if (active && !ended && nowMillis - lastPacketMillis >= END_TIMEOUT_MS) {
            finish();
        }
    }

    /** A source change (new SSRC): a pending key press ends now. */
    void reset() {
        if (active && !ended) {
            finish();
        }
        active = false;
    }

    /**
     * The oldest pending report as {@code digit << 16 | durationMs}, or 0 when none.
     */
    int takeReport() {
        if (reportCount == 0) {
            return 0;
        }
        int report = reports[0];
        reportCount--;
        System.arraycopy(reports, 1, reports, 0, reportCount);
        return report;
    }

    static char reportDigit(int report) {
        return (char) (report >>> 16);
    }

    static int reportMillis(int report) {
        return report & 0xFFFF;
    }

    private void finish() {
        ended = true;
        if (reportCount < reports.length) {
            reports[reportCount++] = (digit << 16) | Math.min(0xFFFF, durationSamples / 8);
        }
    }
}
