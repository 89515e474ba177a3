package io.switchboard.launcher.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.launcher.deploy.BundleJarReader.InvalidBundleJarException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestBundleJarReaderTest {

    @TempDir
    Path temp;

    private final ManifestBundleJarReader reader = new ManifestBundleJarReader();

    static byte[] jarBytes(String symbolicName) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (symbolicName != null) {
            manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
            manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        }
        var bytes = new ByteArrayOutputStream();
        try (var jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new ZipEntry("com/vendor/readme.txt"));
            jar.write("x".repeat(5000).getBytes(StandardCharsets.US_ASCII));
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void readsTheSymbolicNameWithoutItsDirectives() throws Exception {
        Path jar = Files.write(temp.resolve("dialer.jar"), jarBytes("com.vendor.dialer;singleton:=true"));

        assertThat(reader.symbolicName(jar)).isEqualTo("com.vendor.dialer");
    }

    @Test
    void aHalfCopiedJarIsNotABundleJarYet() throws Exception {
        byte[] whole = jarBytes("com.vendor.dialer");
        Path jar = Files.write(temp.resolve("dialer.jar"), Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> reader.symbolicName(jar))
                .isInstanceOf(InvalidBundleJarException.class)
                .hasMessageStartingWith("it is not a readable jar");
    }

    @Test
    void aPlainJarIsNotABundleJar() throws Exception {
        Path jar = Files.write(temp.resolve("library.jar"), jarBytes(null));

        assertThatThrownBy(() -> reader.symbolicName(jar)).hasMessage("its manifest has no Bundle-SymbolicName");
    }

    @Test
    void deployFilesListsOnlyJars() throws Exception {
        Path deploy = Files.createDirectories(temp.resolve("deploy"));
        Files.write(deploy.resolve("a.jar"), jarBytes("a"));
        Files.writeString(deploy.resolve("notes.txt"), "x");
        Files.createDirectories(deploy.resolve("dir.jar"));

        assertThat(DeployFile.list(java.util.List.of(deploy, temp.resolve("missing"))))
                .extracting(DeployFile::path).containsExactly(deploy.resolve("a.jar"));
    }
}
