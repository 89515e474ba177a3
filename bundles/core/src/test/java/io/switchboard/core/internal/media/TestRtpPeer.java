package io.switchboard.core.internal.media;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** The far end of an RTP stream in a test: a real UDP socket on 127.0.0.1. */
final class TestRtpPeer implements AutoCloseable {

    static final int CEILING_MILLIS = 5000;

    /** A packet the peer received. */
    record Packet(boolean marker, int payloadType, int sequence, long timestamp, int ssrc, byte[] payload) {
        int event() {
            return payload[0] & 0xFF;
        }

        boolean end() {
            return (payload[1] & 0x80) != 0;
        }

        int duration() {
            return ((payload[2] & 0xFF) << 8) | (payload[3] & 0xFF);
        }
    }

    private final DatagramSocket socket;
    private int ssrc;
    private int sequence = 1000;

    TestRtpPeer(int ssrc) throws IOException {
        this.ssrc = ssrc;
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(CEILING_MILLIS);
    }

    /** Changes the SSRC it sends with, as a far end does after a re-INVITE or an upstream transfer. */
    void ssrc(int ssrc) {
        this.ssrc = ssrc;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Sends an RTP packet with the next sequence number. */
    void send(InetSocketAddress to, int payloadType, long timestamp, boolean marker, byte[] payload) throws IOException {
        sendWithSequence(to, payloadType, sequence++, timestamp, marker, payload);
    }

    void sendWithSequence(InetSocketAddress to, int payloadType, int seq, long timestamp, boolean marker, byte[] payload) throws IOException {
        ByteBuffer packet = ByteBuffer.allocate(12 + payload.length);
        packet.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | payloadType)).putShort((short) seq)
                .putInt((int) timestamp).putInt(ssrc).put(payload);
        socket.send(new DatagramPacket(packet.array(), packet.capacity(), to));
    }

    /** Sends one RFC 4733 packet. */
    void sendEvent(InetSocketAddress to, int payloadType, long timestamp, int event, boolean end, int duration) throws IOException {
        byte[] payload = {(byte) event, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8), (byte) duration};
        send(to, payloadType, timestamp, false, payload);
    }

    /** The next packet, failing after the ceiling. */
    Packet receive() throws IOException {
        byte[] buffer = new byte[2048];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(datagram);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no RTP packet within " + CEILING_MILLIS + " ms", e);
        }
        ByteBuffer in = ByteBuffer.wrap(buffer, 0, datagram.getLength());
        int first = in.get() & 0xFF;
        if (first >> 6 != 2) {
            throw new AssertionError("not RTP version 2");
        }
        int second = in.get() & 0xFF;
        int seq = in.getShort() & 0xFFFF;
        long ts = in.getInt() & 0xFFFFFFFFL;
        int packetSsrc = in.getInt();
        byte[] payload = Arrays.copyOfRange(buffer, 12, datagram.getLength());
        return new Packet((second & 0x80) != 0, second & 0x7F, seq, ts, packetSsrc, payload);
    }

    /** The next packet whose payload type is {@code payloadType}, skipping others. */
    Packet receive(int payloadType) throws IOException {
        while (true) {
            Packet packet = receive();
            if (packet.payloadType() == payloadType) {
                return packet;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
