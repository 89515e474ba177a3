package io.switchboard.launcher;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The framework properties of docs/platform.md: the {@code switchboard.*} settings bundles read
 * with {@code BundleContext.getProperty}, and the settings of Felix, Felix HTTP, File Install and
 * SCR. Pure data, so a test can read what a start would set.
 */
public final class FrameworkProperties {

    /**
     * The slf4j API packages of the launcher's class path, exported by the system bundle at the
     * version the build put there, so bundles log through the launcher's logback.
     */
    static String slf4jPackages(String slf4jVersion) {
        return Stream.of("org.slf4j", "org.slf4j.spi", "org.slf4j.event", "org.slf4j.helpers")
                .map(name -> name + ";version=" + slf4jVersion)
                .collect(Collectors.joining(","));
    }

    static final String FILEINSTALL_POLL_MILLIS = "2000";

    private FrameworkProperties() {
    }

    public static Map<String, String> of(RunOptions options, String version, ConsoleTls tls) {
        DataDirectory data = new DataDirectory(options.data());
        Map<String, String> properties = new TreeMap<>();

        properties.put("switchboard.version", version);
        properties.put("switchboard.home", options.home().toString());
        properties.put("switchboard.data", data.root().toString());
        properties.put("switchboard.db", data.database().toString());
        properties.put("switchboard.bind", options.bind());
        properties.put("switchboard.sip.port", Integer.toString(options.sipPort()));
        properties.put("switchboard.https.port", Integer.toString(options.httpsPort()));
        properties.put("switchboard.rtp.ports", options.rtpPorts().toString());
        properties.put("switchboard.demo", Boolean.toString(options.demo()));
        properties.put("switchboard.drain.seconds", Integer.toString(options.drainSeconds()));

        // The cache is rebuilt from the jars at every start: no stale bundle survives an upgrade.
        properties.put("org.osgi.framework.storage", data.felixCache().toString());
        properties.put("org.osgi.framework.storage.clean", "onFirstInit");
        properties.put("org.osgi.framework.startlevel.beginning", "1");
        properties.put("org.osgi.framework.system.packages.extra", slf4jPackages(ProductVersion.slf4j()));
        properties.put("felix.log.level", "2");

        properties.put("org.apache.felix.http.enable", "false");
        properties.put("org.apache.felix.https.enable", "true");
        properties.put("org.osgi.service.http.port.secure", Integer.toString(options.httpsPort()));
        properties.put("org.apache.felix.http.host", options.bind());
        properties.put("org.apache.felix.https.keystore", tls.keystore().toString());
        properties.put("org.apache.felix.https.keystore.password", tls.password());
        properties.put("org.apache.felix.https.keystore.key.password", tls.password());
        properties.put("org.apache.felix.https.keystore.type", ConsoleKeystore.TYPE);

        properties.put("felix.fileinstall.dir", options.home().resolve("conf").toString());
        properties.put("felix.fileinstall.filter", ".*\\.cfg");
        properties.put("felix.fileinstall.poll", FILEINSTALL_POLL_MILLIS);
        properties.put("felix.fileinstall.noInitialDelay", "true");
        // Pitfall 9: the product owns these files; File Install must never write them back.
        properties.put("felix.fileinstall.enableConfigSave", "false");
        properties.put("felix.fileinstall.tmpdir", data.tmp().toString());

        properties.put("ds.loglevel", "warn");
        return properties;
    }

    /** The key store Felix HTTP serves the console with. */
    public record ConsoleTls(java.nio.file.Path keystore, String password) {
    }
}
