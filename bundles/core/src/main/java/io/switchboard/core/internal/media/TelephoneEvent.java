package io.switchboard.core.internal.media;

/**
 * RFC 4733 telephone-event payload (4 bytes: event, end bit + volume, duration) and the DTMF
 * event codes 0-15 (0-9, *, #, A-D).
 */
final class TelephoneEvent {

    static final int PAYLOAD_BYTES = 4;
    /** The volume we send: -10 dBm0. */
    static final int VOLUME = 10;
    private static final String DIGITS = "0123456789*#ABCD";

    private TelephoneEvent() {
    }

    /** The digit for a DTMF event code, or 0 for any other event. */
    static char digit(int event) {
        return event >= 0 && event < DIGITS.length() ? DIGITS.charAt(event) : 0;
    }

    /** The event code for a digit (a-d in either case), or -1 if it is not a DTMF digit. */
    static int event(char digit) {
        return DIGITS.indexOf(Character.toUpperCase(digit));
    }

    static int event(byte[] payload, int offset) {
        return payload[offset] & 0xFF;
    }

    static boolean end(byte[] payload, int offset) {
        return (payload[offset + 1] & 0x80) != 0;
    }

    static int duration(byte[] payload, int offset) {
        return ((payload[offset + 2] & 0xFF) << 8) | (payload[offset + 3] & 0xFF);
    }

    static void write(byte[] out, int offset, int event, boolean end, int duration) {
        out[offset] = (byte) event;
        out[offset + 1] = (byte) ((end ? 0x80 : 0) | VOLUME);
        out[offset + 2] = (byte) (duration >>> 8);
        out[offset + 3] = (byte) duration;
    }
}
