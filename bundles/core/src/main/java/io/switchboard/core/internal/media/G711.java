package io.switchboard.core.internal.media;

import io.switchboard.api.channel.Codec;

/**
 * G.711 µ-law and A-law (ITU-T G.711) through lookup tables built once at class load: 16-bit
 * linear to each law, each law to linear, and µ-law to A-law and back directly.
 *
 * <p>Thread-safety: the tables are immutable after class initialisation; every method is a
 * pure function.
 */
public final class G711 {

    /** µ-law silence (linear 0). */
    public static final byte ULAW_SILENCE = (byte) 0xFF;
    /** A-law silence (linear 0, even-bit inverted). */
    public static final byte ALAW_SILENCE = (byte) 0xD5;

    private static final int ULAW_BIAS = 0x84;
    private static final int ULAW_CLIP = 32635;

    private static final short[] ULAW_TO_LINEAR = new short[256];
    private static final short[] ALAW_TO_LINEAR = new short[256];
    private static final byte[] LINEAR_TO_ULAW = new byte[65536];
    private static final byte[] LINEAR_TO_ALAW = new byte[65536];
    private static final byte[] ULAW_TO_ALAW = new byte[256];
    private static final byte[] ALAW_TO_ULAW = new byte[256];

    static {
        for (int code = 0; code < 256; code++) {
            ULAW_TO_LINEAR[code] = (short) computeUlawToLinear(code);
            ALAW_TO_LINEAR[code] = (short) computeAlawToLinear(code);
        }
        for (int pcm = Short.MIN_VALUE; pcm <= Short.MAX_VALUE; pcm++) {
            LINEAR_TO_ULAW[pcm & 0xFFFF] = computeLinearToUlaw(pcm);
            LINEAR_TO_ALAW[pcm & 0xFFFF] = computeLinearToAlaw(pcm);
        }
        for (int code = 0; code < 256; code++) {
            ULAW_TO_ALAW[code] = LINEAR_TO_ALAW[ULAW_TO_LINEAR[code] & 0xFFFF];
            ALAW_TO_ULAW[code] = LINEAR_TO_ULAW[ALAW_TO_LINEAR[code] & 0xFFFF];
        }
    }

    private G711() {
    }

    public static byte linearToUlaw(int pcm) {
        return LINEAR_TO_ULAW[pcm & 0xFFFF];
    }

    public static byte linearToAlaw(int pcm) {
        return LINEAR_TO_ALAW[pcm & 0xFFFF];
    }

    public static short ulawToLinear(byte ulaw) {
        return ULAW_TO_LINEAR[ulaw & 0xFF];
    }

    public static short alawToLinear(byte alaw) {
        return ALAW_TO_LINEAR[alaw & 0xFF];
    }

    public static byte ulawToAlaw(byte ulaw) {
        return ULAW_TO_ALAW[ulaw & 0xFF];
    }

    public static byte alawToUlaw(byte alaw) {
        return ALAW_TO_ULAW[alaw & 0xFF];
    }

    /** The byte that encodes silence in {@code codec}. */
    public static byte silence(Codec codec) {
        return codec == Codec.PCMU ? ULAW_SILENCE : ALAW_SILENCE;
    }

    public static byte encode(Codec codec, int pcm) {
        return codec == Codec.PCMU ? linearToUlaw(pcm) : linearToAlaw(pcm);
    }

    public static short decode(Codec codec, byte code) {
        return codec == Codec.PCMU ? ulawToLinear(code) : alawToLinear(code);
    }

    /**
     * Copies {@code length} bytes from {@code in} to {@code out}, transcoding when the codecs
     * differ (a table lookup per byte, no detour through linear).
     */
    public static void transcode(Codec from, byte[] in, int inOffset, Codec to, byte[] out, int outOffset, int length) {
        if (from == to) {
            System.arraycopy(in, inOffset, out, outOffset, length);
            return;
        }
        byte[] table = from == Codec.PCMU ? ULAW_TO_ALAW : ALAW_TO_ULAW;
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = table[in[inOffset + i] & 0xFF];
        }
    }

    // The classic reference algorithms (as in the ITU/Sun g711.c), run once to fill the tables.

    private static byte computeLinearToUlaw(int pcm) {
        int sign = 0;
        if (pcm < 0) {
            sign = 0x80;
            pcm = -pcm;
        }
        if (pcm > ULAW_CLIP) {
            pcm = ULAW_CLIP;
        }
        pcm += ULAW_BIAS;
        int exponent = 31 - Integer.numberOfLeadingZeros(pcm >> 7);
        int mantissa = (pcm >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    private static int computeUlawToLinear(int ulaw) {
        int u = ~ulaw & 0xFF;
        int t = ((u & 0x0F) << 3) + ULAW_BIAS;
        t <<= (u & 0x70) >> 4;
        return (u & 0x80) != 0 ? ULAW_BIAS - t : t - ULAW_BIAS;
    }

    private static byte computeLinearToAlaw(int pcm) {
        int mask;
        pcm >>= 3;
        if (pcm >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            pcm = -pcm - 1;
        }
        int segment = 0;
        int end = 0x1F;
        while (segment < 8 && pcm > end) {
            segment++;
            end = (end << 1) | 1;
        }
        if (segment >= 8) {
            return (byte) (0x7F ^ mask);
        }
        int aval = segment << 4;
        aval |= segment < 2 ? (pcm >> 1) & 0x0F : (pcm >> segment) & 0x0F;
        return (byte) (aval ^ mask);
    }

    private static int computeAlawToLinear(int alaw) {
        int a = (alaw ^ 0x55) & 0xFF;
        int t = (a & 0x0F) << 4;
        int segment = (a & 0x70) >> 4;
        switch (segment) {
            case 0 -> t += 8;
            case 1 -> t += 0x108;
            default -> {
                t += 0x108;
                t <<= segment - 1;
            }
        }
        return (a & 0x80) != 0 ? t : -t;
    }
}
