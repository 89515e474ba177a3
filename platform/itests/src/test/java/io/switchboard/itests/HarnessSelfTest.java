package io.switchboard.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.itests.support.Await;
import io.switchboard.itests.support.Baresip;
import io.switchboard.itests.support.RtpProbe;
import io.switchboard.itests.support.Sipp;
import io.switchboard.itests.support.Sipp.Transport;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SIP test harness checked without an appliance: every scenario the appliance tests use runs
 * against a SIPp (or RtpProbe, or baresip) playing the appliance's part, on loopback.
 */
class HarnessSelfTest {
    private static final Duration CEILING = Duration.ofSeconds(30);
    private static final String LOCAL = "127.0.0.1";

    @BeforeAll
    static void toolsPresent() {
        Sipp.requireInstalled();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void callerMediaGoesToTheProbeAndSippEchoesIt(Transport transport) throws Exception {
        try (RtpProbe probe = RtpProbe.open();
                Sipp phone = Sipp.scenario("uas-agent-phone.xml").transport(transport).rtpEcho().start()) {
            // given a far end that answers with its own echoing media port
            Sipp caller = Sipp.scenario("uac-call-media-probe.xml").remote(LOCAL, phone.localPort())
                    .transport(transport).service("300").calls(1).set("probe_port", probe.port())
                    .set("hold_ms", 2000).start();

            // when the probe streams to the answer's media address
            InetSocketAddress answer = caller.awaitMedia("answer-media", CEILING);
            assertThat(answer.getPort()).isEqualTo(phone.mediaPort());
            assertThat(phone.awaitMedia("offer-media", CEILING).getPort()).isEqualTo(probe.port());
            byte[] tone = RtpProbe.tone(RtpProbe.PCMU, 440, Duration.ofMillis(1000));
            probe.remote(answer).sendStream(RtpProbe.PCMU, tone, Duration.ofMillis(1000));
            probe.awaitSent(CEILING);

            // then every packet comes back unchanged, at 50 packets a second
            probe.awaitPackets(50, CEILING);
            assertThat(probe.packets(RtpProbe.PCMU)).isEqualTo(50);
            assertThat(probe.echoedPackets()).isEqualTo(50);
            assertThat(probe.packetsPerSecondByTimestamp(RtpProbe.PCMU, Duration.ofMillis(500))).isEqualTo(50.0);
            assertThat(probe.packetsPerSecondByArrival(RtpProbe.PCMU, Duration.ofMillis(500))).isBetween(40.0, 60.0);
            assertThat(probe.ssrcs()).hasSize(1);
            assertThat(probe.latePackets(RtpProbe.PCMU, Duration.ofMillis(10))).isLessThanOrEqualTo(2);

            Sipp.Result result = caller.awaitExit(CEILING);
            assertThat(result.successfulCalls()).as(result.describe()).isEqualTo(1);
            assertThat(result.exitCode()).as(result.describe()).isZero();
            Sipp.Result far = phone.stop();
            if (transport == Transport.UDP) {
                assertThat(far.successfulCalls()).as(far.describe()).isEqualTo(1);
            } else {
                // over TCP the caller closes the connection as it ends; SIPp counts that against the
                // far end's call even after its 200 for the BYE went out
                assertThat(far.failedCalls()).as(far.describe()).isEqualTo(far.counter("FailedTcpClosed(C)"));
            }
        }
    }

    @Test
    void farEndHangsUp() throws Exception {
        try (Sipp phone = Sipp.scenario("uas-agent-phone-hangup.xml").set("hold_ms", 300).rtpEcho().start()) {
            Sipp.Result caller = Sipp.scenario("uac-call-wait-bye.xml").remote(LOCAL, phone.localPort())
                    .set("probe_port", 4000).run(CEILING);
            assertThat(caller.successfulCalls()).as(caller.describe()).isEqualTo(1);
            assertThat(phone.stop().successfulCalls()).isEqualTo(1);
        }
    }

    @Test
    void agentPhoneAnswersHoldAndResumeWithTheMatchingDirection() throws Exception {
        try (Sipp phone = Sipp.scenario("uas-agent-phone.xml").rtpEcho().start()) {
            Sipp.Result caller = Sipp.scenario("double-caller-hold.xml").remote(LOCAL, phone.localPort())
                    .set("probe_port", 4000).run(CEILING);
            assertThat(caller.successfulCalls()).as(caller.describe()).isEqualTo(1);
            assertThat(phone.logLines()).anyMatch(l -> l.endsWith("offer sendonly answer recvonly"))
                    .anyMatch(l -> l.endsWith("offer sendrecv answer sendrecv"));
        }
    }

    @Test
    void sippSendsRfc2833DigitsToTheAnswersMediaAddress() throws Exception {
        try (RtpProbe probe = RtpProbe.open();
                Sipp phone = Sipp.scenario("uas-agent-phone.xml").set("answer_port", probe.port()).start()) {
            Sipp.Result caller = Sipp.scenario("uac-call-dtmf.xml").remote(LOCAL, phone.localPort()).service("100")
                    .dtmf("12#*0").set("hold_ms", 200).run(CEILING);
            assertThat(caller.successfulCalls()).as(caller.describe()).isEqualTo(1);
            // the captures keep payload type 101: 10 packets a digit, each end repeated three times
            assertThat(probe.awaitDigits("12#*0", CEILING)).isEqualTo("12#*0");
            assertThat(probe.packets(101)).isEqualTo(50);
            assertThat(probe.packets()).isEqualTo(50);
        }
    }

    @Test
    void probeDigitsAndToneReachAnotherProbe() throws Exception {
        try (RtpProbe a = RtpProbe.open(); RtpProbe b = RtpProbe.open()) {
            a.remote(b.address()).sendDigits("1155#", 101);
            assertThat(b.awaitDigits("1155#", CEILING)).isEqualTo("1155#");
            a.awaitSent(CEILING);
            a.sendStream(RtpProbe.PCMA, RtpProbe.tone(RtpProbe.PCMA, 1000, Duration.ofMillis(200)),
                    Duration.ofMillis(600));
            b.awaitPackets(40 + 30, CEILING);
            assertThat(b.packets(RtpProbe.PCMA)).isEqualTo(30);
            assertThat(b.sequenceNumbers(RtpProbe.PCMA)).hasSize(30);
            long[] ts = b.timestamps(RtpProbe.PCMA);
            assertThat(ts[ts.length - 1] - ts[0]).isEqualTo(29 * 160L);
            assertThat(b.echoedPackets()).isZero(); // b sent nothing, so nothing it got is an echo
        }
    }

    @Test
    void callerCancelsWhileItRings() throws Exception {
        try (Sipp ringing = Sipp.scenario("double-ringing.xml").start()) {
            Sipp.Result caller = Sipp.scenario("uac-cancel.xml").remote(LOCAL, ringing.localPort()).service("200")
                    .set("cancel_after_ms", 200).run(CEILING);
            assertThat(caller.successfulCalls()).as(caller.describe()).isEqualTo(1);
            assertThat(ringing.stop().successfulCalls()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @CsvSource({"403,Forbidden,127.0.0.2", "503,Service Unavailable,127.0.0.1", "488,Not Acceptable Here,127.0.0.1"})
    void callerExpectsTheRefusal(int status, String reason, String callerIp) throws Exception {
        try (Sipp refusing = Sipp.scenario("double-reply.xml").replace("403 Forbidden", status + " " + reason).start()) {
            Sipp.Result caller = Sipp.scenario("uac-expect-" + status + ".xml").localIp(callerIp)
                    .remote(LOCAL, refusing.localPort()).service("300").run(CEILING);
            assertThat(caller.successfulCalls()).as(caller.describe()).isEqualTo(1);
            assertThat(refusing.stop().successfulCalls()).isEqualTo(1);
        }
    }

    @Test
    void anUnexpectedStatusFailsTheCall() throws Exception {
        try (Sipp refusing = Sipp.scenario("double-reply.xml").replace("403 Forbidden", "503 Service Unavailable")
                .start()) {
            Sipp.Result caller = Sipp.scenario("uac-expect-403.xml").remote(LOCAL, refusing.localPort())
                    .globalTimeout(Duration.ofSeconds(10)).run(CEILING);
            assertThat(caller.exitCode()).isNotZero();
            assertThat(caller.successfulCalls()).isZero();
            assertThat(caller.failedCalls()).isEqualTo(1);
            assertThat(caller.errors()).contains("503");
        }
    }

    @ParameterizedTest
    @CsvSource({"register.xml,demo-1001", "register-expect-403.xml,wrong"})
    void phoneRegistersWithDigest(String scenario, String password) throws Exception {
        try (Sipp registrar = Sipp.scenario("double-registrar.xml").set("reg_user", "1001")
                .set("reg_password", "demo-1001").start()) {
            Sipp.Result phone = Sipp.scenario(scenario).remote(LOCAL, registrar.localPort()).service("1001")
                    .auth("1001", password).set("contact_port", 5999).set("expires", 60).run(CEILING);
            assertThat(phone.successfulCalls()).as(phone.describe()).isEqualTo(1);
            assertThat(registrar.stop().log()).anyMatch(l -> l.endsWith(" " + password.equals("demo-1001")));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void optionsIsAnswered(Transport transport) throws Exception {
        try (Sipp far = Sipp.scenario("double-options.xml").transport(transport).start()) {
            Sipp.Result caller = Sipp.scenario("options.xml").transport(transport).remote(LOCAL, far.localPort())
                    .run(CEILING);
            assertThat(caller.successfulCalls()).as(caller.describe()).isEqualTo(1);
        }
    }

    @Test
    void benchmarkPairCompletesEveryCall() throws Exception {
        try (Sipp uas = Sipp.scenario("bench-uas.xml").rtpEcho().traceMessages(false).start()) {
            Sipp.Result uac = Sipp.scenario("bench-uac-echo.xml").remote(LOCAL, uas.localPort()).service("300")
                    .calls(50).rate(100).limit(50).duration(Duration.ofMillis(100)).traceMessages(false).run(CEILING);
            assertThat(uac.successfulCalls()).as(uac.describe()).isEqualTo(50);
            assertThat(uac.failedCalls()).isZero();
            Sipp.Result rtp = Sipp.scenario("bench-uac-echo-rtp.xml").remote(LOCAL, uas.localPort()).service("300")
                    .calls(2).rate(10).duration(Duration.ofMillis(300)).run(CEILING);
            assertThat(rtp.successfulCalls()).as(rtp.describe()).isEqualTo(2);
        }
    }

    @Test
    void baresipRegistersWithDigest() throws Exception {
        try (Sipp registrar = Sipp.scenario("double-registrar.xml").set("reg_user", "1001")
                .set("reg_password", "demo-1001").start();
                Baresip phone = Baresip.agent("1001", "demo-1001", LOCAL, registrar.localPort()).start()) {
            assertThat(phone.awaitRegistered(CEILING)).contains("sip:1001@127.0.0.1");
            assertThat(registrar.logLines()).anyMatch(l -> l.endsWith(" true"));
        }
    }

    @Test
    void baresipDialsAndHangsUp() throws Exception {
        try (Sipp registrar = Sipp.scenario("double-registrar.xml").set("reg_user", "1001")
                .set("reg_password", "demo-1001").start();
                Sipp far = Sipp.scenario("uas-agent-phone.xml").rtpEcho().start();
                Baresip phone = Baresip.agent("1001", "demo-1001", LOCAL, registrar.localPort()).start()) {
            phone.awaitRegistered(CEILING);
            phone.dial("sip:300@127.0.0.1:" + far.localPort());
            phone.awaitEvent("CALL_ESTABLISHED", CEILING);
            far.awaitMedia("offer-media", CEILING);
            phone.hangup();
            phone.awaitEvent("CALL_CLOSED", CEILING);
            assertThat(Await.until(CEILING, () -> far.stop().successfulCalls(), n -> n == 1)).isEqualTo(1);
        }
    }
}
