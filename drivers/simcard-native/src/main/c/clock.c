/*
 * clock.c - the card's 8 kHz clock: one thread per card that, every 20 ms, moves one frame each
 * way on every connected channel and then wakes sc_wait_tick.
 *
 * Deadlines are absolute on CLOCK_MONOTONIC, so a late wake-up shortens the next sleep instead of
 * shifting every tick after it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "card.h"

/* Further behind than this (a stopped process, a suspended VM) the clock starts afresh. */
#define MAX_CATCH_UP_NS 1000000000L

static void add_ns(struct timespec *t, long ns)
{
    t->tv_nsec += ns;
    while (t->tv_nsec >= 1000000000L) {
        t->tv_nsec -= 1000000000L;
        t->tv_sec++;
    }
}

static long ns_between(const struct timespec *from, const struct timespec *to)
{
    return (long)(to->tv_sec - from->tv_sec) * 1000000000L + (to->tv_nsec - from->tv_nsec);
}

/* Pushes a frame, dropping the oldest when full; true when one was dropped. */
static bool ring_push(frame_ring *ring, const uint8_t *frame)
{
    bool dropped = false;
    if (ring->count == SC_RING_FRAMES) {
        ring->head = (ring->head + 1) % SC_RING_FRAMES;
        ring->count--;
        dropped = true;
    }
    memcpy(ring->frames[(ring->head + ring->count) % SC_RING_FRAMES], frame, SC_FRAME_BYTES);
    ring->count++;
    return dropped;
}

static bool ring_pop(frame_ring *ring, uint8_t *frame)
{
    if (ring->count == 0)
        return false;
    memcpy(frame, ring->frames[ring->head], SC_FRAME_BYTES);
    ring->head = (ring->head + 1) % SC_RING_FRAMES;
    ring->count--;
    return true;
}

/* What the far end says this tick: queued "play" audio and DTMF tones, else silence. */
static void far_end_frame(channel *ch, uint8_t *frame)
{
    bool playing = ch->play_pos < ch->play_len;
    if (!playing && ch->tone_count == 0) {
        memset(frame, g711_silence(ch->codec), SC_FRAME_BYTES);
        return;
    }
    int16_t samples[SC_FRAME_BYTES] = {0};
    size_t from_play = playing ? ch->play_len - ch->play_pos : 0;
    if (from_play > SC_FRAME_BYTES)
        from_play = SC_FRAME_BYTES;
    if (from_play > 0) {
        memcpy(samples, ch->play + ch->play_pos, from_play * sizeof *samples);
        ch->play_pos += from_play;
    }
    if (ch->play_pos == ch->play_len && ch->play != NULL) {
        free(ch->play);
        ch->play = NULL;
        ch->play_len = ch->play_pos = 0;
    }
    tones_mix(ch, samples, SC_FRAME_BYTES);
    for (int i = 0; i < SC_FRAME_BYTES; i++)
        frame[i] = g711_encode(ch->codec, samples[i]);
}

/* Records one frame the host sent (NULL: it sent nothing, which is recorded as silence). */
static void capture_frame(card *c, channel *ch, const uint8_t *frame)
{
    capture *cap = ch->capture;
    if (cap == NULL)
        return;
    for (int i = 0; i < SC_FRAME_BYTES && cap->filled < cap->wanted; i++)
        cap->samples[cap->filled++] = frame != NULL ? g711_decode(ch->codec, frame[i]) : 0;
    if (cap->filled == cap->wanted) {
        cap->done = true;
        ch->capture = NULL;   /* the requester owns it again */
        pthread_cond_broadcast(&c->capture_cond);
    }
}

static void exchange_frames(card *c, channel *ch)
{
    uint8_t inbound[SC_FRAME_BYTES];
    far_end_frame(ch, inbound);
    if (ring_push(&ch->rx, inbound))
        c->stats.rx_overruns++;
    c->stats.frames_in++;

    uint8_t outbound[SC_FRAME_BYTES];
    if (ring_pop(&ch->tx, outbound)) {
        c->stats.frames_out++;
        capture_frame(c, ch, outbound);
    } else {
        c->stats.tx_underruns++;
        capture_frame(c, ch, NULL);
    }
}

static void run_dial_timer(card *c, channel *ch)
{
    if (++ch->dial_ticks < SC_DIAL_TIMEOUT_TICKS)
        return;
    card_drop_call(c, ch, SC_ST_IDLE);
    card_channel_event(c, ch, SC_EV_HANGUP, SC_CAUSE_NOANSWER);
}

static void run_tick(card *c)
{
    for (int i = 0; i < c->channel_count; i++) {
        channel *ch = &c->channels[i];
        if (ch->state == SC_ST_CONNECTED) {
            exchange_frames(c, ch);
        } else {
            if (ch->state == SC_ST_DIALING)
                run_dial_timer(c, ch);
            capture_frame(c, ch, NULL);
        }
    }
    c->ticks++;
    c->stats.ticks++;
    pthread_cond_broadcast(&c->tick_cond);
}

void *clock_thread_main(void *arg)
{
    card *c = arg;
    struct timespec next;
    clock_gettime(CLOCK_MONOTONIC, &next);
    for (;;) {
        add_ns(&next, SC_TICK_NS);
        while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL) == EINTR)
            ;
        pthread_mutex_lock(&c->lock);
        bool closed = c->closed;
        if (!closed)
            run_tick(c);
        pthread_mutex_unlock(&c->lock);
        if (closed)
            return NULL;
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (ns_between(&next, &now) > MAX_CATCH_UP_NS)
            next = now;
    }
}
