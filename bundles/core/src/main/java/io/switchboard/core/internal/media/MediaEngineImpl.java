package io.switchboard.core.internal.media;

import io.switchboard.api.call.Cause;
import io.switchboard.api.channel.ChannelException;
import io.switchboard.api.channel.Codec;
import io.switchboard.api.channel.FrameEndpoint;
import io.switchboard.api.channel.MediaEngine;
import io.switchboard.api.channel.RtpEndpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core's media engine: RTP ports from the configured range and frame ports for telephony
 * cards, all served by one receive thread ({@link ReceiveLoop}) and a few pacer threads
 * ({@link Pacer}); no thread per call. Every endpoint it opens is a {@link MediaPort}.
 *
 * <p>The clock drives inactivity, digit timeouts and log rate limits, so tests can control them;
 * media pacing runs on {@link System#nanoTime}.
 *
 * <p>Thread-safety: safe from any thread; open ports are kept in concurrent maps, ports are
 * allocated by a synchronized {@link PortAllocator}.
 */
public final class MediaEngineImpl implements MediaEngine, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MediaEngineImpl.class);

    private record RtcpSide(DatagramChannel channel, int rtpPort) {
    }

    private final MediaOptions options;
    private final Clock clock;
    private final long epochNanos = System.nanoTime();
    private final PortAllocator allocator;
    private final ReceiveLoop receiveLoop = new ReceiveLoop();
    private final Pacer pacer;
    private final Map<RtpPort, RtcpSide> rtpPorts = new ConcurrentHashMap<>();
    private final Map<FramePort, Boolean> framePorts = new ConcurrentHashMap<>();
    private final AtomicInteger frameIds = new AtomicInteger();
    private volatile boolean closed;

    public MediaEngineImpl(MediaOptions options, Clock clock) {
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.allocator = new PortAllocator(options.rtpPortLow(), options.rtpPortHigh());
        this.pacer = new Pacer(options.pacerThreads(), epochNanos);
        receiveLoop.start();
        pacer.start();
    }

    public MediaOptions options() {
        return options;
    }

    @Override
    public RtpEndpoint openRtp(InetAddress local) throws ChannelException {
        Objects.requireNonNull(local, "local");
        if (closed) {
            throw new ChannelException(Cause.UNAVAILABLE, "the media engine is closed");
        }
        List<Integer> unusable = new ArrayList<>();
        try {
            for (int attempt = 0; attempt < allocator.capacity(); attempt++) {
                int port = allocator.reserve();
                if (port < 0) {
                    break;
                }
                RtpPort opened = open(local, port);
                if (opened != null) {
                    return opened;
                }
                unusable.add(port); // taken by another process: try the next one
            }
        } finally {
            unusable.forEach(allocator::release);
        }
        throw new ChannelException(Cause.UNAVAILABLE, "no free RTP port in " + options.rtpPortLow() + "-"
                + options.rtpPortHigh() + " on " + local.getHostAddress() + " (" + rtpPorts.size() + " open)");
    }

    private RtpPort open(InetAddress local, int port) {
        DatagramChannel rtp = null;
        DatagramChannel rtcp = null;
        try {
            rtp = bind(local, port);
            rtcp = bind(local, port + 1);
        } catch (IOException e) {
            LOG.debug("RTP port {} on {} is not usable", port, local, e);
            closeQuietly(rtp);
            closeQuietly(rtcp);
            return null;
        }
        InetSocketAddress address = new InetSocketAddress(local, port);
        RtpPort rtpPort = new RtpPort("rtp-" + local.getHostAddress() + ":" + port, rtp, address, options, clock,
                epochNanos, this::closed);
        rtpPorts.put(rtpPort, new RtcpSide(rtcp, port));
        receiveLoop.register(rtp, rtpPort);
        receiveLoop.register(rtcp, null);
        pacer.add(rtpPort);
        return rtpPort;
    }

    @Override
    public FrameEndpoint openFrames(Codec codec, FrameEndpoint.FrameSink sink) {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(sink, "sink");
        if (closed) {
            throw new IllegalStateException("the media engine is closed");
        }
        FramePort port = new FramePort("frames-" + frameIds.incrementAndGet(), codec, sink, options.jitterDepth(), this::closed);
        framePorts.put(port, Boolean.TRUE);
        pacer.add(port);
        return port;
    }

    /** How many RTP ports are open (for health and tests). */
    public int openRtpPorts() {
        return rtpPorts.size();
    }

    /** Waits until ports closed so far are free again (their sockets closed by the receive thread). */
    void awaitClosedPortsFree() throws InterruptedException {
        receiveLoop.awaitQueued(5, TimeUnit.SECONDS);
    }

    /** Packets the receive loop could not parse as RTP. */
    long malformedPackets() {
        return receiveLoop.malformed();
    }

    private void closed(RtpPort port) {
        pacer.remove(port);
        RtcpSide rtcp = rtpPorts.remove(port);
        if (rtcp != null) {
            receiveLoop.close(() -> allocator.release(rtcp.rtpPort()), port.channel(), rtcp.channel());
        }
    }

    private void closed(FramePort port) {
        pacer.remove(port);
        framePorts.remove(port);
    }

    /** Closes every open port (their playbacks end {@code stopped}), then stops the threads. */
    @Override
    public void close() {
        closed = true;
        rtpPorts.keySet().forEach(RtpPort::close);
        framePorts.keySet().forEach(FramePort::close);
        pacer.stop();
        receiveLoop.stop();
    }

    private static DatagramChannel bind(InetAddress local, int port) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.bind(new InetSocketAddress(local, port));
            channel.configureBlocking(false);
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    private static void closeQuietly(DatagramChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Closing media channel {} failed", channel, e);
        }
    }
}
