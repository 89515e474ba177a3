package io.switchboard.api.call;

import java.util.List;

/**
 * What to play to a call's caller leg.
 *
 * <p>Each item of {@code items} is one of: a prompt name ({@code welcome}, {@code digits/5}, looked
 * up in the prompt library, in {@code language} when given), {@code tone:ringback},
 * {@code tone:busy}, {@code moh} (music on hold), {@code silence:<ms>}, or {@code say-number:<n>}
 * (0 to 999,999,999 spoken the way {@code language} says numbers, from its {@code digits/*} prompts).
 *
 * @param items         played in order
 * @param language      prompt set to look prompts up in ({@code en}, {@code zh-CN}); empty for the default
 * @param interruptible a digit from the caller stops the playback (barge-in); the digit is still delivered
 * @param loop          start again after the last item until stopped (hold music, ringback)
 */
public record PlayRequest(List<String> items, String language, boolean interruptible, boolean loop) {
    public PlayRequest {
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("nothing to play");
        }
        language = language == null ? "" : language;
    }

    /** Plays the prompts once, interruptible by a digit. */
    public static PlayRequest prompts(String... names) {
        return new PlayRequest(List.of(names), "", true, false);
    }

    /** Loops one item until stopped, not interruptible. */
    public static PlayRequest looping(String item) {
        return new PlayRequest(List.of(item), "", false, true);
    }
}
