package io.switchboard.card.internal.dsp;

/**
 * Decides whether one 10 ms block (80 samples at 8 kHz) holds a valid DTMF digit. Why these numbers
 * is in drivers/card/DTMF.md; in short:
 *
 * <p>80 samples give 100 Hz Goertzel bins: coarser than the 73 Hz between the two lowest rows, so the
 * row peak test is looser (4 dB) and the frequency is checked by phase instead of by bin width. In
 * exchange a 20 ms frame is exactly two blocks, and 40 ms of tone always covers three whole blocks
 * while 26 ms never can, which is how Q.24's "accept 40 ms, reject 20-25 ms" falls out.
 *
 * <p>Each filter runs over the two 40-sample halves of the block separately. Recombined they give
 * the full-block power; compared they show whether the tone fills the whole block (a block the tone
 * only partly covers is not counted), and the phase turned between the halves is the tone's
 * offset from the nominal frequency, which must be within 2.5% (Q.24: accept 1.5%, reject 3.5%).
 *
 * <p>Not thread-safe: it keeps per-block scratch to avoid allocating.
 */
final class DtmfBlockClassifier {
    static final int SAMPLE_RATE = 8000;
    static final int BLOCK = 80;
    static final int HALF = BLOCK / 2;
    static final int NO_DIGIT = -1;

    static final char[] DIGITS = "123A456B789C*0#D".toCharArray();
    /** Rows (low group) then columns (high group), Hz. */
    static final double[] FREQUENCIES = {697, 770, 852, 941, 1209, 1336, 1477, 1633};
    private static final int TONES = FREQUENCIES.length;
    private static final int ROWS = 4;

    /** Sine amplitude of 0 dBm0 on the 16-bit scale (G.711: full scale is about +3.16 dBm0). */
    static final double ZERO_DBM0_AMPLITUDE = 22700;
    /** Each tone at least -30 dBm0; measured against -32 for the loss at 1.5% off and in noise. */
    private static final double MIN_TONE_POWER = meanPowerOfSine(ZERO_DBM0_AMPLITUDE) * dbToRatio(-32);
    /** Normal twist: the low group may be up to 8 dB above the high group. */
    private static final double MAX_NORMAL_TWIST = dbToRatio(8);
    /** Reverse twist: the high group may be up to 4 dB above the low group. */
    private static final double MAX_REVERSE_TWIST = dbToRatio(4);
    /** The two tones must carry this share of the block's energy: rejects speech, music and noise. */
    private static final double MIN_TONE_SHARE = 0.85;
    /** How close to 2:1 a row and column may be: 1.5% off each, in opposite directions, is 17 Hz. */
    private static final double MIN_HARMONIC_PAIR_DISTANCE_HZ = 10;
    /** Rows: a tone 1.5% off already leaks to 6.3 dB below it into the next row's 100 Hz bin. */
    private static final double ROW_PEAK_MARGIN = dbToRatio(4);
    /** Columns are more than one bin apart, so their peak can be held to a tighter margin. */
    private static final double COLUMN_PEAK_MARGIN = dbToRatio(8);
    /** A steady tone has the same power in both halves; this also rejects blocks it only partly fills. */
    private static final double MAX_HALF_IMBALANCE = dbToRatio(3);
    /** Halfway between Q.24's must-accept 1.5% and must-reject 3.5%. */
    private static final double FREQUENCY_TOLERANCE = 0.025;
    /** Voiced speech has strong second harmonics; a DTMF tone has next to none. */
    private static final double MAX_SECOND_HARMONIC = dbToRatio(-10);

    private static final float[] COEFFICIENT = new float[TONES];
    private static final float[] COS = new float[TONES];
    private static final float[] SIN = new float[TONES];
    /** cos and sin of the phase a nominal tone turns over one half block. */
    private static final float[] HALF_TURN_COS = new float[TONES];
    private static final float[] HALF_TURN_SIN = new float[TONES];
    /**
     * [tone t][filter k]: what a nominal tone t adds to filter k's half-block output, as a complex
     * multiple of what it adds to its own filter: e^(-j d (M-1)/2) sin(d M/2) / (M sin(d/2)), where
     * d is the difference of their radian frequencies and M the half block.
     */
    private static final float[][] LEAK_RE = new float[TONES][TONES];
    private static final float[][] LEAK_IM = new float[TONES][TONES];
    private static final float[] HARMONIC_COEFFICIENT = new float[TONES];
    /**
     * [harmonic of tone h][tone t]: the worst share of tone t's power (within the tolerance) that the
     * second-harmonic filter of h picks up. Needed because 2 x 697 Hz is only 58 Hz from 1336 Hz.
     */
    private static final double[][] HARMONIC_LEAK = new double[TONES][TONES];

