package io.switchboard.core.internal.call;

import io.switchboard.core.internal.media.AudioSource;

/** Turns a {@code PlayRequest} item (a prompt name, {@code tone:busy}, {@code moh}) into something to play. */
@FunctionalInterface
public interface AudioResolver {

    /** @throws IllegalArgumentException naming the item when it cannot be played */
    AudioSource resolve(String item, String language);
}
