package io.switchboard.core.internal.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.api.call.Cause;
import io.switchboard.api.channel.ChannelException;
import io.switchboard.api.channel.Codec;
import io.switchboard.api.channel.Direction;
import io.switchboard.api.channel.FrameEndpoint;
import io.switchboard.api.channel.RtpEndpoint;
import io.switchboard.api.channel.RtpSettings;
import io.switchboard.testsupport.ManualClock;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine over real UDP sockets on 127.0.0.1; every wait has a ceiling, none is a pause. */
class MediaEngineTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int DTMF = 101;

    private final ManualClock clock = new ManualClock();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private MediaEngineImpl engine;

    @BeforeEach
    void startEngine() {
        engine = new MediaEngineImpl(MediaOptions.ports(42000, 42199), clock);
    }

    @AfterEach
    void stopEngine() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        engine.close();
    }

    @Test
    void playbackArrivesAsOnePacedStream() throws Exception {
        TestRtpPeer peer = peer(1);
        RecordingListener listener = new RecordingListener();
        MediaPort port = open(peer, Codec.PCMU, DTMF, listener);

        port.play("welcome", List.of(pattern(50)), false, false);

        List<TestRtpPeer.Packet> packets = receive(peer, 50);
        assertConsecutive(packets);
        assertThat(packets.get(0).marker()).isTrue();
        assertThat(packets.subList(1, 50)).noneMatch(TestRtpPeer.Packet::marker);
        assertThat(packets.get(49).timestamp() - packets.get(0).timestamp()).as("49 frames of 20 ms: 0.98 s of stream time")
                .isEqualTo(49 * 160);
        for (int i = 0; i < 50; i++) {
            assertThat(packets.get(i).payloadType()).isEqualTo(0);
            assertThat(packets.get(i).payload()).hasSize(160).containsOnly((byte) (i + 1));
        }
        assertThat(listener.nextPlayback()).isEqualTo("welcome:completed");
    }

    @Test
    void echoReturnsWhatWasSent() throws Exception {
        TestRtpPeer peer = peer(0x1111);
        MediaPort port = open(peer, Codec.PCMA, DTMF, new RecordingListener());
        port.relayTo(port);

        for (int i = 0; i < 10; i++) {
            peer.send(local(port), 8, 5000 + 160L * i, i == 0, frame((byte) i));
        }

        List<TestRtpPeer.Packet> echoed = receive(peer, 10);
        assertConsecutive(echoed);
        for (int i = 0; i < 10; i++) {
            assertThat(echoed.get(i).payload()).isEqualTo(frame((byte) i));
            assertThat(echoed.get(i).ssrc()).isNotEqualTo(0x1111);
        }
    }

    @Test
    void bridgeRelaysBothWaysWithItsOwnSsrcAndSequence() throws Exception {
        TestRtpPeer caller = peer(0xA);
        TestRtpPeer agent = peer(0xB);
        MediaPort callerPort = open(caller, Codec.PCMU, DTMF, new RecordingListener());
        MediaPort agentPort = open(agent, Codec.PCMU, DTMF, new RecordingListener());
        callerPort.relayTo(agentPort);
        agentPort.relayTo(callerPort);

        for (int i = 0; i < 5; i++) {
            caller.send(local(callerPort), 0, 100_000 + 160L * i, false, frame((byte) (10 + i)));
            agent.send(local(agentPort), 0, 900_000 + 160L * i, false, frame((byte) (20 + i)));
        }

        List<TestRtpPeer.Packet> atAgent = receive(agent, 5);
        List<TestRtpPeer.Packet> atCaller = receive(caller, 5);
        assertConsecutive(atAgent);
        assertConsecutive(atCaller);
        for (int i = 0; i < 5; i++) {
            assertThat(atAgent.get(i).payload()).isEqualTo(frame((byte) (10 + i)));
            assertThat(atCaller.get(i).payload()).isEqualTo(frame((byte) (20 + i)));
        }
        assertThat(atAgent.get(0).ssrc()).isNotIn(0xA, 0xB, atCaller.get(0).ssrc());
        assertThat(atAgent.get(0).sequence()).isNotEqualTo(1000); // the caller's first sequence number
        assertThat(atAgent.get(0).marker()).as("talkspurt start").isTrue();
    }

    @Test
    void bridgeTranscodesBetweenMuLawAndALaw() throws Exception {
        TestRtpPeer caller = peer(0xA);
        TestRtpPeer agent = peer(0xB);
        MediaPort callerPort = open(caller, Codec.PCMU, DTMF, new RecordingListener());
        MediaPort agentPort = open(agent, Codec.PCMA, DTMF, new RecordingListener());
        callerPort.relayTo(agentPort);

        for (int i = 0; i < 6; i++) {
            caller.send(local(callerPort), 0, 160L * i, false, frame((byte) (0x90 + i)));
        }

        List<TestRtpPeer.Packet> atAgent = receive(agent, 6);
        assertConsecutiveSequence(atAgent); // paced by the agent's ticks: timestamps follow its media time
        for (int i = 0; i < 6; i++) {
            assertThat(atAgent.get(i).payloadType()).isEqualTo(8);
            assertThat(atAgent.get(i).payload()).isEqualTo(frame(G711.ulawToAlaw((byte) (0x90 + i))));
        }
    }

    @Test
    void theStreamStaysContinuousFromPlaybackToRelay() throws Exception {
        TestRtpPeer caller = peer(0xA);
        TestRtpPeer agent = peer(0xB);
        RecordingListener agentEvents = new RecordingListener();
        MediaPort callerPort = open(caller, Codec.PCMU, DTMF, new RecordingListener());
        MediaPort agentPort = open(agent, Codec.PCMU, DTMF, agentEvents);
        callerPort.relayTo(agentPort);

        agentPort.play("whisper", List.of(pattern(5)), false, false);
        assertThat(agentEvents.nextPlayback()).isEqualTo("whisper:completed");
        for (int i = 0; i < 3; i++) {
            caller.send(local(callerPort), 0, 777_000 + 160L * i, false, frame((byte) 0x42));
        }

        List<TestRtpPeer.Packet> atAgent = receive(agent, 8);
        assertConsecutive(atAgent.subList(0, 5));
        assertThat(atAgent.stream().map(TestRtpPeer.Packet::ssrc).distinct()).hasSize(1);
        for (int i = 1; i < 8; i++) {
            assertThat((atAgent.get(i).sequence() - atAgent.get(i - 1).sequence()) & 0xFFFF).isEqualTo(1);
            assertThat((int) (atAgent.get(i).timestamp() - atAgent.get(i - 1).timestamp())).isGreaterThanOrEqualTo(160);
        }
        assertThat(atAgent.get(5).marker()).as("relay starts a talkspurt").isTrue();
        assertThat(atAgent.get(7).timestamp() - atAgent.get(5).timestamp()).isEqualTo(320);
    }

    @Test
    void dropsPacketsFromAnyoneButTheRemote() throws Exception {
        TestRtpPeer peer = peer(1);
        TestRtpPeer stranger = peer(2);
        MediaPort port = open(peer, Codec.PCMU, DTMF, new RecordingListener());
        port.relayTo(port);

        stranger.send(local(port), 0, 0, false, frame((byte) 0x66));
        peer.send(local(port), 0, 0, false, frame((byte) 0x11));

        assertThat(peer.receive().payload()).isEqualTo(frame((byte) 0x11));
        assertThat(((RtpPort) port).foreignPackets()).isEqualTo(1);
    }

    @Test
    void reportsEachKeyPressOnceEvenWhenItsEndPacketsAreLost() throws Exception {
        TestRtpPeer peer = peer(1);
        RecordingListener listener = new RecordingListener();
        MediaPort port = open(peer, Codec.PCMU, DTMF, listener);

        peer.sendEvent(local(port), DTMF, 1000, 5, false, 160);
        peer.sendEvent(local(port), DTMF, 1000, 5, false, 320);
        for (int i = 0; i < 3; i++) {
            peer.sendEvent(local(port), DTMF, 1000, 5, true, 480);
        }
        assertThat(listener.nextDigit()).isEqualTo('5');

        port.play("menu", List.of(SilenceSource.ofMillis(60_000)), true, false);
        peer.sendEvent(local(port), DTMF, 2000, 11, false, 160); // '#', whose end packets are all lost
        assertThat(listener.nextPlayback()).isEqualTo("menu:interrupted");
        clock.advance(Duration.ofMillis(DtmfReceiver.END_TIMEOUT_MS));
        assertThat(listener.nextDigit()).isEqualTo('#');

        peer.sendEvent(local(port), DTMF, 3000, 1, true, 800);
        assertThat(listener.nextDigit()).isEqualTo('1');
        assertThat(listener.digits).isEmpty();
        assertThat(listener.playbacks).isEmpty();
    }

    @Test
    void aPlaybackThatCannotBeInterruptedPlaysOnThroughDigits() throws Exception {
        TestRtpPeer peer = peer(1);
        RecordingListener listener = new RecordingListener();
        MediaPort port = open(peer, Codec.PCMU, DTMF, listener);

        port.play("terms", List.of(SilenceSource.ofMillis(60_000)), false, false);
        peer.sendEvent(local(port), DTMF, 1000, 0, true, 800);
        assertThat(listener.nextDigit()).isEqualTo('0');
        port.stopPlayback();
        assertThat(listener.nextPlayback()).isEqualTo("terms:stopped");
        port.stopPlayback();
        assertThat(listener.playbacks).as("reported once").isEmpty();
    }

    @Test
    void sendsDigitsAsRfc4733Events() throws Exception {
        TestRtpPeer peer = peer(1);
        MediaPort port = open(peer, Codec.PCMU, DTMF, new RecordingListener());

        port.sendDigits("1#");

        List<TestRtpPeer.Packet> one = receiveOfType(peer, DTMF, 8);
        List<TestRtpPeer.Packet> hash = receiveOfType(peer, DTMF, 8);
        assertEvent(one, 1);
        assertEvent(hash, 11);
        assertThat(hash.get(0).timestamp() - one.get(0).timestamp()).as("the next event starts after tone and gap")
                .isGreaterThanOrEqualTo(8 * 160);
        assertThat(hash.get(0).sequence()).isEqualTo((one.get(7).sequence() + 1) & 0xFFFF);
    }

    @Test
    void relaysDigitsWithTheTargetsPayloadTypeAndStillReportsThem() throws Exception {
        TestRtpPeer caller = peer(0xA);
        TestRtpPeer agent = peer(0xB);
        RecordingListener callerEvents = new RecordingListener();
        MediaPort callerPort = open(caller, Codec.PCMU, DTMF, callerEvents);
        MediaPort agentPort = open(agent, Codec.PCMU, 96, new RecordingListener());
        callerPort.relayTo(agentPort);

        caller.sendEvent(local(callerPort), DTMF, 4000, 7, false, 160);
        for (int i = 0; i < 3; i++) {
            caller.sendEvent(local(callerPort), DTMF, 4000, 7, true, 320);
        }

        List<TestRtpPeer.Packet> atAgent = receiveOfType(agent, 96, 4);
        assertThat(atAgent).allSatisfy(packet -> assertThat(packet.event()).isEqualTo(7));
        assertThat(atAgent.stream().map(TestRtpPeer.Packet::timestamp).distinct()).hasSize(1);
        assertThat(atAgent.get(3).end()).isTrue();
        assertThat(callerEvents.nextDigit()).isEqualTo('7');
    }

    @Test
    void sendsNoDigitsWithoutATelephoneEventPayloadType() throws Exception {
        TestRtpPeer peer = peer(1);
        MediaPort port = open(peer, Codec.PCMU, -1, new RecordingListener());

        port.sendDigits("123");
        port.play("after", List.of(pattern(1)), false, false);

        TestRtpPeer.Packet first = peer.receive();
        assertThat(first.payloadType()).isEqualTo(0);
        assertThat(first.payload()).containsOnly((byte) 1);
    }

    @Test
    void dropsRelayedDigitsWhenTheTargetHasNoTelephoneEvents() throws Exception {
        TestRtpPeer caller = peer(0xA);
        TestRtpPeer agent = peer(0xB);
        RecordingListener callerEvents = new RecordingListener();
        MediaPort callerPort = open(caller, Codec.PCMU, DTMF, callerEvents);
        MediaPort agentPort = open(agent, Codec.PCMU, -1, new RecordingListener());
        callerPort.relayTo(agentPort);

        caller.sendEvent(local(callerPort), DTMF, 4000, 3, true, 800);
        caller.send(local(callerPort), 0, 4800, false, frame((byte) 0x33));

        assertThat(agent.receive().payload()).isEqualTo(frame((byte) 0x33));
        assertThat(callerEvents.nextDigit()).isEqualTo('3');
    }

    @Test
    void onlyAPortExpectingMediaReportsInactivity() throws Exception {
        RecordingListener sendOnly = new RecordingListener();
        RecordingListener sendRecv = new RecordingListener();
        RtpEndpoint quiet = (RtpEndpoint) open(peer(1), Codec.PCMU, DTMF, sendOnly);
        quiet.configure(new RtpSettings(quiet.settings().remote(), Codec.PCMU, DTMF, Direction.SENDONLY));
        open(peer(2), Codec.PCMU, DTMF, sendRecv); // ticked after the first by the one pacer thread

        clock.advance(MediaOptions.DEFAULT_INACTIVITY_TIMEOUT);

        assertThat(RecordingListener.await(sendRecv.inactivity)).isTrue();
        assertThat(sendOnly.inactivity).isEmpty();
    }

    @Test
    void reportsInactivityOnceTheTimeoutPassesWithoutMedia() throws Exception {
        TestRtpPeer peer = peer(1);
        RecordingListener listener = new RecordingListener();
        open(peer, Codec.PCMU, DTMF, listener);

        clock.advance(MediaOptions.DEFAULT_INACTIVITY_TIMEOUT.plusSeconds(1));

        assertThat(RecordingListener.await(listener.inactivity)).isTrue();
    }

    @Test
    void refusesAPortWhenTheRangeIsExhaustedAndReusesAFreedOne() throws Exception {
        try (MediaEngineImpl small = new MediaEngineImpl(MediaOptions.ports(42300, 42303), clock)) {
            RtpEndpoint first = small.openRtp(LOOPBACK);
            RtpEndpoint second = small.openRtp(LOOPBACK);
            assertThat(List.of(first.local().getPort(), second.local().getPort())).containsExactlyInAnyOrder(42300, 42302);

            assertThatThrownBy(() -> small.openRtp(LOOPBACK))
                    .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.cause()).isEqualTo(Cause.UNAVAILABLE))
                    .hasMessageContaining("42300-42303");

            first.close();
            small.awaitClosedPortsFree();
            assertThat(small.openRtp(LOOPBACK).local().getPort()).isEqualTo(42300);
        }
    }

    @Test
    void closingTheEngineClosesItsSocketsAndRefusesNewPorts() throws Exception {
        MediaEngineImpl closing = new MediaEngineImpl(MediaOptions.ports(42400, 42403), clock);
        RtpEndpoint endpoint = closing.openRtp(LOOPBACK);
        RecordingListener listener = new RecordingListener();
        ((MediaPort) endpoint).listener(listener);
        ((MediaPort) endpoint).play("bye", List.of(SilenceSource.ofMillis(60_000)), false, false);

        closing.close();

        assertThat(listener.nextPlayback()).isEqualTo("bye:stopped");
        try (java.net.DatagramSocket rebound = new java.net.DatagramSocket(endpoint.local())) {
            assertThat(rebound.getLocalPort()).isEqualTo(42400);
        }
        assertThatThrownBy(() -> closing.openRtp(LOOPBACK)).isInstanceOf(ChannelException.class);
    }

    @Test
    void malformedPacketsDoNotStopTheReceiveLoop() throws Exception {
        TestRtpPeer peer = peer(1);
        MediaPort port = open(peer, Codec.PCMU, DTMF, new RecordingListener());
        port.relayTo(port);

        try (java.net.DatagramSocket raw = new java.net.DatagramSocket(0, LOOPBACK)) {
            byte[] garbage = {0x40, 0, 0};
            raw.send(new java.net.DatagramPacket(garbage, garbage.length, local(port)));
        }
        peer.send(local(port), 0, 0, false, frame((byte) 0x21));

        assertThat(peer.receive().payload()).isEqualTo(frame((byte) 0x21));
        assertThat(engine.malformedPackets()).isEqualTo(1);
    }

    @Test
    void aNewSenderSsrcKeepsTheOutgoingStreamContinuous() throws Exception {
        TestRtpPeer first = peer(0x1);
        MediaPort port = open(first, Codec.PCMU, DTMF, new RecordingListener());
        port.relayTo(port);
        TestRtpPeer.Packet before = null;
        for (int i = 0; i < 2; i++) {
            first.send(local(port), 0, 160L * i, false, frame((byte) 1));
            before = first.receive();
        }
        first.ssrc(0x2);
        first.sendWithSequence(local(port), 0, 7, 9_999_999L, true, frame((byte) 2)); // new SSRC, sequence and timestamp
        TestRtpPeer.Packet after = first.receive();

        assertThat(after.ssrc()).isEqualTo(before.ssrc());
        assertThat(after.sequence()).isEqualTo((before.sequence() + 1) & 0xFFFF);
        assertThat((int) (after.timestamp() - before.timestamp())).isGreaterThanOrEqualTo(160);
        assertThat(after.marker()).isTrue();
    }

    @Test
    void aReceiveOnlyPortSendsNothingOfItsPlayback() throws Exception {
        TestRtpPeer peer = peer(1);
        RecordingListener listener = new RecordingListener();
        MediaPort port = open(peer, Codec.PCMU, DTMF, listener);
        RtpEndpoint endpoint = (RtpEndpoint) port;
        endpoint.configure(new RtpSettings(peer.address(), Codec.PCMU, DTMF, Direction.RECVONLY));

        port.play("held", List.of(pattern(3)), false, false);
        assertThat(listener.nextPlayback()).isEqualTo("held:completed");
        endpoint.configure(new RtpSettings(peer.address(), Codec.PCMU, DTMF, Direction.SENDRECV));
        port.play("resumed", List.of(SilenceSource.ofMillis(20)), false, false);

        assertThat(peer.receive().payload()).as("the first packet out is the later playback").containsOnly(G711.ULAW_SILENCE);
    }

    @Test
    void framePortRejectsFramesOfTheWrongSize() {
        FrameEndpoint frames = engine.openFrames(Codec.PCMA, frame -> { });
        assertThatThrownBy(() -> frames.received(ByteBuffer.allocate(159)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly 160 bytes").hasMessageContaining("not 159");
    }

    @Test
    void framePortPlaysThroughItsSinkEveryTick() throws Exception {
        BlockingQueue<byte[]> sent = new LinkedBlockingQueue<>();
        RecordingListener listener = new RecordingListener();
        MediaPort frames = (MediaPort) engine.openFrames(Codec.PCMA, frame -> sent.add(copy(frame)));
        frames.listener(listener);

        assertThat(nextFrame(sent)).as("silence while idle").containsOnly(G711.ALAW_SILENCE);
        frames.play("prompt", List.of(pattern(3)), false, false);

        assertThat(nextFrameOtherThanSilence(sent, Codec.PCMA)).containsOnly((byte) 1);
        assertThat(nextFrame(sent)).containsOnly((byte) 2);
        assertThat(nextFrame(sent)).containsOnly((byte) 3);
        assertThat(listener.nextPlayback()).isEqualTo("prompt:completed");
    }

    @Test
    void relaysBetweenAnRtpPortAndAFramePortBothWays() throws Exception {
        TestRtpPeer peer = peer(1);
        MediaPort rtp = open(peer, Codec.PCMU, DTMF, new RecordingListener());
        BlockingQueue<byte[]> toLine = new LinkedBlockingQueue<>();
        FrameEndpoint line = engine.openFrames(Codec.PCMA, frame -> toLine.add(copy(frame)));
        MediaPort linePort = (MediaPort) line;
        rtp.relayTo(linePort);
        linePort.relayTo(rtp);

        for (int i = 0; i < 4; i++) {
            peer.send(local(rtp), 0, 160L * i, false, frame((byte) 0x9A));
        }
        assertThat(nextFrameOtherThanSilence(toLine, Codec.PCMA)).isEqualTo(frame(G711.ulawToAlaw((byte) 0x9A)));

        line.received(ByteBuffer.wrap(frame((byte) 0x2B)));
        TestRtpPeer.Packet fromLine = peer.receive();
        assertThat(fromLine.payloadType()).isEqualTo(0);
        assertThat(fromLine.payload()).isEqualTo(frame(G711.alawToUlaw((byte) 0x2B)));
    }

    // ---- helpers

    private TestRtpPeer peer(int ssrc) throws Exception {
        TestRtpPeer peer = new TestRtpPeer(ssrc);
        toClose.add(peer);
        return peer;
    }

    private MediaPort open(TestRtpPeer peer, Codec codec, int dtmfPayloadType, MediaListener listener) throws Exception {
        RtpEndpoint endpoint = engine.openRtp(LOOPBACK);
        endpoint.configure(new RtpSettings(peer.address(), codec, dtmfPayloadType, Direction.SENDRECV));
        MediaPort port = (MediaPort) endpoint;
        port.listener(listener);
        return port;
    }

    private static java.net.InetSocketAddress local(MediaPort port) {
        return ((RtpEndpoint) port).local();
    }

    private static List<TestRtpPeer.Packet> receive(TestRtpPeer peer, int count) throws Exception {
        List<TestRtpPeer.Packet> packets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            packets.add(peer.receive());
        }
        return packets;
    }

    private static List<TestRtpPeer.Packet> receiveOfType(TestRtpPeer peer, int payloadType, int count) throws Exception {
        List<TestRtpPeer.Packet> packets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            packets.add(peer.receive(payloadType));
        }
        return packets;
    }

    private static void assertConsecutive(List<TestRtpPeer.Packet> packets) {
        for (int i = 1; i < packets.size(); i++) {
            TestRtpPeer.Packet previous = packets.get(i - 1);
            TestRtpPeer.Packet packet = packets.get(i);
            assertThat(packet.sequence()).as("sequence of packet %d", i).isEqualTo((previous.sequence() + 1) & 0xFFFF);
            assertThat((packet.timestamp() - previous.timestamp()) & 0xFFFFFFFFL).as("timestamp step of packet %d", i).isEqualTo(160);
            assertThat(packet.ssrc()).isEqualTo(previous.ssrc());
        }
    }

    private static void assertEvent(List<TestRtpPeer.Packet> packets, int event) {
        assertThat(packets).allSatisfy(packet -> {
            assertThat(packet.event()).isEqualTo(event);
            assertThat(packet.timestamp()).isEqualTo(packets.get(0).timestamp());
            assertThat(packet.payload()).hasSize(4);
        });
        assertThat(packets.get(0).marker()).isTrue();
        assertThat(packets.stream().map(TestRtpPeer.Packet::duration)).containsExactly(160, 320, 480, 640, 800, 800, 800, 800);
        assertThat(packets.stream().map(TestRtpPeer.Packet::end)).containsExactly(false, false, false, false, false, true, true, true);
        assertConsecutiveSequence(packets);
    }

    private static void assertConsecutiveSequence(List<TestRtpPeer.Packet> packets) {
        for (int i = 1; i < packets.size(); i++) {
            assertThat(packets.get(i).sequence()).isEqualTo((packets.get(i - 1).sequence() + 1) & 0xFFFF);
        }
    }

    /** A source of {@code frames} frames, frame i filled with the byte i + 1 (in either codec). */
    private static AudioSource pattern(int frames) {
        return () -> new AudioSource.Cursor() {
            private int played;

            @Override
            public boolean next(Codec codec, byte[] frame) {
                if (played >= frames) {
                    return false;
                }
                played++;
                Arrays.fill(frame, 0, 160, (byte) played);
                return true;
            }
        };
    }

    private static byte[] frame(byte value) {
        byte[] frame = new byte[160];
        Arrays.fill(frame, value);
        return frame;
    }

    private static byte[] copy(ByteBuffer frame) {
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        return bytes;
    }

    private static byte[] nextFrame(BlockingQueue<byte[]> frames) throws InterruptedException {
        return RecordingListener.await(frames);
    }

    private static byte[] nextFrameOtherThanSilence(BlockingQueue<byte[]> frames, Codec codec) throws InterruptedException {
        long ceiling = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TestRtpPeer.CEILING_MILLIS);
        while (System.nanoTime() < ceiling) {
            byte[] frame = frames.poll(TestRtpPeer.CEILING_MILLIS, TimeUnit.MILLISECONDS);
            if (frame != null && !Arrays.equals(frame, frame(G711.silence(codec)))) {
                return frame;
            }
        }
        throw new AssertionError("only silence within " + TestRtpPeer.CEILING_MILLIS + " ms");
    }
}