    static {
        for (int k = 0; k < TONES; k++) {
            double omega = radiansPerSample(FREQUENCIES[k]);
            COEFFICIENT[k] = (float) (2 * Math.cos(omega));
            COS[k] = (float) Math.cos(omega);
            SIN[k] = (float) Math.sin(omega);
            HALF_TURN_COS[k] = (float) Math.cos(omega * HALF);
            HALF_TURN_SIN[k] = (float) Math.sin(omega * HALF);
            HARMONIC_COEFFICIENT[k] = (float) (2 * Math.cos(2 * omega));
        }
        for (int h = 0; h < TONES; h++) {
            for (int t = 0; t < TONES; t++) {
                HARMONIC_LEAK[h][t] = worstLeak(2 * FREQUENCIES[h], FREQUENCIES[t]);
                double d = radiansPerSample(FREQUENCIES[h] - FREQUENCIES[t]);
                double gain = h == t ? 1 : Math.sin(d * HALF / 2) / (HALF * Math.sin(d / 2));
                LEAK_RE[h][t] = (float) (gain * Math.cos(-d * (HALF - 1) / 2));
                LEAK_IM[h][t] = (float) (gain * Math.sin(-d * (HALF - 1) / 2));
            }
        }
    }

    // scratch, per block
    private final float[] firstRe = new float[TONES];
    private final float[] firstIm = new float[TONES];
    private final float[] secondRe = new float[TONES];
    private final float[] secondIm = new float[TONES];
    private final double[] power = new double[TONES];

    /** The digit's index in {@link #DIGITS}, or {@link #NO_DIGIT}. */
    int classify(float[] block) {
        double energy = energy(block);
        if (energy < 2 * MIN_TONE_POWER * BLOCK) {
            return NO_DIGIT; // too quiet to hold two tones: the common case, kept cheap
        }
        goertzelHalves(block, 0, firstRe, firstIm);
        goertzelHalves(block, HALF, secondRe, secondIm);
        fullBlockPowers();
        int row = strongest(0, ROWS);
        int column = strongest(ROWS, TONES);
        if (!pairLooksLikeDtmf(row, column)) {
            return NO_DIGIT;
        }
        double rowOffset = offsetOfSteadyTone(row, column);
        double columnOffset = offsetOfSteadyTone(column, row);
        boolean valid = withinTolerance(row, rowOffset)
                && withinTolerance(column, columnOffset)
                && tonesDominate(row, rowOffset, column, columnOffset, energy)
                && !columnIsSecondHarmonicOfRow(row, rowOffset, column, columnOffset)
                && weakSecondHarmonic(block, row, column)
                && weakSecondHarmonic(block, column, row);
        return valid ? row * ROWS + (column - ROWS) : NO_DIGIT;
    }

    /** The cheap tests on the full-block powers: level, twist, and each tone the clear peak of its group. */
    private boolean pairLooksLikeDtmf(int row, int column) {
        double rowPower = power[row];
        double columnPower = power[column];
        return loudEnough(rowPower) && loudEnough(columnPower)
                && rowPower <= columnPower * MAX_NORMAL_TWIST
                && columnPower <= rowPower * MAX_REVERSE_TWIST
                && clearlyStrongest(row, 0, ROWS, ROW_PEAK_MARGIN)
                && clearlyStrongest(column, ROWS, TONES, COLUMN_PEAK_MARGIN);
    }

    private static boolean withinTolerance(int k, double offsetHz) {
        return Math.abs(offsetHz) <= FREQUENCIES[k] * FREQUENCY_TOLERANCE; // false for NaN
    }

