package io.switchboard.core.internal.media;

import java.util.ArrayList;
import java.util.List;

/**
 * The word rules behind {@code say-number:<n>}: which {@code digits/*} prompts say a number, in the
 * order the caller's language says them. {@link PromptLibrary} looks the names up in that language's
 * prompt folder and plays them back to back.
 *
 * <ul>
 *   <li><b>English</b>, the default and the rules for every language without its own: {@code digits/0}
 *       to {@code digits/19}, the tens {@code digits/20} to {@code digits/90}, {@code digits/hundred},
 *       {@code digits/thousand}, {@code digits/million}; no "and" (115: one hundred fifteen, 2,034: two
 *       thousand thirty four).</li>
 *   <li><b>{@code zh-CN}</b>, Mandarin: {@code digits/0} (零) to {@code digits/10} (十),
 *       {@code digits/liang} (两), {@code digits/hundred} (百), {@code digits/thousand} (千),
 *       {@code digits/ten-thousand} (万), {@code digits/hundred-million} (亿). The number is read in
 *       sections of four digits (亿, 万, units); one 零 stands for any run of zeros between two spoken
 *       digits, and before a lower section below 1000 (10,010: 一万零一十). A number that starts in the
 *       tens says 十, not 一十 (15: 十五, 150,000: 十五万; but 110: 一百一十). Two is 两 in the
 *       thousands place (两千, 一万两千) and for a section that is exactly 2 before 万 or 亿 (两万, 两亿);
 *       everywhere else it is 二 (二百, 二十, 十二万, and 2 itself, as in 第二位).</li>
 * </ul>
 *
 * <p>Thread-safety: stateless.
 */
final class SpokenNumbers {

    static final int MAX = 999_999_999;
    static final String CHINESE = "zh-CN";

    private static final String HUNDRED = "digits/hundred";
    private static final String THOUSAND = "digits/thousand";
    private static final String MILLION = "digits/million";
    private static final String TEN = "digits/10";
    private static final String LIANG = "digits/liang";
    private static final String TEN_THOUSAND = "digits/ten-thousand";
    private static final String HUNDRED_MILLION = "digits/hundred-million";

    private SpokenNumbers() {
    }

    /**
     * @param number   0 to {@link #MAX}
     * @param language the prompt language ({@code zh-CN}), or null for the default
     * @return the prompt names that say {@code number}, never empty
     */
    static List<String> promptNames(int number, String language) {
        if (number < 0 || number > MAX) {
            throw new IllegalArgumentException("number out of range 0.." + MAX + ": " + number);
        }
        return CHINESE.equals(language) ? chinese(number) : english(number);
    }

    private static List<String> english(int number) {
        if (number == 0) {
            return List.of(digit(0));
        }
        List<String> words = new ArrayList<>();
        englishGroup(number / 1_000_000, MILLION, words);
        englishGroup(number / 1_000 % 1_000, THOUSAND, words);
        englishGroup(number % 1_000, null, words);
        return words;
    }

    /** One group of three digits (0 says nothing), then its scale word if any. */
    private static void englishGroup(int group, String scale, List<String> words) {
        if (group == 0) {
            return;
        }
        if (group >= 100) {
            words.add(digit(group / 100));
            words.add(HUNDRED);
        }
        int rest = group % 100;
        if (rest >= 20) {
            words.add(digit(rest / 10 * 10));
            if (rest % 10 != 0) {
                words.add(digit(rest % 10));
            }
        } else if (rest > 0) {
            words.add(digit(rest));
        }
        if (scale != null) {
            words.add(scale);
        }
    }

    private static List<String> chinese(int number) {
        if (number == 0) {
            return List.of(digit(0));
        }
        int[] sections = {number / 100_000_000, number / 10_000 % 10_000, number % 10_000};
        String[] units = {HUNDRED_MILLION, TEN_THOUSAND, null};
        List<String> words = new ArrayList<>();
        boolean skipped = false; // a whole section of zeros since the last word
        for (int i = 0; i < sections.length; i++) {
            int section = sections[i];
            if (section == 0) {
                skipped |= !words.isEmpty();
                continue;
            }
            if (!words.isEmpty() && (skipped || section < 1_000)) {
                words.add(digit(0));
            }
            skipped = false;
            chineseSection(section, words.isEmpty(), units[i] != null, words);
            if (units[i] != null) {
                words.add(units[i]);
            }
        }
        return words;
    }

    /**
     * One section of up to four digits (1..9999).
     *
     * @param opensNumber the section is the first thing said, so a leading 1 in the tens is just 十
     * @param beforeUnit  万 or 亿 follows, so a section of exactly 2 is 两
     */
    private static void chineseSection(int section, boolean opensNumber, boolean beforeUnit, List<String> words) {
        int[] digits = {section / 1_000, section / 100 % 10, section / 10 % 10, section % 10};
        String[] places = {THOUSAND, HUNDRED, TEN, null};
        boolean spoken = false;
        boolean zeros = false; // zeros since the last spoken digit
        for (int place = 0; place < digits.length; place++) {
            int d = digits[place];
            if (d == 0) {
                zeros |= spoken;
                continue;
            }
            if (zeros) {
                words.add(digit(0));
                zeros = false;
            }
            boolean bareTen = place == 2 && d == 1 && opensNumber && !spoken;
            if (!bareTen) {
                boolean liang = d == 2 && (place == 0 || section == 2 && beforeUnit);
                words.add(liang ? LIANG : digit(d));
            }
            if (places[place] != null) {
                words.add(places[place]);
            }
            spoken = true;
        }
    }

    private static String digit(int value) {
        return "digits/" + value;
    }
}
