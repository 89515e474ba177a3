package io.switchboard.card.internal.dsp;

import java.util.Objects;

/**
 * In-band DTMF detection for one channel, after ITU-T Q.24: reports each key press once, when it
 * ends, to a {@link DtmfListener}. Feed it the channel's audio in order, in frames of any length;
 * it works on 10 ms blocks and carries partial blocks over to the next frame. Allocates nothing
 * after construction.
 *
 * <p>Not thread-safe: one instance per channel, fed by one thread. The listener is called on it.
 */
public final class DtmfDetector {
    private static final int BLOCK = DtmfBlockClassifier.BLOCK;

    private final float[] block = new float[DtmfBlockClassifier.BLOCK];
    private int filled;
    private final DtmfBlockClassifier classifier = new DtmfBlockClassifier();
    private final DigitDebouncer debouncer;

    public DtmfDetector(DtmfListener listener) {
        this.debouncer = new DigitDebouncer(Objects.requireNonNull(listener, "listener"));
    }

    /** Feeds a whole frame of G.711 codes, e.g. the card's 20 ms of 160 bytes. */
    public void process(byte[] frame, G711 law) {
        process(frame, 0, frame.length, law);
    }

    /** Feeds {@code length} G.711 codes from {@code frame[offset]}. */
    public void process(byte[] frame, int offset, int length, G711 law) {
        for (int i = offset, end = offset + length; i < end; i++) {
            block[filled++] = law.decode(frame[i]);
            if (filled == BLOCK) {
                endBlock();
            }
        }
    }

    /** Feeds {@code length} linear samples (16-bit scale) from {@code samples[offset]}. */
    public void process(short[] samples, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            block[filled++] = samples[i];
            if (filled == BLOCK) {
                endBlock();
            }
        }
    }

    /** Forgets the audio so far, including a key that is down (not reported): e.g. for a new call. */
    public void reset() {
        filled = 0;
        debouncer.reset();
    }

    private void endBlock() {
        filled = 0;
        debouncer.onBlock(classifier.classify(block));
    }
}
