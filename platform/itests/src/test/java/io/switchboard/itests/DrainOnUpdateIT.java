package io.switchboard.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.itests.support.Appliance;
import io.switchboard.itests.support.ApplianceApi;
import io.switchboard.itests.support.Await;
import io.switchboard.itests.support.BundleJars;
import io.switchboard.itests.support.Https;
import io.switchboard.itests.support.RtpProbe;
import io.switchboard.itests.support.Sipp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle that owns live calls (core) is not updated under them: a newer core dropped into
 * {@code deploy/} makes the appliance refuse new calls with 503 while the live call goes on; once
 * it ends, core is updated and new calls are taken again.
 */
class DrainOnUpdateIT {
    /** No route: 404 while calls are taken, 503 while draining; a probe that never leaves a call up. */
    static final String UNROUTED = "999";
    static final Duration CEILING = Duration.ofSeconds(60);
    static final String CORE = "io.switchboard.core";

    @TempDir
    static Path data;
    @TempDir
    static Path jars;
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
        Path controller = Path.of(System.getProperty("switchboard.testcontroller", "missing"));
        Files.copy(controller, data.resolve("deploy/test-controller.jar"));
        Https.Reply route = api.post("/routes", token,
                Map.of("id", "900", "pattern", "900", "controller", "test"));
        assertThat(route.status()).as(route.body()).isEqualTo(201);
        Await.until(CEILING, () -> rest.bundle("io.switchboard.testcontroller").map(b -> b.path("state").asText()),
                s -> s.filter("ACTIVE"::equals).isPresent());
    }

    @AfterAll
    static void stop() throws Exception {
        if (appliance != null) {
            appliance.close();
        }
    }

    @Test
    void aNewerCoreWaitsForTheLiveCallWhileNewCallsAreRefused() throws Exception {
        String shipped = rest.bundle(CORE).orElseThrow().path("version").asText();
        try (RtpProbe probe = RtpProbe.open();
                Sipp live = Sipp.scenario("uac-call-wait-bye.xml").calls(1)
                        .remote("127.0.0.1", appliance.sipPort()).service("900").set("probe_port", probe.port())
                        .start()) {
            probe.remote(live.awaitMedia("answer-media", CEILING));
            Await.until(CEILING, DrainOnUpdateIT::liveCalls, n -> n == 1);

            Path core = Appliance.distribution().resolve("bundles/3-core")
                    .resolve(CORE + "-" + System.getProperty("switchboard.version") + ".jar");
            BundleJars.deploy(BundleJars.withVersion(core, jars.resolve("core-hotfix.jar"), "0.1.1.hotfix"),
                    data.resolve("deploy"), "core-hotfix.jar");

            // the deploy watcher drains before it updates: new calls are refused meanwhile
            Sipp.Result refused = Await.until(CEILING,
                    () -> Sipp.scenario("uac-expect-503.xml").calls(1).remote("127.0.0.1", appliance.sipPort())
                            .service(UNROUTED).run(CEILING),
                    r -> r.successfulCalls() == 1);
            assertThat(refused.successfulCalls()).isEqualTo(1);
            assertThat(rest.bundle(CORE).orElseThrow().path("version").asText())
                    .as("core is not updated under a live call").isEqualTo(shipped);
            assertThat(liveCalls()).isEqualTo(1);

            probe.sendDigits("#", 101); // the test controller hangs up: the live call ends normally
            Sipp.Result result = live.awaitExit(CEILING);
            assertThat(result.successfulCalls()).as(result.describe()).isEqualTo(1);
        }

        Await.until(CEILING, () -> rest.bundle(CORE),
                b -> b.isPresent() && "0.1.1.hotfix".equals(b.get().path("version").asText())
                        && "ACTIVE".equals(b.get().path("state").asText()));
        try (RtpProbe probe = RtpProbe.open()) {
            Sipp.Result after = Await.until(CEILING,
                    () -> Sipp.scenario("uac-call-media-probe.xml").calls(1)
                            .remote("127.0.0.1", appliance.sipPort()).service("300")
                            .set("probe_port", probe.port()).set("hold_ms", 500).run(CEILING),
                    r -> r.successfulCalls() == 1);
            assertThat(after.successfulCalls()).as("the updated core takes calls").isEqualTo(1);
        }
    }

    static int liveCalls() throws Exception {
        Https.Reply reply = api.get("/calls", token);
        return reply.status() == 200 ? reply.json().size() : -1;
    }

}
