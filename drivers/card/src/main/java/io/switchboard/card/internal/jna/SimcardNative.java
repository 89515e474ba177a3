package io.switchboard.card.internal.jna;

/**
 * The voice-card C API of {@code simcard.h}, bound by JNA direct mapping: every call, the 20 ms
 * frame path above all, goes straight to the native function without a proxy or reflection.
 * {@link NativeCardLibrary#load} registers these methods against the library it loaded; calling
 * one before that is an {@link UnsatisfiedLinkError}.
 */
final class SimcardNative {

    private SimcardNative() {
    }

    static native int sc_api_version();

    static native int sc_open(String config);

    static native int sc_close(int card);

    static native int sc_channel_count(int card);

    static native int sc_span_count(int card);

    static native int sc_channel_type(int card, int channel);

    static native int sc_channel_state(int card, int channel);

    static native int sc_next_event(int card, SimcardEvent event, int timeoutMs);

    static native int sc_offhook(int card, int channel);

    static native int sc_onhook(int card, int channel);

    static native int sc_dial(int card, int channel, String number, String caller);

    static native int sc_set_codec(int card, int channel, int codec);

    static native int sc_wait_tick(int card, int timeoutMs);

    static native int sc_read_frame(int card, int channel, byte[] buffer, int length);

    static native int sc_write_frame(int card, int channel, byte[] buffer, int length);

    static native int sc_get_stats(int card, SimcardStats stats);

    static native String sc_strerror(int code);
}
