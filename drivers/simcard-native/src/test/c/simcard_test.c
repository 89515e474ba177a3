/*
 * simcard_test.c - the simulator card's tests: the C API as the JNA binding calls it, with the far
 * end driven through the control socket exactly as the "switchboard simcard" CLI does.
 *
 * Built with AddressSanitizer and UBSan (src/build/test.sh). Tests wait for events, ticks and
 * replies with generous ceilings, never for a fixed time.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "card.h"
#include "simcard.h"

#define WAIT_MS 5000   /* a ceiling for anything that should happen within a tick or two */

static int failures;
static int checks;
static const char *current_test;
static char temp_dir[64];

#define CHECK(condition) check((condition), #condition, __FILE__, __LINE__)
#define CHECK_EQ(expected, actual) check_eq((long long)(expected), (long long)(actual), #actual, __FILE__, __LINE__)

static void check(bool ok, const char *what, const char *file, int line)
{
    checks++;
    if (!ok) {
        failures++;
        fprintf(stderr, "FAIL %s: %s (%s:%d)\n", current_test, what, file, line);
    }
}

static void check_eq(long long expected, long long actual, const char *what, const char *file, int line)
{
    checks++;
    if (expected != actual) {
        failures++;
        fprintf(stderr, "FAIL %s: %s is %lld, expected %lld (%s:%d)\n", current_test, what, actual, expected, file,
                line);
    }
}

static double elapsed_ms(const struct timespec *since)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - since->tv_sec) * 1000.0 + (now.tv_nsec - since->tv_nsec) / 1e6;
}

/* ---- fixtures ---- */

static void socket_path(char *out, size_t size, const char *name)
{
    snprintf(out, size, "%s/%s.sock", temp_dir, name);
}

static int open_card(const char *name, int spans, int analog)
{
    char path[128], config[256];
    socket_path(path, sizeof path, name);
    snprintf(config, sizeof config, "control=%s;spans=%d;analog=%d", path, spans, analog);
    int handle = sc_open(config);
    CHECK(handle >= 1);
    return handle;
}

/* Sends one request line and returns the whole reply (caller frees), or NULL if it failed. */
static char *send_raw(const char *name, const char *request, size_t length)
{
    char path[128];
    socket_path(path, sizeof path, name);
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un address = {.sun_family = AF_UNIX};
    memcpy(address.sun_path, path, strnlen(path, sizeof address.sun_path - 1));
    if (connect(fd, (struct sockaddr *)&address, sizeof address) != 0) {
        close(fd);
        return NULL;
    }
    if (length > 0 && send(fd, request, length, MSG_NOSIGNAL) != (ssize_t)length) {
        close(fd);
        return NULL;
    }
    if (length > 0)
        shutdown(fd, SHUT_WR);   /* the request is complete: lets a last line without "\n" through */
    size_t used = 0, capacity = 4096;
    char *reply = malloc(capacity);
    for (;;) {
        if (capacity - used < 1024)
            reply = realloc(reply, capacity *= 2);
        ssize_t n = recv(fd, reply + used, capacity - used - 1, 0);
        if (n <= 0)
            break;
        used += (size_t)n;
    }
    reply[used] = '\0';
    close(fd);
    return reply;
}

static char *control(const char *name, const char *format, ...)
{
    char line[2048];
    va_list args;
    va_start(args, format);
    int n = vsnprintf(line, sizeof line - 1, format, args);
    va_end(args);
    line[n] = '\n';
    return send_raw(name, line, (size_t)n + 1);
}

/* Sends a request and checks the reply's first line starts with expected ("OK", "ERR", "OK 10"). */
static void control_expect(const char *name, const char *expected, const char *request)
{
    char *reply = control(name, "%s", request);
    bool ok = reply != NULL && strncmp(reply, expected, strlen(expected)) == 0;
    if (!ok)
        fprintf(stderr, "  request '%s' replied '%s'\n", request, reply ? reply : "(nothing)");
    check(ok, request, __FILE__, __LINE__);
    free(reply);
}

static sc_event expect_event(int card, int type, int channel)
{
    sc_event ev;
    memset(&ev, 0, sizeof ev);
    int rc = sc_next_event(card, &ev, WAIT_MS);
    CHECK_EQ(1, rc);
    CHECK_EQ(type, ev.type);
    CHECK_EQ(channel, ev.channel);
    return ev;
}

static void expect_no_event(int card)
{
    sc_event ev;
    CHECK_EQ(SC_ETIMEOUT, sc_next_event(card, &ev, 0));
}

/* Rings a channel from the far end and answers it from the host. */
static void connect_inbound(const char *name, int card, int channel)
{
    char request[64];
    snprintf(request, sizeof request, "ring %d 100 5551234", channel);
    control_expect(name, "OK", request);
    expect_event(card, SC_EV_INCOMING, channel);
    CHECK_EQ(SC_OK, sc_offhook(card, channel));
}

static void wait_ticks(int card, int count)
{
    for (int i = 0; i < count; i++)
        CHECK(sc_wait_tick(card, WAIT_MS) >= 0);
}

static double rms(const int16_t *samples, int count)
{
    double sum = 0;
    for (int i = 0; i < count; i++)
        sum += (double)samples[i] * samples[i];
    return sqrt(sum / count);
}

