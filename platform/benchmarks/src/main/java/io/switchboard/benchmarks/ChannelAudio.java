package io.switchboard.benchmarks;

import io.switchboard.card.internal.dsp.G711;
import java.util.Random;

/** Prebuilt benchmark audio at 8 kHz: what callers send, and a prompt the driver plays out. */
final class ChannelAudio {
    private static final int RATE = 8000;
    private static final int FRAME = 160;
    private static final int SECONDS = 20;
    private static final double[] ROWS = {697, 770, 852, 941};
    private static final double[] COLUMNS = {1209, 1336, 1477, 1633};

    private ChannelAudio() {
    }

    /** 20 s in 20 ms frames: alternating speech-like talk, line noise, and bursts of digits. */
    static byte[][] stream(G711 law) {
        Random random = new Random(1);
        double[] audio = new double[SECONDS * RATE];
        int at = 0;
        while (at < audio.length) {
            int length = Math.min(audio.length - at, RATE * (1 + random.nextInt(2)));
            switch (random.nextInt(4)) {
                case 0, 1 -> talk(audio, at, length, random);
                case 2 -> digits(audio, at, length, random);
                default -> noise(audio, at, length, random, 60);
            }
            at += length;
        }
        return frames(audio, law);
    }

    /** A second of speech-like audio to encode, as the driver encodes prompts for the card. */
    static short[][] prompt() {
        double[] audio = new double[RATE];
        talk(audio, 0, audio.length, new Random(2));
        short[][] frames = new short[audio.length / FRAME][FRAME];
        for (int i = 0; i < audio.length; i++) {
            frames[i / FRAME][i % FRAME] = clip(audio[i]);
        }
        return frames;
    }

    /** Voiced sound: a gliding pitch with harmonics shaped by two formants, syllables 200 ms long. */
    private static void talk(double[] audio, int from, int length, Random random) {
        double phase = 0;
        double pitch = 100 + random.nextDouble() * 120;
        double formant1 = 500;
        double formant2 = 1500;
        for (int i = 0; i < length; i++) {
            if (i % 1600 == 0) {
                pitch = 100 + random.nextDouble() * 120;
                formant1 = 300 + random.nextDouble() * 600;
                formant2 = 900 + random.nextDouble() * 1600;
            }
            phase += 2 * Math.PI * pitch * (1 + 0.05 * Math.sin(i / 400.0)) / RATE;
            double sample = 0;
            for (int h = 1; h * pitch < 3400; h++) {
                double f = h * pitch;
                double gain = 1 / (1 + sq((f - formant1) / 150)) + 0.5 / (1 + sq((f - formant2) / 200));
                sample += gain * Math.sin(h * phase);
            }
            double envelope = Math.sin(Math.PI * (i % 1600) / 1600.0);
            audio[from + i] = 3000 * envelope * sample + random.nextGaussian() * 100;
        }
    }

    private static void digits(double[] audio, int from, int length, Random random) {
        int on = RATE * 60 / 1000;
        for (int start = 0; start + 2 * on <= length; start += 2 * on) {
            double row = ROWS[random.nextInt(4)];
            double column = COLUMNS[random.nextInt(4)];
            for (int i = 0; i < on; i++) {
                audio[from + start + i] = 7000 * (Math.sin(2 * Math.PI * row * i / RATE) + Math.sin(2 * Math.PI * column * i / RATE));
            }
        }
        noise(audio, from, length, random, 60);
    }

    private static void noise(double[] audio, int from, int length, Random random, double rms) {
        for (int i = 0; i < length; i++) {
            audio[from + i] += random.nextGaussian() * rms;
        }
    }

    private static byte[][] frames(double[] audio, G711 law) {
        byte[][] frames = new byte[audio.length / FRAME][FRAME];
        for (int i = 0; i < audio.length; i++) {
            frames[i / FRAME][i % FRAME] = law.encode(clip(audio[i]));
        }
        return frames;
    }

    private static short clip(double value) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value)));
    }

    private static double sq(double x) {
        return x * x;
    }
}
