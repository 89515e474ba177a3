package io.switchboard.launcher;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks the machine and the data directory before anything is written (CONTRACT.md: a bad
 * environment gives one clear line and exit 2 with nothing in the data directory changed).
 * Only reads and short-lived socket binds happen here.
 */
public final class Preflight {

    private final RunOptions options;
    private final DataDirectory dataDirectory;

    public Preflight(RunOptions options) {
        this.options = options;
        this.dataDirectory = new DataDirectory(options.data());
    }

    public void check() throws PreflightException {
        InetAddress bind = BindAddress.parse(options.bind());
        checkTcpPortFree(bind, options.sipPort(), "SIP port");
        checkUdpPortFree(bind, options.sipPort(), "SIP port");
        checkTcpPortFree(bind, options.httpsPort(), "HTTPS port");
        checkDataDirectoryWritable();
        checkDatabase();
        new ConsoleKeystore(dataDirectory).checkExisting();
    }

    private void checkTcpPortFree(InetAddress bind, int port, String what) throws PreflightException {
        // Felix HTTP's Jetty and the SIP stack both listen with SO_REUSEADDR, as ServerSocket
        // does by default, so a socket lingering in TIME_WAIT is no conflict here either.
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(bind, port));
        } catch (IOException e) {
            throw portProblem(e, what, port, "tcp");
        }
    }

    private void checkUdpPortFree(InetAddress bind, int port, String what) throws PreflightException {
        try (DatagramSocket socket = new DatagramSocket(null)) {
            socket.bind(new InetSocketAddress(bind, port));
        } catch (SocketException e) {
            throw portProblem(e, what, port, "udp");
        }
    }

    private PreflightException portProblem(IOException e, String what, int port, String protocol) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Cannot assign requested address")) {
            return new PreflightException("--bind " + options.bind() + " is not an address of this machine", e);
        }
        if (e instanceof BindException && message.contains("in use")) {
            return new PreflightException(String.format("%s %d/%s on %s is already in use", what, port, protocol,
                    options.bind()), e);
        }
        return new PreflightException(String.format("cannot listen on %s %d/%s on %s: %s", what, port, protocol,
                options.bind(), message), e);
    }

    private void checkDataDirectoryWritable() throws PreflightException {
        Path data = dataDirectory.root();
        Path existing = data;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new PreflightException("data directory " + data + " cannot be created: no part of its path exists");
        }
        String reason = existing.equals(data) ? "" : " (its nearest existing parent is " + existing + ")";
        if (!Files.isDirectory(existing)) {
            throw new PreflightException("data directory " + data + " is not writable: " + existing
                    + " is not a directory");
        }
        if (!Files.isWritable(existing)) {
            throw new PreflightException("data directory " + data + " is not writable" + reason);
        }
        if (existing.equals(data)) {
            for (String name : DataDirectory.SUBDIRECTORIES) {
                Path child = data.resolve(name);
                if (Files.exists(child) && !(Files.isDirectory(child) && Files.isWritable(child))) {
                    throw new PreflightException("data directory " + data + " is not usable: " + child
                            + " is not a writable directory");
                }
            }
        }
    }

    private void checkDatabase() throws PreflightException {
        Path database = dataDirectory.database();
        try {
            String problem = DatabaseFile.problem(database);
            if (problem != null) {
                throw new PreflightException("not a Switchboard database: " + problem);
            }
        } catch (IOException e) {
            throw new PreflightException("cannot read " + database + ": " + e.getMessage(), e);
        }
    }
}
