package io.switchboard.core.internal.media;

import io.switchboard.api.channel.Codec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads a RIFF/WAVE prompt and accepts only what the engine plays without resampling:
 * 8000 Hz mono 16-bit PCM, or 8000 Hz mono G.711 µ-law (format 7) / A-law (format 6). Anything
 * else is a {@link PromptException} whose message names the file and says what it is.
 *
 * <p>Thread-safety: stateless.
 */
final class WavReader {

    static final int FORMAT_PCM = 1;
    static final int FORMAT_ALAW = 6;
    static final int FORMAT_ULAW = 7;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    private static final String REQUIREMENT = "prompts must be 8000 Hz mono 16-bit PCM or G.711";

    private WavReader() {
    }

    /** Decodes {@code bytes} (the whole file called {@code name}) into pre-encoded frames. */
    static PreEncodedAudio read(String name, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || !tag(in, 0, "RIFF") || !tag(in, 8, "WAVE")) {
            throw new PromptException(name + ": not a WAV file (no RIFF/WAVE header)");
        }
        int format = -1;
        int channels = 0;
        int sampleRate = 0;
        int bits = 0;
        int position = 12;
        while (position + 8 <= bytes.length) {
            long size = in.getInt(position + 4) & 0xFFFFFFFFL;
            int body = position + 8;
            if (tag(in, position, "fmt ")) {
                if (size < 16 || body + size > bytes.length) {
                    throw new PromptException(name + ": truncated WAV file (format chunk cut short)");
                }
                format = in.getShort(body) & 0xFFFF;
                channels = in.getShort(body + 2) & 0xFFFF;
                sampleRate = in.getInt(body + 4);
                bits = in.getShort(body + 14) & 0xFFFF;
                if (format == FORMAT_EXTENSIBLE && size >= 40) {
                    format = in.getShort(body + 24) & 0xFFFF; // the sub-format GUID starts with the format tag
                }
            } else if (tag(in, position, "data")) {
                if (format < 0) {
                    throw new PromptException(name + ": malformed WAV file (data before its format chunk)");
                }
                if (body + size > bytes.length) {
                    throw new PromptException(name + ": truncated WAV file (data chunk declares " + size
                            + " bytes, " + (bytes.length - body) + " present)");
                }
                return decode(name, format, channels, sampleRate, bits, bytes, body, (int) size);
            }
            position = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1)); // chunks are padded to even sizes
        }
        throw new PromptException(name + ": truncated WAV file (no " + (format < 0 ? "format" : "data") + " chunk)");
    }

    private static PreEncodedAudio decode(String name, int format, int channels, int rate, int bits,
                                          byte[] bytes, int offset, int length) {
        boolean pcm16 = format == FORMAT_PCM && bits == 16;
        boolean g711 = (format == FORMAT_ULAW || format == FORMAT_ALAW) && bits == 8;
        if (rate != 8000 || channels != 1 || !(pcm16 || g711)) {
            throw new PromptException(name + ": " + describe(format, channels, rate, bits) + "; " + REQUIREMENT);
        }
        if (pcm16) {
            short[] samples = new short[length / 2];
            ByteBuffer.wrap(bytes, offset, length).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
            return PreEncodedAudio.fromLinear(samples);
        }
        byte[] encoded = new byte[length];
        System.arraycopy(bytes, offset, encoded, 0, length);
        return PreEncodedAudio.fromEncoded(format == FORMAT_ULAW ? Codec.PCMU : Codec.PCMA, encoded);
    }

    static String describe(int format, int channels, int rate, int bits) {
        String layout = switch (channels) {
            case 1 -> "mono";
            case 2 -> "stereo";
            default -> channels + "-channel";
        };
        String kind = switch (format) {
            case FORMAT_PCM -> bits + "-bit PCM";
            case 3 -> bits + "-bit float";
            case FORMAT_ALAW -> bits == 8 ? "A-law" : bits + "-bit A-law";
            case FORMAT_ULAW -> bits == 8 ? "µ-law" : bits + "-bit µ-law";
            case 2 -> "MS ADPCM";
            case 0x11 -> "IMA ADPCM";
            case 0x55 -> "MP3";
            default -> "format " + format;
        };
        return rate + " Hz " + layout + " " + kind;
    }

    private static boolean tag(ByteBuffer in, int at, String tag) {
        for (int i = 0; i < 4; i++) {
            if (in.get(at + i) != tag.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
