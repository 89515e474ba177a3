package io.switchboard.core.internal.media;

/**
 * A small fixed-depth receive jitter buffer for 20 ms G.711 frames: packets go in as they come
 * (out of order, duplicated, late), frames come out once per pacer tick in sequence order.
 * Playout starts once {@code depth} frames are buffered; a missing frame at its turn is a loss
 * (the caller conceals it); a packet for a frame already played out is late and dropped; a packet
 * too far ahead (a sequence jump, a new sender) restarts the buffer. When it runs dry it refills
 * to {@code depth} again, which lets the delay follow a sender that stalled.
 *
 * <p>Thread-safety: none; the owning port guards it with its lock. No allocation after construction.
 */
final class JitterBuffer {

    static final int FRAME_BYTES = 160;
    private static final int CAPACITY = 16;

    private final int depth;
    private final byte[][] frames = new byte[CAPACITY][FRAME_BYTES];
    private final int[] sequences = new int[CAPACITY];
    private final boolean[] present = new boolean[CAPACITY];
    private int count;
    private boolean playing;
    private int nextSequence;

    private long late;
    private long duplicates;
    private long lost;

    JitterBuffer(int depth) {
        if (depth < 1 || depth > CAPACITY / 2) {
            throw new IllegalArgumentException("jitter buffer depth must be 1.." + CAPACITY / 2 + " frames, not " + depth);
        }
        this.depth = depth;
    }

    /**
     * Offers a received frame of exactly {@value #FRAME_BYTES} bytes.
     *
     * @return false if it was dropped (late, duplicate or wrong size)
     */
    boolean offer(int sequence, byte[] payload, int offset, int length) {
        if (length != FRAME_BYTES) {
            return false;
        }
        sequence &= 0xFFFF;
        if (playing) {
            int ahead = distance(nextSequence, sequence);
            if (ahead < 0) {
                late++;
                return false;
            }
            if (ahead >= CAPACITY) {
                reset();
            }
        } else if (count > 0) {
            int fromLowest = distance(lowestSequence(), sequence);
            if (fromLowest >= CAPACITY || fromLowest <= -CAPACITY) {
                reset();
            }
        }
        int slot = sequence % CAPACITY;
        if (present[slot]) {
            if (sequences[slot] == sequence) {
                duplicates++;
                return false;
            }
            count--; // an old frame left in its slot after a jump: overwritten
        }
        System.arraycopy(payload, offset, frames[slot], 0, FRAME_BYTES);
        sequences[slot] = sequence;
        present[slot] = true;
        count++;
        return true;
    }

    /**
     * Takes the next frame in sequence into {@code out} (at offset 0).
     *
     * @return false when there is no frame to play this tick (still filling, or this one was lost)
     */
    boolean poll(byte[] out) {
        if (!playing) {
            if (count < depth) {
                return false;
            }
            playing = true;
            nextSequence = lowestSequence();
        }
        int slot = nextSequence % CAPACITY;
        int expected = nextSequence;
        nextSequence = (nextSequence + 1) & 0xFFFF;
        if (present[slot] && sequences[slot] == expected) {
            System.arraycopy(frames[slot], 0, out, 0, FRAME_BYTES);
            present[slot] = false;
            count--;
            return true;
        }
        lost++;
        if (count == 0) {
            playing = false; // ran dry: refill before playing again
        }
        return false;
    }

    /** Forgets everything buffered (a new sender, a new relay). */
    void reset() {
        java.util.Arrays.fill(present, false);
        count = 0;
        playing = false;
    }

    int buffered() {
        return count;
    }

    long late() {
        return late;
    }

    long duplicates() {
        return duplicates;
    }

    long lost() {
        return lost;
    }

    private int lowestSequence() {
        int lowest = -1;
        for (int i = 0; i < CAPACITY; i++) {
            if (present[i] && (lowest < 0 || distance(lowest, sequences[i]) < 0)) {
                lowest = sequences[i];
            }
        }
        return lowest;
    }

    /** Signed distance from {@code from} to {@code to} in 16-bit sequence space. */
    static int distance(int from, int to) {
        return (short) (to - from);
    }
}
