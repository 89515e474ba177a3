package io.switchboard.sip.internal.stack;

import gov.nist.javax.sip.message.SIPMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import javax.sip.message.Message;

/**
 * The one place we reach into the RI's classes. JAIN-SIP's API has no way to ask where a request
 * came from at the packet level; the Via's sent-by is whatever the sender wrote, so trusting trunks
 * by it would let anyone in. The RI's message class records the packet's source address.
 */
public final class NistAdapter {

    private NistAdapter() {
    }

    /** The address and port the message's packet (or connection) came from; null for one we built. */
    public static InetSocketAddress source(Message message) {
        if (!(message instanceof SIPMessage sip)) {
            return null;
        }
        InetAddress address = sip.getPeerPacketSourceAddress();
        int port = sip.getPeerPacketSourcePort();
        if (address == null) {
            address = sip.getRemoteAddress();
            port = sip.getRemotePort();
        }
        return address == null ? null : new InetSocketAddress(address, port);
    }
}
