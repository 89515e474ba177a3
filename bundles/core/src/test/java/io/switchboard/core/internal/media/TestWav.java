package io.switchboard.core.internal.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small WAV files for tests. */
final class TestWav {

    private TestWav() {
    }

    static byte[] bytes(int format, int channels, int sampleRate, int bits, byte[] data) {
        ByteBuffer out = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        int blockAlign = channels * bits / 8;
        out.put("RIFF".getBytes()).putInt(36 + data.length).put("WAVE".getBytes());
        out.put("fmt ".getBytes()).putInt(16).putShort((short) format).putShort((short) channels)
                .putInt(sampleRate).putInt(sampleRate * blockAlign).putShort((short) blockAlign).putShort((short) bits);
        out.put("data".getBytes()).putInt(data.length).put(data);
        return out.array();
    }

    /** 8 kHz mono 16-bit PCM of {@code samples} samples of a constant value. */
    static byte[] pcm16(int samples, short value) {
        ByteBuffer data = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            data.putShort(value);
        }
        return bytes(WavReader.FORMAT_PCM, 1, 8000, 16, data.array());
    }

    static Path write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }
}