static double goertzel_power(const int16_t *samples, int count, double hz)
{
    double coefficient = 2 * cos(2 * M_PI * hz / SC_SAMPLE_RATE);
    double s1 = 0, s2 = 0;
    for (int i = 0; i < count; i++) {
        double s0 = samples[i] + coefficient * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
}

static void decode_frame(int codec, const uint8_t *frame, int16_t *samples)
{
    for (int i = 0; i < SC_FRAME_BYTES; i++)
        samples[i] = g711_decode(codec, frame[i]);
}

static void write_file(const char *path, const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    fwrite(data, 1, size, f);
    fclose(f);
}

static void put16(uint8_t *p, int v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static void put32(uint8_t *p, long v) { put16(p, (int)(v & 0xFFFF)); put16(p + 2, (int)((v >> 16) & 0xFFFF)); }

/* Writes a WAV with the given format whose data is bytes. */
static void write_wav(const char *path, int tag, int channels, long rate, int bits, const void *bytes, size_t size)
{
    uint8_t *file = calloc(1, 44 + size);
    memcpy(file, "RIFF", 4);
    put32(file + 4, (long)(36 + size));
    memcpy(file + 8, "WAVEfmt ", 8);
    put32(file + 16, 16);
    put16(file + 20, tag);
    put16(file + 22, channels);
    put32(file + 24, rate);
    put32(file + 28, rate * channels * bits / 8);
    put16(file + 32, channels * bits / 8);
    put16(file + 34, bits);
    memcpy(file + 36, "data", 4);
    put32(file + 40, (long)size);
    memcpy(file + 44, bytes, size);
    write_file(path, file, 44 + size);
    free(file);
}

/* ---- tests ---- */

static void test_g711_round_trips(void)
{
    for (int code = 0; code < 256; code++) {
        CHECK_EQ(code, g711_alaw_encode(g711_alaw_decode((uint8_t)code)));
        if (code != 0x7F)   /* µ-law's negative zero encodes back as positive zero */
            CHECK_EQ(code, g711_ulaw_encode(g711_ulaw_decode((uint8_t)code)));
    }
    CHECK_EQ(0xD5, g711_alaw_encode(0));
    CHECK_EQ(0xFF, g711_ulaw_encode(0));
    CHECK_EQ(0, g711_ulaw_decode(0xFF));
    CHECK_EQ(0xAA, g711_alaw_encode(32767));   /* A-law's largest positive code */
    CHECK_EQ(0x2A, g711_alaw_encode(-32768));  /* and largest negative */
    CHECK_EQ(0x80, g711_ulaw_encode(32767));   /* µ-law's largest positive code */
    CHECK(g711_alaw_decode(g711_alaw_encode(-20000)) < -19000);
    CHECK(g711_ulaw_decode(g711_ulaw_encode(12345)) > 12000);
}

static void test_open_and_close(void)
{
    int card = open_card("open", 2, 4);
    CHECK_EQ(SC_API_VERSION, sc_api_version());
    CHECK_EQ(64, sc_channel_count(card));
    CHECK_EQ(2, sc_span_count(card));
    CHECK_EQ(SC_CH_E1_TRUNK, sc_channel_type(card, 1));
    CHECK_EQ(SC_CH_E1_TRUNK, sc_channel_type(card, 60));
    CHECK_EQ(SC_CH_ANALOG, sc_channel_type(card, 61));
    CHECK_EQ(SC_ST_IDLE, sc_channel_state(card, 64));

    char path[128];
    socket_path(path, sizeof path, "open");
    struct stat info;
    CHECK(stat(path, &info) == 0 && S_ISSOCK(info.st_mode) && (info.st_mode & 0777) == 0600);

    CHECK_EQ(SC_OK, sc_close(card));
    CHECK(stat(path, &info) != 0);   /* the socket is gone */
    CHECK_EQ(SC_ECLOSED, sc_close(card));
    CHECK_EQ(SC_ECLOSED, sc_channel_count(card));
    CHECK_EQ(SC_ECLOSED, sc_offhook(card, 1));

    int again = open_card("open", 1, 8);
    CHECK(again != card);   /* handles are never reused */
    CHECK_EQ(38, sc_channel_count(again));
    CHECK_EQ(SC_ECLOSED, sc_channel_count(card));
    CHECK_EQ(SC_OK, sc_close(again));
}

static void test_bad_open_strings(void)
{
    char path[128], config[512];
    socket_path(path, sizeof path, "bad");
    CHECK_EQ(SC_EINVAL, sc_open(NULL));
    CHECK_EQ(SC_ECONFIG, sc_open(""));
    CHECK_EQ(SC_ECONFIG, sc_open("spans=1;analog=8"));
    const char *bad[] = {"spans=9", "analog=65", "spans=x", "spans=", "colour=blue", "spans=0;analog=0", "spans",
                         "spans=-1", "analog=1e2"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(config, sizeof config, "control=%s;%s", path, bad[i]);
        CHECK_EQ(SC_ECONFIG, sc_open(config));
    }
    CHECK_EQ(SC_ECONFIG, sc_open("control="));
    snprintf(config, sizeof config, "control=/tmp/%0200d", 0);
    CHECK_EQ(SC_ECONFIG, sc_open(config));
    CHECK_EQ(SC_EIO, sc_open("control=/nonexistent-dir/x.sock"));

    snprintf(config, sizeof config, "control=%s", path);   /* defaults: 1 span, 8 extensions */
    int card = sc_open(config);
    CHECK_EQ(38, sc_channel_count(card));
    CHECK_EQ(SC_OK, sc_close(card));
}

static void test_control_socket_in_use_or_stale(void)
{
    char path[128], config[256];
    socket_path(path, sizeof path, "inuse");
    snprintf(config, sizeof config, "control=%s", path);
    int card = sc_open(config);
    CHECK(card >= 1);
    CHECK_EQ(SC_EIO, sc_open(config));   /* something answers there */
    CHECK_EQ(SC_CH_E1_TRUNK, sc_channel_type(card, 1));   /* and the first card is untouched */
    control_expect("inuse", "OK", "status");
    CHECK_EQ(SC_OK, sc_close(card));

    /* A socket file nobody listens on, as a crashed process leaves it. */
    int stale = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un address = {.sun_family = AF_UNIX};
    memcpy(address.sun_path, path, strnlen(path, sizeof address.sun_path - 1));
    CHECK_EQ(0, bind(stale, (struct sockaddr *)&address, sizeof address));
    close(stale);
    card = sc_open(config);
    CHECK(card >= 1);
    control_expect("inuse", "OK", "status");
    CHECK_EQ(SC_OK, sc_close(card));

    /* A plain file is somebody's data, not a stale socket. */
    write_file(path, "x", 1);
    CHECK_EQ(SC_EIO, sc_open(config));
    unlink(path);
}

static void test_bad_handles(void)
{
    int handles[] = {0, -1, 99999};
    uint8_t frame[SC_FRAME_BYTES] = {0};
    sc_event ev;
    sc_stats stats;
    int64_t missed;
    for (size_t i = 0; i < sizeof handles / sizeof handles[0]; i++) {
        int h = handles[i];
        CHECK_EQ(SC_EBADCARD, sc_close(h));
        CHECK_EQ(SC_EBADCARD, sc_channel_count(h));
        CHECK_EQ(SC_EBADCARD, sc_span_count(h));
        CHECK_EQ(SC_EBADCARD, sc_channel_type(h, 1));
        CHECK_EQ(SC_EBADCARD, sc_channel_state(h, 1));
        CHECK_EQ(SC_EBADCARD, sc_next_event(h, &ev, 0));
        CHECK_EQ(SC_EBADCARD, sc_offhook(h, 1));
        CHECK_EQ(SC_EBADCARD, sc_onhook(h, 1));
        CHECK_EQ(SC_EBADCARD, sc_dial(h, 1, "1", NULL));
        CHECK_EQ(SC_EBADCARD, sc_set_codec(h, 1, SC_CODEC_ULAW));
        CHECK_EQ(SC_EBADCARD, sc_wait_tick(h, 0));
        CHECK_EQ(SC_EBADCARD, sc_read_frame(h, 1, frame, SC_FRAME_BYTES));
        CHECK_EQ(SC_EBADCARD, sc_write_frame(h, 1, frame, SC_FRAME_BYTES));
        CHECK_EQ(SC_EBADCARD, sc_get_stats(h, &stats));
        CHECK_EQ(SC_EBADCARD, sc_get_missed_ticks(h, &missed));
    }
    CHECK(strlen(sc_strerror(SC_EBADCARD)) > 0);
    CHECK(strcmp(sc_strerror(-1234), "unknown error") == 0);
    CHECK(strcmp(sc_strerror(SC_OK), "no error") == 0);
}

static void test_bad_arguments(void)
{
    int card = open_card("args", 1, 2);
    uint8_t frame[SC_FRAME_BYTES] = {0};
    int out_of_range[] = {0, -1, 33, 1000};
    for (size_t i = 0; i < sizeof out_of_range / sizeof out_of_range[0]; i++) {
        int ch = out_of_range[i];
        CHECK_EQ(SC_EINVAL, sc_channel_type(card, ch));
        CHECK_EQ(SC_EINVAL, sc_channel_state(card, ch));
        CHECK_EQ(SC_EINVAL, sc_offhook(card, ch));
        CHECK_EQ(SC_EINVAL, sc_onhook(card, ch));
        CHECK_EQ(SC_EINVAL, sc_dial(card, ch, "1", "2"));
        CHECK_EQ(SC_EINVAL, sc_set_codec(card, ch, SC_CODEC_ALAW));
        CHECK_EQ(SC_EINVAL, sc_read_frame(card, ch, frame, SC_FRAME_BYTES));
        CHECK_EQ(SC_EINVAL, sc_write_frame(card, ch, frame, SC_FRAME_BYTES));
    }
    CHECK_EQ(SC_EINVAL, sc_next_event(card, NULL, 0));
    CHECK_EQ(SC_EINVAL, sc_next_event(card, &(sc_event){0}, -1));
    CHECK_EQ(SC_EINVAL, sc_get_stats(card, NULL));
    CHECK_EQ(SC_EINVAL, sc_get_missed_ticks(card, NULL));
    CHECK_EQ(SC_EINVAL, sc_wait_tick(card, -5));
    CHECK_EQ(SC_EINVAL, sc_read_frame(card, 1, NULL, SC_FRAME_BYTES));
    CHECK_EQ(SC_EINVAL, sc_write_frame(card, 1, NULL, SC_FRAME_BYTES));
    CHECK_EQ(SC_EFRAME, sc_read_frame(card, 1, frame, 159));
    CHECK_EQ(SC_EFRAME, sc_write_frame(card, 1, frame, 161));
    CHECK_EQ(SC_EFRAME, sc_write_frame(card, 1, frame, -1));
    CHECK_EQ(SC_EINVAL, sc_set_codec(card, 1, 3));
    CHECK_EQ(SC_EINVAL, sc_dial(card, 1, NULL, NULL));                  /* a trunk needs a number */
    CHECK_EQ(SC_EINVAL, sc_dial(card, 1, "", NULL));
    CHECK_EQ(SC_EINVAL, sc_dial(card, 1, "12345678901234567890123456789012", NULL));   /* 32 digits */
    CHECK_EQ(SC_EINVAL, sc_dial(card, 1, "100", "12345678901234567890123456789012"));
    CHECK_EQ(SC_OK, sc_dial(card, 31, NULL, "2001"));                   /* an extension does not */
    CHECK_EQ(SC_ST_DIALING, sc_channel_state(card, 31));
    CHECK_EQ(SC_ESTATE, sc_write_frame(card, 2, frame, SC_FRAME_BYTES));  /* idle */
    CHECK_EQ(0, sc_read_frame(card, 2, frame, SC_FRAME_BYTES));          /* nothing waiting */
    CHECK_EQ(SC_ETIMEOUT, sc_wait_tick(card, 0));
    CHECK_EQ(SC_ETIMEOUT, sc_next_event(card, &(sc_event){0}, 0));
    CHECK_EQ(SC_OK, sc_close(card));
}

static void test_inbound_call(void)
{
    int card = open_card("inbound", 1, 2);
    control_expect("inbound", "OK", "ring 3 0800123456 0612345678");
    sc_event ev = expect_event(card, SC_EV_INCOMING, 3);
    CHECK_EQ(1, ev.span);
    CHECK(strcmp(ev.number, "0800123456") == 0);
    CHECK(strcmp(ev.caller, "0612345678") == 0);
    CHECK_EQ(SC_ST_RINGING_IN, sc_channel_state(card, 3));
    control_expect("inbound", "ERR", "ring 3 100");   /* not idle */
    uint8_t frame[SC_FRAME_BYTES] = {0};
    CHECK_EQ(SC_ESTATE, sc_write_frame(card, 3, frame, SC_FRAME_BYTES));
    CHECK_EQ(SC_OK, sc_offhook(card, 3));
    CHECK_EQ(SC_ST_CONNECTED, sc_channel_state(card, 3));
    CHECK_EQ(SC_ESTATE, sc_offhook(card, 3));   /* off-hook twice */
    CHECK_EQ(SC_OK, sc_write_frame(card, 3, frame, SC_FRAME_BYTES));

    control_expect("inbound", "OK", "hangup 3");
    ev = expect_event(card, SC_EV_HANGUP, 3);
    CHECK_EQ(SC_CAUSE_NORMAL, ev.value);
    CHECK_EQ(SC_ST_IDLE, sc_channel_state(card, 3));
    CHECK_EQ(SC_ESTATE, sc_write_frame(card, 3, frame, SC_FRAME_BYTES));
    control_expect("inbound", "ERR", "hangup 3");   /* nothing to hang up */

    /* An extension lifting its handset and dialling. */
    control_expect("inbound", "OK", "ring 31 200");
    ev = expect_event(card, SC_EV_INCOMING, 31);
    CHECK_EQ(0, ev.span);
    CHECK(strcmp(ev.number, "200") == 0);
    CHECK(strcmp(ev.caller, "") == 0);
    CHECK_EQ(SC_OK, sc_offhook(card, 31));
    CHECK_EQ(SC_OK, sc_onhook(card, 31));
    CHECK_EQ(SC_ST_IDLE, sc_channel_state(card, 31));
    CHECK_EQ(SC_OK, sc_onhook(card, 31));   /* idle already */
    expect_no_event(card);
    CHECK_EQ(SC_OK, sc_close(card));
}

static void test_outbound_call(void)
{
    int card = open_card("outbound", 1, 2);
    CHECK_EQ(SC_OK, sc_dial(card, 5, "0612345678", "0800123456"));
    CHECK_EQ(SC_ST_DIALING, sc_channel_state(card, 5));
    CHECK_EQ(SC_ESTATE, sc_dial(card, 5, "1", NULL));
    CHECK_EQ(SC_ESTATE, sc_offhook(card, 5));
    control_expect("outbound", "ERR", "answer 6");   /* not dialling */
    control_expect("outbound", "OK", "answer 5");
    expect_event(card, SC_EV_ANSWERED, 5);
    CHECK_EQ(SC_ST_CONNECTED, sc_channel_state(card, 5));
    CHECK_EQ(SC_OK, sc_onhook(card, 5));
    CHECK_EQ(SC_ST_IDLE, sc_channel_state(card, 5));

    CHECK_EQ(SC_OK, sc_dial(card, 5, "0612345678", NULL));
    control_expect("outbound", "OK", "busy 5");
    CHECK_EQ(SC_CAUSE_BUSY, expect_event(card, SC_EV_HANGUP, 5).value);
    CHECK_EQ(SC_ST_IDLE, sc_channel_state(card, 5));

    CHECK_EQ(SC_OK, sc_dial(card, 32, NULL, "0612345678"));   /* ring an agent's extension */
    control_expect("outbound", "OK", "noanswer 32");
    CHECK_EQ(SC_CAUSE_NOANSWER, expect_event(card, SC_EV_HANGUP, 32).value);

    CHECK_EQ(SC_OK, sc_dial(card, 32, NULL, NULL));
    control_expect("outbound", "OK", "hangup 32");   /* the far end gives up while it rings */
    CHECK_EQ(SC_CAUSE_NORMAL, expect_event(card, SC_EV_HANGUP, 32).value);
    expect_no_event(card);
    CHECK_EQ(SC_OK, sc_close(card));
}

static void test_control_errors_and_status(void)
{
    int card = open_card("ctl", 1, 2);
    const char *refused[] = {"", "bogus", "ring", "ring x 100", "ring 0 100", "ring 33 100", "ring 1 100 200 300",
                             "ring 1 12345678901234567890123456789012", "answer", "hangup 1 2", "dtmf 1",
                             "dtmf 1 12E", "dtmf 1 12 loud", "play 1", "capture 1", "capture 1 0 /tmp/x.wav",
                             "capture 1 -1 /tmp/x.wav", "capture 1 abc /tmp/x.wav", "alarm", "alarm 2 los",
                             "alarm 1 red", "alarm 1 clear", "status now"};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
        control_expect("ctl", "ERR ", refused[i]);
    control_expect("ctl", "ERR ", "dtmf 1 123");   /* idle: nobody to hear it */

    CHECK_EQ(SC_OK, sc_set_codec(card, 2, SC_CODEC_ULAW));
    control_expect("ctl", "OK", "ring 32 200");
    char *status = control("ctl", "status");
    CHECK(status != NULL && strncmp(status, "OK\n", 3) == 0);
    CHECK(status != NULL && strstr(status, "\nspan 1 alarm none\n") != NULL);
    CHECK(status != NULL && strstr(status, "\nchannel 1 type=e1 span=1 state=idle codec=alaw\n") != NULL);
    CHECK(status != NULL && strstr(status, "\nchannel 2 type=e1 span=1 state=idle codec=ulaw\n") != NULL);
    CHECK(status != NULL && strstr(status, "\nchannel 32 type=analog span=0 state=ringing_in codec=alaw\n") != NULL);
    int lines = 0;
    for (const char *p = status; p && *p; p++)
        lines += *p == '\n';
    CHECK_EQ(1 + 1 + 32, lines);
    free(status);

    /* Too long a line, a CRLF line, a line without its newline, and a client that says nothing. */
    char long_line[1100];
    memset(long_line, 'x', 1030);
    memcpy(long_line, "ring 1 ", 7);
    long_line[1030] = '\n';
    char *reply = send_raw("ctl", long_line, 1031);
    CHECK(reply != NULL && strncmp(reply, "ERR ", 4) == 0);
    free(reply);
    reply = send_raw("ctl", "status\r\n", 8);
    CHECK(reply != NULL && strncmp(reply, "OK\n", 3) == 0);
    free(reply);
    reply = send_raw("ctl", "ring 1 100", 10);   /* no newline, then end of stream */
    CHECK(reply != NULL && strcmp(reply, "OK\n") == 0);
    free(reply);
    struct timespec started;
    clock_gettime(CLOCK_MONOTONIC, &started);
    reply = send_raw("ctl", "", 0);   /* connects, sends nothing: dropped after a few seconds */
    CHECK(reply != NULL && strncmp(reply, "ERR ", 4) == 0);
    CHECK(elapsed_ms(&started) < 10000);
    free(reply);
    CHECK_EQ(SC_OK, sc_close(card));
}

static void test_dtmf_events(void)
{
    int card = open_card("dtmf", 1, 0);
    connect_inbound("dtmf", card, 7);
    control_expect("dtmf", "OK", "dtmf 7 1*#aD9");
    const char expected[] = "1*#AD9";
    for (int i = 0; expected[i]; i++) {
        sc_event ev = expect_event(card, SC_EV_DTMF, 7);
        CHECK_EQ(expected[i], ev.value);
        CHECK_EQ(100, ev.duration_ms);
    }
    control_expect("dtmf", "OK", "dtmf 7 0 events");
    CHECK_EQ('0', expect_event(card, SC_EV_DTMF, 7).value);
    expect_no_event(card);
    CHECK_EQ(SC_OK, sc_close(card));
}

/* Reads frames until one is not silence, then `count` frames from it on; false if none came. */
static bool read_audio(int card, int channel, int codec, int16_t *samples, int count)
{
    uint8_t frame[SC_FRAME_BYTES];
    int got = 0;
    for (int tick = 0; tick < 200 && got < count; tick++) {
        if (sc_wait_tick(card, WAIT_MS) < 0)
            return false;
        while (got < count && sc_read_frame(card, channel, frame, SC_FRAME_BYTES) == SC_FRAME_BYTES) {
            decode_frame(codec, frame, samples + got * SC_FRAME_BYTES);
            if (got > 0 || rms(samples, SC_FRAME_BYTES) > 100)
                got++;
        }
    }
    return got == count;
}

static void check_tone(const int16_t *samples, int count, double row, double column)
{
    const double all[] = {697, 770, 852, 941, 1209, 1336, 1477, 1633};
    double wanted = fmin(goertzel_power(samples, count, row), goertzel_power(samples, count, column));
    for (size_t i = 0; i < 8; i++) {
        if (all[i] != row && all[i] != column)
            CHECK(goertzel_power(samples, count, all[i]) * 20 < wanted);
    }
    double level = rms(samples, count);   /* two tones at -7 dBm0 each: ~10k RMS */
    CHECK(level > 7000 && level < 14000);
}

static void test_dtmf_tones(void)
{
    int card = open_card("tones", 1, 0);
    connect_inbound("tones", card, 2);
    CHECK_EQ(SC_OK, sc_set_codec(card, 2, SC_CODEC_ALAW));
    uint8_t frame[SC_FRAME_BYTES];
    wait_ticks(card, 1);
    CHECK_EQ(SC_FRAME_BYTES, sc_read_frame(card, 2, frame, SC_FRAME_BYTES));
    CHECK_EQ(0xD5, frame[0]);   /* silence before */
    CHECK_EQ(0xD5, frame[159]);
    while (sc_read_frame(card, 2, frame, SC_FRAME_BYTES) > 0)
        ;

    control_expect("tones", "OK", "dtmf 2 5 tones");
    int16_t samples[4 * SC_FRAME_BYTES];   /* 80 ms of the 100 ms tone */
    CHECK(read_audio(card, 2, SC_CODEC_ALAW, samples, 4));
    check_tone(samples, 4 * SC_FRAME_BYTES, 770, 1336);
    expect_no_event(card);   /* in-band only */

    CHECK_EQ(SC_OK, sc_set_codec(card, 2, SC_CODEC_ULAW));
    wait_ticks(card, 12);   /* let the rest of the first digit's cycle go by */
    while (sc_read_frame(card, 2, frame, SC_FRAME_BYTES) > 0)
        ;
    control_expect("tones", "OK", "dtmf 2 # tones");
    CHECK(read_audio(card, 2, SC_CODEC_ULAW, samples, 4));
    check_tone(samples, 4 * SC_FRAME_BYTES, 941, 1477);
    CHECK_EQ(SC_OK, sc_close(card));
}

static void test_frames_and_counters(void)
{
    int card = open_card("frames", 1, 0);
    connect_inbound("frames", card, 1);
    sc_stats before, after;
    CHECK_EQ(SC_OK, sc_get_stats(card, &before));
    wait_ticks(card, 12);   /* nobody reads: the ring keeps the newest 8 */
    CHECK_EQ(SC_OK, sc_get_stats(card, &after));
    CHECK(after.ticks >= before.ticks + 12);
    CHECK(after.frames_in >= before.frames_in + 12);
    CHECK(after.rx_overruns >= before.rx_overruns + 3);
    CHECK(after.tx_underruns >= before.tx_underruns + 12);
    uint8_t frame[SC_FRAME_BYTES];
    int frames = 0;
    while (sc_read_frame(card, 1, frame, SC_FRAME_BYTES) == SC_FRAME_BYTES)
        frames++;
    CHECK(frames >= 7 && frames <= 8);   /* a tick may land while reading */

    memset(frame, 0x2A, sizeof frame);
    CHECK_EQ(SC_OK, sc_get_stats(card, &before));
    for (int i = 0; i < 10; i++)   /* more than the 8 the card queues */
        CHECK_EQ(SC_OK, sc_write_frame(card, 1, frame, SC_FRAME_BYTES));
    wait_ticks(card, 3);
    CHECK_EQ(SC_OK, sc_get_stats(card, &after));
    CHECK(after.tx_overruns >= before.tx_overruns + 2);
    CHECK(after.frames_out >= before.frames_out + 3);

    /* A reader that falls behind gets the current tick at once; the gap is counted. */
    int last = sc_wait_tick(card, WAIT_MS);
    CHECK(last >= 0);
    sc_stats now;
    do {
        sc_get_stats(card, &now);
        sched_yield();
    } while (now.ticks < after.ticks + 8);
    int64_t missed_before = 0, missed_after = 0;
    sc_get_missed_ticks(card, &missed_before);
    int current = sc_wait_tick(card, 0);
    CHECK(current >= last + 3);
    sc_get_missed_ticks(card, &missed_after);
    CHECK(missed_after >= missed_before + 2);
    int next = sc_wait_tick(card, WAIT_MS);
    CHECK(next > current);
    CHECK_EQ(SC_OK, sc_close(card));
}

static void test_play(void)
{
    int card = open_card("play", 1, 0);
    connect_inbound("play", card, 4);
    char wav[128];
    snprintf(wav, sizeof wav, "%s/tone.wav", temp_dir);
    int16_t tone[1600];   /* 200 ms of 1 kHz */
    uint8_t bytes[3200];
    for (int i = 0; i < 1600; i++) {
        tone[i] = (int16_t)lrint(8000 * sin(2 * M_PI * 1000 * i / 8000.0));
        put16(bytes + 2 * i, tone[i]);
    }
    write_wav(wav, 1, 1, 8000, 16, bytes, sizeof bytes);
    char request[256];
    snprintf(request, sizeof request, "play 4 %s", wav);
    control_expect("play", "OK 10", request);
    int16_t heard[5 * SC_FRAME_BYTES];
    CHECK(read_audio(card, 4, SC_CODEC_ALAW, heard, 5));
    double error = 0;
    for (int i = 0; i < 5 * SC_FRAME_BYTES; i++)
        error = fmax(error, fabs((double)heard[i] - tone[i]));
    CHECK(error < 300);   /* A-law's step near 8000 is 256 */

    /* An A-law WAV plays byte for byte. */
    uint8_t alaw[SC_FRAME_BYTES * 3];
    for (size_t i = 0; i < sizeof alaw; i++)
        alaw[i] = (uint8_t)(0x10 + i % 64);
    write_wav(wav, 6, 1, 8000, 8, alaw, sizeof alaw);
    control_expect("play", "OK 3", request);
    uint8_t frame[SC_FRAME_BYTES];
    bool matched = false;
    for (int tick = 0; tick < 50 && !matched; tick++) {
        wait_ticks(card, 1);
        while (!matched && sc_read_frame(card, 4, frame, SC_FRAME_BYTES) == SC_FRAME_BYTES)
            matched = memcmp(frame, alaw, SC_FRAME_BYTES) == 0;
    }
    CHECK(matched);

    write_wav(wav, 1, 1, 44100, 16, bytes, sizeof bytes);
    char *reply = control("play", "play 4 %s", wav);
    CHECK(reply != NULL && strncmp(reply, "ERR ", 4) == 0 && strstr(reply, "44100 Hz") != NULL);
    free(reply);
    write_wav(wav, 1, 2, 8000, 16, bytes, sizeof bytes);
    reply = control("play", "play 4 %s", wav);
    CHECK(reply != NULL && strstr(reply, "2 channels") != NULL);
    free(reply);
    write_wav(wav, 3, 1, 8000, 32, bytes, sizeof bytes);
    reply = control("play", "play 4 %s", wav);
    CHECK(reply != NULL && strstr(reply, "float") != NULL);
    free(reply);
    write_file(wav, "hello, not a wav", 16);
    control_expect("play", "ERR ", request);
    control_expect("play", "ERR ", "play 4 /nonexistent/file.wav");
    write_wav(wav, 1, 1, 8000, 16, bytes, sizeof bytes);
    snprintf(request, sizeof request, "play 5 %s", wav);
    control_expect("play", "ERR ", request);   /* channel 5 is idle */
    unlink(wav);
    CHECK_EQ(SC_OK, sc_close(card));
}

typedef struct capture_request {
    const char *card_name;
    char request[256];
    char *reply;
    volatile bool finished;
} capture_request;

static void *run_capture_request(void *arg)
{
    capture_request *cr = arg;
    cr->reply = control(cr->card_name, "%s", cr->request);
    __atomic_store_n(&cr->finished, true, __ATOMIC_SEQ_CST);
    return NULL;
}

static int16_t *read_wav_pcm16(const char *path, size_t *count)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    uint8_t header[44];
    bool ok = fread(header, 1, 44, f) == 44 && memcmp(header, "RIFF", 4) == 0 && memcmp(header + 8, "WAVE", 4) == 0
              && header[20] == 1 && header[22] == 1 && (header[24] | header[25] << 8) == 8000 && header[34] == 16
              && memcmp(header + 36, "data", 4) == 0;
    size_t bytes = (size_t)(header[40] | header[41] << 8 | header[42] << 16 | (uint32_t)header[43] << 24);
    int16_t *samples = ok ? malloc(bytes ? bytes : 1) : NULL;
    if (samples != NULL && fread(samples, 1, bytes, f) != bytes) {
        free(samples);
        samples = NULL;
    }
    fclose(f);
    *count = bytes / 2;
    return samples;
}

static void test_capture(void)
{
    int card = open_card("capture", 1, 0);
    connect_inbound("capture", card, 9);
    capture_request cr = {.card_name = "capture"};
    char wav[128];
    snprintf(wav, sizeof wav, "%s/captured.wav", temp_dir);
    snprintf(cr.request, sizeof cr.request, "capture 9 0.4 %s", wav);
    pthread_t thread;
    pthread_create(&thread, NULL, run_capture_request, &cr);

    uint8_t pattern[SC_FRAME_BYTES];
    for (int i = 0; i < SC_FRAME_BYTES; i++)
        pattern[i] = g711_alaw_encode((int16_t)(i * 100 - 8000));
    bool status_answered_meanwhile = false;
    for (int tick = 0; tick < 500 && !__atomic_load_n(&cr.finished, __ATOMIC_SEQ_CST); tick++) {
        sc_write_frame(card, 9, pattern, SC_FRAME_BYTES);
        sc_wait_tick(card, WAIT_MS);
        if (tick == 2) {   /* another client is served while the capture runs */
            char *status = control("capture", "status");
            status_answered_meanwhile = status != NULL && strncmp(status, "OK", 2) == 0;
            free(status);
        }
    }
    pthread_join(thread, NULL);
    CHECK(status_answered_meanwhile);
    CHECK(cr.reply != NULL && strcmp(cr.reply, "OK 20\n") == 0);
    free(cr.reply);

    size_t count = 0;
    int16_t *samples = read_wav_pcm16(wav, &count);
    CHECK(samples != NULL);
    CHECK_EQ(20 * SC_FRAME_BYTES, count);
    int matching = 0, silent = 0;
    for (size_t f = 0; samples != NULL && f < count / SC_FRAME_BYTES; f++) {
        bool same = true, zero = true;
        for (int i = 0; i < SC_FRAME_BYTES; i++) {
            same &= samples[f * SC_FRAME_BYTES + i] == g711_alaw_decode(pattern[i]);
            zero &= samples[f * SC_FRAME_BYTES + i] == 0;
        }
        matching += same;
        silent += zero;
    }
    CHECK(matching >= 15);
    CHECK_EQ(20, matching + silent);   /* every frame is what was sent, or silence */
    free(samples);
    unlink(wav);

    /* A capture on an idle channel records silence for the time asked. */
    char *reply = control("capture", "capture 10 0.06 %s", wav);
    CHECK(reply != NULL && strcmp(reply, "OK 3\n") == 0);
    free(reply);
    samples = read_wav_pcm16(wav, &count);
    CHECK_EQ(3 * SC_FRAME_BYTES, count);
    CHECK(samples != NULL && rms(samples, (int)count) == 0);
    free(samples);
    unlink(wav);
    control_expect("capture", "ERR ", "capture 10 1 /nonexistent/dir/x.wav");
    CHECK_EQ(SC_OK, sc_close(card));
}

static void test_alarm(void)
{
    int card = open_card("alarm", 2, 1);
    connect_inbound("alarm", card, 1);                     /* connected */
    control_expect("alarm", "OK", "ring 2 100");           /* ringing */
    expect_event(card, SC_EV_INCOMING, 2);
    CHECK_EQ(SC_OK, sc_dial(card, 3, "0612345678", NULL));   /* dialling */
    connect_inbound("alarm", card, 31);                    /* span 2: unaffected */

    control_expect("alarm", "OK", "alarm 1 los");
    sc_event ev = expect_event(card, SC_EV_ALARM, 0);
    CHECK_EQ(1, ev.span);
    CHECK_EQ(SC_ALARM_LOS, ev.value);
    bool dropped[4] = {false};
    for (int i = 0; i < 3; i++) {
        CHECK_EQ(1, sc_next_event(card, &ev, WAIT_MS));
        CHECK_EQ(SC_EV_HANGUP, ev.type);
        CHECK_EQ(SC_CAUSE_ALARM, ev.value);
        CHECK_EQ(1, ev.span);
        if (ev.channel >= 1 && ev.channel <= 3)
            dropped[ev.channel] = true;
    }
    CHECK(dropped[1] && dropped[2] && dropped[3]);
    expect_no_event(card);
    uint8_t frame[SC_FRAME_BYTES] = {0};
    for (int ch = 1; ch <= 30; ch++)
        CHECK_EQ(SC_ST_ALARM, sc_channel_state(card, ch));
    CHECK_EQ(SC_EALARM, sc_dial(card, 5, "100", NULL));
    CHECK_EQ(SC_EALARM, sc_offhook(card, 1));
    CHECK_EQ(SC_EALARM, sc_write_frame(card, 1, frame, SC_FRAME_BYTES));
    CHECK_EQ(SC_OK, sc_onhook(card, 1));   /* the host cleaning up the dropped call */
    control_expect("alarm", "ERR ", "ring 4 100");
    control_expect("alarm", "ERR ", "alarm 1 los");   /* already */
    CHECK_EQ(SC_ST_CONNECTED, sc_channel_state(card, 31));
    CHECK_EQ(SC_OK, sc_write_frame(card, 31, frame, SC_FRAME_BYTES));
    CHECK_EQ(SC_OK, sc_dial(card, 61, NULL, NULL));   /* the extension too */

    char *status = control("alarm", "status");
    CHECK(status != NULL && strstr(status, "\nspan 1 alarm los\nspan 2 alarm none\n") != NULL);
    CHECK(status != NULL && strstr(status, "\nchannel 30 type=e1 span=1 state=alarm codec=alaw\n") != NULL);
    free(status);

    control_expect("alarm", "OK", "alarm 1 ais");   /* the far end's kind of alarm changes */
    CHECK_EQ(SC_ALARM_AIS, expect_event(card, SC_EV_ALARM, 0).value);
    expect_no_event(card);

    control_expect("alarm", "OK", "alarm 1 clear");
    CHECK_EQ(1, expect_event(card, SC_EV_ALARM_CLEAR, 0).span);
    for (int ch = 1; ch <= 30; ch++)
        CHECK_EQ(SC_ST_IDLE, sc_channel_state(card, ch));
    CHECK_EQ(SC_OK, sc_dial(card, 5, "100", NULL));
    control_expect("alarm", "ERR ", "alarm 1 clear");
    control_expect("alarm", "ERR ", "alarm 3 los");
    CHECK_EQ(SC_OK, sc_close(card));
}

static void test_event_queue_overflow(void)
{
    int card = open_card("flood", 1, 0);
    connect_inbound("flood", card, 1);
    char digits[701];
    memset(digits, '1', 700);
    digits[700] = '\0';
    char *reply = control("flood", "dtmf 1 %s", digits);
    free(reply);
    digits[699] = '9';
    reply = control("flood", "dtmf 1 %s", digits);
    CHECK(reply != NULL && strcmp(reply, "OK\n") == 0);
    free(reply);
    int count = 0;
    sc_event ev, last = {0};
    while (sc_next_event(card, &ev, 0) == 1) {
        count++;
        last = ev;
    }
    CHECK_EQ(1024, count);       /* the newest are kept */
    CHECK_EQ('9', last.value);
    CHECK_EQ(SC_OK, sc_close(card));
}

static void test_several_cards(void)
{
    int a = open_card("card-a", 1, 0);
    int b = open_card("card-b", 0, 4);
    CHECK(a != b);
    CHECK_EQ(4, sc_channel_count(b));
    CHECK_EQ(SC_CH_ANALOG, sc_channel_type(b, 1));
    CHECK_EQ(0, sc_span_count(b));
    control_expect("card-b", "OK", "ring 1 300");
    expect_event(b, SC_EV_INCOMING, 1);
    expect_no_event(a);
    CHECK_EQ(SC_ST_IDLE, sc_channel_state(a, 1));
    CHECK_EQ(SC_OK, sc_close(a));
    CHECK_EQ(SC_ST_RINGING_IN, sc_channel_state(b, 1));
    CHECK_EQ(SC_OK, sc_close(b));
}

/* ---- close racing with everything else ---- */

typedef struct racer {
    int card;
    int result;
    double returned_after_close_ms;
    struct timespec *closed_at;
    volatile bool *closed;
} racer;

static void *block_in_wait_tick(void *arg)
{
    racer *r = arg;
    int rc;
    while ((rc = sc_wait_tick(r->card, 30000)) >= 0)
        ;
    r->result = rc;
    if (__atomic_load_n(r->closed, __ATOMIC_SEQ_CST))
        r->returned_after_close_ms = elapsed_ms(r->closed_at);
    return NULL;
}

static void *block_in_next_event(void *arg)
{
    racer *r = arg;
    sc_event ev;
    int rc;
    while ((rc = sc_next_event(r->card, &ev, 30000)) >= 0)
        ;
    r->result = rc;
    if (__atomic_load_n(r->closed, __ATOMIC_SEQ_CST))
        r->returned_after_close_ms = elapsed_ms(r->closed_at);
    return NULL;
}

static void *hammer_frames(void *arg)
{
    racer *r = arg;
    uint8_t frame[SC_FRAME_BYTES] = {0};
    sc_stats stats;
    int rc = SC_OK;
    for (long i = 0; rc != SC_ECLOSED && rc != SC_EBADCARD; i++) {
        int ch = (int)(i % 40);   /* in range and out of it */
        sc_read_frame(r->card, ch, frame, SC_FRAME_BYTES);
        sc_write_frame(r->card, ch, frame, i % 7 == 0 ? 12 : SC_FRAME_BYTES);
        sc_channel_state(r->card, ch);
        sc_get_stats(r->card, &stats);
        rc = sc_onhook(r->card, 1) == SC_ECLOSED ? SC_ECLOSED : sc_set_codec(r->card, ch, SC_CODEC_ULAW);
    }
    r->result = rc;
    return NULL;
}

static void test_close_while_busy(void)
{
    for (int round = 0; round < 5; round++) {
        int card = open_card("race", 1, 8);
        connect_inbound("race", card, 1);
        control_expect("race", "OK", "dtmf 1 123 tones");
        struct timespec closed_at;
        volatile bool closed = false;
        racer racers[4];
        pthread_t threads[4];
        void *(*bodies[4])(void *) = {block_in_wait_tick, block_in_next_event, hammer_frames, hammer_frames};
        for (int i = 0; i < 4; i++) {
            racers[i] = (racer){.card = card, .closed_at = &closed_at, .closed = &closed};
            pthread_create(&threads[i], NULL, bodies[i], &racers[i]);
        }
        capture_request cr = {.card_name = "race"};
        snprintf(cr.request, sizeof cr.request, "capture 1 30 %s/race.wav", temp_dir);
        pthread_t capture_thread;
        pthread_create(&capture_thread, NULL, run_capture_request, &cr);
        wait_ticks(card, 3);   /* let them all get going */

        clock_gettime(CLOCK_MONOTONIC, &closed_at);
        __atomic_store_n(&closed, true, __ATOMIC_SEQ_CST);
        CHECK_EQ(SC_OK, sc_close(card));
        for (int i = 0; i < 4; i++)
            pthread_join(threads[i], NULL);
        pthread_join(capture_thread, NULL);
        CHECK_EQ(SC_ECLOSED, racers[0].result);
        CHECK_EQ(SC_ECLOSED, racers[1].result);
        CHECK(racers[0].returned_after_close_ms < 1000);
        CHECK(racers[1].returned_after_close_ms < 1000);
        CHECK_EQ(SC_ECLOSED, racers[2].result);
        /* The capture either was refused (card closing) or could not connect at all. */
        CHECK(cr.reply == NULL || strncmp(cr.reply, "ERR ", 4) == 0);
        free(cr.reply);
        CHECK(elapsed_ms(&closed_at) < 3000);
    }
}

/* ---- runner ---- */

typedef struct test {
    const char *name;
    void (*run)(void);
} test;

int main(void)
{
    snprintf(temp_dir, sizeof temp_dir, "/tmp/simcard-test-XXXXXX");
    if (mkdtemp(temp_dir) == NULL) {
        perror("mkdtemp");
        return 2;
    }
    const test tests[] = {
        {"g711 round trips", test_g711_round_trips},
        {"open and close", test_open_and_close},
        {"bad open strings", test_bad_open_strings},
        {"control socket in use or stale", test_control_socket_in_use_or_stale},
        {"bad handles", test_bad_handles},
        {"bad arguments", test_bad_arguments},
        {"inbound call", test_inbound_call},
        {"outbound call", test_outbound_call},
        {"control errors and status", test_control_errors_and_status},
        {"dtmf events", test_dtmf_events},
        {"dtmf tones", test_dtmf_tones},
        {"frames and counters", test_frames_and_counters},
        {"play", test_play},
        {"capture", test_capture},
        {"alarm", test_alarm},
        {"event queue overflow", test_event_queue_overflow},
        {"several cards", test_several_cards},
        {"close while busy", test_close_while_busy},
    };
    for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++) {
        current_test = tests[i].name;
        int before = failures;
        struct timespec started;
        clock_gettime(CLOCK_MONOTONIC, &started);
        tests[i].run();
        printf("%-4s %s (%.0f ms)\n", failures == before ? "ok" : "FAIL", tests[i].name, elapsed_ms(&started));
    }
    rmdir(temp_dir);
    printf("%d checks, %d failed\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
