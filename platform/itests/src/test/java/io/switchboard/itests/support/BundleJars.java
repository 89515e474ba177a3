package io.switchboard.itests.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * Real bundle jars for hot-update tests: a built bundle copied with another Bundle-Version, and a
 * jar landed in a deploy directory the way an operator should do it (written beside the target
 * under a name the watcher ignores, then moved over it in one step).
 */
public final class BundleJars {
    private BundleJars() {
    }

    /**
     * Copies every entry of {@code source} into {@code target}, in the same order, and changes
     * only the manifest's Bundle-Version header.
     */
    public static Path withVersion(Path source, Path target, String version) throws IOException {
        Files.createDirectories(target.getParent());
        try (JarFile in = new JarFile(source.toFile(), false);
                OutputStream file = Files.newOutputStream(target);
                JarOutputStream out = new JarOutputStream(file)) {
            Enumeration<JarEntry> entries = in.entries();
            boolean rewritten = false;
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (JarFile.MANIFEST_NAME.equalsIgnoreCase(entry.getName())) {
                    Manifest manifest = new Manifest(in.getManifest());
                    manifest.getMainAttributes().putValue("Bundle-Version", version);
                    manifest.write(out);
                    rewritten = true;
                } else {
                    try (InputStream content = in.getInputStream(entry)) {
                        content.transferTo(out);
                    }
                }
                out.closeEntry();
            }
            if (!rewritten) {
                throw new IOException(source + " has no " + JarFile.MANIFEST_NAME);
            }
        }
        return target;
    }

    /** The Bundle-Version a jar's manifest declares. */
    public static String version(Path jar) throws IOException {
        try (JarFile in = new JarFile(jar.toFile(), false)) {
            return in.getManifest().getMainAttributes().getValue("Bundle-Version");
        }
    }

    /**
     * Puts {@code jar} into {@code deployDir} as {@code name}, replacing what is there in one atomic
     * rename: the watcher never sees a half-written jar (its glob skips the dot-file partial).
     */
    public static Path deploy(Path jar, Path deployDir, String name) throws IOException {
        Path target = deployDir.resolve(name);
        Path partial = deployDir.resolve("." + name + ".part");
        Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING);
        return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
