package io.switchboard.itests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real softphone: Debian's {@code baresip} (1.0) as an agent phone, with its own configuration
 * directory, no sound card (audio from {@code ausine}, played into an unread {@code aubridge}
 * device), auto-answer, and driven through {@code ctrl_tcp} on a free loopback port.
 *
 * <p>ctrl_tcp speaks netstrings ({@code LEN:JSON,}): commands
 * {@code {"command":"dial","params":"sip:300@127.0.0.1:5060","token":"7"}} get a response with
 * the same token; events ({@code {"event":true,"type":"REGISTER_OK",...}}) arrive unasked and are
 * kept in order for {@link #awaitEvent}. baresip is stopped by its PID.
 *
 * <pre>{@code
 * try (Baresip phone = Baresip.agent("1001", "demo-1001", "127.0.0.1", appliance.sipPort()).start()) {
 *     phone.awaitRegistered(Duration.ofSeconds(10));
 *     phone.dial("sip:300@127.0.0.1:" + appliance.sipPort());
 *     phone.awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(10));
 *     phone.hangup();
 * }
 * }</pre>
 */
public final class Baresip implements AutoCloseable {
    public static final String BINARY = "baresip";
    public static final Path MODULES = Path.of("/usr/lib/baresip/modules");
    private static final Duration START_CEILING = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path dir;
    private final int sipPort;
    private final int ctrlPort;
    private final Socket ctrl;
    private final OutputStream ctrlOut;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger tokens = new AtomicInteger();

