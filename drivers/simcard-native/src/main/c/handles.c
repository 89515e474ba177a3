/*
 * handles.c - the process's table of cards: the only global mutable state of the library.
 *
 * A handle is an index into the table plus one and is never reused, so a stale handle is an
 * error code rather than someone else's card. Every API call holds a reference while it works;
 * sc_close drops the table's own reference, and whoever lets go last frees the card. That is what
 * keeps calls racing with sc_close from touching freed memory.
 */
#define _GNU_SOURCE
#include <stdlib.h>

#include "card.h"

enum slot_state { SLOT_OPEN = 1, SLOT_CLOSED = 2 };

typedef struct slot {
    int state;
    card *card;   /* NULL once freed; the slot stays CLOSED forever */
} slot;

static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static slot *table;
static int table_used;
static int table_capacity;

int handles_add(card *c)
{
    int handle = SC_ENOMEM;
    pthread_mutex_lock(&table_lock);
    if (table_used == table_capacity) {
        int capacity = table_capacity ? table_capacity * 2 : 16;
        slot *grown = realloc(table, (size_t)capacity * sizeof *grown);
        if (grown != NULL) {
            table = grown;
            table_capacity = capacity;
        }
    }
    if (table_used < table_capacity) {
        table[table_used].state = SLOT_OPEN;
        table[table_used].card = c;
        table_used++;
        handle = table_used;
        c->handle = handle;
    }
    pthread_mutex_unlock(&table_lock);
    return handle;
}

/* Looks the handle up; table_lock held. */
static int lookup(int handle, slot **out)
{
    if (handle < 1 || handle > table_used)
        return SC_EBADCARD;
    slot *s = &table[handle - 1];
    if (s->state != SLOT_OPEN)
        return SC_ECLOSED;
    *out = s;
    return SC_OK;
}

int handles_acquire(int handle, card **out)
{
    slot *s = NULL;
    pthread_mutex_lock(&table_lock);
    int rc = lookup(handle, &s);
    if (rc == SC_OK) {
        s->card->refs++;
        *out = s->card;
    }
    pthread_mutex_unlock(&table_lock);
    return rc;
}

void handles_retain(card *c)
{
    pthread_mutex_lock(&table_lock);
    c->refs++;
    pthread_mutex_unlock(&table_lock);
}

void handles_release(card *c)
{
    pthread_mutex_lock(&table_lock);
    bool last = --c->refs == 0;
    if (last && c->handle >= 1)
        table[c->handle - 1].card = NULL;
    pthread_mutex_unlock(&table_lock);
    if (last)
        card_free(c);
}

int handles_mark_closed(int handle, card **out)
{
    slot *s = NULL;
    pthread_mutex_lock(&table_lock);
    int rc = lookup(handle, &s);
    if (rc == SC_OK) {
        s->state = SLOT_CLOSED;
        *out = s->card;
    }
    pthread_mutex_unlock(&table_lock);
    return rc;
}
