package io.switchboard.launcher.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Opens the jar and reads its manifest. A jar still being copied has no central directory yet,
 * so opening it fails here instead of in the framework.
 */
public final class ManifestBundleJarReader implements BundleJarReader {

    @Override
    public String symbolicName(Path jar) throws InvalidBundleJarException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                throw new InvalidBundleJarException("it has no manifest");
            }
            String header = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            if (header == null || header.isBlank()) {
                throw new InvalidBundleJarException("its manifest has no Bundle-SymbolicName");
            }
            // "name;singleton:=true" names the bundle "name".
            return header.split(";", 2)[0].trim();
        } catch (IOException e) {
            throw new InvalidBundleJarException("it is not a readable jar (" + e.getMessage() + ")", e);
        }
    }
}
