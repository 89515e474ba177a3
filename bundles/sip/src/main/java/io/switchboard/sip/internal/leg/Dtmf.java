package io.switchboard.sip.internal.leg;

import java.util.Locale;

/** Reads a digit out of an INFO body (application/dtmf-relay or application/dtmf). */
final class Dtmf {

    /** A digit and its duration; digit 0 when the body held none. */
    record Event(char digit, int durationMs) {
    }

    private static final int DEFAULT_DURATION_MS = 100;

    private Dtmf() {
    }

    static Event parse(String subtype, String body) {
        if (body == null) {
            return new Event((char) 0, 0);
        }
        if (subtype.equalsIgnoreCase("dtmf")) {
            return new Event(digit(body.trim()), DEFAULT_DURATION_MS);
        }
        char digit = 0;
        int duration = DEFAULT_DURATION_MS;
        for (String line : body.split("\r?\n")) {
            int equals = line.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = line.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(equals + 1).trim();
            if (name.equals("signal")) {
                digit = digit(value);
            } else if (name.equals("duration")) {
                try {
                    duration = Math.max(0, Math.min(Integer.parseInt(value), 60_000));
                } catch (NumberFormatException e) {
                    duration = DEFAULT_DURATION_MS;
                }
            }
        }
        return new Event(digit, duration);
    }

    private static char digit(String value) {
        if (value.equals("10")) {
            return '*';
        }
        if (value.equals("11")) {
            return '#';
        }
        if (value.length() != 1) {
            return 0;
        }
        char c = Character.toUpperCase(value.charAt(0));
        return (c >= '0' && c <= '9') || c == '*' || c == '#' || (c >= 'A' && c <= 'D') ? c : 0;
    }
}
