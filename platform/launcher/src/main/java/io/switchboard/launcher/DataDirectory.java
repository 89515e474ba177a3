package io.switchboard.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The data directory's layout (docs/platform.md). {@link #create()} is the first thing that
 * writes to disk, and it runs only after {@link Preflight} passed.
 */
public final class DataDirectory {

    public static final String DATABASE = "switchboard.db";
    public static final List<String> SUBDIRECTORIES = List.of("logs", "deploy", "cache", "tmp", "tls");

    private final Path root;

    public DataDirectory(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path database() {
        return root.resolve(DATABASE);
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path deploy() {
        return root.resolve("deploy");
    }

    /** Felix's bundle cache; cleaned at every start because it is rebuilt from the jars. */
    public Path felixCache() {
        return root.resolve("cache").resolve("felix");
    }

    public Path tmp() {
        return root.resolve("tmp");
    }

    public Path tls() {
        return root.resolve("tls");
    }

    public Path keystore() {
        return tls().resolve("console.p12");
    }

    public Path keystorePassword() {
        return tls().resolve("console.pass");
    }

    /** Creates what is missing and leaves what exists; {@code tls/} is kept to its owner. */
    public void create() throws IOException {
        Files.createDirectories(root);
        for (String name : SUBDIRECTORIES) {
            Files.createDirectories(root.resolve(name));
        }
        if (Files.getFileStore(tls()).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(tls(), PosixFilePermissions.fromString("rwx------"));
        }
    }
}
