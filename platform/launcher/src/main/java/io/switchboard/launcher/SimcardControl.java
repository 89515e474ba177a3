package io.switchboard.launcher;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The simulator card's control socket ({@code <data>/simcard/control.sock}) as the
 * {@code switchboard simcard} commands use it: one request line, the reply lines, the simulator
 * closes the connection. See drivers/simcard-native/README.md for the protocol.
 */
public interface SimcardControl {

    /** The reply: {@code ok} with the first line's detail and any further lines, or the reason it was refused. */
    record Reply(boolean ok, String detail, String body) {
    }

    /** Nobody answers on the socket: no appliance runs with that data directory, or it has no card. */
    final class Unreachable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unreachable(String message) {
            super(message);
        }
    }

    Reply send(Path dataDirectory, String request, Duration timeout) throws Unreachable;

    static Path socket(Path dataDirectory) {
        return dataDirectory.resolve("simcard").resolve("control.sock");
    }

    /** Talks to the socket for real. */
    static SimcardControl overSocket() {
        return (dataDirectory, request, timeout) -> {
            Path socket = socket(dataDirectory);
            if (!Files.exists(socket)) {
                throw new Unreachable("no appliance with a simulator card runs with data directory " + dataDirectory
                        + " (no " + socket + ")");
            }
            try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                channel.connect(UnixDomainSocketAddress.of(socket));
                channel.write(ByteBuffer.wrap((request + "\n").getBytes(StandardCharsets.UTF_8)));
                return parse(readUntilClosed(channel, timeout));
            } catch (IOException e) {
                throw new Unreachable("the simulator card at " + socket + " does not answer: " + e.getMessage());
            }
        };
    }

    private static String readUntilClosed(SocketChannel channel, Duration timeout) throws IOException, Unreachable {
        channel.configureBlocking(false);
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        StringBuilder reply = new StringBuilder();
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new Unreachable("the simulator card did not finish its reply within " + timeout.toSeconds() + " s");
                }
                selector.select(Math.max(1, left / 1_000_000));
                buffer.clear();
                int read = channel.read(buffer);
                if (read < 0) {
                    return reply.toString();
                }
                reply.append(new String(buffer.array(), 0, read, StandardCharsets.UTF_8));
            }
        }
    }

    private static Reply parse(String text) throws Unreachable {
        int end = text.indexOf('\n');
        String first = (end < 0 ? text : text.substring(0, end)).strip();
        String body = end < 0 ? "" : text.substring(end + 1);
        if (first.equals("OK") || first.startsWith("OK ")) {
            return new Reply(true, first.substring(2).strip(), body);
        }
        if (first.startsWith("ERR")) {
            return new Reply(false, first.substring(3).strip(), body);
        }
        throw new Unreachable("the simulator card answered something unexpected: '" + first + "'");
    }
}
