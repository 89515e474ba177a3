package io.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandLineInterfaceTest {

    private static final Path HOME = Path.of("/opt/switchboard");
    private static final Path CWD = Path.of("/srv/work");

    private final List<RunOptions> runs = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        var cli = new CommandLineInterface(options -> {
            runs.add(options);
            return 0;
        }, HOME, CWD, new PrintWriter(out), new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void runWithoutOptionsUsesTheContractDefaults() {
        assertThat(execute("run")).isZero();

        assertThat(runs).containsExactly(new RunOptions(HOME, CWD.resolve("var"), "0.0.0.0", 5060, 8443,
                new PortRange(20000, 29999), true, 60));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void runTakesEveryOption() {
        assertThat(execute("run", "--data", "/data/sb", "--bind", "127.0.0.1", "--sip-port", "15060",
                "--https-port", "18443", "--rtp-ports", "30000-30099", "--no-demo", "--drain-seconds", "5")).isZero();

        assertThat(runs).containsExactly(new RunOptions(HOME, Path.of("/data/sb"), "127.0.0.1", 15060, 18443,
                new PortRange(30000, 30099), false, 5));
    }

    @Test
    void relativeDataIsResolvedAgainstTheWorkingDirectory() {
        execute("run", "--data", "x/../state");

        assertThat(runs.get(0).data()).isEqualTo(CWD.resolve("state"));
    }

    @Test
    void ipv6BindIsAccepted() {
        assertThat(execute("run", "--bind", "::1")).isZero();
        assertThat(runs.get(0).bind()).isEqualTo("::1");
    }

    @Test
    void versionPrintsProductVersion() {
        assertThat(execute("--version")).isZero();

        assertThat(out.toString().strip()).isEqualTo("switchboard " + ProductVersion.read());
        assertThat(out.toString()).doesNotContain("${");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(execute()).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(runs).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "run --frobnicate                | Unknown option: '--frobnicate'",
        "run --sip-port                  | Missing required parameter for option '--sip-port'",
        "run --sip-port abc              | '--sip-port'",
        "run --sip-port 0                | --sip-port must be within 1-65535, got 0",
        "run --sip-port 65536            | --sip-port must be within 1-65535, got 65536",
        "run --https-port -1             | --https-port must be within 1-65535, got -1",
        "run --https-port 70000          | --https-port must be within 1-65535",
        "run --sip-port 9000 --https-port 9000 | both 9000",
        "run --sip-port 20002            | lies inside --rtp-ports 20000-29999",
        "run --rtp-ports 20000           | expected LOW-HIGH",
        "run --rtp-ports a-b             | expected LOW-HIGH with two port numbers",
        "run --rtp-ports 30000-20000     | LOW 30000 is above HIGH 20000",
        "run --rtp-ports 20001-20010     | LOW must be even",
        "run --rtp-ports 20000-20010     | an even number of ports",
        "run --rtp-ports 0-10            | within 1-65535",
        "run --rtp-ports 60000-70001     | within 1-65535",
        "run --bind nowhere.example      | --bind must be an IPv4 or IPv6 address",
        "run --bind 300.1.1.1            | --bind must be an IPv4 or IPv6 address",
        "run --drain-seconds -3          | --drain-seconds must not be negative",
        "run extra                       | Unmatched argument",
        "frobnicate                      | Unmatched argument",
    })
    void badArgumentsGiveOneLineOnStderrAndStatusTwo(String commandLine, String expected) {
        int status = execute(commandLine.trim().split("\\s+"));

        assertThat(status).isEqualTo(2);
        assertThat(runs).as("nothing runs").isEmpty();
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).startsWith("switchboard: ").contains(expected);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aFailingRunActionGivesStatusOne() {
        var cli = new CommandLineInterface(options -> {
            throw new IllegalStateException("disk on fire");
        }, HOME, CWD, new PrintWriter(out), new PrintWriter(err));

        assertThat(cli.execute("run")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("switchboard: disk on fire" + System.lineSeparator());
    }
}
