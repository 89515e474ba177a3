package io.switchboard.card.internal.dsp;

import java.util.ArrayList;
import java.util.List;

/** Records what a detector reports, and feeds it audio the way the card does: 20 ms frames. */
final class Digits implements DtmfListener {
    static final int FRAME = 160;

    record Press(char digit, int durationMs) {
    }

    final List<Press> presses = new ArrayList<>();
    final StringBuilder keysDown = new StringBuilder();
    private final DtmfDetector detector = new DtmfDetector(this);

    static Digits detectedIn(Signal signal, G711 law) {
        Digits digits = new Digits();
        byte[] codes = signal.encoded(law);
        for (int offset = 0; offset < codes.length; offset += FRAME) {
            digits.detector.process(codes, offset, Math.min(FRAME, codes.length - offset), law);
        }
        digits.flushWithSilence(law);
        return digits;
    }

    static Digits detectedIn(short[] linear) {
        Digits digits = new Digits();
        for (int offset = 0; offset < linear.length; offset += FRAME) {
            digits.detector.process(linear, offset, Math.min(FRAME, linear.length - offset));
        }
        digits.flushWithSilence(G711.ULAW);
        return digits;
    }

    /** A key is reported when it comes up; 100 ms of silence lets the last one end. */
    private void flushWithSilence(G711 law) {
        byte[] silence = Signal.create().silence(100).encoded(law);
        detector.process(silence, law);
    }

    String text() {
        StringBuilder text = new StringBuilder();
        presses.forEach(press -> text.append(press.digit()));
        return text.toString();
    }

    @Override
    public void digit(char digit, int durationMs) {
        presses.add(new Press(digit, durationMs));
    }

    @Override
    public void keyDown(char digit) {
        keysDown.append(digit);
    }
}
