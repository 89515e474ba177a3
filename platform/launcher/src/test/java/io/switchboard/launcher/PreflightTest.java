package io.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path temp;

    private RunOptions options(Path data, int sipPort, int httpsPort) {
        return new RunOptions(temp.resolve("home"), data, "127.0.0.1", sipPort, httpsPort,
                new PortRange(40000, 40099), true, 60);
    }

    private RunOptions options(Path data) throws IOException {
        return options(data, freePort(), freePort());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void anEmptyMachinePasses() throws Exception {
        new Preflight(options(temp.resolve("var"))).check();
    }

    @Test
    void sipPortInUseOverTcpIsRefused() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, LOOPBACK)) {
            var options = options(temp.resolve("var"), taken.getLocalPort(), freePort());

            assertThatThrownBy(() -> new Preflight(options).check())
                    .isInstanceOf(PreflightException.class)
                    .hasMessage("SIP port " + taken.getLocalPort() + "/tcp on 127.0.0.1 is already in use");
        }
    }

    @Test
    void sipPortInUseOverUdpIsRefused() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            var options = options(temp.resolve("var"), taken.getLocalPort(), freePort());

            assertThatThrownBy(() -> new Preflight(options).check())
                    .hasMessage("SIP port " + taken.getLocalPort() + "/udp on 127.0.0.1 is already in use");
        }
    }

    @Test
    void httpsPortInUseIsRefused() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, LOOPBACK)) {
            var options = options(temp.resolve("var"), freePort(), taken.getLocalPort());

            assertThatThrownBy(() -> new Preflight(options).check())
                    .hasMessage("HTTPS port " + taken.getLocalPort() + "/tcp on 127.0.0.1 is already in use");
        }
    }

    @Test
    void aBindAddressOfAnotherMachineIsRefused() throws Exception {
        var options = new RunOptions(temp, temp.resolve("var"), "192.0.2.77", freePort(), freePort(),
                new PortRange(40000, 40099), true, 60);

        assertThatThrownBy(() -> new Preflight(options).check())
                .hasMessage("--bind 192.0.2.77 is not an address of this machine");
    }

    @Test
    void dataDirectoryBeneathARegularFileIsRefused() throws Exception {
        Path file = Files.writeString(temp.resolve("plain-file"), "not a directory");
        Path data = file.resolve("var");

        assertThatThrownBy(() -> new Preflight(options(data)).check())
                .hasMessage("data directory " + data + " is not writable: " + file + " is not a directory");
        assertThat(Files.readString(file)).isEqualTo("not a directory");
    }

    @Test
    void dataDirectoryThatIsARegularFileIsRefused() throws Exception {
        Path data = Files.writeString(temp.resolve("var"), "x");

        assertThatThrownBy(() -> new Preflight(options(data)).check()).hasMessageContaining("is not a directory");
    }

    @Test
    void aLayoutEntryThatIsAFileIsRefused() throws Exception {
        Path data = Files.createDirectories(temp.resolve("var"));
        Files.writeString(data.resolve("logs"), "x");

        assertThatThrownBy(() -> new Preflight(options(data)).check())
                .hasMessageContaining(data.resolve("logs") + " is not a writable directory");
    }

    @Test
    void randomBytesAreNotADatabase() throws Exception {
        Path data = Files.createDirectories(temp.resolve("var"));
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Files.write(data.resolve("switchboard.db"), noise);

        assertThatThrownBy(() -> new Preflight(options(data)).check())
                .hasMessage("not a Switchboard database: " + data.resolve("switchboard.db")
                        + " is not an SQLite database");
    }

    @Test
    void aFileShorterThanTheHeaderIsNotADatabase() throws Exception {
        Path data = Files.createDirectories(temp.resolve("var"));
        Files.writeString(data.resolve("switchboard.db"), "SQLite format 3\0");

        assertThatThrownBy(() -> new Preflight(options(data)).check())
                .hasMessageContaining("is not an SQLite database");
    }

    @Test
    void anSqliteDatabaseOfAnotherApplicationIsRefused() throws Exception {
        Path data = Files.createDirectories(temp.resolve("var"));
        sqlite(data.resolve("switchboard.db"), "CREATE TABLE other (id INTEGER)");

        assertThatThrownBy(() -> new Preflight(options(data)).check())
                .hasMessageEndingWith("is an SQLite database of another application (application_id 0x00000000)");
    }

    @Test
    void aSwitchboardDatabasePasses() throws Exception {
        Path data = Files.createDirectories(temp.resolve("var"));
        sqlite(data.resolve("switchboard.db"), "PRAGMA application_id = " + DatabaseFile.APPLICATION_ID,
                "CREATE TABLE journal (seq INTEGER PRIMARY KEY)");

        new Preflight(options(data)).check();
    }

    @Test
    void aHandWrittenHeaderWithTheApplicationIdPasses() throws Exception {
        Path data = Files.createDirectories(temp.resolve("var"));
        ByteBuffer header = ByteBuffer.allocate(100);
        header.put("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII));
        header.putInt(68, DatabaseFile.APPLICATION_ID);
        Files.write(data.resolve("switchboard.db"), header.array());

        new Preflight(options(data)).check();
    }

    @Test
    void anEmptyDatabaseFilePasses() throws Exception {
        Path data = Files.createDirectories(temp.resolve("var"));
        Files.createFile(data.resolve("switchboard.db"));

        new Preflight(options(data)).check();
    }

    @Test
    void aKeyStoreWithoutItsPasswordIsRefused() throws Exception {
        Path data = Files.createDirectories(temp.resolve("var/tls"));
        Files.writeString(data.resolve("console.p12"), "x");

        assertThatThrownBy(() -> new Preflight(options(temp.resolve("var"))).check())
                .hasMessageContaining("console key store is incomplete");
    }

    @Test
    void aKeyStoreThatDoesNotOpenWithItsPasswordIsRefused() throws Exception {
        DataDirectory data = new DataDirectory(temp.resolve("var"));
        data.create();
        new ConsoleKeystore(data).ensure("appliance", "0.0.0.0");
        Files.writeString(data.keystorePassword(), "wrong");

        assertThatThrownBy(() -> new Preflight(options(data.root())).check())
                .hasMessageStartingWith("cannot open " + data.keystore());
    }

    @Test
    void aFailedPreflightLeavesTheDataDirectoryAsItWasAndExitsTwo() throws Exception {
        Path data = Files.createDirectories(temp.resolve("var"));
        byte[] noise = new byte[512];
        new Random(3).nextBytes(noise);
        Files.write(data.resolve("switchboard.db"), noise);
        List<Path> before = listing(data);
        var err = new StringWriter();
        var out = new StringWriter();

        int status = new Launcher("test", new PrintWriter(out), new PrintWriter(err), Instant.now())
                .run(options(data));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("switchboard: not a Switchboard database: ");
        assertThat(listing(data)).isEqualTo(before);
        assertThat(Files.readAllBytes(data.resolve("switchboard.db"))).isEqualTo(noise);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aFailedPreflightCreatesNoDataDirectory() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, LOOPBACK)) {
            Path data = temp.resolve("fresh/var");
            var err = new StringWriter();

            int status = new Launcher("test", new PrintWriter(new StringWriter()), new PrintWriter(err),
                    Instant.now()).run(options(data, freePort(), taken.getLocalPort()));

            assertThat(status).isEqualTo(2);
            assertThat(err.toString().lines()).hasSize(1);
            assertThat(temp.resolve("fresh")).doesNotExist();
        }
    }

    private static List<Path> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.sorted().toList();
        }
    }

    private static void sqlite(Path file, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
