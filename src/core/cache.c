/* The article cache (cache.h): entries by the hash of the article's bytes
 * in chains, a recency list, a budget of bytes, one lock. */
#include "cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct sc_cache {
    pthread_mutex_t lock;
    size_t budget; /* bytes of entries kept at most */
    size_t bytes;  /* bytes of entries kept */
    sc_cached_article **buckets;
    size_t n_buckets; /* a power of two */
    size_t count;
    sc_cached_article *newest, *oldest;
    size_t lookups, hits;
    /* The hashes of articles looked up (0: none), by their low bits, the
     * last to land in a slot kept: which articles were seen before. */
    uint32_t *seen;
};

/* Slots of the seen table (256 KB): a stream of distinct articles
 * forgets the older ones, and one seen again after 64 K others costs only
 * one more analysis before it is kept. */
enum { SEEN_SLOTS = 1 << 16 };

/* The key's hash: sc_hash_bytes over the whole article, a pass that costs
 * far less than tokenising it. */
static uint32_t article_hash(const char *text, size_t len)
{
    return sc_hash_bytes(text, len);
}

sc_cache *sc_cache_new(size_t max_bytes)
{
    sc_cache *c = calloc(1, sizeof *c);
    if (c == NULL)
        return NULL;
    c->n_buckets = 256;
    c->buckets = calloc(c->n_buckets, sizeof *c->buckets);
    c->seen = calloc(SEEN_SLOTS, sizeof *c->seen);
    if (c->buckets == NULL || c->seen == NULL || pthread_mutex_init(&c->lock, NULL) != 0) {
        free(c->buckets);
        free(c->seen);
        free(c);
        return NULL;
    }
    c->budget = max_bytes;
    return c;
}

void sc_cache_free(sc_cache *cache)
{
    if (cache == NULL)
        return;
    for (sc_cached_article *e = cache->newest, *older; e != NULL; e = older) {
        older = e->older;
        sc_cached_article_release(e);
    }
    pthread_mutex_destroy(&cache->lock);
    free(cache->buckets);
    free(cache->seen);
    free(cache);
}

void sc_cache_counts(sc_cache *cache, size_t *lookups, size_t *hits)
{
    if (cache == NULL) {
        *lookups = *hits = 0;
        return;
    }
    pthread_mutex_lock(&cache->lock);
    *lookups = cache->lookups;
    *hits = cache->hits;
    pthread_mutex_unlock(&cache->lock);
}

/* An entry's arena: its analysis takes about 20 bytes per article byte
 * (43 KB for summeval_val's articles of 2.1 KB on average), so a first
 * chunk of that size holds most entries whole, where an arena's usual
 * 64 KB chunk, or a larger spare one, would hold twice what they need. */
enum { ENTRY_BYTES_PER_BYTE = 22, ENTRY_BYTES_MORE = 4096 };

sc_cached_article *sc_cached_article_new(const char *text, size_t len)
{
    sc_arena *arena = sc_arena_new_sized(len < SIZE_MAX / ENTRY_BYTES_PER_BYTE - ENTRY_BYTES_MORE
                                             ? ENTRY_BYTES_PER_BYTE * len + ENTRY_BYTES_MORE
                                             : SIZE_MAX);
    sc_cached_article *e = arena != NULL ? sc_arena_calloc(arena, 1, sizeof *e) : NULL;
    char *bytes = e != NULL ? sc_arena_strndup(arena, text, len) : NULL;
    if (bytes == NULL) {
        sc_arena_free(arena);
        return NULL;
    }
    e->arena = arena;
    e->bytes = bytes;
    e->len = len;
    e->hash = article_hash(text, len);
    atomic_init(&e->refs, 1);
    return e;
}

void sc_cached_article_release(sc_cached_article *entry)
{
    /* The entry lives in its own arena: freeing that frees it. */
    if (entry != NULL && atomic_fetch_sub(&entry->refs, 1) == 1)
        sc_arena_free(entry->arena);
}

