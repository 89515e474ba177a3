/*
 * wav.c - reading the WAV files "play" queues and writing the ones "capture" records.
 *
 * The card speaks 8 kHz mono only, so anything else is refused with a reason rather than
 * resampled: a prompt in the wrong format is a mistake the operator should hear about.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "card.h"

#define WAV_MAX_BYTES (32L * 1024 * 1024)   /* over half an hour of 16-bit audio */
#define FORMAT_PCM        1
#define FORMAT_FLOAT      3
#define FORMAT_ALAW       6
#define FORMAT_ULAW       7
#define FORMAT_EXTENSIBLE 0xFFFE

static int fail(char *why, size_t why_len, int code, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    vsnprintf(why, why_len, format, args);
    va_end(args);
    return code;
}

static uint16_t le16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t le32(const uint8_t *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24; }

static int read_whole_file(const char *path, uint8_t **data, size_t *size, char *why, size_t why_len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return fail(why, why_len, SC_EIO, "cannot open %s: %s", path, strerror(errno));
    struct stat info;
    if (fstat(fileno(f), &info) != 0 || !S_ISREG(info.st_mode)) {
        fclose(f);
        return fail(why, why_len, SC_EIO, "%s is not a regular file", path);
    }
    if (info.st_size > WAV_MAX_BYTES) {
        fclose(f);
        return fail(why, why_len, SC_EINVAL, "%s is larger than %ld MiB", path, WAV_MAX_BYTES >> 20);
    }
    size_t expected = (size_t)info.st_size;
    uint8_t *buffer = malloc(expected ? expected : 1);
    if (buffer == NULL) {
        fclose(f);
        return fail(why, why_len, SC_ENOMEM, "out of memory reading %s", path);
    }
    size_t n = fread(buffer, 1, expected, f);
    bool read_error = ferror(f);
    fclose(f);
    if (read_error) {
        free(buffer);
        return fail(why, why_len, SC_EIO, "cannot read %s", path);
    }
    *data = buffer;
    *size = n;
    return SC_OK;
}

typedef struct wav_format {
    int tag;
    int channels;
    long rate;
    int bits;
} wav_format;

static const char *format_name(int tag)
{
    switch (tag) {
    case FORMAT_PCM: return "PCM";
    case FORMAT_FLOAT: return "IEEE float";
    case FORMAT_ALAW: return "A-law";
    case FORMAT_ULAW: return "mu-law";
    case 2: return "MS ADPCM";
    case 0x11: return "IMA ADPCM";
    case 0x55: return "MP3";
    default: return "an unknown encoding";
    }
}

static int parse_fmt(const uint8_t *body, uint32_t size, wav_format *fmt, char *why, size_t why_len)
{
    if (size < 16)
        return fail(why, why_len, SC_EINVAL, "the WAV's fmt chunk is truncated");
    fmt->tag = le16(body);
    fmt->channels = le16(body + 2);
    fmt->rate = (long)le32(body + 4);
    fmt->bits = le16(body + 14);
    if (fmt->tag == FORMAT_EXTENSIBLE && size >= 26)
        fmt->tag = le16(body + 24);   /* the sub-format GUID starts with the plain format tag */
    return SC_OK;
}

static int check_format(const wav_format *fmt, char *why, size_t why_len)
{
    const char *use = "use 8 kHz mono 16-bit PCM, A-law or mu-law";
    if (fmt->channels != 1)
        return fail(why, why_len, SC_EINVAL, "the WAV has %d channels; %s", fmt->channels, use);
    if (fmt->rate != SC_SAMPLE_RATE)
        return fail(why, why_len, SC_EINVAL, "the WAV is %ld Hz; %s", fmt->rate, use);
    bool pcm16 = fmt->tag == FORMAT_PCM && fmt->bits == 16;
    bool companded = (fmt->tag == FORMAT_ALAW || fmt->tag == FORMAT_ULAW) && fmt->bits == 8;
    if (!pcm16 && !companded)
        return fail(why, why_len, SC_EINVAL, "the WAV is %d-bit %s; %s", fmt->bits, format_name(fmt->tag), use);
    return SC_OK;
}

