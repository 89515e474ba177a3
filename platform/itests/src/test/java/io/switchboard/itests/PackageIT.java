package io.switchboard.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.itests.support.Appliance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packages an operator receives, read with the tools a Debian admin would use (tar,
 * dpkg-deb): the tarball's layout and the .deb's files, conffiles, unit and control data.
 */
class PackageIT {
    private static final String VERSION = System.getProperty("switchboard.version");
    private static final Path TARGET = Appliance.distribution().getParent();

    @Test
    void tarballHoldsTheDistributionUnderOneVersionedFolder() throws Exception {
        Path tarball = TARGET.resolve("switchboard-" + VERSION + ".tar.gz");
        List<String> entries = run("tar", "-tzvf", tarball.toString()).lines().toList();
        String top = "switchboard-" + VERSION + "/";

        assertThat(entries).allSatisfy(line -> assertThat(line).contains(top));
        assertThat(entries).anySatisfy(line -> assertThat(line).startsWith("-rwxr-xr-x").endsWith(top + "bin/switchboard"));
        assertThat(names(entries)).contains(top + "README.md", top + "conf/logback.xml", top + "deploy/README.txt",
                top + "bundles/3-core/io.switchboard.store-" + VERSION + ".jar",
                top + "bundles/4-app/io.switchboard.console-" + VERSION + ".jar",
                top + "lib/io.switchboard.launcher-" + VERSION + ".jar");
    }

    @Test
    void debianPackageInstallsUnderOptWithConffilesAndAServiceUnit() throws Exception {
        String deb = TARGET.resolve("switchboard_" + VERSION + "_all.deb").toString();

        String control = run("dpkg-deb", "-f", deb);
        assertThat(control).contains("Package: switchboard", "Architecture: all", "Depends: ");

        List<String> files = names(run("dpkg-deb", "-c", deb).lines().toList());
        assertThat(files).contains("./opt/switchboard/bin/switchboard", "./etc/switchboard/logback.xml",
                "./lib/systemd/system/switchboard.service", "./etc/default/switchboard");
        assertThat(run("dpkg-deb", "-c", deb)).contains("./opt/switchboard/conf -> /etc/switchboard");

        assertThat(run("dpkg-deb", "-I", deb, "conffiles").lines())
                .contains("/etc/switchboard/logback.xml", "/etc/default/switchboard");

        String unit = run("sh", "-c", "dpkg-deb --fsys-tarfile '" + deb
                + "' | tar -xOf - ./lib/systemd/system/switchboard.service");
        assertThat(unit).contains("User=switchboard", "--data /var/lib/switchboard", "--no-demo",
                "KillSignal=SIGTERM", "TimeoutStopSec=");
        String postinst = run("dpkg-deb", "-I", deb, "postinst");
        assertThat(postinst).contains("/var/lib/switchboard");
    }

    /** The last field of each `tar -tv` / `dpkg-deb -c` line, or the part before " -> " of a link. */
    private static List<String> names(List<String> listing) {
        return listing.stream().map(line -> {
            String withoutLink = line.contains(" -> ") ? line.substring(0, line.indexOf(" -> ")) : line;
            return withoutLink.substring(withoutLink.lastIndexOf(' ') + 1);
        }).toList();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
