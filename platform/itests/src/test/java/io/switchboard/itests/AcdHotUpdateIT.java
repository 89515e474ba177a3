package io.switchboard.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.itests.support.Appliance;
import io.switchboard.itests.support.ApplianceApi;
import io.switchboard.itests.support.Await;
import io.switchboard.itests.support.BundleJars;
import io.switchboard.itests.support.FreePorts;
import io.switchboard.itests.support.Https;
import io.switchboard.itests.support.RtpProbe;
import io.switchboard.itests.support.Sipp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ACD bundle replaced while 30 calls wait in its queue: core parks them, the new version takes
 * them back at their places with their music, and then delivers every one, in the order they
 * came, to agents who log in after the update. No call is lost.
 */
class AcdHotUpdateIT {
    static final Duration CEILING = Duration.ofSeconds(60);
    static final int CALLS = 30;
    static final String BUNDLE = "io.switchboard.acd";

    @TempDir
    Path temp;

    @Test
    void replacingTheAcdUnderThirtyWaitingCallsKeepsTheirPlacesAndDeliversEveryOne() throws Exception {
        Sipp.requireInstalled();
        Path data = Files.createDirectories(temp.resolve("data"));
        List<AutoCloseable> open = new ArrayList<>();
        try (Appliance appliance = Appliance.start(data)) {
            appliance.awaitStarted();
            Https api = appliance.https();
            String token = api.login("admin", Appliance.ADMIN_PASSWORD);
            ApplianceApi rest = new ApplianceApi(api, token);
            Await.until(CEILING, () -> api.get("/acd/queues/general", token).status(), status -> status == 200);
            ObjectNode general = (ObjectNode) api.get("/acd/queues/general", token).json();
            general.put("wrapUpSeconds", 0);
            assertThat(api.put("/acd/queues/general", token, general).status()).isEqualTo(200);

            // given: 30 callers waiting in queue general (no agent logged in); the first one's media is a probe
            long after = rest.lastSeq();
            RtpProbe probe = RtpProbe.open();
            open.add(probe);
            Sipp first = Sipp.scenario("uac-call-wait-bye.xml").calls(1).remote("127.0.0.1", appliance.sipPort())
                    .service("200").set("probe_port", probe.port()).globalTimeout(Duration.ofMinutes(3)).start();
            open.add(first);
            probe.remote(first.awaitMedia("answer-media", CEILING));
            Sipp others = Sipp.scenario("uac-call-wait-bye.xml").calls(CALLS - 1).rate(10).remote("127.0.0.1", appliance.sipPort())
                    .service("200").set("probe_port", FreePorts.tcpAndUdp()).globalTimeout(Duration.ofMinutes(3)).start();
            open.add(others);
            List<String> queued = Await.until(CEILING, () -> callIds(rest, after, "acd.queued"), ids -> ids.size() == CALLS);
            probe.awaitPackets(50, CEILING); // the first caller hears the queue's music

            // when: a new version of the ACD replaces the shipped one
            Path shipped = shippedJar();
            Path newer = BundleJars.withVersion(shipped, temp.resolve("jars/acd-9.0.0.jar"), "9.0.0");
            long beforeUpdate = rest.lastSeq();
            BundleJars.deploy(newer, data.resolve("deploy"), "acd.jar");
            Await.until(CEILING, () -> rest.bundle(BUNDLE).orElse(null), b -> b != null
                    && "9.0.0".equals(b.path("version").asText()) && "ACTIVE".equals(b.path("state").asText()));

            // then: every call was parked and handed back, none ended, all still wait in general
            Await.until(CEILING, () -> callIds(rest, beforeUpdate, "call.unparked"), ids -> ids.size() == CALLS);
            assertThat(callIds(rest, beforeUpdate, "call.parked")).containsExactlyInAnyOrderElementsOf(queued);
            assertThat(rest.entries(beforeUpdate, "call.ended")).isEmpty();
            List<JsonNode> calls = rest.calls();
            assertThat(calls).hasSize(CALLS).allSatisfy(call -> {
                assertThat(call.path("controller").asText()).isEqualTo("acd");
                assertThat(call.path("attached").path("queue").asText()).isEqualTo("general");
            });
            assertThat(api.get("/acd/queues/general/status", token).json().path("waiting").asInt()).isEqualTo(CALLS);
            long heard = probe.packets();
            probe.awaitPackets(heard + 50, CEILING); // and the music plays on

            // and: agents log in with phones that hang up after half a second: every call is delivered in order
            for (String agent : List.of("1001", "1002", "1004", "1005")) {
                int port = FreePorts.tcpAndUdp();
                Sipp.Result registered = Sipp.scenario("register.xml").calls(1).remote("127.0.0.1", appliance.sipPort())
                        .service(agent).auth(agent, "demo-" + agent).set("contact_port", port).set("expires", 600).run(CEILING);
                assertThat(registered.successfulCalls()).as(registered.describe()).isEqualTo(1);
                open.add(Sipp.scenario("uas-agent-phone-hangup.xml").localPort(port).rtpEcho().calls(CALLS)
                        .set("hold_ms", 500).globalTimeout(Duration.ofMinutes(3)).start());
            }
            for (String agent : List.of("1001", "1002", "1004", "1005")) {
                Https.Reply ready = api.post("/acd/agents/" + agent + "/state", token, Map.of("state", "READY"));
                assertThat(ready.status()).as(ready.body()).isEqualTo(200);
            }
            List<String> connected = Await.until(Duration.ofMinutes(2), () -> callIds(rest, beforeUpdate, "acd.connected"),
                    ids -> ids.size() == CALLS);
            assertThat(connected).containsExactlyInAnyOrderElementsOf(queued);
            assertThat(callIds(rest, beforeUpdate, "acd.offered")).as("offered in the order they came")
                    .startsWith(queued.toArray(String[]::new));
            assertThat(rest.entries(beforeUpdate, "acd.abandoned")).isEmpty();
            Await.until(CEILING, rest::calls, List::isEmpty);
            assertThat(others.awaitExit(CEILING).successfulCalls()).isEqualTo(CALLS - 1);
            assertThat(first.awaitExit(CEILING).successfulCalls()).isEqualTo(1);
        } finally {
            for (int i = open.size() - 1; i >= 0; i--) {
                open.get(i).close();
            }
        }
    }

    private static List<String> callIds(ApplianceApi rest, long after, String type) throws Exception {
        return rest.entries(after, type).stream().map(entry -> entry.path("callId").asText()).toList();
    }

    private static Path shippedJar() throws Exception {
        try (Stream<Path> jars = Files.walk(Appliance.distribution().resolve("bundles"))) {
            Optional<Path> jar = jars.filter(path -> path.getFileName().toString().startsWith("io.switchboard.acd-")).findFirst();
            return jar.orElseThrow(() -> new AssertionError("no io.switchboard.acd jar in the distribution"));
        }
    }
}
