package io.switchboard.itests.bench;

import io.switchboard.itests.support.Sipp;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark, not a test: N concurrent calls to the appliance's echo test, held with RTP both ways,
 * measuring what the appliance itself does to packet timing.
 *
 * <ul>
 *   <li>Signalling: one SIPp ({@code bench-uac-media-inf.xml}) places the N calls at {@code --rate}
 *       with {@code -l N}; an injection file gives each call its own local media port, and the
 *       scenario logs each SDP answer's media address.</li>
 *   <li>Media: one {@link MediaReceiver} thread (a selector over one channel per call) and one
 *       {@link MediaSender} thread; no thread per call.</li>
 *   <li>(a) The intro prompt the appliance paces itself (one 20 ms packet per call per pacer
 *       tick): packets later than the limit against their own schedule ({@link ScheduleLateness}).</li>
 *   <li>(b) After one RFC 4733 digit interrupts the intro, a paced 20 ms PCMU stream per call:
 *       echo turnaround (arrival minus our send time, carried in the payload), percentiles, the
 *       share later than the limit over the minimum turnaround, and loss.</li>
 *   <li>The sender's own lateness and the receiver's busy share, so a late result says whose it was.</li>
 * </ul>
 *
 * Exits 0 whether the goal is met or not; 2 on a usage error, 1 when the tool itself failed (SIPp
 * could not run, no call answered).
 *
 * <pre>
 * java -cp ... io.switchboard.itests.bench.ConcurrentRtpBench --port 5060 --calls 1000 --hold-s 20
 * </pre>
 * bench/sipp-concurrent-rtp.sh builds the classpath, starts the appliance and warms it up.
 */
public final class ConcurrentRtpBench {
    static final String SCENARIO = "bench-uac-media-inf.xml";
    private static final Pattern ANSWER = Pattern.compile("answer-media (\\S+) (\\d+) ([0-9.]+) (\\d+)");
    private static final long POLL_MILLIS = 10;
    private static final Duration ECHO_DRAIN = Duration.ofMillis(500);

    private final BenchOptions options;
    private final List<BenchCall> calls = new ArrayList<>();
    private final Map<Integer, BenchCall> byPort = new HashMap<>();

    ConcurrentRtpBench(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        BenchOptions options;
        if (List.of(args).contains("--help")) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        int status;
        try {
            status = new ConcurrentRtpBench(options).run();
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("ConcurrentRtpBench failed: " + e);
            e.printStackTrace(System.err); // a command-line tool: the trace is the diagnosis
            status = 1;
        }
        System.exit(status);
    }

    int run() throws IOException, InterruptedException {
        Sipp.requireInstalled();
        Path work = options.workDir() != null ? Files.createDirectories(options.workDir())
                : Files.createTempDirectory("concurrent-rtp-");
        Path injection = openChannels(work);
        MediaReceiver receiver = new MediaReceiver(calls);
        MediaSender sender = new MediaSender(calls, options);
        HiccupMeter hiccups = new HiccupMeter();
        hiccups.start();
        receiver.start();
        sender.start();
        BenchReport report = new BenchReport(options, calls);
        Sipp sipp = null;
        try {
            System.out.printf("%s: %d calls, media ports %d..%d, SIPp in %s%n", options.label(), options.calls(),
                    calls.get(0).localPort, calls.get(calls.size() - 1).localPort, work.resolve("sipp"));
            Path sippDir = Files.createDirectories(work.resolve("sipp"));
            for (String stale : List.of("log.txt", "stats.csv", "errors.log")) {
                Files.deleteIfExists(sippDir.resolve(stale)); // a previous run's answers would be read as this one's
            }
            sipp = Sipp.scenario(SCENARIO).remote(options.host(), options.port()).localIp(options.bind())
                    .service(options.service()).rate(options.rate()).calls(options.calls()).limit(options.calls())
                    .duration(options.hold()).globalTimeout(options.sippCeiling()).traceMessages(false)
                    .workDir(sippDir).arg("-inf", injection.toString()).start();
            Sipp started = sipp;
            Thread stopSipp = new Thread(() -> {
                if (started.isAlive()) {
                    started.stop(); // the tool was interrupted: SIPp is a separate process, stop it by its PID
                }
            }, "bench-stop-sipp");
            Runtime.getRuntime().addShutdownHook(stopSipp);
            followAnswers(sipp, sippDir.resolve("log.txt"));
            Sipp.Result result = sipp.awaitExit(options.sippCeiling().plusSeconds(30));
            report.sippOk = result.successfulCalls();
            report.sippFailed = result.failedCalls();
            report.sippExit = result.exitCode();
            if (result.exitCode() >= 253 || result.successfulCalls() < 0) {
                System.err.println(result.describe());
                return 1;
            }
            sender.noMoreAnswers();
            sender.join();
            Thread.sleep(ECHO_DRAIN.toMillis()); // the last echoes are still on their way
        } finally {
            if (sipp != null && sipp.isAlive()) {
                sipp.stop();
            }
            sender.stopAndJoin();
            receiver.stopAndJoin();
            hiccups.stopAndJoin();
            for (BenchCall call : calls) {
                call.channel.close();
            }
        }
        report.skippedCycles = sender.skippedCycles();
        report.receiverBusy = receiver.busyShare();
        report.hiccups = hiccups;
        report.compute();
        report.writeCsv(work.resolve("calls.csv"));
        if (options.dumpIntro()) {
            report.writeIntroPackets(work.resolve("intro-packets.csv"));
        }
        report.print(System.out);
        System.out.println("per-call figures: " + work.resolve("calls.csv"));
        return report.answered == 0 ? 1 : 0;
    }

