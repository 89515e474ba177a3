/*
 * card.c - a card's life: parsing the open string, building the channels, starting and stopping
 * the clock and control threads, and the channel changes both the API and the control socket make.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "card.h"

typedef struct card_config {
    char control[SC_MAX_PATH];
    int spans;
    int analog;
} card_config;

#define CONFIG_MAX 4096

static int config_error(const char *reason, const char *detail)
{
    fprintf(stderr, "simcard: bad open string: %s%s\n", reason, detail);
    return SC_ECONFIG;
}

static bool parse_count(const char *text, int max, int *out)
{
    if (*text == '\0' || strlen(text) > 3)
        return false;
    int value = 0;
    for (const char *p = text; *p; p++) {
        if (*p < '0' || *p > '9')
            return false;
        value = value * 10 + (*p - '0');
    }
    if (value > max)
        return false;
    *out = value;
    return true;
}

static int parse_item(char *item, card_config *cfg, bool *have_control)
{
    char *equals = strchr(item, '=');
    if (equals == NULL)
        return config_error("no '=' in ", item);
    *equals = '\0';
    const char *key = item;
    const char *value = equals + 1;
    if (strcmp(key, "control") == 0) {
        if (*value == '\0' || strlen(value) >= sizeof cfg->control)
            return config_error("control path empty or longer than 107 bytes: ", value);
        strcpy(cfg->control, value);
        *have_control = true;
    } else if (strcmp(key, "spans") == 0) {
        if (!parse_count(value, SC_MAX_SPANS, &cfg->spans))
            return config_error("spans must be 0..8, not ", value);
    } else if (strcmp(key, "analog") == 0) {
        if (!parse_count(value, SC_MAX_ANALOG, &cfg->analog))
            return config_error("analog must be 0..64, not ", value);
    } else {
        return config_error("unknown key ", key);
    }
    return SC_OK;
}

static int parse_config(const char *text, card_config *cfg)
{
    cfg->spans = 1;
    cfg->analog = 8;
    if (strlen(text) >= CONFIG_MAX)
        return config_error("longer than 4 KiB", "");
    char copy[CONFIG_MAX];
    strcpy(copy, text);
    bool have_control = false;
    char *saved = NULL;
    for (char *item = strtok_r(copy, ";", &saved); item != NULL; item = strtok_r(NULL, ";", &saved)) {
        int rc = parse_item(item, cfg, &have_control);
        if (rc != SC_OK)
            return rc;
    }
    if (!have_control)
        return config_error("control=PATH is missing", "");
    if (cfg->spans == 0 && cfg->analog == 0)
        return config_error("the card would have no channels", "");
    return SC_OK;
}

static void init_channels(card *c, int spans)
{
    for (int i = 0; i < c->channel_count; i++) {
        channel *ch = &c->channels[i];
        ch->number = i + 1;
        bool trunk = i < spans * SC_E1_CHANNELS;
        ch->type = trunk ? SC_CH_E1_TRUNK : SC_CH_ANALOG;
        ch->span = trunk ? i / SC_E1_CHANNELS + 1 : 0;
        ch->state = SC_ST_IDLE;
        ch->codec = SC_CODEC_ALAW;
    }
}

static int init_sync(card *c)
{
    pthread_condattr_t attr;
    if (pthread_condattr_init(&attr) != 0)
        return SC_ENOMEM;
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);   /* timeouts must not jump with the wall clock */
    int failed = pthread_mutex_init(&c->lock, NULL);
    failed |= pthread_cond_init(&c->tick_cond, &attr);
    failed |= pthread_cond_init(&c->event_cond, &attr);
    failed |= pthread_cond_init(&c->capture_cond, &attr);
    failed |= pthread_cond_init(&c->clients_cond, &attr);
    pthread_condattr_destroy(&attr);
    return failed ? SC_ENOMEM : SC_OK;
}

static card *card_new(const card_config *cfg)
{
    card *c = calloc(1, sizeof *c);
    if (c == NULL)
        return NULL;
    c->refs = 1;   /* the table's own reference, dropped by sc_close */
    c->listen_fd = -1;
    c->wake_pipe[0] = c->wake_pipe[1] = -1;
    c->last_tick_returned = -1;
    strcpy(c->control_path, cfg->control);
    c->span_count = cfg->spans;
    c->channel_count = cfg->spans * SC_E1_CHANNELS + cfg->analog;
    c->channels = calloc((size_t)c->channel_count, sizeof *c->channels);
    if (c->channels == NULL || init_sync(c) != SC_OK) {
        free(c->channels);
        free(c);
        return NULL;
    }
    init_channels(c, cfg->spans);
    return c;
}

void card_free(card *c)
{
    for (int i = 0; i < c->channel_count; i++)
        free(c->channels[i].play);
    free(c->channels);
    pthread_mutex_destroy(&c->lock);
    pthread_cond_destroy(&c->tick_cond);
    pthread_cond_destroy(&c->event_cond);
    pthread_cond_destroy(&c->capture_cond);
    pthread_cond_destroy(&c->clients_cond);
    for (int i = 0; i < 2; i++) {
        if (c->wake_pipe[i] >= 0)
            close(c->wake_pipe[i]);
    }
    free(c);
}

