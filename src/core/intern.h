/* Interning of strings to dense ids within one document. */
#ifndef SC_CORE_INTERN_H
#define SC_CORE_INTERN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"

typedef struct sc_intern sc_intern;

/* A hash of s[0..len) for the document's tables: eight bytes at a time,
 * the last up to seven in at most two loads that may overlap (a byte at a
 * time, FNV-1a, was a third of the cost of adding a word).  No adversary
 * worth more here (a document's own words); tables give ids by order of
 * addition, so the hash decides no output. */
static inline uint32_t sc_hash_bytes(const char *s, size_t len)
{
    const uint64_t k = 0x9E3779B97F4A7C15u;
    uint64_t h = k ^ len;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = (h ^ w) * k;
        h ^= h >> 29;
    }
    size_t rest = len - i;
    uint64_t w = 0;
    if (rest >= 4) {
        uint32_t a, b;
        memcpy(&a, s + i, 4);
        memcpy(&b, s + i + rest - 4, 4);
        w = (uint64_t)a << 32 | b;
    } else if (rest > 0) {
        w = (uint64_t)(unsigned char)s[i] << 16 | (uint64_t)(unsigned char)s[i + rest / 2] << 8 |
            (unsigned char)s[i + rest - 1];
    }
    h = (h ^ w) * k;
    return (uint32_t)(h >> 32);
}

/* NULL when out of memory.  Freed with its arena. */
sc_intern *sc_intern_new(sc_arena *arena);

/* The same, sized for about expected strings (it grows past them). */
sc_intern *sc_intern_new_sized(sc_arena *arena, size_t expected);

/* A copy of table in arena with room for about more strings, the same
 * ids for the same strings.  It shares table's strings, which must last
 * as long as the copy does (an article's stems, kept by src/core/cache.c,
 * copied for each pair that shares the article).  NULL when out of
 * memory. */
sc_intern *sc_intern_copy(sc_arena *arena, const sc_intern *table, size_t more);

/* The id of s[0..len), added if new; ids are 1, 2, 3, ...  0 when out of
 * memory. */
uint32_t sc_intern_add(sc_intern *table, const char *s, size_t len);

/* The same without a copy: s (NUL-terminated at len) must stay as it is
 * while the table lives, as a string of the same arena does. */
uint32_t sc_intern_add_kept(sc_intern *table, const char *s, size_t len);

/* sc_intern_add_kept with hash = sc_hash_bytes(s, len), which the caller
 * has already computed: the same id. */
uint32_t sc_intern_add_kept_hashed(sc_intern *table, const char *s, size_t len, uint32_t hash);

/* The id of s[0..len), or 0 when absent. */
uint32_t sc_intern_find(const sc_intern *table, const char *s, size_t len);

/* The string of id (NUL-terminated), its length in *len if len is not NULL. */
const char *sc_intern_str(const sc_intern *table, uint32_t id, size_t *len);

/* How many ids there are; valid ids are 1..count. */
uint32_t sc_intern_count(const sc_intern *table);

#endif
