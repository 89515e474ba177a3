package io.switchboard.core.api;

import java.time.LocalDate;

/**
 * A date on which routes using this calendar are closed all day.
 *
 * @param calendar the calendar's name ({@code CN}); letters, digits, {@code . _ -}
 * @param date     the local date, in the time zone of the route that uses the calendar
 * @param name     what the day is ({@code National Day})
 */
public record Holiday(String calendar, LocalDate date, String name) {
}
