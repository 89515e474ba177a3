/*
 * commands.c - what each control-socket request does to the card: the far end of its lines.
 *
 * Every command takes the card's lock for its checks and changes; "play" reads its file and
 * "capture" writes its file outside the lock, and "capture" waits on the card's capture_cond for
 * the clock thread to fill it.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"

#define NUMBER_MAX ((int)sizeof ((sc_event *)0)->number - 1)
#define DTMF_EVENT_MS 100
#define PLAY_QUEUE_MAX ((size_t)SC_SAMPLE_RATE * 60 * 20)   /* 20 minutes of far-end audio per channel */
#define CAPTURE_MAX_SECONDS 3600

void reply_init(reply *r)
{
    memset(r, 0, sizeof *r);
}

void reply_free(reply *r)
{
    free(r->text);
    reply_init(r);
}

void reply_line(reply *r, const char *format, ...)
{
    if (r->failed)
        return;
    for (;;) {
        size_t room = r->capacity - r->length;
        va_list args;
        va_start(args, format);
        int n = room > 0 ? vsnprintf(r->text + r->length, room, format, args) : vsnprintf(NULL, 0, format, args);
        va_end(args);
        if (n < 0) {
            r->failed = true;
            return;
        }
        if ((size_t)n + 1 < room) {   /* fits with its newline */
            r->length += (size_t)n;
            r->text[r->length++] = '\n';
            r->text[r->length] = '\0';
            return;
        }
        size_t capacity = (r->capacity + (size_t)n + 2) * 2;
        char *grown = realloc(r->text, capacity);
        if (grown == NULL) {
            r->failed = true;
            return;
        }
        r->text = grown;
        r->capacity = capacity;
    }
}

/* ---- reading arguments ---- */

static char *next_word(char **cursor)
{
    char *p = *cursor;
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p == '\0') {
        *cursor = p;
        return NULL;
    }
    char *word = p;
    while (*p != '\0' && *p != ' ' && *p != '\t')
        p++;
    if (*p != '\0')
        *p++ = '\0';
    *cursor = p;
    return word;
}

/* The rest of the line, trimmed: a file path may contain spaces. */
static char *rest_of_line(char **cursor)
{
    char *p = *cursor;
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p == '\0')
        return NULL;
    char *end = p + strlen(p);
    while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
        *--end = '\0';
    *cursor = end;
    return p;
}

static bool parse_int(const char *text, int *out)
{
    if (text == NULL || *text == '\0' || strlen(text) > 9)
        return false;
    int value = 0;
    for (const char *p = text; *p; p++) {
        if (!isdigit((unsigned char)*p))
            return false;
        value = value * 10 + (*p - '0');
    }
    *out = value;
    return true;
}

static const char *state_name(int state)
{
    switch (state) {
    case SC_ST_IDLE: return "idle";
    case SC_ST_RINGING_IN: return "ringing_in";
    case SC_ST_DIALING: return "dialing";
    case SC_ST_CONNECTED: return "connected";
    case SC_ST_ALARM: return "alarm";
    default: return "unknown";
    }
}

static const char *alarm_name(int alarm)
{
    return alarm == SC_ALARM_LOS ? "los" : alarm == SC_ALARM_AIS ? "ais" : "none";
}

/* The channel a word names, or NULL with the reason in the reply. */
static channel *channel_arg(card *c, const char *word, reply *r)
{
    int number = 0;
    if (!parse_int(word, &number)) {
        reply_line(r, "ERR expected a channel number, got '%s'", word ? word : "");
        return NULL;
    }
    channel *ch = card_channel(c, number);
    if (ch == NULL)
        reply_line(r, "ERR no channel %d: the card has channels 1..%d", number, c->channel_count);
    return ch;
}

/* True when the channel is in the wanted state; otherwise says why not. */
static bool require_state(card *c, channel *ch, int wanted, reply *r)
{
    if (card_span_in_alarm(c, ch)) {
        reply_line(r, "ERR channel %d: span %d is in alarm", ch->number, ch->span);
        return false;
    }
    if (ch->state != wanted) {
        reply_line(r, "ERR channel %d is %s, not %s", ch->number, state_name(ch->state), state_name(wanted));
        return false;
    }
    return true;
}

/* ---- commands ---- */

