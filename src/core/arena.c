#include "arena.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Chunks grow geometrically so a large document needs few mallocs; a request
 * larger than a chunk gets a chunk of its own. */
enum { ARENA_FIRST_CHUNK = 64 * 1024, ARENA_MAX_CHUNK = 8 * 1024 * 1024 };

typedef struct chunk {
    struct chunk *next;
    size_t size;
    size_t used;
    max_align_t data[];
} chunk;

struct sc_arena {
    chunk *head;
    size_t next_size;
    size_t total;
    bool tight; /* sc_arena_new_sized's: no spare chunk past twice the size asked */
};

/* The chunks of freed arenas, up to SPARE_MAX_BYTES, are kept for the
 * thread's next arenas.  A batch checks document after document, each
 * with its arena and a handful of scratch ones; every chunk past the
 * first is past malloc's mmap threshold (fixed at 128 KiB, cli/main.c),
 * so each was mapped, faulted in page by page, zeroed by the kernel and
 * unmapped again, per document.  With two threads that was five times
 * the page faults of one, and each unmap stalls the other thread's
 * faults (one address space): part of what two threads lost against two
 * processes (bench/threads.py).  A chunk is the same memory whoever
 * frees it; the spares are per thread so that taking one needs no lock. */
enum { SPARE_MAX_BYTES = 4 * 1024 * 1024 };

typedef struct spares {
    chunk *first; /* smallest first */
    size_t bytes;
    bool registered; /* with spare_key, which frees them when the thread ends */
} spares;

static _Thread_local spares spare;
static bool keep_spares = true;
static pthread_key_t spare_key;
static pthread_once_t spare_once = PTHREAD_ONCE_INIT;
static bool spare_key_made;

static void free_chunks(chunk *c)
{
    while (c != NULL) {
        chunk *next = c->next;
        free(c);
        c = next;
    }
}

static void drop_spares(void *s)
{
    spares *sp = s;
    free_chunks(sp->first);
    sp->first = NULL;
    sp->bytes = 0;
}

/* The thread that ends the program runs no key destructor: its spares
 * go here, so that valgrind sees every block freed. */
__attribute__((destructor)) static void drop_own_spares(void)
{
    drop_spares(&spare);
}

static void make_spare_key(void)
{
    spare_key_made = pthread_key_create(&spare_key, drop_spares) == 0;
}

/* The smallest spare chunk of at least size bytes and at most max, taken
 * off the list; NULL when there is none. */
static chunk *take_spare(size_t size, size_t max)
{
    chunk **link = &spare.first;
    while (*link != NULL && (*link)->size < size)
        link = &(*link)->next;
    chunk *c = *link;
    if (c != NULL && c->size > max)
        return NULL;
    if (c != NULL) {
        *link = c->next;
        spare.bytes -= c->size;
    }
    return c;
}

void sc_arena_keep_spares(bool keep)
{
    keep_spares = keep;
    if (!keep)
        drop_spares(&spare);
}

/* Keeps c among the spares, or frees it when they are full (or when the
 * thread's end could not be told to free them, or spares are off). */
static void keep_spare(chunk *c)
{
    if (!keep_spares) {
        free(c);
        return;
    }
    if (!spare.registered) {
        pthread_once(&spare_once, make_spare_key);
        spare.registered = spare_key_made && pthread_setspecific(spare_key, &spare) == 0;
    }
    if (!spare.registered || c->size > SPARE_MAX_BYTES - spare.bytes) {
        free(c);
        return;
    }
    chunk **link = &spare.first;
    while (*link != NULL && (*link)->size < c->size)
        link = &(*link)->next;
    c->next = *link;
    *link = c;
    spare.bytes += c->size;
}

sc_arena *sc_arena_new(void)
{
    sc_arena *arena = calloc(1, sizeof *arena);
    if (arena != NULL)
        arena->next_size = ARENA_FIRST_CHUNK;
    return arena;
}

sc_arena *sc_arena_new_sized(size_t first_chunk)
{
    sc_arena *arena = calloc(1, sizeof *arena);
    if (arena != NULL) {
        arena->next_size = first_chunk < 1024              ? 1024
                           : first_chunk > ARENA_MAX_CHUNK ? ARENA_MAX_CHUNK
                                                           : first_chunk;
        arena->tight = true;
    }
    return arena;
}

