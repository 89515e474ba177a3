/*
 * g711.c - ITU-T G.711 A-law and µ-law, by the standard segment (chord) algorithm.
 *
 * Linear samples are 16-bit; A-law works on the top 13 bits and µ-law on the top 14, as the
 * recommendation defines them. Every code decodes to the middle of its interval, so decoding and
 * encoding again gives the same code back.
 */
#define _GNU_SOURCE
#include "card.h"

/* The segment whose top value is the first >= magnitude: 0..7, or 8 when it is beyond them all. */
static int segment_of(int magnitude, int first_segment_top)
{
    int top = first_segment_top;
    for (int segment = 0; segment < 8; segment++) {
        if (magnitude <= top)
            return segment;
        top = top * 2 + 1;
    }
    return 8;
}

uint8_t g711_alaw_encode(int16_t sample)
{
    int value = sample >> 3;                /* 13-bit */
    int sign_mask = 0xD5;                   /* positive: sign bit set, then even bits inverted */
    if (value < 0) {
        sign_mask = 0x55;
        value = -value - 1;
    }
    int segment = segment_of(value, 0x1F);
    if (segment >= 8)
        return (uint8_t)(0x7F ^ sign_mask);
    int mantissa = segment < 2 ? (value >> 1) & 0x0F : (value >> segment) & 0x0F;
    return (uint8_t)(((segment << 4) | mantissa) ^ sign_mask);
}

int16_t g711_alaw_decode(uint8_t code)
{
    int bits = code ^ 0x55;
    int segment = (bits & 0x70) >> 4;
    int value = (bits & 0x0F) << 4;
    if (segment == 0)
        value += 8;
    else
        value = (value + 0x108) << (segment - 1);
    return (int16_t)((bits & 0x80) ? value : -value);
}

#define ULAW_BIAS 0x84
#define ULAW_CLIP 8159   /* 14-bit magnitude before the bias */

uint8_t g711_ulaw_encode(int16_t sample)
{
    int value = sample >> 2;                /* 14-bit */
    int sign_mask = 0xFF;
    if (value < 0) {
        value = -value;
        sign_mask = 0x7F;
    }
    if (value > ULAW_CLIP)
        value = ULAW_CLIP;
    value += ULAW_BIAS >> 2;
    int segment = segment_of(value, 0x3F);
    if (segment >= 8)
        return (uint8_t)(0x7F ^ sign_mask);
    int mantissa = (value >> (segment + 1)) & 0x0F;
    return (uint8_t)(((segment << 4) | mantissa) ^ sign_mask);
}

int16_t g711_ulaw_decode(uint8_t code)
{
    int bits = ~code & 0xFF;
    int magnitude = (((bits & 0x0F) << 3) + ULAW_BIAS) << ((bits & 0x70) >> 4);
    return (int16_t)((bits & 0x80) ? ULAW_BIAS - magnitude : magnitude - ULAW_BIAS);
}

uint8_t g711_encode(int codec, int16_t sample)
{
    return codec == SC_CODEC_ULAW ? g711_ulaw_encode(sample) : g711_alaw_encode(sample);
}

int16_t g711_decode(int codec, uint8_t code)
{
    return codec == SC_CODEC_ULAW ? g711_ulaw_decode(code) : g711_alaw_decode(code);
}

uint8_t g711_silence(int codec)
{
    return codec == SC_CODEC_ULAW ? 0xFF : 0xD5;
}
