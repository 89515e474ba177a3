package io.switchboard.core.internal.routing;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a route is open, per weekday: {@code mon-fri 08:00-12:00,13:00-20:00; sat 09:00-17:00}.
 *
 * <p>Clauses are separated by {@code ;}. A clause is a day list (days or day ranges such as
 * {@code mon,wed} or {@code fri-mon}, which wraps) followed by one or more {@code HH:MM-HH:MM}
 * ranges, start inclusive, end exclusive, end up to {@code 24:00}. A range never crosses midnight:
 * write {@code fri 22:00-24:00; sat 00:00-06:00}. Days not named are closed; an empty text is
 * always open. Immutable.
 */
public final class BusinessHours {

    private static final Pattern RANGE = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");
    private static final BusinessHours ALWAYS = new BusinessHours(null);

    /** Open [start, end) minutes of the day, per day; null means always open. */
    private final Map<DayOfWeek, List<int[]>> open;

    private BusinessHours(Map<DayOfWeek, List<int[]>> open) {
        this.open = open;
    }

    public static BusinessHours alwaysOpen() {
        return ALWAYS;
    }

    /**
     * @throws IllegalArgumentException with a message naming the clause and what is wrong in it
     */
    public static BusinessHours parse(String text) {
        if (text == null || text.isBlank()) {
            return ALWAYS;
        }
        Map<DayOfWeek, List<int[]>> open = new EnumMap<>(DayOfWeek.class);
        String[] clauses = text.split(";");
        for (int i = 0; i < clauses.length; i++) {
            String clause = clauses[i].trim();
            if (clause.isEmpty()) {
                continue;
            }
            String where = "business hours clause " + (i + 1) + " ('" + clause + "')";
            String[] parts = clause.split("\\s+", 2);
            if (parts.length < 2) {
                throw new IllegalArgumentException(where + " needs days and times, like 'mon-fri 08:00-20:00'");
            }
            Set<DayOfWeek> days = days(parts[0], where);
            List<int[]> ranges = ranges(parts[1], where);
            for (DayOfWeek day : days) {
                open.computeIfAbsent(day, d -> new ArrayList<>()).addAll(ranges);
            }
        }
        if (open.isEmpty()) {
            throw new IllegalArgumentException("business hours '" + text + "' name no day; leave them empty for always open");
        }
        return new BusinessHours(open);
    }

    public boolean isAlwaysOpen() {
        return open == null;
    }

    /** Whether the route is open at this local date and time. */
    public boolean isOpen(LocalDateTime local) {
        if (open == null) {
            return true;
        }
        int minute = local.getHour() * 60 + local.getMinute();
        for (int[] range : open.getOrDefault(local.getDayOfWeek(), List.of())) {
            if (minute >= range[0] && minute < range[1]) {
                return true;
            }
        }
        return false;
    }

    private static Set<DayOfWeek> days(String text, String where) {
        Set<DayOfWeek> days = new LinkedHashSet<>();
        for (String item : text.split(",")) {
            String[] ends = item.split("-", -1);
            if (ends.length == 1) {
                days.add(day(ends[0], where));
            } else if (ends.length == 2) {
                DayOfWeek from = day(ends[0], where);
                DayOfWeek to = day(ends[1], where);
                for (DayOfWeek d = from; ; d = d.plus(1)) {
                    days.add(d);
                    if (d == to) {
                        break;
                    }
                }
            } else {
                throw new IllegalArgumentException(where + ": '" + item + "' is not a day or a day range like mon-fri");
            }
        }
        return days;
    }

    private static DayOfWeek day(String text, String where) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "mon" -> DayOfWeek.MONDAY;
            case "tue" -> DayOfWeek.TUESDAY;
            case "wed" -> DayOfWeek.WEDNESDAY;
            case "thu" -> DayOfWeek.THURSDAY;
            case "fri" -> DayOfWeek.FRIDAY;
            case "sat" -> DayOfWeek.SATURDAY;
            case "sun" -> DayOfWeek.SUNDAY;
            default -> throw new IllegalArgumentException(
                    where + ": '" + text + "' is not a day; use mon, tue, wed, thu, fri, sat, sun");
        };
    }

    private static List<int[]> ranges(String text, String where) {
        List<int[]> ranges = new ArrayList<>();
        for (String item : text.trim().split("\\s*,\\s*|\\s+")) {
            Matcher m = RANGE.matcher(item);
            if (!m.matches()) {
                throw new IllegalArgumentException(where + ": '" + item + "' is not a time range like 08:00-20:00");
            }
            int start = minute(m.group(1), m.group(2), item, where);
            int end = minute(m.group(3), m.group(4), item, where);
            if (start >= end) {
                throw new IllegalArgumentException(where + ": '" + item
                        + "' ends before it starts; split a range over midnight into two days");
            }
            ranges.add(new int[] {start, end});
        }
        return ranges;
    }

    private static int minute(String hours, String minutes, String item, String where) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (h > 24 || m > 59 || (h == 24 && m > 0)) {
            throw new IllegalArgumentException(where + ": '" + item + "' has a time that does not exist (00:00 to 24:00)");
        }
        return h * 60 + m;
    }
}
