package io.switchboard.core.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {

    // 2025-03-03 is a Monday
    private static LocalDateTime at(int dayOfMarch, int hour, int minute) {
        return LocalDateTime.of(2025, 3, dayOfMarch, hour, minute);
    }

    @Test
    void emptyIsAlwaysOpen() {
        assertThat(BusinessHours.parse("").isOpen(at(9, 3, 0))).isTrue();
        assertThat(BusinessHours.parse(null).isAlwaysOpen()).isTrue();
        assertThat(BusinessHours.parse("  ").isAlwaysOpen()).isTrue();
    }

    @Test
    void weekdayRangesAndSaturday() {
        BusinessHours hours = BusinessHours.parse("mon-fri 08:00-20:00; sat 09:00-17:00");

        assertThat(hours.isOpen(at(3, 8, 0))).isTrue();
        assertThat(hours.isOpen(at(3, 7, 59))).isFalse();
        assertThat(hours.isOpen(at(7, 19, 59))).isTrue();
        assertThat(hours.isOpen(at(7, 20, 0))).as("end is exclusive").isFalse();
        assertThat(hours.isOpen(at(8, 9, 30))).isTrue();
        assertThat(hours.isOpen(at(8, 17, 0))).isFalse();
        assertThat(hours.isOpen(at(9, 12, 0))).as("sunday is not named").isFalse();
    }

    @Test
    void severalRangesListsWrappingDaysAndMidnight() {
        BusinessHours hours = BusinessHours.parse("MON,wed 08:00-12:00,13:00-18:00; sat-sun 22:00-24:00;");

        assertThat(hours.isOpen(at(3, 11, 0))).isTrue();
        assertThat(hours.isOpen(at(3, 12, 30))).isFalse();
        assertThat(hours.isOpen(at(5, 13, 0))).isTrue();
        assertThat(hours.isOpen(at(4, 9, 0))).as("tuesday").isFalse();
        assertThat(hours.isOpen(at(9, 23, 59))).isTrue();

        BusinessHours wrapping = BusinessHours.parse("fri-mon 00:00-24:00");
        assertThat(wrapping.isOpen(at(7, 0, 0))).isTrue();
        assertThat(wrapping.isOpen(at(3, 23, 0))).isTrue();
        assertThat(wrapping.isOpen(at(4, 12, 0))).isFalse();
    }

    @Test
    void errorsNameTheClauseAndTheProblem() {
        assertThatThrownBy(() -> BusinessHours.parse("mon-fri 08:00-20:00; sat 9-17"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clause 2").hasMessageContaining("'9-17'").hasMessageContaining("08:00-20:00");
        assertThatThrownBy(() -> BusinessHours.parse("mon-fry 08:00-20:00"))
                .hasMessageContaining("'fry' is not a day");
        assertThatThrownBy(() -> BusinessHours.parse("mon 20:00-08:00"))
                .hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> BusinessHours.parse("mon 08:00-24:30"))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> BusinessHours.parse("mon-fri"))
                .hasMessageContaining("needs days and times");
        assertThatThrownBy(() -> BusinessHours.parse(";"))
                .hasMessageContaining("name no day");
    }
}
