/* Interning of strings to dense ids within one document. */
#ifndef SC_CORE_INTERN_H
#define SC_CORE_INTERN_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

typedef struct sc_intern sc_intern;

/* NULL when out of memory.  Freed with its arena. */
sc_intern *sc_intern_new(sc_arena *arena);

/* The same, sized for about expected strings (it grows past them). */
sc_intern *sc_intern_new_sized(sc_arena *arena, size_t expected);

/* The id of s[0..len), added if new; ids are 1, 2, 3, ...  0 when out of
 * memory. */
uint32_t sc_intern_add(sc_intern *table, const char *s, size_t len);

/* The same without a copy: s (NUL-terminated at len) must stay as it is
 * while the table lives, as a string of the same arena does. */
uint32_t sc_intern_add_kept(sc_intern *table, const char *s, size_t len);

/* The id of s[0..len), or 0 when absent. */
uint32_t sc_intern_find(const sc_intern *table, const char *s, size_t len);

/* The string of id (NUL-terminated), its length in *len if len is not NULL. */
const char *sc_intern_str(const sc_intern *table, uint32_t id, size_t *len);

/* How many ids there are; valid ids are 1..count. */
uint32_t sc_intern_count(const sc_intern *table);

#endif
