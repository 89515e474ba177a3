package io.switchboard.itests.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns the calls' records into the summary block and a per-call CSV. Everything is computed
 * after the run, from the raw per-packet values, so percentiles and late shares are exact.
 */
final class BenchReport {
    private final BenchOptions options;
    private final List<BenchCall> calls;
    private final long limitNanos;

    // calls
    long sippOk = -1;
    long sippFailed = -1;
    int sippExit;
    int answered;
    int mediaOk;
    int sourceMismatch;
    // intro: the appliance's paced stream
    long introPackets;
    long introLate;
    long introMissing;
    long introOverflow;
    long[] introLateness = new long[0];
    // echo
    long echoed;
    long echoExpected;
    long echoLate;
    long echoDuplicates;
    int[] turnaround = new int[0];
    int[] firstEchoed = new int[0];
    int callsWithoutEcho;
    // sender
    int[] sendLate = new int[0];
    long sendLateOverLimit;
    long sendFailures;
    long skippedCycles;
    double receiverBusy;
    HiccupMeter hiccups;
    long introLateInStall;
    long echoLateInStall;
    long eventsReceived;
    long otherReceived;

    BenchReport(BenchOptions options, List<BenchCall> calls) {
        this.options = options;
        this.calls = calls;
        this.limitNanos = options.lateLimit().toNanos();
    }

    void compute() {
        int introTotal = calls.stream().mapToInt(c -> c.introCount).sum();
        introLateness = new long[introTotal];
        int at = 0;
        for (BenchCall c : calls) {
            long[] lateness = new long[c.introCount];
            introLate += ScheduleLateness.late(c.introTimestamp, c.introArrival, c.introSsrc, c.introCount, limitNanos, lateness);
            introMissing += ScheduleLateness.missing(c.introSeq, c.introSsrc, c.introCount);
            for (int i = 0; i < c.introCount; i++) {
                if (lateness[i] > limitNanos && hiccups != null
                        && hiccups.overlaps(c.introArrival[i] - lateness[i], c.introArrival[i])) {
                    introLateInStall++;
                }
            }
            System.arraycopy(lateness, 0, introLateness, at, lateness.length);
            at += lateness.length;
            introPackets += c.introCount;
            introOverflow += c.introOverflow;
            if (c.remote != null) {
                answered++;
                if (c.introSource != null && !c.introSource.equals(c.remote)) {
                    sourceMismatch++;
                }
            }
            echoed += c.echoCount;
            echoExpected += c.echoExpected();
            echoDuplicates += c.echoDuplicates;
            sendFailures += c.sendFailures;
            eventsReceived += c.eventsReceived;
            otherReceived += c.otherReceived;
            if (c.remote != null && c.audioSent > 0 && c.echoCount == 0) {
                callsWithoutEcho++;
            }
            if (c.introCount > 0 && c.echoCount > 0) {
                mediaOk++;
            }
        }
        Arrays.sort(introLateness);
        turnaround = concat(calls.stream().map(c -> Arrays.copyOf(c.echoMicros, c.echoCount)).toList());
        Arrays.sort(turnaround);
        if (turnaround.length > 0) {
            long bound = turnaround[0] + limitNanos / 1000;
            echoLate = turnaround.length - upperIndex(turnaround, bound);
            for (BenchCall c : calls) {
                for (int i = 0; i < c.echoCount; i++) {
                    long arrival = c.echoArrival[i];
                    if (c.echoMicros[i] > bound && hiccups != null
                            && hiccups.overlaps(arrival - c.echoMicros[i] * 1000L, arrival)) {
                        echoLateInStall++;
                    }
                }
            }
        }
        firstEchoed = calls.stream().filter(c -> c.firstEchoed >= 0).mapToInt(c -> c.firstEchoed).sorted().toArray();
        sendLate = concat(calls.stream().map(c -> Arrays.copyOf(c.sendLateMicros, c.sendLateCount)).toList());
        Arrays.sort(sendLate);
        sendLateOverLimit = sendLate.length - upperIndex(sendLate, limitNanos / 1000);
    }

