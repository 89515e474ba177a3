package io.switchboard.card.internal.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class G711Test {

    @Test
    void knownUlawCodes() {
        assertThat(G711.ULAW.decode((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(G711.ULAW.decode((byte) 0x7F)).isEqualTo((short) 0);
        assertThat(G711.ULAW.decode((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(G711.ULAW.decode((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(G711.ULAW.encode((short) 0)).isEqualTo((byte) 0xFF);
        assertThat(G711.ULAW.encode(Short.MAX_VALUE)).isEqualTo((byte) 0x80);
        assertThat(G711.ULAW.encode(Short.MIN_VALUE)).isEqualTo((byte) 0x00);
    }

    @Test
    void knownAlawCodes() {
        assertThat(G711.ALAW.decode((byte) 0xD5)).isEqualTo((short) 8);
        assertThat(G711.ALAW.decode((byte) 0x55)).isEqualTo((short) -8);
        assertThat(G711.ALAW.decode((byte) 0xAA)).isEqualTo((short) 32256);
        assertThat(G711.ALAW.decode((byte) 0x2A)).isEqualTo((short) -32256);
        assertThat(G711.ALAW.encode((short) 0)).isEqualTo((byte) 0xD5);
        assertThat(G711.ALAW.encode(Short.MAX_VALUE)).isEqualTo((byte) 0xAA);
        assertThat(G711.ALAW.encode(Short.MIN_VALUE)).isEqualTo((byte) 0x2A);
    }

    @ParameterizedTest
    @EnumSource(G711.class)
    void everyCodeSurvivesDecodeThenEncode(G711 law) {
        for (int code = 0; code < 256; code++) {
            short linear = law.decode((byte) code);
            assertThat(law.decode(law.encode(linear))).as("code %02x", code).isEqualTo(linear);
        }
    }

    @ParameterizedTest
    @EnumSource(G711.class)
    void encodingPicksTheNearestLevelAndIsMonotonic(G711 law) {
        int[] levels = new int[256];
        for (int code = 0; code < 256; code++) {
            levels[code] = law.decode((byte) code);
        }
        int previous = Integer.MIN_VALUE;
        for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
            int decoded = law.decode(law.encode((short) sample));
            assertThat(decoded).as("sample %d", sample).isGreaterThanOrEqualTo(previous);
            previous = decoded;
            // decisions sit at interval edges, not halfway between levels: where the step doubles at a
            // segment edge the chosen level may be farther than the nearest by up to half a step
            assertThat(Math.abs(decoded - sample)).as("sample %d", sample)
                    .isLessThanOrEqualTo(distanceToNearest(levels, sample) + Math.abs(sample) / 60 + 8);
        }
    }

    private static int distanceToNearest(int[] levels, int sample) {
        int nearest = Integer.MAX_VALUE;
        for (int level : levels) {
            nearest = Math.min(nearest, Math.abs(level - sample));
        }
        return nearest;
    }

    @ParameterizedTest
    @EnumSource(G711.class)
    void arraysConvertLikeSingleSamples(G711 law) {
        short[] linear = {0, 1, -1, 1000, -1000, 32767, -32768, 123};
        byte[] codes = new byte[linear.length + 2];
        law.encode(linear, 0, codes, 2, linear.length);
        short[] back = new short[linear.length];
        law.decode(codes, 2, back, 0, linear.length);
        for (int i = 0; i < linear.length; i++) {
            assertThat(codes[i + 2]).isEqualTo(law.encode(linear[i]));
            assertThat(back[i]).isEqualTo(law.decode(law.encode(linear[i])));
        }
    }
}
