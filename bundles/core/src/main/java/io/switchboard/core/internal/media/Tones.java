package io.switchboard.core.internal.media;

/**
 * The tone plan (call-progress tones and the fallback music on hold), in one place so that a
 * country's plan is changed here only. Each tone is generated as one cadence cycle; play it with
 * {@code loop} to repeat it.
 */
final class Tones {

    /** A single-frequency tone: {@code onMs} of tone, then {@code offMs} of silence. */
    record Cadence(int frequencyHz, int onMs, int offMs) {
    }

    /** Ringback: 450 Hz, 1 s on, 4 s off (ITU-T E.180 / China). */
    static final Cadence RINGBACK = new Cadence(450, 1000, 4000);
    /** Busy: 450 Hz, 0.35 s on, 0.35 s off. */
    static final Cadence BUSY = new Cadence(450, 350, 350);

    /** The fallback music on hold: a soft, slow arpeggio (Hz), each note {@value #MOH_NOTE_MS} ms. */
    static final int[] MOH_NOTES = {262, 330, 392, 523, 392, 330};
    static final int MOH_NOTE_MS = 400;

    static final int[] DTMF_ROWS_HZ = {697, 770, 852, 941};
    static final int[] DTMF_COLUMNS_HZ = {1209, 1336, 1477, 1633};
    static final int DTMF_TONE_MS = 100;

    private static final int SAMPLE_RATE = 8000;
    /** About -10 dBm0: audible, not harsh. */
    private static final double TONE_AMPLITUDE = 0.25 * Short.MAX_VALUE;
    /** Softer for music on hold. */
    private static final double MOH_AMPLITUDE = 0.12 * Short.MAX_VALUE;

    private Tones() {
    }

    static short[] cadence(Cadence cadence) {
        int on = cadence.onMs() * SAMPLE_RATE / 1000;
        int off = cadence.offMs() * SAMPLE_RATE / 1000;
        short[] samples = new short[on + off];
        sine(samples, 0, on, cadence.frequencyHz(), TONE_AMPLITUDE);
        return samples;
    }

    /** In-band DTMF (for lines without RFC 4733): 100 ms of the digit's two tones, then 100 ms of silence. */
    static short[] dtmf(char digit) {
        String keypad = "123A456B789C*0#D";
        int key = keypad.indexOf(Character.toUpperCase(digit));
        if (key < 0) {
            throw new IllegalArgumentException("not a DTMF digit: " + digit);
        }
        int tone = DTMF_TONE_MS * SAMPLE_RATE / 1000;
        short[] low = new short[tone * 2];
        short[] high = new short[tone * 2];
        sine(low, 0, tone, DTMF_ROWS_HZ[key / 4], TONE_AMPLITUDE / 2);
        sine(high, 0, tone, DTMF_COLUMNS_HZ[key % 4], TONE_AMPLITUDE / 2);
        for (int i = 0; i < tone; i++) {
            low[i] += high[i];
        }
        return low;
    }

    static short[] musicOnHold() {
        int note = MOH_NOTE_MS * SAMPLE_RATE / 1000;
        short[] samples = new short[note * MOH_NOTES.length];
        for (int i = 0; i < MOH_NOTES.length; i++) {
            sine(samples, i * note, note, MOH_NOTES[i], MOH_AMPLITUDE);
        }
        return samples;
    }

    /** Writes a sine with a short fade in and out (no clicks at the edges). */
    private static void sine(short[] out, int from, int length, int frequencyHz, double amplitude) {
        int fade = Math.min(length / 4, SAMPLE_RATE / 100);
        for (int i = 0; i < length; i++) {
            double envelope = 1.0;
            if (i < fade) {
                envelope = (double) i / fade;
            } else if (i >= length - fade) {
                envelope = (double) (length - 1 - i) / fade;
            }
            out[from + i] = (short) Math.round(amplitude * envelope * Math.sin(2 * Math.PI * frequencyHz * i / SAMPLE_RATE));
        }
    }
}