static void cmd_status(card *c, char *args, reply *r)
{
    if (next_word(&args) != NULL) {
        reply_line(r, "ERR usage: status");
        return;
    }
    pthread_mutex_lock(&c->lock);
    reply_line(r, "OK");
    for (int s = 0; s < c->span_count; s++)
        reply_line(r, "span %d alarm %s", s + 1, alarm_name(c->spans[s].alarm));
    for (int i = 0; i < c->channel_count; i++) {
        const channel *ch = &c->channels[i];
        reply_line(r, "channel %d type=%s span=%d state=%s codec=%s", ch->number,
                   ch->type == SC_CH_E1_TRUNK ? "e1" : "analog", ch->span, state_name(ch->state),
                   ch->codec == SC_CODEC_ULAW ? "ulaw" : "alaw");
    }
    pthread_mutex_unlock(&c->lock);
}

static void cmd_ring(card *c, char *args, reply *r)
{
    char *channel_word = next_word(&args);
    char *number = next_word(&args);
    char *caller = next_word(&args);
    if (number == NULL || next_word(&args) != NULL) {
        reply_line(r, "ERR usage: ring CH NUMBER [CALLER]");
        return;
    }
    if ((int)strlen(number) > NUMBER_MAX || (caller != NULL && (int)strlen(caller) > NUMBER_MAX)) {
        reply_line(r, "ERR numbers are at most %d characters", NUMBER_MAX);
        return;
    }
    pthread_mutex_lock(&c->lock);
    channel *ch = channel_arg(c, channel_word, r);
    if (ch != NULL && require_state(c, ch, SC_ST_IDLE, r)) {
        card_drop_call(c, ch, SC_ST_RINGING_IN);
        sc_event ev;
        memset(&ev, 0, sizeof ev);
        ev.type = SC_EV_INCOMING;
        ev.channel = ch->number;
        ev.span = ch->span;
        strcpy(ev.number, number);
        if (caller != NULL)
            strcpy(ev.caller, caller);
        card_push_event(c, &ev);
        reply_line(r, "OK");
    }
    pthread_mutex_unlock(&c->lock);
}

/* answer, busy, noanswer: the far end of an outbound call (DIALING) does something. */
static void far_end_of_dial(card *c, char *args, reply *r, const char *usage, int event, int cause)
{
    char *channel_word = next_word(&args);
    if (channel_word == NULL || next_word(&args) != NULL) {
        reply_line(r, "ERR usage: %s CH", usage);
        return;
    }
    pthread_mutex_lock(&c->lock);
    channel *ch = channel_arg(c, channel_word, r);
    if (ch != NULL && require_state(c, ch, SC_ST_DIALING, r)) {
        if (event == SC_EV_ANSWERED)
            ch->state = SC_ST_CONNECTED;
        else
            card_drop_call(c, ch, SC_ST_IDLE);
        card_channel_event(c, ch, event, cause);
        reply_line(r, "OK");
    }
    pthread_mutex_unlock(&c->lock);
}

static void cmd_answer(card *c, char *args, reply *r)
{
    far_end_of_dial(c, args, r, "answer", SC_EV_ANSWERED, 0);
}

static void cmd_busy(card *c, char *args, reply *r)
{
    far_end_of_dial(c, args, r, "busy", SC_EV_HANGUP, SC_CAUSE_BUSY);
}

static void cmd_noanswer(card *c, char *args, reply *r)
{
    far_end_of_dial(c, args, r, "noanswer", SC_EV_HANGUP, SC_CAUSE_NOANSWER);
}

static void cmd_hangup(card *c, char *args, reply *r)
{
    char *channel_word = next_word(&args);
    if (channel_word == NULL || next_word(&args) != NULL) {
        reply_line(r, "ERR usage: hangup CH");
        return;
    }
    pthread_mutex_lock(&c->lock);
    channel *ch = channel_arg(c, channel_word, r);
    if (ch == NULL) {
        /* reason already given */
    } else if (card_span_in_alarm(c, ch)) {
        reply_line(r, "ERR channel %d: span %d is in alarm", ch->number, ch->span);
    } else if (ch->state == SC_ST_IDLE) {
        reply_line(r, "ERR channel %d is idle: no call to hang up", ch->number);
    } else {
        card_drop_call(c, ch, SC_ST_IDLE);
        card_channel_event(c, ch, SC_EV_HANGUP, SC_CAUSE_NORMAL);
        reply_line(r, "OK");
    }
    pthread_mutex_unlock(&c->lock);
}

/* Upper-cases a-d and checks every character is a DTMF digit. */
static bool normalise_digits(char *digits)
{
    int row = 0, column = 0;
    for (char *p = digits; *p; p++) {
        if (*p >= 'a' && *p <= 'd')
            *p = (char)(*p - 'a' + 'A');
        if (!dtmf_frequencies(*p, &row, &column))
            return false;
    }
    return true;
}

