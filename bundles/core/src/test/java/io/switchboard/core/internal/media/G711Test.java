package io.switchboard.core.internal.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.api.channel.Codec;
import org.junit.jupiter.api.Test;

class G711Test {

    @Test
    void silenceIsZero() {
        assertThat(G711.linearToUlaw(0)).isEqualTo(G711.ULAW_SILENCE);
        assertThat(G711.ulawToLinear(G711.ULAW_SILENCE)).isZero();
        assertThat(G711.alawToLinear(G711.ALAW_SILENCE)).isEqualTo((short) 8); // A-law has no exact zero
        assertThat(G711.linearToAlaw(0)).isEqualTo(G711.ALAW_SILENCE);
    }

    @Test
    void everyAlawCodeSurvivesDecodeAndEncode() {
        for (int code = 0; code < 256; code++) {
            byte alaw = (byte) code;
            assertThat(G711.linearToAlaw(G711.alawToLinear(alaw))).as("A-law %02x", code).isEqualTo(alaw);
        }
    }

    @Test
    void everyUlawCodeSurvivesDecodeAndEncodeButNegativeZero() {
        for (int code = 0; code < 256; code++) {
            byte ulaw = (byte) code;
            byte expected = code == 0x7F ? (byte) 0xFF : ulaw; // -0 and +0 both decode to 0
            assertThat(G711.linearToUlaw(G711.ulawToLinear(ulaw))).as("µ-law %02x", code).isEqualTo(expected);
        }
    }

    @Test
    void linearRoundTripStaysWithinTheQuantisationStep() {
        for (int pcm = -32768; pcm <= 32767; pcm += 7) {
            int viaUlaw = G711.ulawToLinear(G711.linearToUlaw(pcm));
            int viaAlaw = G711.alawToLinear(G711.linearToAlaw(pcm));
            int tolerance = Math.max(16, Math.abs(pcm) / 16);
            assertThat(Math.abs(viaUlaw - Math.max(-32124, Math.min(32124, pcm)))).as("µ-law %d", pcm).isLessThanOrEqualTo(tolerance);
            assertThat(Math.abs(viaAlaw - pcm)).as("A-law %d", pcm).isLessThanOrEqualTo(tolerance);
        }
    }

    @Test
    void directTranscodingMatchesGoingThroughLinear() {
        byte[] ulaw = new byte[256];
        for (int i = 0; i < 256; i++) {
            ulaw[i] = (byte) i;
        }
        byte[] alaw = new byte[256];
        G711.transcode(Codec.PCMU, ulaw, 0, Codec.PCMA, alaw, 0, 256);
        for (int i = 0; i < 256; i++) {
            assertThat(alaw[i]).isEqualTo(G711.linearToAlaw(G711.ulawToLinear(ulaw[i])));
            assertThat(G711.alawToUlaw(alaw[i])).isEqualTo(G711.linearToUlaw(G711.alawToLinear(alaw[i])));
        }
    }

    @Test
    void knownReferenceValues() {
        assertThat(G711.linearToUlaw(32767)).isEqualTo((byte) 0x80);
        assertThat(G711.linearToUlaw(-32768)).isEqualTo((byte) 0x00);
        assertThat(G711.linearToAlaw(32767)).isEqualTo((byte) 0xAA);
        assertThat(G711.linearToAlaw(-32768)).isEqualTo((byte) 0x2A);
    }
}
