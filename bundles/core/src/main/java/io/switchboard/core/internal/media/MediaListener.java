package io.switchboard.core.internal.media;

/**
 * What a {@link MediaPort} reports; called on media threads (the receive thread for digits, a
 * pacer thread for completed playbacks and inactivity, the caller's thread for a playback that
 * {@code play}/{@code stopPlayback}/{@code close} ends), so implementations hand off quickly. A
 * port never holds its own lock while calling, so a listener may call back into the port.
 */
public interface MediaListener {

    /** A digit ended (RFC 4733 end-of-event, or in-band detection), reported once per key press. */
    void digit(char digit, int durationMs);

    /** A playback ended: {@code completed}, {@code stopped} or {@code interrupted} (by a digit). */
    void playbackFinished(String playbackId, String reason);

    /** Nothing was received for longer than the inactivity timeout while the port expected media. */
    void inactive();
}