static int decode_samples(const wav_format *fmt, const uint8_t *data, uint32_t size, int16_t **samples, size_t *count,
                          char *why, size_t why_len)
{
    size_t n = fmt->tag == FORMAT_PCM ? size / 2 : size;
    int16_t *out = malloc((n ? n : 1) * sizeof *out);
    if (out == NULL)
        return fail(why, why_len, SC_ENOMEM, "out of memory decoding the WAV");
    for (size_t i = 0; i < n; i++) {
        if (fmt->tag == FORMAT_PCM)
            out[i] = (int16_t)le16(data + 2 * i);
        else
            out[i] = g711_decode(fmt->tag == FORMAT_ALAW ? SC_CODEC_ALAW : SC_CODEC_ULAW, data[i]);
    }
    *samples = out;
    *count = n;
    return SC_OK;
}

/* Walks the RIFF chunks for fmt and data; the data chunk may come last and be cut short. */
static int parse_wav(const uint8_t *file, size_t size, int16_t **samples, size_t *count, char *why, size_t why_len)
{
    if (size < 12 || memcmp(file, "RIFF", 4) != 0 || memcmp(file + 8, "WAVE", 4) != 0)
        return fail(why, why_len, SC_EINVAL, "not a WAV file (no RIFF/WAVE header)");
    wav_format fmt = {0};
    bool have_fmt = false;
    size_t at = 12;
    while (at + 8 <= size) {
        const uint8_t *chunk = file + at;
        uint32_t chunk_size = le32(chunk + 4);
        size_t available = size - at - 8;
        uint32_t body_size = chunk_size <= available ? chunk_size : (uint32_t)available;
        if (memcmp(chunk, "fmt ", 4) == 0) {
            int rc = parse_fmt(chunk + 8, body_size, &fmt, why, why_len);
            if (rc != SC_OK)
                return rc;
            have_fmt = true;
        } else if (memcmp(chunk, "data", 4) == 0) {
            if (!have_fmt)
                return fail(why, why_len, SC_EINVAL, "the WAV has its data before its fmt chunk");
            int rc = check_format(&fmt, why, why_len);
            if (rc != SC_OK)
                return rc;
            return decode_samples(&fmt, chunk + 8, body_size, samples, count, why, why_len);
        }
        at += 8 + (size_t)chunk_size + (chunk_size & 1);   /* chunks are padded to even sizes */
    }
    return fail(why, why_len, SC_EINVAL, have_fmt ? "the WAV has no data chunk" : "the WAV has no fmt chunk");
}

int wav_load(const char *path, int16_t **samples, size_t *count, char *why, size_t why_len)
{
    uint8_t *file = NULL;
    size_t size = 0;
    int rc = read_whole_file(path, &file, &size, why, why_len);
    if (rc != SC_OK)
        return rc;
    rc = parse_wav(file, size, samples, count, why, why_len);
    free(file);
    return rc;
}

static void put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static void put32(uint8_t *p, uint32_t v) { put16(p, (uint16_t)v); put16(p + 2, (uint16_t)(v >> 16)); }

int wav_save_pcm16(const char *path, const int16_t *samples, size_t count, char *why, size_t why_len)
{
    uint32_t data_bytes = (uint32_t)(count * 2);
    uint8_t header[44];
    memcpy(header, "RIFF", 4);
    put32(header + 4, 36 + data_bytes);
    memcpy(header + 8, "WAVEfmt ", 8);
    put32(header + 16, 16);
    put16(header + 20, FORMAT_PCM);
    put16(header + 22, 1);
    put32(header + 24, SC_SAMPLE_RATE);
    put32(header + 28, SC_SAMPLE_RATE * 2);
    put16(header + 32, 2);
    put16(header + 34, 16);
    memcpy(header + 36, "data", 4);
    put32(header + 40, data_bytes);

    uint8_t *body = malloc(data_bytes ? data_bytes : 1);
    if (body == NULL)
        return fail(why, why_len, SC_ENOMEM, "out of memory writing %s", path);
    for (size_t i = 0; i < count; i++)
        put16(body + 2 * i, (uint16_t)samples[i]);

    FILE *f = fopen(path, "wb");
    if (f == NULL) {
        free(body);
        return fail(why, why_len, SC_EIO, "cannot write %s: %s", path, strerror(errno));
    }
    bool ok = fwrite(header, 1, sizeof header, f) == sizeof header && fwrite(body, 1, data_bytes, f) == data_bytes;
    ok = (fclose(f) == 0) && ok;
    free(body);
    if (!ok) {
        remove(path);
        return fail(why, why_len, SC_EIO, "cannot write %s: %s", path, strerror(errno));
    }
    return SC_OK;
}
