/*
 * api.c - the sc_* calls the host makes (simcard.h), apart from sc_open and sc_close (card.c).
 *
 * Each call takes a reference on its card and the card's lock for its whole (short) run, checks
 * its arguments in the order the header lists the errors, and never blocks except in
 * sc_wait_tick and sc_next_event, which wait on the card's condition variables.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <time.h>

#include "card.h"

/* Takes a reference and the lock on an open card. */
static int enter(int handle, card **out)
{
    card *c = NULL;
    int rc = handles_acquire(handle, &c);
    if (rc != SC_OK)
        return rc;
    pthread_mutex_lock(&c->lock);
    if (c->closed) {
        pthread_mutex_unlock(&c->lock);
        handles_release(c);
        return SC_ECLOSED;
    }
    *out = c;
    return SC_OK;
}

static int leave(card *c, int result)
{
    pthread_mutex_unlock(&c->lock);
    handles_release(c);
    return result;
}

static int enter_channel(int handle, int number, card **out, channel **ch)
{
    int rc = enter(handle, out);
    if (rc != SC_OK)
        return rc;
    *ch = card_channel(*out, number);
    if (*ch == NULL)
        return leave(*out, SC_EINVAL);
    return SC_OK;
}

static struct timespec deadline_after(int timeout_ms)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    t.tv_sec += timeout_ms / 1000;
    t.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (t.tv_nsec >= 1000000000L) {
        t.tv_sec++;
        t.tv_nsec -= 1000000000L;
    }
    return t;
}

int32_t sc_api_version(void)
{
    return SC_API_VERSION;
}

int32_t sc_channel_count(int32_t handle)
{
    card *c = NULL;
    int rc = enter(handle, &c);
    return rc != SC_OK ? rc : leave(c, c->channel_count);
}

int32_t sc_span_count(int32_t handle)
{
    card *c = NULL;
    int rc = enter(handle, &c);
    return rc != SC_OK ? rc : leave(c, c->span_count);
}

int32_t sc_channel_type(int32_t handle, int32_t number)
{
    card *c = NULL;
    channel *ch = NULL;
    int rc = enter_channel(handle, number, &c, &ch);
    return rc != SC_OK ? rc : leave(c, ch->type);
}

int32_t sc_channel_state(int32_t handle, int32_t number)
{
    card *c = NULL;
    channel *ch = NULL;
    int rc = enter_channel(handle, number, &c, &ch);
    return rc != SC_OK ? rc : leave(c, ch->state);
}

int32_t sc_next_event(int32_t handle, sc_event *event, int32_t timeout_ms)
{
    card *c = NULL;
    int rc = enter(handle, &c);
    if (rc != SC_OK)
        return rc;
    if (event == NULL || timeout_ms < 0)
        return leave(c, SC_EINVAL);
    struct timespec deadline = deadline_after(timeout_ms);
    while (c->event_count == 0 && !c->closed) {
        if (pthread_cond_timedwait(&c->event_cond, &c->lock, &deadline) == ETIMEDOUT)
            break;
    }
    if (c->closed)
        return leave(c, SC_ECLOSED);
    if (c->event_count == 0)
        return leave(c, SC_ETIMEOUT);
    *event = c->events[c->event_head];
    c->event_head = (c->event_head + 1) % SC_EVENT_QUEUE;
    c->event_count--;
    return leave(c, 1);
}

int32_t sc_offhook(int32_t handle, int32_t number)
{
    card *c = NULL;
    channel *ch = NULL;
    int rc = enter_channel(handle, number, &c, &ch);
    if (rc != SC_OK)
        return rc;
    if (card_span_in_alarm(c, ch))
        return leave(c, SC_EALARM);
    if (ch->state != SC_ST_RINGING_IN)
        return leave(c, SC_ESTATE);
    ch->state = SC_ST_CONNECTED;
    return leave(c, SC_OK);
}

int32_t sc_onhook(int32_t handle, int32_t number)
{
    card *c = NULL;
    channel *ch = NULL;
    int rc = enter_channel(handle, number, &c, &ch);
    if (rc != SC_OK)
        return rc;
    /* In alarm the call is already gone; hanging up what is left is not an error. */
    if (ch->state != SC_ST_ALARM)
        card_drop_call(c, ch, SC_ST_IDLE);
    return leave(c, SC_OK);
}

static bool valid_number(const char *text, bool required)
{
    if (text == NULL)
        return !required;
    size_t length = strnlen(text, sizeof ((sc_event *)0)->number);
    return length < sizeof ((sc_event *)0)->number && (length > 0 || !required);
}

int32_t sc_dial(int32_t handle, int32_t number, const char *digits, const char *caller)
{
    card *c = NULL;
    channel *ch = NULL;
    int rc = enter_channel(handle, number, &c, &ch);
    if (rc != SC_OK)
        return rc;
    bool trunk = ch->type == SC_CH_E1_TRUNK;
    if (!valid_number(digits, trunk) || !valid_number(caller, false))
        return leave(c, SC_EINVAL);
    if (card_span_in_alarm(c, ch))
        return leave(c, SC_EALARM);
    if (ch->state != SC_ST_IDLE)
        return leave(c, SC_ESTATE);
    card_drop_call(c, ch, SC_ST_DIALING);
    return leave(c, SC_OK);
}

