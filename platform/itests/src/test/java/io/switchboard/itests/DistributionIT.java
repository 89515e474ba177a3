package io.switchboard.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.itests.support.AddonJar;
import io.switchboard.itests.support.Appliance;
import io.switchboard.itests.support.Await;
import io.switchboard.itests.support.Https;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The built distribution, started as an operator starts it, seen through its REST API. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionIT {
    private static final Duration CEILING = Duration.ofSeconds(30);
    private static final String ADDON = "vendor.example.addon";

    @TempDir
    static Path data;
    static Appliance appliance;
    static Https api;

    @BeforeAll
    static void start() throws Exception {
        appliance = Appliance.start(data);
        appliance.awaitStarted();
        api = appliance.https();
    }

    @AfterAll
    static void stop() throws Exception {
        if (appliance != null) {
            appliance.close();
        }
    }

    @Test
    @Order(1)
    void firstStartCreatesDatabaseCertificateAndLayout() {
        assertThat(data.resolve("switchboard.db")).isRegularFile();
        assertThat(data.resolve("tls/console.p12")).isRegularFile();
        for (String dir : List.of("logs", "deploy", "tmp")) {
            assertThat(data.resolve(dir)).isDirectory();
        }
        assertThat(data.resolve("logs/switchboard.log")).isRegularFile();
    }

    @Test
    @Order(2)
    void healthIsUpWithEveryBundleActive() throws Exception {
        Https.Reply health = Await.until(CEILING, () -> api.get("/health", null),
                r -> r.status() == 200 && "UP".equals(r.json().path("status").asText()));
        JsonNode body = health.json();
        assertThat(body.path("version").asText()).isEqualTo(System.getProperty("switchboard.version"));
        List<String> notActive = new ArrayList<>();
        for (JsonNode bundle : body.path("bundles")) {
            boolean fragment = bundle.path("fragment").asBoolean(false);
            String expected = fragment ? "RESOLVED" : "ACTIVE";
            if (!expected.equals(bundle.path("state").asText())) {
                notActive.add(bundle.path("name").asText() + "=" + bundle.path("state").asText());
            }
        }
        assertThat(notActive).as("bundles not in their running state").isEmpty();
        assertThat(names(body.path("bundles"))).contains("io.switchboard.api", "io.switchboard.store",
                "io.switchboard.core", "io.switchboard.sip", "io.switchboard.acd", "io.switchboard.ivr",
                "io.switchboard.console", "io.switchboard.jain-sip", "org.apache.felix.scr",
                "org.apache.felix.http.jetty12");
    }

    @Test
    @Order(3)
    void apiAnswersOnlyWithAValidTokenAndRole() throws Exception {
        assertThat(api.get("/bundles", null).status()).isEqualTo(401);
        assertThat(api.get("/no/such/thing", null).status()).isEqualTo(401);
        assertThat(api.get("/bundles", "not-a-token").status()).isEqualTo(401);
        Https.Reply wrong = api.post("/auth/token", null, Map.of("username", "admin", "password", "wrong"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().has("error")).isTrue();
        assertThat(api.post("/auth/token", null, "{not json").status()).isEqualTo(400);

        String token = api.login("admin", Appliance.ADMIN_PASSWORD);
        Https.Reply bundles = api.get("/bundles", token);
        assertThat(bundles.status()).isEqualTo(200);
        assertThat(names(bundles.json())).contains("io.switchboard.console");
        assertThat(api.get("/no/such/thing", token).status()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void addOnDroppedIntoDeployIsInstalledUpdatedInPlaceAndUninstalled() throws Exception {
        String token = api.login("admin", Appliance.ADMIN_PASSWORD);
        long consoleId = bundle(token, "io.switchboard.console").orElseThrow().path("id").asLong();
        Path jar = data.resolve("deploy/example-addon.jar");

        AddonJar.write(jar, ADDON, "1.0.0");
        JsonNode installed = Await.until(CEILING, () -> bundle(token, ADDON),
                b -> b.isPresent() && "ACTIVE".equals(b.get().path("state").asText())).orElseThrow();
        assertThat(installed.path("version").asText()).isEqualTo("1.0.0");

        AddonJar.write(jar, ADDON, "1.1.0");
        JsonNode updated = Await.until(CEILING, () -> bundle(token, ADDON),
                b -> b.isPresent() && "1.1.0".equals(b.get().path("version").asText())
                        && "ACTIVE".equals(b.get().path("state").asText())).orElseThrow();
        assertThat(updated.path("id").asLong()).as("updated in place, not reinstalled")
                .isEqualTo(installed.path("id").asLong());
        assertThat(appliance.isAlive()).isTrue();
        assertThat(bundle(token, "io.switchboard.console").orElseThrow().path("id").asLong())
                .as("the framework was not restarted").isEqualTo(consoleId);
        assertThat(appliance.stdoutLines().stream().filter(l -> l.contains(" started in ")).count()).isEqualTo(1);

        Files.delete(jar);
        Await.until(CEILING, () -> bundle(token, ADDON), Optional::isEmpty);
    }

    @Test
    @Order(5)
    void newerShippedBundleInDeployReplacesItAndRemovingItRestoresTheShippedOne() throws Exception {
        String token = api.login("admin", Appliance.ADMIN_PASSWORD);
        JsonNode shipped = bundle(token, "io.switchboard.acd").orElseThrow();
        Path jar = data.resolve("deploy/acd-hotfix.jar");

        AddonJar.write(jar, "io.switchboard.acd", "9.0.0");
        // The update is followed by an asynchronous package refresh, which passes the bundle
        // through INSTALLED/RESOLVED again; wait for the state it settles in.
        JsonNode hotfix = Await.until(CEILING, () -> bundle(token, "io.switchboard.acd"),
                b -> b.isPresent() && "9.0.0".equals(b.get().path("version").asText())
                        && "ACTIVE".equals(b.get().path("state").asText())).orElseThrow();
        assertThat(hotfix.path("id").asLong()).isEqualTo(shipped.path("id").asLong());

        Files.delete(jar);
        JsonNode restored = Await.until(CEILING, () -> bundle(token, "io.switchboard.acd"),
                b -> b.isPresent() && shipped.path("version").asText().equals(b.get().path("version").asText())
                        && "ACTIVE".equals(b.get().path("state").asText()))
                .orElseThrow();
        assertThat(restored.path("id").asLong()).isEqualTo(shipped.path("id").asLong());
    }

    @Test
    @Order(6)
    void sigtermEndsCleanlyWithStatusZero() throws Exception {
        assertThat(appliance.terminate(Duration.ofSeconds(90))).isZero();
    }

    private static Optional<JsonNode> bundle(String token, String name) throws Exception {
        Https.Reply reply = api.get("/bundles", token);
        assertThat(reply.status()).isEqualTo(200);
        for (JsonNode b : reply.json()) {
            if (name.equals(b.path("name").asText())) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    private static List<String> names(JsonNode bundles) {
        List<String> names = new ArrayList<>();
        bundles.forEach(b -> names.add(b.path("name").asText()));
        return names;
    }
}
