package io.switchboard.core.internal.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.api.channel.Codec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptLibraryTest {

    @TempDir
    Path prompts;
    private PromptLibrary library;

    @BeforeEach
    void setUp() {
        library = new PromptLibrary(List.of(prompts));
    }

    @Test
    void playsPcmPromptsInBothCodecs() throws Exception {
        TestWav.write(prompts.resolve("en/welcome.wav"), TestWav.pcm16(400, (short) 1000));
        AudioSource welcome = library.resolve("welcome", "en");
        assertThat(frames(welcome, Codec.PCMU)).hasSize(3); // 400 samples: two frames and a padded third
        byte[] first = frames(welcome, Codec.PCMA).get(0);
        assertThat(first[0]).isEqualTo(G711.linearToAlaw(1000));
        assertThat(frames(welcome, Codec.PCMU).get(2)[159]).as("padding").isEqualTo(G711.ULAW_SILENCE);
    }

    @Test
    void takesG711FilesAsTheyAre() throws Exception {
        byte[] ulaw = new byte[160];
        Arrays.fill(ulaw, (byte) 0x9A);
        TestWav.write(prompts.resolve("mu.wav"), TestWav.bytes(WavReader.FORMAT_ULAW, 1, 8000, 8, ulaw));
        TestWav.write(prompts.resolve("a.wav"), TestWav.bytes(WavReader.FORMAT_ALAW, 1, 8000, 8, ulaw));
        assertThat(frames(library.resolve("mu", null), Codec.PCMU).get(0)).isEqualTo(ulaw);
        assertThat(frames(library.resolve("mu", null), Codec.PCMA).get(0)[0]).isEqualTo(G711.ulawToAlaw((byte) 0x9A));
        assertThat(frames(library.resolve("a", null), Codec.PCMA).get(0)).isEqualTo(ulaw);
    }

    @Test
    void rejectsOtherFormatsNamingFileAndFormat() throws Exception {
        Path file = TestWav.write(prompts.resolve("en/welcome.wav"), TestWav.bytes(WavReader.FORMAT_PCM, 2, 44100, 16, new byte[400]));
        assertThatThrownBy(() -> library.resolve("welcome", "en"))
                .isInstanceOf(PromptException.class)
                .hasMessage(file + ": 44100 Hz stereo 16-bit PCM; prompts must be 8000 Hz mono 16-bit PCM or G.711");
        TestWav.write(prompts.resolve("eight.wav"), TestWav.bytes(WavReader.FORMAT_PCM, 1, 8000, 8, new byte[160]));
        assertThatThrownBy(() -> library.resolve("eight", null)).hasMessageContaining("8000 Hz mono 8-bit PCM");
        TestWav.write(prompts.resolve("wide.wav"), TestWav.bytes(WavReader.FORMAT_ULAW, 1, 16000, 8, new byte[160]));
        assertThatThrownBy(() -> library.resolve("wide", null)).hasMessageContaining("16000 Hz mono µ-law");
    }

    @Test
    void rejectsFilesThatAreNotWavOrAreTruncated() throws Exception {
        Path text = TestWav.write(prompts.resolve("text.wav"), "hello, not audio".getBytes());
        assertThatThrownBy(() -> library.resolve("text", null)).isInstanceOf(PromptException.class)
                .hasMessage(text + ": not a WAV file (no RIFF/WAVE header)");
        byte[] whole = TestWav.pcm16(800, (short) 0);
        Path cut = TestWav.write(prompts.resolve("cut.wav"), Arrays.copyOf(whole, 300));
        assertThatThrownBy(() -> library.resolve("cut", null)).isInstanceOf(PromptException.class)
                .hasMessageStartingWith(cut + ": truncated WAV file");
        TestWav.write(prompts.resolve("headeronly.wav"), Arrays.copyOf(whole, 30));
        assertThatThrownBy(() -> library.resolve("headeronly", null)).hasMessageContaining("truncated");
    }

    @Test
    void prefersTheLanguageThenFallsBackAndFindsNestedNames() throws Exception {
        TestWav.write(prompts.resolve("zh/digits/5.wav"), TestWav.pcm16(160, (short) 2000));
        TestWav.write(prompts.resolve("digits/5.wav"), TestWav.pcm16(320, (short) 2000));
        assertThat(frames(library.resolve("digits/5", "zh"), Codec.PCMU)).hasSize(1);
        assertThat(frames(library.resolve("digits/5", "en"), Codec.PCMU)).hasSize(2);
        assertThat(frames(library.resolve("digits/5", null), Codec.PCMU)).hasSize(2);
    }

    @Test
    void decodesOnceAndAgainWhenTheFileChanges() throws Exception {
        Path file = TestWav.write(prompts.resolve("menu.wav"), TestWav.pcm16(160, (short) 0));
        AudioSource first = library.resolve("menu", null);
        assertThat(library.resolve("menu", null)).isSameAs(first);
        TestWav.write(file, TestWav.pcm16(480, (short) 0));
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
        AudioSource changed = library.resolve("menu", null);
        assertThat(changed).isNotSameAs(first);
        assertThat(frames(changed, Codec.PCMU)).hasSize(3);
    }

    @Test
    void unknownOrUnsafeNamesAreClearErrors() {
        assertThatThrownBy(() -> library.resolve("nothing", "en")).isInstanceOf(PromptException.class)
                .hasMessageStartingWith("unknown prompt 'nothing' (language en)");
        assertThatThrownBy(() -> library.resolve("../etc/passwd", null)).isInstanceOf(PromptException.class)
                .hasMessageContaining("invalid prompt name");
        assertThatThrownBy(() -> library.resolve("tone:dial", null)).hasMessageContaining("unknown tone");
        assertThatThrownBy(() -> library.resolve("silence:abc", null)).hasMessageContaining("silence:<milliseconds>");
    }

    @Test
    void generatesTonesSilenceAndMusic() throws Exception {
        assertThat(frames(library.resolve("tone:ringback", null), Codec.PCMU)).hasSize(250); // 1 s + 4 s
        assertThat(frames(library.resolve("tone:busy", null), Codec.PCMA)).hasSize(35); // 0.35 s + 0.35 s
        assertThat(frames(library.resolve("silence:100", null), Codec.PCMU)).hasSize(5)
                .allSatisfy(frame -> assertThat(frame).containsOnly(G711.ULAW_SILENCE));
        assertThat(frames(library.resolve("moh", null), Codec.PCMU)).hasSize(120);
        TestWav.write(prompts.resolve("moh.wav"), TestWav.pcm16(160, (short) 0));
        assertThat(frames(library.resolve("moh", null), Codec.PCMU)).hasSize(1);
    }

    private static List<byte[]> frames(AudioSource source, Codec codec) {
        AudioSource.Cursor cursor = source.open();
        List<byte[]> frames = new java.util.ArrayList<>();
        byte[] frame = new byte[160];
        while (cursor.next(codec, frame)) {
            frames.add(frame.clone());
        }
        return frames;
    }
}
