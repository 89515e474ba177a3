package io.switchboard.core.internal.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpokenNumbersTest {

    private static final Map<String, String> HANZI = Map.ofEntries(
            Map.entry("0", "零"), Map.entry("1", "一"), Map.entry("2", "二"), Map.entry("3", "三"),
            Map.entry("4", "四"), Map.entry("5", "五"), Map.entry("6", "六"), Map.entry("7", "七"),
            Map.entry("8", "八"), Map.entry("9", "九"), Map.entry("10", "十"), Map.entry("liang", "两"),
            Map.entry("hundred", "百"), Map.entry("thousand", "千"), Map.entry("ten-thousand", "万"),
            Map.entry("hundred-million", "亿"));

    @ParameterizedTest(name = "{0} in English: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0         | 0
            7         | 7
            10        | 10
            11        | 11
            15        | 15
            19        | 19
            20        | 20
            21        | 20 1
            99        | 90 9
            100       | 1 hundred
            101       | 1 hundred 1
            110       | 1 hundred 10
            115       | 1 hundred 15
            999       | 9 hundred 90 9
            1000      | 1 thousand
            1001      | 1 thousand 1
            2034      | 2 thousand 30 4
            10000     | 10 thousand
            10010     | 10 thousand 10
            100000    | 1 hundred thousand
            1000000   | 1 million
            1000001   | 1 million 1
            1200300   | 1 million 2 hundred thousand 3 hundred
            20000019  | 20 million 19
            999999999 | 9 hundred 90 9 million 9 hundred 90 9 thousand 9 hundred 90 9
            """)
    void englishSaysHundredsThousandsAndMillionsWithoutAnd(int number, String spoken) {
        assertThat(english(number)).isEqualTo(spoken);
    }

    @ParameterizedTest(name = "{0} in Mandarin: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0         | 零
            2         | 二
            7         | 七
            10        | 十
            11        | 十一
            15        | 十五
            20        | 二十
            21        | 二十一
            100       | 一百
            101       | 一百零一
            110       | 一百一十
            115       | 一百一十五
            200       | 二百
            1000      | 一千
            1001      | 一千零一
            1010      | 一千零一十
            1100      | 一千一百
            2000      | 两千
            2034      | 两千零三十四
            10000     | 一万
            10010     | 一万零一十
            12000     | 一万两千
            20000     | 两万
            20002     | 两万零二
            100000    | 十万
            100010    | 十万零一十
            120000    | 十二万
            150000    | 十五万
            1000000   | 一百万
            1010000   | 一百零一万
            10001000  | 一千万一千
            10000100  | 一千万零一百
            100000000 | 一亿
            100000001 | 一亿零一
            100001000 | 一亿零一千
            100100000 | 一亿零一十万
            101000000 | 一亿零一百万
            110000000 | 一亿一千万
            200000000 | 两亿
            220000000 | 两亿两千万
            999999999 | 九亿九千九百九十九万九千九百九十九
            """)
    void mandarinSaysSectionsOfTenThousandWithOneZeroPerGap(int number, String spoken) {
        assertThat(mandarin(number)).isEqualTo(spoken);
    }

    @Test
    void everyNumberReadsBackAsItself() {
        IntStream numbers = IntStream.concat(IntStream.rangeClosed(0, 120_000),
                IntStream.iterate(120_001, n -> n <= SpokenNumbers.MAX && n > 0, n -> n + 99_991));
        numbers.forEach(n -> {
            assertThat(readEnglish(SpokenNumbers.promptNames(n, null))).as("English %d", n).isEqualTo(n);
            List<String> chinese = SpokenNumbers.promptNames(n, "zh-CN");
            assertThat(readChinese(chinese)).as("Mandarin %d", n).isEqualTo(n);
            String text = mandarin(n);
            if (n != 0) {
                assertThat(text).as("Mandarin %d", n).doesNotContain("零零").doesNotStartWith("零").doesNotEndWith("零");
            }
            assertThat(text.replaceAll("两[千万亿]", "")).as("两 only before 千, 万, 亿 in %d", n).doesNotContain("两");
        });
    }

    @Test
    void otherLanguagesUseTheEnglishRules() {
        assertThat(SpokenNumbers.promptNames(115, "en")).isEqualTo(SpokenNumbers.promptNames(115, null))
                .isEqualTo(SpokenNumbers.promptNames(115, "fr"))
                .containsExactly("digits/1", "digits/hundred", "digits/15");
        assertThat(SpokenNumbers.promptNames(115, "zh-CN")).containsExactly("digits/1", "digits/hundred", "digits/1", "digits/10", "digits/5");
    }

    @Test
    void refusesNumbersOutOfRange() {
        assertThatThrownBy(() -> SpokenNumbers.promptNames(-1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpokenNumbers.promptNames(1_000_000_000, "zh-CN")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String english(int number) {
        return SpokenNumbers.promptNames(number, null).stream().map(SpokenNumbersTest::word).collect(Collectors.joining(" "));
    }

    private static String mandarin(int number) {
        return SpokenNumbers.promptNames(number, "zh-CN").stream().map(name -> HANZI.get(word(name))).collect(Collectors.joining());
    }

    private static String word(String promptName) {
        assertThat(promptName).startsWith("digits/");
        return promptName.substring("digits/".length());
    }

    /** Adds the words up the way a listener does: a group of up to 999, multiplied by its scale word. */
    private static long readEnglish(List<String> names) {
        long total = 0;
        long group = 0;
        for (String name : names) {
            switch (word(name)) {
                case "hundred" -> group *= 100;
                case "thousand" -> { total += group * 1_000; group = 0; }
                case "million" -> { total += group * 1_000_000; group = 0; }
                default -> group += Integer.parseInt(word(name));
            }
        }
        return total + group;
    }

    /** Reads the characters back: a digit waits for its place (十, 百, 千); 万 and 亿 close a section. */
    private static long readChinese(List<String> names) {
        long total = 0;
        long section = 0;
        long digit = 0;
        for (String name : names) {
            switch (word(name)) {
                case "0" -> { }
                case "liang" -> digit = 2;
                case "10" -> { section += (digit == 0 ? 1 : digit) * 10; digit = 0; }
                case "hundred" -> { section += digit * 100; digit = 0; }
                case "thousand" -> { section += digit * 1_000; digit = 0; }
                case "ten-thousand" -> { total += (section + digit) * 10_000; section = 0; digit = 0; }
                case "hundred-million" -> { total += (section + digit) * 100_000_000; section = 0; digit = 0; }
                default -> digit = Integer.parseInt(word(name));
            }
        }
        return total + section + digit;
    }
}
