package io.switchboard.core.internal.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.api.call.CallControlException;
import io.switchboard.api.call.CallEvent;
import io.switchboard.api.call.CallInfo;
import io.switchboard.api.call.CallState;
import io.switchboard.api.call.Cause;
import io.switchboard.api.call.DialRequest;
import io.switchboard.api.call.OriginateRequest;
import io.switchboard.api.call.PlayRequest;
import io.switchboard.api.channel.ChannelException;
import io.switchboard.api.channel.InboundRequest;
import io.switchboard.api.channel.LegSink;
import io.switchboard.api.journal.JournalEntry;
import io.switchboard.core.api.RouteDecision;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallEngineTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final ManualTimers timers = new ManualTimers();
    private final MemoryJournal journal = new MemoryJournal();
    private final RecordingController ivr = new RecordingController();
    private final CallEngine engine = new CallEngine(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC),
            pool, timers,
            (dialled, caller) -> "100".equals(dialled)
                    ? Optional.of(new RouteDecision("r100", "ivr", Map.of("flow", "hotline"), "open"))
                    : Optional.empty(),
            journal, (item, language) -> {
                if (item.startsWith("missing")) {
                    throw new IllegalArgumentException("no prompt " + item);
                }
                return () -> (codec, frame) -> false;
            },
            new CallEngineOptions(Duration.ofSeconds(60), "", 3));

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void routedCallIsOfferedToItsControllerAndAnswered() throws Exception {
        engine.controllerArrived("ivr", ivr);
        TestChannel channel = new TestChannel();
        LegSink sink = engine.inbound(request("100"), channel);

        CallEvent offered = ivr.next();
        assertThat(offered.type()).isEqualTo("call.offered");
        assertThat(offered.data()).containsEntry("dialled", "100").containsEntry("params", Map.of("flow", "hotline"));

        engine.answer(offered.callId());
        assertThat(channel.actions).containsExactly("answer");
        sink.answered();
        assertThat(ivr.next().type()).isEqualTo("call.answered");
        assertThat(engine.call(offered.callId()).orElseThrow().controller()).isEqualTo("ivr");
    }

    @Test
    void unknownNumberIsRefusedWithNoRoute() {
        assertThatThrownBy(() -> engine.inbound(request("999"), new TestChannel()))
                .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.cause()).isEqualTo(Cause.NO_ROUTE));
        assertThat(engine.calls()).isEmpty();
    }

    @Test
    void digitsReachTheControllerInOrderButNeverTheJournal() throws Exception {
        engine.controllerArrived("ivr", ivr);
        TestChannel channel = new TestChannel();
        LegSink sink = engine.inbound(request("100"), channel);
        String callId = ivr.next().callId();
        sink.answered();
        for (char digit : "123456#".toCharArray()) {
            channel.media.listener.digit(digit, 100);
        }
        StringBuilder heard = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            heard.append(ivr.next("call.digit").data().get("digit"));
        }
        assertThat(heard).hasToString("123456#");
        engine.hangup(callId, Cause.NORMAL);
        ivr.next("call.ended");
        assertThat(journal.all()).filteredOn(e -> e.type().equals("call.digit")).hasSize(7)
                .allSatisfy(e -> assertThat(e.data()).doesNotContainKey("digit"));
    }

    @Test
    void callsOfAControllerThatLeavesAreParkedAndHandedBackWithEveryQueuedEvent() throws Exception {
        engine.controllerArrived("ivr", ivr);
        TestChannel channel = new TestChannel();
        LegSink sink = engine.inbound(request("100"), channel);
        String callId = ivr.next().callId();
        sink.answered();
        ivr.next("call.answered");

        engine.controllerLeft("ivr", ivr);
        awaitController(callId, "parked:ivr");
        channel.media.listener.digit('4', 80);
        channel.media.listener.digit('2', 80);

        RecordingController newer = new RecordingController();
        engine.controllerArrived("ivr", newer);
        CallEvent unparked = newer.next();
        assertThat(unparked.type()).isEqualTo("call.unparked");
        assertThat(unparked.data()).containsEntry("queuedEvents", 2);
        assertThat(newer.next().data()).containsEntry("digit", "4");
        assertThat(newer.next().data()).containsEntry("digit", "2");
        assertThat(engine.call(callId).orElseThrow().controller()).isEqualTo("ivr");
        assertThat(ivr.idle()).as("the old controller hears nothing after it left").isTrue();
    }

    @Test
    void aSuccessorArrivingAtOnceStillHearsTheCallWasParked() throws Exception {
        engine.controllerArrived("ivr", ivr);
        engine.inbound(request("100"), new TestChannel());
        String callId = ivr.next().callId();

        RecordingController newer = new RecordingController();
        engine.controllerLeft("ivr", ivr);
        engine.controllerArrived("ivr", newer);
        assertThat(newer.next().type()).isEqualTo("call.unparked");
        awaitController(callId, "ivr");
    }

    @Test
    void aCallWhoseControllerDoesNotComeBackEndsAfterTheParkTimeout() throws Exception {
        TestChannel channel = new TestChannel();
        engine.inbound(request("100"), channel);
        String callId = engine.calls().get(0).id();
        awaitController(callId, "parked:ivr");

        timers.advance(Duration.ofSeconds(59));
        assertThat(engine.call(callId)).isPresent();
        timers.advance(Duration.ofSeconds(1));
        awaitGone(callId);
        assertThat(channel.hungUpWith).isEqualTo(Cause.ERROR);
    }

    @Test
    void callerHangupEndsTheCallAndTheOtherLegs() throws Exception {
        engine.controllerArrived("ivr", ivr);
        TestChannel channel = new TestChannel();
        LegSink sink = engine.inbound(request("100"), channel);
        String callId = ivr.next().callId();
        sink.answered();
        sink.ended(Cause.NORMAL);
        assertThat(ivr.next("leg.ended").data()).containsEntry("cause", "NORMAL");
        assertThat(ivr.next("call.ended").data()).containsEntry("cause", "NORMAL");
        awaitGone(callId);
        assertThat(channel.hungUpWith).as("the driver reported the end itself").isNull();
        assertThat(journal.all()).extracting(JournalEntry::type).contains("call.started", "call.answered", "call.ended");
    }

    @Test
    void aCallWhoseMediaStopsIsEndedAsDead() throws Exception {
        engine.controllerArrived("ivr", ivr);
        TestChannel channel = new TestChannel();
        LegSink sink = engine.inbound(request("100"), channel);
        String callId = ivr.next().callId();
        sink.answered();
        channel.media.listener.inactive();
        assertThat(ivr.next("call.ended").data()).containsEntry("cause", "MEDIA_TIMEOUT");
        assertThat(channel.hungUpWith).isEqualTo(Cause.MEDIA_TIMEOUT);
        awaitGone(callId);
    }

    @Test
    void anEchoIsALegBridgedToItself() throws Exception {
        engine.controllerArrived("ivr", ivr);
        TestChannel channel = new TestChannel();
        LegSink sink = engine.inbound(request("100"), channel);
        String callId = ivr.next().callId();
        assertThatThrownBy(() -> engine.bridge(callId, callId + ".1", callId + ".1"))
                .isInstanceOf(CallControlException.class).hasMessageContaining("answered");
        sink.answered();
        engine.bridge(callId, callId + ".1", callId + ".1");
        assertThat(channel.media.relayTarget).isSameAs(channel.media);
        assertThat(ivr.next("call.bridged").data()).containsEntry("legs", List.of(callId + ".1"));
    }

    @Test
    void playingAnUnknownPromptIsAClearErrorAndTheCallGoesOn() throws Exception {
        engine.controllerArrived("ivr", ivr);
        engine.inbound(request("100"), new TestChannel());
        String callId = ivr.next().callId();
        assertThatThrownBy(() -> engine.play(callId, PlayRequest.prompts("missing-welcome")))
                .isInstanceOf(CallControlException.class).hasMessageContaining("missing-welcome");
        assertThat(engine.play(callId, PlayRequest.prompts("welcome"))).startsWith(callId);
    }

    @Test
    void attributesMustBePlainData() throws Exception {
        engine.controllerArrived("ivr", ivr);
        engine.inbound(request("100"), new TestChannel());
        String callId = ivr.next().callId();
        engine.attach(callId, Map.of("language", "zh-CN", "menuPath", List.of("lang", "main")));
        engine.remember(callId, Map.of("node", "pin"));
        assertThatThrownBy(() -> engine.attach(callId, Map.of("bad", new Object())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad");
        CallInfo info = engine.call(callId).orElseThrow();
        assertThat(info.attached()).containsEntry("language", "zh-CN");
        assertThat(info.controllerState()).containsEntry("node", "pin");
    }

    @Test
    void drainingRefusesNewCallsAndWaitsForLiveOnes() throws Exception {
        engine.controllerArrived("ivr", ivr);
        LegSink sink = engine.inbound(request("100"), new TestChannel());
        ivr.next();
        pool.execute(() -> {
            // End the live call once the drain has begun refusing new ones.
            while (engine.accepting()) {
                Thread.onSpinWait();
            }
            sink.ended(Cause.NORMAL);
        });
        assertThat(engine.drain(Duration.ofSeconds(10))).isZero();
        assertThatThrownBy(() -> engine.inbound(request("100"), new TestChannel()))
                .isInstanceOfSatisfying(ChannelException.class,
                        e -> assertThat(e.cause()).isEqualTo(Cause.UNAVAILABLE));
    }

    @Test
    void drainGivesUpAtItsLimitAndReportsCallsStillUp() throws Exception {
        engine.inbound(request("100"), new TestChannel());
        assertThat(engine.drain(Duration.ofMillis(50))).isEqualTo(1);
    }

    @Test
    void callsBeyondTheLimitAreRefused() throws Exception {
        for (int i = 0; i < 3; i++) {
            engine.inbound(request("100"), new TestChannel());
        }
        assertThat(engine.accepting()).isFalse();
        assertThatThrownBy(() -> engine.inbound(request("100"), new TestChannel()))
                .isInstanceOfSatisfying(ChannelException.class,
                        e -> assertThat(e.cause()).isEqualTo(Cause.UNAVAILABLE));
    }

    @Test
    void anOriginatedCallRingsItsPartyAndBelongsToItsController() throws Exception {
        TestDriver driver = new TestDriver();
        engine.driverArrived(driver, List.of("trunk"));
        engine.controllerArrived("acd", ivr);
        String callId = engine.originate(new OriginateRequest("acd",
                new DialRequest("trunk:13800000002", "200", Duration.ofSeconds(30)),
                Map.of("queue", "general"), Map.of("acd.callback", "cb1")));

        CallInfo call = engine.call(callId).orElseThrow();
        assertThat(call.controller()).isEqualTo("acd");
        assertThat(call.caller()).isEqualTo("13800000002");
        assertThat(call.callerLeg().direction()).isEqualTo("outbound");
        assertThat(call.attached()).containsEntry("queue", "general");
        assertThat(call.controllerState()).containsEntry("acd.callback", "cb1");
        assertThatThrownBy(() -> engine.answer(callId)).isInstanceOf(CallControlException.class)
                .hasMessageContaining("placed by the appliance");

        LegSink party = driver.sinks.get(callId + ".1");
        party.ringing();
        assertThat(ivr.next().type()).isEqualTo("leg.ringing");
        party.answered();
        assertThat(ivr.next("call.answered").data()).containsEntry("legId", callId + ".1");
        assertThat(engine.call(callId).orElseThrow().state()).isEqualTo(CallState.ANSWERED);
        assertThat(engine.play(callId, PlayRequest.prompts("callback-intro"))).startsWith(callId);
        party.ended(Cause.NORMAL);
        assertThat(ivr.next("call.ended").data()).containsEntry("cause", "NORMAL");
        awaitGone(callId);
        assertThat(journal.all()).filteredOn(entry -> entry.type().equals("call.started"))
                .singleElement().satisfies(entry -> assertThat(entry.data()).containsEntry("direction", "outbound"));
    }

    @Test
    void aLegDialledWhileItsCallEndsIsHungUpOnceTheDriverHandsItsChannelOver() throws Exception {
        TestDriver driver = new TestDriver();
        engine.driverArrived(driver, List.of("sip"));
        engine.controllerArrived("ivr", ivr);
        engine.inbound(request("100"), new TestChannel());
        String callId = ivr.next().callId();
        driver.whileDialling = () -> engine.hangup(callId, Cause.NORMAL); // the caller hangs up meanwhile

        String legId = engine.dial(callId, new DialRequest("sip:1001", "", Duration.ofSeconds(15)));

        assertThat(driver.channels.get(legId).hungUpWith).isEqualTo(Cause.NORMAL);
        awaitGone(callId);
    }

    @Test
    void anOriginatedCallNobodyCanDialEndsWithTheDriversCause() throws Exception {
        TestDriver driver = new TestDriver();
        driver.refusal = new ChannelException(Cause.UNREACHABLE, "no trunk gateway configured");
        engine.driverArrived(driver, List.of("trunk"));
        engine.controllerArrived("acd", ivr);
        String callId = engine.originate(new OriginateRequest("acd",
                new DialRequest("trunk:13800000002", "", Duration.ofSeconds(30)), null, null));
        assertThat(ivr.next("leg.ended").data()).containsEntry("cause", "UNREACHABLE");
        assertThat(ivr.next("call.ended").data()).containsEntry("cause", "UNREACHABLE");
        awaitGone(callId);
    }

    @Test
    void originateIsRefusedWithoutADriverAControllerOrWhileDraining() throws Exception {
        DialRequest dial = new DialRequest("trunk:13800000002", "", Duration.ofSeconds(30));
        engine.controllerArrived("acd", ivr);
        assertThatThrownBy(() -> engine.originate(new OriginateRequest("acd", dial, null, null)))
                .isInstanceOf(CallControlException.class).hasMessageContaining("no channel driver dials trunk");
        engine.driverArrived(new TestDriver(), List.of("trunk"));
        assertThatThrownBy(() -> engine.originate(new OriginateRequest("dialer", dial, null, null)))
                .isInstanceOf(CallControlException.class).hasMessageContaining("no controller named dialer");
        assertThat(engine.drain(Duration.ZERO)).isZero();
        assertThatThrownBy(() -> engine.originate(new OriginateRequest("acd", dial, null, null)))
                .isInstanceOf(CallControlException.class).hasMessageContaining("draining");
        assertThat(engine.calls()).isEmpty();
    }

    private void awaitController(String callId, String controller) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!controller.equals(engine.call(callId).map(CallInfo::controller).orElse(null))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("call " + callId + " never had controller " + controller);
            }
            Thread.onSpinWait();
        }
    }

    private void awaitGone(String callId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (engine.call(callId).isPresent()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("call " + callId + " is still up");
            }
            Thread.onSpinWait();
        }
    }

    private static InboundRequest request(String dialled) {
        return new InboundRequest("sip", dialled, "13800000001", Map.of("source", "127.0.0.1"));
    }
}
