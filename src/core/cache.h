/* Articles' analyses kept across the pairs that share an article.
 *
 * A consistency corpus scores several summaries of each article: 55% of
 * the bytes of ../shared/bench/consistency/ are an article seen before in
 * the same file (bench/article_repeats.py).  An article's tokens, stems,
 * sentences and time expressions depend only on its bytes and on the
 * language and date language it is read in, so sumcheck.c analyses it
 * once into an entry here and copies the entry's arrays into each pair's
 * result.  The copies share the entry's strings (token forms, stems): a
 * result holds a reference to its entry, dropped by sc_result_free, and an
 * entry is freed when the cache has dropped it and no result holds it. */
#ifndef SC_CORE_CACHE_H
#define SC_CORE_CACHE_H

#include <stdatomic.h>

#include "doc.h"
#include "intern.h"
#include "sumcheck.h"

typedef struct sc_cached_article sc_cached_article;

struct sc_cached_article {
    atomic_size_t refs;
    sc_arena *arena;   /* everything of the entry, the entry itself too */
    const char *bytes; /* the article's text, copied: the key */
    size_t len;
    uint32_t hash;
    /* What it was read in (sumcheck.c's analyse): another pair may read
     * the same bytes in another language, and then does not use it. */
    const struct sc_lang *lang;
    const char *date_lang; /* NULL: every language's date names */
    sc_analysis analysis;  /* text NULL; no entities (they are per pair) */
    sc_intern *stems;      /* the article's stems, ids from 1 in its order */
    /* Its stopwords of each language (sc_language_hits), which language
     * detection adds the summary's to: in the entry's arena, as many as
     * sumcheck.c's analyse counts. */
    size_t *lang_hits;
    size_t footprint; /* bytes it holds, counted against the budget */
    /* The cache's own: recency list (most recent first) and hash chain. */
    sc_cached_article *newer, *older, *next;
};

/* A new entry for the article text[0..len), holding one reference (the
 * caller's), its analysis empty; NULL when out of memory. */
sc_cached_article *sc_cached_article_new(const char *text, size_t len);

/* Drops a reference; the last frees the entry.  NULL is a no-op. */
void sc_cached_article_release(sc_cached_article *entry);

/* The entry for the article text[0..len) with a reference for the
 * caller, or NULL; then *seen says whether the cache has seen the article
 * before (it keeps the hashes of about the last 64 K articles, a slot
 * each) and could keep an entry of its size.  An article seen once is not
 * worth an entry: a stream of distinct articles then costs neither the
 * entries' memory nor their copies. */
sc_cached_article *sc_cache_take(sc_cache *cache, const char *text, size_t len, bool *seen);

/* Keeps a complete entry (its analysis and footprint filled in), taking a
 * reference of the cache's own, and drops the least recently used entries
 * past the budget.  An entry larger than a quarter of the budget, or whose
 * bytes are there already, is not kept. */
void sc_cache_put(sc_cache *cache, sc_cached_article *entry);

#endif
