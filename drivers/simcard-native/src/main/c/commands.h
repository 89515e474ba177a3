/*
 * commands.h - the control socket's commands (commands.c) and the reply they build.
 */
#ifndef SWITCHBOARD_SIMCARD_COMMANDS_H
#define SWITCHBOARD_SIMCARD_COMMANDS_H

#include <stdbool.h>
#include <stddef.h>

#include "card.h"

#pragma GCC visibility push(hidden)

/* Reply lines, grown as needed; failed when memory ran out. */
typedef struct reply {
    char *text;
    size_t length;
    size_t capacity;
    bool failed;
} reply;

void reply_init(reply *r);
void reply_free(reply *r);
/* Appends one line (a newline is added). */
void reply_line(reply *r, const char *format, ...) __attribute__((format(printf, 2, 3)));

/* Runs one request line against the card, filling the reply. May block (capture). */
void commands_run(card *c, char *line, reply *r);

#pragma GCC visibility pop

#endif
