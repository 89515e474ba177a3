package io.switchboard.corerest.internal;

import io.switchboard.core.api.Holiday;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** A holiday as JSON: {@code {"calendar","date":"YYYY-MM-DD","name"}}. */
record HolidayBody(String calendar, String date, String name) {

    static HolidayBody of(Holiday holiday) {
        return new HolidayBody(holiday.calendar(), holiday.date().toString(), holiday.name());
    }

    static List<HolidayBody> of(List<Holiday> holidays) {
        return holidays.stream().map(HolidayBody::of).toList();
    }

    Holiday toHoliday() throws ApiException {
        return new Holiday(calendar, date(date), name);
    }

    static LocalDate date(String text) throws ApiException {
        if (text == null) {
            throw ApiException.badRequest("A holiday needs a date (YYYY-MM-DD).");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + (text.length() > 20 ? text.substring(0, 20) + "…" : text)
                    + "' is not a date like 2025-10-01.");
        }
    }
}
