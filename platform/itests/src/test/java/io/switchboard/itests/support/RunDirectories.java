package io.switchboard.itests.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where SIP peers keep their working files (scenario copies, traces, recordings): under the
 * module's {@code target/peers/} when the tests run from Maven, so a clean build removes them and
 * a failed run leaves them next to its report; the system's temp directory otherwise.
 */
public final class RunDirectories {
    private RunDirectories() {
    }

    public static Path root() throws IOException {
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            return Files.createDirectories(target.resolve("peers")).toAbsolutePath();
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
