/* Names and numbers.
 *
 * A number is a numeral or a cardinal word, with a currency written right
 * before it ("Rp120.000", "$5") and a scale word after it ("1,3 juta",
 * "1.3 million") taken in: its value is the amount.  Tokens of a temporal
 * expression ("15 Desember 2021") are neither.
 *
 * A name is a run of capitalised words that are not stopwords.  The first
 * word of a sentence is capitalised anyway, so alone it is a name only with
 * evidence: it is written capitalised inside a sentence somewhere (in this
 * text or its companion), or it is never written in lower case and the
 * language's dictionary does not know it.  "Rusia mengajukan" is a name
 * (Rusia appears mid-sentence); "Pemerintah menyatakan" is not. */
#include "text.h"

#include <string.h>

static bool is_name_word(const sc_token *t)
{
    return t->kind == SC_TOK_WORD && (t->flags & SC_TOKF_CAPITAL) && !(t->flags & SC_TOKF_STOP) &&
           !(t->flags & (SC_TOKF_NUMWORD | SC_TOKF_SCALE | SC_TOKF_DATE));
}

static sc_status push(sc_arena *arena, sc_analysis *a, size_t *cap, sc_entity e)
{
    if (a->n_entities == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        sc_entity *grown = sc_arena_grow(arena, a->entities, a->n_entities, ncap, sizeof *grown);
        if (grown == NULL)
            return SC_ERR_NOMEM;
        a->entities = grown;
        *cap = ncap;
    }
    if (a->n_entities >= UINT32_MAX - 1)
        return SC_ERR_LIMIT;
    a->entities[a->n_entities++] = e;
    for (size_t k = e.tok_begin; k < e.tok_end; k++) {
        a->tokens[k].entity = (uint32_t)a->n_entities;
        if (!e.is_number)
            a->tokens[k].flags |= SC_TOKF_ENTITY;
    }
    return SC_OK;
}

/* Per stem: seen in lower case, seen capitalised inside a sentence. */
enum { SEEN_LOWER = 1, SEEN_MID_CAPITAL = 2 };

/* Marks the words of a in seen, which has room for stems up to max_stem;
 * false when a word's stem is past it (seen then half marked). */
static bool mark_seen(uint8_t *seen, uint32_t max_stem, const sc_analysis *a)
{
    for (size_t i = 0; i < a->n_tokens; i++) {
        const sc_token *t = &a->tokens[i];
        if (t->kind != SC_TOK_WORD)
            continue;
        if (t->stem > max_stem)
            return false;
        if (!(t->flags & SC_TOKF_CAPITAL))
            seen[t->stem] |= SEEN_LOWER;
        else if (!(t->flags & SC_TOKF_SENT_START) && !(t->flags & SC_TOKF_AFTER_BREAK))
            seen[t->stem] |= SEEN_MID_CAPITAL;
    }
    return true;
}

/* A number entity starting at the numeral at i; returns its end. */
static size_t number_entity(const sc_analysis *a, const sc_sentence *sent, size_t i, size_t *begin,
                            double *value)
{
    const sc_token *t = &a->tokens[i];
    *begin = i;
    *value = t->value;
    /* A currency glued before it: "Rp120.000", "$5", "US$5". */
    if (i > sent->tok_begin && (a->tokens[i - 1].flags & SC_TOKF_CURRENCY) &&
        a->tokens[i - 1].end == t->start) {
        *begin = i - 1;
        if (*begin > sent->tok_begin && (a->tokens[*begin - 1].flags & SC_TOKF_CURRENCY) &&
            a->tokens[*begin - 1].end == a->tokens[*begin].start)
            (*begin)--;
    }
    size_t end = i + 1;
    /* Scale words after it: "1,3 juta", "two hundred thousand". */
    while (end < sent->tok_end && (a->tokens[end].flags & SC_TOKF_SCALE)) {
        *value *= a->tokens[end].value;
        end++;
    }
    return end;
}

static sc_status find_entities(sc_arena *arena, sc_analysis *a, const uint8_t *seen,
                               const sc_lang *lang);

/* seen for the stems up to max_stem, the words of texts marked, in
 * arena; NULL when out of memory or when a word's stem is past max_stem. */
static uint8_t *seen_table(sc_arena *arena, const sc_analysis *const texts[2], size_t max_stem)
{
    if (max_stem > UINT32_MAX)
        return NULL;
    uint8_t *seen = sc_arena_calloc(arena, max_stem + 1, sizeof *seen);
    for (size_t k = 0; seen != NULL && k < 2 && texts[k] != NULL; k++)
        if (!mark_seen(seen, (uint32_t)max_stem, texts[k]))
            return NULL;
    return seen;
}

/* Per stem, how the words of a and other (may be NULL) write it (SEEN_*),
 * in arena; NULL when out of memory.  Entities change no token that it
 * reads, so one table serves both texts of a pair.  sc_tokens_finish
 * interns at most a stem per spelling, so a pair's stems are at most its
 * tokens: a table that large needs no pass to find the largest stem (a
 * tenth of finding entities).  Stems interned otherwise, past it, take
 * that pass. */
