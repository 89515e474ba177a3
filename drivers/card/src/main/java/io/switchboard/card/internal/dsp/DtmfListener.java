package io.switchboard.card.internal.dsp;

/** Hears the digits one channel's {@link DtmfDetector} finds, on the thread that feeds it audio. */
@FunctionalInterface
public interface DtmfListener {

    /**
     * A key was released: called once per key press, about 30 ms after the tone stopped.
     *
     * @param digit      one of {@code 0-9 * # A-D}
     * @param durationMs how long the tone lasted, to within about 10 ms
     */
    void digit(char digit, int durationMs);

    /**
     * A key went down: the tone has lasted about 30 ms. Useful to stop a prompt at once
     * (barge-in); {@link #digit} still follows when the key is released.
     */
    default void keyDown(char digit) {
    }
}
