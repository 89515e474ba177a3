package io.switchboard.core.internal.media;

import io.switchboard.api.channel.Codec;
import io.switchboard.api.channel.Direction;
import io.switchboard.api.channel.RtpEndpoint;
import io.switchboard.api.channel.RtpSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An RTP port of the engine: received packets arrive on the receive thread ({@link #onPacket}),
 * paced frames go out on a pacer thread ({@link #tick}), relayed packets go out on the receive
 * thread as they come.
 *
 * <p>Only packets from the configured remote address are taken (others are dropped, counted
 * and logged at most once a minute); the far end may change its SSRC. What it sends is one
 * {@link OutgoingStream}. Digits received as RFC 4733 events are reported once per key press.
 *
 * <p>Thread-safety: see {@link MediaPortBase}; everything mutable here is guarded by
 * {@code lock}, the settings are also volatile for a lock-free read.
 */
final class RtpPort extends MediaPortBase implements RtpEndpoint, ReceiveLoop.Receiver {

    private static final Logger LOG = LoggerFactory.getLogger(RtpPort.class);
    private static final long LOG_INTERVAL_MILLIS = 60_000;

    private final DatagramChannel channel;
    private final InetSocketAddress local;
    private final Clock clock;
    private final long inactivityMillis;
    private final Consumer<RtpPort> onClose;
    private volatile RtpSettings settings;

    // all guarded by lock
    private final OutgoingStream stream;
    private final DtmfReceiver dtmfIn = new DtmfReceiver();
    private final DtmfSender dtmfOut = new DtmfSender();
    private final byte[] sendBuffer = new byte[1500];
    // direct, so a send is one copy into it and no lookup of the JDK's per-thread temporary buffer
    private final ByteBuffer sendDirect = ByteBuffer.allocateDirect(sendBuffer.length);
    private final byte[] frame = new byte[FRAME_SIZE];
    private boolean haveSource;
    private int sourceSsrc;
    private long lastReceivedMillis;
    private boolean inactiveReported;
    private long foreignPackets;
    private long lastForeignLogMillis = Long.MIN_VALUE;
    private long unexpectedPayloads;
    private long sendFailures;
    private long lastSendLogMillis = Long.MIN_VALUE;

    RtpPort(String id, DatagramChannel channel, InetSocketAddress local, MediaOptions options, Clock clock,
            long epochNanos, Consumer<RtpPort> onClose) {
        super(id, options.jitterDepth());
        this.channel = channel;
        this.local = local;
        this.clock = clock;
        this.inactivityMillis = options.inactivityTimeout().toMillis();
        this.onClose = onClose;
        this.stream = new OutgoingStream(epochNanos);
    }

    @Override
    public InetSocketAddress local() {
        return local;
    }

    @Override
    public Codec codec() {
        RtpSettings current = settings;
        return current == null ? Codec.PCMU : current.codec();
    }

    @Override
    Codec receivedCodec() {
        RtpSettings current = settings;
        return current == null ? null : current.codec();
    }

    @Override
    public void configure(RtpSettings settings) {
        synchronized (lock) {
            this.settings = settings;
            lastReceivedMillis = clock.millis();
            inactiveReported = false;
            stream.breakSegment();
        }
    }

    @Override
    public RtpSettings settings() {
        return settings;
    }

    @Override
    public void sendDigits(String digits) {
        RtpSettings current = settings;
        if (current == null || current.dtmfPayloadType() < 0) {
            LOG.warn("Media port {} has no telephone-event payload type; {} digit(s) not sent", id, digits.length());
            return;
        }
        StringBuilder valid = new StringBuilder(digits.length());
        for (char c : digits.toCharArray()) {
            if (TelephoneEvent.event(c) >= 0) {
                valid.append(Character.toUpperCase(c));
            } else {
                LOG.warn("Media port {} skips '{}': not a DTMF digit", id, c);
            }
        }
        synchronized (lock) {
            dtmfOut.add(valid.toString());
        }
    }

    /**
     * Packets from an RTP port of the same codec are relayed as they come, and so are frames from
     * a card (the card paces them); only transcoded RTP goes through the source's jitter buffer.
     */
    @Override
    boolean pullsFrom(MediaPortBase source) {
        return source instanceof RtpPort && source.receivedCodec() != receivedCodec();
    }

    // ---- receive thread

    @Override
    public void onPacket(RtpPacket packet, SocketAddress sender, long nowNanos) {
        MediaPortBase target;
        boolean forwardAudio = false;
        boolean forwardEvent = false;
        String interrupted = null;
        int firstReport;
        int secondReport;
        synchronized (lock) {
            RtpSettings current = settings;
            if (closed || current == null) {
                return;
            }
            if (!current.remote().equals(sender)) {
                foreignPacket(sender);
                return;
            }
            if (!receives(current.direction())) {
                return;
            }
            lastReceivedMillis = clock.millis();
            inactiveReported = false;
            if (!haveSource || packet.ssrc != sourceSsrc) {
                haveSource = true;
                sourceSsrc = packet.ssrc; // a new sender (re-INVITE, transfer upstream): start over
                received.reset();
                dtmfIn.reset();
            }
            target = relayTarget;
            if (current.dtmfPayloadType() >= 0 && packet.payloadType == current.dtmfPayloadType()) {
                if (packet.payloadLength < TelephoneEvent.PAYLOAD_BYTES) {
                    unexpectedPayloads++;
                    return;
                }
                int at = packet.payloadOffset;
                boolean started = dtmfIn.onPacket(packet.timestamp, TelephoneEvent.event(packet.data, at),
                        TelephoneEvent.end(packet.data, at), TelephoneEvent.duration(packet.data, at), lastReceivedMillis);
                if (started) {
                    interrupted = interruptPlayback();
                }
                forwardEvent = target instanceof RtpPort;
            } else if (packet.payloadType == current.codec().payloadType()) {
                if (target != null) {
                    if (target.pullsFrom(this)) {
                        received.offer(packet.sequence, packet.data, packet.payloadOffset, packet.payloadLength);
                    } else {
                        forwardAudio = true;
                    }
                }
            } else {
                unexpectedPayloads++;
                return;
            }
            firstReport = dtmfIn.takeReport();
            secondReport = dtmfIn.takeReport();
        }
        if (interrupted != null) {
            notifyPlaybackFinished(interrupted, INTERRUPTED);
        }
        if (firstReport != 0) {
            notifyDigit(firstReport);
        }
        if (secondReport != 0) {
            notifyDigit(secondReport);
        }
        if (forwardAudio) {
            ((RtpPort) target).forwardAudio(this, packet, nowNanos);
        } else if (forwardEvent) {
            ((RtpPort) target).forwardEvent(this, packet, nowNanos);
        }
    }

    /** Relays a packet of the same codec as it is, with this stream's SSRC, sequence and timestamp. */
    private void forwardAudio(RtpPort source, RtpPacket packet, long nowNanos) {
        synchronized (lock) {
            RtpSettings current = settings;
            if (!canRelay(current)) {
                return;
            }
            stream.relayed(source, packet.ssrc, packet.timestamp, packet.marker, nowNanos);
            send(current, current.codec().payloadType(), packet.data, packet.payloadOffset, packet.payloadLength);
        }
    }

    /** Relays a telephone-event with this port's payload type; dropped if it has none. */
    private void forwardEvent(RtpPort source, RtpPacket packet, long nowNanos) {
        synchronized (lock) {
            RtpSettings current = settings;
            if (!canRelay(current) || current.dtmfPayloadType() < 0) {
                return;
            }
            stream.relayed(source, packet.ssrc, packet.timestamp, packet.marker, nowNanos);
            send(current, current.dtmfPayloadType(), packet.data, packet.payloadOffset, packet.payloadLength);
        }
    }

    @Override
    void pushFrame(MediaPortBase source, int sourceTimestamp, byte[] in, int offset, Codec sourceCodec, long nowNanos) {
        synchronized (lock) {
            RtpSettings current = settings;
            if (!canRelay(current)) {
                return;
            }
            stream.relayed(source, 0, sourceTimestamp, false, nowNanos);
            G711.transcode(sourceCodec, in, offset, current.codec(), frame, 0, FRAME_SIZE);
            send(current, current.codec().payloadType(), frame, 0, FRAME_SIZE);
        }
    }

    /** Under lock: relayed audio goes out only to a configured sending port not busy with its own audio. */
    private boolean canRelay(RtpSettings current) {
        if (closed || current == null || !sends(current.direction())) {
            return false;
        }
        if (playback != null || dtmfOut.busy()) {
            stream.breakSegment();
            return false;
        }
        return true;
    }

    // ---- pacer thread

    @Override
    public void tick(long tickNanos) {
        RtpSettings current = settings;
        if (current == null) {
            return;
        }
        boolean havePulled = pullRelayed(current.codec());
        long now = clock.millis();
        String finished = null;
        boolean inactive = false;
        int report;
        synchronized (lock) {
            if (closed) {
                return;
            }
            dtmfIn.onTick(now);
            report = dtmfIn.takeReport();
            if (receives(current.direction()) && !inactiveReported && now - lastReceivedMillis >= inactivityMillis) {
                inactiveReported = true;
                inactive = true;
            }
            boolean sending = sends(current.direction());
            if (dtmfOut.busy()) {
                if (sending && current.dtmfPayloadType() >= 0) {
                    sendEventTick(current, tickNanos);
                } else {
                    dtmfOut.clear(); // re-INVITE took the way to send them away
                }
            } else if (playback != null) {
                if (playback.next(current.codec(), frame)) {
                    if (sending) {
                        sendPaced(current, tickNanos, frame);
                    }
                } else {
                    finished = playback.id;
                    playback = null;
                }
            } else if (havePulled && sending) {
                sendPaced(current, tickNanos, pulledFrame);
            }
        }
        if (report != 0) {
            notifyDigit(report);
        }
        if (finished != null) {
            notifyPlaybackFinished(finished, COMPLETED);
        }
        if (inactive) {
            notifyInactive();
        }
    }

    private void sendPaced(RtpSettings current, long tickNanos, byte[] audio) {
        stream.paced(tickNanos);
        send(current, current.codec().payloadType(), audio, 0, FRAME_SIZE);
    }

    private void sendEventTick(RtpSettings current, long tickNanos) {
        stream.paced(tickNanos);
        int payloadAt = RtpPacket.HEADER_BYTES;
        if (!dtmfOut.tick(sendBuffer, payloadAt, stream.timestamp)) {
            return;
        }
        RtpPacket.writeHeader(sendBuffer, dtmfOut.firstPacket(), current.dtmfPayloadType(), stream.nextSequence(),
                dtmfOut.eventTimestamp(), stream.ssrc());
        transmit(current, payloadAt + TelephoneEvent.PAYLOAD_BYTES);
    }

    /** Under lock: one packet with the stream's current timestamp and marker. */
    private void send(RtpSettings current, int payloadType, byte[] payload, int offset, int length) {
        int header = RtpPacket.writeHeader(sendBuffer, stream.marker, payloadType, stream.nextSequence(), stream.timestamp, stream.ssrc());
        int size = Math.min(length, sendBuffer.length - header);
        System.arraycopy(payload, offset, sendBuffer, header, size);
        transmit(current, header + size);
    }

    private void transmit(RtpSettings current, int length) {
        sendDirect.clear();
        sendDirect.put(sendBuffer, 0, length).flip();
        try {
            if (channel.send(sendDirect, current.remote()) == 0) {
                sendFailed(null);
            }
        } catch (IOException e) {
            sendFailed(e);
        }
    }

    private void sendFailed(IOException cause) {
        sendFailures++;
        long now = clock.millis();
        if (lastSendLogMillis == Long.MIN_VALUE || now - lastSendLogMillis >= LOG_INTERVAL_MILLIS) {
            lastSendLogMillis = now;
            LOG.warn("Media port {} could not send to {} ({} failures so far)", id, settings.remote(), sendFailures, cause);
        }
    }

    private void foreignPacket(SocketAddress sender) {
        foreignPackets++;
        long now = clock.millis();
        if (lastForeignLogMillis == Long.MIN_VALUE || now - lastForeignLogMillis >= LOG_INTERVAL_MILLIS) {
            lastForeignLogMillis = now;
            LOG.warn("Media port {} dropped a packet from {}: it takes media only from {} ({} dropped so far)",
                    id, sender, settings.remote(), foreignPackets);
        }
    }

    // ---- lifecycle and counters

    DatagramChannel channel() {
        return channel;
    }

    long foreignPackets() {
        synchronized (lock) {
            return foreignPackets;
        }
    }

    long unexpectedPayloads() {
        synchronized (lock) {
            return unexpectedPayloads;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            dtmfOut.clear();
        }
        closePort();
        onClose.accept(this);
    }

    static boolean receives(Direction direction) {
        return direction == Direction.SENDRECV || direction == Direction.RECVONLY;
    }

    static boolean sends(Direction direction) {
        return direction == Direction.SENDRECV || direction == Direction.SENDONLY;
    }
}
