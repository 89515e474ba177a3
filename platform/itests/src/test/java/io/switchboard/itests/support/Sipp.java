package io.switchboard.itests.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the {@code sipp} binary (Debian {@code sip-tester}) with a scenario from
 * {@code src/test/resources/sipp/}, on loopback and free ports, in its own working directory.
 *
 * <p>Every run writes, in {@link #dir()}: the scenario copy, {@code screen.txt} (SIPp's stdout),
 * {@code stderr.txt}, {@code errors.log} ({@code -trace_err}), {@code stats.csv}
 * ({@code -trace_stat}, one row a second and a final row), {@code log.txt} ({@code -trace_logs}:
 * what the scenarios' {@code <log>} actions write, e.g. the media address of an SDP answer) and,
 * unless turned off, {@code messages.log} ({@code -trace_msg}). A test either {@link Builder#run}s a
 * client to its end, or {@link Builder#start}s a server (an agent phone) and {@link #stop}s it by
 * its PID. Nothing is ever signalled by name.
 *
 * <pre>{@code
 * try (Sipp phone = Sipp.scenario("uas-agent-phone.xml").set("answer_port", probe.port()).start()) {
 *     Sipp.Result r = Sipp.scenario("uac-call-media-probe.xml").remote("127.0.0.1", phone.localPort())
 *             .service("300").set("probe_port", probe.port()).set("hold_ms", 500).run(Duration.ofSeconds(20));
 *     assertThat(r.successfulCalls()).as(r.describe()).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>SIPp's exit codes: 0 every call succeeded, 1 at least one failed, 97 stopped by an internal
 * command, 99 normal exit without any call processed, 253 (−3) fatal error or killed while running,
 * 254 (−2) could not bind a socket, 255 (−1) fatal error (often a scenario it cannot load).
 */
public final class Sipp implements AutoCloseable {
    public static final String BINARY = "sipp";
    public static final int BUFF_SIZE = 4 * 1024 * 1024;
    private static final String DIGITS_START = "<!--DIGITS-->";
    private static final String DIGITS_END = "<!--/DIGITS-->";
    private static final Duration STOP_CEILING = Duration.ofSeconds(10);

    public enum Transport {
        UDP("u1"), TCP("t1");

        final String flag;

        Transport(String flag) {
            this.flag = flag;
        }
    }

    private final Process process;
    private final Path dir;
    private final List<String> command;
    private final int localPort;
    private final int mediaPort;
    private Result result;

    private Sipp(Process process, Path dir, List<String> command, int localPort, int mediaPort) {
        this.process = process;
        this.dir = dir;
        this.command = command;
        this.localPort = localPort;
        this.mediaPort = mediaPort;
    }

    /** A run of the named scenario from the {@code sipp/} test resources. */
    public static Builder scenario(String resource) {
        return new Builder(resource);
    }

    /** Fails with a hint when SIPp is not installed (Debian: {@code apt-get install -y sip-tester}). */
    public static void requireInstalled() {
        try {
            Process p = new ProcessBuilder(BINARY, "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("sipp is not installed: apt-get install -y sip-tester", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The SIP port this SIPp listens and sends on. */
    public int localPort() {
        return localPort;
    }

    /** The -mp port (SIPp's own media socket; with -rtp_echo it echoes there and on +2). */
    public int mediaPort() {
        return mediaPort;
    }

    public Path dir() {
        return dir;
    }

    public List<String> command() {
        return command;
    }

    /**
     * A server (no remote) is usable once its SIP port is bound: a caller started earlier would be
     * refused (TCP) or unheard (UDP). Bound means our own bind of that port fails.
     */
    void awaitListening(InetAddress address, Transport transport) {
        try {
            Await.until(STOP_CEILING, () -> bound(address, transport), Boolean::booleanValue);
        } catch (Exception e) {
            throw new AssertionError("sipp never bound " + address.getHostAddress() + ":" + localPort + "\n"
                    + (process.isAlive() ? "" : result().describe()), e);
        }
    }

    private boolean bound(InetAddress address, Transport transport) {
        if (!process.isAlive()) {
            throw new AssertionError("sipp ended before binding its port\n" + result().describe());
        }
        try (java.io.Closeable probe = transport.flag.startsWith("t")
                ? new java.net.ServerSocket(localPort, 1, address)
                : new DatagramSocket(localPort, address)) {
            return false;
        } catch (IOException taken) {
            return true;
        }
    }

    /** Waits for SIPp to end by itself; past the ceiling it is stopped and the test fails. */
    public Result awaitExit(Duration ceiling) {
        try {
            if (!process.waitFor(ceiling.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("sipp did not end within " + ceiling + "\n" + stop().describe());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return result();
    }

    /**
     * Stops a SIPp still running, by its PID: SIGUSR1 first (SIPp then dumps its final statistics
     * and quits), SIGTERM and SIGKILL only if it does not end within a ceiling.
     */
    public Result stop() {
        if (process.isAlive()) {
            signal("USR1");
            if (!waitQuietly(STOP_CEILING)) {
                process.destroy();
                if (!waitQuietly(STOP_CEILING)) {
                    process.destroyForcibly();
                    waitQuietly(STOP_CEILING);
                }
            }
        }
        return result();
    }

    @Override
    public void close() {
        stop();
    }

    /** The outcome; only once the process has ended. */
    public Result result() {
        if (process.isAlive()) {
            throw new IllegalStateException("sipp " + pid() + " is still running");
        }
        if (result == null) {
            result = Result.read(dir, process.exitValue(), command);
        }
        return result;
    }

    /** Lines the scenario's {@code <log>} actions wrote so far. */
    public List<String> logLines() {
        return readLines(dir.resolve("log.txt"));
    }

    /**
     * Waits for the first line of the -log_file that matches (a scenario logs e.g.
     * {@code answer-media CALL-ID IP PORT}); fails if SIPp ends or the ceiling passes first.
     */
    public MatchResult awaitLog(Pattern pattern, Duration ceiling) throws Exception {
        return Await.until(ceiling, () -> {
            Optional<MatchResult> found = logLines().stream().map(pattern::matcher).filter(Matcher::find)
                    .map(Matcher::toMatchResult).findFirst();
            if (found.isEmpty() && !process.isAlive()) {
                throw new AssertionError("sipp ended before logging " + pattern + "\n" + result().describe());
            }
            return found;
        }, Optional::isPresent).orElseThrow();
    }

    /** The media address a {@code answer-media}/{@code offer-media} log line names. */
    public InetSocketAddress awaitMedia(String kind, Duration ceiling) throws Exception {
        MatchResult m = awaitLog(Pattern.compile(Pattern.quote(kind) + " \\S+ ([0-9.]+) ([0-9]+)"), ceiling);
        return new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2)));
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean waitQuietly(Duration ceiling) {
        try {
            return process.waitFor(ceiling.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.ISO_8859_1) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String readText(Path file) {
        return String.join("\n", readLines(file));
    }

    /**
     * A UDP port whose {@code width - 1} successors are free too on that address (SIPp's -mp
     * takes the port and, with -rtp_echo, port + 2; RTP wants the next one for RTCP).
     */
    public static int freeUdpRun(InetAddress address, int width) {
        for (int attempt = 0; attempt < 100; attempt++) {
            List<DatagramSocket> held = new ArrayList<>();
            try {
                DatagramSocket first = new DatagramSocket(new InetSocketAddress(address, 0));
                held.add(first);
                int port = first.getLocalPort();
                if (port % 2 != 0 || port + width > 65535) {
                    continue;
                }
                for (int i = 1; i < width; i++) {
                    held.add(new DatagramSocket(new InetSocketAddress(address, port + i)));
                }
                return port;
            } catch (IOException taken) {
                // a neighbour is busy: ask the kernel again
            } finally {
                held.forEach(DatagramSocket::close);
            }
        }
        throw new IllegalStateException("no run of " + width + " free UDP ports on " + address);
    }

    /** What a finished run did. */
    public record Result(int exitCode, Map<String, String> stats, String errors, String screen, String stderr,
            List<String> log, Path dir, List<String> command) {

        static Result read(Path dir, int exitCode, List<String> command) {
            return new Result(exitCode, finalStats(dir.resolve("stats.csv")), readText(dir.resolve("errors.log")),
                    readText(dir.resolve("screen.txt")), readText(dir.resolve("stderr.txt")),
                    readLines(dir.resolve("log.txt")), dir, command);
        }

        /** The last row of the -trace_stat file, by column name ("SuccessfulCall(C)", ...). */
        static Map<String, String> finalStats(Path csv) {
            List<String> lines = readLines(csv).stream().filter(l -> !l.isBlank()).toList();
            Map<String, String> row = new LinkedHashMap<>();
            if (lines.size() < 2) {
                return row;
            }
            String[] names = lines.get(0).split(";", -1);
            String[] values = lines.get(lines.size() - 1).split(";", -1);
            for (int i = 0; i < Math.min(names.length, values.length); i++) {
                row.put(names[i], values[i]);
            }
            return row;
        }

        /** Cumulative successful calls, or -1 when SIPp wrote no statistics (it did not start). */
        public long successfulCalls() {
            return counter("SuccessfulCall(C)");
        }

        public long failedCalls() {
            return counter("FailedCall(C)");
        }

        public long createdCalls() {
            return counter("TotalCallCreated");
        }

        public long counter(String column) {
            String value = stats.get(column);
            return value == null || value.isBlank() ? -1 : Long.parseLong(value.trim());
        }

        /** Everything useful in an assertion message. */
        public String describe() {
            String tail = screen.length() > 3000 ? screen.substring(screen.length() - 3000) : screen;
            return "sipp exit " + exitCode + ", successful " + successfulCalls() + ", failed " + failedCalls()
                    + "\ncommand: " + String.join(" ", command) + "\ndir: " + dir
                    + "\n--- errors ---\n" + errors + "\n--- stderr ---\n" + stderr
                    + "\n--- log ---\n" + String.join("\n", log) + "\n--- screen (tail) ---\n" + tail;
        }
    }

    /** How to run it; defaults: UDP on 127.0.0.1, free ports, one call for a client. */
    public static final class Builder {
        private final String resource;
        private String remoteHost;
        private int remotePort;
        private String localIp = "127.0.0.1";
        private String mediaIp;
        private int localPort;
        private int mediaPort;
        private Transport transport = Transport.UDP;
        private Integer calls;
        private Double rate;
        private Integer limit;
        private Long durationMs;
        private String service;
        private final Map<String, String> variables = new LinkedHashMap<>();
        private final Map<String, String> keywords = new LinkedHashMap<>();
        private final Map<String, String> replacements = new LinkedHashMap<>();
        private boolean rtpEcho;
        private String authUser;
        private String authPassword;
        private Duration globalTimeout;
        private boolean traceMessages = true;
        private Path workDir;
        private final List<String> extra = new ArrayList<>();

        private Builder(String resource) {
            this.resource = resource;
        }

        /** Where to send (a client); without it SIPp is a server waiting for requests. */
        public Builder remote(String host, int port) {
            this.remoteHost = host;
            this.remotePort = port;
            return this;
        }

        /** Local address for signalling and, unless {@link #mediaIp} says otherwise, media (127.0.0.2 = untrusted peer). */
        public Builder localIp(String ip) {
            this.localIp = ip;
            return this;
        }

        public Builder mediaIp(String ip) {
            this.mediaIp = ip;
            return this;
        }

        public Builder localPort(int port) {
            this.localPort = port;
            return this;
        }

        public Builder mediaPort(int port) {
            this.mediaPort = port;
            return this;
        }

        public Builder transport(Transport transport) {
            this.transport = transport;
            return this;
        }

        /** -m: end after this many calls. */
        public Builder calls(int calls) {
            this.calls = calls;
            return this;
        }

        /** -r: calls per second. */
        public Builder rate(double callsPerSecond) {
            this.rate = callsPerSecond;
            return this;
        }

        /** -l: at most this many calls at once. */
        public Builder limit(int concurrentCalls) {
            this.limit = concurrentCalls;
            return this;
        }

        /** -d: length of a scenario's plain {@code <pause/>}. */
        public Builder duration(Duration duration) {
            this.durationMs = duration.toMillis();
            return this;
        }

        /** -s: the Request-URI user (the dialled number, or the AOR user of a REGISTER). */
        public Builder service(String service) {
            this.service = service;
            return this;
        }

        /**
         * -set: a scenario's global variable ({@code [$name]}). {@code answer_port} defaults to the
         * -mp port for the scenarios that answer with SDP.
         */
        public Builder set(String name, Object value) {
            variables.put(name, String.valueOf(value));
            return this;
        }

        /** -key: a generic keyword ({@code [name]}). */
        public Builder key(String name, Object value) {
            keywords.put(name, String.valueOf(value));
            return this;
        }

        /** Rewrites text in the copied scenario (e.g. a test double's status line). */
        public Builder replace(String text, String with) {
            replacements.put(text, with);
            return this;
        }

        /** For scenarios with a DIGITS block: the RFC 2833 digits SIPp replays, one every 300 ms. */
        public Builder dtmf(String digits) {
            StringBuilder block = new StringBuilder(DIGITS_START).append('\n');
            for (char c : digits.toCharArray()) {
                String name = switch (c) {
                    case '*' -> "star";
                    case '#' -> "pound";
                    default -> {
                        if (c < '0' || c > '9') {
                            throw new IllegalArgumentException("not a DTMF digit SIPp has a capture for: " + c);
                        }
                        yield String.valueOf(c);
                    }
                };
                block.append("  <nop><action><exec play_pcap_audio=\"/usr/share/sip-tester/dtmf_2833_").append(name)
                        .append(".pcap\" /></action></nop>\n  <pause milliseconds=\"300\" />\n");
            }
            replacements.put(DIGITS_START, block.append("  ").toString());
            return this;
        }

        /** -rtp_echo: SIPp echoes RTP arriving on its -mp port (and +2). */
        public Builder rtpEcho() {
            this.rtpEcho = true;
            return this;
        }

        /** -au/-ap: digest credentials for {@code [authentication]}. */
        public Builder auth(String user, String password) {
            this.authUser = user;
            this.authPassword = password;
            return this;
        }

        /** -timeout with -timeout_error: SIPp gives up by itself and fails. */
        public Builder globalTimeout(Duration timeout) {
            this.globalTimeout = timeout;
            return this;
        }

        /** Off for load: -trace_msg writes every message. */
        public Builder traceMessages(boolean on) {
            this.traceMessages = on;
            return this;
        }

        /** Run in this directory instead of a new temporary one. */
        public Builder workDir(Path dir) {
            this.workDir = dir;
            return this;
        }

        public Builder arg(String... args) {
            extra.addAll(List.of(args));
            return this;
        }

        /** Starts SIPp and returns at once (a server, or a client the test watches while it runs). */
        public Sipp start() throws IOException {
            Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory(RunDirectories.root(), "sipp-");
            String scenarioName = Path.of(resource).getFileName().toString();
            String text = scenarioText();
            Files.writeString(dir.resolve(scenarioName), text, StandardCharsets.ISO_8859_1);
            copyResource("tone-pcmu.raw", dir.resolve("tone-pcmu.raw"));
            int sip = localPort != 0 ? localPort : FreePorts.tcpAndUdp();
            String media = mediaIp != null ? mediaIp : localIp;
            int mp = mediaPort != 0 ? mediaPort : freeUdpRun(InetAddress.getByName(media), 4);
            if (text.contains("<Global variables=\"answer_port")) {
                variables.putIfAbsent("answer_port", Integer.toString(mp)); // answer with SIPp's own media port
            }
            List<String> cmd = new ArrayList<>(List.of(BINARY, "-sf", scenarioName, "-i", localIp, "-p",
                    Integer.toString(sip), "-mi", media, "-mp", Integer.toString(mp), "-t", transport.flag,
                    "-buff_size", Integer.toString(BUFF_SIZE), "-nostdin",
                    "-trace_err", "-error_file", "errors.log",
                    "-trace_stat", "-stf", "stats.csv", "-fd", "1",
                    "-trace_logs", "-log_file", "log.txt"));
            if (traceMessages) {
                cmd.addAll(List.of("-trace_msg", "-message_file", "messages.log"));
            }
            optional(cmd, "-m", calls);
            optional(cmd, "-r", rate == null ? null : rate % 1 == 0 ? Long.toString(rate.longValue()) : rate.toString());
            optional(cmd, "-l", limit);
            optional(cmd, "-d", durationMs);
            optional(cmd, "-s", service);
            optional(cmd, "-au", authUser);
            optional(cmd, "-ap", authPassword);
            variables.forEach((k, v) -> cmd.addAll(List.of("-set", k, v)));
            keywords.forEach((k, v) -> cmd.addAll(List.of("-key", k, v)));
            if (rtpEcho) {
                cmd.add("-rtp_echo");
            }
            if (globalTimeout != null) {
                cmd.addAll(List.of("-timeout", globalTimeout.toMillis() + "ms", "-timeout_error"));
            }
            cmd.addAll(extra);
            if (remoteHost != null) {
                cmd.add(remoteHost + ":" + remotePort);
            }
            Process process = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectOutput(dir.resolve("screen.txt").toFile())
                    .redirectError(dir.resolve("stderr.txt").toFile())
                    .start();
            Sipp sipp = new Sipp(process, dir, List.copyOf(cmd), sip, mp);
            if (remoteHost == null) {
                sipp.awaitListening(InetAddress.getByName(localIp), transport);
            }
            return sipp;
        }

        /** Starts SIPp and waits for it to end (a client with {@code -m}). */
        public Result run(Duration ceiling) throws IOException {
            if (remoteHost != null && calls == null) {
                calls = 1;
            }
            return start().awaitExit(ceiling);
        }

        String scenarioText() throws IOException {
            String text = new String(resourceBytes("sipp/" + resource), StandardCharsets.ISO_8859_1);
            if (replacements.containsKey(DIGITS_START)) {
                int from = text.indexOf(DIGITS_START);
                int to = text.indexOf(DIGITS_END);
                if (from < 0 || to < 0) {
                    throw new IllegalArgumentException(resource + " has no DIGITS block");
                }
                text = text.substring(0, from) + replacements.get(DIGITS_START) + text.substring(to);
            }
            for (Map.Entry<String, String> r : replacements.entrySet()) {
                if (r.getKey().equals(DIGITS_START)) {
                    continue;
                }
                if (!text.contains(r.getKey())) {
                    throw new IllegalArgumentException(resource + " does not contain \"" + r.getKey() + "\"");
                }
                text = text.replace(r.getKey(), r.getValue());
            }
            return text;
        }

        private static void optional(List<String> cmd, String flag, Object value) {
            if (value != null) {
                cmd.addAll(List.of(flag, value.toString()));
            }
        }
    }

    static byte[] resourceBytes(String name) throws IOException {
        try (InputStream in = Sipp.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no test resource " + name);
            }
            return in.readAllBytes();
        }
    }

    static void copyResource(String name, Path target) throws IOException {
        Files.write(target, resourceBytes("sipp/" + name));
    }
}
