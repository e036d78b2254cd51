#include "intern.h"

#include <stdbool.h>
#include <string.h>

typedef struct entry {
    const char *s;
    uint32_t len;
    uint32_t hash;
} entry;

struct sc_intern {
    sc_arena *arena;
    uint32_t *slots; /* 0 = empty, else id */
    size_t n_slots;  /* a power of two */
    entry *entries;  /* entries[id - 1] */
    uint32_t count;
    size_t cap;
};

sc_intern *sc_intern_new(sc_arena *arena)
{
    return sc_intern_new_sized(arena, 512);
}

/* An empty table in arena with room for cap entries (a power of two) and
 * twice as many slots, which keeps the load at a half (see add). */
static sc_intern *table_new(sc_arena *arena, size_t cap)
{
    sc_intern *t = sc_arena_calloc(arena, 1, sizeof *t);
    if (t == NULL)
        return NULL;
    t->arena = arena;
    t->cap = cap;
    t->n_slots = cap * 2;
    t->slots = sc_arena_calloc(arena, t->n_slots, sizeof *t->slots);
    t->entries = sc_arena_alloc(arena, t->cap * sizeof *t->entries);
    return t->slots != NULL && t->entries != NULL ? t : NULL;
}

/* Every id of entries[0..count) into slots[0..n), zeroed, n a power of
 * two. */
static void place(uint32_t *slots, size_t n, const entry *entries, uint32_t count)
{
    for (uint32_t id = 1; id <= count; id++) {
        size_t i = entries[id - 1].hash & (n - 1);
        while (slots[i] != 0)
            i = (i + 1) & (n - 1);
        slots[i] = id;
    }
}

sc_intern *sc_intern_new_sized(sc_arena *arena, size_t expected)
{
    size_t cap = 16;
    while (cap < expected && cap < 512)
        cap *= 2;
    return table_new(arena, cap);
}

sc_intern *sc_intern_copy(sc_arena *arena, const sc_intern *table, size_t more)
{
    size_t cap = 16;
    while (cap < (size_t)table->count + more)
        cap *= 2;
    sc_intern *t = table_new(arena, cap);
    if (t == NULL)
        return NULL;
    memcpy(t->entries, table->entries, table->count * sizeof *t->entries);
    t->count = table->count;
    /* Slots anew, for the larger table: the same ids, so the same output. */
    place(t->slots, t->n_slots, t->entries, t->count);
    return t;
}

static inline bool same_bytes(const char *a, const char *b, size_t len)
{
    /* Words are short: a loop beats a call to memcmp. */
    if (len > 32)
        return memcmp(a, b, len) == 0;
    for (size_t i = 0; i < len; i++)
        if (a[i] != b[i])
            return false;
    return true;
}

static inline size_t probe(const sc_intern *t, const char *s, size_t len, uint32_t h)
{
    size_t mask = t->n_slots - 1;
    size_t i = h & mask;
    for (;;) {
        uint32_t id = t->slots[i];
        if (id == 0)
            return i;
        const entry *e = &t->entries[id - 1];
        if (e->hash == h && e->len == len && same_bytes(e->s, s, len))
            return i;
        i = (i + 1) & mask;
    }
}

static int rehash(sc_intern *t)
{
    size_t n = t->n_slots * 2;
    uint32_t *slots = sc_arena_calloc(t->arena, n, sizeof *slots);
    if (slots == NULL)
        return -1;
    place(slots, n, t->entries, t->count);
    t->slots = slots;
    t->n_slots = n;
    return 0;
}

static uint32_t add(sc_intern *t, const char *s, size_t len, uint32_t h, bool copy_string)
{
    if (len > UINT32_MAX || t->count == UINT32_MAX - 1)
        return 0;
    size_t i = probe(t, s, len, h);
    if (t->slots[i] != 0)
        return t->slots[i];
    if (t->count == t->cap) {
        entry *e = sc_arena_grow(t->arena, t->entries, t->cap, t->cap * 2, sizeof *e);
        if (e == NULL)
            return 0;
        t->entries = e;
        t->cap *= 2;
    }
    const char *copy = copy_string ? sc_arena_strndup(t->arena, s, len) : s;
    if (copy == NULL)
        return 0;
    t->entries[t->count] = (entry){copy, (uint32_t)len, h};
    t->count++;
    t->slots[i] = t->count;
    /* Keep the load under a half so probes stay short. */
    if ((size_t)t->count * 2 > t->n_slots && rehash(t) != 0)
        return 0;
    return t->count;
}

uint32_t sc_intern_add(sc_intern *t, const char *s, size_t len)
{
    return add(t, s, len, sc_hash_bytes(s, len), true);
}

uint32_t sc_intern_add_kept(sc_intern *t, const char *s, size_t len)
{
    return add(t, s, len, sc_hash_bytes(s, len), false);
}

uint32_t sc_intern_add_kept_hashed(sc_intern *t, const char *s, size_t len, uint32_t hash)
{
    return add(t, s, len, hash, false);
}

uint32_t sc_intern_find(const sc_intern *t, const char *s, size_t len)
{
    if (len > UINT32_MAX)
        return 0;
    return t->slots[probe(t, s, len, sc_hash_bytes(s, len))];
}

const char *sc_intern_str(const sc_intern *t, uint32_t id, size_t *len)
{
    if (id == 0 || id > t->count) {
        if (len != NULL)
            *len = 0;
        return "";
    }
    if (len != NULL)
        *len = t->entries[id - 1].len;
    return t->entries[id - 1].s;
}

uint32_t sc_intern_count(const sc_intern *t)
{
    return t->count;
}
