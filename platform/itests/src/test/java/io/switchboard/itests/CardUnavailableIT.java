package io.switchboard.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.itests.support.Appliance;
import io.switchboard.itests.support.ApplianceApi;
import io.switchboard.itests.support.Https;
import io.switchboard.itests.support.Simcard;
import io.switchboard.itests.support.Sipp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A card library that cannot load (a vendor's path that is wrong): the card driver says so in one
 * log line and stays inactive; the appliance starts, reports UP and serves SIP calls. Runs a copy
 * of the distribution whose {@code conf/} names the missing library.
 */
class CardUnavailableIT {
    static final Duration CEILING = Duration.ofSeconds(30);

    @TempDir
    Path work;

    @Test
    void aCardLibraryThatCannotLoadLeavesTheDriverInactiveWithOneLineAndTheRestRunning() throws Exception {
        Sipp.requireInstalled();
        Path copy = work.resolve("dist");
        Process cp = new ProcessBuilder("cp", "-a", Appliance.distribution().toString(), copy.toString()).inheritIO().start();
        assertThat(cp.waitFor()).isZero();
        Files.writeString(copy.resolve("conf/io.switchboard.card.cfg"), "library = /opt/vendor/lib/libvoicecard.so\n");
        Path data = Files.createTempDirectory("sb-nocard-");

        try (Appliance appliance = Appliance.startWith(copy.resolve("bin/switchboard"), data)) {
            appliance.awaitStarted();
            Https api = appliance.https();
            ApplianceApi rest = new ApplianceApi(api, api.login("admin", Appliance.ADMIN_PASSWORD));
            assertThat(api.get("/health", null).status()).isEqualTo(200);
            assertThat(rest.bundleState("io.switchboard.card")).isEqualTo("ACTIVE");

            List<String> logged = Files.readAllLines(data.resolve("logs/switchboard.log")).stream()
                    .filter(line -> line.contains("io.switchboard.card") || line.contains("CardDriver")).toList();
            assertThat(logged).as("what the card driver logged").hasSize(1);
            assertThat(logged.get(0)).contains("ERROR").contains("Card driver inactive")
                    .contains("/opt/vendor/lib/libvoicecard.so");

            Sipp.Result echo = Sipp.scenario("bench-uac-echo.xml").calls(1).remote("127.0.0.1", appliance.sipPort())
                    .service("300").run(CEILING);
            assertThat(echo.successfulCalls()).as("a SIP call still works: " + echo.describe()).isEqualTo(1);

            Appliance.Result status = new Simcard(data).run("status");
            assertThat(status.exitCode()).as(status.stderr()).isEqualTo(2);
        } finally {
            new ProcessBuilder("rm", "-rf", data.toString()).start().waitFor();
        }
    }
}
