package io.switchboard.core.internal.media;

import io.switchboard.api.channel.Codec;

/**
 * Something that produces 20 ms frames to play: a pre-encoded prompt shared by every call, a
 * tone, silence. A source is immutable and shareable; {@link #open} gives one playback's cursor.
 */
public interface AudioSource {

    /** A cursor over this source's frames for one playback. */
    Cursor open();

    /** One playback's position in a source. */
    interface Cursor {
        /**
         * Writes the next 160-byte frame in {@code codec} into {@code frame} at offset 0.
         *
         * @return false when the source is exhausted (nothing written)
         */
        boolean next(Codec codec, byte[] frame);
    }
}
