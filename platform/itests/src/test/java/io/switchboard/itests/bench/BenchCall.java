package io.switchboard.itests.bench;

import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;

/**
 * One call's media end: its socket, its timeline and what was sent and received on it.
 *
 * <p>Thread-safety by ownership, nothing is locked: the main thread sets the answer once
 * ({@link #answered}, published through the volatile {@link #remote}); fields marked "sender"
 * belong to the {@link MediaSender} thread, fields marked "receiver" to the {@link MediaReceiver}
 * thread. The report reads both only after those threads have been joined.
 */
final class BenchCall {
    /** Packets of one 20 ms period. */
    static final long PERIOD_NANOS = 20_000_000L;

    final int index;
    final DatagramChannel channel;
    final int localPort;
    /** Where in the 20 ms period this call's packets go out: calls are spread evenly over it. */
    final long phaseNanos;

    // set once by the main thread
    volatile InetSocketAddress remote;
    volatile long answeredNanos;
    String callId;

    // sender
    long digitAt;
    long streamFrom;
    long streamUntil;
    boolean scheduled;
    boolean finished;
    int digitPacketsSent;
    int audioSent;
    int sendFailures;
    final int[] sendLateMicros;
    int sendLateCount;

    // receiver: the appliance's own stream (the intro prompt), one entry per packet
    final int[] introTimestamp;
    final long[] introArrival;
    final int[] introSsrc;
    final int[] introSeq;
    int introCount;
    long introOverflow;
    InetSocketAddress introSource;

    // receiver: our packets echoed back
    final int[] echoMicros;
    final long[] echoArrival;
    final long[] echoSeen;
    int echoCount;
    int echoDuplicates;
    int echoOverflow;
    int firstEchoed = -1;
    long eventsReceived;
    long otherReceived;

    BenchCall(int index, DatagramChannel channel, int localPort, long phaseNanos, int introCapacity,
            int streamCapacity) {
        this.index = index;
        this.channel = channel;
        this.localPort = localPort;
        this.phaseNanos = phaseNanos;
        this.sendLateMicros = new int[streamCapacity + 16];
        this.introTimestamp = new int[introCapacity];
        this.introArrival = new long[introCapacity];
        this.introSsrc = new int[introCapacity];
        this.introSeq = new int[introCapacity];
        this.echoMicros = new int[streamCapacity];
        this.echoArrival = new long[streamCapacity];
        this.echoSeen = new long[(streamCapacity + 63) / 64];
    }

    /** The SDP answer arrived (main thread): the sender may start this call's timeline. */
    void answered(String callId, InetSocketAddress remote, long nowNanos) {
        this.callId = callId;
        this.answeredNanos = nowNanos;
        this.remote = remote; // volatile write last: publishes the fields above
    }

    // ---- receiver

    void onIntro(int timestamp, int ssrc, int seq, long arrival, InetSocketAddress source) {
        if (introSource == null) {
            introSource = source;
        }
        int n = introCount;
        if (n == introArrival.length) {
            introOverflow++;
            return;
        }
        introTimestamp[n] = timestamp;
        introArrival[n] = arrival;
        introSsrc[n] = ssrc;
        introSeq[n] = seq;
        introCount = n + 1;
    }

    void onEcho(int sequence, long turnaroundNanos, long arrival) {
        if (sequence < 0 || sequence >= echoMicros.length) {
            echoOverflow++;
            return;
        }
        long bit = 1L << (sequence & 63);
        if ((echoSeen[sequence >>> 6] & bit) != 0) {
            echoDuplicates++;
            return;
        }
        echoSeen[sequence >>> 6] |= bit;
        if (firstEchoed < 0 || sequence < firstEchoed) {
            firstEchoed = sequence;
        }
        echoArrival[echoCount] = arrival;
        echoMicros[echoCount++] = (int) Math.min(Integer.MAX_VALUE, turnaroundNanos / 1000);
    }

    // ---- sender

    void recordSendLateness(long lateNanos) {
        if (sendLateCount < sendLateMicros.length) {
            sendLateMicros[sendLateCount++] = (int) Math.min(Integer.MAX_VALUE, Math.max(0, lateNanos) / 1000);
        }
    }

    /** Audio packets sent from the first one that came back on: the ones the echo should return. */
    int echoExpected() {
        return firstEchoed < 0 ? 0 : audioSent - firstEchoed;
    }
}
