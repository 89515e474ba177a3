package io.switchboard.launcher;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.util.StatusPrinter2;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Points logback at {@code <home>/conf/logback.xml}, or at the default embedded in this jar, once
 * {@code switchboard.data} is set (both configurations log under it). Bundles log through the
 * same logback: the system bundle exports {@code org.slf4j} from this class path.
 */
public final class LoggingSetup {

    static final String EMBEDDED = "logback-default.xml";

    private LoggingSetup() {
    }

    /** Returns where the configuration came from, for the first log line. */
    public static String configure(Path home) throws JoranException {
        LoggerContext context = loggerContext();
        Path shipped = home.resolve("conf").resolve("logback.xml");
        URL configuration;
        try {
            configuration = Files.isRegularFile(shipped) ? shipped.toUri().toURL()
                    : LoggingSetup.class.getResource(EMBEDDED);
        } catch (java.net.MalformedURLException e) {
            throw new JoranException("Cannot name " + shipped + " as a URL", e);
        }
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(configuration);
        // Errors in the configuration would otherwise go unseen: logback keeps them in its status.
        new StatusPrinter2().printInCaseOfErrorsOrWarnings(context);

        // java.util.logging (Jetty's and the JDK's) goes to the same files.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        return configuration.toString();
    }

    /** Writes out what is buffered and closes the files; the last thing before the JVM halts. */
    public static void stop() {
        SLF4JBridgeHandler.uninstall();
        loggerContext().stop();
    }

    private static LoggerContext loggerContext() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }
}
