package io.switchboard.core.internal.media;

import io.switchboard.api.channel.MediaEndpoint;
import java.util.List;

/**
 * Core's own control of one endpoint's audio: what it plays, where its received audio goes, and
 * what it hears. Every endpoint the engine opens (RTP or frames) is a MediaPort. Safe from any
 * thread; the work happens on the engine's few media threads.
 */
public interface MediaPort extends MediaEndpoint {

    /** Where this port reports digits, finished playbacks and inactivity; one listener, replaced by a later call. */
    void listener(MediaListener listener);

    /**
     * Plays sources in order to the far end, replacing any playback (which ends with reason
     * {@code stopped}). While playing, relayed audio to this port is not sent.
     */
    void play(String playbackId, List<AudioSource> sources, boolean interruptible, boolean loop);

    /** Stops the playback, if any; it ends with reason {@code stopped}. */
    void stopPlayback();

    /**
     * Sends what this port receives out of {@code target} (same codec: packets relayed without
     * decoding; otherwise transcoded). A bridge is two relays, one each way; echo is a relay to
     * itself. {@code null} stops relaying. Telephone-events are relayed too.
     */
    void relayTo(MediaPort target);

    /** Sends digits as RFC 4733 events (or the card's way), one after another. */
    void sendDigits(String digits);
}
