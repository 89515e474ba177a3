package io.switchboard.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.itests.support.Appliance;
import io.switchboard.itests.support.Await;
import io.switchboard.itests.support.Baresip;
import io.switchboard.itests.support.Https;
import io.switchboard.itests.support.RtpProbe;
import io.switchboard.itests.support.Sipp;
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

/**
 * Agent phones against the built appliance: a real softphone (baresip) and SIPp phones register
 * with digest, trunk calls (SIPp from 127.0.0.1, media on an {@link RtpProbe}) are bridged to them
 * through the B2BUA, the phone holds and resumes, and either side hangs up. Wrong passwords and
 * the lockout are refused at the registrar. Routes 910–913 lead to the test controller with
 * {@code "dial": "sip:100x"}: it answers the caller, plays music, dials the phone and bridges on
 * answer. Each phone case uses its own agent, so a binding left by one case never receives
 * another's call.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentPhoneIT {
    static final Duration CEILING = Duration.ofSeconds(30);
    static final int EVENT_PT = 101;
    /** Echoed packets that prove a stream went through both legs and back: one second of audio. */
    static final long ECHO_PROOF = 50;

    @TempDir
    static Path data;
    static Appliance appliance;
    static Https api;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        Sipp.requireInstalled();
        appliance = Appliance.start(data);
        appliance.awaitStarted();
        api = appliance.https();
        token = api.login("admin", Appliance.ADMIN_PASSWORD);
        Files.copy(TelephonyIT.testControllerJar(), data.resolve("deploy/test-controller.jar"));
        dialRoute("910", "sip:1001"); // baresip
        dialRoute("911", "sip:1002"); // SIPp phone, echo
        dialRoute("912", "sip:1003"); // SIPp phone, hold and resume
        dialRoute("913", "sip:1004"); // SIPp phone, hangs up
        Await.until(CEILING, () -> bundleState("io.switchboard.testcontroller"), "ACTIVE"::equals);
    }

    @AfterAll
    static void stop() throws Exception {
        if (appliance != null) {
            appliance.close();
        }
    }

    @Test
    @Order(1)
    void baresipRegistersAnswersATrunkCallAndMediaFlowsBothWays() throws Exception {
        long after = lastSeq();
        try (Baresip phone = Baresip.agent("1001", "demo-1001", "127.0.0.1", appliance.sipPort())
                .workDir(workDir("baresip-")).start()) {
            phone.awaitRegistered(CEILING);
            try (RtpProbe probe = RtpProbe.open();
                    Sipp caller = caller("910", probe).start()) {
                probe.remote(caller.awaitMedia("answer-media", CEILING));
                JsonNode bridged = awaitEntry(after, "call.bridged");
                long atBridge = probe.packets();
                phone.awaitEvent("CALL_ESTABLISHED", CEILING);

                JsonNode call = onlyCall();
                assertThat(call.path("id").asText()).isEqualTo(bridged.path("callId").asText());
                assertThat(call.path("legs")).hasSize(2);
                assertThat(call.path("legs")).allSatisfy(leg -> assertThat(leg.path("driver").asText()).isEqualTo("sip"));
                assertThat(bridged.path("data").path("legs")).hasSize(2);

                // baresip -> probe: the music stopped at the bridge, so what arrives now is baresip's sine
                probe.awaitPackets(atBridge + ECHO_PROOF, CEILING);

                // probe -> baresip: a 1 kHz tone (baresip's own source is 440 Hz) for three seconds
                probe.sendStream(RtpProbe.PCMU, RtpProbe.tone(RtpProbe.PCMU, 1000, Duration.ofMillis(400)),
                        Duration.ofSeconds(3));
                probe.awaitSent(CEILING);

                probe.sendDigits("#", EVENT_PT); // the controller hangs up both legs
                Sipp.Result result = caller.awaitExit(CEILING);
                assertThat(result.successfulCalls()).as(result.describe()).isEqualTo(1);
                phone.awaitEvent("CALL_CLOSED", CEILING);
            }
            List<Path> received = phone.receivedAudio();
            assertThat(received).as(phone.output()).hasSize(1);
            assertThat(toneFrames(received.get(0), 1000, 440)).as("20 ms frames of the probe's tone baresip decoded")
                    .isGreaterThanOrEqualTo(ECHO_PROOF);
        }
        assertThat(awaitEntry(after, "call.ended").path("data").path("cause").asText()).isEqualTo("NORMAL");
        Await.until(CEILING, AgentPhoneIT::calls, List::isEmpty);
    }

    @Test
    @Order(2)
    void aWrongPasswordIsRefusedWith403() throws Exception {
        Sipp.Result result = register("register-expect-403.xml", "1002", "not-demo-1002", 5099);
        assertThat(result.successfulCalls()).as(result.describe()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void fiveFailuresLockTheUserOutEvenWithTheRightPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            Sipp.Result wrong = register("register-expect-403.xml", "1005", "wrong-" + i, 5099);
            assertThat(wrong.successfulCalls()).as(wrong.describe()).isEqualTo(1);
        }
        Sipp.Result locked = register("register-expect-403.xml", "1005", "demo-1005", 5099);
        assertThat(locked.successfulCalls()).as("locked out: " + locked.describe()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void aTrunkCallBridgedToARegisteredSippPhoneCarriesRtpBothWays() throws Exception {
        long after = lastSeq();
        try (Sipp phone = phone("uas-agent-phone.xml", "1002").start()) {
            try (RtpProbe probe = RtpProbe.open();
                    Sipp caller = caller("911", probe).start()) {
                probe.remote(caller.awaitMedia("answer-media", CEILING));
                awaitEntry(after, "call.bridged");
                assertThat(onlyCall().path("legs")).hasSize(2);

                probe.sendStream(RtpProbe.PCMU, RtpProbe.tone(RtpProbe.PCMU, 440, Duration.ofMillis(400)),
                        Duration.ofSeconds(4));
                Await.until(CEILING, probe::echoedPackets, n -> n >= ECHO_PROOF);
                probe.awaitSent(CEILING);
            }
        }
    }

    // --- helpers ------------------------------------------------------------------------------

    /** A directory under target/ that outlives the run, for the logs of a failed case. */
    static Path workDir(String prefix) throws Exception {
        return Files.createTempDirectory(Files.createDirectories(Path.of("target", "agent-phone-it").toAbsolutePath()), prefix);
    }

    static void dialRoute(String number, String destination) throws Exception {
        Https.Reply reply = api.post("/routes", token, Map.of("id", number, "pattern", number, "controller", "test",
                "params", Map.of("dial", destination)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    /** A trunk caller whose media is the probe; it waits for the far end's BYE. */
    static Sipp.Builder caller(String number, RtpProbe probe) {
        return Sipp.scenario("uac-call-wait-bye.xml").calls(1).remote("127.0.0.1", appliance.sipPort())
                .service(number).set("probe_port", probe.port()).globalTimeout(Duration.ofSeconds(60));
    }

    /**
     * Registers {@code user} (right password) with a Contact on a fresh port and returns a SIPp UAS
     * for that port, echoing RTP: the agent's phone.
     */
    static Sipp.Builder phone(String scenario, String user) throws Exception {
        int port = io.switchboard.itests.support.FreePorts.tcpAndUdp();
        Sipp.Result registered = register("register.xml", user, "demo-" + user, port);
        assertThat(registered.successfulCalls()).as(registered.describe()).isEqualTo(1);
        return Sipp.scenario(scenario).localPort(port).rtpEcho().calls(1).globalTimeout(Duration.ofSeconds(60));
    }

    static Sipp.Result register(String scenario, String user, String password, int contactPort) throws Exception {
        return Sipp.scenario(scenario).calls(1).remote("127.0.0.1", appliance.sipPort()).service(user)
                .auth(user, password).set("contact_port", contactPort).set("expires", 600).run(CEILING);
    }

    /**
     * 20 ms frames (160 samples at 8 kHz) of a 16-bit mono WAV in which {@code hertz} is at least
     * ten times stronger than {@code otherHertz} (Goertzel power).
     */
    static long toneFrames(Path wav, double hertz, double otherHertz) throws Exception {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(wav)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        int dataStart = -1;
        while (pos + 8 <= b.limit()) { // RIFF chunks after "RIFF....WAVE"
            String id = new String(new byte[] {b.get(pos), b.get(pos + 1), b.get(pos + 2), b.get(pos + 3)},
                    java.nio.charset.StandardCharsets.US_ASCII);
            if (id.equals("data")) {
                dataStart = pos + 8;
                break;
            }
            pos += 8 + b.getInt(pos + 4);
        }
        assertThat(dataStart).as("a data chunk in " + wav).isPositive();
        int samples = (b.limit() - dataStart) / 2;
        long frames = 0;
        double[] frame = new double[160];
        for (int f = 0; f + 160 <= samples; f += 160) {
            for (int i = 0; i < 160; i++) {
                frame[i] = b.getShort(dataStart + 2 * (f + i));
            }
            if (goertzel(frame, hertz) > 10 * goertzel(frame, otherHertz)) {
                frames++;
            }
        }
        return frames;
    }

    static double goertzel(double[] x, double hertz) {
        double coeff = 2 * Math.cos(2 * Math.PI * hertz / 8000);
        double s1 = 0;
        double s2 = 0;
        for (double v : x) {
            double s0 = v + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return s1 * s1 + s2 * s2 - coeff * s1 * s2;
    }

    static JsonNode onlyCall() throws Exception {
        List<JsonNode> calls = calls();
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }

    static String bundleState(String name) throws Exception {
        for (JsonNode b : api.get("/bundles", token).json()) {
            if (name.equals(b.path("name").asText())) {
                return b.path("state").asText();
            }
        }
        return "";
    }

    static List<JsonNode> calls() throws Exception {
        Https.Reply reply = api.get("/calls", token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<JsonNode> calls = new ArrayList<>();
        reply.json().forEach(calls::add);
        return calls;
    }

    static long lastSeq() throws Exception {
        long seq = 0;
        while (true) {
            JsonNode page = api.get("/journal?after=" + seq + "&limit=1000", token).json();
            if (page.isEmpty()) {
                return seq;
            }
            seq = page.get(page.size() - 1).path("seq").asLong();
        }
    }

    static List<JsonNode> entries(long after, String type) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        long seq = after;
        while (true) {
            JsonNode page = api.get("/journal?after=" + seq + "&limit=1000", token).json();
            if (page.isEmpty()) {
                return found;
            }
            for (JsonNode entry : page) {
                if (type.equals(entry.path("type").asText())) {
                    found.add(entry);
                }
                seq = entry.path("seq").asLong();
            }
        }
    }

    static JsonNode awaitEntry(long after, String type) throws Exception {
        return Await.until(CEILING, () -> entries(after, type), l -> !l.isEmpty()).get(0);
    }
}
