package io.switchboard.core.internal.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.api.channel.Codec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PromptLibrarySayNumberTest {

    @TempDir
    Path prompts;
    private PromptLibrary library;

    @BeforeEach
    void setUp() {
        library = new PromptLibrary(List.of(prompts));
    }

    @Test
    void saysANumberAsItsPromptsBackToBack() throws Exception {
        TestWav.write(prompts.resolve("digits/40.wav"), TestWav.pcm16(400, (short) 1000)); // 3 frames
        TestWav.write(prompts.resolve("digits/2.wav"), TestWav.pcm16(160, (short) -3000)); // 1 frame

        List<byte[]> spoken = frames(library.resolve("say-number:42", null), Codec.PCMU);

        int parts = frames(library.resolve("digits/40", null), Codec.PCMU).size()
                + frames(library.resolve("digits/2", null), Codec.PCMU).size();
        assertThat(spoken).hasSize(parts).hasSize(4);
        assertThat(spoken.get(0)[0]).isEqualTo(G711.linearToUlaw(1000));
        assertThat(spoken.get(2)[159]).as("forty's padding").isEqualTo(G711.ULAW_SILENCE);
        assertThat(spoken.get(3)).containsOnly(G711.linearToUlaw(-3000));
        assertThat(frames(library.resolve("say-number:42", "en"), Codec.PCMA).get(3)).containsOnly(G711.linearToAlaw(-3000));
    }

    @Test
    void saysItTheWayTheLanguageDoesFromItsFolder() throws Exception {
        TestWav.write(prompts.resolve("digits/40.wav"), TestWav.pcm16(160, (short) 0));
        TestWav.write(prompts.resolve("digits/2.wav"), TestWav.pcm16(160, (short) 0));
        TestWav.write(prompts.resolve("zh-CN/digits/4.wav"), TestWav.pcm16(160, (short) 400));
        TestWav.write(prompts.resolve("zh-CN/digits/10.wav"), TestWav.pcm16(320, (short) 1000));
        TestWav.write(prompts.resolve("zh-CN/digits/2.wav"), TestWav.pcm16(160, (short) 200));

        List<byte[]> spoken = frames(library.resolve("say-number:42", "zh-CN"), Codec.PCMU); // 四 十 二

        assertThat(spoken).extracting(frame -> frame[0]).containsExactly(G711.linearToUlaw(400),
                G711.linearToUlaw(1000), G711.linearToUlaw(1000), G711.linearToUlaw(200));
    }

    @Test
    void aMissingDigitPromptIsNamed() throws Exception {
        TestWav.write(prompts.resolve("digits/40.wav"), TestWav.pcm16(160, (short) 0));
        assertThatThrownBy(() -> library.resolve("say-number:42", "en")).isInstanceOf(PromptException.class)
                .hasMessageStartingWith("cannot say 'say-number:42': unknown prompt 'digits/2' (language en): no digits/2.wav in ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"say-number:", "say-number:-1", "say-number:abc", "say-number:+5", "say-number:4.5",
            "say-number: 42", "say-number:4_2", "say-number:٤٢"})
    void refusesWhatIsNotAWholeNumber(String item) {
        assertThatThrownBy(() -> library.resolve(item, null)).isInstanceOf(PromptException.class)
                .hasMessage("invalid number in '" + item + "': expected say-number:<n>, n a whole number 0..999999999");
    }

    @ParameterizedTest
    @ValueSource(strings = {"say-number:1000000000", "say-number:2147483648", "say-number:99999999999999999999999"})
    void refusesNumbersTooLargeToSay(String item) {
        assertThatThrownBy(() -> library.resolve(item, "zh-CN")).isInstanceOf(PromptException.class)
                .hasMessage("number out of range in '" + item + "': say-number says 0..999999999");
    }

    @Test
    void leadingZerosAreTheSameNumber() throws Exception {
        TestWav.write(prompts.resolve("digits/7.wav"), TestWav.pcm16(160, (short) 0));
        assertThat(frames(library.resolve("say-number:0000000000007", null), Codec.PCMU)).hasSize(1);
    }

    @Test
    void anUnsafeLanguageIsRefusedBeforeAnyLookup() {
        assertThatThrownBy(() -> library.resolve("say-number:1", "../..")).isInstanceOf(PromptException.class)
                .hasMessage("invalid prompt language '../..'");
        assertThatThrownBy(() -> library.resolve("moh", "../..")).hasMessage("invalid prompt language '../..'");
    }

    static List<byte[]> frames(AudioSource source, Codec codec) {
        AudioSource.Cursor cursor = source.open();
        List<byte[]> frames = new ArrayList<>();
        byte[] frame = new byte[PreEncodedAudio.FRAME_BYTES];
        while (cursor.next(codec, frame)) {
            frames.add(frame.clone());
        }
        return frames;
    }
}
