package io.switchboard.core.internal.media;

import io.switchboard.api.channel.Codec;
import java.util.Arrays;

/** {@code frames} frames of silence. Immutable; nothing is stored but the count. */
final class SilenceSource implements AudioSource {

    private final int frames;

    SilenceSource(int frames) {
        this.frames = frames;
    }

    static SilenceSource ofMillis(int millis) {
        return new SilenceSource((millis + 19) / 20);
    }

    @Override
    public Cursor open() {
        return new Cursor() {
            private int played;

            @Override
            public boolean next(Codec codec, byte[] frame) {
                if (played >= frames) {
                    return false;
                }
                played++;
                Arrays.fill(frame, 0, PreEncodedAudio.FRAME_BYTES, G711.silence(codec));
                return true;
            }
        };
    }
}
