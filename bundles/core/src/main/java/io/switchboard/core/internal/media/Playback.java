package io.switchboard.core.internal.media;

import io.switchboard.api.channel.Codec;
import java.util.List;

/**
 * One playback: sources played in order, optionally looped, read one frame per pacer tick.
 *
 * <p>Thread-safety: none; the owning port guards it with its lock.
 */
final class Playback {

    final String id;
    final boolean interruptible;
    private final List<AudioSource> sources;
    private final boolean loop;
    private int index;
    private AudioSource.Cursor cursor;
    private boolean producedThisPass;

    Playback(String id, List<AudioSource> sources, boolean interruptible, boolean loop) {
        this.id = id;
        this.sources = List.copyOf(sources);
        this.interruptible = interruptible;
        this.loop = loop;
    }

    /** Writes the next frame; false once every source is exhausted (never, when looping audio). */
    boolean next(Codec codec, byte[] frame) {
        while (true) {
            if (cursor == null) {
                if (index >= sources.size()) {
                    if (!loop || !producedThisPass) {
                        return false; // a loop over nothing but empty sources would never end
                    }
                    index = 0;
                    producedThisPass = false;
                }
                cursor = sources.get(index++).open();
            }
            if (cursor.next(codec, frame)) {
                producedThisPass = true;
                return true;
            }
            cursor = null;
        }
    }
}
