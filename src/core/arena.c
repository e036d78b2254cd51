#include "arena.h"

#include <stdarg.h>
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
};

sc_arena *sc_arena_new(void)
{
    sc_arena *arena = calloc(1, sizeof *arena);
    if (arena != NULL)
        arena->next_size = ARENA_FIRST_CHUNK;
    return arena;
}

void sc_arena_free(sc_arena *arena)
{
    if (arena == NULL)
        return;
    chunk *c = arena->head;
    while (c != NULL) {
        chunk *next = c->next;
        free(c);
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
        c = malloc(sizeof(chunk) + want);
        if (c == NULL)
            return NULL;
        c->size = want;
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
