package io.switchboard.console.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The one time format of the console's tables and JSON: ISO-8601 UTC with exactly three fraction
 * digits, so that text order in SQLite is time order.
 */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** Accepts what {@link #format} writes (and any other ISO-8601 instant). */
    public static Instant parse(String text) {
        return Instant.parse(text);
    }

    /** Instants are stored with millisecond precision; truncate before comparing with stored ones. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
