package io.switchboard.launcher.deploy;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * A jar in a deploy directory as one scan saw it. Two scans that see the same size and
 * modification time tell the deployer that nobody is still writing it.
 */
public record DeployFile(Path path, long size, long lastModifiedNanos) {

    /** Lists the {@code *.jar} files directly in these directories; a missing directory adds none. */
    public static List<DeployFile> list(List<Path> directories) throws IOException {
        List<DeployFile> files = new ArrayList<>();
        for (Path directory : directories) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(directory, "*.jar")) {
                for (Path jar : jars) {
                    BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
                    if (attributes.isRegularFile()) {
                        files.add(new DeployFile(jar, attributes.size(),
                                attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)));
                    }
                }
            }
        }
        return files;
    }
}
