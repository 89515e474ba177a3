package io.switchboard.sip.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.api.call.Cause;
import io.switchboard.api.call.DialRequest;
import io.switchboard.api.channel.Channel;
import io.switchboard.api.channel.Codec;
import io.switchboard.api.channel.InboundRequest;
import io.switchboard.testsupport.SqliteTestDatabase;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver's stack on 127.0.0.1 outside OSGi, with test doubles of core's hub and media engine,
 * driven by the real SIPp binary (Debian's sip-tester) as the far end.
 */
class SipDriverSippTest {

    private static final Duration CEILING = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final TestHub hub = new TestHub();
    private final TestMedia media = new TestMedia();
    private SqliteTestDatabase database;
    private SipEngine engine;
    private int port;
    private Sipp sipp;
    private int trunkPort;

    @BeforeEach
    void startDriver() throws Exception {
        database = new SqliteTestDatabase(dir, "/db/migration/V1__devices_registrations.sql");
        port = Sipp.freeUdpPort();
        trunkPort = Sipp.freeUdpPort();
        SipOptions options = SipOptions.defaults().withTrunkGateway("127.0.0.1:" + trunkPort);
        engine = SipEngine.start(options, InetAddress.getByName("127.0.0.1"), port, hub, media, database,
                Clock.systemUTC());
        DemoDevices.addOnce(database, engine.devices(), options.realm());
        sipp = new Sipp(dir);
    }

    @AfterEach
    void stopDriver() throws Exception {
        sipp.stop();
        engine.close();
        database.close();
    }

    private void run(String scenario, Map<String, String> values, String... args) throws Exception {
        sipp.start(scenario, values, "127.0.0.1:" + port, List.of(args));
        int status = sipp.await(CEILING);
        assertThat(status).as("SIPp exit status; its output:\n%s", sipp.output()).isZero();
    }

    @Test
    void aTrustedTrunkCallIsAnsweredAndEndsWithTheCallersBye() throws Exception {
        run("trunk_call.xml", Map.of(), "-s", "answer", "-i", "127.0.0.1");

        assertThat(hub.await("answered", CEILING)).isEqualTo("leg-1 answered");
        assertThat(hub.await("ended", CEILING)).isEqualTo("leg-1 ended NORMAL");
        InboundRequest offered = hub.offered.get(0);
        assertThat(offered.driver()).isEqualTo("sip");
        assertThat(offered.dialled()).isEqualTo("answer");
        assertThat(offered.caller()).isEqualTo("13800000001");
        assertThat(offered.details()).containsEntry("trunk", "127.0.0.1").containsEntry("transport", "udp");
        TestMedia.FakeRtp rtp = media.opened.get(0);
        assertThat(rtp.settings.codec()).isEqualTo(Codec.PCMA);
        assertThat(rtp.settings.dtmfPayloadType()).isEqualTo(101);
        assertThat(rtp.closed).isTrue();
    }

    @Test
    void anInviteFromAnUntrustedUnregisteredSourceIsForbidden() throws Exception {
        run("invite_refused.xml", Map.of("EXPECTED", "403", "CALLER", "1001", "FORMATS", "0"),
                "-s", "answer", "-i", "127.0.0.2");

        assertThat(hub.offered).isEmpty();
        assertThat(media.opened).isEmpty();
    }

    @Test
    void aDeviceRegistersWithTheRightPassword() throws Exception {
        run("register.xml", Map.of("EXPECTED", "200"), "-s", "1001", "-au", "1001", "-ap", "demo-1001",
                "-i", "127.0.0.1");

        assertThat(engine.registrar().lookup("1001")).singleElement()
                .satisfies(b -> assertThat(b.source()).startsWith("127.0.0.1:"));
    }

    @Test
    void aWrongPasswordIsForbiddenAndRegistersNothing() throws Exception {
        run("register.xml", Map.of("EXPECTED", "403"), "-s", "1001", "-au", "1001", "-ap", "wrong",
                "-i", "127.0.0.1");

        assertThat(engine.registrar().lookup("1001")).isEmpty();
    }

    @Test
    void aCancelBeforeTheAnswerEndsTheLegCancelled() throws Exception {
        run("cancel.xml", Map.of(), "-s", "ring", "-i", "127.0.0.1");

        assertThat(hub.await("ended", CEILING)).isEqualTo("leg-1 ended CANCELLED");
        assertThat(media.openCount()).isZero();
    }

    @Test
    void optionsIsAnsweredAlsoWhileDraining() throws Exception {
        hub.accepting = false;

        run("options.xml", Map.of(), "-i", "127.0.0.1");
    }

    @Test
    void whileDrainingANewCallGets503() throws Exception {
        hub.accepting = false;

        run("invite_refused.xml", Map.of("EXPECTED", "503", "CALLER", "trunk", "FORMATS", "0"),
                "-s", "answer", "-i", "127.0.0.1");
        assertThat(hub.offered).isEmpty();
    }

    @Test
    void anOfferWithoutG711Gets488AndNoCall() throws Exception {
        run("invite_refused.xml", Map.of("EXPECTED", "488", "CALLER", "trunk", "FORMATS", "18 9"),
                "-s", "answer", "-i", "127.0.0.1");

        assertThat(hub.offered).isEmpty();
        assertThat(media.opened).isEmpty();
    }

    @Test
    void aNumberWithoutRouteGets404AndItsMediaIsClosed() throws Exception {
        run("invite_refused.xml", Map.of("EXPECTED", "404", "CALLER", "trunk", "FORMATS", "0"),
                "-s", "404", "-i", "127.0.0.1");

        assertThat(media.openCount()).isZero();
    }

    @Test
    void anOutboundTrunkLegIsAnsweredAndHungUp() throws Exception {
        Sipp uas = new Sipp(dir);
        try {
            uas.startBuiltIn("uas", trunkPort, List.of("-i", "127.0.0.1"));
            var sink = new TestHub.RecordingSink("out-1", hub.events);
            Channel channel = engine.originate("out-1", new DialRequest("trunk:5551234", "", Duration.ofSeconds(20)), sink);

            assertThat(hub.await("answered", CEILING)).isEqualTo("out-1 answered");
            assertThat(media.opened.get(0).settings.codec()).isEqualTo(Codec.PCMU);
            channel.hangup(Cause.NORMAL);
            assertThat(hub.await("ended", CEILING)).isEqualTo("out-1 ended NORMAL");
            assertThat(uas.await(CEILING)).as("SIPp UAS output:\n%s", uas.output()).isZero();
        } finally {
            uas.stop();
        }
    }

    @Test
    void dialingAnUnregisteredDeviceFailsAtOnce() {
        var sink = new TestHub.RecordingSink("out-2", hub.events);

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        engine.originate("out-2", new DialRequest("sip:1002", "", Duration.ofSeconds(5)), sink))
                .isInstanceOfSatisfying(io.switchboard.api.channel.ChannelException.class,
                        e -> assertThat(e.cause()).isEqualTo(Cause.UNREACHABLE));
    }

    @Test
    void farEndDigitsHoldResumeAndOfferlessReInviteReachTheLeg() throws Exception {
        run("trunk_midcall.xml", Map.of(), "-s", "answer", "-i", "127.0.0.1");

        assertThat(hub.next(CEILING)).isEqualTo("leg-1 answered");
        assertThat(hub.next(CEILING)).isEqualTo("leg-1 digit 5");
        assertThat(hub.next(CEILING)).isEqualTo("leg-1 held true");
        assertThat(hub.next(CEILING)).isEqualTo("leg-1 held false");
        assertThat(hub.next(CEILING)).isEqualTo("leg-1 ended NORMAL");
        // the answer in the last ACK switched the stream to PCMA
        assertThat(media.opened.get(0).settings.codec()).isEqualTo(Codec.PCMA);
    }

    @Test
    void aRegisteredDeviceDialsOutAfterA407Challenge() throws Exception {
        run("device_call.xml", Map.of(), "-s", "answer", "-i", "127.0.0.2", "-au", "1001", "-ap", "demo-1001");

        assertThat(hub.await("ended", CEILING)).isEqualTo("leg-1 ended NORMAL");
        InboundRequest offered = hub.offered.get(0);
        assertThat(offered.caller()).isEqualTo("1001");
        assertThat(offered.details()).containsEntry("device", "1001").doesNotContainKey("trunk");
    }

    @Test
    void badInputGetsAnswersAndTheStackKeepsAnswering() throws Exception {
        try (var udp = new java.net.DatagramSocket()) {
            var target = new java.net.InetSocketAddress("127.0.0.1", port);
            for (String junk : List.of("\u0000\u0001garbage", "INVITE sip:x SIP/2.0\r\n\r\n",
                    "SIP/2.0 200 OK\r\nCall-ID: stray\r\n\r\n", "OPTIONS sip:x SIP/2.0\r\nCSeq: banana\r\n\r\n")) {
                byte[] bytes = junk.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                udp.send(new java.net.DatagramPacket(bytes, bytes.length, target));
            }
        }
        try (var tcp = new java.net.Socket("127.0.0.1", port)) {
            // far beyond the 64 KiB message limit
            tcp.getOutputStream().write(("INVITE sip:answer@127.0.0.1 SIP/2.0\r\nContent-Length: 200000\r\n\r\n"
                    + "x".repeat(200_000)).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (java.io.IOException e) {
            // the stack may close the connection on us: that is a fine answer
        }

        run("bad_input.xml", Map.of(), "-i", "127.0.0.1");
        assertThat(hub.offered).isEmpty();
    }

    @Test
    void aRegisteredPhoneIsCalledPutOnHoldResumedAndHangsUp() throws Exception {
        int phonePort = Sipp.freeUdpPort();
        engine.registrar().register("1001",
                List.of(new io.switchboard.sip.internal.registrar.ContactUpdate("sip:1001@127.0.0.1:" + phonePort, 300)),
                false, -1, "reg-1", 1, "127.0.0.1:" + phonePort, "udp");
        Sipp phone = new Sipp(dir);
        try {
            phone.start("hold_uas.xml", Map.of(), null, List.of("-p", Integer.toString(phonePort), "-i", "127.0.0.1"));
            var sink = new TestHub.RecordingSink("agent", hub.events);
            Channel channel = engine.originate("agent", new DialRequest("sip:1001", "13800000001", Duration.ofSeconds(20)),
                    sink);

            // the phone's 180 and 200 may be handled in either order; the answer is what counts
            assertThat(hub.await("answered", CEILING)).isEqualTo("agent answered");
            channel.hold(true);
            channel.hold(false); // queued behind the first re-INVITE
            try {
                assertThat(hub.next(CEILING)).isEqualTo("agent ended NORMAL");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + phone.output(), e);
            }
            assertThat(phone.await(CEILING)).as("SIPp phone output:\n%s", phone.output()).isZero();
            assertThat(media.opened.get(0).settings.direction()).isEqualTo(io.switchboard.api.channel.Direction.SENDRECV);
            assertThat(media.opened.get(0).closed).isTrue();
        } finally {
            phone.stop();
        }
    }

    @Test
    void aBusyTrunkEndsTheOutboundLegBusy() throws Exception {
        Sipp uas = new Sipp(dir);
        try {
            uas.start("busy_uas.xml", Map.of(), null, List.of("-p", Integer.toString(trunkPort), "-i", "127.0.0.1"));
            var sink = new TestHub.RecordingSink("out-3", hub.events);
            engine.originate("out-3", new DialRequest("trunk:5550000", "", Duration.ofSeconds(20)), sink);

            assertThat(hub.await("ended", CEILING)).isEqualTo("out-3 ended BUSY");
            assertThat(uas.await(CEILING)).as("SIPp UAS output:\n%s", uas.output()).isZero();
            assertThat(media.openCount()).isZero();
        } finally {
            uas.stop();
        }
    }

    @Test
    void theDialTimeoutCancelsARingingLegAsNoAnswer() throws Exception {
        Sipp uas = new Sipp(dir);
        try {
            uas.start("no_answer_uas.xml", Map.of(), null, List.of("-p", Integer.toString(trunkPort), "-i", "127.0.0.1"));
            var sink = new TestHub.RecordingSink("out-4", hub.events);
            engine.originate("out-4", new DialRequest("trunk:5550001", "", Duration.ofSeconds(2)), sink);

            assertThat(hub.next(CEILING)).isEqualTo("out-4 ringing");
            assertThat(hub.next(CEILING)).isEqualTo("out-4 ended NO_ANSWER");
            assertThat(uas.await(CEILING)).as("SIPp UAS output:\n%s", uas.output()).isZero();
        } finally {
            uas.stop();
        }
    }

    /** The test's options with a different inbound ring timeout and overload threshold. */
    private SipOptions options(Duration ringTimeout, int overloadThreshold) {
        SipOptions o = engine.options();
        return new SipOptions(o.trustedPeers(), o.realm(), o.trunkGateway(), o.maxMessageSize(), o.threadPoolSize(),
                o.maxServerTransactions(), o.minExpires(), o.maxExpires(), o.lockoutFailures(), o.lockoutWindow(),
                o.lockoutDuration(), ringTimeout, overloadThreshold, o.nonceLifetime());
    }

    @Test
    void anInboundCallCoreNeverAnswersGets480AtTheRingTimeout() throws Exception {
        engine.update(options(Duration.ofSeconds(1), 200));

        run("invite_refused.xml", Map.of("EXPECTED", "480", "CALLER", "trunk", "FORMATS", "0"),
                "-s", "ring", "-i", "127.0.0.1");
        assertThat(hub.await("ended", CEILING)).isEqualTo("leg-1 ended NO_ANSWER");
        assertThat(media.openCount()).isZero();
    }

    @Test
    void pastTheOverloadThresholdANewCallGets503() throws Exception {
        engine.update(options(Duration.ofSeconds(180), 0));

        run("invite_refused.xml", Map.of("EXPECTED", "503", "CALLER", "trunk", "FORMATS", "0"),
                "-s", "answer", "-i", "127.0.0.1");
        assertThat(hub.offered).isEmpty();
    }
}
