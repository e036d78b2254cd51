/* Language identification by stopword hits: each language's function words
 * are frequent and nearly disjoint across our languages (Grefenstette 1995,
 * "Comparing two language identification schemes"), which is enough to tell
 * Indonesian from English in a paragraph. */
#include <string.h>

#include "text/text.h"
#include "core/once.h"

/* Fewer stopword hits than this and we do not guess. */
enum { DETECT_MIN_HITS = 3 };

/* ---- One table of every language's stopwords --------------------------------------------
 *
 * Every token of a page is looked up, once per language: two hash lookups
 * per token were a twentieth of the run.  So, once, every language's
 * stopwords go into one table whose entry says which languages list the
 * word (a bit each): one hash and, mostly, one probe per token.  Built by
 * the first caller (a compare-and-swap elects it; callers meanwhile, and
 * languages the table cannot hold, ask sc_word_list_has), never written
 * again: thread-safe, nothing allocated.  A list that is not strictly
 * sorted is left out, as lang.c leaves it out, so the answers are the
 * binary search's exactly. */

/* Languages the table holds. */
enum { TABLE_LANGS = SC_DETECT_MAX_LANGS };

/* A power of two, at least twice the stopwords of all languages (about
 * 700 today); a build that would fill more than half gives up. */
enum { STOP_SLOTS = 4096 };

typedef struct stop_slot {
    const char *word; /* NULL: empty */
    uint32_t hash;
    uint32_t len;
    uint32_t langs; /* bit l: sc_languages[l] lists the word */
} stop_slot;

static stop_slot stop_slots[STOP_SLOTS];
/* A bit per word shape (shape_hash's top 16 bits), set for the stopwords'
 * shapes (about 1% of the bits): most words of a text are no stopword of
 * any language, and this says so for all but a few in a hundred of them
 * (3% on FRANK's articles) before the table is probed. */
enum { SHAPE_BITS = 1 << 16 };
static uint64_t stop_shapes[SHAPE_BITS / 64];
/* Languages whose stopwords are in the table. */
static uint32_t in_table;
static size_t stop_words;

static atomic_int table_state = SC_ONCE_EMPTY;

/* The hash of a word's shape, its first, middle and last byte and its
 * length (len > 0), which keys the table: four bytes, not every byte, are
 * hashed.  Two stopwords rarely share a shape, and the bytes are compared
 * anyway. */
static inline uint64_t shape_hash(const char *word, size_t len)
{
    const unsigned char *w = (const unsigned char *)word;
    uint64_t shape = w[0] | (uint32_t)w[len / 2] << 8 | (uint32_t)w[len - 1] << 16 |
                     (uint32_t)(len < 255 ? len : 255) << 24;
    return shape * 0x9e3779b97f4a7c15u;
}

static inline size_t shape_bit(uint64_t hash)
{
    return (size_t)(hash >> 48);
}

static bool strictly_sorted(const sc_word_list *list)
{
    for (size_t k = 0; k < list->n; k++)
        if (list->words[k][0] == '\0' || (k > 0 && strcmp(list->words[k - 1], list->words[k]) >= 0))
            return false;
    return true;
}

static bool stop_insert(const char *word, uint32_t lang_bit)
{
    size_t len = strlen(word);
    uint64_t hash = shape_hash(word, len);
    stop_shapes[shape_bit(hash) / 64] |= 1ull << (shape_bit(hash) % 64);
    uint32_t h = (uint32_t)(hash >> 32);
    for (size_t i = 0, at = h; i < STOP_SLOTS; i++, at++) {
        stop_slot *s = &stop_slots[at & (STOP_SLOTS - 1)];
        if (s->word == NULL) {
            if (++stop_words > STOP_SLOTS / 2)
                return false;
            *s = (stop_slot){.word = word, .hash = h, .len = (uint32_t)len, .langs = lang_bit};
            return true;
        }
        if (s->hash == h && s->len == len && memcmp(s->word, word, len) == 0) {
            s->langs |= lang_bit;
            return true;
        }
    }
    return false;
}

static bool build_table(void)
{
    for (size_t l = 0; l < sc_language_count && l < TABLE_LANGS; l++) {
        const sc_word_list *list = &sc_languages[l]->stopwords;
        if (!strictly_sorted(list))
            continue;
        for (size_t k = 0; k < list->n; k++)
            if (strlen(list->words[k]) > UINT32_MAX || !stop_insert(list->words[k], 1u << l))
                return false;
        in_table |= 1u << l;
    }
    return true;
}

/* True when the table answers; builds it on first use. */
static inline bool table_ready(void)
{
    return sc_once_ready(&table_state, build_table);
}

/* The languages of the table listing word[0..len) as a stopword. */
static inline uint32_t stop_langs(const char *word, size_t len)
{
    if (len == 0 || len > UINT32_MAX)
        return 0;
    uint64_t hash = shape_hash(word, len);
    if (!(stop_shapes[shape_bit(hash) / 64] >> (shape_bit(hash) % 64) & 1))
        return 0;
    uint32_t h = (uint32_t)(hash >> 32);
    for (size_t at = h;; at++) {
        const stop_slot *s = &stop_slots[at & (STOP_SLOTS - 1)];
        if (s->word == NULL)
            return 0;
        if (s->hash == h && s->len == len && memcmp(s->word, word, len) == 0)
            return s->langs;
    }
}

/* True when the tokens left (at most remaining stopword hits) can no
 * longer change the answer: the leader stays ahead of every language
 * (ahead of an earlier one, which wins ties, by more than remaining) and
 * already has DETECT_MIN_HITS. */
