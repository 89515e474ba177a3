package io.switchboard.core.internal.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PacerTest {

    private final Pacer pacer = new Pacer(2, System.nanoTime());

    @AfterEach
    void stop() {
        pacer.stop();
    }

    /** Records the scheduled time of its first ticks. */
    private static final class Recorder implements Pacer.Paced {
        final List<Long> ticks = new ArrayList<>();
        final CountDownLatch enough = new CountDownLatch(3);

        @Override
        public synchronized void tick(long tickNanos) {
            if (ticks.size() < 3) {
                ticks.add(tickNanos);
            }
            enough.countDown();
        }

        synchronized List<Long> ticks() {
            return List.copyOf(ticks);
        }
    }

    @Test
    void ticksEveryPortEvery20MillisecondsOnItsOwnPhase() throws InterruptedException {
        List<Recorder> ports = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Recorder port = new Recorder();
            ports.add(port);
            pacer.add(port);
        }
        pacer.start();
        for (Recorder port : ports) {
            assertThat(port.enough.await(5, TimeUnit.SECONDS)).isTrue();
        }

        Set<Long> phases = new HashSet<>();
        for (Recorder port : ports) {
            List<Long> ticks = port.ticks();
            assertThat(ticks.get(1) - ticks.get(0)).isEqualTo(Pacer.PERIOD_NANOS);
            assertThat(ticks.get(2) - ticks.get(1)).isEqualTo(Pacer.PERIOD_NANOS);
            phases.add(Math.floorMod(ticks.get(0) - ports.get(0).ticks().get(0), Pacer.PERIOD_NANOS));
        }
        // two threads, four slots each: the 16 ports send at 8 different moments of the period
        assertThat(phases).hasSize(2 * Pacer.SLOTS);
    }

    @Test
    void spreadsPortsOverThreadsAndTakesThemOutAgain() {
        List<Recorder> ports = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Recorder port = new Recorder();
            ports.add(port);
            pacer.add(port);
        }
        assertThat(pacer.load()).containsExactly(3, 2);
        pacer.remove(ports.get(0));
        pacer.remove(ports.get(2));
        pacer.remove(ports.get(4));
        assertThat(pacer.load()).containsExactly(0, 2);
    }
}
