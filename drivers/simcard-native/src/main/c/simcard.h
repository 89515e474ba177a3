/*
 * simcard.h - the voice-card C API the Switchboard card driver (drivers/card) binds to through JNA.
 *
 * The API is shaped like a vendor's E1/analog voice-card library: a card is opened, has numbered
 * channels (E1 trunk time slots and analog extensions), reports line events through one queue, and
 * moves 20 ms frames of G.711 audio per channel on the card's own 8 kHz clock. This build is the
 * simulator: the "lines" are driven through a control socket instead of copper, so the whole path
 * runs on a machine without a card. A real card's library implements the same functions.
 *
 * Handles, not pointers: a card is an int handle, so a call on a closed or never-opened card is an
 * error code (SC_ECLOSED / SC_EBADCARD), never a use-after-free in the JVM.
 *
 * Threads: every function is safe from any thread. sc_wait_tick and sc_next_event block (with a
 * timeout); the rest return at once.
 *
 * Channel numbering: channels are numbered from 1. E1 spans come first, 30 bearer channels each
 * (span 1 = channels 1..30, span 2 = 31..60, ...), then the analog extensions. Spans are numbered
 * from 1.
 */
#ifndef SWITCHBOARD_SIMCARD_H
#define SWITCHBOARD_SIMCARD_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SC_API_VERSION 1

/* Result codes: >= 0 success, < 0 one of these. */
#define SC_OK          0
#define SC_EINVAL     -1  /* an argument is out of range or NULL (channel, span, codec, digits) */
#define SC_EBADCARD   -2  /* no card has this handle */
#define SC_ECLOSED    -3  /* the card was closed */
#define SC_ESTATE     -4  /* not allowed in the channel's current state (off-hook twice, dial on a busy line) */
#define SC_EFRAME     -5  /* a frame of the wrong size */
#define SC_EALARM     -6  /* the channel's span is in alarm */
#define SC_ECONFIG    -7  /* the open string is malformed */
#define SC_EIO        -8  /* the control socket or a file could not be opened/written */
#define SC_ETIMEOUT   -9  /* nothing happened within the timeout */
#define SC_ENOMEM    -10

/* Channel types */
#define SC_CH_E1_TRUNK  1
#define SC_CH_ANALOG    2  /* an analog extension (FXS port): an agent's phone */

/* Codecs of the frames moved for a channel */
#define SC_CODEC_ALAW   8  /* RTP payload type numbers, for readability */
#define SC_CODEC_ULAW   0

#define SC_FRAME_BYTES 160 /* 20 ms at 8 kHz, one byte per sample */

/* Channel states as sc_channel_state reports them */
#define SC_ST_IDLE       0  /* on-hook, nothing happening */
#define SC_ST_RINGING_IN 1  /* an inbound call is ringing on the channel (trunk seized, extension lifted) */
#define SC_ST_DIALING    2  /* outbound: dialled / the extension is being rung */
#define SC_ST_CONNECTED  3  /* off-hook both ends: frames flow */
#define SC_ST_ALARM      4  /* the span is in alarm; nothing flows */

/* Event types */
#define SC_EV_INCOMING    1  /* channel, number (DNIS / digits the extension dialled), caller (ANI) */
#define SC_EV_ANSWERED    2  /* an outbound call was answered (far end off-hook) */
#define SC_EV_HANGUP      3  /* the far end hung up (or the line dropped); value = cause (SC_CAUSE_*) */
#define SC_EV_DTMF        4  /* an out-of-band digit: value = the digit ('0'..'9','*','#','A'..'D'), duration_ms */
#define SC_EV_ALARM       5  /* span alarm raised: span, value = SC_ALARM_LOS or SC_ALARM_AIS */
#define SC_EV_ALARM_CLEAR 6  /* span alarm cleared: span */

#define SC_CAUSE_NORMAL   16
#define SC_CAUSE_BUSY     17
#define SC_CAUSE_NOANSWER 19
#define SC_CAUSE_ALARM    38 /* the span went into alarm under the call */

#define SC_ALARM_LOS 1  /* loss of signal (red) */
#define SC_ALARM_AIS 2  /* alarm indication signal (blue) */

