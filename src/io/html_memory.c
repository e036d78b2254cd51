/* libxml2's memory for one page: a bump arena, dropped whole.
 *
 * A page's tree is hundreds of thousands of small blocks (nodes,
 * attributes, text copies); malloc, free and xmlFreeDoc's walk were a
 * fifth of an HTML page's instructions.  While a page is read, libxml2's
 * allocations on this thread come from a per-thread arena instead; free
 * of an arena block does nothing, and the page's end drops every chunk at
 * once, leaving only what libxml2 keeps outside its allocator (the dict's
 * mutex, taken with plain malloc) for html_memory_end to release.
 *
 * A block is an arena block exactly when its address lies in one of the
 * calling thread's chunks: libxml2 blocks from before the hooks or from
 * outside a page (the reports, libxml2's global set-up, a host program's
 * own use of libxml2) go to the allocator that was set before, whenever
 * they are released.  The hooks are libxml2's process-wide allocator
 * (xmlMemSetup), set once, after xmlInitParser, so that libxml2's global
 * tables never live in an arena; the arena itself is per thread, and a
 * page's blocks are made and dropped on the thread that reads it. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/globals.h>
#include <libxml/tree.h>
#include <libxml/valid.h>
#include <libxml/xmlmemory.h>

#include "html.h"
#include "core/xml_quiet.h"

/* The first chunk; each next one doubles, so a page needs a handful.  A
 * page's chunks, up to SPARE_MAX_BYTES in all, are kept for the thread's
 * next page: chunks that large are mapped and unmapped by malloc on each
 * use, and the kernel's work of zeroing fresh memory cost the arena most
 * of what it saved. */
enum { CHUNK_MIN_BYTES = 64 * 1024, SPARE_MAX_BYTES = 4 * 1024 * 1024 };
/* Blocks keep malloc's alignment; the size sits in the header (realloc). */
enum { BLOCK_ALIGN = 16, HEADER_BYTES = 16 };

typedef struct xml_chunk {
    struct xml_chunk *next;
    char *start, *end;
} xml_chunk;

typedef struct xml_arena {
    xml_chunk *chunks; /* newest first */
    char *cur, *end;   /* free space in the newest chunk */
    char *last;        /* the newest block, grown in place by realloc */
    size_t next_size;
    xml_chunk *spare; /* kept from the last pages, smallest first, not in chunks */
    bool active;
} xml_arena;

static _Thread_local xml_arena arena;
/* Frees a thread's spare chunk when the thread ends. */
static pthread_key_t spare_key;
static bool spare_key_made;

/* The allocator in place before the hooks: libxml2's default (malloc and
 * friends) unless the host program set its own. */
static xmlFreeFunc prev_free;
static xmlMallocFunc prev_malloc;
static xmlReallocFunc prev_realloc;
static xmlStrdupFunc prev_strdup;
static pthread_once_t hooks_once = PTHREAD_ONCE_INIT;

static bool in_arena(const void *p)
{
    for (const xml_chunk *c = arena.chunks; c != NULL; c = c->next)
        if ((const char *)p >= c->start && (const char *)p < c->end)
            return true;
    return false;
}

static size_t block_size(const void *p)
{
    size_t n;
    memcpy(&n, (const char *)p - HEADER_BYTES, sizeof n);
    return n;
}

static void set_block_size(void *p, size_t n)
{
    memcpy((char *)p - HEADER_BYTES, &n, sizeof n);
}

/* A block of size bytes, need of the newest chunk's (which has them). */
static inline void *bump(size_t size, size_t need)
{
    void *p = arena.cur + HEADER_BYTES;
    arena.cur += need;
    arena.last = p;
    set_block_size(p, size);
    return p;
}

/* A block in a new newest chunk: the first spare chunk that holds need
 * bytes, else a new one.  Kept out of arena_block, which runs per
 * allocation and tail-calls it, so that its common path saves no
 * registers. */
static __attribute__((noinline)) void *block_in_new_chunk(size_t size, size_t need)
{
    xml_chunk **link = &arena.spare;
    while (*link != NULL && (size_t)((*link)->end - (*link)->start) < need)
        link = &(*link)->next;
    xml_chunk *c = *link;
    if (c != NULL) {
        *link = c->next;
    } else {
        size_t bytes = arena.next_size;
        if (bytes < need + sizeof(xml_chunk) + BLOCK_ALIGN)
            bytes = need + sizeof(xml_chunk) + BLOCK_ALIGN;
        c = malloc(bytes);
        if (c == NULL)
            return NULL;
        uintptr_t first = ((uintptr_t)(c + 1) + BLOCK_ALIGN - 1) & ~(uintptr_t)(BLOCK_ALIGN - 1);
        c->start = (char *)first;
        c->end = (char *)c + bytes;
    }
    size_t bytes = (size_t)(c->end - (char *)c);
    if (arena.next_size <= bytes && bytes < SIZE_MAX / 4)
        arena.next_size = bytes * 2;
    if (spare_key_made)
        (void)pthread_setspecific(spare_key, arena.spare);
    c->next = arena.chunks;
    arena.chunks = c;
    arena.cur = c->start;
    arena.end = c->end;
    return bump(size, need);
}

