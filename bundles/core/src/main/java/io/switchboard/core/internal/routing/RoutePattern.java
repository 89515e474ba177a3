package io.switchboard.core.internal.routing;

import java.util.regex.Pattern;

/**
 * A route's number pattern: an exact number, or a prefix ending in {@code *}. A {@code *} can only
 * be the last character, so an exact number cannot end in a literal star.
 *
 * @param text   the pattern as written
 * @param prefix the number, or the prefix without its star
 * @param exact  whether the whole dialled number must equal {@code prefix}
 */
public record RoutePattern(String text, String prefix, boolean exact) {

    private static final Pattern NUMBER = Pattern.compile("[0-9A-Za-z+#._@-]{0,64}");

    /** @throws IllegalArgumentException saying what is wrong with the pattern */
    public static RoutePattern parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a route needs a number pattern (a number, or a prefix ending in *)");
        }
        boolean exact = !text.endsWith("*");
        String prefix = exact ? text : text.substring(0, text.length() - 1);
        if ((exact && prefix.isEmpty()) || !NUMBER.matcher(prefix).matches()) {
            throw new IllegalArgumentException("pattern '" + text + "' is not a number or a prefix ending in *"
                    + " (up to 64 of 0-9 A-Z a-z + # . _ @ -, and * only at the end)");
        }
        return new RoutePattern(text, prefix, exact);
    }

    /**
     * How well this pattern matches a dialled number, higher is better, or -1 for no match: an
     * exact match ranks above a prefix of the same length.
     */
    public int rank(String dialled) {
        if (exact) {
            return prefix.equals(dialled) ? prefix.length() * 2 + 1 : -1;
        }
        return dialled.startsWith(prefix) ? prefix.length() * 2 : -1;
    }
}