/* One event. Fixed layout, so JNA maps it as a Structure; strings are NUL-terminated. */
typedef struct sc_event {
    int32_t type;         /* SC_EV_* */
    int32_t channel;      /* 0 for span events */
    int32_t span;         /* the channel's span (0 for analog), or the span of an alarm */
    int32_t value;        /* digit, cause or alarm kind, by type */
    int32_t duration_ms;  /* DTMF duration */
    char number[32];      /* SC_EV_INCOMING: dialled number */
    char caller[32];      /* SC_EV_INCOMING: caller's number */
} sc_event;

/*
 * Opens the card. config: "key=value;key=value", keys:
 *   control=PATH   the simulator's control socket (a Unix socket; created, parent dir must exist)
 *   spans=N        E1 spans (30 channels each), default 1, at most 8
 *   analog=N       analog extensions, default 8, at most 64
 * Returns a card handle (>= 1) or an error code. Starts the card's 20 ms clock.
 */
int32_t sc_open(const char *config);

/* Closes the card: live channels are dropped, blocked sc_wait_tick/sc_next_event return SC_ECLOSED. */
int32_t sc_close(int32_t card);

int32_t sc_api_version(void);
int32_t sc_channel_count(int32_t card);
int32_t sc_span_count(int32_t card);
/* SC_CH_* of the channel, or an error */
int32_t sc_channel_type(int32_t card, int32_t channel);
/* SC_ST_* of the channel, or an error */
int32_t sc_channel_state(int32_t card, int32_t channel);

/* Waits up to timeout_ms for the next event; 1 and *event filled, SC_ETIMEOUT, or an error. */
int32_t sc_next_event(int32_t card, sc_event *event, int32_t timeout_ms);

/* Answers an inbound call (RINGING_IN -> CONNECTED). */
int32_t sc_offhook(int32_t card, int32_t channel);
/* Hangs up (any state -> IDLE); the far end sees the hang-up. Idle already: SC_OK. */
int32_t sc_onhook(int32_t card, int32_t channel);
/*
 * Outbound: on a trunk channel, seizes it and dials number; on an analog extension, rings the
 * extension (number ignored, caller shown on the phone). SC_EV_ANSWERED when the far end answers
 * (the control socket's "answer CH"), SC_EV_HANGUP with SC_CAUSE_NOANSWER/BUSY otherwise.
 */
int32_t sc_dial(int32_t card, int32_t channel, const char *number, const char *caller);
/* The codec of the channel's frames both ways; default A-law. */
int32_t sc_set_codec(int32_t card, int32_t channel, int32_t codec);

/*
 * Waits for the card's next 20 ms tick; returns the tick number (>= 0, wraps at 2^31) or an error.
 * A reader that was late gets the current tick at once; the ticks it missed are counted in
 * sc_stats.
 */
int32_t sc_wait_tick(int32_t card, int32_t timeout_ms);
/*
 * Reads the channel's oldest received frame (len must be SC_FRAME_BYTES): returns SC_FRAME_BYTES,
 * 0 when none is waiting, or an error. Up to 8 frames are buffered per channel; older ones are
 * dropped and counted.
 */
int32_t sc_read_frame(int32_t card, int32_t channel, uint8_t *buffer, int32_t len);
/*
 * Queues a frame to send on the channel (len must be SC_FRAME_BYTES): SC_OK, or an error; the card
 * sends one frame per tick, up to 8 queued, older ones dropped and counted. Not connected:
 * SC_ESTATE.
 */
int32_t sc_write_frame(int32_t card, int32_t channel, const uint8_t *buffer, int32_t len);

/* Counters for status and tests; fixed layout. */
typedef struct sc_stats {
    int64_t ticks;
    int64_t frames_in;        /* frames the card received from lines */
    int64_t frames_out;       /* frames the card sent to lines */
    int64_t rx_overruns;      /* received frames dropped because the host did not read them */
    int64_t tx_underruns;     /* ticks a connected channel had nothing queued (silence sent) */
    int64_t tx_overruns;      /* queued frames dropped because the host wrote too many */
} sc_stats;
int32_t sc_get_stats(int32_t card, sc_stats *stats);
/*
 * The ticks sc_wait_tick's callers missed: a late reader gets the current tick at once, and the
 * ticks between the one it had last and that one are counted here (sc_stats has no field for
 * them, and its layout is fixed). SC_OK and *missed, or an error.
 */
int32_t sc_get_missed_ticks(int32_t card, int64_t *missed);

/* A short English description of a result code. */
const char *sc_strerror(int32_t code);

#ifdef __cplusplus
}
#endif
#endif