static void queue_dtmf(card *c, channel *ch, const char *digits, bool tones, reply *r)
{
    int count = (int)strlen(digits);
    if (!tones) {
        for (int i = 0; i < count; i++) {
            sc_event ev;
            memset(&ev, 0, sizeof ev);
            ev.type = SC_EV_DTMF;
            ev.channel = ch->number;
            ev.span = ch->span;
            ev.value = digits[i];
            ev.duration_ms = DTMF_EVENT_MS;
            card_push_event(c, &ev);
        }
    } else if (ch->tone_count + count > SC_MAX_TONE_DIGITS) {
        reply_line(r, "ERR channel %d already has %d tone digits queued (at most %d)", ch->number, ch->tone_count,
                   SC_MAX_TONE_DIGITS);
        return;
    } else {
        memcpy(ch->tone_digits + ch->tone_count, digits, (size_t)count);
        ch->tone_count += count;
    }
    reply_line(r, "OK");
}

static void cmd_dtmf(card *c, char *args, reply *r)
{
    char *channel_word = next_word(&args);
    char *digits = next_word(&args);
    char *mode = next_word(&args);
    bool mode_ok = mode == NULL || strcmp(mode, "events") == 0 || strcmp(mode, "tones") == 0;
    if (digits == NULL || !mode_ok || next_word(&args) != NULL) {
        reply_line(r, "ERR usage: dtmf CH DIGITS [events|tones]");
        return;
    }
    if (!normalise_digits(digits)) {
        reply_line(r, "ERR '%s' is not DTMF digits (0-9 * # A-D)", digits);
        return;
    }
    pthread_mutex_lock(&c->lock);
    channel *ch = channel_arg(c, channel_word, r);
    if (ch != NULL && require_state(c, ch, SC_ST_CONNECTED, r))
        queue_dtmf(c, ch, digits, mode != NULL && strcmp(mode, "tones") == 0, r);
    pthread_mutex_unlock(&c->lock);
}

/* Appends samples to the channel's far-end audio, dropping what has already been played. */
static bool append_play(channel *ch, const int16_t *samples, size_t count)
{
    size_t pending = ch->play_len - ch->play_pos;
    if (pending + count > PLAY_QUEUE_MAX)
        return false;
    int16_t *joined = malloc((pending + count ? pending + count : 1) * sizeof *joined);
    if (joined == NULL)
        return false;
    if (pending > 0)
        memcpy(joined, ch->play + ch->play_pos, pending * sizeof *joined);
    memcpy(joined + pending, samples, count * sizeof *joined);
    free(ch->play);
    ch->play = joined;
    ch->play_len = pending + count;
    ch->play_pos = 0;
    return true;
}

static void cmd_play(card *c, char *args, reply *r)
{
    char *channel_word = next_word(&args);
    char *path = rest_of_line(&args);
    if (path == NULL) {
        reply_line(r, "ERR usage: play CH PATH");
        return;
    }
    pthread_mutex_lock(&c->lock);
    channel *ch = channel_arg(c, channel_word, r);
    pthread_mutex_unlock(&c->lock);
    if (ch == NULL)
        return;
    int16_t *samples = NULL;
    size_t count = 0;
    char why[512];
    if (wav_load(path, &samples, &count, why, sizeof why) != SC_OK) {
        reply_line(r, "ERR %s", why);
        return;
    }
    pthread_mutex_lock(&c->lock);
    if (require_state(c, ch, SC_ST_CONNECTED, r)) {
        if (append_play(ch, samples, count))
            reply_line(r, "OK %zu", (count + SC_FRAME_BYTES - 1) / SC_FRAME_BYTES);
        else
            reply_line(r, "ERR channel %d has too much audio queued already", ch->number);
    }
    pthread_mutex_unlock(&c->lock);
    free(samples);
}

static bool parse_seconds(const char *text, double *seconds)
{
    if (text == NULL)
        return false;
    char *end = NULL;
    errno = 0;
    double value = strtod(text, &end);
    if (errno != 0 || end == text || *end != '\0' || !(value > 0) || value > CAPTURE_MAX_SECONDS)
        return false;
    *seconds = value;
    return true;
}

/* Fails early, before the wait, when the file cannot be written; true if it was created here. */
static bool prepare_output(const char *path, bool *created, reply *r)
{
    *created = access(path, F_OK) != 0;
    int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        reply_line(r, "ERR cannot write %s: %s", path, strerror(errno));
        return false;
    }
    close(fd);
    return true;
}

