package io.switchboard.itests.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The built distribution started as a process, the way an operator runs it. It is stopped by its
 * own PID (the script execs java, so that PID is the JVM); nothing else is ever signalled.
 */
public final class Appliance implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "it-admin-Secret-1";
    private static final Duration START_CEILING = Duration.ofSeconds(90);

    private final Process process;
    private final Path data;
    private final int httpsPort;
    private final int sipPort;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();
    private final List<Waiter> waiters = new CopyOnWriteArrayList<>();

    private Appliance(Process process, Path data, int httpsPort, int sipPort) {
        this.process = process;
        this.data = data;
        this.httpsPort = httpsPort;
        this.sipPort = sipPort;
        pump(process.getInputStream(), stdout);
        pump(process.getErrorStream(), stderr);
    }

    /** The unpacked distribution the build made (appliance-image/target/switchboard-VERSION). */
    public static Path distribution() {
        String dist = System.getProperty("switchboard.dist");
        if (dist == null) {
            throw new IllegalStateException("system property switchboard.dist is not set (run through mvn verify)");
        }
        return Path.of(dist).toAbsolutePath().normalize();
    }

    public static Path launcherScript() {
        return distribution().resolve("bin/switchboard");
    }

    /** Starts {@code switchboard run} on free loopback ports with its own data directory. */
    public static Appliance start(Path data, String... extraArgs) throws IOException {
        return startWith(launcherScript(), data, extraArgs);
    }

    /** Starts the launcher script of another copy of the distribution (one whose conf/ a test changed). */
    public static Appliance startWith(Path launcher, Path data, String... extraArgs) throws IOException {
        int https = FreePorts.tcp();
        int sip = FreePorts.tcpAndUdp();
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "run",
                "--data", data.toString(), "--bind", "127.0.0.1",
                "--sip-port", Integer.toString(sip), "--https-port", Integer.toString(https)));
        command.addAll(List.of(extraArgs));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SWITCHBOARD_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return new Appliance(builder.start(), data, https, sip);
    }

    /** Runs the launcher to completion (for commands that must fail fast) and returns the outcome. */
    public static Result runToExit(Duration ceiling, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcherScript().toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        CompletableFuture<String> out = readAll(p.getInputStream());
        CompletableFuture<String> err = readAll(p.getErrorStream());
        if (!p.waitFor(ceiling.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("launcher did not exit within " + ceiling + ": " + command);
        }
        return new Result(p.exitValue(), out.join(), err.join());
    }

    public record Result(int exitCode, String stdout, String stderr) {
        public List<String> stderrLines() {
            return stderr.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** Waits for the launcher's readiness line; fails with the process output if it dies first. */
    public String awaitStarted() {
        return awaitStdout(line -> line.startsWith("Switchboard ") && line.contains(" started in "), START_CEILING);
    }

    public String awaitStdout(Predicate<String> matcher, Duration ceiling) {
        Waiter waiter = new Waiter(matcher);
        waiters.add(waiter);
        stdout.stream().filter(matcher).findFirst().ifPresent(waiter.line::complete);
        process.onExit().thenRun(() -> waiter.line.completeExceptionally(
                new AssertionError("appliance exited with " + process.exitValue() + " before the expected line\n" + output())));
        try {
            return waiter.line.get(ceiling.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no matching line within " + ceiling + "\n" + output(), e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            waiters.remove(waiter);
        }
    }

    /** SIGTERM to this process only; returns at once (the appliance drains before it exits). */
    public void signalTerm() {
        process.destroy();
    }

    /** The exit status once the process ends by itself; fails past the ceiling. */
    public int awaitExit(Duration ceiling) throws InterruptedException {
        if (!process.waitFor(ceiling.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("appliance did not exit within " + ceiling + "\n" + output());
        }
        return process.exitValue();
    }

    /** SIGTERM to this process only, then its exit status. */
    public int terminate(Duration ceiling) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(ceiling.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("appliance did not stop within " + ceiling + " of SIGTERM\n" + output());
        }
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path data() {
        return data;
    }

    public int httpsPort() {
        return httpsPort;
    }

    public int sipPort() {
        return sipPort;
    }

    public List<String> stdoutLines() {
        return List.copyOf(stdout);
    }

    public String output() {
        return "--- stdout ---\n" + String.join("\n", stdout) + "\n--- stderr ---\n" + String.join("\n", stderr);
    }

    public Https https() throws Exception {
        return Https.trusting(data.resolve("tls/console.p12"), data.resolve("tls/console.pass"), httpsPort);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            terminate(Duration.ofSeconds(120));
        }
    }

    private void pump(InputStream in, List<String> sink) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    sink.add(line);
                    if (sink == stdout) {
                        for (Waiter w : waiters) {
                            if (w.matcher.test(line)) {
                                w.line.complete(line);
                            }
                        }
                    }
                }
            } catch (IOException e) {
                sink.add("[itest: stream closed: " + e.getMessage() + "]");
            }
        }, "appliance-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    private static CompletableFuture<String> readAll(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "[itest: unreadable: " + e.getMessage() + "]";
            }
        });
    }

    private record Waiter(Predicate<String> matcher, CompletableFuture<String> line) {
        Waiter(Predicate<String> matcher) {
            this(matcher, new CompletableFuture<>());
        }
    }

    /** Every file under a directory with its size and modification time, to prove nothing changed. */
    public static List<String> snapshot(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of("<absent>");
        }
        try (var files = Files.walk(dir)) {
            return files.sorted().map(p -> {
                try {
                    return dir.relativize(p) + " " + (Files.isDirectory(p) ? "dir" : Files.size(p)) + " "
                            + Files.getLastModifiedTime(p).toMillis();
                } catch (IOException e) {
                    return dir.relativize(p) + " unreadable";
                }
            }).toList();
        }
    }
}
