package io.switchboard.card.internal.jna;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The simulator's control socket as a test drives it: one request line, the whole reply back. */
public final class SimcardControlClient {

    private final Path socket;

    public SimcardControlClient(Path socket) {
        this.socket = socket;
    }

    public String request(String line) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer reply = ByteBuffer.allocate(64 * 1024);
            while (channel.read(reply) >= 0 && reply.hasRemaining()) {
                // until the simulator closes the connection
            }
            return new String(reply.array(), 0, reply.position(), StandardCharsets.US_ASCII);
        }
    }

    /** Sends a request that must succeed; its reply. */
    public String ok(String line) throws IOException {
        String reply = request(line);
        if (!reply.startsWith("OK")) {
            throw new AssertionError("'" + line + "' was refused: " + reply.strip());
        }
        return reply;
    }
}
