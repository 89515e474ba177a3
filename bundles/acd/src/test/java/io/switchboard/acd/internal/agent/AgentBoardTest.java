package io.switchboard.acd.internal.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.testsupport.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentBoardTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final List<AgentStatus> changes = new ArrayList<>();
    private final AgentBoard board = new AgentBoard(clock, ZoneOffset.UTC, (previous, current) -> changes.add(current));

    @Test
    void logsInTakesBreaksAndLogsOut() throws TransitionRefused {
        assertThat(board.status("1001").state()).isEqualTo(AgentState.LOGGED_OUT);
        board.request("1001", AgentState.NOT_READY, "training");
        assertThat(board.status("1001").reason()).isEqualTo("training");
        clock.advance(Duration.ofMinutes(5));
        board.request("1001", AgentState.READY, null);
        assertThat(board.status("1001").idleSince()).isEqualTo(clock.instant());
        board.request("1001", AgentState.LOGGED_OUT, null);

        assertThat(changes).extracting(AgentStatus::state)
                .containsExactly(AgentState.NOT_READY, AgentState.READY, AgentState.LOGGED_OUT);
    }

    @Test
    void aCallGoesRingingTalkingHoldWrapUpReadyAndIsCounted() throws TransitionRefused {
        board.request("1001", AgentState.READY, null);
        board.reserve("1001", "c1");
        board.connected("1001", "c1");
        board.held("1001", "c1", true);
        board.held("1001", "c1", false);
        board.callEnded("1001", "c1");
        clock.advance(Duration.ofSeconds(10));
        board.wrapUpDone("1001");

        assertThat(changes).extracting(AgentStatus::state).containsExactly(AgentState.READY, AgentState.RESERVED,
                AgentState.TALKING, AgentState.HOLD, AgentState.TALKING, AgentState.WRAP_UP, AgentState.READY);
        AgentStatus ready = board.status("1001");
        assertThat(ready.callsOn(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))).isEqualTo(1);
        assertThat(ready.idleSince()).as("idle counts from the end of wrap-up").isEqualTo(clock.instant());
        assertThat(ready.callId()).isNull();
    }

    @Test
    void ringNoAnswerLeavesTheAgentNotReadyWithTheReason() throws TransitionRefused {
        board.request("1001", AgentState.READY, null);
        board.reserve("1001", "c1");
        board.noAnswer("1001", "c1", "no-answer");
        assertThat(board.status("1001").state()).isEqualTo(AgentState.NOT_READY);
        assertThat(board.status("1001").reason()).isEqualTo("no-answer");
    }

    @Test
    void aCallerLeavingWhileThePhoneRingsPutsTheAgentBackWithTheirIdleTime() throws TransitionRefused {
        board.request("1001", AgentState.READY, null);
        Instant idle = board.status("1001").idleSince();
        clock.advance(Duration.ofSeconds(30));
        board.reserve("1001", "c1");
        board.released("1001", "c1");
        assertThat(board.status("1001").state()).isEqualTo(AgentState.READY);
        assertThat(board.status("1001").idleSince()).isEqualTo(idle);
    }

    @Test
    void anAgentOnACallCannotLogOutOrGoNotReady() throws TransitionRefused {
        board.request("1001", AgentState.READY, null);
        board.reserve("1001", "c1");
        assertThatThrownBy(() -> board.request("1001", AgentState.LOGGED_OUT, null))
                .isInstanceOf(TransitionRefused.class).hasMessageContaining("RESERVED on call c1");
        board.connected("1001", "c1");
        assertThatThrownBy(() -> board.request("1001", AgentState.NOT_READY, "lunch")).isInstanceOf(TransitionRefused.class);
        assertThatThrownBy(() -> board.request("1001", AgentState.TALKING, null)).isInstanceOf(TransitionRefused.class);
    }

    @Test
    void theAcdCannotOfferToAnAgentWhoIsNotReadyOrMixUpCalls() throws TransitionRefused {
        assertThatThrownBy(() -> board.reserve("1001", "c1")).isInstanceOf(TransitionRefused.class);
        board.request("1001", AgentState.READY, null);
        board.reserve("1001", "c1");
        assertThatThrownBy(() -> board.connected("1001", "c2")).isInstanceOf(TransitionRefused.class)
                .hasMessageContaining("on call c1");
        assertThatThrownBy(() -> board.wrapUpDone("1001")).isInstanceOf(TransitionRefused.class);
    }

    @Test
    void callsTodayStartAgainOnANewDay() throws TransitionRefused {
        board.request("1001", AgentState.READY, null);
        board.reserve("1001", "c1");
        board.connected("1001", "c1");
        clock.advance(Duration.ofDays(1));
        assertThat(board.status("1001").callsOn(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))).isZero();
        board.callEnded("1001", "c1");
        board.wrapUpDone("1001");
        board.reserve("1001", "c2");
        board.connected("1001", "c2");
        assertThat(board.status("1001").callsOn(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))).isEqualTo(1);
    }

    @Test
    void askingForTheStateOneIsInChangesNothing() throws TransitionRefused {
        board.request("1001", AgentState.READY, null);
        board.request("1001", AgentState.READY, null);
        assertThat(changes).hasSize(1);
    }
}
