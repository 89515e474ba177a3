package io.switchboard.sip.internal.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.api.channel.Codec;
import io.switchboard.api.channel.Direction;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class SdpNegotiatorTest {

    private final SdpParser parser = new SdpParser();
    private final SdpNegotiator negotiator = new SdpNegotiator();

    private Negotiated negotiate(String sdp) throws SdpException {
        return negotiator.negotiate(parser.parse(sdp), Direction.SENDRECV);
    }

    private static String offer(String media, String... attributes) {
        return "v=0\r\no=- 1 1 IN IP4 10.0.0.5\r\ns=-\r\nc=IN IP4 10.0.0.5\r\nt=0 0\r\nm=audio 4000 RTP/AVP " + media
                + "\r\n" + String.join("\r\n", attributes) + (attributes.length > 0 ? "\r\n" : "");
    }

    @Test
    void picksTheFirstG711InTheOffersOrderAndKeepsItsTelephoneEventType() throws SdpException {
        Negotiated n = negotiate(offer("18 8 0 96", "a=rtpmap:18 G729/8000", "a=rtpmap:96 telephone-event/8000"));

        assertThat(n.codec()).isEqualTo(Codec.PCMA);
        assertThat(n.dtmfPayloadType()).isEqualTo(96);
        assertThat(n.remote()).isEqualTo(new InetSocketAddress("10.0.0.5", 4000));
        assertThat(n.direction()).isEqualTo(Direction.SENDRECV);
        assertThat(n.farEndHolding()).isFalse();
    }

    @Test
    void pcmuFirstWinsWithoutRtpmapAndWithoutTelephoneEvent() throws SdpException {
        Negotiated n = negotiate(offer("0 8"));

        assertThat(n.codec()).isEqualTo(Codec.PCMU);
        assertThat(n.dtmfPayloadType()).isEqualTo(-1);
    }

    @Test
    void noCommonCodecIsIncompatible() {
        assertThatThrownBy(() -> negotiate(offer("18 9", "a=rtpmap:18 G729/8000")))
                .isInstanceOfSatisfying(SdpException.class, e -> assertThat(e.isIncompatible()).isTrue());
    }

    @Test
    void aStaticTypeRemappedToAnotherCodecIsNotG711() {
        assertThatThrownBy(() -> negotiate(offer("0", "a=rtpmap:0 opus/48000")))
                .isInstanceOfSatisfying(SdpException.class, e -> assertThat(e.isIncompatible()).isTrue());
    }

    @Test
    void mediaLevelConnectionOverridesTheSessions() throws SdpException {
        String sdp = "v=0\r\no=- 1 1 IN IP4 1.1.1.1\r\ns=-\r\nc=IN IP4 1.1.1.1\r\nt=0 0\r\n"
                + "m=audio 5000 RTP/AVP 0\r\nc=IN IP4 192.168.1.9\r\n";

        assertThat(negotiate(sdp).remote()).isEqualTo(new InetSocketAddress("192.168.1.9", 5000));
    }

    @Test
    void connectionOnlyAtMediaLevelIsEnough() throws SdpException {
        String sdp = "v=0\r\no=- 1 1 IN IP4 1.1.1.1\r\ns=-\r\nt=0 0\r\nm=audio 5000 RTP/AVP 8\r\nc=IN IP4 10.1.1.1\r\n";

        assertThat(negotiate(sdp).remote().getAddress().getHostAddress()).isEqualTo("10.1.1.1");
    }

    @Test
    void sendonlyFromTheFarEndIsHoldAndWeOnlyReceive() throws SdpException {
        Negotiated n = negotiate(offer("0", "a=sendonly"));

        assertThat(n.direction()).isEqualTo(Direction.RECVONLY);
        assertThat(n.farEndHolding()).isTrue();
    }

    @Test
    void inactiveAtSessionLevelIsHold() throws SdpException {
        String sdp = "v=0\r\no=- 1 1 IN IP4 1.1.1.1\r\ns=-\r\nc=IN IP4 1.1.1.1\r\nt=0 0\r\na=inactive\r\n"
                + "m=audio 5000 RTP/AVP 0\r\n";

        Negotiated n = negotiate(sdp);
        assertThat(n.direction()).isEqualTo(Direction.INACTIVE);
        assertThat(n.farEndHolding()).isTrue();
    }

    @Test
    void nullAddressIsOldStyleHold() throws SdpException {
        String sdp = offer("0").replace("c=IN IP4 10.0.0.5", "c=IN IP4 0.0.0.0");

        Negotiated n = negotiate(sdp);
        assertThat(n.farEndHolding()).isTrue();
        assertThat(n.direction()).isEqualTo(Direction.RECVONLY);
    }

    @Test
    void whileWeHoldWeOnlySend() throws SdpException {
        Negotiated n = negotiator.negotiate(parser.parse(offer("0")), Direction.SENDONLY);

        assertThat(n.direction()).isEqualTo(Direction.SENDONLY);
        assertThat(n.farEndHolding()).isFalse();
    }

    @Test
    void aRejectedAudioStreamIsSkippedForTheNextOne() throws SdpException {
        String sdp = "v=0\r\no=- 1 1 IN IP4 1.1.1.1\r\ns=-\r\nc=IN IP4 1.1.1.1\r\nt=0 0\r\n"
                + "m=audio 0 RTP/AVP 0\r\nm=video 6000 RTP/AVP 96\r\nm=audio 7000 RTP/AVP 8\r\n";

        assertThat(negotiate(sdp).remote().getPort()).isEqualTo(7000);
        assertThat(negotiate(sdp).codec()).isEqualTo(Codec.PCMA);
    }

    @Test
    void garbageIsMalformedNotIncompatible() {
        for (String garbage : List.of("", "hello", "v=0\r\nm=audio x RTP/AVP 0\r\n",
                "v=0\r\nc=IN IP4\r\nm=audio 4000 RTP/AVP 0\r\n", "v=0\r\nm=audio 4000 RTP/AVP 0 banana\r\n",
                "v=0\r\nm=audio 99999 RTP/AVP 0\r\n", "v=0\r\nnot a line\r\n")) {
            assertThatThrownBy(() -> negotiate(garbage)).as(garbage)
                    .isInstanceOfSatisfying(SdpException.class, e -> assertThat(e.isIncompatible()).isFalse());
        }
    }

    @Test
    void missingConnectionIsMalformed() {
        String sdp = "v=0\r\no=- 1 1 IN IP4 1.1.1.1\r\ns=-\r\nt=0 0\r\nm=audio 5000 RTP/AVP 0\r\n";

        assertThatThrownBy(() -> negotiate(sdp))
                .isInstanceOfSatisfying(SdpException.class, e -> assertThat(e.isIncompatible()).isFalse());
    }

    @Test
    void ourAnswerReadsBackAsWhatWasNegotiated() throws Exception {
        String written = new SdpWriter().write(7, 1, new InetSocketAddress(InetAddress.getByName("10.9.8.7"), 20000),
                List.of(Codec.PCMA), 96, Direction.SENDONLY);

        Negotiated n = negotiate(written);
        assertThat(n.codec()).isEqualTo(Codec.PCMA);
        assertThat(n.dtmfPayloadType()).isEqualTo(96);
        assertThat(n.remote()).isEqualTo(new InetSocketAddress("10.9.8.7", 20000));
        assertThat(n.farEndHolding()).isTrue();
        assertThat(written).contains("m=audio 20000 RTP/AVP 8 96\r\n", "a=sendonly\r\n");
    }
}
