package io.switchboard.acd.internal.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueueDayStatsTest {

    private final QueueDayStats stats = new QueueDayStats();

    @Test
    void nothingYetHasNoServiceLevelNorAverages() {
        assertThat(stats.served()).isZero();
        assertThat(stats.serviceLevel(20)).isNull();
        assertThat(stats.averageWaitSeconds()).isNull();
        assertThat(stats.averageHandleSeconds()).isNull();
    }

    @Test
    void serviceLevelIsTheShareConnectedWithinTheTargetOfAllServedOrAbandoned() {
        stats.countServed(5);
        stats.countServed(20); // exactly at the target: within
        stats.countServed(21);
        stats.countAbandoned(); // counts against, however soon

        assertThat(stats.serviceLevel(20)).isEqualTo(0.5);
        assertThat(stats.serviceLevel(30)).isEqualTo(0.75); // a changed target applies to the whole day
        assertThat(stats.serviceLevel(4)).isEqualTo(0.0);
        assertThat(stats.averageWaitSeconds()).isCloseTo(46 / 3.0, within(1e-9));
    }

    @Test
    void onlyAbandonedCallsMeanNoServiceAtAll() {
        stats.countAbandoned();
        assertThat(stats.serviceLevel(20)).isEqualTo(0.0);
        assertThat(stats.averageWaitSeconds()).isNull();
    }

    @Test
    void handleTimeAveragesTheLatest20Calls() {
        stats.countHandled(Duration.ofSeconds(1000));
        for (int i = 0; i < QueueDayStats.RECENT_CALLS; i++) {
            stats.countHandled(Duration.ofMillis(90_500));
        }
        assertThat(stats.averageHandleSeconds()).isEqualTo(90.5);
    }
}
