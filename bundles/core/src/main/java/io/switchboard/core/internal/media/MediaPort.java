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
     * {@code stopped}). While playing, relayed audio to this port is not sent. Every playback ends
     * exactly once: {@code completed}, {@code stopped} (replaced, stopped, port closed) or
     * {@code interrupted} (an interruptible one, at the first packet of a key press).
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

    /**
     * Sends digits as RFC 4733 events (a frame port plays them in-band as DTMF tones), one after
     * another; characters other than 0-9 * # A-D are skipped. An RTP port without a negotiated
     * telephone-event payload type logs and sends nothing.
     */
    void sendDigits(String digits);
}
