package io.switchboard.core.internal.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.api.channel.Codec;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The prompts the appliance ships (appliance-image/src/main/dist/prompts, made by
 * appliance-image/prompts/generate-prompts.sh): everything the ACD and say-number ask for is there in
 * every language, in that language's own folder, and loads.
 */
class ShippedPromptsTest {

    private static final Path SHIPPED = Path.of("../../appliance-image/src/main/dist/prompts").toAbsolutePath().normalize();
    /** The default (English, the root folder) and every language with its own prompts. */
    private static final List<String> LANGUAGES = List.of("", "zh-CN");
    private static final List<String> ACD = List.of("acd/position-before", "acd/position-after", "acd/wait-before",
            "acd/wait-minutes", "acd/wait-under-minute", "acd/callback-offer-before", "acd/callback-confirm",
            "acd/callback-intro", "acd/no-agents", "acd/closed", "acd/transfer");

    private final PromptLibrary library = new PromptLibrary(List.of(SHIPPED));

    @Test
    void everyAcdPromptIsShippedInEveryLanguage() {
        assertThat(SHIPPED).isDirectory();
        for (String language : LANGUAGES) {
            for (String name : ACD) {
                assertShipped(name, language);
            }
        }
    }

    @Test
    void everyDigitPromptANumberNeedsIsShippedInEveryLanguage() {
        for (String language : LANGUAGES) {
            for (String name : digitPrompts(language)) {
                assertShipped(name, language);
            }
        }
    }

    @Test
    void theCallbackKeysAreShippedInEveryLanguage() {
        for (String language : LANGUAGES) {
            for (int key = 0; key <= 9; key++) {
                assertShipped("digits/" + key, language);
            }
            assertShipped("digits/star", language);
            assertShipped("digits/hash", language);
        }
    }

    @Test
    void bigNumbersAreSaidInEveryLanguage() {
        for (String language : LANGUAGES) {
            assertThat(frames(library.resolve("say-number:999999999", language))).as(language).isGreaterThan(20);
            assertThat(frames(library.resolve("say-number:2034", language))).as(language).isGreaterThan(5);
        }
    }

    /** Every prompt name SpokenNumbers uses for a language, over numbers that need every rule. */
    private static Set<String> digitPrompts(String language) {
        Set<String> names = new TreeSet<>();
        IntStream.rangeClosed(0, 20_000).forEach(n -> names.addAll(SpokenNumbers.promptNames(n, language)));
        for (int scale = 10; scale > 0 && scale <= SpokenNumbers.MAX / 99; scale *= 10) {
            for (int n = 1; n <= 99; n++) {
                names.addAll(SpokenNumbers.promptNames(n * scale, language));
            }
        }
        names.addAll(SpokenNumbers.promptNames(SpokenNumbers.MAX, language));
        return names;
    }

    private void assertShipped(String name, String language) {
        Path own = (language.isEmpty() ? SHIPPED : SHIPPED.resolve(language)).resolve(name + ".wav");
        assertThat(own).as("%s in %s", name, language.isEmpty() ? "the default language" : language).isRegularFile();
        assertThat(frames(library.resolve(name, language))).as("%s in %s", name, language).isPositive();
    }

    private static int frames(AudioSource source) {
        return PromptLibrarySayNumberTest.frames(source, Codec.PCMA).size();
    }
}
