package io.switchboard.sip.internal.leg;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.api.call.Cause;
import org.junit.jupiter.api.Test;

class DtmfAndCauseTest {

    @Test
    void readsDtmfRelayAndPlainDtmfBodies() {
        assertThat(Dtmf.parse("dtmf-relay", "Signal=5\r\nDuration=160\r\n")).isEqualTo(new Dtmf.Event('5', 160));
        assertThat(Dtmf.parse("dtmf-relay", "Signal= #\nDuration= 250")).isEqualTo(new Dtmf.Event('#', 250));
        assertThat(Dtmf.parse("dtmf-relay", "Signal=10")).isEqualTo(new Dtmf.Event('*', 100));
        assertThat(Dtmf.parse("dtmf", "7")).isEqualTo(new Dtmf.Event('7', 100));
    }

    @Test
    void garbageDigitsAreNone() {
        assertThat(Dtmf.parse("dtmf-relay", "Signal=X").digit()).isEqualTo((char) 0);
        assertThat(Dtmf.parse("dtmf-relay", "hello").digit()).isEqualTo((char) 0);
        assertThat(Dtmf.parse("dtmf-relay", null).digit()).isEqualTo((char) 0);
        assertThat(Dtmf.parse("dtmf-relay", "Signal=1\nDuration=banana").durationMs()).isEqualTo(100);
    }

    @Test
    void causesMapToResponsesAndBack() {
        assertThat(CauseCodes.status(Cause.NO_ROUTE)).isEqualTo(404);
        assertThat(CauseCodes.status(Cause.UNAVAILABLE)).isEqualTo(503);
        assertThat(CauseCodes.status(Cause.FORBIDDEN)).isEqualTo(403);
        assertThat(CauseCodes.status(Cause.BUSY)).isEqualTo(486);
        assertThat(CauseCodes.status(Cause.INCOMPATIBLE_MEDIA)).isEqualTo(488);
        assertThat(CauseCodes.status(Cause.CANCELLED)).isEqualTo(487);
        assertThat(CauseCodes.status(Cause.ERROR)).isEqualTo(500);

        assertThat(CauseCodes.cause(486)).isEqualTo(Cause.BUSY);
        assertThat(CauseCodes.cause(603)).isEqualTo(Cause.REJECTED);
        assertThat(CauseCodes.cause(408)).isEqualTo(Cause.NO_ANSWER);
        assertThat(CauseCodes.cause(404)).isEqualTo(Cause.UNREACHABLE);
        assertThat(CauseCodes.cause(502)).isEqualTo(Cause.ERROR);
    }
}
