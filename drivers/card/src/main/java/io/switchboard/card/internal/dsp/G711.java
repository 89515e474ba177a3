package io.switchboard.card.internal.dsp;

import java.util.function.IntUnaryOperator;

/**
 * ITU-T G.711 companding between 8-bit codes and 16-bit linear PCM.
 *
 * <p>Decoding looks the code up in a 256-entry table. Encoding looks the sample up in a table indexed
 * by the bits the law keeps (14 for µ-law, 13 for A-law), which is exact because the law ignores the
 * rest. Both tables are built once from the reference formulas below. Stateless and thread-safe.
 */
public enum G711 {
    /** µ-law (PCMU), North America and Japan. */
    ULAW(2, G711::ulawFromLinear14, G711::ulawToLinear),
    /** A-law (PCMA), Europe and most of the world. */
    ALAW(3, G711::alawFromLinear13, G711::alawToLinear);

    private final short[] decodeTable = new short[256];
    /** The 16-bit sample shifted right by {@link #droppedBits}, offset to be non-negative, to its code. */
    private final byte[] encodeTable;
    private final int droppedBits;
    private final int encodeOffset;

    G711(int droppedBits, IntUnaryOperator encoder, IntUnaryOperator decoder) {
        this.droppedBits = droppedBits;
        int size = 1 << (16 - droppedBits);
        this.encodeOffset = size / 2;
        this.encodeTable = new byte[size];
        for (int code = 0; code < 256; code++) {
            decodeTable[code] = (short) decoder.applyAsInt(code);
        }
        for (int i = 0; i < size; i++) {
            encodeTable[i] = (byte) encoder.applyAsInt(i - encodeOffset);
        }
    }

    /** The linear sample (16-bit scale) a code stands for. */
    public short decode(byte code) {
        return decodeTable[code & 0xFF];
    }

    /** The code nearest to a linear sample (16-bit scale). */
    public byte encode(short sample) {
        return encodeTable[(sample >> droppedBits) + encodeOffset];
    }

    /** Decodes {@code length} codes from {@code src[srcOffset]} into {@code dst[dstOffset]}. */
    public void decode(byte[] src, int srcOffset, short[] dst, int dstOffset, int length) {
        short[] table = decodeTable;
        for (int i = 0; i < length; i++) {
            dst[dstOffset + i] = table[src[srcOffset + i] & 0xFF];
        }
    }

    /** Encodes {@code length} samples from {@code src[srcOffset]} into {@code dst[dstOffset]}. */
    public void encode(short[] src, int srcOffset, byte[] dst, int dstOffset, int length) {
        byte[] table = encodeTable;
        int shift = droppedBits;
        int offset = encodeOffset;
        for (int i = 0; i < length; i++) {
            dst[dstOffset + i] = table[(src[srcOffset + i] >> shift) + offset];
        }
    }

    // --- reference formulas (G.711 tables 1a and 2a), used only to build the tables ---

    private static final int ULAW_BIAS = 33;
    private static final int ULAW_CLIP = 8158;

    /** µ-law code of a 14-bit signed sample. */
    static int ulawFromLinear14(int sample) {
        int sign = sample < 0 ? 0x80 : 0x00;
        int magnitude = Math.min(sample < 0 ? -sample : sample, ULAW_CLIP) + ULAW_BIAS;
        // the biased magnitude lies in [33, 8191]; its top bit (5..12) gives the segment
        int segment = 31 - Integer.numberOfLeadingZeros(magnitude) - 5;
        int mantissa = (magnitude >> (segment + 1)) & 0x0F;
        return ~(sign | (segment << 4) | mantissa) & 0xFF;
    }

    /** 16-bit linear value of a µ-law code: the middle of its quantisation interval. */
    static int ulawToLinear(int code) {
        int bits = ~code & 0xFF;
        int segment = (bits >> 4) & 0x07;
        int mantissa = bits & 0x0F;
        int magnitude = (((mantissa << 1) + ULAW_BIAS) << segment) - ULAW_BIAS;
        return ((bits & 0x80) != 0 ? -magnitude : magnitude) << 2;
    }

    /** A-law code of a 13-bit signed sample. */
    static int alawFromLinear13(int sample) {
        int sign = sample >= 0 ? 0x80 : 0x00;
        // G.711 quantises negative values symmetrically in ones' complement: -1 sits with +0
        int magnitude = sample >= 0 ? sample : -sample - 1;
        magnitude = Math.min(magnitude, 4095);
        int segment = magnitude < 32 ? 0 : 31 - Integer.numberOfLeadingZeros(magnitude) - 4;
        int mantissa = (magnitude >> (segment == 0 ? 1 : segment)) & 0x0F;
        return (sign | (segment << 4) | mantissa) ^ 0x55;
    }

    /** 16-bit linear value of an A-law code: the middle of its quantisation interval. */
    static int alawToLinear(int code) {
        int bits = code ^ 0x55;
        int segment = (bits >> 4) & 0x07;
        int mantissa = bits & 0x0F;
        int magnitude = segment == 0 ? (mantissa << 1) + 1 : ((mantissa << 1) + 33) << (segment - 1);
        return ((bits & 0x80) != 0 ? magnitude : -magnitude) << 3;
    }
}
