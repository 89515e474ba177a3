/*
 * card.h - the simulator card's internals, shared by its source files (not part of the API).
 *
 * Locking: everything in a card below "guarded by lock" is read and written only with card->lock
 * held. The handle table (handles.c) has its own mutex and owns each card's reference count, so a
 * card's memory lives until the last thread using it lets go, even after sc_close.
 */
#ifndef SWITCHBOARD_SIMCARD_CARD_H
#define SWITCHBOARD_SIMCARD_CARD_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "simcard.h"

/* Internal symbols stay out of the shared library's exported table. */
#pragma GCC visibility push(hidden)

#define SC_RING_FRAMES      8
#define SC_EVENT_QUEUE      1024
#define SC_SAMPLE_RATE      8000
#define SC_TICK_NS          20000000L
#define SC_MAX_SPANS        8
#define SC_MAX_ANALOG       64
#define SC_E1_CHANNELS      30
#define SC_MAX_TONE_DIGITS  256
#define SC_DIAL_TIMEOUT_TICKS (60 * 50)  /* an unanswered dial gives up after 60 s */
#define SC_MAX_CONTROL_CLIENTS 32
#define SC_MAX_PATH         108          /* sun_path */

/* A ring of whole frames; overflow drops the oldest. */
typedef struct frame_ring {
    uint8_t frames[SC_RING_FRAMES][SC_FRAME_BYTES];
    int head;   /* index of the oldest frame */
    int count;
} frame_ring;

/* A running "capture" on a channel: filled by the clock thread, written out by its requester. */
typedef struct capture {
    int16_t *samples;
    size_t wanted;   /* samples */
    size_t filled;
    bool done;
} capture;

typedef struct channel {
    int number;       /* 1-based */
    int type;         /* SC_CH_* */
    int span;         /* 1-based, 0 for analog */
    int state;        /* SC_ST_* */
    int codec;        /* SC_CODEC_* */
    int dial_ticks;   /* ticks spent DIALING, for the no-answer timer */
    frame_ring rx;    /* card -> host */
    frame_ring tx;    /* host -> card */
    /* far-end audio queued by "play", 16-bit linear */
    int16_t *play;
    size_t play_len;
    size_t play_pos;
    /* in-band DTMF digits queued by "dtmf ... tones" */
    char tone_digits[SC_MAX_TONE_DIGITS];
    int tone_count;
    int tone_index;      /* digit being sent */
    int tone_sample;     /* sample position within that digit's on+off cycle */
    capture *capture;
} channel;

typedef struct span {
    int alarm;   /* 0, SC_ALARM_LOS or SC_ALARM_AIS */
} span;

typedef struct card {
    int handle;
    int refs;            /* guarded by the handle table's mutex, not by lock */
    char control_path[SC_MAX_PATH];
    dev_t control_dev;   /* identity of the socket we bound, so close unlinks only ours */
    ino_t control_ino;
    int listen_fd;
    int wake_pipe[2];    /* written once on close: wakes the control threads' poll() */

    pthread_mutex_t lock;
    pthread_cond_t tick_cond;      /* a tick completed, or the card closed */
    pthread_cond_t event_cond;     /* an event was queued, or the card closed */
    pthread_cond_t capture_cond;   /* a capture completed, or the card closed */
    pthread_cond_t clients_cond;   /* a control client finished */
    pthread_t clock_thread;
    pthread_t control_thread;
    bool control_started;

    /* guarded by lock */
    bool closed;
    int64_t ticks;                 /* ticks completed */
    int64_t last_tick_returned;    /* by sc_wait_tick; -1 before the first */
    int64_t missed_ticks;
    sc_stats stats;
    sc_event events[SC_EVENT_QUEUE];
    int event_head;
    int event_count;
    bool event_overflow_logged;
    int clients;                   /* control connections being served */
    int span_count;
    int channel_count;
    span spans[SC_MAX_SPANS];
    channel *channels;
} card;

/* handles.c: the process's handle table */
int handles_add(card *c);
/* Takes a reference: SC_OK and *out, or SC_EBADCARD / SC_ECLOSED. */
int handles_acquire(int handle, card **out);
/* Takes one more reference on a card already held. */
void handles_retain(card *c);
void handles_release(card *c);
/* Marks the handle closed so no new reference is handed out; SC_OK or SC_EBADCARD / SC_ECLOSED. */
int handles_mark_closed(int handle, card **out);

/* card.c: lifecycle and channel operations shared by the API and the control socket */
void card_free(card *c);
channel *card_channel(card *c, int number);     /* NULL when out of range */
void card_push_event(card *c, const sc_event *ev);
void card_channel_event(card *c, const channel *ch, int type, int value);
void card_drop_call(card *c, channel *ch, int new_state);
bool card_span_in_alarm(const card *c, const channel *ch);
/* Span alarms (kind SC_ALARM_*): raising drops the span's calls; clearing makes its channels idle. */
void alarm_raise(card *c, int span, int kind);
void alarm_clear(card *c, int span);

/* clock.c */
void *clock_thread_main(void *arg);

/* control.c */
int control_open(card *c);                       /* binds the socket: SC_OK or SC_EIO */
void *control_thread_main(void *arg);
void control_close(card *c);                     /* closes and unlinks the socket */

/* g711.c */
uint8_t g711_alaw_encode(int16_t sample);
int16_t g711_alaw_decode(uint8_t code);
uint8_t g711_ulaw_encode(int16_t sample);
int16_t g711_ulaw_decode(uint8_t code);
uint8_t g711_encode(int codec, int16_t sample);
int16_t g711_decode(int codec, uint8_t code);
uint8_t g711_silence(int codec);

/* tones.c */
/* The row and column frequencies of a DTMF digit; false when it is not one. */
bool dtmf_frequencies(char digit, int *row_hz, int *column_hz);
/* Adds the channel's pending tone digits into samples (one frame), advancing its schedule. */
void tones_mix(channel *ch, int16_t *samples, int count);

/* wav.c */
/* Loads an 8 kHz mono WAV as 16-bit linear; SC_OK, or an error with a reason in why. */
int wav_load(const char *path, int16_t **samples, size_t *count, char *why, size_t why_len);
int wav_save_pcm16(const char *path, const int16_t *samples, size_t count, char *why, size_t why_len);

#pragma GCC visibility pop

#endif
