package io.switchboard.acd.internal.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.acd.internal.agent.AgentBoard;
import io.switchboard.acd.internal.agent.AgentState;
import io.switchboard.acd.internal.agent.TransitionRefused;
import io.switchboard.acd.internal.routing.AgentProfile;
import io.switchboard.acd.internal.routing.OverflowStep;
import io.switchboard.acd.internal.routing.QueueRules;
import io.switchboard.acd.internal.routing.RoutingEngine;
import io.switchboard.acd.internal.routing.SkillRequirement;
import io.switchboard.api.call.Cause;
import io.switchboard.api.journal.Journal;
import io.switchboard.api.journal.JournalEntry;
import io.switchboard.testsupport.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The desk against recorded call control, a manual clock and the real routing engine and agent board. */
class AcdDeskTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final ManualTimers timers = new ManualTimers(clock);
    private final RecordingCalls calls = new RecordingCalls(clock);
    private final List<String> journal = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private final Map<String, AgentProfile> profiles = Map.of(
            "1001", new AgentProfile("1001", Map.of("general", 5)),
            "1002", new AgentProfile("1002", Map.of("general", 3, "cards", 6)),
            "1004", new AgentProfile("1004", Map.of("private-banking", 8, "general", 7)));
    private final Map<String, QueuePlan> queues = Map.of(
            "general", plan(new QueueRules("general", new SkillRequirement("general", 1), "longest-idle", List.of(), null), null),
            "cards", plan(new QueueRules("cards", new SkillRequirement("cards", 3), "longest-idle",
                    List.of(new OverflowStep(Duration.ofSeconds(30), new SkillRequirement("general", 5))), Duration.ofSeconds(120)),
                    "general"),
            "vip", plan(new QueueRules("vip", new SkillRequirement("private-banking", 5), "best-skill", List.of(), null), null),
            // call-back offered on 1, announcements every 30 s, called back at the maximum wait
            "loans", new QueuePlan(new QueueRules("loans", new SkillRequirement("general", 1), "longest-idle", List.of(),
                    Duration.ofSeconds(300)), "moh", Duration.ofSeconds(15), Duration.ofSeconds(10), "no-answer", null, null,
                    "callback", Duration.ofSeconds(30), null, "1"),
            // nobody has the skill: callers hear the queue's message at once
            "fx", new QueuePlan(new QueueRules("fx", new SkillRequirement("fx", 1), "longest-idle", List.of(),
                    Duration.ofSeconds(60)), "moh", Duration.ofSeconds(15), Duration.ofSeconds(10), "no-answer", null,
                    "fx-busy", "message", null, null, null));
    private final MemoryCallbackBook callbackBook = new MemoryCallbackBook();
    private final Map<String, Duration> handleTimes = new java.util.HashMap<>();
    private AgentBoard board;
    private AcdDesk desk;

    private static QueuePlan plan(QueueRules rules, String overflowQueue) {
        return new QueuePlan(rules, "moh", Duration.ofSeconds(15), Duration.ofSeconds(10), "no-answer", overflowQueue, null,
                overflowQueue == null ? null : "queue", null, null, null);
    }

    @BeforeEach
    void setUp() {
        RoutingEngine engine = new RoutingEngine(Duration.ofSeconds(10), name -> Optional.empty());
        queues.values().forEach(plan -> engine.defineQueue(plan.rules()));
        board = new AgentBoard(clock, ZoneOffset.UTC, (previous, current) -> desk.agentChanged(current));
        desk = new AcdDesk(calls, recordingJournal(), board, engine, directory(), timers,
                (agent, event, data) -> notices.add(agent + " " + event), clock, callbackBook, CallbackPolicy.DEFAULT,
                queue -> Optional.ofNullable(handleTimes.get(queue)));
        desk.resumeCallbacks();
    }

    @Test
    void aCallWaitsWithMusicAndRingsTheMatchingAgentWhoAnswersAndIsBridged() throws TransitionRefused {
        ready("1002");
        offerCall("c1", "cards");

        assertThat(calls.actions).contains("answer c1", "dial c1 sip:1002 15s");
        String agentLeg = calls.lastLeg("c1");
        assertThat(board.status("1002").state()).isEqualTo(AgentState.RESERVED);
        assertThat(notices).contains("1002 offered");

        clock.advance(Duration.ofSeconds(4));
        desk.onEvent(calls.legAnswered("c1", agentLeg));

        assertThat(calls.actions).contains("bridge c1 c1-caller " + agentLeg);
        assertThat(board.status("1002").state()).isEqualTo(AgentState.TALKING);
        assertThat(calls.attached("c1")).containsEntry("queue", "cards").containsEntry("agentId", "1002")
                .containsEntry("waitSeconds", 4L);
        assertThat(journalTypes()).containsSubsequence("acd.queued c1", "acd.offered c1 1002", "acd.connected c1 1002");
    }

    @Test
    void callsNeedingEachSkillLandOnTheRightAgent() throws TransitionRefused {
        ready("1001");
        ready("1002");
        ready("1004");
        offerCall("c-vip", "vip");
        offerCall("c-cards", "cards");
        offerCall("c-general", "general");

        assertThat(calls.actions).contains("dial c-vip sip:1004 15s", "dial c-cards sip:1002 15s", "dial c-general sip:1001 15s");
    }

    @Test
    void aVipCallerOvertakesStandardCallersWaitingBefore() throws TransitionRefused {
        offerCall("c-std-1", "general");
        clock.advance(Duration.ofSeconds(5));
        offerCall("c-std-2", "general");
        clock.advance(Duration.ofSeconds(5));
        offerCall("c-vip", "general", Map.of("customerClass", "private-banking"));

        ready("1001");

        assertThat(calls.actions).contains("dial c-vip sip:1001 15s").doesNotContain("dial c-std-1 sip:1001 15s");
    }

    @Test
    void ringNoAnswerPutsTheCallBackAtItsPlaceAndTheAgentNotReady() throws TransitionRefused {
        ready("1001");
        offerCall("c1", "general");
        String firstLeg = calls.lastLeg("c1");
        clock.advance(Duration.ofSeconds(3));
        offerCall("c2", "general");
        ready("1004");
        assertThat(calls.actions).contains("dial c2 sip:1004 15s"); // c2 rings 1004 while c1 rings 1001
        String secondLeg = calls.lastLeg("c2");
        desk.onEvent(calls.legEnded("c2", secondLeg, Cause.NO_ANSWER)); // 1004 does not answer c2

        assertThat(board.status("1004").state()).isEqualTo(AgentState.NOT_READY);
        assertThat(board.status("1004").reason()).isEqualTo("no-answer");
        assertThat(calls.state("c2")).containsEntry("acd.phase", "WAITING");

        desk.onEvent(calls.legEnded("c1", firstLeg, Cause.NO_ANSWER)); // nor does 1001 answer c1
        ready("1001");
        // c1 came first: back at its old place, it is offered before c2
        assertThat(calls.actions.get(calls.actions.size() - 1)).isEqualTo("dial c1 sip:1001 15s");
        assertThat(journalTypes()).contains("acd.noanswer c1 1001", "acd.noanswer c2 1004");
    }

    @Test
    void hangUpGoesToWrapUpThenReady() throws TransitionRefused {
        ready("1001");
        offerCall("c1", "general");
        desk.onEvent(calls.legAnswered("c1", calls.lastLeg("c1")));

        desk.onEvent(calls.callerHangsUp("c1"));
        calls.forget("c1");
        assertThat(board.status("1001").state()).isEqualTo(AgentState.WRAP_UP);

        timers.advance(Duration.ofSeconds(9));
        assertThat(board.status("1001").state()).isEqualTo(AgentState.WRAP_UP);
        timers.advance(Duration.ofSeconds(1));
        assertThat(board.status("1001").state()).isEqualTo(AgentState.READY);
    }

    @Test
    void theAgentHangingUpEndsTheCaller() throws TransitionRefused {
        ready("1001");
        offerCall("c1", "general");
        String agentLeg = calls.lastLeg("c1");
        desk.onEvent(calls.legAnswered("c1", agentLeg));
        desk.onEvent(calls.legEnded("c1", agentLeg, Cause.NORMAL));
        assertThat(calls.actions).contains("hangup c1 NORMAL");
    }

    @Test
    void aCallerWhoHangsUpInQueueIsJournaledAsAbandoned() {
        offerCall("c1", "general");
        clock.advance(Duration.ofSeconds(42));
        desk.onEvent(calls.callerHangsUp("c1"));
        assertThat(journal).contains("acd.abandoned c1 null queue=general waitSeconds=42");
    }

    @Test
    void aCallerWhoHangsUpWhileTheAgentsPhoneRingsFreesTheAgent() throws TransitionRefused {
        ready("1001");
        offerCall("c1", "general");
        desk.onEvent(calls.callerHangsUp("c1"));
        assertThat(board.status("1001").state()).isEqualTo(AgentState.READY);
        assertThat(journal).anyMatch(line -> line.startsWith("acd.abandoned c1 1001"));
    }

    @Test
    void overflowWidensTheSkillsAfterItsTimeAndMaxWaitMovesTheCall() throws TransitionRefused {
        ready("1001"); // general 5: not a cards agent, but the cards queue overflows to general >= 5 after 30 s
        offerCall("c1", "cards");
        assertThat(calls.actions).noneMatch(action -> action.startsWith("dial"));
        timers.advance(Duration.ofSeconds(29));
        assertThat(calls.actions).noneMatch(action -> action.startsWith("dial"));
        timers.advance(Duration.ofSeconds(1));
        assertThat(calls.actions).contains("dial c1 sip:1001 15s");
    }

    @Test
    void atTheMaximumWaitACallMovesToTheOverflowQueueKeepingItsPlace() {
        offerCall("c1", "cards");
        timers.advance(Duration.ofSeconds(120));
        assertThat(calls.state("c1")).containsEntry("acd.queue", "general");
        assertThat(calls.attached("c1")).containsEntry("queue", "general");
        assertThat(journal).contains("acd.overflow c1 null from=cards to=general");
    }

    @Test
    void aNewDeskPicksUpWaitingCallsFromTheirStateAfterAnUpdate() throws TransitionRefused {
        offerCall("c1", "general");
        clock.advance(Duration.ofSeconds(20));
        offerCall("c2", "general");
        // the bundle is updated: a new engine and desk, the same calls in core and agents in the table
        setUp();
        desk.onEvent(calls.event("c2", "call.unparked", Map.of("parkedMillis", 500)));
        desk.onEvent(calls.event("c1", "call.unparked", Map.of("parkedMillis", 500)));
        ready("1001");
        assertThat(calls.actions.get(calls.actions.size() - 1)).as("c1 kept its place").isEqualTo("dial c1 sip:1001 15s");
    }

    @Test
    void theAgentHoldsResumesAndHangsUp() throws TransitionRefused {
        ready("1001");
        offerCall("c1", "general");
        desk.onEvent(calls.legAnswered("c1", calls.lastLeg("c1")));

        desk.hold("1001", true);
        assertThat(calls.actions).contains("hold c1 c1-caller");
        assertThat(board.status("1001").state()).isEqualTo(AgentState.HOLD);
        desk.hold("1001", false);
        assertThat(calls.actions).contains("resume c1 c1-caller");
        assertThat(board.status("1001").state()).isEqualTo(AgentState.TALKING);

        desk.hangup("1001");
        assertThat(calls.actions).contains("hangup c1 NORMAL");
    }

    @Test
    void anAgentWithoutACallCannotHoldHangUpOrTransfer() throws TransitionRefused {
        ready("1001");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> desk.hold("1001", true))
                .isInstanceOf(TransitionRefused.class).hasMessageContaining("not on a call");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> desk.transfer("1001", "queue:cards"))
                .isInstanceOf(TransitionRefused.class);
    }

    @Test
    void aBlindTransferToAQueueSendsTheCallerThereAndTheAgentToWrapUp() throws TransitionRefused {
        ready("1001");
        offerCall("c1", "general");
        String agentLeg = calls.lastLeg("c1");
        desk.onEvent(calls.legAnswered("c1", agentLeg));

        ready("1002");
        assertThat(calls.actions).doesNotContain("dial c1 sip:1002 15s");
        desk.transfer("1001", "queue:cards");
        desk.onEvent(calls.legEnded("c1", agentLeg, Cause.NORMAL)); // core reports the agent's leg gone

        assertThat(calls.actions).contains("hangupLeg c1 " + agentLeg, "dial c1 sip:1002 15s");
        assertThat(calls.actions).doesNotContain("hangup c1 NORMAL");
        assertThat(board.status("1001").state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(calls.attached("c1")).containsEntry("queue", "cards").containsEntry("transferredBy", "1001");
        assertThat(journalTypes()).contains("acd.transferred c1 1001");
    }

    @Test
    void aBlindTransferToAnAgentRingsThatAgentOnlyIfReady() throws TransitionRefused {
        ready("1001");
        offerCall("c1", "general");
        desk.onEvent(calls.legAnswered("c1", calls.lastLeg("c1")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> desk.transfer("1001", "agent:1004"))
                .isInstanceOf(TransitionRefused.class).hasMessageContaining("not READY");
        ready("1004");
        desk.transfer("1001", "agent:1004");
        assertThat(calls.actions).contains("dial c1 sip:1004 15s");
        assertThat(board.status("1004").state()).isEqualTo(AgentState.RESERVED);
    }

    // ---- call-backs, announcements and fallbacks

    @Test
    void aWaitingCallerWhoPressesTheKeyIsCalledBackFromTheirPlaceAndBridged() throws TransitionRefused {
        onBreak("1001"); // logged in: the queue's no-agents fallback does not apply
        offerCallFrom("c1", "loans", "13800000007");
        clock.advance(Duration.ofSeconds(20));
        requestCallback("c1");
        assertThat(journal).noneMatch(line -> line.startsWith("acd.abandoned"));
        Callback request = callbackBook.only();
        assertThat(request.status()).isEqualTo(Callback.Status.WAITING);
        assertThat(request.number()).isEqualTo("13800000007");
        assertThat(request.enqueuedAt()).isEqualTo(clock.instant().minusSeconds(20));

        clock.advance(Duration.ofSeconds(5));
        offerCallFrom("c2", "loans", "13800000008"); // came later: waits behind the call-back
        ready("1001");

        String out = originated("trunk:13800000007");
        assertThat(board.status("1001").state()).isEqualTo(AgentState.RESERVED);
        assertThat(board.status("1001").callId()).isEqualTo(out);
        assertThat(calls.attached(out)).containsEntry("callback", true).containsEntry("queue", "loans");
        assertThat(calls.actions).noneMatch(action -> action.startsWith("dial c2"));

        desk.onEvent(calls.partyAnswered(out));
        assertThat(calls.actions).contains("play " + out + " acd/callback-intro", "dial " + out + " sip:1001 15s");
        String agentLeg = calls.lastLeg(out);
        desk.onEvent(calls.legAnswered(out, agentLeg));

        assertThat(calls.actions).contains("bridge " + out + " " + out + "-party " + agentLeg);
        assertThat(board.status("1001").state()).isEqualTo(AgentState.TALKING);
        assertThat(callbackBook.only().status()).isEqualTo(Callback.Status.DONE);
        assertThat(journalTypes()).containsSubsequence("acd.callback.requested c1", "acd.callback.dialled " + out + " 1001",
                "acd.callback.reached " + out, "acd.offered " + out + " 1001", "acd.connected " + out + " 1001");
    }

    @Test
    void aCallbackNobodyAnswersIsTriedAgainAtItsPlaceThenGivenUp() throws TransitionRefused {
        onBreak("1001");
        offerCallFrom("c1", "loans", "13800000007");
        requestCallback("c1");
        ready("1001");
        for (int attempt = 1; attempt <= 3; attempt++) {
            String out = originated("trunk:13800000007");
            desk.onEvent(calls.callerHangsUp(out)); // rang out
            calls.forget(out);
            assertThat(board.status("1001").state()).as("the agent is free again").isEqualTo(AgentState.READY);
            assertThat(callbackBook.only().attempts()).isEqualTo(attempt);
            if (attempt < 3) {
                assertThat(callbackBook.only().status()).isEqualTo(Callback.Status.WAITING);
                assertThat(calls.calls()).isEmpty();
                timers.advance(Duration.ofMinutes(2));
            }
        }
        assertThat(callbackBook.only().status()).isEqualTo(Callback.Status.FAILED);
        assertThat(journalTypes()).filteredOn(line -> line.startsWith("acd.callback.noanswer")).hasSize(2);
        assertThat(journalTypes()).anyMatch(line -> line.startsWith("acd.callback.failed"));
        timers.advance(Duration.ofMinutes(10));
        assertThat(calls.calls()).isEmpty();
    }

    @Test
    void callbackRequestsOutliveAnUpdateOfTheBundle() throws TransitionRefused {
        onBreak("1001");
        offerCallFrom("c1", "loans", "13800000007");
        requestCallback("c1");
        setUp(); // a new desk and engine; the book is the ACD's table
        ready("1001");
        originated("trunk:13800000007");
    }

    @Test
    void waitingCallersHearTheirPositionExpectedWaitAndTheCallbackOffer() throws TransitionRefused {
        onBreak("1001"); // the one agent who serves the queue
        offerCallFrom("c1", "loans", "13800000007");
        timers.advance(Duration.ofSeconds(3));
        assertThat(calls.actions).as("before any handle time is known, only the position")
                .contains("play c1 acd/position-before,say-number:1,acd/position-after,acd/callback-offer-before,digits/1");
        handleTimes.put("loans", Duration.ofSeconds(150));
        offerCallFrom("c2", "loans", "13800000008");
        timers.advance(Duration.ofSeconds(3));
        assertThat(calls.actions).contains("play c2 acd/position-before,say-number:2,acd/position-after,"
                + "acd/wait-before,say-number:5,acd/wait-minutes,acd/callback-offer-before,digits/1");
        String announcement = "p" + calls.actions.size();
        desk.onEvent(calls.event("c2", "media.finished", Map.of("playbackId", announcement, "reason", "completed")));
        assertThat(calls.actions.get(calls.actions.size() - 1)).isEqualTo("play c2 moh");
        timers.advance(Duration.ofSeconds(30));
        assertThat(calls.actions).filteredOn(action -> action.startsWith("play c2 acd/position-before")).hasSize(2);
    }

    @Test
    void atTheMaximumWaitACallbackQueueTakesARequestForTheCaller() throws TransitionRefused {
        onBreak("1001");
        offerCallFrom("c1", "loans", "13800000007");
        timers.advance(Duration.ofSeconds(300));
        assertThat(journal).anyMatch(line -> line.startsWith("acd.fallback c1 null action=callback queue=loans reason=max-wait"));
        assertThat(journal).anyMatch(line -> line.startsWith("acd.callback.requested c1") && line.contains("reason=max-wait"));
        assertThat(calls.actions).contains("play c1 acd/callback-confirm");
    }

    @Test
    void withNobodyLoggedInWhoCouldAnswerTheCallerHearsTheQueuesMessageAndIsHungUpOn() {
        offerCall("c1", "fx");
        assertThat(journal).contains("acd.fallback c1 null action=message queue=fx reason=no-agents");
        assertThat(calls.actions).contains("play c1 fx-busy");
        finishClosingMessage("c1");
        desk.onEvent(calls.callerHangsUp("c1"));
        assertThat(journal).noneMatch(line -> line.startsWith("acd.abandoned"));
    }

    @Test
    void outOfHoursTheRouteSendsCallersToTheClosedMessage() {
        offerCall("c1", "general", Map.of("closed", true));
        assertThat(calls.actions).contains("play c1 acd/closed");
        finishClosingMessage("c1");
    }

    private void requestCallback(String callId) {
        desk.onEvent(calls.event(callId, "call.digit", Map.of("legId", callId + "-caller", "digit", "1", "durationMs", 100)));
        assertThat(calls.actions).contains("play " + callId + " acd/callback-confirm");
        finishClosingMessage(callId);
        desk.onEvent(calls.callerHangsUp(callId));
        calls.forget(callId);
    }

    @Test
    void aCallerWithoutADialableNumberKeepsWaitingWhenPressingTheKey() throws TransitionRefused {
        onBreak("1001");
        offerCallFrom("c1", "loans", "anonymous");
        desk.onEvent(calls.event("c1", "call.digit", Map.of("legId", "c1-caller", "digit", "1", "durationMs", 100)));
        assertThat(callbackBook.saved).isEmpty();
        assertThat(calls.state("c1")).containsEntry("acd.phase", "WAITING");
    }

    @Test
    void withNobodyLoggedInACallbackQueueTakesARequestAtOnce() {
        offerCallFrom("c1", "loans", "13800000007");
        assertThat(journal).anyMatch(line -> line.startsWith("acd.callback.requested c1") && line.contains("reason=no-agents"));
        assertThat(calls.actions).contains("play c1 acd/callback-confirm");
    }

    private void onBreak(String agentId) throws TransitionRefused {
        board.request(agentId, AgentState.NOT_READY, "break");
    }

    private void finishClosingMessage(String callId) {
        Object playback = calls.state(callId).get("acd.closingPlayback");
        desk.onEvent(calls.event(callId, "media.finished", Map.of("playbackId", "other", "reason", "stopped")));
        assertThat(calls.actions).doesNotContain("hangup " + callId + " NORMAL");
        desk.onEvent(calls.event(callId, "media.finished", Map.of("playbackId", playback, "reason", "completed")));
        assertThat(calls.actions).contains("hangup " + callId + " NORMAL");
    }

    /** The id of the one live call the ACD placed to this destination. */
    private String originated(String destination) {
        assertThat(calls.actions).contains("originate " + destination + " as ");
        return calls.calls().stream().filter(call -> call.dialled().equals(destination)).map(call -> call.id())
                .reduce((a, b) -> b).orElseThrow();
    }


    // ---- transfers to numbers and consulted transfers

    @Test
    void aBlindTransferToANumberRingsItThroughTheTrunkAndBridgesTheCaller() throws TransitionRefused {
        ready("1001");
        offerCall("c1", "general");
        String agentLeg = calls.lastLeg("c1");
        desk.onEvent(calls.legAnswered("c1", agentLeg));

        desk.transfer("1001", "number:95588");
        assertThat(calls.actions).contains("hangupLeg c1 " + agentLeg, "dial c1 trunk:95588 15s");
        assertThat(board.status("1001").state()).isEqualTo(AgentState.WRAP_UP);
        desk.onEvent(calls.legEnded("c1", agentLeg, Cause.NORMAL));
        assertThat(calls.actions).doesNotContain("hangup c1 NORMAL");

        String outside = calls.lastLeg("c1");
        desk.onEvent(calls.legAnswered("c1", outside));
        assertThat(calls.actions).contains("bridge c1 c1-caller " + outside);
        assertThat(journalTypes()).contains("acd.transferred c1 1001", "acd.transfer.answered c1");
        desk.onEvent(calls.legEnded("c1", outside, Cause.NORMAL));
        assertThat(calls.actions).contains("hangup c1 NORMAL");
    }

    @Test
    void onlyAgentsWithOutboundPermissionReachOutsideNumbers() throws TransitionRefused {
        ready("1002");
        offerCall("c1", "cards");
        desk.onEvent(calls.legAnswered("c1", calls.lastLeg("c1")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> desk.transfer("1002", "number:95588"))
                .isInstanceOf(TransitionRefused.class).hasMessageContaining("may not call outside numbers");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> desk.consult("1002", "number:95588"))
                .isInstanceOf(TransitionRefused.class).hasMessageContaining("may not call outside numbers");
        assertThat(board.status("1002").state()).isEqualTo(AgentState.TALKING);
    }

    @Test
    void aConsultedTransferHoldsTheCallerTalksToTheOtherAgentThenHandsTheCallerOver() throws TransitionRefused {
        ready("1001");
        offerCall("c1", "general");
        String agentLeg = calls.lastLeg("c1");
        desk.onEvent(calls.legAnswered("c1", agentLeg));
        ready("1004");

        desk.consult("1001", "agent:1004");
        assertThat(calls.actions).contains("hold c1 c1-caller", "dial c1 sip:1004 15s");
        assertThat(board.status("1001").state()).isEqualTo(AgentState.HOLD);
        assertThat(board.status("1004").state()).isEqualTo(AgentState.RESERVED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> desk.completeConsultation("1001"))
                .isInstanceOf(TransitionRefused.class).hasMessageContaining("not answered");

        String consultLeg = calls.lastLeg("c1");
        desk.onEvent(calls.legAnswered("c1", consultLeg));
        assertThat(calls.actions).contains("bridge c1 " + agentLeg + " " + consultLeg);
        assertThat(board.status("1004").state()).isEqualTo(AgentState.TALKING);

        desk.completeConsultation("1001");
        desk.onEvent(calls.legEnded("c1", agentLeg, Cause.NORMAL));
        assertThat(calls.actions).contains("resume c1 c1-caller", "bridge c1 c1-caller " + consultLeg, "hangupLeg c1 " + agentLeg);
        assertThat(calls.actions).doesNotContain("hangup c1 NORMAL");
        assertThat(board.status("1001").state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(calls.state("c1")).containsEntry("acd.agent", "1004").containsEntry("acd.agentLeg", consultLeg)
                .doesNotContainKey("acd.consultLeg");
        assertThat(calls.attached("c1")).containsEntry("agentId", "1004").containsEntry("transferredBy", "1001");

        desk.onEvent(calls.callerHangsUp("c1"));
        assertThat(board.status("1004").state()).as("the new agent wraps up the call").isEqualTo(AgentState.WRAP_UP);
    }

    @Test
    void aCancelledConsultationReturnsTheAgentToTheCaller() throws TransitionRefused {
        ready("1001");
        offerCall("c1", "general");
        String agentLeg = calls.lastLeg("c1");
        desk.onEvent(calls.legAnswered("c1", agentLeg));

        desk.consult("1001", "number:95588");
        String consultLeg = calls.lastLeg("c1");
        desk.onEvent(calls.legAnswered("c1", consultLeg));
        desk.cancelConsultation("1001");

        assertThat(calls.actions).contains("hangupLeg c1 " + consultLeg, "bridge c1 c1-caller " + agentLeg, "resume c1 c1-caller");
        assertThat(board.status("1001").state()).isEqualTo(AgentState.TALKING);
        assertThat(calls.state("c1")).doesNotContainKey("acd.consultLeg");
        assertThat(journalTypes()).contains("acd.consult.started c1 1001", "acd.consult.answered c1 1001",
                "acd.consult.ended c1 1001");
    }

    @Test
    void aConsultedAgentWhoDoesNotAnswerIsFreedAndTheAgentIsBackWithTheCaller() throws TransitionRefused {
        ready("1001");
        offerCall("c1", "general");
        String agentLeg = calls.lastLeg("c1");
        desk.onEvent(calls.legAnswered("c1", agentLeg));
        ready("1004");
        desk.consult("1001", "agent:1004");
        desk.onEvent(calls.legEnded("c1", calls.lastLeg("c1"), Cause.NO_ANSWER));

        assertThat(board.status("1004").state()).isEqualTo(AgentState.READY);
        assertThat(board.status("1001").state()).isEqualTo(AgentState.TALKING);
        assertThat(calls.actions).contains("bridge c1 c1-caller " + agentLeg);
    }


    // ---- races between callers, agents and core

    @Test
    void anAgentWhoAnswersBeforeTheCallersAnswerCompletesIsBridgedWhenItDoes() throws TransitionRefused {
        ready("1001");
        offerCall("c1", "general");
        calls.answerPending("c1");
        String agentLeg = calls.lastLeg("c1");
        desk.onEvent(calls.legAnswered("c1", agentLeg));
        assertThat(calls.actions).noneMatch(action -> action.startsWith("bridge"));

        calls.answer("c1");
        desk.onEvent(calls.event("c1", "call.answered", Map.of("legId", "c1-caller")));
        assertThat(calls.actions).contains("bridge c1 c1-caller " + agentLeg);
        assertThat(board.status("1001").state()).isEqualTo(AgentState.TALKING);
        assertThat(journalTypes()).contains("acd.connected c1 1001");
    }

    @Test
    void aCallWhoseCallerHungUpJustBeforeAnAgentFreedUpIsNotOfferedAndTheAgentTakesTheNext() throws TransitionRefused {
        offerCall("c1", "general");
        clock.advance(Duration.ofSeconds(5));
        offerCall("c2", "general");
        calls.endedInCore("c1"); // its call.ended is still on the way
        ready("1001");

        assertThat(calls.actions).doesNotContain("dial c1 sip:1001 15s").contains("dial c2 sip:1001 15s");
        assertThat(board.status("1001").state()).isEqualTo(AgentState.RESERVED);
        assertThat(board.status("1001").callId()).isEqualTo("c2");
        desk.onEvent(calls.callerHangsUp("c1"));
        assertThat(journal).anyMatch(line -> line.startsWith("acd.abandoned c1"));
    }

    @Test
    void aCallerWhoHangsUpWhileTheAgentIsDialledLeavesTheAgentReady() throws TransitionRefused {
        offerCall("c1", "general");
        calls.endsWhileDialling = "c1";
        ready("1001");
        assertThat(calls.actions).contains("dial c1 sip:1001 15s");
        assertThat(board.status("1001").state()).as("not stuck RESERVED, not NOT_READY").isEqualTo(AgentState.READY);

        desk.onEvent(calls.callerHangsUp("c1"));
        calls.forget("c1");
        offerCall("c2", "general");
        assertThat(calls.actions).contains("dial c2 sip:1001 15s");
    }


    // ---- helpers

    /** Each journal line's type, call and agent. */
    private List<String> journalTypes() {
        return journal.stream().map(line -> String.join(" ", java.util.Arrays.asList(line.split(" ")).subList(0,
                Math.min(3, line.split(" ").length)))).map(line -> line.replace(" null", "")).toList();
    }

    private void offerCall(String callId, String queue) {
        offerCall(callId, queue, Map.of());
    }

    private void offerCallFrom(String callId, String queue, String caller) {
        calls.newCall(callId, caller);
        desk.onEvent(calls.event(callId, "call.offered", Map.of("dialled", "200", "params", Map.of("queue", queue))));
    }

    private void offerCall(String callId, String queue, Map<String, Object> extra) {
        calls.newCall(callId, "138000" + callId);
        Map<String, Object> params = new java.util.HashMap<>(extra);
        params.put("queue", queue);
        desk.onEvent(calls.event(callId, "call.offered", Map.of("dialled", "200", "params", params)));
    }

    private void ready(String agentId) throws TransitionRefused {
        board.request(agentId, AgentState.READY, null);
    }

    private AcdDirectory directory() {
        return new AcdDirectory() {
            @Override
            public Optional<QueuePlan> queue(String queueId) {
                return Optional.ofNullable(queues.get(queueId));
            }

            @Override
            public List<QueuePlan> queues() {
                return List.copyOf(queues.values());
            }

            @Override
            public Optional<AgentProfile> agent(String agentId) {
                return Optional.ofNullable(profiles.get(agentId));
            }

            @Override
            public Optional<String> device(String agentId) {
                return profiles.containsKey(agentId) ? Optional.of("sip:" + agentId) : Optional.empty();
            }

            @Override
            public boolean outboundAllowed(String agentId) {
                return agentId.equals("1001");
            }

            @Override
            public int priority(String customerClass) {
                return switch (customerClass) {
                    case "private-banking" -> 100;
                    case "priority" -> 50;
                    default -> 0;
                };
            }

            @Override
            public Optional<String> classForCaller(String callerNumber) {
                return Optional.empty();
            }
        };
    }

    private Journal recordingJournal() {
        return new Journal() {
            @Override
            public CompletionStage<Long> append(String type, String callId, String agentId, Map<String, Object> data) {
                StringBuilder line = new StringBuilder(type + " " + callId + " " + agentId);
                new java.util.TreeMap<>(data).forEach((key, value) -> {
                    if (!key.equals("priority") && !key.equals("customerClass") && !key.equals("legId") && !key.equals("whileRinging")) {
                        line.append(' ').append(key).append('=').append(value);
                    }
                });
                journal.add(line.toString().replace(" null null", " null").strip());
                return CompletableFuture.completedFuture((long) journal.size());
            }

            @Override
            public List<JournalEntry> read(long afterSeq, int limit) {
                return List.of();
            }
        };
    }
}
