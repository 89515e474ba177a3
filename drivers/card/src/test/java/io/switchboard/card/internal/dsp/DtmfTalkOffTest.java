package io.switchboard.card.internal.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Talk-off: minutes of real synthesized speech, English and Mandarin, men's and women's voices,
 * slow and fast, loud and quiet, must give no digit; digits between and under speech must all be
 * found. Needs espeak-ng and sox (see {@link Speech}).
 */
class DtmfTalkOffTest {
    private static final String NUMBERS = "one two three four five six seven eight nine zero. "
            + "My account number is four seven one, nine nine two, three eight zero five. "
            + "Press one for balances, two for cards, three to speak to an advisor, star to repeat, hash to finish. "
            + "Twenty one, thirty four, fifty six, seventy eight, ninety, one hundred, one thousand and one. "
            + "The code is eight eight eight, six six six, zero zero zero, one two one two.";
    private static final String PARAGRAPH = "Good morning, thank you for calling the bank. Your call is important to us, "
            + "and may be recorded for training and quality purposes. While you wait, did you know that you can "
            + "check your balance, pay bills and move money between your accounts in our mobile application? "
            + "If you have lost your card, or you think someone has used it without your permission, please stay "
            + "on the line and an advisor will help you straight away. Our opening hours are eight in the morning "
            + "until eight in the evening, Monday to Saturday. Remember, we will never ask you for your full PIN "
            + "or your online banking password. Sorry to keep you waiting; all of our advisors are still busy.";
    private static final String MANDARIN = "您好，欢迎致电银行客户服务中心。查询余额请按一，信用卡服务请按二，"
            + "转人工服务请按零。您的账号是四七一九九二三八零五。我们的营业时间是每天早上八点到晚上八点。"
            + "请不要向任何人透露您的密码。感谢您的耐心等待，您的来电对我们非常重要。"
            + "一二三四五六七八九十，百千万，二零二四年十二月三十一日。";

    @TempDir
    static Path work;
    private static short[] speech;

    @BeforeAll
    static void synthesize() {
        List<short[]> parts = new ArrayList<>();
        for (String voice : List.of("en", "en-us+f3", "en+m3")) {
            for (int rate : new int[] {120, 175}) {
                parts.add(Speech.spoken(work, voice, rate, 50, NUMBERS));
                parts.add(Speech.spoken(work, voice, rate, rate == 120 ? 30 : 80, PARAGRAPH));
            }
        }
        for (String voice : List.of("cmn", "cmn+f2")) {
            for (int rate : new int[] {110, 160}) {
                parts.add(Speech.spoken(work, voice, rate, 50, MANDARIN));
            }
        }
        speech = Speech.concat(parts);
    }

    @Test
    void thereAreMinutesOfSpeech() {
        assertThat(speech.length).as("samples of speech").isGreaterThan(5 * 60 * Signal.RATE);
    }

    @ParameterizedTest
    @EnumSource(G711.class)
    void speechGivesNoDigit(G711 law) {
        assertThat(Digits.detectedIn(Signal.create().append(speech), law).text()).isEmpty();
    }

    @Test
    void loudAndQuietSpeechGiveNoDigit() {
        assertThat(Digits.detectedIn(Signal.create().append(Speech.scaled(speech, 6)), G711.ALAW).text()).isEmpty();
        assertThat(Digits.detectedIn(Signal.create().append(Speech.scaled(speech, -12)), G711.ULAW).text()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(G711.class)
    void digitsBetweenStretchesOfSpeechAreExactlyTheDigits(G711 law) {
        String digits = "0123456789*#ABCD".repeat(3);
        int chunk = speech.length / digits.length();
        Signal signal = Signal.create();
        for (int i = 0; i < digits.length(); i++) {
            signal.append(java.util.Arrays.copyOfRange(speech, i * chunk, (i + 1) * chunk));
            signal.silence(40).digit(digits.charAt(i), 60).silence(40);
        }

        assertThat(Digits.detectedIn(signal, law).text()).isEqualTo(digits);
    }

    @Test
    void digitsOverQuieterSpeechAreExactlyTheDigits() {
        String digits = "159#260*37AB48CD";
        Signal signal = Signal.create().silence(200);
        for (char digit : digits.toCharArray()) {
            signal.digit(digit, 80).silence(420);
        }
        signal.mix(speech, -20);

        assertThat(Digits.detectedIn(signal, G711.ULAW).text()).isEqualTo(digits);
    }
}
