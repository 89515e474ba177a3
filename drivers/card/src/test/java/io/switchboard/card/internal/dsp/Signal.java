package io.switchboard.card.internal.dsp;

import java.util.Arrays;
import java.util.Random;

/** Builds test audio at 8 kHz on the 16-bit scale: tones at dBm0 levels, silence, noise. */
final class Signal {
    static final int RATE = 8000;
    private double[] samples = new double[0];
    private final Random random = new Random(42);

    static Signal create() {
        return new Signal();
    }

    static double amplitude(double dbm0) {
        return DtmfBlockClassifier.ZERO_DBM0_AMPLITUDE * Math.pow(10, dbm0 / 20);
    }

    static int samplesFor(int ms) {
        return ms * RATE / 1000;
    }

    /** The digit's row and column, each at -10 dBm0. */
    Signal digit(char digit, int ms) {
        return digit(digit, ms, -10, -10, 0);
    }

    Signal digit(char digit, int ms, double rowDbm0, double columnDbm0, double frequencyError) {
        double[] pair = frequencies(digit);
        return tones(ms, pair[0] * (1 + frequencyError), rowDbm0, pair[1] * (1 + frequencyError), columnDbm0);
    }

    Signal tones(int ms, double f1, double dbm1, double f2, double dbm2) {
        int n = samplesFor(ms);
        double[] part = new double[n];
        double phase1 = random.nextDouble() * 2 * Math.PI;
        double phase2 = random.nextDouble() * 2 * Math.PI;
        for (int i = 0; i < n; i++) {
            part[i] = amplitude(dbm1) * Math.sin(2 * Math.PI * f1 * i / RATE + phase1)
                    + amplitude(dbm2) * Math.sin(2 * Math.PI * f2 * i / RATE + phase2);
        }
        return append(part);
    }

    Signal tone(int ms, double f, double dbm0) {
        return tones(ms, f, dbm0, f, Double.NEGATIVE_INFINITY);
    }

    Signal silence(int ms) {
        return append(new double[samplesFor(ms)]);
    }

    Signal append(double[] part) {
        int old = samples.length;
        samples = Arrays.copyOf(samples, old + part.length);
        System.arraycopy(part, 0, samples, old, part.length);
        return this;
    }

    Signal append(short[] part) {
        double[] converted = new double[part.length];
        for (int i = 0; i < part.length; i++) {
            converted[i] = part[i];
        }
        return append(converted);
    }

    /** Adds white Gaussian noise at {@code dbm0} over the whole signal so far. */
    Signal withNoise(double dbm0) {
        double rms = amplitude(dbm0) / Math.sqrt(2);
        for (int i = 0; i < samples.length; i++) {
            samples[i] += random.nextGaussian() * rms;
        }
        return this;
    }

    /** Mixes {@code other} under this signal, starting at its first sample, scaled by {@code gainDb}. */
    Signal mix(short[] other, double gainDb) {
        double gain = Math.pow(10, gainDb / 20);
        for (int i = 0; i < Math.min(samples.length, other.length); i++) {
            samples[i] += other[i] * gain;
        }
        return this;
    }

    int length() {
        return samples.length;
    }

    short[] linear() {
        short[] out = new short[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(samples[i])));
        }
        return out;
    }

    byte[] encoded(G711 law) {
        short[] linear = linear();
        byte[] out = new byte[linear.length];
        law.encode(linear, 0, out, 0, linear.length);
        return out;
    }

    static double[] frequencies(char digit) {
        int index = new String(DtmfBlockClassifier.DIGITS).indexOf(digit);
        if (index < 0) {
            throw new IllegalArgumentException("not a DTMF digit: " + digit);
        }
        return new double[] {DtmfBlockClassifier.FREQUENCIES[index / 4], DtmfBlockClassifier.FREQUENCIES[4 + index % 4]};
    }
}
