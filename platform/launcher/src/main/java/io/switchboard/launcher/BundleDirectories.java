package io.switchboard.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the shipped jars: {@code <home>/bundles/<level>-<name>/*.jar}, in start-level order, then
 * by directory and file name, so every start installs them in the same order.
 */
public final class BundleDirectories {

    private static final Pattern LEVEL_DIRECTORY = Pattern.compile("(\\d+)-.+");

    /** A shipped jar and the start level its directory gives it. */
    public record ShippedJar(Path jar, int startLevel) {
    }

    private BundleDirectories() {
    }

    public static List<ShippedJar> list(Path bundlesRoot) throws IOException {
        List<ShippedJar> jars = new ArrayList<>();
        if (!Files.isDirectory(bundlesRoot)) {
            return jars;
        }
        try (DirectoryStream<Path> directories = Files.newDirectoryStream(bundlesRoot, Files::isDirectory)) {
            for (Path directory : directories) {
                Matcher matcher = LEVEL_DIRECTORY.matcher(directory.getFileName().toString());
                if (!matcher.matches()) {
                    continue;
                }
                int level = Integer.parseInt(matcher.group(1));
                try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.jar")) {
                    for (Path jar : files) {
                        jars.add(new ShippedJar(jar, level));
                    }
                }
            }
        }
        jars.sort(Comparator.comparingInt(ShippedJar::startLevel)
                .thenComparing(shipped -> shipped.jar().getParent().getFileName().toString())
                .thenComparing(shipped -> shipped.jar().getFileName().toString()));
        return jars;
    }
}
