package io.switchboard.acd.internal.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testsupport.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoalescerTest {

    private final ManualClock clock = new ManualClock();
    private final ManualTimers timers = new ManualTimers(clock);
    private final List<Instant> runs = new ArrayList<>();
    private final Coalescer coalescer = new Coalescer(clock, timers, Duration.ofMillis(500), () -> runs.add(clock.instant()));
    private final Instant start = clock.instant();

    @Test
    void aChangeAfterAQuietSpellRunsAtOnceOnTheTimer() {
        coalescer.changed();
        assertThat(runs).as("not inside the change's own call").isEmpty();

        timers.advance(Duration.ZERO);
        assertThat(runs).containsExactly(start);
    }

    @Test
    void changesWithinTheGapAreFoldedIntoOneRunWhenTheGapIsOver() {
        coalescer.changed();
        timers.advance(Duration.ZERO);

        for (int i = 0; i < 5; i++) {
            timers.advance(Duration.ofMillis(80));
            coalescer.changed();
        }
        timers.advance(Duration.ofMillis(99)); // 499 ms after the first run
        assertThat(runs).hasSize(1);

        timers.advance(Duration.ofMillis(1));
        assertThat(runs).containsExactly(start, start.plusMillis(500));
    }

    @Test
    void aSteadyStreamOfChangesRunsOncePerGap() {
        for (int ms = 0; ms < 2_000; ms += 10) {
            coalescer.changed();
            timers.advance(Duration.ofMillis(10));
        }
        assertThat(runs).containsExactly(start, start.plusMillis(500), start.plusMillis(1000), start.plusMillis(1500),
                start.plusMillis(2000));
    }

    @Test
    void noChangeNoRun() {
        timers.advance(Duration.ofSeconds(10));
        assertThat(runs).isEmpty();
    }
}
