package io.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimcardCommandTest {

    private static final Path CWD = Path.of("/srv/work");

    private final List<String> requests = new ArrayList<>();
    private final List<Path> dataDirectories = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private SimcardControl.Reply reply = new SimcardControl.Reply(true, "", "");

    private int execute(SimcardControl control, String... args) {
        return new CommandLineInterface(options -> 0, control, Path.of("/opt/switchboard"), CWD,
                new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    private int execute(String... args) {
        return execute((data, request, timeout) -> {
            dataDirectories.add(data);
            requests.add(request);
            return reply;
        }, args);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "simcard status                                  | status",
        "simcard ring 1 300                              | ring 1 300",
        "simcard ring 1 300 --caller 13800000001         | ring 1 300 13800000001",
        "simcard dtmf 3 12#                              | dtmf 3 12# events",
        "simcard dtmf 3 12# --tones                      | dtmf 3 12# tones",
        "simcard hangup 7                                | hangup 7",
        "simcard capture 2 out.wav 5                     | capture 2 5 /srv/work/out.wav",
        "simcard alarm 1 los                             | alarm 1 los",
        "simcard alarm 1 clear                           | alarm 1 clear",
        "simcard answer 31                               | answer 31",
        "simcard play 2 /audio/hello.wav                 | play 2 /audio/hello.wav",
    })
    void translatesEachCommandIntoOneControlRequest(String line, String request) {
        assertThat(execute(line.split(" "))).isZero();
        assertThat(requests).containsExactly(request);
        assertThat(dataDirectories).containsExactly(CWD.resolve("var"));
    }

    @Test
    void dataMayComeAnywhereOnTheLine() {
        assertThat(execute("simcard", "ring", "--data", "/var/lib/switchboard", "1", "300")).isZero();
        assertThat(execute("simcard", "ring", "1", "300", "--data", "rel")).isZero();
        assertThat(dataDirectories).containsExactly(Path.of("/var/lib/switchboard"), CWD.resolve("rel"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "simcard",
        "simcard ring 1",
        "simcard ring x 300",
        "simcard ring 0 300",
        "simcard ring 1 3a0",
        "simcard dtmf 1 12x",
        "simcard capture 1 out.wav 0",
        "simcard alarm 1 red",
        "simcard reboot",
    })
    void badArgumentsExitTwoWithOneLineAndSendNothing(String line) {
        assertThat(execute(line.split(" "))).isEqualTo(2);
        assertThat(requests).isEmpty();
        assertThat(err.toString().strip()).doesNotContain("\n").isNotEmpty();
    }

    @Test
    void aRefusalExitsOneWithTheSimulatorsReason() {
        reply = new SimcardControl.Reply(false, "channel 1 is not idle", "");
        assertThat(execute("simcard", "ring", "1", "300")).isEqualTo(1);
        assertThat(err.toString()).contains("refused: channel 1 is not idle");
    }

    @Test
    void statusPrintsWhatTheSimulatorSays() {
        reply = new SimcardControl.Reply(true, "", "span 1 alarm none\nchannel 1 type=e1 span=1 state=idle codec=alaw\n");
        assertThat(execute("simcard", "status")).isZero();
        assertThat(out.toString()).contains("span 1 alarm none").contains("channel 1 type=e1");
    }

    @Test
    void noApplianceThereExitsTwo(@TempDir Path data) {
        assertThat(execute(SimcardControl.overSocket(), "simcard", "status", "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no appliance with a simulator card runs with data directory " + data);
    }

    @Test
    void talksToTheControlSocket(@TempDir Path data) throws Exception {
        Path socket = SimcardControl.socket(data);
        Files.createDirectories(socket.getParent());
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> serveOnce(server, "OK 3 frames\n"));

            assertThat(execute(SimcardControl.overSocket(), "simcard", "hangup", "4", "--data", data.toString())).isZero();

            assertThat(received.get(5, TimeUnit.SECONDS)).isEqualTo("hangup 4\n");
            assertThat(out.toString()).contains("3 frames");
        }
    }

    private static String serveOnce(ServerSocketChannel server, String answer) {
        try (SocketChannel client = server.accept()) {
            ByteBuffer buffer = ByteBuffer.allocate(1024);
            while (buffer.position() == 0 || buffer.get(buffer.position() - 1) != '\n') {
                client.read(buffer);
            }
            client.write(ByteBuffer.wrap(answer.getBytes(StandardCharsets.US_ASCII)));
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
