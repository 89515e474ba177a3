package io.switchboard.itests.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one thread that receives for every call: a {@link Selector} over the calls' non-blocking
 * channels. Each datagram is stamped with {@link System#nanoTime} as it is read and sorted into
 * the call's records: our own audio coming back (it carries {@link MediaSender#MAGIC}) is an echo,
 * other audio is the appliance's own stream (the intro prompt), telephone-events and anything
 * else are only counted. Nothing is allocated per packet.
 *
 * <p>How busy the thread was (time spent reading and sorting, out of the time it ran) is kept: a
 * receiver near 100 % stamps packets late, and then the tool, not the appliance, is measured.
 */
final class MediaReceiver implements Runnable {
    private static final int BURST = 64;

    private final Selector selector;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
    private final Thread thread = new Thread(this, "bench-rtp-receiver");
    private final Consumer<SelectionKey> onReady = this::drain;
    private volatile boolean running = true;
    private long busyNanos;
    private long startedNanos;
    private long stoppedNanos;
    private long notRtp;

    MediaReceiver(List<BenchCall> calls) throws IOException {
        selector = Selector.open();
        for (BenchCall call : calls) {
            call.channel.configureBlocking(false);
            call.channel.register(selector, SelectionKey.OP_READ, call);
        }
    }

    void start() {
        thread.start();
    }

    void stopAndJoin() throws InterruptedException {
        running = false;
        selector.wakeup();
        thread.join();
        try {
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Share of its running time the thread spent reading and sorting packets (0..1). */
    double busyShare() {
        long ran = stoppedNanos - startedNanos;
        return ran <= 0 ? 0 : (double) busyNanos / ran;
    }

    long notRtp() {
        return notRtp;
    }

    @Override
    public void run() {
        startedNanos = System.nanoTime();
        try {
            while (running) {
                selector.select(onReady, 100);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("bench receiver failed", e);
        } finally {
            stoppedNanos = System.nanoTime();
        }
    }

    private void drain(SelectionKey key) {
        long began = System.nanoTime();
        BenchCall call = (BenchCall) key.attachment();
        DatagramChannel channel = call.channel;
        try {
            for (int i = 0; i < BURST; i++) {
                buffer.clear();
                InetSocketAddress source = (InetSocketAddress) channel.receive(buffer);
                if (source == null) {
                    break;
                }
                long now = System.nanoTime();
                buffer.flip();
                sort(call, source, now);
            }
        } catch (IOException e) {
            call.otherReceived++; // e.g. ICMP port unreachable reported on the socket: count, go on
        }
        busyNanos += System.nanoTime() - began;
    }

    private void sort(BenchCall call, InetSocketAddress source, long now) {
        ByteBuffer b = buffer;
        int length = b.limit();
        if (length < 12 || (b.get(0) & 0xc0) != 0x80) {
            notRtp++;
            return;
        }
        int header = 12 + 4 * (b.get(0) & 0x0f);
        if ((b.get(0) & 0x10) != 0 && length >= header + 4) {
            header += 4 + 4 * (b.getShort(header + 2) & 0xffff);
        }
        int payloadLength = length - header;
        if (payloadLength < 0) {
            notRtp++;
            return;
        }
        int payloadType = b.get(1) & 0x7f;
        if (payloadType == MediaSender.PCMU && payloadLength >= 24 && b.getInt(header) == MediaSender.MAGIC
                && b.getInt(header + 4) == call.index) {
            call.onEcho(b.getInt(header + 8), now - b.getLong(header + 12), now);
        } else if (payloadType == MediaSender.PCMU || payloadType == 8) {
            call.onIntro(b.getInt(4), b.getInt(8), b.getShort(2) & 0xffff, now, source);
        } else if (payloadType == MediaSender.TELEPHONE_EVENT) {
            call.eventsReceived++;
        } else {
            call.otherReceived++;
        }
    }
}