void sc_arena_free(sc_arena *arena)
{
    if (arena == NULL)
        return;
    chunk *c = arena->head;
    while (c != NULL) {
        chunk *next = c->next;
        keep_spare(c);
        c = next;
    }
    free(arena);
}

static size_t align_up(size_t n)
{
    size_t a = _Alignof(max_align_t);
    return (n + a - 1) & ~(a - 1);
}

/* size bytes at an offset of the head chunk that is a multiple of align
 * (a power of two), in a new chunk when it has no room. */
static void *take(sc_arena *arena, size_t size, size_t align)
{
    chunk *c = arena->head;
    size_t at = c != NULL ? (c->used + align - 1) & ~(align - 1) : 0;
    if (c == NULL || at > c->size || c->size - at < size) {
        size_t want = arena->next_size;
        if (want < size)
            want = size;
        if (want > SIZE_MAX - sizeof(chunk))
            return NULL;
        c = take_spare(want, arena->tight && want <= SIZE_MAX / 2 ? want * 2 : SIZE_MAX);
        if (c == NULL && (c = malloc(sizeof(chunk) + want)) != NULL)
            c->size = want;
        if (c == NULL)
            return NULL;
        c->used = 0;
        c->next = arena->head;
        arena->head = c;
        if (arena->next_size < ARENA_MAX_CHUNK)
            arena->next_size *= 2;
        at = 0;
    }
    void *p = (char *)c->data + at;
    c->used = at + size;
    arena->total += size;
    return p;
}

void *sc_arena_alloc(sc_arena *arena, size_t size)
{
    if (size > SIZE_MAX / 2)
        return NULL;
    return take(arena, align_up(size == 0 ? 1 : size), _Alignof(max_align_t));
}

/* Strings need no alignment: a document's words are most of its strings,
 * and rounding each up to max_align_t (16 bytes) tripled what they took. */
char *sc_arena_alloc_chars(sc_arena *arena, size_t size)
{
    if (size > SIZE_MAX / 2)
        return NULL;
    return take(arena, size == 0 ? 1 : size, 1);
}

void *sc_arena_calloc(sc_arena *arena, size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size)
        return NULL;
    void *p = sc_arena_alloc(arena, n * size);
    if (p != NULL)
        memset(p, 0, n * size);
    return p;
}

char *sc_arena_strndup(sc_arena *arena, const char *s, size_t len)
{
    if (len == SIZE_MAX)
        return NULL;
    char *p = sc_arena_alloc_chars(arena, len + 1);
    if (p == NULL)
        return NULL;
    if (len > 0)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

void *sc_arena_grow(sc_arena *arena, void *old, size_t old_n, size_t new_n, size_t size)
{
    if (size != 0 && new_n > SIZE_MAX / size)
        return NULL;
    /* The last block handed out grows where it is when its chunk has the
     * room: a growing array (tokens, entities, sentences) leaves no
     * copies of itself behind. */
    chunk *c = arena->head;
    if (c != NULL && old != NULL && old_n > 0 && new_n >= old_n && new_n * size <= SIZE_MAX / 2) {
        char *top = (char *)c->data + c->used;
        size_t have = align_up(old_n * size), want = align_up(new_n * size);
        if ((char *)old >= (char *)c->data && (char *)old + have == top &&
            want - have <= c->size - c->used) {
            c->used += want - have;
            arena->total += want - have;
            return old;
        }
    }
    void *p = sc_arena_alloc(arena, new_n * size);
    if (p != NULL && old != NULL && old_n > 0)
        memcpy(p, old, (old_n < new_n ? old_n : new_n) * size);
    return p;
}

size_t sc_arena_used(const sc_arena *arena)
{
    return arena->total;
}

size_t sc_arena_footprint(const sc_arena *arena)
{
    size_t bytes = sizeof *arena;
    for (const chunk *c = arena->head; c != NULL; c = c->next)
        bytes += sizeof *c + c->size;
    return bytes;
}

char *sc_arena_printf(sc_arena *arena, const char *fmt, ...)
{
    /* One formatting, into a stack buffer, for the short strings nearly
     * all messages are; a longer one is measured there and formatted
     * again into its place. */
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    if ((size_t)n < sizeof small)
        return sc_arena_strndup(arena, small, (size_t)n);
    char *p = sc_arena_alloc_chars(arena, (size_t)n + 1);
    if (p == NULL)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}
