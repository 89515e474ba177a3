package io.switchboard.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The product version and the slf4j version, filtered into a resource of this jar by the build. */
public final class ProductVersion {

    private static final String RESOURCE = "switchboard-version.properties";

    private ProductVersion() {
    }

    public static String read() {
        return properties().getProperty("version");
    }

    /** The slf4j-api version the build put on the launcher's class path. */
    public static String slf4j() {
        return properties().getProperty("slf4j.version");
    }

    private static Properties properties() {
        try (InputStream in = ProductVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the launcher jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
