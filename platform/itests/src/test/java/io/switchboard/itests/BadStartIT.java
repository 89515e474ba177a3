package io.switchboard.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.itests.support.Appliance;
import io.switchboard.itests.support.FreePorts;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees when the appliance cannot start: one clear line on stderr, exit status 2,
 * and nothing in the data directory created or changed.
 */
class BadStartIT {
    private static final Duration CEILING = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    @Test
    void unknownFlagIsRefused() throws Exception {
        Path data = tmp.resolve("data");
        Appliance.Result result = Appliance.runToExit(CEILING, "run", "--data", data.toString(), "--frobnicate");
        assertRefused(result, "--frobnicate");
        assertThat(data).doesNotExist();
    }

    @Test
    void malformedRtpRangeIsRefused() throws Exception {
        Path data = tmp.resolve("data");
        Appliance.Result result = Appliance.runToExit(CEILING, "run", "--data", data.toString(),
                "--rtp-ports", "30000-20000");
        assertRefused(result, "rtp");
        assertThat(data).doesNotExist();
    }

    @Test
    void httpsPortInUseIsRefusedAndDataUntouched() throws Exception {
        Path data = existingDataDirectory();
        List<String> before = Appliance.snapshot(data);
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Appliance.Result result = Appliance.runToExit(CEILING, "run", "--data", data.toString(),
                    "--bind", "127.0.0.1", "--sip-port", Integer.toString(FreePorts.tcpAndUdp()),
                    "--https-port", Integer.toString(busy.getLocalPort()));
            assertRefused(result, Integer.toString(busy.getLocalPort()));
        }
        assertThat(Appliance.snapshot(data)).isEqualTo(before);
    }

    @Test
    void sipPortInUseOverUdpIsRefusedAndDataUntouched() throws Exception {
        Path data = existingDataDirectory();
        List<String> before = Appliance.snapshot(data);
        int sip = FreePorts.tcpAndUdp();
        try (DatagramSocket busy = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), sip))) {
            Appliance.Result result = Appliance.runToExit(CEILING, "run", "--data", data.toString(),
                    "--bind", "127.0.0.1", "--sip-port", Integer.toString(sip),
                    "--https-port", Integer.toString(FreePorts.tcp()));
            assertRefused(result, Integer.toString(sip));
        }
        assertThat(Appliance.snapshot(data)).isEqualTo(before);
    }

    @Test
    void dataDirectoryThatCannotBeCreatedIsRefused() throws Exception {
        // Tests run as root, so permissions cannot make a directory unwritable: a regular file can.
        Path file = Files.writeString(tmp.resolve("not-a-directory"), "keep me");
        Path data = file.resolve("data");
        Appliance.Result result = Appliance.runToExit(CEILING, "run", "--data", data.toString(),
                "--bind", "127.0.0.1", "--sip-port", Integer.toString(FreePorts.tcpAndUdp()),
                "--https-port", Integer.toString(FreePorts.tcp()));
        assertRefused(result, "data");
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    @Test
    void corruptDatabaseIsRefusedAndLeftAsItWas() throws Exception {
        Path data = existingDataDirectory();
        byte[] garbage = new byte[8192];
        new Random(42).nextBytes(garbage);
        Files.write(data.resolve("switchboard.db"), garbage);
        List<String> before = Appliance.snapshot(data);

        Appliance.Result result = Appliance.runToExit(CEILING, "run", "--data", data.toString(),
                "--bind", "127.0.0.1", "--sip-port", Integer.toString(FreePorts.tcpAndUdp()),
                "--https-port", Integer.toString(FreePorts.tcp()));

        assertRefused(result, "switchboard.db");
        assertThat(Appliance.snapshot(data)).isEqualTo(before);
        assertThat(Files.readAllBytes(data.resolve("switchboard.db"))).isEqualTo(garbage);
    }

    @Test
    void versionIsPrinted() throws Exception {
        Appliance.Result result = Appliance.runToExit(CEILING, "--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout().trim()).isEqualTo("switchboard " + System.getProperty("switchboard.version"));
    }

    private Path existingDataDirectory() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("operator-notes.txt"), "left by the operator");
        return data;
    }

    private static void assertRefused(Appliance.Result result, String mentioned) {
        assertThat(result.exitCode()).as("exit status; stderr: %s", result.stderr()).isEqualTo(2);
        assertThat(result.stderrLines()).as("stderr lines").hasSize(1);
        assertThat(result.stderrLines().get(0)).containsIgnoringCase(mentioned);
        assertThat(result.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
