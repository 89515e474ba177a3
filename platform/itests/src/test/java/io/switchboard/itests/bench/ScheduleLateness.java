package io.switchboard.itests.bench;

/**
 * Lateness of a paced stream against its own 20 ms schedule, by the rule of
 * {@code support.RtpProbe#latePackets}: each packet's place in the schedule is its RTP timestamp
 * turned into time (8 kHz), per SSRC, anchored at the packet that arrived earliest relative to
 * it, so the stream's constant transit delay is not counted, only lateness beyond it. RtpProbe
 * keeps its packets inside a probe with its own thread; this works on a call's arrays.
 */
final class ScheduleLateness {
    private static final int CLOCK_RATE = 8000;

    private ScheduleLateness() {
    }

    /**
     * Writes each packet's lateness (nanoseconds beyond the anchor) into {@code out} and returns
     * how many packets arrived more than {@code limitNanos} late.
     */
    static long late(int[] timestamp, long[] arrival, int[] ssrc, int count, long limitNanos, long[] out) {
        long late = 0;
        boolean[] done = new boolean[count];
        for (int first = 0; first < count; first++) {
            if (done[first]) {
                continue;
            }
            int source = ssrc[first];
            int firstTs = timestamp[first];
            long minOffset = Long.MAX_VALUE;
            for (int i = first; i < count; i++) {
                if (ssrc[i] == source) {
                    minOffset = Math.min(minOffset, arrival[i] - scheduled(timestamp[i], firstTs));
                }
            }
            for (int i = first; i < count; i++) {
                if (ssrc[i] == source) {
                    done[i] = true;
                    long lateness = arrival[i] - scheduled(timestamp[i], firstTs) - minOffset;
                    out[i] = lateness;
                    if (lateness > limitNanos) {
                        late++;
                    }
                }
            }
        }
        return late;
    }

    /** Packets missing from each SSRC's run of sequence numbers (16 bits, wrapping). */
    static long missing(int[] seq, int[] ssrc, int count) {
        long missing = 0;
        boolean[] done = new boolean[count];
        for (int first = 0; first < count; first++) {
            if (done[first]) {
                continue;
            }
            int source = ssrc[first];
            long low = 0;
            long high = 0;
            long seen = 0;
            for (int i = first; i < count; i++) {
                if (ssrc[i] == source) {
                    done[i] = true;
                    long offset = (short) (seq[i] - seq[first]); // signed 16-bit distance from the first
                    low = Math.min(low, offset);
                    high = Math.max(high, offset);
                    seen++;
                }
            }
            missing += Math.max(0, high - low + 1 - seen);
        }
        return missing;
    }

    private static long scheduled(int ts, int firstTs) {
        int delta = ts - firstTs; // RTP timestamps wrap at 2^32
        return delta * 1_000_000_000L / CLOCK_RATE;
    }
}
