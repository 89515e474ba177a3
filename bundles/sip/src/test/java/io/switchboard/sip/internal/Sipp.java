package io.switchboard.sip.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real SIPp binary against the driver: one scenario from src/test/resources/sipp with its
 * {@code @NAME@} placeholders filled in, one call, on a free port. Only the process it started is
 * ever stopped, by its handle.
 */
public final class Sipp {

    private final Path workDir;
    private Process process;
    private Path log;

    public Sipp(Path workDir) {
        this.workDir = workDir;
    }

    public static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts SIPp towards {@code target} (null for a UAS); {@code args} such as -s, -au, -ap, -i, -p. */
    public Sipp start(String scenario, Map<String, String> values, String target, List<String> args)
            throws IOException {
        String xml;
        try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + scenario)) {
            if (in == null) {
                throw new IOException("no scenario " + scenario);
            }
            xml = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            xml = xml.replace("@" + value.getKey() + "@", value.getValue());
        }
        Path file = Files.createTempFile(workDir, scenario.replace(".xml", "-"), ".xml");
        Files.writeString(file, xml, StandardCharsets.ISO_8859_1);
        log = Files.createTempFile(workDir, "sipp-", ".log");
        List<String> command = new ArrayList<>(List.of("sipp"));
        if (target != null) {
            command.add(target);
        }
        command.addAll(List.of("-sf", file.toString(), "-m", "1",
                "-nostdin", "-timeout", "15s", "-timeout_error", "-trace_err",
                "-error_file", workDir.resolve("errors-" + file.getFileName() + ".log").toString(),
                "-mp", Integer.toString(freeUdpPort())));
        if (!args.contains("-p")) {
            command.addAll(List.of("-p", Integer.toString(freeUdpPort())));
        }
        command.addAll(args);
        process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        return this;
    }

    /** Starts one of SIPp's built-in scenarios (e.g. uas) listening on {@code port}. */
    public Sipp startBuiltIn(String name, int port, List<String> args) throws IOException {
        log = Files.createTempFile(workDir, "sipp-" + name + "-", ".log");
        List<String> command = new ArrayList<>(List.of("sipp", "-sn", name, "-m", "1", "-nostdin",
                "-timeout", "25s", "-timeout_error", "-p", Integer.toString(port),
                "-mp", Integer.toString(freeUdpPort())));
        command.addAll(args);
        process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        return this;
    }

    /** SIPp's exit status (0: the call went as scripted), waiting up to a ceiling. */
    public int await(Duration ceiling) throws InterruptedException, IOException {
        if (!process.waitFor(ceiling.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroy();
            throw new AssertionError("SIPp still running after " + ceiling + "\n" + output());
        }
        return process.exitValue();
    }

    /** Stops SIPp if it still runs (test clean-up). */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    public String output() throws IOException {
        StringBuilder text = new StringBuilder(log == null ? "" : Files.readString(log, StandardCharsets.ISO_8859_1));
        try (var files = Files.list(workDir)) {
            for (Path errors : files.filter(p -> p.getFileName().toString().startsWith("errors-")).toList()) {
                text.append("\n--- ").append(errors.getFileName()).append('\n')
                        .append(Files.readString(errors, StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }
}
