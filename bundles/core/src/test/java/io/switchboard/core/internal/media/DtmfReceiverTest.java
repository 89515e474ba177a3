package io.switchboard.core.internal.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DtmfReceiverTest {

    private final DtmfReceiver receiver = new DtmfReceiver();

    @Test
    void reportsAKeyPressOnceThoughItsEndComesThreeTimes() {
        assertThat(receiver.onPacket(1000, 5, false, 160, 0)).as("starts a press").isTrue();
        receiver.onPacket(1000, 5, false, 320, 20);
        receiver.onPacket(1000, 5, true, 480, 40);
        receiver.onPacket(1000, 5, true, 480, 41);
        receiver.onPacket(1000, 5, true, 480, 42);
        receiver.onTick(1000);
        assertThat(reports()).containsExactly("5:60");
    }

    @Test
    void finishesAPressWhoseEndPacketsWereLost() {
        receiver.onPacket(1000, 11, false, 160, 0);
        receiver.onTick(DtmfReceiver.END_TIMEOUT_MS - 1);
        assertThat(reports()).isEmpty();
        receiver.onTick(DtmfReceiver.END_TIMEOUT_MS);
        assertThat(reports()).containsExactly("#:20");
        receiver.onPacket(1000, 11, true, 800, 300);
        assertThat(reports()).as("a straggling end is not a second press").isEmpty();
    }

    @Test
    void theNextEventEndsOneWithoutItsEnd() {
        receiver.onPacket(1000, 1, false, 160, 0);
        receiver.onPacket(2000, 2, true, 800, 100);
        receiver.onPacket(1000, 1, true, 800, 101);
        assertThat(reports()).containsExactly("1:20", "2:100");
    }

    @Test
    void ignoresEventsThatAreNotDigits() {
        assertThat(receiver.onPacket(1000, 16, true, 800, 0)).isFalse();
        assertThat(reports()).isEmpty();
    }

    private List<String> reports() {
        List<String> out = new ArrayList<>();
        int report;
        while ((report = receiver.takeReport()) != 0) {
            out.add(DtmfReceiver.reportDigit(report) + ":" + DtmfReceiver.reportMillis(report));
        }
        return out;
    }
}