    /**
     * One non-blocking channel per call on an even port of the bind address (RTP convention;
     * RTCP would be the next one, which the appliance does not send to), and the SIPp injection
     * file that hands call {@code i} its port.
     */
    private Path openChannels(Path work) throws IOException {
        InetAddress bind = InetAddress.getByName(options.bind());
        int introCapacity = (int) (Math.max(options.introListen().toMillis(), 6_000) / 20) + 200;
        int streamCapacity = (int) (options.hold().toMillis() / 20) + 16;
        List<DatagramChannel> odd = new ArrayList<>();
        StringBuilder lines = new StringBuilder("SEQUENTIAL\n");
        try {
            while (calls.size() < options.calls()) {
                DatagramChannel channel = DatagramChannel.open();
                channel.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 16);
                channel.bind(new InetSocketAddress(bind, 0));
                int port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
                if (port % 2 != 0) {
                    odd.add(channel); // held until the end so the kernel does not hand it out again
                    continue;
                }
                int index = calls.size();
                long phase = index * BenchCall.PERIOD_NANOS / options.calls();
                BenchCall call = new BenchCall(index, channel, port, phase, introCapacity, streamCapacity);
                calls.add(call);
                byPort.put(port, call);
                lines.append(port).append(";\n");
            }
        } finally {
            for (DatagramChannel channel : odd) {
                channel.close();
            }
        }
        Path file = work.resolve("media-ports.csv");
        Files.writeString(file, lines, StandardCharsets.ISO_8859_1);
        return file;
    }

    /**
     * Tails SIPp's log for "answer-media CALL-ID LOCAL-PORT IP PORT" lines and hands each call its
     * far end, until every call is answered or SIPp ends.
     */
    private void followAnswers(Sipp sipp, Path log) throws IOException, InterruptedException {
        long offset = 0;
        int answered = 0;
        StringBuilder partial = new StringBuilder();
        while (answered < options.calls()) {
            boolean alive = sipp.isAlive();
            if (Files.exists(log)) {
                try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                    long length = file.length();
                    if (length > offset) {
                        byte[] bytes = new byte[(int) (length - offset)];
                        file.seek(offset);
                        file.readFully(bytes);
                        offset = length;
                        long now = System.nanoTime();
                        partial.append(new String(bytes, StandardCharsets.ISO_8859_1));
                        int newline;
                        while ((newline = partial.indexOf("\n")) >= 0) {
                            answered += onLogLine(partial.substring(0, newline), now);
                            partial.delete(0, newline + 1);
                        }
                    }
                }
            }
            if (!alive) {
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private int onLogLine(String line, long now) throws IOException {
        Matcher m = ANSWER.matcher(line);
        if (!m.find()) {
            return 0;
        }
        BenchCall call = byPort.get(Integer.parseInt(m.group(2)));
        if (call == null || call.remote != null) {
            return 0;
        }
        call.answered(m.group(1), new InetSocketAddress(InetAddress.getByName(m.group(3)), Integer.parseInt(m.group(4))), now);
        return 1;
    }
}
