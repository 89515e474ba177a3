package io.switchboard.card.internal.jna;

/**
 * One open card: its handle and checked calls into the library. Errors come back as
 * {@link CardException}s naming the call and the library's reason; the library itself never
 * crashes on a bad channel, a wrong frame size or a closed card, so neither does the JVM.
 *
 * <p>Thread-safety: as the library, safe from any thread.
 */
public final class OpenCard implements AutoCloseable {

    public static final int FRAME_BYTES = 160;
    public static final int TRUNK = 1;
    public static final int ANALOG = 2;
    public static final int CODEC_ALAW = 8;
    public static final int CODEC_ULAW = 0;

    public static final int E_INVAL = -1;
    public static final int E_CLOSED = -3;
    public static final int E_STATE = -4;
    public static final int E_FRAME = -5;
    public static final int E_ALARM = -6;
    public static final int E_TIMEOUT = -9;

    private final int handle;

    OpenCard(int handle) {
        this.handle = handle;
    }

    public int channelCount() throws CardException {
        return check(SimcardNative.sc_channel_count(handle), "channel count");
    }

    public int spanCount() throws CardException {
        return check(SimcardNative.sc_span_count(handle), "span count");
    }

    /** {@link #TRUNK} or {@link #ANALOG}. */
    public int channelType(int channel) throws CardException {
        return check(SimcardNative.sc_channel_type(handle, channel), "type of channel " + channel);
    }

    public int channelState(int channel) throws CardException {
        return check(SimcardNative.sc_channel_state(handle, channel), "state of channel " + channel);
    }

    /** Fills {@code event} with the next event; false when none came within the timeout. */
    public boolean nextEvent(SimcardEvent event, int timeoutMillis) throws CardException {
        int result = SimcardNative.sc_next_event(handle, event, timeoutMillis);
        if (result == E_TIMEOUT) {
            return false;
        }
        check(result, "next event");
        return true;
    }

    public void offHook(int channel) throws CardException {
        check(SimcardNative.sc_offhook(handle, channel), "off-hook on channel " + channel);
    }

    public void onHook(int channel) throws CardException {
        check(SimcardNative.sc_onhook(handle, channel), "on-hook on channel " + channel);
    }

    public void dial(int channel, String number, String caller) throws CardException {
        check(SimcardNative.sc_dial(handle, channel, number, caller), "dialling on channel " + channel);
    }

    public void setCodec(int channel, int codec) throws CardException {
        check(SimcardNative.sc_set_codec(handle, channel, codec), "codec of channel " + channel);
    }

    /** Waits for the card's next 20 ms tick; its number, or -1 when none came within the timeout. */
    public int waitTick(int timeoutMillis) throws CardException {
        int result = SimcardNative.sc_wait_tick(handle, timeoutMillis);
        if (result == E_TIMEOUT) {
            return -1;
        }
        return check(result, "waiting for the card's clock");
    }

    /** Reads the channel's oldest received frame into {@code frame}; false when none is waiting. */
    public boolean readFrame(int channel, byte[] frame) throws CardException {
        return check(SimcardNative.sc_read_frame(handle, channel, frame, frame.length), "reading a frame on channel " + channel) > 0;
    }

    /** Queues {@code frame} to send on the channel. */
    public void writeFrame(int channel, byte[] frame) throws CardException {
        check(SimcardNative.sc_write_frame(handle, channel, frame, frame.length), "writing a frame on channel " + channel);
    }

    public SimcardStats stats() throws CardException {
        SimcardStats stats = new SimcardStats();
        check(SimcardNative.sc_get_stats(handle, stats), "card counters");
        return stats;
    }

    /** Closes the card; live channels drop. Closing twice is harmless. */
    @Override
    public void close() {
        SimcardNative.sc_close(handle);
    }

    private static int check(int result, String what) throws CardException {
        if (result < 0) {
            throw new CardException(result, what + " failed: " + NativeCardLibrary.reason(result));
        }
        return result;
    }
}
