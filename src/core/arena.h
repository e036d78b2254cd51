/* One arena per checked document: everything a document needs comes from
 * it and goes with it at once (STYLE.md, "Errors and memory"). */
#ifndef SC_CORE_ARENA_H
#define SC_CORE_ARENA_H

#include <stdbool.h>
#include <stddef.h>

typedef struct sc_arena sc_arena;

/* NULL when out of memory. */
sc_arena *sc_arena_new(void);

/* An arena whose first chunk is about first_chunk bytes (1 KB to 8 MB),
 * for data kept long that should take little more than it needs (the
 * article cache's entries): no chunk kept from a freed arena that is
 * more than twice the size asked is used for it. */
sc_arena *sc_arena_new_sized(size_t first_chunk);

void sc_arena_free(sc_arena *arena);

/* size bytes aligned for any object, or NULL when out of memory or when
 * size is absurd.  Never returns NULL for size 0 (returns a unique pointer). */
void *sc_arena_alloc(sc_arena *arena, size_t size);

/* size bytes with no alignment, for strings; NULL as sc_arena_alloc. */
char *sc_arena_alloc_chars(sc_arena *arena, size_t size);

/* n * size bytes, zeroed; NULL on overflow or out of memory. */
void *sc_arena_calloc(sc_arena *arena, size_t n, size_t size);

/* A copy of s[0..len) with a terminating NUL; NULL when out of memory. */
char *sc_arena_strndup(sc_arena *arena, const char *s, size_t len);

/* Grows an array held in the arena: returns a block of new_n * size bytes
 * holding the old_n * size bytes of old.  The old block is left to the
 * arena.  NULL on overflow or out of memory. */
void *sc_arena_grow(sc_arena *arena, void *old, size_t old_n, size_t new_n, size_t size);

/* printf into the arena; NULL when out of memory. */
__attribute__((format(printf, 2, 3))) char *sc_arena_printf(sc_arena *arena, const char *fmt, ...);

/* Whether the chunks of freed arenas are kept for the same thread's next
 * arenas (up to 4 MiB a thread, freed when it ends): true by default.
 * Turned off, every chunk is a malloc of its own and a free, as the
 * failing-allocator test needs (tests/test_alloc.c); the thread's spares
 * are freed then.  Set it before other threads use arenas. */
void sc_arena_keep_spares(bool keep);

/* Bytes handed out so far (for the memory benchmarks). */
size_t sc_arena_used(const sc_arena *arena);

/* Bytes the arena holds from malloc, its chunks whole: what keeping it
 * costs (the article cache's budget, src/core/cache.c). */
size_t sc_arena_footprint(const sc_arena *arena);

#endif