    private Baresip(Process process, Path dir, int sipPort, int ctrlPort, Socket ctrl) throws IOException {
        this.process = process;
        this.dir = dir;
        this.sipPort = sipPort;
        this.ctrlPort = ctrlPort;
        this.ctrl = ctrl;
        this.ctrlOut = ctrl.getOutputStream();
        Thread reader = new Thread(this::readCtrl, "baresip-ctrl-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** An agent phone registering as {@code user} with {@code password} at host:port over UDP. */
    public static Builder agent(String user, String password, String registrarHost, int registrarPort) {
        return new Builder(user, password, registrarHost, registrarPort);
    }

    public static final class Builder {
        private final String user;
        private final String password;
        private final String host;
        private final int port;
        private int registerSeconds = 60;
        private boolean sipTrace = true;
        private Path workDir;

        private Builder(String user, String password, String host, int port) {
            this.user = user;
            this.password = password;
            this.host = host;
            this.port = port;
        }

        public Builder registerSeconds(int seconds) {
            this.registerSeconds = seconds;
            return this;
        }

        /** baresip -s: every SIP message on its stdout (stdout.txt). On by default. */
        public Builder sipTrace(boolean on) {
            this.sipTrace = on;
            return this;
        }

        public Builder workDir(Path dir) {
            this.workDir = dir;
            return this;
        }

        public Baresip start() throws Exception {
            Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory(RunDirectories.root(), "baresip-");
            int sip = FreePorts.tcpAndUdp();
            int ctrlPort = FreePorts.tcp();
            Files.writeString(dir.resolve("accounts"), "<sip:" + user + "@" + host + ":" + port
                    + ";transport=udp>;auth_pass=" + password + ";answermode=auto;regint=" + registerSeconds + "\n");
            Files.writeString(dir.resolve("config"), String.join("\n",
                    "poll_method epoll",
                    "sip_listen 127.0.0.1:" + sip,
                    // without it the SDP names eth0's address while RTP leaves from loopback, and
                    // the appliance drops media from an address the SDP did not name
                    "net_interface 127.0.0.1",
                    "call_local_timeout 120",
                    "audio_player aubridge,nobody",
                    "audio_alert aubridge,nobody",
                    "audio_source ausine,440",
                    "ausrc_srate 48000", // ausine (baresip 1.0) makes only 48 kHz stereo
                    "ausrc_channels 2",
                    "rtp_ports 30000-39999",
                    "module_path " + MODULES,
                    "module g711.so",
                    "module ausine.so",
                    "module aufile.so",
                    "module aubridge.so",
                    "module sndfile.so", // dump-*-dec.wav: what the phone received, for media checks
                    "snd_path " + dir,
                    "module_app account.so",
                    "module_app menu.so",
                    "module_app ctrl_tcp.so",
                    "ctrl_tcp_listen 127.0.0.1:" + ctrlPort,
                    "") );
            Files.writeString(dir.resolve("contacts"), "");
            List<String> command = sipTrace ? List.of(BINARY, "-f", dir.toString(), "-s")
                    : List.of(BINARY, "-f", dir.toString());
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(dir.resolve("stdout.txt").toFile())
                    .redirectError(dir.resolve("stderr.txt").toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            Socket ctrl = Await.until(START_CEILING, () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("baresip exited with " + process.exitValue() + "\n"
                            + Sipp.readText(dir.resolve("stdout.txt")) + Sipp.readText(dir.resolve("stderr.txt")));
                }
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", ctrlPort), 1000);
                return s;
            }, s -> s.isConnected());
            return new Baresip(process, dir, sip, ctrlPort, ctrl);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path dir() {
        return dir;
    }

    /** The SIP port baresip listens on (its Contact). */
    public int sipPort() {
        return sipPort;
    }

    /**
     * The audio baresip decoded from the RTP it received on its calls so far ({@code sndfile}'s
     * {@code dump-*-dec.wav}, 16-bit mono): one 20 ms frame per packet received.
     */
    public List<Path> receivedAudio() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-dec.wav")).sorted().toList();
        }
    }

    public int ctrlPort() {
        return ctrlPort;
    }

    /** Events seen so far ({@code {"event":true,"class":"register","type":"REGISTER_OK",...}}). */
    public List<JsonNode> events() {
        return List.copyOf(events);
    }

    /** Sends a ctrl_tcp command and waits for its response. */
    public JsonNode command(String command, String params, Duration ceiling) throws Exception {
        String token = Integer.toString(tokens.incrementAndGet());
        ObjectNode request = JSON.createObjectNode().put("command", command).put("params", params == null ? "" : params)
                .put("token", token);
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(token, answer);
        byte[] body = JSON.writeValueAsBytes(request);
        synchronized (ctrlOut) {
            ctrlOut.write((body.length + ":").getBytes(StandardCharsets.US_ASCII));
            ctrlOut.write(body);
            ctrlOut.write(',');
            ctrlOut.flush();
        }
        try {
            return answer.get(ceiling.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("baresip did not answer " + command + " within " + ceiling + "\n" + output(), e);
        } finally {
            pending.remove(token);
        }
    }

    /** {@code reginfo}: the account's registration, as baresip prints it (colour escapes removed). */
    public String reginfo() throws Exception {
        return plain(command("reginfo", "", Duration.ofSeconds(5)).path("data").asText());
    }

    public JsonNode dial(String uri) throws Exception {
        return command("dial", uri, Duration.ofSeconds(5));
    }

    public JsonNode hangup() throws Exception {
        return command("hangup", "", Duration.ofSeconds(5));
    }

    /** Waits for the first event (seen before or after the call) that matches. */
    public JsonNode awaitEvent(Predicate<JsonNode> matcher, Duration ceiling) throws Exception {
        return Await.until(ceiling, () -> {
            if (!process.isAlive()) {
                throw new AssertionError("baresip exited with " + process.exitValue() + "\n" + output());
            }
            return events.stream().filter(matcher).findFirst();
        }, java.util.Optional::isPresent).orElseThrow();
    }

    public JsonNode awaitEvent(String type, Duration ceiling) throws Exception {
        return awaitEvent(e -> type.equals(e.path("type").asText()), ceiling);
    }

    /**
     * Waits until the account is registered. baresip often registers before ctrl_tcp is connected,
     * so the REGISTER_OK event may never reach us: the registration state is read with
     * {@code reginfo} ("OK" for a registered user agent), or taken from the event if one came.
     */
    public String awaitRegistered(Duration ceiling) throws Exception {
        try {
            return Await.until(ceiling, () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("baresip exited with " + process.exitValue() + "\n" + output());
                }
                boolean event = events.stream().anyMatch(e -> "REGISTER_OK".equals(e.path("type").asText()));
                String info = plain(reginfo());
                return event || REGISTERED.matcher(info).find() ? info : null;
            }, java.util.Objects::nonNull);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + output(), e);
        }
    }

    private static final java.util.regex.Pattern REGISTERED = java.util.regex.Pattern.compile("\\bOK\\b");

    /** Text without terminal colour escapes. */
    static String plain(String text) {
        return text.replaceAll("\u001B\\[[0-9;]*m", "");
    }

    public String output() {
        return "--- baresip stdout (" + dir + ") ---\n" + Sipp.readText(dir.resolve("stdout.txt"))
                + "\n--- stderr ---\n" + Sipp.readText(dir.resolve("stderr.txt")) + "\n--- events ---\n" + events;
    }

    private void readCtrl() {
        try (InputStream in = new BufferedInputStream(ctrl.getInputStream())) {
            while (true) {
                int length = 0;
                int c;
                while ((c = in.read()) != ':') {
                    if (c < 0) {
                        return;
                    }
                    length = length * 10 + (c - '0');
                }
                byte[] body = in.readNBytes(length);
                if (in.read() != ',') {
                    return; // not a netstring: the stream is broken
                }
                JsonNode message = JSON.readTree(body);
                if (message.path("response").asBoolean(false)) {
                    CompletableFuture<JsonNode> waiting = pending.get(message.path("token").asText());
                    if (waiting != null) {
                        waiting.complete(message);
                    }
                } else {
                    events.add(message);
                }
            }
        } catch (IOException e) {
            events.add(JSON.createObjectNode().put("type", "CTRL_CLOSED").put("reason", String.valueOf(e)));
        }
    }

    /**
     * SIGTERM to this PID (baresip then unregisters, which can wait on a registrar that is gone),
     * SIGKILL if it is still there after 5 s. baresip 1.0's ctrl_tcp has no quit command.
     */
    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        ctrl.close();
    }
}
