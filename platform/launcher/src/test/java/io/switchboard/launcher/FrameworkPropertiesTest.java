package io.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.launcher.FrameworkProperties.ConsoleTls;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameworkPropertiesTest {

    private final RunOptions options = new RunOptions(Path.of("/opt/switchboard"), Path.of("/var/lib/switchboard"),
            "10.0.0.5", 5070, 9443, new PortRange(30000, 30999), false, 45);
    private final Map<String, String> properties = FrameworkProperties.of(options, "1.2.3",
            new ConsoleTls(Path.of("/var/lib/switchboard/tls/console.p12"), "secret"));

    @Test
    void switchboardSettingsOfPlatformMd() {
        assertThat(properties).contains(
                Map.entry("switchboard.version", "1.2.3"),
                Map.entry("switchboard.home", "/opt/switchboard"),
                Map.entry("switchboard.data", "/var/lib/switchboard"),
                Map.entry("switchboard.db", "/var/lib/switchboard/switchboard.db"),
                Map.entry("switchboard.bind", "10.0.0.5"),
                Map.entry("switchboard.sip.port", "5070"),
                Map.entry("switchboard.https.port", "9443"),
                Map.entry("switchboard.rtp.ports", "30000-30999"),
                Map.entry("switchboard.demo", "false"),
                Map.entry("switchboard.drain.seconds", "45"));
    }

    @Test
    void felixHttpServesHttpsOnlyWithTheConsoleKeyStore() {
        assertThat(properties).contains(
                Map.entry("org.apache.felix.http.enable", "false"),
                Map.entry("org.apache.felix.https.enable", "true"),
                Map.entry("org.osgi.service.http.port.secure", "9443"),
                Map.entry("org.apache.felix.http.host", "10.0.0.5"),
                Map.entry("org.apache.felix.https.keystore", "/var/lib/switchboard/tls/console.p12"),
                Map.entry("org.apache.felix.https.keystore.password", "secret"),
                Map.entry("org.apache.felix.https.keystore.key.password", "secret"),
                Map.entry("org.apache.felix.https.keystore.type", "PKCS12"));
    }

    @Test
    void frameworkCacheSlf4jAndFileInstall() {
        assertThat(properties).contains(
                Map.entry("org.osgi.framework.storage", "/var/lib/switchboard/cache/felix"),
                Map.entry("org.osgi.framework.storage.clean", "onFirstInit"),
                Map.entry("org.osgi.framework.system.packages.extra",
                        "org.slf4j;version=2.0.16,org.slf4j.spi;version=2.0.16,"
                                + "org.slf4j.event;version=2.0.16,org.slf4j.helpers;version=2.0.16"),
                Map.entry("felix.fileinstall.dir", "/opt/switchboard/conf"),
                Map.entry("felix.fileinstall.filter", ".*\\.cfg"),
                Map.entry("felix.fileinstall.enableConfigSave", "false"),
                Map.entry("felix.fileinstall.noInitialDelay", "true"),
                Map.entry("ds.loglevel", "warn"));
        assertThat(properties).containsKey("felix.fileinstall.poll");
    }

    @Test
    void theExportedSlf4jVersionIsTheBuildsOne() {
        assertThat(ProductVersion.slf4j()).matches("2\\.\\d+\\.\\d+");
    }
}