/* Stops everything a card runs; afterwards only references to its memory remain. */
static void card_shutdown(card *c, bool clock_started)
{
    pthread_mutex_lock(&c->lock);
    c->closed = true;
    for (int i = 0; i < c->channel_count; i++)
        card_drop_call(c, &c->channels[i], SC_ST_IDLE);
    pthread_cond_broadcast(&c->tick_cond);
    pthread_cond_broadcast(&c->event_cond);
    pthread_cond_broadcast(&c->capture_cond);
    pthread_mutex_unlock(&c->lock);

    if (c->wake_pipe[1] >= 0) {
        ssize_t ignored = write(c->wake_pipe[1], "x", 1);
        (void)ignored;   /* the pipe is empty and never read, so this cannot block or fail usefully */
    }
    if (clock_started)
        pthread_join(c->clock_thread, NULL);
    if (c->control_started)
        pthread_join(c->control_thread, NULL);
    control_close(c);

    pthread_mutex_lock(&c->lock);
    while (c->clients > 0)
        pthread_cond_wait(&c->clients_cond, &c->lock);
    pthread_mutex_unlock(&c->lock);
}

static int start_threads(card *c, bool *clock_started)
{
    if (pthread_create(&c->clock_thread, NULL, clock_thread_main, c) != 0)
        return SC_ENOMEM;
    *clock_started = true;
    if (pthread_create(&c->control_thread, NULL, control_thread_main, c) != 0)
        return SC_ENOMEM;
    c->control_started = true;
    return SC_OK;
}

int32_t sc_open(const char *config)
{
    if (config == NULL)
        return SC_EINVAL;
    card_config cfg;
    memset(&cfg, 0, sizeof cfg);
    int rc = parse_config(config, &cfg);
    if (rc != SC_OK)
        return rc;
    card *c = card_new(&cfg);
    if (c == NULL)
        return SC_ENOMEM;
    rc = control_open(c);
    bool clock_started = false;
    if (rc == SC_OK)
        rc = start_threads(c, &clock_started);
    if (rc == SC_OK)
        rc = handles_add(c);
    if (rc < 0) {
        card_shutdown(c, clock_started);
        handles_release(c);
        return rc;
    }
    return rc;
}

int32_t sc_close(int32_t handle)
{
    card *c = NULL;
    int rc = handles_mark_closed(handle, &c);
    if (rc != SC_OK)
        return rc;
    card_shutdown(c, true);
    handles_release(c);
    return SC_OK;
}

channel *card_channel(card *c, int number)
{
    if (number < 1 || number > c->channel_count)
        return NULL;
    return &c->channels[number - 1];
}

bool card_span_in_alarm(const card *c, const channel *ch)
{
    return ch->span > 0 && c->spans[ch->span - 1].alarm != 0;
}

void card_push_event(card *c, const sc_event *ev)
{
    if (c->event_count == SC_EVENT_QUEUE) {
        /* Nobody is reading: keep the newest, which say what the lines look like now. */
        c->event_head = (c->event_head + 1) % SC_EVENT_QUEUE;
        c->event_count--;
        if (!c->event_overflow_logged) {
            fprintf(stderr, "simcard: card %d event queue full (%d); dropping the oldest events\n", c->handle,
                    SC_EVENT_QUEUE);
            c->event_overflow_logged = true;
        }
    }
    c->events[(c->event_head + c->event_count) % SC_EVENT_QUEUE] = *ev;
    c->event_count++;
    pthread_cond_broadcast(&c->event_cond);
}

void card_channel_event(card *c, const channel *ch, int type, int value)
{
    sc_event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = type;
    ev.channel = ch->number;
    ev.span = ch->span;
    ev.value = value;
    card_push_event(c, &ev);
}

void card_drop_call(card *c, channel *ch, int new_state)
{
    (void)c;
    ch->state = new_state;
    ch->dial_ticks = 0;
    ch->rx.head = ch->rx.count = 0;
    ch->tx.head = ch->tx.count = 0;
    free(ch->play);
    ch->play = NULL;
    ch->play_len = ch->play_pos = 0;
    ch->tone_count = ch->tone_index = ch->tone_sample = 0;
}

static void span_event(card *c, int span, int type, int value)
{
    sc_event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = type;
    ev.span = span;
    ev.value = value;
    card_push_event(c, &ev);
}

void alarm_raise(card *c, int span, int kind)
{
    bool already = c->spans[span - 1].alarm != 0;
    c->spans[span - 1].alarm = kind;
    /* The alarm first, so a host reading the hang-ups that follow already knows why. */
    span_event(c, span, SC_EV_ALARM, kind);
    if (already)
        return;
    for (int i = 0; i < c->channel_count; i++) {
        channel *ch = &c->channels[i];
        if (ch->span != span)
            continue;
        bool in_call = ch->state != SC_ST_IDLE;
        card_drop_call(c, ch, SC_ST_ALARM);
        if (in_call)
            card_channel_event(c, ch, SC_EV_HANGUP, SC_CAUSE_ALARM);
    }
}

void alarm_clear(card *c, int span)
{
    c->spans[span - 1].alarm = 0;
    span_event(c, span, SC_EV_ALARM_CLEAR, 0);
    for (int i = 0; i < c->channel_count; i++) {
        if (c->channels[i].span == span)
            card_drop_call(c, &c->channels[i], SC_ST_IDLE);
    }
}
