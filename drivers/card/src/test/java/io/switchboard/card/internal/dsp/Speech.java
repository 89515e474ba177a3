package io.switchboard.card.internal.dsp;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real synthesized speech for the talk-off tests: espeak-ng speaks, sox resamples to 8 kHz mono
 * 16-bit. Both are Debian packages that {@code ./switchboard test} installs; without them the tests
 * fail and say so, rather than pass without having listened to any speech.
 */
final class Speech {
    private static final long TIMEOUT_SECONDS = 60;

    private Speech() {
    }

    /** {@code text} spoken by espeak-ng {@code voice} at {@code wordsPerMinute}, as 8 kHz samples. */
    static short[] spoken(Path workDir, String voice, int wordsPerMinute, int pitch, String text) {
        try {
            Path textFile = Files.createTempFile(workDir, "text", ".txt");
            Files.writeString(textFile, text);
            Path raw = Files.createTempFile(workDir, "espeak", ".wav");
            Path resampled = Files.createTempFile(workDir, "speech8k", ".wav");
            run(workDir, "espeak-ng", "-v", voice, "-s", String.valueOf(wordsPerMinute), "-p", String.valueOf(pitch),
                    "-f", textFile.toString(), "-w", raw.toString());
            run(workDir, "sox", raw.toString(), "-r", "8000", "-c", "1", "-b", "16", resampled.toString());
            return pcm16(Files.readAllBytes(resampled));
        } catch (IOException e) {
            return fail("cannot make speech with espeak-ng and sox: %s", e);
        }
    }

    static short[] concat(List<short[]> parts) {
        int total = parts.stream().mapToInt(part -> part.length).sum();
        short[] all = new short[total];
        int at = 0;
        for (short[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    static short[] scaled(short[] samples, double gainDb) {
        double gain = Math.pow(10, gainDb / 20);
        short[] out = new short[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(samples[i] * gain)));
        }
        return out;
    }

    private static void run(Path workDir, String... command) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(workDir.resolve(command[0] + ".log").toFile()).start();
        } catch (IOException e) {
            fail("'%s' is not installed: the speech tests need espeak-ng and sox "
                    + "(apt-get install espeak-ng sox; ./switchboard test installs them)", command[0], e);
            return;
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("%s did not finish within %d s", String.join(" ", command), TIMEOUT_SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for %s", command[0]);
        }
        if (process.exitValue() != 0) {
            fail("%s exited with %d: %s", String.join(" ", command), process.exitValue(),
                    Files.readString(workDir.resolve(command[0] + ".log")));
        }
    }

    /** The samples of a canonical 16-bit mono WAV file: the "data" chunk, whatever precedes it. */
    private static short[] pcm16(byte[] wav) {
        ByteBuffer buffer = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int at = 12; // after "RIFF", size, "WAVE"
        while (at + 8 <= wav.length) {
            String id = new String(wav, at, 4, java.nio.charset.StandardCharsets.US_ASCII);
            int size = buffer.getInt(at + 4);
            if (id.equals("data")) {
                int length = Math.min(size, wav.length - at - 8) / 2;
                short[] samples = new short[length];
                for (int i = 0; i < length; i++) {
                    samples[i] = buffer.getShort(at + 8 + 2 * i);
                }
                return samples;
            }
            at += 8 + size + (size & 1);
        }
        return fail("no data chunk in the WAV file sox wrote");
    }

    static List<short[]> list() {
        return new ArrayList<>();
    }
}
