package io.switchboard.launcher;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** This machine's name, for the certificate and the console URL. */
final class HostName {

    private static final Logger LOG = LoggerFactory.getLogger(HostName.class);

    private HostName() {
    }

    static String local() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // A box whose own name does not resolve still gets a console reachable as localhost.
            LOG.warn("This machine's host name does not resolve; using localhost", e);
            return "localhost";
        }
    }
}
