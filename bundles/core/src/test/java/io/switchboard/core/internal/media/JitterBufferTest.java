package io.switchboard.core.internal.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JitterBufferTest {

    private final JitterBuffer buffer = new JitterBuffer(2);
    private final byte[] out = new byte[160];

    @Test
    void waitsForItsDepthThenPlaysInOrder() {
        offer(10);
        assertThat(buffer.poll(out)).as("still filling").isFalse();
        offer(11);
        assertThat(playOut(2)).containsExactly(10, 11);
    }

    @Test
    void reordersPackets() {
        offer(12);
        offer(10);
        offer(11);
        offer(14);
        offer(13);
        assertThat(playOut(5)).containsExactly(10, 11, 12, 13, 14);
    }

    @Test
    void dropsDuplicatesAndLatePackets() {
        offer(10);
        offer(10);
        offer(11);
        assertThat(buffer.duplicates()).isEqualTo(1);
        assertThat(playOut(1)).containsExactly(10);
        assertThat(offer(10)).as("already played").isFalse();
        assertThat(buffer.late()).isEqualTo(1);
        assertThat(playOut(1)).containsExactly(11);
    }

    @Test
    void reportsALostFrameAndCarriesOn() {
        offer(10);
        offer(11);
        offer(13);
        offer(14);
        assertThat(playOut(5)).containsExactly(10, 11, -1, 13, 14);
        assertThat(buffer.lost()).isEqualTo(1);
    }

    @Test
    void followsSequenceWrapAndRestartsAfterAJump() {
        offer(65535);
        offer(0);
        assertThat(playOut(2)).containsExactly(65535, 0);
        offer(30000);
        offer(30001);
        assertThat(playOut(2)).containsExactly(30000, 30001);
    }

    @Test
    void refusesFramesOfAnotherSize() {
        assertThat(buffer.offer(1, new byte[80], 0, 80)).isFalse();
    }

    private boolean offer(int sequence) {
        byte[] frame = new byte[160];
        frame[0] = (byte) (sequence >> 8);
        frame[1] = (byte) sequence;
        return buffer.offer(sequence, frame, 0, 160);
    }

    /** The sequence numbers of the next frames played out, -1 for a tick with none. */
    private List<Integer> playOut(int ticks) {
        List<Integer> played = new ArrayList<>();
        for (int i = 0; i < ticks; i++) {
            played.add(buffer.poll(out) ? ((out[0] & 0xFF) << 8) | (out[1] & 0xFF) : -1);
        }
        return played;
    }
}