    /** Did the run meet "fewer than 1 % of packets later than the limit", with every call up? */
    boolean goalMet() {
        return answered == options.calls() && sippFailed == 0 && introPackets > 0 && echoed > 0
                && share(introLate, introPackets) < 1.0 && share(echoLate, echoed) < 1.0
                && share(echoExpected - echoed, echoExpected) < 1.0;
    }

    void print(PrintStream out) {
        long limitMs = options.lateLimit().toMillis();
        out.println();
        out.printf(Locale.ROOT, "=== ConcurrentRtpBench %s: %d calls to %s:%d number %s, %.0f calls/s, hold %d s, digit %s after %d ms ===%n",
                options.label(), options.calls(), options.host(), options.port(), options.service(), options.rate(),
                options.hold().toSeconds(), options.digit() ? "sent" : "not sent", options.introListen().toMillis());
        out.printf(Locale.ROOT, "calls            SIPp %d ok / %d failed (exit %d); answered %d; media both ways %d; "
                + "intro source != SDP answer %d%n", sippOk, sippFailed, sippExit, answered, mediaOk, sourceMismatch);
        out.printf(Locale.ROOT, "intro (appliance-paced)  %d packets, late >%d ms: %d (%s); missing (seq gaps) %d%s%n",
                introPackets, limitMs, introLate, percent(introLate, introPackets), introMissing,
                introOverflow > 0 ? "; not recorded (capacity) " + introOverflow : "");
        out.printf(Locale.ROOT, "  lateness vs schedule   p50 %s  p99 %s  p99.9 %s  max %s%n",
                ms(pct(introLateness, 0.5)), ms(pct(introLateness, 0.99)), ms(pct(introLateness, 0.999)),
                ms(introLateness.length == 0 ? -1 : introLateness[introLateness.length - 1]));
        out.printf(Locale.ROOT, "echo turnaround  %d echoed of %d sent after the echo began, lost %d (%s), duplicates %d; "
                + "calls without echo %d%n", echoed, echoExpected, echoExpected - echoed,
                percent(echoExpected - echoed, echoExpected), echoDuplicates, callsWithoutEcho);
        out.printf(Locale.ROOT, "  turnaround             min %s  p50 %s  p99 %s  p99.9 %s  max %s%n",
                ms(micros(turnaround, 0)), ms(microsPct(turnaround, 0.5)), ms(microsPct(turnaround, 0.99)),
                ms(microsPct(turnaround, 0.999)), ms(micros(turnaround, turnaround.length - 1)));
        out.printf(Locale.ROOT, "  late >%d ms over min   %d (%s)%n", limitMs, echoLate, percent(echoLate, echoed));
        out.printf(Locale.ROOT, "  echo began at packet   median #%d, max #%d (earlier packets: before the bridge)%n",
                firstEchoed.length == 0 ? -1 : firstEchoed[firstEchoed.length / 2],
                firstEchoed.length == 0 ? -1 : firstEchoed[firstEchoed.length - 1]);
        out.printf(Locale.ROOT, "sender (this tool)  %d packets, late vs own schedule p50 %s  p99 %s  p99.9 %s  max %s; "
                + ">%d ms %d (%s); send failures %d; skipped 20 ms cycles %d%n", sendLate.length,
                ms(microsPct(sendLate, 0.5)), ms(microsPct(sendLate, 0.99)), ms(microsPct(sendLate, 0.999)),
                ms(micros(sendLate, sendLate.length - 1)), limitMs, sendLateOverLimit,
                percent(sendLateOverLimit, sendLate.length), sendFailures, skippedCycles);
        out.printf(Locale.ROOT, "receiver (this tool)  busy %.0f %% of its time; telephone-events back %d; other packets %d%n",
                receiverBusy * 100, eventsReceived, otherReceived);
        if (hiccups != null) {
            out.printf(Locale.ROOT, "tool stalls (this JVM woke >%d ms late)  %d, longest %s, total %s; late packets whose way "
                    + "overlaps one: intro %d of %d, echo %d of %d%n", HiccupMeter.THRESHOLD_NANOS / 1_000_000,
                    hiccups.stalls(), ms(hiccups.longestNanos()), ms(hiccups.totalNanos()), introLateInStall, introLate,
                    echoLateInStall, echoLate);
        }
        if (share(sendLateOverLimit, sendLate.length) >= 0.1 || skippedCycles > 0 || receiverBusy > 0.8) {
            out.println("WARNING: the tool itself was late or saturated: these figures measure the tool, not the appliance");
        }
        out.printf(Locale.ROOT, "RESULT %s calls=%d answered=%d sipp_failed=%d intro_late=%s echo_late=%s echo_lost=%s "
                + "echo_p99=%s echo_p99.9=%s sender_p99.9=%s goal(<1%% late >%d ms)=%s%n", options.label(),
                options.calls(), answered, sippFailed, percent(introLate, introPackets), percent(echoLate, echoed),
                percent(echoExpected - echoed, echoExpected), ms(microsPct(turnaround, 0.99)),
                ms(microsPct(turnaround, 0.999)), ms(microsPct(sendLate, 0.999)), limitMs, goalMet() ? "MET" : "MISSED");
    }

