package io.switchboard.itests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;

/**
 * An RTP endpoint for tests: a UDP socket on a free port of 127.0.0.1 that records what arrives
 * and can send a paced 20 ms G.711 stream and RFC 4733 digits.
 *
 * <p>Receiving: one daemon thread per probe reads into one direct buffer and writes per-packet
 * facts (payload type, sequence number, timestamp, SSRC, arrival nanos) into preallocated arrays,
 * then publishes them by a volatile count; readers see every packet below that count. Nothing is
 * allocated per packet. Past {@code capacity} packets only the per-payload-type counters go on.
 * Telephone-event packets (the payload type given to {@link #open}) become digits: an event is
 * counted once, at its first end-bit packet; the end packets' retransmissions are ignored, and a
 * non-end packet starts the next event even with the same timestamp (SIPp replays the same
 * capture for a repeated digit).
 *
 * <p>Sending: {@link #sendStream} and {@link #sendDigits} pace packets on absolute 20 ms deadlines
 * from the calling thread's own sender thread; one send at a time. Payloads sent are remembered
 * (a 64-bit hash per 160-byte frame) so that {@link #echoedPackets()} counts received packets whose
 * payload is one we sent: the echo test's proof.
 */
public final class RtpProbe implements AutoCloseable {
    public static final int PCMU = 0;
    public static final int PCMA = 8;
    public static final int FRAME_BYTES = 160;
    private static final long PACKET_NANOS = 20_000_000L;
    private static final int CLOCK_RATE = 8000;

    private final DatagramChannel channel;
    private final int capacity;
    private final int eventPayloadType;
    private final Thread receiver;
    private final byte[] pt;
    private final int[] seq;
    private final long[] timestamp;
    private final int[] ssrc;
    private final long[] arrival;
    private final int[] size;
    private volatile int count;
    private final long[] perPayloadType = new long[128];
    private volatile long total;
    private final StringBuilder digits = new StringBuilder();
    private long eventTimestamp = -1;
    private boolean eventEnded;
    private volatile long[] sentFrameHashes = new long[0];
    private volatile long echoed;
    private volatile long echoChecked;
    private volatile SocketAddress remote;
    private volatile Thread sender;
    private final int localSsrc = (int) (System.nanoTime() ^ 0x5b5b_1234);
    private int sendSeq = (int) (System.nanoTime() & 0x7fff);
    private long sendTimestamp = System.nanoTime() & 0x0fff_ffffL;

    private RtpProbe(DatagramChannel channel, int capacity, int eventPayloadType) {
        this.channel = channel;
        this.capacity = capacity;
        this.eventPayloadType = eventPayloadType;
        this.pt = new byte[capacity];
        this.seq = new int[capacity];
        this.timestamp = new long[capacity];
        this.ssrc = new int[capacity];
        this.arrival = new long[capacity];
        this.size = new int[capacity];
        this.receiver = new Thread(this::receive, "rtp-probe-" + port());
        receiver.setDaemon(true);
        receiver.start();
    }

    /** A probe on a free even port of 127.0.0.1 recording up to 65,536 packets; events on pt 101. */
    public static RtpProbe open() {
        return open(InetAddress.getLoopbackAddress(), 1 << 16, 101);
    }

