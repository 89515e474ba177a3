package io.switchboard.card.internal.dsp;

import java.util.Random;

/**
 * Music-like test audio: chords of notes, each a fundamental with decaying harmonics, gliding in
 * pitch, changing every quarter second. Melodies sweep through DTMF frequencies in pairs.
 */
final class MusicLike {
    private MusicLike() {
    }

    static Signal minutes(double minutes) {
        Random random = new Random(7);
        int total = (int) (minutes * 60 * Signal.RATE);
        double[] samples = new double[total];
        int noteLength = Signal.RATE / 4;
        for (int start = 0; start < total; start += noteLength) {
            int notes = 1 + random.nextInt(3);
            for (int note = 0; note < notes; note++) {
                double from = 150 + random.nextDouble() * 1500;
                double to = from * (0.9 + random.nextDouble() * 0.2);
                addNote(samples, start, Math.min(noteLength, total - start), from, to, Signal.amplitude(-18));
            }
        }
        return Signal.create().append(samples);
    }

    private static void addNote(double[] samples, int start, int length, double from, double to, double amplitude) {
        for (int harmonic = 1; harmonic <= 6; harmonic++) {
            double phase = 0;
            double level = amplitude / harmonic;
            for (int i = 0; i < length; i++) {
                double frequency = harmonic * (from + (to - from) * i / length);
                if (frequency >= Signal.RATE / 2.0) {
                    break;
                }
                phase += 2 * Math.PI * frequency / Signal.RATE;
                samples[start + i] += level * Math.sin(phase);
            }
        }
    }
}
