package io.switchboard.corerest.internal;

/**
 * The parameters of {@code GET /journal}: {@code after} (a seq, default 0) and {@code limit}
 * (1-1000, default 100). Out-of-range values are refused rather than clamped, so a script learns
 * at once that it asked for something it will not get.
 */
record JournalQuery(long after, int limit) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    static JournalQuery parse(String after, String limit) throws ApiException {
        long afterSeq = after == null ? 0 : number("after", after, 0, Long.MAX_VALUE);
        int count = limit == null ? DEFAULT_LIMIT : (int) number("limit", limit, 1, MAX_LIMIT);
        return new JournalQuery(afterSeq, count);
    }

    private static long number(String name, String text, long min, long max) throws ApiException {
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'" + name + "' must be a whole number, not '" + shorten(text) + "'.");
        }
        if (value < min || value > max) {
            throw ApiException.badRequest("'" + name + "' must be "
                    + (max == Long.MAX_VALUE ? "at least " + min : "from " + min + " to " + max) + ".");
        }
        return value;
    }

    private static String shorten(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }
}