    public static RtpProbe open(InetAddress address, int capacity, int eventPayloadType) {
        int port = Sipp.freeUdpRun(address, 2);
        try {
            DatagramChannel channel = DatagramChannel.open();
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
            channel.bind(new InetSocketAddress(address, port));
            return new RtpProbe(channel, capacity, eventPayloadType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InetSocketAddress address() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where {@link #sendStream}/{@link #sendDigits} send: the media address of the far end's SDP. */
    public RtpProbe remote(InetSocketAddress address) {
        this.remote = address;
        return this;
    }

    // ---------------------------------------------------------------- receiving

    private void receive() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
        while (channel.isOpen()) {
            buffer.clear();
            try {
                channel.receive(buffer);
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                return; // the socket is gone: the probe is being closed
            }
            long now = System.nanoTime();
            buffer.flip();
            if (buffer.remaining() < 12 || (buffer.get(0) & 0xc0) != 0x80) {
                continue; // not RTP version 2
            }
            record(buffer, now);
        }
    }

    private void record(ByteBuffer b, long now) {
        int payloadType = b.get(1) & 0x7f;
        int cc = b.get(0) & 0x0f;
        int headerLength = 12 + 4 * cc;
        if ((b.get(0) & 0x10) != 0 && b.remaining() >= headerLength + 4) {
            headerLength += 4 + 4 * (b.getShort(headerLength + 2) & 0xffff);
        }
        int payloadLength = b.remaining() - headerLength;
        long ts = b.getInt(4) & 0xffffffffL;
        perPayloadType[payloadType]++;
        int n = count;
        if (n < capacity) {
            pt[n] = (byte) payloadType;
            seq[n] = b.getShort(2) & 0xffff;
            timestamp[n] = ts;
            ssrc[n] = b.getInt(8);
            arrival[n] = now;
            size[n] = payloadLength;
        }
        if (payloadType == eventPayloadType && payloadLength >= 4) {
            onEvent(b.get(headerLength) & 0xff, (b.get(headerLength + 1) & 0x80) != 0, ts);
        } else if (payloadLength == FRAME_BYTES && sentFrameHashes.length > 0) {
            if (Arrays.binarySearch(sentFrameHashes, hash(b, headerLength, payloadLength)) >= 0) {
                echoed++;
            }
            echoChecked++;
        }
        if (n < capacity) {
            count = n + 1;
        }
        total++;
    }

    private void onEvent(int event, boolean end, long ts) {
        if (!end) {
            if (ts != eventTimestamp || eventEnded) {
                eventTimestamp = ts;
                eventEnded = false;
            }
            return;
        }
        if (ts == eventTimestamp && eventEnded) {
            return; // one of the three end packets
        }
        eventTimestamp = ts;
        eventEnded = true;
        synchronized (digits) {
            digits.append(digitOf(event));
        }
    }

    static char digitOf(int event) {
        return switch (event) {
            case 10 -> '*';
            case 11 -> '#';
            case 12, 13, 14, 15 -> (char) ('A' + event - 12);
            default -> event <= 9 ? (char) ('0' + event) : '?';
        };
    }

    static int eventOf(char digit) {
        return switch (digit) {
            case '*' -> 10;
            case '#' -> 11;
            case 'A', 'B', 'C', 'D' -> 12 + digit - 'A';
            default -> {
                if (digit < '0' || digit > '9') {
                    throw new IllegalArgumentException("not a DTMF digit: " + digit);
                }
                yield digit - '0';
            }
        };
    }

    /** Packets received (also past capacity). */
    public long packets() {
        return total;
    }

    public long packets(int payloadType) {
        return perPayloadType[payloadType];
    }

    /** Digits decoded from telephone-event packets, in order. */
    public String digits() {
        synchronized (digits) {
            return digits.toString();
        }
    }

    public long awaitPackets(long atLeast, Duration ceiling) throws Exception {
        return Await.until(ceiling, this::packets, n -> n >= atLeast);
    }

    public String awaitDigits(String expected, Duration ceiling) throws Exception {
        return Await.until(ceiling, this::digits, d -> d.equals(expected));
    }

    /** SSRCs seen among the recorded packets. */
    public Set<Long> ssrcs() {
        Set<Long> out = new TreeSet<>();
        int n = count;
        for (int i = 0; i < n; i++) {
            out.add(ssrc[i] & 0xffffffffL);
        }
        return out;
    }

    /** Sequence numbers of the recorded packets of one payload type, in arrival order. */
    public int[] sequenceNumbers(int payloadType) {
        int n = count;
        return java.util.stream.IntStream.range(0, n).filter(i -> pt[i] == payloadType).map(i -> seq[i]).toArray();
    }

    /** RTP timestamps of the recorded packets of one payload type, in arrival order. */
    public long[] timestamps(int payloadType) {
        int n = count;
        return java.util.stream.IntStream.range(0, n).filter(i -> pt[i] == payloadType).mapToLong(i -> timestamp[i])
                .toArray();
    }

    /** Arrival times (System.nanoTime) of the recorded packets of one payload type. */
    public long[] arrivals(int payloadType) {
        int n = count;
        return java.util.stream.IntStream.range(0, n).filter(i -> pt[i] == payloadType).mapToLong(i -> arrival[i])
                .toArray();
    }

    /**
     * Packets per second of one payload type over the last {@code window} of RTP time: packets whose
     * timestamp (8 kHz clock) lies within the window before the newest one, divided by the window.
     * A healthy 20 ms stream gives 50.
     */
    public double packetsPerSecondByTimestamp(int payloadType, Duration window) {
        long[] ts = timestamps(payloadType);
        if (ts.length == 0) {
            return 0;
        }
        long newest = ts[ts.length - 1];
        long span = window.toNanos() * CLOCK_RATE / 1_000_000_000L;
        long inWindow = Arrays.stream(ts).filter(t -> ((newest - t) & 0xffffffffL) < span).count();
        return inWindow / (window.toNanos() / 1e9);
    }

    /** The same over the last {@code window} of arrival time. */
    public double packetsPerSecondByArrival(int payloadType, Duration window) {
        long[] at = arrivals(payloadType);
        if (at.length == 0) {
            return 0;
        }
        long newest = at[at.length - 1];
        long inWindow = Arrays.stream(at).filter(t -> newest - t < window.toNanos()).count();
        return inWindow / (window.toNanos() / 1e9);
    }

    /**
     * Packets of one payload type (and each SSRC on its own) that arrived more than {@code limit}
     * after their place in a 20 ms schedule. The schedule is the RTP timestamp turned into time,
     * anchored at the packet that arrived earliest relative to it, so a stream's constant transit
     * delay is not counted, only lateness beyond it.
     */
    public long latePackets(int payloadType, Duration limit) {
        int n = count;
        long late = 0;
        for (long source : ssrcs()) {
            long minOffset = Long.MAX_VALUE;
            long firstTs = -1;
            for (int i = 0; i < n; i++) {
                if (pt[i] == payloadType && (ssrc[i] & 0xffffffffL) == source) {
                    if (firstTs < 0) {
                        firstTs = timestamp[i];
                    }
                    minOffset = Math.min(minOffset, arrival[i] - scheduled(timestamp[i], firstTs));
                }
            }
            for (int i = 0; i < n; i++) {
                if (pt[i] == payloadType && (ssrc[i] & 0xffffffffL) == source
                        && arrival[i] - scheduled(timestamp[i], firstTs) - minOffset > limit.toNanos()) {
                    late++;
                }
            }
        }
        return late;
    }

    private static long scheduled(long ts, long firstTs) {
        int delta = (int) (ts - firstTs); // RTP timestamps wrap at 2^32
        return delta * 1_000_000_000L / CLOCK_RATE;
    }

    /** Received 160-byte packets whose payload is a frame this probe sent. */
    public long echoedPackets() {
        return echoed;
    }

    /** Received 160-byte packets checked against what was sent. */
    public long echoCheckedPackets() {
        return echoChecked;
    }

    // ---------------------------------------------------------------- sending

    /**
     * Sends {@code audio} (G.711 bytes, cut into 160-byte frames, looped) for {@code duration}, one
     * packet every 20 ms on absolute deadlines, from a sender thread; returns at once.
     */
    public RtpProbe sendStream(int payloadType, byte[] audio, Duration duration) {
        if (audio.length < FRAME_BYTES) {
            throw new IllegalArgumentException("need at least one 160-byte frame");
        }
        rememberFrames(audio);
        int packets = (int) (duration.toNanos() / PACKET_NANOS);
        return startSender(() -> {
            ByteBuffer out = ByteBuffer.allocate(12 + FRAME_BYTES);
            int frames = audio.length / FRAME_BYTES;
            long deadline = System.nanoTime();
            for (int i = 0; i < packets && channel.isOpen(); i++) {
                header(out, payloadType, i == 0);
                out.put(audio, (i % frames) * FRAME_BYTES, FRAME_BYTES).flip();
                send(out);
                sendTimestamp += FRAME_BYTES;
                deadline += PACKET_NANOS;
                parkUntil(deadline);
            }
        });
    }

    /** A sine tone as G.711 (µ-law for PCMU, A-law for PCMA) at about −12 dBFS. */
    public static byte[] tone(int payloadType, double hertz, Duration length) {
        int samples = (int) (length.toMillis() * CLOCK_RATE / 1000);
        samples -= samples % FRAME_BYTES;
        byte[] out = new byte[samples];
        for (int n = 0; n < samples; n++) {
            int linear = (int) (8192 * Math.sin(2 * Math.PI * hertz * n / CLOCK_RATE));
            out[n] = payloadType == PCMA ? G711.alaw(linear) : G711.ulaw(linear);
        }
        return out;
    }

    /**
     * Sends RFC 4733 events for {@code digits} on {@code payloadType}: per digit 5 packets of 20 ms
     * (duration growing, marker on the first), 3 end packets, then 60 ms of silence. Returns at once.
     */
    public RtpProbe sendDigits(String digits, int payloadType) {
        digits.chars().forEach(c -> eventOf((char) c)); // reject bad digits before sending any
        return startSender(() -> {
            ByteBuffer out = ByteBuffer.allocate(16);
            long deadline = System.nanoTime();
            for (char digit : digits.toCharArray()) {
                int event = eventOf(digit);
                for (int i = 0; i < 8 && channel.isOpen(); i++) {
                    boolean end = i >= 5;
                    int duration = Math.min(i + 1, 5) * FRAME_BYTES;
                    header(out, payloadType, i == 0);
                    out.put((byte) event).put((byte) ((end ? 0x80 : 0) | 10)).putShort((short) duration).flip();
                    send(out);
                    deadline += PACKET_NANOS;
                    parkUntil(deadline);
                }
                sendTimestamp += 8 * FRAME_BYTES;
                deadline += 3 * PACKET_NANOS;
                parkUntil(deadline);
            }
        });
    }

    /** Waits for the current send to finish. */
    public void awaitSent(Duration ceiling) throws InterruptedException {
        Thread t = sender;
        if (t != null) {
            t.join(ceiling.toMillis());
            if (t.isAlive()) {
                throw new AssertionError("RTP sender still running after " + ceiling);
            }
        }
    }

    private RtpProbe startSender(Runnable work) {
        if (remote == null) {
            throw new IllegalStateException("no remote media address: call remote(...) with the SDP's c=/m=");
        }
        Thread previous = sender;
        if (previous != null && previous.isAlive()) {
            throw new IllegalStateException("a send is still running");
        }
        Thread t = new Thread(work, "rtp-probe-sender-" + port());
        t.setDaemon(true);
        sender = t;
        t.start();
        return this;
    }

    private void header(ByteBuffer out, int payloadType, boolean marker) {
        out.clear();
        out.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | payloadType)).putShort((short) sendSeq++)
                .putInt((int) sendTimestamp).putInt(localSsrc);
    }

    private void send(ByteBuffer packet) {
        try {
            channel.send(packet, remote);
        } catch (ClosedChannelException closed) {
            // the probe was closed while sending: the test is over
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void parkUntil(long deadline) {
        long wait;
        while ((wait = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private void rememberFrames(byte[] audio) {
        int frames = audio.length / FRAME_BYTES;
        long[] hashes = new long[sentFrameHashes.length + frames];
        System.arraycopy(sentFrameHashes, 0, hashes, 0, sentFrameHashes.length);
        ByteBuffer view = ByteBuffer.wrap(audio);
        for (int f = 0; f < frames; f++) {
            hashes[sentFrameHashes.length + f] = hash(view, f * FRAME_BYTES, FRAME_BYTES);
        }
        Arrays.sort(hashes);
        sentFrameHashes = hashes;
    }

    /** FNV-1a over a slice, without copying it. */
    static long hash(ByteBuffer b, int offset, int length) {
        long h = 0xcbf29ce484222325L;
        for (int i = offset; i < offset + length; i++) {
            h ^= b.get(i) & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    @Override
    public void close() {
        try {
            channel.close();
            receiver.join(5000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** ITU-T G.711 encoders for test audio. */
    static final class G711 {
        private G711() {
        }

        static byte ulaw(int sample) {
            final int bias = 0x84;
            int sign = sample < 0 ? 0x80 : 0;
            int magnitude = Math.min(Math.abs(sample), 32635) + bias;
            int exponent = 7;
            for (int mask = 0x4000; exponent > 0 && (magnitude & mask) == 0; mask >>= 1) {
                exponent--;
            }
            int mantissa = (magnitude >> (exponent + 3)) & 0x0f;
            return (byte) ~(sign | (exponent << 4) | mantissa);
        }

        static byte alaw(int sample) {
            int sign = sample >= 0 ? 0x80 : 0;
            int magnitude = Math.min(Math.abs(sample), 32767) >> 3;
            int encoded;
            if (magnitude < 32) {
                encoded = magnitude >> 1;
            } else {
                int exponent = 1;
                while (magnitude >= (32 << exponent) && exponent < 7) {
                    exponent++;
                }
                encoded = (exponent << 4) | ((magnitude >> exponent) & 0x0f);
            }
            return (byte) ((sign | encoded) ^ 0x55);
        }
    }
}
