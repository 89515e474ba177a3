package io.switchboard.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.itests.support.AgentPhones;
import io.switchboard.itests.support.Appliance;
import io.switchboard.itests.support.ApplianceApi;
import io.switchboard.itests.support.Await;
import io.switchboard.itests.support.FreePorts;
import io.switchboard.itests.support.Https;
import io.switchboard.itests.support.RtpProbe;
import io.switchboard.itests.support.Sipp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ACD against the built appliance with SIPp agent phones registered as the demo agents:
 * calls needing each skill reach the right agent, a private-banking caller overtakes standard
 * callers, ring-no-answer moves the call on, hang-up leads through wrap-up back to READY, and a
 * caller who hangs up in the queue is journaled as abandoned.
 *
 * <p>Routes: 200 (demo) queue general; 201 queue cards; 202 queue vip; 203 queue general as a
 * private-banking customer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AcdIT {
    static final Duration CEILING = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

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
        Await.until(CEILING, () -> api.get("/acd/queues/general", token).status(), status -> status == 200);
        acdRoute("201", Map.of("queue", "cards"));
        acdRoute("202", Map.of("queue", "vip"));
        acdRoute("203", Map.of("queue", "general", "customerClass", "private-banking"));
        for (String queue : List.of("general", "cards", "vip")) {
            tuneQueue(queue); // ring 5 s, wrap-up 2 s: the cases run in seconds
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (appliance != null) {
            appliance.close();
        }
    }

    @AfterEach
    void everyoneLogsOut() throws Exception {
        Await.until(CEILING, rest::calls, List::isEmpty);
        for (String agent : List.of("1001", "1002", "1003", "1004", "1005")) {
            Await.until(CEILING, () -> state(agent), state -> !state.equals("WRAP_UP") && !state.equals("TALKING")
                    && !state.equals("RESERVED"));
            setState(agent, "LOGGED_OUT");
        }
    }

    @Test
    @Order(1)
    void callsNeedingEachSkillLandOnTheRightAgent() throws Exception {
        long after = rest.lastSeq();
        try (Sipp vipPhone = phone("1004").start(); Sipp cardsPhone = phone("1002").start();
                Sipp generalPhone = phone("1001").start()) {
            ready("1001", "1002", "1004");
            try (Sipp vipCaller = caller("202").start()) {
                assertThat(connectedAgent(after, vipCaller)).isEqualTo("1004");
                long afterVip = rest.lastSeq();
                try (Sipp cardsCaller = caller("201").start()) {
                    assertThat(connectedAgent(afterVip, cardsCaller)).isEqualTo("1002");
                    long afterCards = rest.lastSeq();
                    try (Sipp generalCaller = caller("200").start()) {
                        assertThat(connectedAgent(afterCards, generalCaller)).isEqualTo("1001");
                        JsonNode call = rest.calls().stream()
                                .filter(c -> "general".equals(c.path("attached").path("queue").asText())).findFirst().orElseThrow();
                        assertThat(call.path("attached").path("agentId").asText()).isEqualTo("1001");
                        assertThat(call.path("controller").asText()).isEqualTo("acd");
                        assertThat(call.path("legs")).hasSize(2);
                        JsonNode centre = api.get("/acd/status", token).json();
                        assertThat(centre.path("totals").path("talking").asInt()).as(centre.toString()).isEqualTo(3);
                        assertThat(centre.path("queues").findValuesAsText("id")).contains("general", "cards", "vip");
                    }
                }
            }
            for (Sipp phone : List.of(vipPhone, cardsPhone, generalPhone)) {
                Sipp.Result result = phone.awaitExit(CEILING);
                assertThat(result.successfulCalls()).as("each phone got its BYE: " + result.describe()).isEqualTo(1);
            }
        }
    }

    @Test
    @Order(2)
    void aPrivateBankingCallerOvertakesStandardCallersWaitingBefore() throws Exception {
        long after = rest.lastSeq();
        try (Sipp first = caller("200", 15_000).start()) {
            rest.awaitEntry(after, "acd.queued", CEILING);
            long afterFirst = rest.lastSeq();
            try (Sipp second = caller("200", 15_000).start()) {
                rest.awaitEntry(afterFirst, "acd.queued", CEILING);
                long afterSecond = rest.lastSeq();
                try (Sipp vip = caller("203", 15_000).start()) {
                    JsonNode queued = rest.awaitEntry(afterSecond, "acd.queued", CEILING);
                    assertThat(queued.path("data").path("customerClass").asText()).isEqualTo("private-banking");
                    String vipCall = queued.path("callId").asText();
                    assertThat(api.get("/acd/queues/general/status", token).json().path("waiting").asInt()).isEqualTo(3);

                    // the agent's phone hangs up 1 s after answering: that ends the private-banking call
                    try (Sipp phone = phone("1001", "uas-agent-phone-hangup.xml").set("hold_ms", 1000).start()) {
                        long beforeReady = rest.lastSeq();
                        ready("1001");
                        JsonNode offered = rest.awaitEntry(beforeReady, "acd.offered", CEILING);
                        assertThat(offered.path("callId").asText()).as("the private-banking call goes first").isEqualTo(vipCall);
                        rest.awaitEntry(beforeReady, "acd.connected", CEILING);
                        assertThat(phone.awaitExit(CEILING).successfulCalls()).isEqualTo(1);
                        setState("1001", "NOT_READY");
                    }
                    vip.awaitExit(CEILING);
                }
                second.awaitExit(CEILING); // the standard callers give up after 15 s
            }
            first.awaitExit(CEILING);
        }
    }

    @Test
    @Order(3)
    void ringNoAnswerMovesTheCallToTheNextAgentAndTheSilentOneGoesNotReady() throws Exception {
        long after = rest.lastSeq();
        try (Sipp silent = phone("1001", "uas-agent-phone-no-answer.xml").start()) {
            ready("1001");
            try (Sipp caller = caller("200", 20_000).start()) {
                JsonNode offered = rest.awaitEntry(after, "acd.offered", CEILING);
                assertThat(offered.path("agentId").asText()).isEqualTo("1001");
                try (Sipp answering = phone("1005").start()) {
                    ready("1005");
                    JsonNode noAnswer = rest.awaitEntry(after, "acd.noanswer", CEILING);
                    assertThat(noAnswer.path("agentId").asText()).isEqualTo("1001");
                    assertThat(connectedAgent(after, caller)).isEqualTo("1005");
                    JsonNode agent = api.get("/acd/agents/1001/state", token).json();
                    assertThat(agent.path("state").asText()).isEqualTo("NOT_READY");
                    assertThat(agent.path("reason").asText()).isEqualTo("no-answer");
                    answering.awaitExit(CEILING);
                }
            }
            Sipp.Result result = silent.awaitExit(CEILING);
            assertThat(result.successfulCalls()).as("the silent phone was cancelled: " + result.describe()).isEqualTo(1);
        }
    }

    @Test
    @Order(4)
    void hangUpLeadsThroughWrapUpBackToReady() throws Exception {
        long after = rest.lastSeq();
        try (Sipp phone = phone("1002").start()) {
            ready("1002");
            try (Sipp caller = caller("201").start()) {
                connectedAgent(after, caller); // the caller hangs up after hold_ms
                caller.awaitExit(CEILING);
            }
            phone.awaitExit(CEILING);
        }
        List<String> states = Await.until(CEILING, () -> agentStates(after, "1002"), s -> s.size() >= 5);
        assertThat(states).containsSubsequence("READY", "RESERVED", "TALKING", "WRAP_UP", "READY");
    }

    @Test
    @Order(5)
    void aCallerWhoHangsUpWhileWaitingIsJournaledAsAbandoned() throws Exception {
        long after = rest.lastSeq();
        try (RtpProbe probe = RtpProbe.open();
                Sipp caller = Sipp.scenario("uac-call-media-probe.xml").calls(1).remote("127.0.0.1", appliance.sipPort())
                        .service("201").set("probe_port", probe.port()).set("hold_ms", 2000).start()) {
            Sipp.Result result = caller.awaitExit(CEILING);
            assertThat(result.successfulCalls()).as(result.describe()).isEqualTo(1);
        }
        JsonNode abandoned = rest.awaitEntry(after, "acd.abandoned", CEILING);
        assertThat(abandoned.path("data").path("queue").asText()).isEqualTo("cards");
        assertThat(abandoned.path("data").path("waitSeconds").asLong()).isBetween(1L, 10L);
    }

    @Test
    @Order(6)
    void theAgentHoldsResumesAndTransfersTheCallerToAnotherQueue() throws Exception {
        long after = rest.lastSeq();
        try (Sipp generalPhone = phone("1001").start(); Sipp cardsPhone = phone("1002").start()) {
            ready("1001");
            try (Sipp caller = caller("200", 20_000).start()) {
                assertThat(connectedAgent(after, caller)).isEqualTo("1001");
                assertThat(callAction("1001", Map.of("action", "hold")).path("state").asText()).isEqualTo("HOLD");
                assertThat(callAction("1001", Map.of("action", "resume")).path("state").asText()).isEqualTo("TALKING");

                ready("1002");
                long beforeTransfer = rest.lastSeq();
                assertThat(callAction("1001", Map.of("action", "transfer", "to", "queue:cards")).path("state").asText())
                        .isEqualTo("WRAP_UP");
                JsonNode transferred = rest.awaitEntry(beforeTransfer, "acd.transferred", CEILING);
                assertThat(transferred.path("data").path("to").asText()).isEqualTo("queue:cards");
                assertThat(connectedAgent(beforeTransfer, caller)).isEqualTo("1002");
                assertThat(generalPhone.awaitExit(CEILING).successfulCalls()).as("1001's phone got its BYE").isEqualTo(1);
                JsonNode call = rest.calls().get(0);
                assertThat(call.path("attached").path("queue").asText()).isEqualTo("cards");
                assertThat(call.path("attached").path("transferredBy").asText()).isEqualTo("1001");
                assertThat(call.path("attached").path("agentId").asText()).isEqualTo("1002");
            }
            cardsPhone.awaitExit(CEILING);
        }
        Https.Reply noCall = api.post("/acd/agents/1005/call", token, Map.of("action", "hangup"));
        assertThat(noCall.status()).as(noCall.body()).isEqualTo(409);
    }

    @Test
    @Order(7)
    void aConsultedTransferHandsTheCallerToTheAgentConsulted() throws Exception {
        long after = rest.lastSeq();
        try (Sipp firstPhone = phone("1001").start(); Sipp secondPhone = phone("1004").start()) {
            ready("1001");
            try (Sipp caller = caller("200", 20_000).start()) {
                assertThat(connectedAgent(after, caller)).isEqualTo("1001");
                ready("1004");
                assertThat(callAction("1001", Map.of("action", "consult", "to", "agent:1004")).path("state").asText())
                        .isEqualTo("HOLD");
                rest.awaitEntry(after, "acd.consult.answered", CEILING);
                assertThat(state("1004")).isEqualTo("TALKING");

                assertThat(callAction("1001", Map.of("action", "complete")).path("state").asText()).isEqualTo("WRAP_UP");
                JsonNode transferred = rest.awaitEntry(after, "acd.transferred", CEILING);
                assertThat(transferred.path("data").path("to").asText()).isEqualTo("agent:1004");
                assertThat(transferred.path("data").path("consulted").asBoolean()).isTrue();
                assertThat(firstPhone.awaitExit(CEILING).successfulCalls()).as("1001's phone got its BYE").isEqualTo(1);
                JsonNode call = rest.calls().get(0);
                assertThat(call.path("attached").path("agentId").asText()).isEqualTo("1004");
                assertThat(call.path("legs").findValuesAsText("state")).containsExactlyInAnyOrder("ANSWERED", "ANSWERED", "ENDED");
                caller.awaitExit(CEILING);
            }
            assertThat(secondPhone.awaitExit(CEILING).successfulCalls()).as("1004's phone got its BYE").isEqualTo(1);
        }
    }

    // --- helpers ------------------------------------------------------------------------------

    static JsonNode callAction(String agent, Map<String, Object> body) throws Exception {
        Https.Reply reply = api.post("/acd/agents/" + agent + "/call", token, body);
        assertThat(reply.status()).as(body + ": " + reply.body()).isEqualTo(200);
        return reply.json();
    }

    static void acdRoute(String number, Map<String, Object> params) throws Exception {
        Https.Reply reply = api.post("/routes", token, Map.of("id", number, "pattern", number, "controller", "acd",
                "params", params));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    static void tuneQueue(String id) throws Exception {
        ObjectNode queue = (ObjectNode) api.get("/acd/queues/" + id, token).json();
        queue.put("ringTimeoutSeconds", 5);
        queue.put("wrapUpSeconds", 2);
        Https.Reply reply = api.put("/acd/queues/" + id, token, queue);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    static void ready(String... agents) throws Exception {
        for (String agent : agents) {
            setState(agent, "READY");
        }
    }

    static void setState(String agent, String state) throws Exception {
        Https.Reply reply = api.post("/acd/agents/" + agent + "/state", token, Map.of("state", state));
        assertThat(reply.status()).as(agent + " -> " + state + ": " + reply.body()).isEqualTo(200);
    }

    static String state(String agent) throws Exception {
        return api.get("/acd/agents/" + agent + "/state", token).json().path("state").asText();
    }

    static List<String> agentStates(long after, String agent) throws Exception {
        return rest.entries(after, "agent.state").stream().filter(e -> agent.equals(e.path("agentId").asText()))
                .map(e -> e.path("data").path("state").asText()).toList();
    }

    /** The agent the caller's call was connected to (waits for acd.connected of that caller's call). */
    static String connectedAgent(long after, Sipp caller) throws Exception {
        JsonNode connected = rest.awaitEntry(after, "acd.connected", CEILING);
        return connected.path("agentId").asText();
    }

    /** Registers the agent's phone (right password) on a fresh port: a SIPp UAS there that answers and echoes. */
    static Sipp.Builder phone(String agent) throws Exception {
        return phone(agent, "uas-agent-phone.xml");
    }

    static Sipp.Builder phone(String agent, String scenario) throws Exception {
        Sipp.Builder phone = AgentPhones.registered(appliance.sipPort(), agent, scenario, CEILING)
                .globalTimeout(Duration.ofSeconds(90));
        return scenario.equals("uas-agent-phone-no-answer.xml") ? phone : phone.rtpEcho();
    }

    /** A trunk caller that hangs up 4 s after the ACD answers it (it is answered as it is queued). */
    static Sipp.Builder caller(String number) throws Exception {
        return caller(number, 4000);
    }

    static Sipp.Builder caller(String number, int holdMillis) throws Exception {
        return Sipp.scenario("uac-call-media-probe.xml").calls(1).remote("127.0.0.1", appliance.sipPort())
                .service(number).set("probe_port", FreePorts.tcpAndUdp()).set("hold_ms", holdMillis)
                .globalTimeout(Duration.ofSeconds(90));
    }
}