static uint8_t *words_seen(sc_arena *arena, const sc_analysis *a, const sc_analysis *other)
{
    const sc_analysis *texts[2] = {a, other};
    uint8_t *seen = seen_table(arena, texts, a->n_tokens + (other != NULL ? other->n_tokens : 0));
    if (seen != NULL)
        return seen;
    uint32_t max_stem = 0;
    for (size_t k = 0; k < 2 && texts[k] != NULL; k++)
        for (size_t i = 0; i < texts[k]->n_tokens; i++)
            if (texts[k]->tokens[i].stem > max_stem)
                max_stem = texts[k]->tokens[i].stem;
    return seen_table(arena, texts, max_stem);
}

/* The list grows by doubling in temp, then is kept at its final size in
 * arena: grown in the document's arena, its outgrown copies stayed there
 * till the end. */
static sc_status entities_of(sc_arena *arena, sc_arena *temp, sc_analysis *a, const uint8_t *seen,
                             const sc_lang *lang)
{
    a->entities = NULL;
    a->n_entities = 0;
    sc_status st = find_entities(temp, a, seen, lang);
    if (st == SC_OK && a->n_entities > 0) {
        sc_entity *kept = sc_arena_alloc(arena, a->n_entities * sizeof *kept);
        if (kept != NULL)
            memcpy(kept, a->entities, a->n_entities * sizeof *kept);
        else
            st = SC_ERR_NOMEM;
        a->entities = kept;
    }
    if (st != SC_OK) {
        a->entities = NULL;
        a->n_entities = 0;
    }
    return st;
}

sc_status sc_find_entities(sc_arena *arena, sc_analysis *a, const sc_analysis *other,
                           const sc_lang *lang)
{
    sc_arena *temp = sc_arena_new();
    if (temp == NULL)
        return SC_ERR_NOMEM;
    const uint8_t *seen = words_seen(temp, a, other);
    sc_status st = seen != NULL ? entities_of(arena, temp, a, seen, lang) : SC_ERR_NOMEM;
    sc_arena_free(temp);
    return st;
}

sc_status sc_find_entities_pair(sc_arena *arena, sc_analysis *summary, sc_analysis *article,
                                const sc_lang *lang)
{
    sc_arena *temp = sc_arena_new();
    if (temp == NULL)
        return SC_ERR_NOMEM;
    const uint8_t *seen = words_seen(temp, article, summary);
    sc_status st = seen == NULL ? SC_ERR_NOMEM : SC_OK;
    if (st == SC_OK && summary != NULL)
        st = entities_of(arena, temp, summary, seen, lang);
    if (st == SC_OK)
        st = entities_of(arena, temp, article, seen, lang);
    sc_arena_free(temp);
    return st;
}

static sc_status find_entities(sc_arena *arena, sc_analysis *a, const uint8_t *seen,
                               const sc_lang *lang)
{
    size_t cap = 0;

    for (size_t s = 0; s < a->n_sentences; s++) {
        const sc_sentence *sent = &a->sentences[s];
        size_t i = sent->tok_begin;
        while (i < sent->tok_end) {
            sc_token *t = &a->tokens[i];
            /* Most tokens are lower-case words, which start nothing below:
             * one test of the flags for them. */
            if (!(t->flags & (SC_TOKF_DATE | SC_TOKF_NUMWORD | SC_TOKF_CAPITAL)) &&
                t->kind != SC_TOK_NUMBER) {
                i++;
                continue;
            }
            /* Dates are the date rules' to check, not names or amounts. */
            if (t->flags & SC_TOKF_DATE) {
                i++;
                continue;
            }
            if (t->kind == SC_TOK_NUMBER || (t->flags & SC_TOKF_NUMWORD)) {
                sc_entity e = {0, 0, s, true, 0};
                e.tok_end = number_entity(a, sent, i, &e.tok_begin, &e.value);
                sc_status st = push(arena, a, &cap, e);
                if (st != SC_OK)
                    return st;
                i = e.tok_end;
                continue;
            }
            if (!is_name_word(t)) {
                i++;
                continue;
            }
            size_t j = i + 1;
            while (j < sent->tok_end && is_name_word(&a->tokens[j]) &&
                   !(a->tokens[j].flags & SC_TOKF_AFTER_BREAK))
                j++;
            /* A month or weekday named alone and in full ("sebelum akhir
             * Mei", "on Monday") is a date word, not a name; an
             * abbreviation ("the Sun", "Jan") may well be one. */
            sc_time_word tw = sc_token_time(t);
            if (j == i + 1 && (tw.month != 0 || tw.weekday != 0) &&
                !(tw.time_class & SC_TIMEW_ABBREVIATED)) {
                i = j;
                continue;
            }
            bool opener = (t->flags & (SC_TOKF_SENT_START | SC_TOKF_AFTER_BREAK)) && j == i + 1;
            if (opener && !(seen[t->stem] & SEEN_MID_CAPITAL)) {
                bool common = (seen[t->stem] & SEEN_LOWER) || lang->is_common_word == NULL ||
                              lang->is_common_word(t->norm, t->norm_len);
                if (common) {
                    i = j;
                    continue;
                }
            }
            sc_status st = push(arena, a, &cap, (sc_entity){i, j, s, false, 0});
            if (st != SC_OK)
                return st;
            i = j;
        }
    }
    return SC_OK;
}
