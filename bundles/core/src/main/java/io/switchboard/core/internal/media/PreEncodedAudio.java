package io.switchboard.core.internal.media;

import io.switchboard.api.channel.Codec;
import java.util.Arrays;
import java.util.List;

/**
 * Audio encoded once in both PCMU and PCMA, whole 20 ms frames (the tail padded with silence),
 * shared by every call that plays it.
 *
 * <p>Thread-safety: immutable; each {@link #open} cursor belongs to one playback.
 */
final class PreEncodedAudio implements AudioSource {

    static final int FRAME_BYTES = 160;

    private final byte[] pcmu;
    private final byte[] pcma;

    private PreEncodedAudio(byte[] pcmu, byte[] pcma) {
        this.pcmu = pcmu;
        this.pcma = pcma;
    }

    static PreEncodedAudio fromLinear(short[] samples) {
        byte[] u = padded(samples.length, G711.ULAW_SILENCE);
        byte[] a = padded(samples.length, G711.ALAW_SILENCE);
        for (int i = 0; i < samples.length; i++) {
            u[i] = G711.linearToUlaw(samples[i]);
            a[i] = G711.linearToAlaw(samples[i]);
        }
        return new PreEncodedAudio(u, a);
    }

    static PreEncodedAudio fromEncoded(Codec codec, byte[] encoded) {
        Codec other = codec == Codec.PCMU ? Codec.PCMA : Codec.PCMU;
        byte[] same = padded(encoded.length, G711.silence(codec));
        byte[] converted = padded(encoded.length, G711.silence(other));
        System.arraycopy(encoded, 0, same, 0, encoded.length);
        G711.transcode(codec, encoded, 0, other, converted, 0, encoded.length);
        return codec == Codec.PCMU ? new PreEncodedAudio(same, converted) : new PreEncodedAudio(converted, same);
    }

    /**
     * The parts one after another, as one source. Each part keeps the silence that pads it to whole
     * frames, so the next starts up to 20 ms later than its samples would: short enough that digits
     * still run together.
     */
    static PreEncodedAudio concat(List<PreEncodedAudio> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        int length = 0;
        for (PreEncodedAudio part : parts) {
            length += part.pcmu.length;
        }
        byte[] u = new byte[length];
        byte[] a = new byte[length];
        int offset = 0;
        for (PreEncodedAudio part : parts) {
            System.arraycopy(part.pcmu, 0, u, offset, part.pcmu.length);
            System.arraycopy(part.pcma, 0, a, offset, part.pcma.length);
            offset += part.pcmu.length;
        }
        return new PreEncodedAudio(u, a);
    }

    int frames() {
        return pcmu.length / FRAME_BYTES;
    }

    @Override
    public Cursor open() {
        return new Cursor() {
            private int offset;

            @Override
            public boolean next(Codec codec, byte[] frame) {
                byte[] audio = codec == Codec.PCMU ? pcmu : pcma;
                if (offset >= audio.length) {
                    return false;
                }
                System.arraycopy(audio, offset, frame, 0, FRAME_BYTES);
                offset += FRAME_BYTES;
                return true;
            }
        };
    }

    private static byte[] padded(int length, byte silence) {
        int frames = (length + FRAME_BYTES - 1) / FRAME_BYTES;
        byte[] out = new byte[frames * FRAME_BYTES];
        Arrays.fill(out, silence);
        return out;
    }
}
