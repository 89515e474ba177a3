package io.switchboard.itests.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The appliance's simulated telephony card as a test drives it: through the product's own
 * {@code switchboard simcard ... --data DIR} command, plus the audio a test plays into a line or
 * reads back from a capture (8 kHz mono 16-bit WAV).
 */
public final class Simcard {

    private static final Duration CEILING = Duration.ofSeconds(60);
    public static final int RATE = 8000;

    private final Path data;

    public Simcard(Path data) {
        this.data = data;
    }

    /** Runs {@code switchboard simcard ARGS --data DIR}. */
    public Appliance.Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("simcard"));
        command.addAll(List.of(args));
        command.add("--data");
        command.add(data.toString());
        return Appliance.runToExit(CEILING, command.toArray(String[]::new));
    }

    /** Runs a command that must succeed; its standard output. */
    public String ok(String... args) throws IOException, InterruptedException {
        Appliance.Result result = run(args);
        assertThat(result.exitCode()).as("simcard %s: %s", String.join(" ", args), result.stderr()).isZero();
        return result.stdout();
    }

    /** The state {@code status} gives the channel ({@code idle}, {@code connected}, ...). */
    public String state(int channel) throws IOException, InterruptedException {
        for (String line : ok("status").split("\n")) {
            if (line.startsWith("channel " + channel + " ")) {
                return line.replaceAll(".*state=(\\S+).*", "$1");
            }
        }
        throw new AssertionError("simcard status has no channel " + channel);
    }

    /** Captures what the appliance sends on the channel for the given seconds; the samples. */
    public short[] capture(int channel, int seconds, Path dir) throws IOException, InterruptedException {
        Path file = Files.createTempFile(dir, "capture-" + channel + "-", ".wav");
        ok("capture", Integer.toString(channel), file.toString(), Integer.toString(seconds));
        return readWav(file);
    }

    // ---- audio

    public static short[] readWav(Path file) throws IOException {
        ByteBuffer wav = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int at = 12;
        while (at + 8 <= wav.limit()) {
            int size = wav.getInt(at + 4);
            if (wav.get(at) == 'd' && wav.get(at + 1) == 'a' && wav.get(at + 2) == 't' && wav.get(at + 3) == 'a') {
                short[] samples = new short[Math.min(size, wav.limit() - at - 8) / 2];
                wav.position(at + 8);
                wav.asShortBuffer().get(samples);
                return samples;
            }
            at += 8 + size + (size & 1);
        }
        throw new IOException(file + " has no data chunk");
    }

    public static Path writeWav(Path file, short[] samples) throws IOException {
        ByteBuffer wav = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + samples.length * 2).put("WAVE".getBytes());
        wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE * 2)
                .putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes()).putInt(samples.length * 2);
        for (short sample : samples) {
            wav.putShort(sample);
        }
        return Files.write(file, wav.array());
    }

    /** DTMF key presses (70 ms tone, 80 ms pause) over white noise {@code snrDb} below the tones. */
    public static short[] dtmfWithNoise(String digits, double snrDb, long seed) {
        int on = RATE * 70 / 1000;
        int off = RATE * 80 / 1000;
        double[] signal = new double[RATE / 5 + digits.length() * (on + off) + RATE / 5];
        double amplitude = 6000; // per tone, about -12 dBm0
        int at = RATE / 5;
        for (char digit : digits.toCharArray()) {
            double[] pair = frequencies(digit);
            for (int i = 0; i < on; i++) {
                double t = (double) i / RATE;
                signal[at + i] = amplitude * (Math.sin(2 * Math.PI * pair[0] * t) + Math.sin(2 * Math.PI * pair[1] * t));
            }
            at += on + off;
        }
        double toneRms = amplitude; // two tones of amplitude A: total RMS = A
        double noiseRms = toneRms / Math.pow(10, snrDb / 20);
        Random random = new Random(seed);
        short[] samples = new short[signal.length];
        for (int i = 0; i < signal.length; i++) {
            samples[i] = clip(signal[i] + random.nextGaussian() * noiseRms);
        }
        return samples;
    }

    public static short[] tone(double hertz, double seconds, double amplitude) {
        short[] samples = new short[(int) (seconds * RATE)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = clip(amplitude * Math.sin(2 * Math.PI * hertz * i / RATE));
        }
        return samples;
    }

    /** Share of the signal's energy at {@code hertz} (Goertzel over 20 ms frames), in the loudest frames. */
    public static int framesDominatedBy(short[] samples, double hertz) {
        int frame = RATE / 50;
        int count = 0;
        for (int start = 0; start + frame <= samples.length; start += frame) {
            double energy = 0;
            for (int i = start; i < start + frame; i++) {
                energy += (double) samples[i] * samples[i];
            }
            if (energy / frame < 1e4) {
                continue; // silence
            }
            double power = goertzel(samples, start, frame, hertz) * 2 / frame; // ≈ energy of that sine
            if (power > 0.6 * energy) {
                count++;
            }
        }
        return count;
    }

    /**
     * The best normalized cross-correlation of a window of {@code heard} with any position of
     * {@code reference}: near 1 when {@code heard} contains that stretch of the reference.
     */
    public static double bestCorrelation(short[] reference, short[] heard, int windowStart, int windowLength) {
        double windowEnergy = 0;
        for (int i = windowStart; i < windowStart + windowLength; i++) {
            windowEnergy += (double) heard[i] * heard[i];
        }
        double best = 0;
        for (int lag = 0; lag + windowLength <= reference.length; lag++) {
            double dot = 0;
            double referenceEnergy = 0;
            for (int i = 0; i < windowLength; i++) {
                double r = reference[lag + i];
                dot += r * heard[windowStart + i];
                referenceEnergy += r * r;
            }
            if (referenceEnergy > 0 && windowEnergy > 0) {
                best = Math.max(best, dot / Math.sqrt(referenceEnergy * windowEnergy));
            }
        }
        return best;
    }

    private static double goertzel(short[] samples, int start, int length, double hertz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hertz / RATE);
        double previous = 0;
        double beforePrevious = 0;
        for (int i = start; i < start + length; i++) {
            double current = samples[i] + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        return previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
    }

    private static double[] frequencies(char digit) {
        String keys = "123A456B789C*0#D";
        int index = keys.indexOf(digit);
        if (index < 0) {
            throw new IllegalArgumentException("not a DTMF digit: " + digit);
        }
        double[] rows = {697, 770, 852, 941};
        double[] columns = {1209, 1336, 1477, 1633};
        return new double[] {rows[index / 4], columns[index % 4]};
    }

    private static short clip(double value) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value)));
    }
}
