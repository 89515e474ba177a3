package io.switchboard.sip.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Which of our addresses goes into Via, Contact and SDP towards a peer: the bind address, or when
 * bound to all addresses, the one the routing table would send from (a connected UDP socket sends
 * nothing). Immutable.
 */
public final class LocalAddresses {

    private final InetAddress bind;

    public LocalAddresses(InetAddress bind) {
        this.bind = bind;
    }

    public InetAddress bind() {
        return bind;
    }

    public InetAddress towards(InetAddress peer) {
        if (!bind.isAnyLocalAddress()) {
            return bind;
        }
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(new InetSocketAddress(peer, 9));
            InetAddress local = probe.getLocalAddress();
            return local == null || local.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : local;
        } catch (IOException e) {
            throw new UncheckedIOException("no route to " + peer, e);
        }
    }
}
