package io.switchboard.core.internal.call;

import io.switchboard.api.channel.Codec;
import io.switchboard.core.internal.media.AudioSource;
import io.switchboard.core.internal.media.MediaListener;
import io.switchboard.core.internal.media.MediaPort;
import java.util.List;

/** A media port that records what core asked of it; the engine's tests are about call logic, not audio. */
final class TestMedia implements MediaPort {
    volatile MediaListener listener;
    volatile String playing;
    volatile MediaPort relayTarget;
    volatile String sentDigits = "";
    volatile boolean closed;

    @Override
    public String id() {
        return "test-media";
    }

    @Override
    public Codec codec() {
        return Codec.PCMU;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public void listener(MediaListener listener) {
        this.listener = listener;
    }

    @Override
    public void play(String playbackId, List<AudioSource> sources, boolean interruptible, boolean loop) {
        playing = playbackId;
    }

    @Override
    public void stopPlayback() {
        String was = playing;
        playing = null;
        if (was != null && listener != null) {
            listener.playbackFinished(was, "stopped");
        }
    }

    @Override
    public void relayTo(MediaPort target) {
        relayTarget = target;
    }

    @Override
    public void sendDigits(String digits) {
        sentDigits += digits;
    }
}