static bool decided(const size_t *hits, size_t n_langs, size_t remaining)
{
    size_t lead = 0;
    for (size_t l = 1; l < n_langs; l++)
        if (hits[l] > hits[lead])
            lead = l;
    if (hits[lead] < DETECT_MIN_HITS)
        return false;
    for (size_t l = 0; l < n_langs; l++) {
        if (l == lead)
            continue;
        size_t reach = hits[l] + remaining;
        if (l < lead ? reach >= hits[lead] : reach > hits[lead])
            return false;
    }
    return true;
}

/* Tokens between two looks at whether the answer is decided.  The look is
 * sound (decided), so when it is taken does not change the answer. */
enum { DECIDE_EVERY = 64 };

/* Spellings of a text whose languages a call keeps (on its stack, 8 KB):
 * a news article has a few hundred; those past it are looked up each time. */
enum { DETECT_MEMO = 2048 };

/* The languages listing the word t as a stopword: the table's, and those
 * of the languages in others (which the table lacks). */
static inline uint32_t word_langs(const sc_token *t, uint32_t others)
{
    uint32_t langs = stop_langs(t->norm, t->norm_len);
    for (uint32_t rest = others; rest != 0; rest &= rest - 1) {
        size_t l = (size_t)__builtin_ctz(rest);
        if (sc_word_list_has(&sc_languages[l]->stopwords, t->norm, t->norm_len))
            langs |= 1u << l;
    }
    return langs;
}

/* word_langs of the word t, whose spelling id is id (0: none), through
 * the memo known: ids come in order of first use and a spelling is a word
 * at each use or at none, so every word's id up to *newest is known, and
 * there is nothing to clear. */
static inline uint32_t memo_langs(const sc_token *t, uint32_t id, uint32_t others, uint32_t *known,
                                  uint32_t *newest)
{
    if (id != 0 && id <= *newest)
        return known[id];
    uint32_t langs = word_langs(t, others);
    if (id != 0 && id < DETECT_MEMO) {
        known[id] = langs;
        *newest = id;
    }
    return langs;
}

/* The languages the table lacks (word_langs asks their lists). */
static uint32_t other_langs(void)
{
    return ~in_table & (uint32_t)((1ull << sc_language_count) - 1);
}

/* Each language's stopwords among the words of tokens[begin..end), added
 * to hits, through the memo of one text (memo_langs). */
static inline void count_hits(const sc_token *tokens, const uint32_t *ids, size_t begin, size_t end,
                              uint32_t others, uint32_t *known, uint32_t *newest, size_t *hits)
{
    for (size_t i = begin; i < end; i++) {
        if (tokens[i].kind != SC_TOK_WORD)
            continue;
        uint32_t langs = memo_langs(&tokens[i], ids != NULL ? ids[i] : 0, others, known, newest);
        for (; langs != 0; langs &= langs - 1)
            hits[__builtin_ctz(langs)]++;
    }
}

const sc_lang *sc_detect_language(const sc_token *const *token_arrays,
                                  const uint32_t *const *form_ids, const size_t *counts,
                                  size_t n_arrays)
{
    size_t n_langs = sc_language_count;
    size_t hits_buf[TABLE_LANGS] = {0};
    bool fast = table_ready() && n_langs <= TABLE_LANGS;
    if (fast) {
        size_t remaining = 0;
        for (size_t a = 0; a < n_arrays; a++)
            remaining += counts[a];
        uint32_t others = other_langs();
        uint32_t known[DETECT_MEMO]; /* memo_langs' */
        for (size_t a = 0; a < n_arrays; a++) {
            const uint32_t *ids = form_ids != NULL ? form_ids[a] : NULL;
            uint32_t newest = 0;
            for (size_t i = 0; i < counts[a];) {
                size_t end = counts[a] - i > DECIDE_EVERY ? i + DECIDE_EVERY : counts[a];
                remaining -= end - i;
                count_hits(token_arrays[a], ids, i, end, others, known, &newest, hits_buf);
                i = end;
                if (decided(hits_buf, n_langs, remaining))
                    goto done;
            }
        }
    }
done:
    if (!fast) {
        for (size_t a = 0; a < n_arrays; a++)
            sc_language_hits(token_arrays[a], NULL, counts[a], hits_buf);
    }
    return sc_language_of_hits(hits_buf);
}

void sc_language_hits(const sc_token *tokens, const uint32_t *form_ids, size_t n, size_t *hits)
{
    size_t n_langs = sc_language_count;
    if (!table_ready() || n_langs > TABLE_LANGS) {
        for (size_t l = 0; l < n_langs && l < SC_DETECT_MAX_LANGS; l++)
            for (size_t i = 0; i < n; i++)
                hits[l] += tokens[i].kind == SC_TOK_WORD &&
                           sc_word_list_has(&sc_languages[l]->stopwords, tokens[i].norm,
                                            tokens[i].norm_len);
        return;
    }
    /* As sc_detect_language, without its early stop. */
    uint32_t known[DETECT_MEMO];
    uint32_t newest = 0;
    count_hits(tokens, form_ids, 0, n, other_langs(), known, &newest, hits);
}

const sc_lang *sc_language_of_hits(const size_t *hits)
{
    /* The most hits; an earlier language wins a tie (decided agrees). */
    size_t best_hits = 0;
    const sc_lang *best = NULL;
    for (size_t l = 0; l < sc_language_count && l < SC_DETECT_MAX_LANGS; l++) {
        if (hits[l] > best_hits) {
            best_hits = hits[l];
            best = sc_languages[l];
        }
    }
    return best_hits >= DETECT_MIN_HITS ? best : NULL;
}