    /**
     * The two tones hold nearly all the block's energy. Their powers are first corrected for the
     * filter's loss at the measured frequency offset (1.5% off 1633 Hz loses 0.9 dB), so that a
     * genuine digit scores near 1 and the threshold can sit high.
     */
    private boolean tonesDominate(int row, double rowOffset, int column, double columnOffset, double energy) {
        double tones = power[row] / dirichletPower(rowOffset) + power[column] / dirichletPower(columnOffset);
        return tones * 2 / BLOCK >= MIN_TONE_SHARE * energy;
    }

    /**
     * Where the row's second-harmonic filter overlaps the column (2 x 697 Hz is 58 Hz from 1336 Hz)
     * the harmonic test is blind, and a note or a voice with its first two harmonics on a row and a
     * column would pass. A DTMF pair within 1.5% never sits this close to 2:1; harmonics always do.
     */
    private static boolean columnIsSecondHarmonicOfRow(int row, double rowOffset, int column, double columnOffset) {
        double rowHz = FREQUENCIES[row] + rowOffset;
        double columnHz = FREQUENCIES[column] + columnOffset;
        return Math.abs(columnHz - 2 * rowHz) < MIN_HARMONIC_PAIR_DISTANCE_HZ;
    }

    private static double energy(float[] block) {
        double sum = 0;
        for (int n = 0; n < BLOCK; n++) {
            sum += block[n] * block[n];
        }
        return sum;
    }

    /** Runs the eight filters over one half block, four at a time so their recurrences overlap. */
    private static void goertzelHalves(float[] block, int from, float[] re, float[] im) {
        goertzelFour(block, from, 0, re, im);
        goertzelFour(block, from, 4, re, im);
    }

    private static void goertzelFour(float[] block, int from, int first, float[] re, float[] im) {
        float c0 = COEFFICIENT[first];
        float c1 = COEFFICIENT[first + 1];
        float c2 = COEFFICIENT[first + 2];
        float c3 = COEFFICIENT[first + 3];
        float a1 = 0, a2 = 0, b1 = 0, b2 = 0, d1 = 0, d2 = 0, e1 = 0, e2 = 0;
        for (int n = from, end = from + HALF; n < end; n++) {
            float x = block[n];
            float a0 = x + c0 * a1 - a2;
            float b0 = x + c1 * b1 - b2;
            float d0 = x + c2 * d1 - d2;
            float e0 = x + c3 * e1 - e2;
            a2 = a1;
            a1 = a0;
            b2 = b1;
            b1 = b0;
            d2 = d1;
            d1 = d0;
            e2 = e1;
            e1 = e0;
        }
        complexOutput(first, a1, a2, re, im);
        complexOutput(first + 1, b1, b2, re, im);
        complexOutput(first + 2, d1, d2, re, im);
        complexOutput(first + 3, e1, e2, re, im);
    }

    /** y = s1 - e^(-j omega) s2: the DFT term, up to a phase factor common to every half. */
    private static void complexOutput(int k, float s1, float s2, float[] re, float[] im) {
        re[k] = s1 - COS[k] * s2;
        im[k] = SIN[k] * s2;
    }

    /**
     * The full block's output is the first half's plus the second half's turned back by the phase a
     * nominal tone advances in a half block (both halves use the same phase reference then).
     */
    private void fullBlockPowers() {
        for (int k = 0; k < TONES; k++) {
            float re = firstRe[k] + turnBackRe(k, secondRe[k], secondIm[k]);
            float im = firstIm[k] + turnBackIm(k, secondRe[k], secondIm[k]);
            power[k] = (double) re * re + (double) im * im;
        }
    }

    private static float turnBackRe(int k, float re, float im) {
        return re * HALF_TURN_COS[k] + im * HALF_TURN_SIN[k];
    }

    private static float turnBackIm(int k, float re, float im) {
        return im * HALF_TURN_COS[k] - re * HALF_TURN_SIN[k];
    }

    private int strongest(int from, int to) {
        int best = from;
        for (int k = from + 1; k < to; k++) {
            if (power[k] > power[best]) {
                best = k;
            }
        }
        return best;
    }

