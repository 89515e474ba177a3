package io.switchboard.itests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ports on loopback that are free for both TCP and UDP when asked for. */
public final class FreePorts {
    private FreePorts() {
    }

    public static int tcpAndUdp() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = tcp();
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback(), port))) {
                return port;
            } catch (IOException taken) {
                // the kernel gave a TCP port whose UDP twin is busy: ask again
            }
        }
        throw new IllegalStateException("no port free for both TCP and UDP on 127.0.0.1");
    }

    public static int tcp() {
        try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }
}