    void writeCsv(Path file) throws IOException {
        long bound = turnaround.length == 0 ? Long.MAX_VALUE : turnaround[0] + limitNanos / 1000;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            w.println("call;local_port;call_id;remote;intro_packets;intro_late;intro_missing;audio_sent;first_echoed;"
                    + "echoed;lost;echo_late;echo_max_ms;send_late_max_ms;send_failures");
            for (BenchCall c : calls) {
                long late = 0;
                int max = 0;
                for (int i = 0; i < c.echoCount; i++) {
                    late += c.echoMicros[i] > bound ? 1 : 0;
                    max = Math.max(max, c.echoMicros[i]);
                }
                int sendMax = 0;
                for (int i = 0; i < c.sendLateCount; i++) {
                    sendMax = Math.max(sendMax, c.sendLateMicros[i]);
                }
                long[] ignored = new long[c.introCount];
                w.printf(Locale.ROOT, "%d;%d;%s;%s;%d;%d;%d;%d;%d;%d;%d;%d;%.3f;%.3f;%d%n", c.index, c.localPort,
                        c.callId == null ? "" : c.callId, c.remote == null ? "" : c.remote.getAddress().getHostAddress() + ":" + c.remote.getPort(),
                        c.introCount, ScheduleLateness.late(c.introTimestamp, c.introArrival, c.introSsrc, c.introCount, limitNanos, ignored),
                        ScheduleLateness.missing(c.introSeq, c.introSsrc, c.introCount), c.audioSent, c.firstEchoed,
                        c.echoCount, c.echoExpected() - c.echoCount, late, max / 1000.0, sendMax / 1000.0, c.sendFailures);
            }
        }
    }

    /** Every intro packet as received: call, RTP sequence, timestamp, SSRC, arrival (ns, monotonic). */
    void writeIntroPackets(Path file) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            w.println("call;seq;timestamp;ssrc;arrival_ns");
            for (BenchCall c : calls) {
                for (int i = 0; i < c.introCount; i++) {
                    w.printf(Locale.ROOT, "%d;%d;%d;%d;%d%n", c.index, c.introSeq[i], c.introTimestamp[i] & 0xffffffffL,
                            c.introSsrc[i] & 0xffffffffL, c.introArrival[i]);
                }
            }
        }
    }

    private static int[] concat(List<int[]> parts) {
        int[] all = new int[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    /** In a sorted array: the index of the first value above {@code bound}. */
    private static int upperIndex(int[] sorted, long bound) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= bound) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static int index(int length, double q) {
        return Math.min(length - 1, Math.max(0, (int) Math.ceil(q * length) - 1));
    }

    private static long pct(long[] sorted, double q) {
        return sorted.length == 0 ? -1 : sorted[index(sorted.length, q)];
    }

    private static long microsPct(int[] sorted, double q) {
        return sorted.length == 0 ? -1 : sorted[index(sorted.length, q)] * 1000L;
    }

    private static long micros(int[] sorted, int i) {
        return sorted.length == 0 ? -1 : sorted[i] * 1000L;
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }

    static double share(long part, long whole) {
        return whole <= 0 ? 0 : 100.0 * part / whole;
    }

    private static String percent(long part, long whole) {
        return whole <= 0 ? "n/a" : String.format(Locale.ROOT, "%.3f %%", share(part, whole));
    }
}
