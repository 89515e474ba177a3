package io.switchboard.card.internal.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DtmfDetectorTest {
    private static final String ALL_DIGITS = "0123456789*#ABCD";

    @ParameterizedTest
    @EnumSource(G711.class)
    void everyDigitIsReportedOnceWithItsDuration(G711 law) {
        for (char digit : ALL_DIGITS.toCharArray()) {
            Digits found = Digits.detectedIn(Signal.create().silence(50).digit(digit, 100).silence(50), law);

            assertThat(found.text()).as("digit %s", digit).isEqualTo(String.valueOf(digit));
            assertThat(found.keysDown.toString()).isEqualTo(String.valueOf(digit));
            assertThat(found.presses.get(0).durationMs()).isBetween(90, 110);
        }
    }

    @ParameterizedTest
    @EnumSource(G711.class)
    void digitsFortyMillisecondsOnAndOffAreAllFound(G711 law) {
        Signal signal = Signal.create().silence(40);
        for (char digit : ALL_DIGITS.toCharArray()) {
            signal.digit(digit, 40).silence(40);
        }

        assertThat(Digits.detectedIn(signal, law).text()).isEqualTo(ALL_DIGITS);
    }

    @Test
    void theSameDigitRepeatedAfterFortyMillisecondPausesCountsEachTime() {
        Signal signal = Signal.create();
        for (int i = 0; i < 5; i++) {
            signal.digit('5', 40).silence(40);
        }

        assertThat(Digits.detectedIn(signal, G711.ALAW).text()).isEqualTo("55555");
    }

    @Test
    void aTenMillisecondDropoutDoesNotSplitAKey() {
        Signal signal = Signal.create().digit('7', 60).silence(10).digit('7', 60);

        assertThat(Digits.detectedIn(signal, G711.ULAW).text()).isEqualTo("7");
    }

    @Test
    void aDigitFollowingAnotherWithoutPauseIsStillFound() {
        Signal signal = Signal.create().digit('1', 60).digit('9', 60);

        assertThat(Digits.detectedIn(signal, G711.ULAW).text()).isEqualTo("19");
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 15, 20, 25})
    void tonesShorterThanQ24sNonOperateTimeAreIgnored(int ms) {
        for (int shift = 0; shift < 80; shift += 7) { // every alignment against the 10 ms blocks
            Signal signal = Signal.create().silence(20).append(new double[shift]).digit('8', ms).silence(60);

            assertThat(Digits.detectedIn(signal, G711.ALAW).text()).as("%d ms shifted by %d", ms, shift).isEmpty();
        }
    }

    @Test
    void fortyMillisecondTonesAreFoundAtEveryAlignment() {
        for (int shift = 0; shift < 80; shift += 3) {
            Signal signal = Signal.create().silence(20).append(new double[shift]).digit('#', 40).silence(60);

            assertThat(Digits.detectedIn(signal, G711.ULAW).text()).as("shifted by %d", shift).isEqualTo("#");
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.015, 0.015})
    void tonesOffByOneAndAHalfPercentAreAccepted(double error) {
        for (char digit : ALL_DIGITS.toCharArray()) {
            Signal signal = Signal.create().digit(digit, 60, -10, -10, error).silence(40);

            assertThat(Digits.detectedIn(signal, G711.ALAW).text()).as("digit %s", digit).isEqualTo(String.valueOf(digit));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.035, 0.035, -0.05, 0.05})
    void tonesOffByThreeAndAHalfPercentOrMoreAreRejected(double error) {
        for (char digit : ALL_DIGITS.toCharArray()) {
            Signal signal = Signal.create().digit(digit, 100, -10, -10, error).silence(40);

            assertThat(Digits.detectedIn(signal, G711.ALAW).text()).as("digit %s", digit).isEmpty();
        }
    }

    @Test
    void onlyOneToneOffFrequencyIsEnoughToReject() {
        double[] pair = Signal.frequencies('5');
        Signal signal = Signal.create().tones(100, pair[0], -10, pair[1] * 1.035, -10).silence(40);

        assertThat(Digits.detectedIn(signal, G711.ULAW).text()).isEmpty();
    }

    @Test
    void twistWithinEightDbNormalAndFourDbReverseIsAccepted() {
        Signal signal = Signal.create()
                .digit('1', 60, -10, -17, 0).silence(50)   // low group 7 dB up: normal twist
                .digit('D', 60, -15, -22, 0).silence(50)
                .digit('6', 60, -13, -10, 0).silence(50)   // high group 3 dB up: reverse twist
                .digit('*', 60, -20, -17, 0).silence(50);

        assertThat(Digits.detectedIn(signal, G711.ALAW).text()).isEqualTo("1D6*");
    }

    @Test
    void twistBeyondTheLimitsIsRejected() {
        Signal signal = Signal.create()
                .digit('1', 60, -10, -20, 0).silence(50)   // normal twist 10 dB
                .digit('D', 60, -12, -22, 0).silence(50)
                .digit('6', 60, -16, -10, 0).silence(50)   // reverse twist 6 dB
                .digit('*', 60, -20, -14, 0).silence(50);

        assertThat(Digits.detectedIn(signal, G711.ALAW).text()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(G711.class)
    void tonesDownToMinusThirtyDbm0AreFoundButQuieterOnesAreNot(G711 law) {
        Signal audible = Signal.create().digit('3', 60, -28, -28, 0).silence(40)
                .digit('4', 60, -30, -30, 0).silence(40);
        Signal tooQuiet = Signal.create().digit('3', 60, -36, -36, 0).silence(40)
                .digit('4', 60, -45, -45, 0).silence(40);

        assertThat(Digits.detectedIn(audible, law).text()).isEqualTo("34");
        assertThat(Digits.detectedIn(tooQuiet, law).text()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 15})
    void digitsInWhiteNoiseAreStillFound(int snrDb) {
        // both tones at -10 dBm0 make -7 dBm0 of signal
        Signal signal = Signal.create().silence(100);
        for (char digit : ALL_DIGITS.toCharArray()) {
            signal.digit(digit, 50).silence(50);
        }
        signal.withNoise(-7 - snrDb);

        assertThat(Digits.detectedIn(signal, G711.ULAW).text()).isEqualTo(ALL_DIGITS);
    }

    @Test
    void noiseAloneGivesNoDigit() {
        Signal signal = Signal.create().silence(10_000).withNoise(-15);

        assertThat(Digits.detectedIn(signal, G711.ALAW).text()).isEmpty();
    }

    @Test
    void silenceGivesNoDigit() {
        assertThat(Digits.detectedIn(Signal.create().silence(5_000), G711.ULAW).text()).isEmpty();
        assertThat(Digits.detectedIn(Signal.create().silence(5_000), G711.ALAW).text()).isEmpty();
    }

    @Test
    void singleTonesGiveNoDigit() {
        Signal signal = Signal.create();
        for (double frequency : DtmfBlockClassifier.FREQUENCIES) {
            signal.tone(200, frequency, -5).silence(50);
        }
        signal.tone(500, 1000, -5).silence(50).tone(500, 440, -5).silence(50);

        assertThat(Digits.detectedIn(signal, G711.ULAW).text()).isEmpty();
    }

    @Test
    void twoRowTonesOrTwoColumnTonesGiveNoDigit() {
        Signal signal = Signal.create().tones(200, 697, -10, 852, -10).silence(50)
                .tones(200, 1209, -10, 1477, -10).silence(50);

        assertThat(Digits.detectedIn(signal, G711.ULAW).text()).isEmpty();
    }

    @Test
    void musicLikeHarmonicSweepsGiveNoDigit() {
        assertThat(Digits.detectedIn(MusicLike.minutes(2), G711.ALAW).text()).isEmpty();
    }

    @Test
    void linearInputFindsTheSameDigits() {
        Signal signal = Signal.create().digit('4', 60).silence(50).digit('2', 60).silence(50);

        assertThat(Digits.detectedIn(signal.linear()).text()).isEqualTo("42");
    }

    @Test
    void resetForgetsAKeyThatIsDown() {
        Digits digits = new Digits();
        DtmfDetector detector = new DtmfDetector(digits);
        detector.process(Signal.create().digit('9', 60).encoded(G711.ULAW), G711.ULAW);
        detector.reset();
        detector.process(Signal.create().silence(100).encoded(G711.ULAW), G711.ULAW);

        assertThat(digits.keysDown.toString()).isEqualTo("9");
        assertThat(digits.presses).isEmpty();
    }
}