/* Whether an entry for an article of len bytes may be kept: its arena's
 * first chunk alone within a quarter of the budget (sc_cache_put). */
static bool fits(const sc_cache *c, size_t len)
{
    size_t most = c->budget / 4;
    return most >= ENTRY_BYTES_MORE && len <= (most - ENTRY_BYTES_MORE) / ENTRY_BYTES_PER_BYTE;
}

static sc_cached_article **chain(sc_cache *c, uint32_t hash)
{
    return &c->buckets[hash & (c->n_buckets - 1)];
}

static sc_cached_article *find(sc_cache *c, const char *text, size_t len, uint32_t hash)
{
    for (sc_cached_article *e = *chain(c, hash); e != NULL; e = e->next)
        if (e->hash == hash && e->len == len && memcmp(e->bytes, text, len) == 0)
            return e;
    return NULL;
}

static void unlink_recency(sc_cache *c, sc_cached_article *e)
{
    *(e->newer != NULL ? &e->newer->older : &c->newest) = e->older;
    *(e->older != NULL ? &e->older->newer : &c->oldest) = e->newer;
    e->newer = e->older = NULL;
}

static void link_newest(sc_cache *c, sc_cached_article *e)
{
    e->older = c->newest;
    e->newer = NULL;
    *(c->newest != NULL ? &c->newest->newer : &c->oldest) = e;
    c->newest = e;
}

sc_cached_article *sc_cache_take(sc_cache *cache, const char *text, size_t len, bool *seen)
{
    uint32_t hash = article_hash(text, len);
    uint32_t mark = hash | 1; /* never 0, the empty slot */
    pthread_mutex_lock(&cache->lock);
    cache->lookups++;
    sc_cached_article *e = find(cache, text, len, hash);
    if (e != NULL) {
        cache->hits++;
        atomic_fetch_add(&e->refs, 1);
        unlink_recency(cache, e);
        link_newest(cache, e);
    }
    uint32_t *slot = &cache->seen[hash & (SEEN_SLOTS - 1)];
    *seen = *slot == mark && fits(cache, len);
    *slot = mark;
    pthread_mutex_unlock(&cache->lock);
    return e;
}

/* Doubles the buckets when entries outnumber them; keeps them as they are
 * when there is no memory for more (chains get longer, nothing is lost). */
static void grow_buckets(sc_cache *c)
{
    size_t n = c->n_buckets * 2;
    sc_cached_article **b = calloc(n, sizeof *b);
    if (b == NULL)
        return;
    for (size_t i = 0; i < c->n_buckets; i++) {
        for (sc_cached_article *e = c->buckets[i], *next; e != NULL; e = next) {
            next = e->next;
            e->next = b[e->hash & (n - 1)];
            b[e->hash & (n - 1)] = e;
        }
    }
    free(c->buckets);
    c->buckets = b;
    c->n_buckets = n;
}

static void drop(sc_cache *c, sc_cached_article *e)
{
    sc_cached_article **link = chain(c, e->hash);
    while (*link != e)
        link = &(*link)->next;
    *link = e->next;
    unlink_recency(c, e);
    c->bytes -= e->footprint;
    c->count--;
    sc_cached_article_release(e);
}

void sc_cache_put(sc_cache *cache, sc_cached_article *entry)
{
    if (entry->footprint > cache->budget / 4)
        return;
    pthread_mutex_lock(&cache->lock);
    /* Two threads may analyse one article at once: the first kept stays. */
    if (find(cache, entry->bytes, entry->len, entry->hash) == NULL) {
        while (cache->oldest != NULL && cache->bytes + entry->footprint > cache->budget)
            drop(cache, cache->oldest);
        atomic_fetch_add(&entry->refs, 1);
        sc_cached_article **head = chain(cache, entry->hash);
        entry->next = *head;
        *head = entry;
        link_newest(cache, entry);
        cache->bytes += entry->footprint;
        if (++cache->count > cache->n_buckets)
            grow_buckets(cache);
    }
    pthread_mutex_unlock(&cache->lock);
}