static void *arena_block(size_t size)
{
    if (size > SIZE_MAX / 2)
        return NULL;
    size_t need = HEADER_BYTES + ((size + BLOCK_ALIGN - 1) & ~(size_t)(BLOCK_ALIGN - 1));
    if ((size_t)(arena.end - arena.cur) < need)
        return block_in_new_chunk(size, need);
    return bump(size, need);
}

static void *hook_malloc(size_t size)
{
    return arena.active ? arena_block(size) : prev_malloc(size);
}

static void hook_free(void *p)
{
    if (p != NULL && !in_arena(p))
        prev_free(p);
}

static void *hook_realloc(void *p, size_t size)
{
    if (p == NULL)
        return hook_malloc(size);
    if (!in_arena(p))
        return prev_realloc(p, size);
    size_t old = block_size(p);
    if (p == arena.last && size <= SIZE_MAX / 2) {
        /* The newest block grows where it is, if its chunk has room. */
        size_t need = (size + BLOCK_ALIGN - 1) & ~(size_t)(BLOCK_ALIGN - 1);
        if ((size_t)(arena.end - (char *)p) >= need) {
            arena.cur = (char *)p + need;
            set_block_size(p, size);
            return p;
        }
    }
    if (size <= old) {
        set_block_size(p, size);
        return p;
    }
    void *q = arena_block(size);
    if (q != NULL)
        memcpy(q, p, old);
    return q;
}

static char *hook_strdup(const char *s)
{
    if (!arena.active)
        return prev_strdup(s);
    size_t n = strlen(s) + 1;
    char *p = hook_malloc(n);
    if (p != NULL)
        memcpy(p, s, n);
    return p;
}

static void free_chunks(xml_chunk *c)
{
    while (c != NULL) {
        xml_chunk *next = c->next;
        free(c);
        c = next;
    }
}

static void free_spare(void *spare)
{
    free_chunks(spare);
}

static void install_hooks(void)
{
    spare_key_made = pthread_key_create(&spare_key, free_spare) == 0;
    if (xmlMemGet(&prev_free, &prev_malloc, &prev_realloc, &prev_strdup) == 0 &&
        prev_free != NULL && prev_malloc != NULL && prev_realloc != NULL && prev_strdup != NULL)
        xmlMemSetup(hook_free, hook_malloc, hook_realloc, hook_strdup);
    else
        prev_malloc = NULL; /* no arena: libxml2's allocator as it is */
}

void html_memory_begin(void)
{
    sc_xml_quiet(); /* xmlInitParser first: its tables stay outside arenas */
    pthread_once(&hooks_once, install_hooks);
    if (prev_malloc == NULL)
        return;
    arena.next_size = CHUNK_MIN_BYTES;
    arena.active = true;
}

void html_memory_end(xmlDoc *doc)
{
    /* Without the hooks in place (libxml2 refused them, or a host program
     * set its own allocator since), the tree is libxml2's to free. */
    xmlFreeFunc f;
    xmlMallocFunc m;
    xmlReallocFunc r;
    xmlStrdupFunc d;
    if (!arena.active || xmlMemGet(&f, &m, &r, &d) != 0 || m != hook_malloc) {
        arena.active = false;
        xmlFreeDoc(doc);
        doc = NULL;
    }
    if (doc != NULL) {
        /* The tree is arena memory; what it holds outside the arena is the
         * dict's mutex, freed with the dict's last reference (the ID
         * table's, then the document's). */
        xmlDict *dict = doc->dict;
        if (doc->ids != NULL)
            xmlFreeIDTable(doc->ids);
        doc->ids = NULL;
        if (doc->refs != NULL)
            xmlFreeRefTable(doc->refs);
        doc->refs = NULL;
        if (dict != NULL)
            xmlDictFree(dict);
    }
    /* libxml2's last error keeps copies of its strings until the next. */
    xmlResetLastError();
    arena.active = false;
    /* The page's chunks (newest, so largest, first) go to the front of
     * the spare list smallest first, then the list is cut to its bound. */
    while (arena.chunks != NULL) {
        xml_chunk *c = arena.chunks;
        arena.chunks = c->next;
        c->next = arena.spare;
        arena.spare = c;
    }
    size_t kept = 0;
    xml_chunk **link = &arena.spare;
    while (*link != NULL && kept + (size_t)((*link)->end - (char *)*link) <= SPARE_MAX_BYTES) {
        kept += (size_t)((*link)->end - (char *)*link);
        link = &(*link)->next;
    }
    free_chunks(*link);
    *link = NULL;
    if (!spare_key_made || pthread_setspecific(spare_key, arena.spare) != 0) {
        free_chunks(arena.spare);
        arena.spare = NULL;
    }
    arena.cur = arena.end = arena.last = NULL;
}
