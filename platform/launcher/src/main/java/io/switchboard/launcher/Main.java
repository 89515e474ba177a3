package io.switchboard.launcher;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code java -Dswitchboard.home=<install dir> -cp "<home>/lib/*" io.switchboard.launcher.Main ...}
 * (the distribution's {@code bin/switchboard}).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Instant processStart = ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
        PrintWriter out = new PrintWriter(System.out, true, Charset.defaultCharset());
        PrintWriter err = new PrintWriter(System.err, true, Charset.defaultCharset());
        Path workingDirectory = Path.of("").toAbsolutePath();
        var launcher = new Launcher(ProductVersion.read(), out, err, processStart);
        int status = new CommandLineInterface(launcher, home(workingDirectory), workingDirectory, out, err)
                .execute(args);
        System.exit(status);
    }

    /**
     * {@code switchboard.home}, else the directory above the {@code lib/} this jar sits in, else
     * the working directory (running from a build tree).
     */
    static Path home(Path workingDirectory) {
        String property = System.getProperty("switchboard.home");
        if (property != null && !property.isBlank()) {
            return workingDirectory.resolve(property).toAbsolutePath().normalize();
        }
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = jar.getParent();
            if (Files.isRegularFile(jar) && lib != null && lib.getFileName().toString().equals("lib")
                    && lib.getParent() != null) {
                return lib.getParent();
            }
        } catch (java.net.URISyntaxException | SecurityException e) {
            // No usable code source: fall through to the working directory.
            return workingDirectory;
        }
        return workingDirectory;
    }
}