int32_t sc_set_codec(int32_t handle, int32_t number, int32_t codec)
{
    card *c = NULL;
    channel *ch = NULL;
    int rc = enter_channel(handle, number, &c, &ch);
    if (rc != SC_OK)
        return rc;
    if (codec != SC_CODEC_ALAW && codec != SC_CODEC_ULAW)
        return leave(c, SC_EINVAL);
    ch->codec = codec;
    return leave(c, SC_OK);
}

int32_t sc_wait_tick(int32_t handle, int32_t timeout_ms)
{
    card *c = NULL;
    int rc = enter(handle, &c);
    if (rc != SC_OK)
        return rc;
    if (timeout_ms < 0)
        return leave(c, SC_EINVAL);
    int64_t current = c->ticks - 1;
    bool late = c->last_tick_returned >= 0 && current > c->last_tick_returned;
    if (late) {
        c->missed_ticks += current - c->last_tick_returned - 1;
    } else {
        struct timespec deadline = deadline_after(timeout_ms);
        int64_t waiting_from = c->ticks;
        while (c->ticks == waiting_from && !c->closed) {
            if (pthread_cond_timedwait(&c->tick_cond, &c->lock, &deadline) == ETIMEDOUT)
                break;
        }
        if (c->closed)
            return leave(c, SC_ECLOSED);
        if (c->ticks == waiting_from)
            return leave(c, SC_ETIMEOUT);
        current = c->ticks - 1;
    }
    if (current > c->last_tick_returned)
        c->last_tick_returned = current;
    return leave(c, (int32_t)(current & 0x7FFFFFFF));
}

static int check_frame_args(const void *buffer, int32_t len)
{
    if (buffer == NULL)
        return SC_EINVAL;
    if (len != SC_FRAME_BYTES)
        return SC_EFRAME;
    return SC_OK;
}

int32_t sc_read_frame(int32_t handle, int32_t number, uint8_t *buffer, int32_t len)
{
    card *c = NULL;
    channel *ch = NULL;
    int rc = enter_channel(handle, number, &c, &ch);
    if (rc != SC_OK)
        return rc;
    rc = check_frame_args(buffer, len);
    if (rc != SC_OK)
        return leave(c, rc);
    if (ch->rx.count == 0)
        return leave(c, 0);
    memcpy(buffer, ch->rx.frames[ch->rx.head], SC_FRAME_BYTES);
    ch->rx.head = (ch->rx.head + 1) % SC_RING_FRAMES;
    ch->rx.count--;
    return leave(c, SC_FRAME_BYTES);
}

int32_t sc_write_frame(int32_t handle, int32_t number, const uint8_t *buffer, int32_t len)
{
    card *c = NULL;
    channel *ch = NULL;
    int rc = enter_channel(handle, number, &c, &ch);
    if (rc != SC_OK)
        return rc;
    rc = check_frame_args(buffer, len);
    if (rc != SC_OK)
        return leave(c, rc);
    if (card_span_in_alarm(c, ch))
        return leave(c, SC_EALARM);
    if (ch->state != SC_ST_CONNECTED)
        return leave(c, SC_ESTATE);
    if (ch->tx.count == SC_RING_FRAMES) {
        ch->tx.head = (ch->tx.head + 1) % SC_RING_FRAMES;
        ch->tx.count--;
        c->stats.tx_overruns++;
    }
    memcpy(ch->tx.frames[(ch->tx.head + ch->tx.count) % SC_RING_FRAMES], buffer, SC_FRAME_BYTES);
    ch->tx.count++;
    return leave(c, SC_OK);
}

int32_t sc_get_stats(int32_t handle, sc_stats *stats)
{
    card *c = NULL;
    int rc = enter(handle, &c);
    if (rc != SC_OK)
        return rc;
    if (stats == NULL)
        return leave(c, SC_EINVAL);
    *stats = c->stats;
    return leave(c, SC_OK);
}

int32_t sc_get_missed_ticks(int32_t handle, int64_t *missed)
{
    card *c = NULL;
    int rc = enter(handle, &c);
    if (rc != SC_OK)
        return rc;
    if (missed == NULL)
        return leave(c, SC_EINVAL);
    *missed = c->missed_ticks;
    return leave(c, SC_OK);
}

const char *sc_strerror(int32_t code)
{
    if (code >= 0)
        return "no error";
    switch (code) {
    case SC_EINVAL: return "invalid argument (channel, span, codec, digits or a NULL pointer)";
    case SC_EBADCARD: return "no card has this handle";
    case SC_ECLOSED: return "the card was closed";
    case SC_ESTATE: return "not allowed in the channel's current state";
    case SC_EFRAME: return "a frame must be 160 bytes (20 ms at 8 kHz)";
    case SC_EALARM: return "the channel's span is in alarm";
    case SC_ECONFIG: return "the open string is malformed";
    case SC_EIO: return "the control socket or a file could not be opened or written";
    case SC_ETIMEOUT: return "nothing happened within the timeout";
    case SC_ENOMEM: return "out of memory";
    default: return "unknown error";
    }
}
