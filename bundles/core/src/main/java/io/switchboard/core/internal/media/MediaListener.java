package io.switchboard.core.internal.media;

/** What a {@link MediaPort} reports; called on media threads, so implementations hand off quickly. */
public interface MediaListener {

    /** A digit ended (RFC 4733 end-of-event, or in-band detection), reported once per key press. */
    void digit(char digit, int durationMs);

    /** A playback ended: {@code completed}, {@code stopped} or {@code interrupted} (by a digit). */
    void playbackFinished(String playbackId, String reason);

    /** Nothing was received for longer than the inactivity timeout while the port expected media. */
    void inactive();
}
