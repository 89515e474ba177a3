package io.switchboard.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.itests.support.Appliance;
import io.switchboard.itests.support.ApplianceApi;
import io.switchboard.itests.support.Await;
import io.switchboard.itests.support.Https;
import io.switchboard.itests.support.RtpProbe;
import io.switchboard.itests.support.Sipp;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Calls from a real SIP peer (SIPp) into the built appliance: the echo test, digits, hang-ups from
 * either side, CANCEL, untrusted trunks, and the drain on SIGTERM. Media is checked by an RTP
 * probe the caller's SDP points at. Routes 900/901 lead to the test controller, dropped into
 * {@code deploy/} like a vendor's add-on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TelephonyIT {
    /** No route: 404 while calls are taken, 503 while draining; a probe that never leaves a call up. */
    static final String UNROUTED = "999";
    static final Duration CEILING = Duration.ofSeconds(30);
    static final int EVENT_PT = 101;

    @TempDir
    static Path data;
    static Appliance appliance;
    static Https api;
    static String token;
    static ApplianceApi rest;

    @BeforeAll
    static void start() throws Exception {
        Sipp.requireInstalled();
        appliance = Appliance.start(data);
        appliance.awaitStarted();
        api = appliance.https();
        token = api.login("admin", Appliance.ADMIN_PASSWORD);
        rest = new ApplianceApi(api, token);
        Files.copy(testControllerJar(), data.resolve("deploy/test-controller.jar"));
        rest.createRoute(Map.of("id", "900", "pattern", "900", "controller", "test"));
        rest.createRoute(Map.of("id", "901", "pattern", "901", "controller", "test", "params", Map.of("answer", false)));
        Await.until(CEILING, () -> rest.bundleState("io.switchboard.testcontroller"), "ACTIVE"::equals);
    }

    @AfterAll
    static void stop() throws Exception {
        if (appliance != null) {
            appliance.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Sipp.Transport.class)
    @Order(1)
    void echoTestPlaysItsPromptAtFiftyPacketsASecondThenEchoesAfterADigit(Sipp.Transport transport)
            throws Exception {
        long after = rest.lastSeq();
        try (RtpProbe probe = RtpProbe.open();
                Sipp caller = call("300", probe, Duration.ofSeconds(8)).transport(transport).start()) {
            probe.remote(caller.awaitMedia("answer-media", CEILING));

            probe.awaitPackets(100, CEILING);
            assertThat(probe.packetsPerSecondByTimestamp(RtpProbe.PCMU, Duration.ofSeconds(1)))
                    .as("the intro prompt arrives as a 20 ms stream").isBetween(49.0, 51.0);
            assertThat(probe.ssrcs()).hasSize(1);

            probe.sendDigits("5", EVENT_PT);
            probe.awaitSent(CEILING);
            JsonNode finished = rest.awaitEntry(after, "media.finished", CEILING);
            assertThat(finished.path("data").path("reason").asText()).isEqualTo("interrupted");
            rest.awaitEntry(after, "call.bridged", CEILING);

            probe.sendStream(RtpProbe.PCMU, RtpProbe.tone(RtpProbe.PCMU, 440, Duration.ofMillis(400)),
                    Duration.ofSeconds(2));
            Await.until(CEILING, probe::echoedPackets, n -> n >= 50);

            Sipp.Result result = caller.awaitExit(CEILING);
            assertThat(result.successfulCalls()).as(result.describe()).isEqualTo(1);
        }
        JsonNode ended = rest.awaitEntry(after, "call.ended", CEILING);
        assertThat(ended.path("data").path("cause").asText()).as("the caller hung up").isEqualTo("NORMAL");
        assertThat(rest.calls()).isEmpty();
    }

    @Test
    @Order(2)
    void digitsReachTheControllerInOrderAndFarEndHangupEndsTheCall() throws Exception {
        long after = rest.lastSeq();
        try (RtpProbe probe = RtpProbe.open();
                Sipp caller = Sipp.scenario("uac-call-wait-bye.xml").calls(1).remote("127.0.0.1", appliance.sipPort())
                        .service("900").set("probe_port", probe.port()).start()) {
            probe.remote(caller.awaitMedia("answer-media", CEILING));
            rest.awaitEntry(after, "call.answered", CEILING);

            probe.sendDigits("12345*0", EVENT_PT);
            probe.awaitSent(CEILING);
            JsonNode call = Await.until(CEILING, () -> rest.calls().isEmpty() ? null : rest.calls().get(0),
                    c -> c != null && "12345*0".equals(c.path("attached").path("digits").asText()));
            assertThat(call.path("controller").asText()).isEqualTo("test");
            assertThat(call.has("controllerState")).as("private state is never served").isFalse();

            probe.sendDigits("#", EVENT_PT);
            Sipp.Result result = caller.awaitExit(CEILING);
            assertThat(result.successfulCalls()).as("SIPp received the BYE: " + result.describe()).isEqualTo(1);
        }
        assertThat(rest.entries(after, "call.digit")).hasSize(8)
                .allSatisfy(e -> assertThat(e.path("data").has("digit")).as("digits stay out of the journal")
                        .isFalse());
        assertThat(rest.awaitEntry(after, "call.ended", CEILING).path("data").path("cause").asText()).isEqualTo("NORMAL");
    }

    @ParameterizedTest
    @EnumSource(Sipp.Transport.class)
    @Order(3)
    void cancelBeforeAnswerEndsTheCallAsCancelled(Sipp.Transport transport) throws Exception {
        long after = rest.lastSeq();
        Sipp.Result result = Sipp.scenario("uac-cancel.xml").calls(1).remote("127.0.0.1", appliance.sipPort())
                .transport(transport).service("901").run(CEILING);
        assertThat(result.successfulCalls()).as(result.describe()).isEqualTo(1);
        assertThat(rest.awaitEntry(after, "call.ended", CEILING).path("data").path("cause").asText()).isEqualTo("CANCELLED");
    }

    @Test
    @Order(4)
    void anUntrustedPeerIsRefusedAndNoCallStarts() throws Exception {
        long after = rest.lastSeq();
        Sipp.Result result = Sipp.scenario("uac-expect-403.xml").calls(1).localIp("127.0.0.2")
                .remote("127.0.0.1", appliance.sipPort()).service("300").run(CEILING);
        assertThat(result.successfulCalls()).as(result.describe()).isEqualTo(1);
        assertThat(rest.entries(after, "call.started")).isEmpty();
    }

    @Test
    @Order(5)
    void anOfferWithNoCommonCodecIsRefusedWith488() throws Exception {
        long after = rest.lastSeq();
        Sipp.Result result = Sipp.scenario("uac-expect-488.xml").calls(1).remote("127.0.0.1", appliance.sipPort())
                .service("300").run(CEILING);
        assertThat(result.successfulCalls()).as(result.describe()).isEqualTo(1);
        assertThat(rest.entries(after, "call.started")).isEmpty();
    }

    @Test
    @Order(99)
    void sigtermRefusesNewCallsWhileALiveCallFinishesThenExitsZero() throws Exception {
        long after = rest.lastSeq();
        try (RtpProbe probe = RtpProbe.open();
                Sipp live = Sipp.scenario("uac-call-wait-bye.xml").calls(1).remote("127.0.0.1", appliance.sipPort())
                        .service("900").set("probe_port", probe.port()).start()) {
            probe.remote(live.awaitMedia("answer-media", CEILING));
            rest.awaitEntry(after, "call.answered", CEILING);

            appliance.signalTerm();
            Sipp.Result refused = Await.until(CEILING,
                    () -> Sipp.scenario("uac-expect-503.xml").calls(1).remote("127.0.0.1", appliance.sipPort())
                            .service(UNROUTED).run(CEILING),
                    r -> r.successfulCalls() == 1);
            assertThat(refused.successfulCalls()).isEqualTo(1);
            assertThat(appliance.isAlive()).as("the live call holds the shutdown").isTrue();

            probe.sendDigits("#", EVENT_PT); // the test controller hangs up: the live call completes
            Sipp.Result result = live.awaitExit(CEILING);
            assertThat(result.successfulCalls()).as(result.describe()).isEqualTo(1);
        }
        assertThat(appliance.awaitExit(CEILING)).isZero();
    }

    // --- helpers ------------------------------------------------------------------------------

    static Sipp.Builder call(String number, RtpProbe probe, Duration hold) {
        return Sipp.scenario("uac-call-media-probe.xml").calls(1).remote("127.0.0.1", appliance.sipPort()).service(number)
                .set("probe_port", probe.port()).set("hold_ms", hold.toMillis());
    }

    static Path testControllerJar() {
        Path jar = Path.of(System.getProperty("switchboard.testcontroller", "missing"));
        assertThat(jar).as("the test controller is built before the integration tests").isRegularFile();
        return jar;
    }







    static InetSocketAddress loopback(int port) {
        return new InetSocketAddress("127.0.0.1", port);
    }
}
