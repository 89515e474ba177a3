package io.switchboard.sip.internal;

import io.switchboard.api.channel.ChannelException;
import io.switchboard.api.channel.Codec;
import io.switchboard.api.channel.FrameEndpoint;
import io.switchboard.api.channel.MediaEngine;
import io.switchboard.api.channel.RtpEndpoint;
import io.switchboard.api.channel.RtpSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A test double of core's media engine: endpoints that remember their settings and whether they were closed. */
public final class TestMedia implements MediaEngine {

    public final List<FakeRtp> opened = new CopyOnWriteArrayList<>();
    private final AtomicInteger ports = new AtomicInteger(40_000);

    @Override
    public RtpEndpoint openRtp(InetAddress local) throws ChannelException {
        FakeRtp rtp = new FakeRtp(new InetSocketAddress(local, ports.getAndAdd(2)));
        opened.add(rtp);
        return rtp;
    }

    @Override
    public FrameEndpoint openFrames(Codec codec, FrameEndpoint.FrameSink sink) {
        throw new AssertionError("the SIP driver opened a frame endpoint; it must open RTP only");
    }

    public long openCount() {
        return opened.stream().filter(r -> !r.closed).count();
    }

    /** An RTP endpoint that moves no packets. */
    public static final class FakeRtp implements RtpEndpoint {
        private final InetSocketAddress local;
        public volatile RtpSettings settings;
        public volatile boolean closed;

        FakeRtp(InetSocketAddress local) {
            this.local = local;
        }

        @Override public InetSocketAddress local() { return local; }
        @Override public void configure(RtpSettings settings) { this.settings = settings; }
        @Override public RtpSettings settings() { return settings; }
        @Override public String id() { return "rtp:" + local.getPort(); }
        @Override public Codec codec() { return settings == null ? Codec.PCMU : settings.codec(); }
        @Override public void close() { closed = true; }
    }
}
