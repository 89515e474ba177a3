package io.switchboard.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.itests.support.AgentPhones;
import io.switchboard.itests.support.Appliance;
import io.switchboard.itests.support.ApplianceApi;
import io.switchboard.itests.support.Await;
import io.switchboard.itests.support.FreePorts;
import io.switchboard.itests.support.Https;
import io.switchboard.itests.support.Sipp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Call-back against the built appliance: a trunk caller waiting in a queue presses 1 and hangs
 * up; when an agent is ready the appliance calls the customer back through the SIP trunk (a SIPp
 * "customer phone" at the configured trunk gateway), then rings the agent's SIPp phone and
 * bridges the two.
 */
class AcdCallbackIT {
    static final Duration CEILING = Duration.ofSeconds(30);
    static final String CUSTOMER = "13800000009";

    @TempDir
    static Path work;
    static Appliance appliance;
    static Https api;
    static String token;
    static ApplianceApi rest;
    static int trunkGatewayPort;

    @BeforeAll
    static void start() throws Exception {
        Sipp.requireInstalled();
        Path copy = work.resolve("dist");
        Process cp = new ProcessBuilder("cp", "-a", Appliance.distribution().toString(), copy.toString()).inheritIO().start();
        assertThat(cp.waitFor()).isZero();
        trunkGatewayPort = FreePorts.tcpAndUdp();
        Files.writeString(copy.resolve("conf/io.switchboard.sip.cfg"), "trunkGateway = 127.0.0.1:" + trunkGatewayPort + "\n");
        appliance = Appliance.startWith(copy.resolve("bin/switchboard"), Files.createDirectories(work.resolve("data")));
        appliance.awaitStarted();
        api = appliance.https();
        token = api.login("admin", Appliance.ADMIN_PASSWORD);
        rest = new ApplianceApi(api, token);
        Await.until(CEILING, () -> api.get("/acd/queues/general", token).status(), status -> status == 200);
        Https.Reply queue = api.post("/acd/queues", token, Map.of("id", "loans", "name", "Loans", "skill", "general",
                "minimumLevel", 1, "callbackOffer", Map.of("enabled", true, "digit", "1"), "ringTimeoutSeconds", 10,
                "wrapUpSeconds", 2));
        assertThat(queue.status()).as(queue.body()).isEqualTo(201);
        Https.Reply route = api.post("/routes", token, Map.of("id", "204", "pattern", "204", "controller", "acd",
                "params", Map.of("queue", "loans")));
        assertThat(route.status()).as(route.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        if (appliance != null) {
            appliance.close();
        }
    }

    @Test
    void aCallerWhoPressesTheKeyAndHangsUpIsCalledBackThroughTheTrunkAndBridgedToTheAgent() throws Exception {
        setState("1001", "NOT_READY"); // logged in, busy with something else: the caller waits
        long before = rest.lastSeq();
        Sipp caller = Sipp.scenario("uac-call-dtmf.xml").replace("sip:sipp@", "sip:" + CUSTOMER + "@")
                .remote("127.0.0.1", appliance.sipPort()).service("204").dtmf("1").set("hold_ms", 1000).calls(1).start();
        Sipp.Result called = caller.awaitExit(CEILING);
        assertThat(called.successfulCalls()).as(called.describe()).isEqualTo(1);

        JsonNode requested = rest.awaitEntry(before, "acd.callback.requested", CEILING);
        assertThat(requested.path("data").path("queue").asText()).isEqualTo("loans");
        assertThat(requested.path("data").path("reason").asText()).isEqualTo("caller");
        String originalCall = requested.path("callId").asText();
        Await.until(CEILING, rest::calls, List::isEmpty);
        assertThat(rest.entries(before, "acd.abandoned")).as("a call-back is not an abandoned call").isEmpty();

        try (Sipp customerPhone = Sipp.scenario("uas-agent-phone.xml").localPort(trunkGatewayPort).calls(1)
                .globalTimeout(Duration.ofSeconds(90)).rtpEcho().start();
                Sipp agentPhone = agentPhone("1001").start()) {
            long beforeReady = rest.lastSeq();
            setState("1001", "READY");

            JsonNode dialled = rest.awaitEntry(beforeReady, "acd.callback.dialled", CEILING);
            assertThat(dialled.path("agentId").asText()).isEqualTo("1001");
            assertThat(dialled.path("data").path("callbackId").asText())
                    .isEqualTo(requested.path("data").path("callbackId").asText());
            JsonNode connected = rest.awaitEntry(beforeReady, "acd.connected", CEILING);
            assertThat(connected.path("agentId").asText()).isEqualTo("1001");
            String callBack = connected.path("callId").asText();
            assertThat(callBack).isEqualTo(dialled.path("callId").asText()).isNotEqualTo(originalCall);
            assertThat(rest.entries(beforeReady, "acd.callback.reached")).hasSize(1);

            JsonNode call = rest.calls().stream().filter(c -> callBack.equals(c.path("id").asText())).findFirst().orElseThrow();
            assertThat(call.path("attached").path("callback").asBoolean()).isTrue();
            assertThat(call.path("attached").path("queue").asText()).isEqualTo("loans");
            assertThat(call.path("legs")).hasSize(2);
            assertThat(call.path("legs").get(0).path("peer").asText()).contains(CUSTOMER);
            assertThat(api.get("/acd/agents/1001/state", token).json().path("state").asText()).isEqualTo("TALKING");

            Https.Reply hangup = api.post("/acd/agents/1001/call", token, Map.of("action", "hangup"));
            assertThat(hangup.status()).as(hangup.body()).isEqualTo(200);
            assertThat(customerPhone.awaitExit(CEILING).successfulCalls()).as("the customer got a BYE").isEqualTo(1);
            assertThat(agentPhone.awaitExit(CEILING).successfulCalls()).as("the agent got a BYE").isEqualTo(1);
        }
        Await.until(CEILING, () -> api.get("/acd/agents/1001/state", token).json().path("state").asText(),
                state -> state.equals("READY"));
        setState("1001", "LOGGED_OUT");
    }

    static void setState(String agent, String state) throws Exception {
        Https.Reply reply = api.post("/acd/agents/" + agent + "/state", token, Map.of("state", state));
        assertThat(reply.status()).as(agent + " -> " + state + ": " + reply.body()).isEqualTo(200);
    }

    static Sipp.Builder agentPhone(String agent) throws Exception {
        return AgentPhones.registered(appliance.sipPort(), agent, "uas-agent-phone.xml", CEILING)
                .globalTimeout(Duration.ofSeconds(90)).rtpEcho();
    }
}
