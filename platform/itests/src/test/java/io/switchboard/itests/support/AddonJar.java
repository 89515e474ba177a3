package io.switchboard.itests.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/** Writes a minimal but valid add-on bundle: a manifest and one resource naming its version. */
public final class AddonJar {
    private AddonJar() {
    }

    public static void write(Path jar, String symbolicName, String version) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Name", "Test add-on " + version);
        // Written beside the target and moved in, the way an operator's copy should land.
        Path partial = jar.resolveSibling("." + jar.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(partial);
             JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.putNextEntry(new ZipEntry("addon/version.txt"));
            jarOut.write(version.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            jarOut.closeEntry();
        }
        Files.move(partial, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
