package io.switchboard.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.itests.support.Appliance;
import io.switchboard.itests.support.Await;
import io.switchboard.itests.support.BundleJars;
import io.switchboard.itests.support.Https;
import io.switchboard.itests.support.RtpProbe;
import io.switchboard.itests.support.Sipp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hot-upgrade rule end to end: the test controller is replaced in {@code deploy/} while 20
 * calls are under it and their callers keep typing. Core parks the calls while no controller
 * named {@code test} is registered, queues their digits, and hands calls and digits to the new
 * version; no call drops and no digit is lost or reordered.
 */
class HotUpdateIT {
    static final Duration CEILING = Duration.ofSeconds(30);
    static final int CALLS = 20;
    static final int EVENT_PT = 101;
    static final String BUNDLE = "io.switchboard.testcontroller";
    static final String JAR_NAME = "test-controller.jar";
    /**
     * 19 digits, 220 ms apart (RtpProbe's pace): about 4 s of typing, while the deploy watcher
     * acts on the moved jar after two scans a second apart and the swap itself takes milliseconds.
     */
    static final String ACROSS = "1234567890987654321";
    /** 220 ms (one digit) over 20 callers. */
    static final Duration PHASE = Duration.ofMillis(11);

    @TempDir
    Path temp;
    Appliance appliance;
    Https api;
    String token;
    final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        try {
            for (int i = open.size() - 1; i >= 0; i--) {
                open.get(i).close();
            }
        } finally {
            if (appliance != null) {
                appliance.close();
            }
        }
    }

    @Test
    void replacingTheControllerUnderTwentyTypingCallersDropsNoCallAndLosesNoDigit() throws Exception {
        // given: the appliance with test controller 1.0.0 and route 900 -> test
        Sipp.requireInstalled();
        Path data = Files.createDirectories(temp.resolve("data"));
        appliance = Appliance.start(data);
        appliance.awaitStarted();
        api = appliance.https();
        token = api.login("admin", Appliance.ADMIN_PASSWORD);
        Path built = Path.of(System.getProperty("switchboard.testcontroller", "missing"));
        assertThat(built).as("the test controller is built before the integration tests").isRegularFile();
        Path v100 = BundleJars.withVersion(built, temp.resolve("jars/test-controller-1.0.0.jar"), "1.0.0");
        Path v110 = BundleJars.withVersion(built, temp.resolve("jars/test-controller-1.1.0.jar"), "1.1.0");
        assertThat(BundleJars.version(v110)).isEqualTo("1.1.0");
        BundleJars.deploy(v100, data.resolve("deploy"), JAR_NAME);
        Https.Reply route = api.post("/routes", token, Map.of("id", "900", "pattern", "900", "controller", "test"));
        assertThat(route.status()).as(route.body()).isEqualTo(201);
        Await.until(CEILING, () -> bundle(BUNDLE), b -> b != null && "1.0.0".equals(b.path("version").asText())
                && "ACTIVE".equals(b.path("state").asText()));

        // and: 20 callers, each with its own RTP probe as media, answered by 1.0.0
        long after = lastSeq();
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            RtpProbe probe = RtpProbe.open();
            open.add(probe);
            Sipp sipp = Sipp.scenario("uac-call-wait-bye.xml").calls(1).remote("127.0.0.1", appliance.sipPort())
                    .service("900").set("probe_port", probe.port()).globalTimeout(Duration.ofMinutes(2)).start();
            open.add(sipp);
            lines.add(new Line(i, probe, sipp, String.format("%02d", i), ACROSS, "*" + (i % 10)));
        }
        for (Line line : lines) {
            line.probe.remote(line.sipp.awaitMedia("answer-media", CEILING));
        }
        Await.until(CEILING, this::calls, calls -> calls.size() == CALLS && calls.stream()
                .allMatch(c -> "1.0.0".equals(c.path("attached").path("handledBy").asText())));
        Map<String, Line> byCall = matchCallsToCallers(after, lines);
        assertThat(entries(after, "call.answered")).hasSize(CALLS);

        // when: every caller types its own two digits, which 1.0.0 takes
        long beforeUpdate = lastSeq();
        for (Line line : lines) {
            line.probe.sendDigits(line.before, EVENT_PT);
        }
        Await.until(CEILING, this::calls, calls -> calls.size() == CALLS && calls.stream().allMatch(c ->
                byCall.get(c.path("id").asText()).before.equals(c.path("attached").path("digits").asText())));
        for (Line line : lines) {
            line.probe.awaitSent(CEILING);
        }

        // and: every caller keeps typing, one digit every 220 ms, while 1.1.0 replaces 1.0.0
        startStaggered(lines);
        BundleJars.deploy(v110, data.resolve("deploy"), JAR_NAME);
        long moved = System.nanoTime();
        Await.until(CEILING, () -> bundle(BUNDLE), b -> b != null && "1.1.0".equals(b.path("version").asText())
                && "ACTIVE".equals(b.path("state").asText()));
        System.out.printf("HotUpdateIT: 1.1.0 ACTIVE %d ms after the jar was moved in%n",
                (System.nanoTime() - moved) / 1_000_000);
        for (Line line : lines) {
            line.probe.awaitSent(CEILING);
        }

        // and: every caller types two more digits, which only 1.1.0 can take
        for (Line line : lines) {
            line.probe.sendDigits(line.after, EVENT_PT);
        }
        for (Line line : lines) {
            line.probe.awaitSent(CEILING);
        }

        // then: every call is live under 1.1.0 with every digit its caller sent, in order
        List<JsonNode> live = Await.until(CEILING, this::calls, calls -> calls.size() == CALLS
                && calls.stream().allMatch(c -> handledWithAllDigits(c, byCall, "1.1.0")));
        for (JsonNode call : live) {
            Line line = byCall.get(call.path("id").asText());
            assertThat(call.path("controller").asText()).as("call %s", line.index).isEqualTo("test");
            assertThat(call.path("attached").path("digits").asText()).as("call %s", line.index)
                    .isEqualTo(line.digits());
        }
        assertThat(live.stream().map(c -> c.path("id").asText()).collect(Collectors.toSet()))
                .isEqualTo(byCall.keySet());

        // and: the journal shows each call parked and handed back, and none ended
        Map<String, List<JsonNode>> journal = journalByCall(beforeUpdate, byCall.keySet());
        List<Long> parkedMillis = new ArrayList<>();
        int digitsBefore = 0;
        int digitsQueued = 0;
        int digitsBetween = 0;
        int digitsAfter = 0;
        for (Map.Entry<String, List<JsonNode>> e : journal.entrySet()) {
            List<String> types = e.getValue().stream().map(j -> j.path("type").asText()).toList();
            String label = "call " + byCall.get(e.getKey()).index + " (" + e.getKey() + "): " + types;
            assertThat(types).as(label).doesNotContain("call.ended", "call.park.expired");
            // Core parks every call of a controller the moment its service goes, not only the
            // calls that have an event meanwhile, so each call shows exactly one of each.
            assertThat(types.stream().filter("call.parked"::equals).count()).as(label).isEqualTo(1);
            assertThat(types.stream().filter("call.unparked"::equals).count()).as(label).isEqualTo(1);
            assertThat(types.indexOf("call.parked")).as(label).isLessThan(types.indexOf("call.unparked"));
            assertThat(types.stream().filter("call.digit"::equals).count()).as(label)
                    .isEqualTo(byCall.get(e.getKey()).digits().length());
            int parkedAt = types.indexOf("call.parked");
            int unparkedAt = types.indexOf("call.unparked");
            JsonNode unparked = e.getValue().get(unparkedAt);
            parkedMillis.add(unparked.path("data").path("parkedMillis").asLong());
            digitsQueued += unparked.path("data").path("queuedEvents").asInt();
            for (int i = 0; i < types.size(); i++) {
                if ("call.digit".equals(types.get(i)) && i < parkedAt) {
                    digitsBefore++;
                } else if ("call.digit".equals(types.get(i)) && i > unparkedAt) {
                    digitsAfter++;
                } else if ("call.digit".equals(types.get(i))) {
                    digitsBetween++;
                }
            }
        }
        parkedMillis.sort(null);
        System.out.printf("HotUpdateIT: parkedMillis over %d calls: min %d, median %d, max %d, all %s%n",
                parkedMillis.size(), parkedMillis.get(0), parkedMillis.get(parkedMillis.size() / 2),
                parkedMillis.get(parkedMillis.size() - 1), parkedMillis);
        // A digit is journalled as it arrives and queued or delivered when its turn comes on the
        // call's executor, so near call.parked and call.unparked the journal's order and the park
        // queue can differ by a digit: "between" and "queued" need not be equal.
        System.out.printf("HotUpdateIT: digits journalled before call.parked %d, between call.parked and"
                + " call.unparked %d, after call.unparked %d; events handed over from the park queue %d%n",
                digitsBefore, digitsBetween, digitsAfter, digitsQueued);
        assertThat(digitsBefore).as("each caller's first two digits reached 1.0.0").isGreaterThanOrEqualTo(2 * CALLS);

        // finally: '#' makes 1.1.0 hang up every call; every caller gets its BYE
        for (Line line : lines) {
            line.probe.sendDigits("#", EVENT_PT);
        }
        for (Line line : lines) {
            Sipp.Result result = line.sipp.awaitExit(CEILING);
            assertThat(result.exitCode()).as("caller %s: %s", line.index, result.describe()).isZero();
            assertThat(result.successfulCalls()).as("caller %s: %s", line.index, result.describe()).isEqualTo(1);
        }
        Await.until(CEILING, this::calls, List::isEmpty);
    }

    /**
     * A caller: its SIPp, the probe its SDP points at, and the digits it types before, across and
     * after the update (its own index first, so no two callers type the same).
     */
    record Line(int index, RtpProbe probe, Sipp sipp, String before, String across, String after) {
        String digits() {
            return before + across + after;
        }
    }

    /** Call id to caller, by the SIP source port each call's {@code call.offered} names. */
    Map<String, Line> matchCallsToCallers(long after, List<Line> lines) throws Exception {
        Map<String, Line> bySource = new HashMap<>();
        lines.forEach(l -> bySource.put("127.0.0.1:" + l.sipp.localPort(), l));
        Map<String, Line> byCall = new LinkedHashMap<>();
        for (JsonNode offered : entries(after, "call.offered")) {
            Line line = bySource.get(offered.path("data").path("details").path("source").asText());
            assertThat(line).as("caller of %s", offered).isNotNull();
            byCall.put(offered.path("callId").asText(), line);
        }
        assertThat(Set.copyOf(byCall.values())).hasSize(CALLS);
        return byCall;
    }

    /**
     * Starts each caller's run of digits {@link #PHASE} after the previous one, so the callers'
     * digits reach core evenly spread over the 220 ms a digit takes: whenever the swap happens,
     * some caller's digit lands while the controller is away. This spreads load; it waits for
     * nothing.
     */
    static void startStaggered(List<Line> lines) throws Exception {
        ScheduledExecutorService stagger = Executors.newSingleThreadScheduledExecutor();
        try {
            List<ScheduledFuture<?>> starts = new ArrayList<>();
            for (Line line : lines) {
                starts.add(stagger.schedule(() -> line.probe.sendDigits(line.across, EVENT_PT),
                        PHASE.toNanos() * line.index, TimeUnit.NANOSECONDS));
            }
            for (ScheduledFuture<?> start : starts) {
                start.get(CEILING.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            stagger.shutdownNow();
        }
    }

    static boolean handledWithAllDigits(JsonNode call, Map<String, Line> byCall, String version) {
        Line line = byCall.get(call.path("id").asText());
        JsonNode attached = call.path("attached");
        return line != null && version.equals(attached.path("handledBy").asText())
                && line.digits().equals(attached.path("digits").asText());
    }

    JsonNode bundle(String name) throws Exception {
        for (JsonNode b : api.get("/bundles", token).json()) {
            if (name.equals(b.path("name").asText())) {
                return b;
            }
        }
        return null;
    }

    List<JsonNode> calls() throws Exception {
        Https.Reply reply = api.get("/calls", token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<JsonNode> calls = new ArrayList<>();
        reply.json().forEach(calls::add);
        return calls;
    }

    long lastSeq() throws Exception {
        List<JsonNode> all = journal(0);
        return all.isEmpty() ? 0 : all.get(all.size() - 1).path("seq").asLong();
    }

    List<JsonNode> entries(long after, String type) throws Exception {
        return journal(after).stream().filter(e -> type.equals(e.path("type").asText())).toList();
    }

    Map<String, List<JsonNode>> journalByCall(long after, Set<String> callIds) throws Exception {
        Map<String, List<JsonNode>> byCall = new LinkedHashMap<>();
        callIds.forEach(id -> byCall.put(id, new ArrayList<>()));
        for (JsonNode entry : journal(after)) {
            List<JsonNode> of = byCall.get(entry.path("callId").asText());
            if (of != null) {
                of.add(entry);
            }
        }
        return byCall;
    }

    /** Every journal entry after {@code after}, oldest first. */
    List<JsonNode> journal(long after) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        long seq = after;
        while (true) {
            JsonNode page = api.get("/journal?after=" + seq + "&limit=1000", token).json();
            if (page.isEmpty()) {
                return all;
            }
            for (JsonNode entry : page) {
                all.add(entry);
                seq = entry.path("seq").asLong();
            }
        }
    }
}
