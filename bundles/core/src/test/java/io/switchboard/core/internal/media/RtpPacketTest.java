package io.switchboard.core.internal.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RtpPacketTest {

    private final RtpPacket packet = new RtpPacket();

    @Test
    void readsWhatWriteHeaderBuilt() {
        byte[] buffer = new byte[12 + 160];
        RtpPacket.writeHeader(buffer, true, 8, 65535, 0xFFFFFF00, 0xCAFEBABE);
        assertThat(packet.parse(buffer, buffer.length)).isTrue();
        assertThat(packet.marker).isTrue();
        assertThat(packet.payloadType).isEqualTo(8);
        assertThat(packet.sequence).isEqualTo(65535);
        assertThat(packet.timestamp).isEqualTo(0xFFFFFF00);
        assertThat(packet.ssrc).isEqualTo(0xCAFEBABE);
        assertThat(packet.payloadOffset).isEqualTo(12);
        assertThat(packet.payloadLength).isEqualTo(160);
    }

    @Test
    void skipsCsrcsExtensionAndPadding() {
        // 2 CSRCs, a 1-word extension, 160 bytes of payload, 4 bytes of padding
        byte[] buffer = new byte[12 + 8 + 4 + 4 + 160 + 4];
        RtpPacket.writeHeader(buffer, false, 0, 1, 2, 3);
        buffer[0] = (byte) (0x80 | 0x20 | 0x10 | 2);
        buffer[20 + 3] = 1; // extension length: one word
        buffer[buffer.length - 1] = 4;
        assertThat(packet.parse(buffer, buffer.length)).isTrue();
        assertThat(packet.payloadOffset).isEqualTo(28);
        assertThat(packet.payloadLength).isEqualTo(160);
    }

    @Test
    void rejectsMalformedPacketsWithoutThrowing() {
        byte[] header = new byte[12];
        RtpPacket.writeHeader(header, false, 0, 1, 2, 3);
        assertThat(packet.parse(header, 11)).as("short").isFalse();

        byte[] version1 = header.clone();
        version1[0] = 0x40;
        assertThat(packet.parse(version1, 12)).as("version 1").isFalse();

        byte[] csrcBeyond = header.clone();
        csrcBeyond[0] = (byte) (0x80 | 3);
        assertThat(packet.parse(csrcBeyond, 12)).as("CSRCs past the end").isFalse();

        byte[] extensionBeyond = new byte[16];
        RtpPacket.writeHeader(extensionBeyond, false, 0, 1, 2, 3);
        extensionBeyond[0] = (byte) 0x90;
        extensionBeyond[15] = 9;
        assertThat(packet.parse(extensionBeyond, 16)).as("extension past the end").isFalse();

        byte[] paddingBeyond = new byte[14];
        RtpPacket.writeHeader(paddingBeyond, false, 0, 1, 2, 3);
        paddingBeyond[0] = (byte) 0xA0;
        paddingBeyond[13] = 5;
        assertThat(packet.parse(paddingBeyond, 14)).as("padding past the payload").isFalse();
        paddingBeyond[13] = 0;
        assertThat(packet.parse(paddingBeyond, 14)).as("zero padding count").isFalse();
    }
}
