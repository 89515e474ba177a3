package io.switchboard.card.internal.dsp;

/**
 * Turns the per-block verdicts of {@link DtmfBlockClassifier} into key presses. A key goes down after
 * {@link #BLOCKS_TO_PRESS} blocks in a row with the same digit and comes up after
 * {@link #BLOCKS_TO_RELEASE} blocks without it. With 10 ms blocks, 40 ms of tone always yields three
 * whole blocks and 26 ms never does; a dropout of up to 10 ms spoils at most two blocks and does not
 * split a key, while a 40 ms pause spoils at least three and separates two presses of the same key.
 */
final class DigitDebouncer {
    static final int BLOCKS_TO_PRESS = 3;
    static final int BLOCKS_TO_RELEASE = 3;
    private static final int BLOCK_MS = 1000 * DtmfBlockClassifier.BLOCK / DtmfBlockClassifier.SAMPLE_RATE;

    private final DtmfListener listener;
    private int candidate = DtmfBlockClassifier.NO_DIGIT;
    private int candidateBlocks;
    private int pressed = DtmfBlockClassifier.NO_DIGIT;
    /** Blocks since the pressed key's first block, and up to its last block seen. */
    private int pressedSpan;
    private int pressedSeenSpan;
    private int blocksWithoutPressed;

    DigitDebouncer(DtmfListener listener) {
        this.listener = listener;
    }

    void onBlock(int digit) {
        trackCandidate(digit);
        if (pressed != DtmfBlockClassifier.NO_DIGIT) {
            trackPressed(digit);
        }
        if (pressed == DtmfBlockClassifier.NO_DIGIT && candidateBlocks >= BLOCKS_TO_PRESS) {
            press(candidate);
        }
    }

    void reset() {
        candidate = DtmfBlockClassifier.NO_DIGIT;
        candidateBlocks = 0;
        pressed = DtmfBlockClassifier.NO_DIGIT;
    }

    private void trackCandidate(int digit) {
        if (digit != DtmfBlockClassifier.NO_DIGIT && digit == candidate) {
            candidateBlocks++;
        } else {
            candidate = digit;
            candidateBlocks = digit == DtmfBlockClassifier.NO_DIGIT ? 0 : 1;
        }
    }

    private void trackPressed(int digit) {
        pressedSpan++;
        if (digit == pressed) {
            pressedSeenSpan = pressedSpan;
            blocksWithoutPressed = 0;
        } else if (++blocksWithoutPressed >= BLOCKS_TO_RELEASE) {
            release();
        }
    }

    private void press(int digit) {
        pressed = digit;
        pressedSpan = BLOCKS_TO_PRESS;
        pressedSeenSpan = BLOCKS_TO_PRESS;
        blocksWithoutPressed = 0;
        listener.keyDown(DtmfBlockClassifier.DIGITS[digit]);
    }

    /** The tone's edges fill only parts of blocks, which were not counted: add one block to centre the error. */
    private void release() {
        char digit = DtmfBlockClassifier.DIGITS[pressed];
        pressed = DtmfBlockClassifier.NO_DIGIT;
        listener.digit(digit, (pressedSeenSpan + 1) * BLOCK_MS);
    }
}
