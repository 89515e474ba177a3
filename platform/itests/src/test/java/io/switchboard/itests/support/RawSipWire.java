package io.switchboard.itests.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw bytes to the appliance's SIP port over UDP or TCP, and what came back: for tests that send
 * what no SIP stack would (torture messages, garbage, a stream that stops half-way).
 *
 * <p>Each {@link Wire} is one fresh local endpoint: a UDP socket on a free port of 127.0.0.1, or
 * one new TCP connection. Everything that arrives on it is an answer to what was sent on it, so no
 * matching by transaction is needed. {@link Wire#awaitFinal} waits for the first final (non-1xx)
 * response with a ceiling; nothing within the ceiling is <em>silence</em> — {@link #SILENCE} (2 s)
 * is that ceiling for every "no answer" a test accepts. A TCP connection the appliance closes
 * counts as silence too, and says so in {@link Answer#describe()}.
 */
public final class RawSipWire {
    /** How long "no answer" is waited for before it counts as silence. */
    public static final Duration SILENCE = Duration.ofSeconds(2);
    /** The ceiling for an answer that must come (the OPTIONS after each message). */
    public static final Duration MUST_ANSWER = Duration.ofSeconds(5);
    private static final Pattern STATUS_LINE = Pattern.compile("^SIP/2\\.0 ([0-9]{3})[ ]?([^\r\n]*)");
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^(?:content-length|l)[ \t]*:[ \t]*([0-9]+)");
    private static final int MAX_DATAGRAM = 65_507; // IPv4: 65,535 minus the IP and UDP headers

    public enum Transport {
        UDP, TCP
    }

    private final InetSocketAddress appliance;

    public RawSipWire(int sipPort) {
        this.appliance = new InetSocketAddress(InetAddress.getLoopbackAddress(), sipPort);
    }

    public InetSocketAddress appliance() {
        return appliance;
    }

    /** A fresh local endpoint: a new UDP socket, or a new TCP connection to the appliance. */
    public Wire open(Transport transport) {
        try {
            return transport == Transport.UDP ? new UdpWire() : new TcpWire();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + transport + " to " + appliance, e);
        }
    }

    /** One exchange: opens a wire, sends the bytes, waits up to {@code ceiling} for a final answer. */
    public Answer exchange(Transport transport, byte[] message, Duration ceiling) {
        try (Wire wire = open(transport)) {
            wire.send(message);
            return wire.awaitFinal(ceiling);
        }
    }

    /** A well-formed OPTIONS outside a dialog over a fresh wire; its final answer within {@link #MUST_ANSWER}. */
    public Answer options(Transport transport) {
        try (Wire wire = open(transport)) {
            wire.send(wire.render(OPTIONS));
            return wire.awaitFinal(MUST_ANSWER);
        }
    }

    private static final String OPTIONS = """
            OPTIONS sip:ping@[remote_ip]:[remote_port] SIP/2.0
            Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch];rport
            Max-Forwards: 70
            From: <sip:robustness@[local_ip]:[local_port]>;tag=[tag]
            To: <sip:ping@[remote_ip]:[remote_port]>
            Call-ID: [call_id]
            CSeq: 1 OPTIONS
            Contact: <sip:robustness@[local_ip]:[local_port];transport=[transport]>
            Accept: application/sdp
            Content-Length: 0

            """;

    /** What came back: a status (0 for silence), the status line, and the whole answer's text. */
    public record Answer(int status, String text, String how) {
        static Answer silence(String how) {
            return new Answer(0, "", how);
        }

        public boolean silent() {
            return status == 0;
        }

        /** {@code 400}, {@code 481}, … or {@code silence}: the recorded outcome. */
        public String outcome() {
            return silent() ? "silence" : Integer.toString(status);
        }

        public String statusLine() {
            int end = text.indexOf("\r\n");
            return end < 0 ? text : text.substring(0, end);
        }

        /** The value of the first header of that name (case-insensitive), or empty. */
        public String header(String name) {
            Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + "[ \t]*:[ \t]*([^\r\n]*)").matcher(text);
            return m.find() ? m.group(1).trim() : "";
        }

        public String describe() {
            return silent() ? "silence (" + how + ")" : statusLine();
        }
    }

    /** One local endpoint; close it when done. */
    public abstract class Wire implements AutoCloseable {
        private final String callId = UUID.randomUUID() + "@robustness.invalid";
        private final String branch = "z9hG4bK-rb-" + UUID.randomUUID();
        private final String tag = Long.toHexString(System.nanoTime());

        public abstract int localPort();

        public abstract Transport transport();

        public abstract void send(byte[] bytes);

        /** Reads whole responses until a final one, silence or the far end's close. */
        public abstract Answer awaitFinal(Duration ceiling);

        @Override
        public abstract void close();

        public String callId() {
            return callId;
        }

        /**
         * A message template made concrete for this wire: {@code [remote_ip] [remote_port]
         * [local_ip] [local_port] [transport] [call_id] [branch] [tag]} are filled in, line ends
         * become CRLF, and {@code [len]} becomes the body's length in bytes.
         */
        public byte[] render(String template) {
            String text = template.replace("[remote_ip]", appliance.getAddress().getHostAddress())
                    .replace("[remote_port]", Integer.toString(appliance.getPort()))
                    .replace("[local_ip]", "127.0.0.1")
                    .replace("[local_port]", Integer.toString(localPort()))
                    .replace("[transport]", transport().name())
                    .replace("[call_id]", callId)
                    .replace("[branch]", branch)
                    .replace("[tag]", tag)
                    .replace("\r\n", "\n").replace("\n", "\r\n");
            int blank = text.indexOf("\r\n\r\n");
            int body = blank < 0 ? 0 : text.getBytes(StandardCharsets.UTF_8).length
                    - text.substring(0, blank + 4).getBytes(StandardCharsets.UTF_8).length;
            return text.replace("[len]", Integer.toString(body)).getBytes(StandardCharsets.UTF_8);
        }
    }

    private final class UdpWire extends Wire {
        private final DatagramSocket socket;

        UdpWire() throws IOException {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        }

        @Override
        public int localPort() {
            return socket.getLocalPort();
        }

        @Override
        public Transport transport() {
            return Transport.UDP;
        }

        @Override
        public void send(byte[] bytes) {
            if (bytes.length > MAX_DATAGRAM) {
                throw new IllegalArgumentException(bytes.length + " bytes do not fit one UDP datagram");
            }
            try {
                socket.send(new DatagramPacket(bytes, bytes.length, appliance));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Answer awaitFinal(Duration ceiling) {
            long deadline = System.nanoTime() + ceiling.toNanos();
            byte[] buffer = new byte[MAX_DATAGRAM];
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return Answer.silence("nothing within " + ceiling.toMillis() + " ms");
                }
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.setSoTimeout((int) Math.max(1, left));
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    return Answer.silence("nothing within " + ceiling.toMillis() + " ms");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1);
                Matcher m = STATUS_LINE.matcher(text);
                if (m.find() && Integer.parseInt(m.group(1)) >= 200) {
                    return new Answer(Integer.parseInt(m.group(1)), text, "udp");
                }
                // a provisional response (or a stray request to us): wait on for the final one
            }
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    private final class TcpWire extends Wire {
        private final Socket socket;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private String closedWhileWriting;

        TcpWire() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.connect(appliance, (int) MUST_ANSWER.toMillis());
        }

        @Override
        public int localPort() {
            return socket.getLocalPort();
        }

        @Override
        public Transport transport() {
            return Transport.TCP;
        }

        @Override
        public void send(byte[] bytes) {
            try {
                socket.getOutputStream().write(bytes);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // the appliance may close a connection that sends it too much: a refusal, not an error
                closedWhileWriting = "the appliance closed the connection while we wrote: " + e.getMessage();
            }
        }

        @Override
        public Answer awaitFinal(Duration ceiling) {
            long deadline = System.nanoTime() + ceiling.toNanos();
            byte[] chunk = new byte[8192];

            try {
                InputStream in = socket.getInputStream();
                while (true) {
                    Answer whole = nextFinal();
                    if (whole != null) {
                        return whole;
                    }
                    long left = (deadline - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        return Answer.silence("nothing within " + ceiling.toMillis() + " ms");
                    }
                    socket.setSoTimeout((int) Math.max(1, left));
                    int n = in.read(chunk);
                    if (n < 0) {
                        return Answer.silence(closedWhileWriting != null ? closedWhileWriting
                                : "the appliance closed the connection");
                    }
                    pending.write(chunk, 0, n);
                }
            } catch (SocketTimeoutException e) {
                return Answer.silence("nothing within " + ceiling.toMillis() + " ms");
            } catch (IOException e) {
                return Answer.silence(closedWhileWriting != null ? closedWhileWriting
                        : "connection reset: " + e.getMessage());
            }
        }

        /** Takes whole messages off the stream; returns the first final response, or null for more. */
        private Answer nextFinal() {
            while (true) {
                String text = pending.toString(StandardCharsets.ISO_8859_1);
                int head = text.indexOf("\r\n\r\n");
                if (head < 0) {
                    return null;
                }
                Matcher length = CONTENT_LENGTH.matcher(text.substring(0, head));
                int end = head + 4 + (length.find() ? Integer.parseInt(length.group(1)) : 0);
                if (text.length() < end) {
                    return null;
                }
                String message = text.substring(0, end);
                byte[] rest = text.substring(end).getBytes(StandardCharsets.ISO_8859_1);
                pending.reset();
                pending.writeBytes(rest);
                Matcher m = STATUS_LINE.matcher(message.stripLeading());
                if (m.find() && Integer.parseInt(m.group(1)) >= 200) {
                    return new Answer(Integer.parseInt(m.group(1)), message.stripLeading(), "tcp");
                }
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

}
