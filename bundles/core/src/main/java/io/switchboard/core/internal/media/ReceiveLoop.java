package io.switchboard.core.internal.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that receives for every port: a {@link Selector} over all the engine's
 * non-blocking channels. Each datagram is read into one reused buffer, parsed in place and handed
 * to its port; malformed packets are counted and dropped. RTCP channels are drained (read and
 * ignored) so their socket buffers never fill.
 *
 * <p>Thread-safety: registrations from other threads are queued and applied by the loop thread
 * after a {@link Selector#wakeup}; the buffer and packet view belong to the loop thread.
 */
final class ReceiveLoop implements Runnable {

    /** Takes a parsed packet on the receive thread; the packet's bytes are valid only during the call. */
    interface Receiver {
        void onPacket(RtpPacket packet, SocketAddress sender, long nowNanos);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ReceiveLoop.class);
    /** Datagrams read from one channel per wake-up before the others get their turn. */
    private static final int BURST = 32;

    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final byte[] buffer = new byte[2048];
    // direct, so a receive is one copy out of it and no lookup of the JDK's per-thread temporary buffer
    private final ByteBuffer view = ByteBuffer.allocateDirect(buffer.length);
    private final RtpPacket packet = new RtpPacket();
    private final Consumer<SelectionKey> onReady = this::onReady;
    private volatile boolean running = true;
    private long malformed;

    ReceiveLoop() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the media engine's selector", e);
        }
        thread = new Thread(this, "switchboard-media-receive");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Starts receiving on {@code channel} for {@code receiver}; null drains the channel (RTCP). */
    void register(DatagramChannel channel, Receiver receiver) {
        pending.add(() -> {
            try {
                channel.register(selector, SelectionKey.OP_READ, receiver);
            } catch (IOException e) {
                LOG.warn("Media channel {} could not be registered for receiving", channel, e);
            }
        });
        selector.wakeup();
    }

    /**
     * Stops receiving on the channels and closes them, then runs {@code afterwards} on the loop
     * thread once their sockets are really closed. (A channel closed while registered keeps its
     * socket until the selector deregisters it, so the port can be bound again only then.) Never
     * blocks: it may be called from a listener on any media thread.
     */
    void close(Runnable afterwards, DatagramChannel... channels) {
        for (DatagramChannel channel : channels) {
            try {
                channel.close(); // cancels its key; the selector deregisters it on its next selection
            } catch (IOException e) {
                LOG.debug("Closing media channel {} failed", channel, e);
            }
        }
        if (!running) {
            afterwards.run();
            return;
        }
        pending.add(() -> {
            flushCancelledKeys();
            afterwards.run();
        });
        selector.wakeup();
    }

    /** Waits until the loop has run everything queued so far (tests use it after a close). */
    void awaitQueued(long timeout, TimeUnit unit) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        pending.add(done::countDown);
        selector.wakeup();
        if (!done.await(timeout, unit)) {
            throw new IllegalStateException("the media receive loop did not answer within " + timeout + " " + unit);
        }
    }

    private void flushCancelledKeys() {
        try {
            if (selector.isOpen()) {
                selector.selectNow(onReady); // deregisters the cancelled keys, so the sockets close now
            }
        } catch (IOException e) {
            LOG.warn("Media selector failed while closing channels", e);
        }
    }

    long malformed() {
        return malformed;
    }

    @Override
    public void run() {
        try {
            while (running) {
                selector.select(onReady, 1000);
                Runnable task;
                while ((task = pending.poll()) != null) {
                    task.run();
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            if (running) {
                LOG.error("Media receive loop stopped: no port receives any more", e);
            }
        }
    }

    private void onReady(SelectionKey key) {
        DatagramChannel channel = (DatagramChannel) key.channel();
        Receiver receiver = (Receiver) key.attachment();
        try {
            for (int i = 0; i < BURST; i++) {
                view.clear();
                SocketAddress sender = channel.receive(view); // the JDK caches the sender's address object
                if (sender == null) {
                    return;
                }
                if (receiver == null) {
                    continue;
                }
                int length = view.position();
                view.flip().get(buffer, 0, length);
                if (!packet.parse(buffer, length)) {
                    malformed++;
                    continue;
                }
                receiver.onPacket(packet, sender, System.nanoTime());
            }
        } catch (IOException e) {
            if (channel.isOpen()) {
                LOG.warn("Receiving on media channel {} failed", channel, e);
            }
        } catch (RuntimeException e) {
            LOG.warn("Media port {} failed on a received packet", receiver, e);
        }
    }

    void stop() {
        running = false;
        selector.wakeup();
        try {
            thread.join(1000);
            Runnable task;
            while ((task = pending.poll()) != null) {
                task.run(); // close requests that raced with the stop
            }
            selector.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("Closing the media selector failed", e);
        }
    }
}
