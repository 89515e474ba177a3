package io.switchboard.core.internal.media;

/**
 * A reusable view of one RTP packet (RFC 3550) in a byte array: {@link #parse} reads the header
 * of a received packet without copying; {@link #writeHeader} builds the fixed header of one we
 * send. Malformed input makes {@code parse} return false; it never throws, so the receive loop
 * cannot be stopped by a bad packet.
 *
 * <p>Thread-safety: none; each instance belongs to one thread (the receive loop keeps one).
 */
final class RtpPacket {

    static final int HEADER_BYTES = 12;
    static final int VERSION = 2;

    byte[] data;
    int length;
    boolean marker;
    int payloadType;
    /** 0..65535. */
    int sequence;
    /** The 32-bit timestamp as an int (compare with subtraction, it wraps). */
    int timestamp;
    int ssrc;
    int payloadOffset;
    int payloadLength;

    /** Reads {@code length} bytes of {@code buffer} as an RTP packet; false if it is not a valid one. */
    boolean parse(byte[] buffer, int length) {
        if (length < HEADER_BYTES) {
            return false;
        }
        int first = buffer[0] & 0xFF;
        if (first >>> 6 != VERSION) {
            return false;
        }
        boolean padding = (first & 0x20) != 0;
        boolean extension = (first & 0x10) != 0;
        int csrcCount = first & 0x0F;
        int offset = HEADER_BYTES + 4 * csrcCount;
        if (extension) {
            if (offset + 4 > length) {
                return false;
            }
            int words = ((buffer[offset + 2] & 0xFF) << 8) | (buffer[offset + 3] & 0xFF);
            offset += 4 + 4 * words;
        }
        if (offset > length) {
            return false;
        }
        int paddingBytes = 0;
        if (padding) {
            paddingBytes = buffer[length - 1] & 0xFF;
            if (paddingBytes == 0 || paddingBytes > length - offset) {
                return false;
            }
        }
        this.data = buffer;
        this.length = length;
        this.marker = (buffer[1] & 0x80) != 0;
        this.payloadType = buffer[1] & 0x7F;
        this.sequence = ((buffer[2] & 0xFF) << 8) | (buffer[3] & 0xFF);
        this.timestamp = readInt(buffer, 4);
        this.ssrc = readInt(buffer, 8);
        this.payloadOffset = offset;
        this.payloadLength = length - offset - paddingBytes;
        return true;
    }

    /** Writes a 12-byte header (no padding, extension or CSRC) at offset 0; returns its length. */
    static int writeHeader(byte[] buffer, boolean marker, int payloadType, int sequence, int timestamp, int ssrc) {
        buffer[0] = (byte) (VERSION << 6);
        buffer[1] = (byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F));
        buffer[2] = (byte) (sequence >>> 8);
        buffer[3] = (byte) sequence;
        writeInt(buffer, 4, timestamp);
        writeInt(buffer, 8, ssrc);
        return HEADER_BYTES;
    }

    static int readInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    static void writeInt(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
    }
}
