package io.switchboard.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.itests.support.Appliance;
import io.switchboard.itests.support.ApplianceApi;
import io.switchboard.itests.support.Await;
import io.switchboard.itests.support.Https;
import io.switchboard.itests.support.RawSipWire;
import io.switchboard.itests.support.RawSipWire.Answer;
import io.switchboard.itests.support.RawSipWire.Transport;
import io.switchboard.itests.support.RawSipWire.Wire;
import io.switchboard.itests.support.RtpProbe;
import io.switchboard.itests.support.Sipp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bad input never kills the stack. One appliance for the class; every message goes raw to its SIP
 * port from 127.0.0.1, over UDP and over a fresh TCP connection, and must get an error response or
 * silence (nothing within {@link RawSipWire#SILENCE}, 2 s) — never a 5xx other than 503 — after which a
 * well-formed OPTIONS over the same transport must be answered 200. The messages are the RFC 4475
 * torture messages (read from {@code /work/shared/testdata/rfc4475}, never copied into the project)
 * and our own in {@code src/test/resources/robustness/}. Then a burst, RTP from a foreign source
 * during a live echo call, and finally a real call, OPTIONS on both transports, the stack's threads
 * still there ({@code jcmd Thread.print}) and no thread death in the log or on stderr.
 *
 * <p>Each message is one test named after its file; its UDP and TCP runs go at the same time, each
 * on its own socket and followed by its own OPTIONS, so that the 2 s silence ceilings overlap and
 * the class stays near two and a half minutes.
 *
 * <p>What each message got is written to {@code target/sip-robustness-report.tsv} (and printed),
 * with the stack traces the appliance logged but survived; the log itself is kept as
 * {@code target/sip-robustness-switchboard.log}. The stack answers a request at its Via's sent-by
 * (RFC 3261 §18.2.2; over TCP too when the Via names another host or UDP), so most torture
 * messages, whose Vias name example.com hosts, are answered where nobody listens: recorded as
 * silence.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SipRobustnessIT {
    static final Duration CEILING = Duration.ofSeconds(30);
    static final int EVENT_PT = 101;

    @TempDir
    static Path data;
    static Appliance appliance;
    static Https api;
    static String token;
    static ApplianceApi rest;
    static RawSipWire sip;
    static List<String> stackThreadsAtStart;
    static final List<String> report = new CopyOnWriteArrayList<>();
    static final ExecutorService transportThreads = Executors.newFixedThreadPool(Transport.values().length);

    @BeforeAll
    static void start() throws Exception {
        Sipp.requireInstalled();
        tortureDirectory(); // fail before starting anything when the messages are missing
        appliance = Appliance.start(data);
        appliance.awaitStarted();
        api = appliance.https();
        token = api.login("admin", Appliance.ADMIN_PASSWORD);
        rest = new ApplianceApi(api, token);
        sip = new RawSipWire(appliance.sipPort());
        assertThat(sip.options(Transport.UDP).status()).as("the appliance answers OPTIONS before any abuse")
                .isEqualTo(200);
        assertThat(sip.options(Transport.TCP).status()).as("over TCP too").isEqualTo(200);
        stackThreadsAtStart = stackThreads();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (!report.isEmpty()) {
                List<String> lines = new ArrayList<>();
                lines.add("# case\ttransport\texpected\tgot\thow");
                lines.addAll(report);
                Path out = Path.of("target/sip-robustness-report.tsv");
                Files.createDirectories(out.getParent());
                Files.write(out, lines, StandardCharsets.UTF_8);
                System.out.println(String.join("\n", lines));
            }
            Path log = data.resolve("logs/switchboard.log");
            if (Files.isRegularFile(log)) { // kept for reading after the temporary data directory is gone
                Files.copy(log, Path.of("target/sip-robustness-switchboard.log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            transportThreads.shutdownNow();
            if (appliance != null) {
                appliance.close();
            }
        }
    }

    // ---------------------------------------------------------------- RFC 4475

    @TestFactory
    @Order(1)
    Stream<DynamicTest> rfc4475TortureMessagesNeverKillTheStack() throws IOException {
        Path dir = tortureDirectory();
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] column = line.split("\t");
            String file = column[0];
            String expect = column[3];
            byte[] message = Files.readAllBytes(dir.resolve(file));
            tests.add(dynamicTest(file, () -> overEach(Set.of(Transport.values()), transport -> {
                Answer got = sip.exchange(transport, message, RawSipWire.SILENCE);
                record(file, transport, expect, got);
                assertNoServerError(got, file + " over " + transport, allowedServerErrors(expect));
                assertOptionsAnswered(transport, file);
            })));
        }
        return tests.stream();
    }

    /** 5xx the manifest names for a message (505 for SIP/7.0); 503 is always allowed. */
    static Set<Integer> allowedServerErrors(String expect) {
        Set<Integer> allowed = new TreeSet<>(Set.of(503));
        for (String outcome : expect.split(",")) {
            if (outcome.matches("5[0-9][0-9]")) {
                allowed.add(Integer.parseInt(outcome));
            }
        }
        return allowed;
    }

    /**
     * {@code /work/shared/testdata/rfc4475}, found next to the repository: from the distribution's
     * path ({@code <repo>/appliance-image/target/switchboard-V}) or from this module's directory.
     */
    static Path tortureDirectory() {
        List<Path> candidates = new ArrayList<>();
        String dist = System.getProperty("switchboard.dist");
        if (dist != null) {
            Path repo = Path.of(dist).toAbsolutePath().normalize().getParent().getParent().getParent();
            candidates.add(repo.resolve("../shared/testdata/rfc4475").normalize());
        }
        candidates.add(Path.of("../../../shared/testdata/rfc4475").toAbsolutePath().normalize());
        return candidates.stream().filter(p -> Files.isRegularFile(p.resolve("MANIFEST.tsv"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("the RFC 4475 torture messages are missing: no "
                        + "MANIFEST.tsv in " + candidates + " (they live in <repo>/../shared/testdata/rfc4475)"));
    }

    // ---------------------------------------------------------------- our own malformed messages

    /** One message of ours, what it may get, and over which transports it is sent. */
    record Case(String name, Function<Wire, byte[]> message, Set<String> allowed, Set<Transport> transports) {
        static Case of(String resource, String... allowed) {
            return new Case(resource, w -> w.render(resource(resource)), Set.of(allowed), Set.of(Transport.values()));
        }

        Case only(Transport transport) {
            return new Case(name, message, allowed, Set.of(transport));
        }
    }

    static List<Case> ownMessages() {
        return List.of(
                Case.of("truncated-start-line.sip", "400", "silence"),
                Case.of("no-call-id.sip", "400", "silence"),
                // UDP: the datagram is all there is; TCP: the stream stops mid-body, then we close it
                Case.of("content-length-too-large.sip", "400", "silence"),
                // TCP only: a message that never ends (over UDP a datagram always ends)
                Case.of("headers-never-end.sip", "400", "408", "silence").only(Transport.TCP),
                Case.of("huge-max-forwards.sip", "400", "483", "silence"),
                Case.of("negative-cseq.sip", "400", "silence"),
                Case.of("g729-only-invite.sip", "488"),
                Case.of("bye-unknown-dialog.sip", "481"),
                Case.of("cancel-unknown-transaction.sip", "481"),
                Case.of("reinvite-unknown-dialog.sip", "481"),
                Case.of("ack-for-nothing.sip", "silence"),
                new Case("binary-garbage", w -> garbage(4096), Set.of("400", "silence"), Set.of(Transport.values())),
                // above maxMessageSize (64 KiB): 200 KiB of headers over TCP
                new Case("oversized-headers", w -> oversized(w, 200 * 1024), Set.of("400", "413", "513", "silence"),
                        Set.of(Transport.TCP)),
                // UDP cannot carry more than 65,507 bytes, which is under the limit: any answer but a 5xx
                new Case("largest-datagram", w -> oversized(w, 65_507),
                        Set.of("200", "400", "413", "513", "silence"), Set.of(Transport.UDP)));
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> ownMalformedMessagesGetAnErrorOrSilence() {
        return ownMessages().stream().map(c -> dynamicTest(c.name(), () -> overEach(c.transports(), transport -> {
            Answer got;
            try (Wire wire = sip.open(transport)) {
                wire.send(c.message().apply(wire));
                got = wire.awaitFinal(RawSipWire.SILENCE);
            } // closing the TCP connection here is the "closed mid-message" half of the case
            record(c.name(), transport, String.join(",", new TreeSet<>(c.allowed())), got);
            assertThat(got.outcome()).as("%s over %s got %s", c.name(), transport, got.describe())
                    .isIn(c.allowed());
            assertOptionsAnswered(transport, c.name());
        })));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    @Order(3)
    void anInviteWithGarbageSdpIsRefusedAndStartsNoCall(Transport transport) throws Exception {
        long after = rest.lastSeq();
        Answer got;
        try (Wire wire = sip.open(transport)) {
            wire.send(wire.render(resource("sdp-garbage-invite.sip")));
            got = wire.awaitFinal(RawSipWire.SILENCE);
        }
        record("sdp-garbage-invite.sip", transport, "400,488", got);
        assertThat(got.status()).as("an unreadable offer: %s", got.describe()).isIn(400, 488);
        assertThat(rest.entries(after, "call.started")).as("no call starts from an unreadable offer").isEmpty();
        assertOptionsAnswered(transport, "sdp-garbage-invite.sip");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    @Order(4)
    void aBurstOf200RequestsIsAnsweredOrShedAndTheStackRecovers(Transport transport) throws Exception {
        TreeMap<String, Integer> outcomes = new TreeMap<>();
        List<Wire> wires = new ArrayList<>();
        try {
            // UDP: 200 datagrams from one socket; TCP: 200 fresh connections, each with one request
            Wire udp = transport == Transport.UDP ? sip.open(transport) : null;
            for (int i = 0; i < 200; i++) {
                Wire wire = udp != null ? udp : sip.open(transport);
                if (udp == null || i == 0) {
                    wires.add(wire);
                }
                wire.send(wire.render(resource("burst-options.sip").replace("[n]", Integer.toString(i))));
            }
            for (int i = 0; i < 200; i++) {
                Answer got = wires.get(udp != null ? 0 : i).awaitFinal(RawSipWire.SILENCE);
                outcomes.merge(got.outcome(), 1, Integer::sum);
                assertNoServerError(got, "burst request " + i + " over " + transport, Set.of(503));
                if (got.silent() && udp != null) {
                    break; // the rest of the burst was shed without an answer
                }
            }
        } finally {
            wires.forEach(Wire::close);
        }
        report.add("burst-200-options\t" + transport + "\t200,503,silence\t" + outcomes + "\t");
        assertOptionsAnswered(transport, "a burst of 200 requests");
    }

    // ---------------------------------------------------------------- media

    @Test
    @Order(5)
    void rtpFromAForeignSourceIsNotEchoedAndTheCallGoesOn() throws Exception {
        long after = rest.lastSeq();
        try (RtpProbe probe = RtpProbe.open();
                RtpProbe intruder = RtpProbe.open();
                Sipp caller = Sipp.scenario("uac-call-media-probe.xml").calls(1)
                        .remote("127.0.0.1", appliance.sipPort()).service("300").set("probe_port", probe.port())
                        .set("hold_ms", 8000).start()) {
            InetSocketAddress media = caller.awaitMedia("answer-media", CEILING);
            probe.remote(media);
            probe.awaitPackets(10, CEILING);
            probe.sendDigits("5", EVENT_PT); // leave the prompt: from now on the echo test echoes
            probe.awaitSent(CEILING);
            rest.awaitEntry(after, "call.bridged", CEILING);

            probe.sendStream(RtpProbe.PCMU, RtpProbe.tone(RtpProbe.PCMU, 440, Duration.ofMillis(400)),
                    Duration.ofSeconds(3));
            intruder.remote(media).sendStream(RtpProbe.PCMU,
                    RtpProbe.tone(RtpProbe.PCMU, 1000, Duration.ofMillis(400)), Duration.ofSeconds(1));
            intruder.awaitSent(CEILING);
            probe.awaitSent(CEILING);
            Await.until(CEILING, probe::echoedPackets, n -> n >= 120);
            assertThat(intruder.echoedPackets()).as("the foreign sender gets none of its packets back").isZero();
            assertQuietFor(RawSipWire.SILENCE, intruder::packets, "RTP to the foreign sender");

            Sipp.Result result = caller.awaitExit(CEILING);
            assertThat(result.successfulCalls()).as("the call went on to its end: " + result.describe())
                    .isEqualTo(1);
        }
        assertThat(rest.awaitEntry(after, "call.ended", CEILING).path("data").path("cause").asText()).isEqualTo("NORMAL");
    }

    // ---------------------------------------------------------------- afterwards

    @Test
    @Order(99)
    void afterAllOfItARealCallSucceedsAndNoJainSipThreadDied() throws Exception {
        try (RtpProbe probe = RtpProbe.open()) {
            Sipp.Result result = Sipp.scenario("uac-call-media-probe.xml").calls(1)
                    .remote("127.0.0.1", appliance.sipPort()).service("300").set("probe_port", probe.port())
                    .set("hold_ms", 1000).run(CEILING);
            assertThat(result.successfulCalls()).as(result.describe()).isEqualTo(1);
            assertThat(probe.packets()).as("the echo test's prompt reached the caller").isPositive();
        }
        assertThat(appliance.isAlive()).as("the appliance process").isTrue();
        assertThat(sip.options(Transport.UDP).status()).as("OPTIONS over UDP at the end").isEqualTo(200);
        assertThat(sip.options(Transport.TCP).status()).as("OPTIONS over TCP at the end").isEqualTo(200);
        assertThat(stackThreads()).as("the SIP stack's own threads, then and now").containsAll(stackThreadsAtStart);

        Path log = data.resolve("logs/switchboard.log");
        assertThat(log).isRegularFile();
        // the RI logs whole datagrams; NULs and other bytes are no text, so read it as Latin-1
        List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        traces(lines).forEach(t -> report.add("logged-trace	-	none that kills a thread	" + t + "	"));
        List<String> dead = deadThreads(lines);
        dead.addAll(deadThreads(appliance.output().lines().toList()));
        assertThat(dead).as("threads that died (log and stderr)").isEmpty();
    }

    /**
     * Lines that show a thread dying: the JVM's "Exception in thread" for an exception that ended a
     * thread, and the errors that end one however they are caught (OutOfMemoryError,
     * StackOverflowError, ThreadDeath). An exception the RI catches and logs on a thread that goes
     * on is not counted here; {@link #traces} lists those in the report.
     */
    static List<String> deadThreads(List<String> lines) {
        return lines.stream().filter(l -> l.contains("Exception in thread") || l.contains("OutOfMemoryError")
                || l.contains("StackOverflowError") || l.contains("ThreadDeath")).map(SipRobustnessIT::clip)
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    /** Each logged stack trace as "log line / exception line", clipped: the report's findings. */
    static List<String> traces(List<String> lines) {
        List<String> found = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith("\tat ") && !lines.get(i - 1).startsWith("\tat ")) {
                int header = i - 1;
                while (header > 0 && !LOG_LINE.matcher(lines.get(header)).lookingAt()) {
                    header--;
                }
                found.add(clip(lines.get(header)) + " / " + clip(lines.get(i - 1)) + " " + lines.get(i).trim());
            }
        }
        return found;
    }

    static String clip(String line) {
        String text = line.replaceAll("[\\x00-\\x1f]", " ");
        return text.length() > 240 ? text.substring(0, 240) + "…" : text;
    }

    /** The start of a log line (ISO time). */
    static final java.util.regex.Pattern LOG_LINE = java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T");

    /**
     * Names of the JAIN-SIP stack's threads in the appliance (named after the stack,
     * {@code switchboard-sip.<port>-…}: the UDP readers and message channel threads), from {@code jcmd
     * PID Thread.print}. A reader that died is missing from this list even when OPTIONS still get
     * answered by the others.
     */
    static List<String> stackThreads() throws Exception {
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(appliance.pid()), "Thread.print")
                .redirectErrorStream(true).start();
        String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jcmd.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).as("jcmd ends").isTrue();
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\"(switchboard-sip[.-][^\"]*)\"").matcher(dump);
        while (m.find()) {
            names.add(m.group(1));
        }
        assertThat(names).as("jcmd Thread.print shows the stack's threads:\n" + clip(dump)).isNotEmpty();
        return names;
    }

    // ---------------------------------------------------------------- helpers

    interface TransportCheck {
        void run(Transport transport) throws Exception;
    }

    /**
     * Runs one case over each transport at the same time (each on its own socket, each followed by
     * its own OPTIONS): the silence ceilings overlap, which keeps the class within its time budget.
     */
    static void overEach(Set<Transport> transports, TransportCheck check) throws Throwable {
        List<CompletableFuture<Void>> runs = transports.stream().sorted()
                .map(t -> CompletableFuture.runAsync(() -> {
                    try {
                        check.run(t);
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                }, transportThreads)).toList();
        Throwable first = null;
        for (CompletableFuture<Void> run : runs) {
            try {
                run.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                if (first == null) {
                    first = cause;
                } else {
                    first.addSuppressed(cause);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    static void assertOptionsAnswered(Transport transport, String after) {
        Answer ok = sip.options(transport);
        assertThat(ok.status()).as("OPTIONS over %s right after %s: %s; appliance alive: %s", transport, after,
                ok.describe(), appliance.isAlive()).isEqualTo(200);
    }

    static void assertNoServerError(Answer got, String what, Set<Integer> allowed) {
        if (got.status() >= 500 && got.status() < 600) {
            assertThat(got.status()).as("%s: a server error means the input hurt the appliance: %s", what,
                    got.describe()).isIn(allowed);
        }
    }

    /** Fails as soon as {@code count} moves off zero within {@code window}; passes at its end. */
    static void assertQuietFor(Duration window, java.util.function.LongSupplier count, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(count.getAsLong()).as(what).isZero();
            Thread.sleep(50); // poll interval while watching for something that must not happen
        }
        assertThat(count.getAsLong()).as(what).isZero();
    }

    static void record(String name, Transport transport, String expected, Answer got) {
        report.add(name + "\t" + transport + "\t" + expected + "\t" + got.outcome() + "\t"
                + (got.silent() ? got.how() : got.statusLine()));
    }

    static String resource(String name) {
        try (InputStream in = SipRobustnessIT.class.getResourceAsStream("/robustness/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource robustness/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes that are no SIP at all, the same every run. */
    static byte[] garbage(int length) {
        byte[] bytes = new byte[length];
        new Random(4475).nextBytes(bytes);
        return bytes;
    }

    /** A well-formed OPTIONS made about {@code length} bytes long by one filler header after another. */
    static byte[] oversized(Wire wire, int length) {
        String options = new String(wire.render(resource("burst-options.sip").replace("[n]", "oversized")),
                StandardCharsets.UTF_8);
        int end = options.indexOf("Content-Length:");
        StringBuilder text = new StringBuilder(options.substring(0, end));
        String filler = "X-Filler: " + "f".repeat(100) + "\r\n";
        while (text.length() + filler.length() + options.length() - end <= length) {
            text.append(filler);
        }
        return text.append(options.substring(end)).toString().getBytes(StandardCharsets.UTF_8);
    }



}
