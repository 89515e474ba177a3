/*
 * tones.c - in-band DTMF: each digit is its row and column tone together for 100 ms, then 100 ms
 * of silence, mixed into the far end's audio of a channel.
 */
#define _GNU_SOURCE
#include <math.h>
#include <string.h>

#include "card.h"

#define TONE_ON_SAMPLES  800   /* 100 ms */
#define TONE_CYCLE_SAMPLES 1600
/* -7 dBm0 per tone: 0 dBm0 is a sine of peak ~22.8k in 16-bit linear (3.14 dB under A-law's
 * overload), so -7 dB is about 0.447 of that. Two tones together stay well clear of clipping. */
#define TONE_PEAK 10190.0

static const char keypad[4][4] = {
    {'1', '2', '3', 'A'},
    {'4', '5', '6', 'B'},
    {'7', '8', '9', 'C'},
    {'*', '0', '#', 'D'},
};
static const int row_hz[4] = {697, 770, 852, 941};
static const int column_hz[4] = {1209, 1336, 1477, 1633};

bool dtmf_frequencies(char digit, int *row, int *column)
{
    for (int r = 0; r < 4; r++) {
        for (int c = 0; c < 4; c++) {
            if (keypad[r][c] == digit) {
                *row = row_hz[r];
                *column = column_hz[c];
                return true;
            }
        }
    }
    return false;
}

static int16_t clip16(double value)
{
    if (value > 32767.0)
        return 32767;
    if (value < -32768.0)
        return -32768;
    return (int16_t)lrint(value);
}

static double tone_sample(int row, int column, int n)
{
    double t = (double)n / SC_SAMPLE_RATE;
    return TONE_PEAK * (sin(2.0 * M_PI * row * t) + sin(2.0 * M_PI * column * t));
}

void tones_mix(channel *ch, int16_t *samples, int count)
{
    for (int i = 0; i < count && ch->tone_index < ch->tone_count; i++) {
        int row = 0, column = 0;
        dtmf_frequencies(ch->tone_digits[ch->tone_index], &row, &column);
        if (ch->tone_sample < TONE_ON_SAMPLES)
            samples[i] = clip16(samples[i] + tone_sample(row, column, ch->tone_sample));
        if (++ch->tone_sample == TONE_CYCLE_SAMPLES) {
            ch->tone_sample = 0;
            ch->tone_index++;
        }
    }
    if (ch->tone_index == ch->tone_count) {
        ch->tone_index = 0;
        ch->tone_count = 0;
    }
}
