package io.switchboard.itests.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The one thread that sends for every call, on absolute 20 ms deadlines: call {@code i} of
 * {@code N} sends at {@code epoch + k·20 ms + i·20 ms/N}, so all calls are spread over the
 * period instead of bursting at its start. Per call, after its answer: nothing while the intro
 * prompt is listened to, then one RFC 4733 digit (8 packets: 5 with a growing duration, 3 end
 * packets), then 60 ms of quiet, then one PCMU packet per period until one second before the
 * call's BYE.
 *
 * <p>Each audio payload carries {@link #MAGIC}, the call's index, the packet's sequence number
 * within the stream and its send time ({@link System#nanoTime} just before the send), so the
 * receiver computes the echo turnaround from the packet alone. How late each send was against its
 * deadline (early counts as on time) is recorded per call: it tells whether the tool or the
 * appliance was late. A cycle that starts more than {@link #MAX_LAG_NANOS} behind is skipped, not
 * burst out, and counted.
 */
final class MediaSender implements Runnable {
    static final int MAGIC = 0x53424e43; // "SBNC"
    static final int PCMU = 0;
    static final int TELEPHONE_EVENT = 101;
    static final int FRAME_BYTES = 160;
    static final int DIGIT_PACKETS = 8;
    private static final int DIGIT_EVENT = 5;
    private static final long QUIET_AFTER_DIGIT_NANOS = 60_000_000L;
    private static final long STOP_BEFORE_BYE_NANOS = 1_000_000_000L;
    private static final long MAX_LAG_NANOS = 100_000_000L;
    /**
     * A packet due within this is sent at once rather than parked for: at 1,000 calls the packets
     * are 20 µs apart, less than one park costs, so waking per packet would make the sender the
     * bottleneck. Its send time is stamped as it goes out, so the turnaround is exact regardless.
     */
    private static final long EARLY_NANOS = 200_000L;
    private static final long PERIOD = BenchCall.PERIOD_NANOS;

    private final List<BenchCall> calls;
    private final BenchOptions options;
    private final ByteBuffer packet = ByteBuffer.allocateDirect(12 + FRAME_BYTES);
    private final Thread thread = new Thread(this, "bench-rtp-sender");
    private volatile boolean allAnswersIn;
    private volatile boolean running = true;
    private long skippedCycles;

    MediaSender(List<BenchCall> calls, BenchOptions options) {
        this.calls = calls;
        this.options = options;
    }

    void start() {
        thread.start();
    }

    /** No more answers will come (SIPp is done): the sender ends once every answered call is finished. */
    void noMoreAnswers() {
        allAnswersIn = true;
    }

    void stopAndJoin() throws InterruptedException {
        running = false;
        LockSupport.unpark(thread);
        thread.join();
    }

    void join() throws InterruptedException {
        thread.join();
    }

    long skippedCycles() {
        return skippedCycles;
    }

    @Override
    public void run() {
        long epoch = System.nanoTime();
        long cycle = 0;
        while (running) {
            long base = epoch + cycle * PERIOD;
            long lag = System.nanoTime() - base;
            if (lag > MAX_LAG_NANOS) {
                long skip = lag / PERIOD;
                skippedCycles += skip;
                cycle += skip;
                continue;
            }
            waitUntil(base); // nothing may be due in this cycle: never run ahead of the clock
            boolean answersIn = allAnswersIn; // read before the calls: no answer may slip in between
            boolean pending = false;
            for (BenchCall call : calls) {
                if (!call.finished) {
                    pending |= sendFor(call, base + call.phaseNanos, cycle);
                }
            }
            if (answersIn && !pending) {
                return;
            }
            cycle++;
        }
    }

    /** Sends what this call has due at {@code deadline}; false once it has nothing more to send. */
    private boolean sendFor(BenchCall call, long deadline, long cycle) {
        if (call.remote == null) {
            return false; // not answered (yet): nothing pending on this call
        }
        if (!call.scheduled) {
            long answered = call.answeredNanos;
            call.digitAt = answered + options.introListen().toNanos();
            call.streamFrom = options.digit() ? call.digitAt + DIGIT_PACKETS * PERIOD + QUIET_AFTER_DIGIT_NANOS
                    : call.digitAt;
            call.streamUntil = answered + options.hold().toNanos() - STOP_BEFORE_BYE_NANOS;
            call.scheduled = true;
        }
        if (deadline >= call.streamUntil) {
            call.finished = true;
            return false;
        }
        boolean digitDue = options.digit() && deadline >= call.digitAt && call.digitPacketsSent < DIGIT_PACKETS;
        boolean audioDue = !digitDue && deadline >= call.streamFrom;
        if (!digitDue && !audioDue) {
            return true;
        }
        waitUntil(deadline - EARLY_NANOS);
        if (digitDue) {
            writeDigitPacket(call, cycle);
            call.digitPacketsSent++;
        } else {
            writeAudioPacket(call, cycle);
        }
        long now = System.nanoTime();
        if (audioDue) {
            packet.putLong(12 + 12, now);
        }
        send(call);
        if (audioDue) {
            call.audioSent++;
        }
        call.recordSendLateness(now - deadline);
        return true;
    }

    private void writeDigitPacket(BenchCall call, long cycle) {
        int i = call.digitPacketsSent;
        boolean end = i >= 5;
        int duration = Math.min(i + 1, 5) * FRAME_BYTES;
        // every packet of one event carries the timestamp of its start
        int eventTimestamp = (int) ((cycle - i) * FRAME_BYTES);
        header(call, TELEPHONE_EVENT, i == 0, i, eventTimestamp);
        packet.put((byte) DIGIT_EVENT).put((byte) ((end ? 0x80 : 0) | 10)).putShort((short) duration);
        packet.flip();
    }

    private void writeAudioPacket(BenchCall call, long cycle) {
        int sequence = call.audioSent;
        header(call, PCMU, sequence == 0, DIGIT_PACKETS + sequence, (int) (cycle * FRAME_BYTES));
        packet.putInt(MAGIC).putInt(call.index).putInt(sequence).putLong(0L); // send time: written just before sending
        while (packet.position() < packet.capacity()) {
            packet.put((byte) 0xff); // µ-law silence
        }
        packet.flip();
    }

    private void header(BenchCall call, int payloadType, boolean marker, int rtpSequence, int timestamp) {
        packet.clear();
        packet.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | payloadType)).putShort((short) rtpSequence)
                .putInt(timestamp).putInt(0x5b000000 | call.index);
    }

    private void send(BenchCall call) {
        try {
            if (call.channel.send(packet, call.remote) == 0) {
                call.sendFailures++;
            }
        } catch (IOException e) {
            call.sendFailures++;
        }
    }

    private static void waitUntil(long deadline) {
        long wait;
        while ((wait = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
