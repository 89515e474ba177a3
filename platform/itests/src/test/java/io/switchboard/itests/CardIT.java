package io.switchboard.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.itests.support.AgentPhones;
import io.switchboard.itests.support.Appliance;
import io.switchboard.itests.support.ApplianceApi;
import io.switchboard.itests.support.Await;
import io.switchboard.itests.support.Https;
import io.switchboard.itests.support.Simcard;
import io.switchboard.itests.support.Sipp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Card calls through the built appliance's simulated telephony card, driven by the product's own
 * {@code switchboard simcard} command: the echo test's prompt heard on the line, digits sent as
 * tones in noise, a card caller bridged to a SIP phone (SIPp), a card extension as the agent's
 * phone, and a span alarm under a live call.
 *
 * <p>The data directory sits directly under /tmp: the card's control socket lives in it, and a
 * Unix socket's path may not be longer than 107 bytes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CardIT {
    static final Duration CEILING = Duration.ofSeconds(30);

    static Path data;
    static Path work;
    static Appliance appliance;
    static Https api;
    static String token;
    static ApplianceApi rest;
    static Simcard card;

    @BeforeAll
    static void start() throws Exception {
        Sipp.requireInstalled();
        data = Files.createTempDirectory("sb-card-");
        work = Files.createTempDirectory(Files.createDirectories(Path.of("target", "card-it").toAbsolutePath()), "run-");
        appliance = Appliance.start(data);
        appliance.awaitStarted();
        api = appliance.https();
        token = api.login("admin", Appliance.ADMIN_PASSWORD);
        rest = new ApplianceApi(api, token);
        card = new Simcard(data);
        Files.copy(TelephonyIT.testControllerJar(), data.resolve("deploy/test-controller.jar"));
        route("920", Map.of());                      // the test controller answers and keeps the digits
        route("921", Map.of("dial", "sip:1002"));     // ... and bridges to a SIP phone
        route("922", Map.of("dial", "card:31"));      // ... and bridges to a card extension
        Await.until(CEILING, () -> rest.bundleState("io.switchboard.testcontroller"), "ACTIVE"::equals);
        assertThat(rest.bundleState("io.switchboard.card")).isEqualTo("ACTIVE");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (appliance != null) {
                appliance.close();
            }
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void aCardCallToTheEchoTestHearsThePromptOnTheLine() throws Exception {
        long after = rest.lastSeq();
        card.ok("ring", "1", "300", "--caller", "13800000001");
        JsonNode started = rest.awaitEntry(after, "call.started", CEILING);
        rest.awaitEntry(after, "call.answered", CEILING);

        short[] heard = card.capture(1, 4, work);

        JsonNode call = onlyCall();
        assertThat(call.path("id").asText()).isEqualTo(started.path("callId").asText());
        assertThat(call.path("legs").get(0).path("driver").asText()).isEqualTo("card");
        assertThat(call.path("legs").get(0).path("peer").asText()).isEqualTo("card:1");
        short[] prompt = Simcard.readWav(Appliance.distribution().resolve("prompts/echo-intro.wav"));
        // a second of what the line carried, taken from the middle of the capture, is the prompt (through A-law)
        assertThat(Simcard.bestCorrelation(prompt, heard, Simcard.RATE, Simcard.RATE))
                .as("the captured audio matches a stretch of echo-intro.wav").isGreaterThan(0.95);

        card.ok("hangup", "1");
        assertThat(rest.awaitEntry(after, "call.ended", CEILING).path("data").path("cause").asText()).isEqualTo("NORMAL");
        Await.until(CEILING, rest::calls, List::isEmpty);
    }

    @Test
    @Order(2)
    void digitsSentAsTonesInNoiseReachTheControllerAndSpeechAddsNone() throws Exception {
        long after = rest.lastSeq();
        card.ok("ring", "2", "920");
        rest.awaitEntry(after, "call.answered", CEILING);

        Path keys = Simcard.writeWav(work.resolve("keys.wav"), Simcard.dtmfWithNoise("1593", 18, 42));
        card.ok("play", "2", keys.toString());
        Await.until(CEILING, CardIT::attachedDigits, "1593"::equals);

        card.ok("dtmf", "2", "*0", "--tones");  // the simulator's own tone generator
        Await.until(CEILING, CardIT::attachedDigits, "1593*0"::equals);

        card.ok("dtmf", "2", "7");              // an out-of-band digit event from the card
        Await.until(CEILING, CardIT::attachedDigits, "1593*07"::equals);

        Path speech = speech(work.resolve("speech.wav"));
        card.ok("play", "2", speech.toString());
        Path eight = Simcard.writeWav(work.resolve("eight.wav"), Simcard.dtmfWithNoise("8", 30, 7));
        card.ok("play", "2", eight.toString()); // queued behind the speech: heard once it is over
        Await.until(Duration.ofSeconds(60), CardIT::attachedDigits, digits -> digits.endsWith("8"));
        assertThat(attachedDigits()).as("speech before the 8 produced no digits").isEqualTo("1593*078");
        assertThat(rest.entries(after, "call.digit")).hasSize(8);

        card.ok("hangup", "2");
        rest.awaitEntry(after, "call.ended", CEILING);
        Await.until(CEILING, rest::calls, List::isEmpty);
    }

    @Test
    @Order(3)
    void aCardCallerBridgedToASipPhoneHasAudioBothWays() throws Exception {
        long after = rest.lastSeq();
        try (Sipp phone = phone("uas-agent-phone.xml", "1002").start()) {
            card.ok("ring", "3", "921", "--caller", "13800000002");
            JsonNode bridged = rest.awaitEntry(after, "call.bridged", CEILING);
            JsonNode call = onlyCall();
            assertThat(call.path("legs")).hasSize(2);
            assertThat(call.path("legs").get(0).path("driver").asText()).isEqualTo("card");
            assertThat(call.path("legs").get(1).path("driver").asText()).isEqualTo("sip");
            assertThat(bridged.path("callId").asText()).isEqualTo(call.path("id").asText());

            // card caller -> core -> SIP phone (SIPp echoes RTP) -> core -> card line
            Path tone = Simcard.writeWav(work.resolve("tone-1000.wav"), Simcard.tone(1000, 6, 8000));
            card.ok("play", "3", tone.toString());
            short[] heard = card.capture(3, 4, work);
            assertThat(Simcard.framesDominatedBy(heard, 1000))
                    .as("20 ms frames of the caller's own tone, back through the SIP phone").isGreaterThanOrEqualTo(50);

            card.ok("hangup", "3");
            Sipp.Result phoneResult = phone.awaitExit(CEILING);
            assertThat(phoneResult.successfulCalls()).as("the phone got its BYE: " + phoneResult.describe()).isEqualTo(1);
        }
        assertThat(rest.awaitEntry(after, "call.ended", CEILING).path("data").path("cause").asText()).isEqualTo("NORMAL");
        Await.until(CEILING, rest::calls, List::isEmpty);
    }

    @Test
    @Order(4)
    void aCardExtensionRingsAndAnswersAsAnAgentsPhone() throws Exception {
        long after = rest.lastSeq();
        card.ok("ring", "4", "922");
        Await.until(CEILING, () -> card.state(31), "dialing"::equals);
        card.ok("answer", "31");
        rest.awaitEntry(after, "call.bridged", CEILING);
        JsonNode call = onlyCall();
        assertThat(call.path("legs").get(1).path("peer").asText()).isEqualTo("card:31");
        assertThat(card.state(31)).isEqualTo("connected");

        Path tone = Simcard.writeWav(work.resolve("tone-600.wav"), Simcard.tone(600, 4, 8000));
        card.ok("play", "4", tone.toString());
        short[] atTheAgent = card.capture(31, 2, work);
        assertThat(Simcard.framesDominatedBy(atTheAgent, 600)).as("the caller's tone at the extension").isGreaterThanOrEqualTo(40);

        card.ok("hangup", "31"); // the agent hangs up; the caller stays with the controller
        JsonNode legEnded = rest.awaitEntry(after, "leg.ended", CEILING);
        assertThat(legEnded.path("data").path("legId").asText()).isEqualTo(call.path("legs").get(1).path("id").asText());
        assertThat(card.state(31)).isEqualTo("idle");
        card.ok("hangup", "4");
        Await.until(CEILING, rest::calls, List::isEmpty);
        assertThat(card.state(4)).isEqualTo("idle");
    }

    @Test
    @Order(5)
    void aSpanAlarmEndsTheLiveCallCleanlyIsJournaledAndRefusesCallsUntilCleared() throws Exception {
        long after = rest.lastSeq();
        card.ok("ring", "5", "300");
        rest.awaitEntry(after, "call.answered", CEILING);

        card.ok("alarm", "1", "los");

        JsonNode raised = rest.awaitEntry(after, "alarm.raised", CEILING);
        assertThat(raised.path("data").path("source").asText()).isEqualTo("card");
        assertThat(raised.path("data").path("span").asInt()).isEqualTo(1);
        assertThat(raised.path("data").path("alarm").asText()).isEqualTo("los");
        assertThat(rest.awaitEntry(after, "call.ended", CEILING).path("data").path("cause").asText()).isEqualTo("LINE_FAILURE");
        Await.until(CEILING, rest::calls, List::isEmpty);

        Appliance.Result refused = card.run("ring", "6", "300");
        assertThat(refused.exitCode()).as(refused.stderr()).isEqualTo(1);
        assertThat(refused.stderr()).contains("alarm");

        card.ok("alarm", "1", "clear");
        rest.awaitEntry(after, "alarm.cleared", CEILING);
        long beforeRetry = rest.lastSeq();
        card.ok("ring", "6", "300");
        rest.awaitEntry(beforeRetry, "call.answered", CEILING);
        card.ok("hangup", "6");
        Await.until(CEILING, rest::calls, List::isEmpty);
    }

    @Test
    @Order(6)
    void withoutAnApplianceTheCommandSaysSoAndExitsTwo() throws Exception {
        Path empty = Files.createTempDirectory(work, "empty-");
        Appliance.Result result = new Simcard(empty).run("status");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderrLines()).hasSize(1);
        assertThat(result.stderr()).contains("no appliance");
    }

    // --- helpers ------------------------------------------------------------------------------

    static void route(String number, Map<String, Object> params) throws Exception {
        Https.Reply reply = api.post("/routes", token, Map.of("id", number, "pattern", number, "controller", "test",
                "params", params));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    static JsonNode onlyCall() throws Exception {
        List<JsonNode> calls = rest.calls();
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }

    static String attachedDigits() throws Exception {
        List<JsonNode> calls = rest.calls();
        return calls.isEmpty() ? "" : calls.get(0).path("attached").path("digits").asText();
    }

    /** A few seconds of synthesised English speech, 8 kHz mono 16-bit (espeak-ng and sox). */
    static Path speech(Path target) throws Exception {
        Path raw = target.resolveSibling("speech-22k.wav");
        run("espeak-ng", "-v", "en", "-s", "160", "-w", raw.toString(),
                "Your balance is one thousand two hundred and fifty yuan. For card services press two.");
        run("sox", raw.toString(), "-r", "8000", "-c", "1", "-b", "16", target.toString());
        return target;
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }

    /** Registers {@code user} with a Contact on a fresh port; a SIPp UAS there echoing RTP: the agent's phone. */
    static Sipp.Builder phone(String scenario, String user) throws Exception {
        return AgentPhones.registered(appliance.sipPort(), user, scenario, CEILING).rtpEcho()
                .globalTimeout(Duration.ofSeconds(60));
    }
}