/* Hands the capture to the clock thread and waits for it to be filled, or for the card to close. */
static bool run_capture(card *c, channel *ch, capture *cap, reply *r)
{
    bool done = false;
    pthread_mutex_lock(&c->lock);
    if (ch->capture != NULL) {
        reply_line(r, "ERR channel %d is already being captured", ch->number);
    } else {
        ch->capture = cap;
        while (!cap->done && !c->closed)
            pthread_cond_wait(&c->capture_cond, &c->lock);
        done = cap->done;
        if (!done) {
            if (ch->capture == cap)
                ch->capture = NULL;
            reply_line(r, "ERR the card was closed before the capture finished");
        }
    }
    pthread_mutex_unlock(&c->lock);
    return done;
}

static void cmd_capture(card *c, char *args, reply *r)
{
    char *channel_word = next_word(&args);
    char *seconds_word = next_word(&args);
    char *path = rest_of_line(&args);
    double seconds = 0;
    if (path == NULL || !parse_seconds(seconds_word, &seconds)) {
        reply_line(r, "ERR usage: capture CH SECONDS PATH (SECONDS up to %d)", CAPTURE_MAX_SECONDS);
        return;
    }
    pthread_mutex_lock(&c->lock);
    channel *ch = channel_arg(c, channel_word, r);
    pthread_mutex_unlock(&c->lock);
    bool created = false;
    if (ch == NULL || !prepare_output(path, &created, r))
        return;
    long frames = lround(seconds * 1000.0 / 20.0);
    if (frames < 1)
        frames = 1;
    capture cap = {.wanted = (size_t)frames * SC_FRAME_BYTES};
    cap.samples = malloc(cap.wanted * sizeof *cap.samples);
    char why[512];
    if (cap.samples == NULL) {
        reply_line(r, "ERR out of memory for a %ld-frame capture", frames);
    } else if (run_capture(c, ch, &cap, r)) {
        if (wav_save_pcm16(path, cap.samples, cap.filled, why, sizeof why) == SC_OK) {
            reply_line(r, "OK %ld", frames);
            created = false;
        } else {
            reply_line(r, "ERR %s", why);
        }
    }
    if (created)
        unlink(path);
    free(cap.samples);
}

static void cmd_alarm(card *c, char *args, reply *r)
{
    char *span_word = next_word(&args);
    char *kind_word = next_word(&args);
    int number = 0;
    int kind = -1;
    if (kind_word != NULL)
        kind = strcmp(kind_word, "los") == 0 ? SC_ALARM_LOS : strcmp(kind_word, "ais") == 0 ? SC_ALARM_AIS
             : strcmp(kind_word, "clear") == 0 ? 0 : -1;
    if (!parse_int(span_word, &number) || kind < 0 || next_word(&args) != NULL) {
        reply_line(r, "ERR usage: alarm SPAN los|ais|clear");
        return;
    }
    pthread_mutex_lock(&c->lock);
    if (number < 1 || number > c->span_count) {
        reply_line(r, "ERR no span %d: the card has %d span%s", number, c->span_count, c->span_count == 1 ? "" : "s");
    } else if (kind == 0) {
        if (c->spans[number - 1].alarm == 0) {
            reply_line(r, "ERR span %d is not in alarm", number);
        } else {
            alarm_clear(c, number);
            reply_line(r, "OK");
        }
    } else if (c->spans[number - 1].alarm == kind) {
        reply_line(r, "ERR span %d is already in %s alarm", number, alarm_name(kind));
    } else {
        alarm_raise(c, number, kind);
        reply_line(r, "OK");
    }
    pthread_mutex_unlock(&c->lock);
}

typedef struct command {
    const char *name;
    void (*run)(card *c, char *args, reply *r);
} command;

static const command commands[] = {
    {"status", cmd_status},   {"ring", cmd_ring},   {"answer", cmd_answer}, {"hangup", cmd_hangup},
    {"busy", cmd_busy},       {"noanswer", cmd_noanswer}, {"dtmf", cmd_dtmf}, {"play", cmd_play},
    {"capture", cmd_capture}, {"alarm", cmd_alarm},
};

void commands_run(card *c, char *line, reply *r)
{
    char *cursor = line;
    char *name = next_word(&cursor);
    for (size_t i = 0; name != NULL && i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(name, commands[i].name) == 0) {
            commands[i].run(c, cursor, r);
            return;
        }
    }
    reply_line(r, "ERR unknown command '%s'; commands: status ring answer hangup busy noanswer dtmf play capture alarm",
               name ? name : "");
}