    /** |X|^2 of an N-sample block is (A N / 2)^2 for a sine of amplitude A, mean power A^2 / 2. */
    private static boolean loudEnough(double blockPower) {
        return blockPower * 2 / ((double) BLOCK * BLOCK) >= MIN_TONE_POWER;
    }

    private boolean clearlyStrongest(int peak, int from, int to, double margin) {
        for (int k = from; k < to; k++) {
            if (k != peak && power[k] * margin > power[peak]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The tone's offset from its nominal frequency in Hz, or NaN unless both halves carry it at about
     * the same power. The offset comes from the phase the tone turned between the halves beyond the
     * nominal frequency's, which is 2 pi offset M / fs: unambiguous up to 100 Hz.
     * Over 40 samples a filter is 200 Hz wide and hears the other tone of the pair (941 and 1209 Hz
     * are 268 Hz apart) at -14 dB, so that tone's leak is taken out of each half first.
     */
    private double offsetOfSteadyTone(int k, int other) {
        float leakRe = LEAK_RE[other][k];
        float leakIm = LEAK_IM[other][k];
        float re1 = firstRe[k] - (leakRe * firstRe[other] - leakIm * firstIm[other]);
        float im1 = firstIm[k] - (leakRe * firstIm[other] + leakIm * firstRe[other]);
        float rawRe2 = secondRe[k] - (leakRe * secondRe[other] - leakIm * secondIm[other]);
        float rawIm2 = secondIm[k] - (leakRe * secondIm[other] + leakIm * secondRe[other]);
        float re2 = turnBackRe(k, rawRe2, rawIm2);
        float im2 = turnBackIm(k, rawRe2, rawIm2);
        double firstPower = (double) re1 * re1 + (double) im1 * im1;
        double secondPower = (double) re2 * re2 + (double) im2 * im2;
        if (firstPower > secondPower * MAX_HALF_IMBALANCE || secondPower > firstPower * MAX_HALF_IMBALANCE) {
            return Double.NaN;
        }
        double turnRe = (double) re2 * re1 + (double) im2 * im1;
        double turnIm = (double) im2 * re1 - (double) re2 * im1;
        return Math.atan2(turnIm, turnRe) * SAMPLE_RATE / (2 * Math.PI * HALF);
    }

    /** The harmonic of {@code tone} may not exceed its allowance plus what {@code other} leaks into it. */
    private boolean weakSecondHarmonic(float[] block, int tone, int other) {
        double harmonic = goertzelPower(block, HARMONIC_COEFFICIENT[tone]);
        return harmonic <= power[tone] * MAX_SECOND_HARMONIC + power[other] * HARMONIC_LEAK[tone][other];
    }

    private static double goertzelPower(float[] block, float coefficient) {
        float s1 = 0, s2 = 0;
        for (int n = 0; n < BLOCK; n++) {
            float s0 = block[n] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return (double) s1 * s1 + (double) s2 * s2 - (double) coefficient * s1 * s2;
    }

    /** Largest normalised response of an N-point DFT bin at {@code bin} Hz to a tone near {@code tone} Hz. */
    private static double worstLeak(double bin, double tone) {
        double worst = 0;
        for (int step = -10; step <= 10; step++) {
            double offset = tone * (1 + FREQUENCY_TOLERANCE * step / 10) - bin;
            worst = Math.max(worst, dirichletPower(offset));
        }
        return worst;
    }

    /** |sin(pi d N / fs) / (N sin(pi d / fs))|^2: 1 on the bin, 0 at whole multiples of fs / N. */
    private static double dirichletPower(double offsetHz) {
        double x = Math.PI * offsetHz / SAMPLE_RATE;
        if (Math.abs(Math.sin(x)) < 1e-12) {
            return 1;
        }
        double ratio = Math.sin(x * BLOCK) / (BLOCK * Math.sin(x));
        return ratio * ratio;
    }

    private static double radiansPerSample(double hz) {
        return 2 * Math.PI * hz / SAMPLE_RATE;
    }

    static double meanPowerOfSine(double amplitude) {
        return amplitude * amplitude / 2;
    }

    static double dbToRatio(double db) {
        return Math.pow(10, db / 10);
    }
}
