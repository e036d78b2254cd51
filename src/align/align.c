/* Alignment by IDF-weighted overlap.
 *
 * Every statistic comes from the document itself (DESIGN.md, determinism):
 * a stem's IDF is computed over the article's sentences.  Candidates come
 * from an inverted stem_index (stem -> article sentences), so the work per
 * summary sentence is proportional to the postings of its own stems, never
 * to the article's length squared.  The span is chosen greedily, as in
 * weighted set cover: the candidate covering the most uncovered weight,
 * then up to two more that each add a real share (SC_ALIGN_MIN_GAIN). */
#include "align.h"
#include "relation.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check/thresholds.h"
#include "core/intern.h"
#include "lang/lang.h"

static bool same_number(double a, double b)
{
    double scale = fabs(a) > 1 ? fabs(a) : 1;
    return fabs(a - b) <= 1e-9 * scale;
}

bool sc_align_article_has_number(const sc_alignment *al, double value)
{
    for (size_t i = 0; i < al->n_article_numbers; i++)
        if (same_number(al->article_numbers[i], value))
            return true;
    return false;
}

/* 32-bit offsets and sentence indexes: a text has at most SC_MAX_TOKENS
 * tokens, and the index is a long article's largest scratch array. */
typedef struct stem_index {
    uint32_t *offsets;  /* per stem: postings[offsets[s] .. offsets[s + 1]) */
    uint32_t *postings; /* article sentence indexes */
    double n_sentences;
} stem_index;

/* IDF over the article's sentences; a stem the article lacks gets the
 * largest weight, as it is the most informative when missing.  Computed
 * for the summary's stems only, when asked: a log per stem of the document
 * was most of the index's cost. */
static double idf(const stem_index *ix, uint32_t s)
{
    double N = ix->n_sentences;
    double df = (double)(ix->offsets[s + 1] - ix->offsets[s]);
    return log((N + 1.0) / (df + 0.5));
}

/* The postings of the stems of the summary (sum): the only ones asked for
 * (idf and the candidates of align_sentence); every other stem has none.
 * has_stem gets every stem of the article. */
static sc_status build_index(sc_arena *arena, const sc_analysis *sum, const sc_analysis *art,
                             uint32_t n_stems, stem_index *ix, bool *has_stem)
{
    size_t n = (size_t)n_stems + 1;
    uint32_t *count = sc_arena_calloc(arena, n + 1, sizeof *count);
    uint32_t *last = sc_arena_alloc(arena, n * sizeof *last);
    bool *wanted = sc_arena_calloc(arena, n, sizeof *wanted);
    if (count == NULL || last == NULL || wanted == NULL)
        return SC_ERR_NOMEM;
    for (size_t s = 0; s < n; s++)
        last[s] = UINT32_MAX;
    for (size_t k = 0; k < sum->n_tokens; k++)
        if (sc_token_is_content(&sum->tokens[k]) && sum->tokens[k].stem < n)
            wanted[sum->tokens[k].stem] = true;
    size_t total = 0;
    for (size_t si = 0; si < art->n_sentences; si++) {
        const sc_sentence *sent = &art->sentences[si];
        for (size_t k = sent->tok_begin; k < sent->tok_end; k++) {
            const sc_token *t = &art->tokens[k];
            if (t->stem != 0)
                has_stem[t->stem] = true;
            if (!wanted[t->stem] || !sc_token_is_content(t) || last[t->stem] == si)
                continue;
            last[t->stem] = (uint32_t)si;
            count[t->stem + 1]++;
            total++;
        }
    }
    for (size_t s = 1; s <= n; s++)
        count[s] += count[s - 1];
    ix->offsets = count;
    ix->postings = sc_arena_alloc(arena, (total ? total : 1) * sizeof *ix->postings);
    uint32_t *fill = last; /* last is done with: reused for the fill points */
    if (ix->postings == NULL)
        return SC_ERR_NOMEM;
    memcpy(fill, count, n * sizeof *fill);
    for (size_t si = 0; si < art->n_sentences; si++) {
        const sc_sentence *sent = &art->sentences[si];
        for (size_t k = sent->tok_begin; k < sent->tok_end; k++) {
            const sc_token *t = &art->tokens[k];
            if (!wanted[t->stem] || !sc_token_is_content(t))
                continue;
            /* A stem's postings are filled in sentence order, so the
             * last one written says whether si is already there. */
            uint32_t *at = &ix->postings[fill[t->stem]];
            if (fill[t->stem] > count[t->stem] && at[-1] == si)
                continue;
            *at = (uint32_t)si;
            fill[t->stem]++;
        }
    }
    ix->n_sentences = (double)art->n_sentences;
    return SC_OK;
}

/* The adjacent stem pairs of a span's sentences (non-punctuation tokens,
 * the first after a stem of 0), so that each bigram of a summary sentence
 * is one look-up rather than a walk over the span per bigram (3% of a JSON
 * Lines run).  Open addressing; key 0 marks an empty slot. */
typedef struct pair_set {
    uint64_t *key;
    size_t mask;  /* slots - 1, a power of two minus one */
    uint32_t *at; /* the slots in use, to empty them for the next span */
    size_t n_at;
} pair_set;

/* Slots of the set a document's summary sentences start with; a span of
 * more than half as many tokens grows it. */
enum { SPAN_PAIR_SLOTS = 256 };

/* Scratch space reused across summary sentences. */
typedef struct scratch {
    double *score;   /* per article sentence */
    size_t *touched; /* article sentences with a score */
    size_t n_touched;
    int32_t *slot;  /* per stem: stem_index in the sentence's distinct stems, or -1 */
    sc_arena *temp; /* freed when the alignment is done */
    pair_set pairs; /* at least SPAN_PAIR_SLOTS, emptied after each span */
} scratch;

/* The key of the stem pair (a, b); stem ids are below UINT32_MAX, so it
 * is never 0. */
static uint64_t pair_key(uint32_t a, uint32_t b)
{
    return ((uint64_t)a << 32 | b) + 1;
}

/* The slot of key in set: where it is, or the empty one it would take. */
static size_t pair_slot(const pair_set *set, uint64_t key)
{
    size_t i = (size_t)((key * 0x9E3779B97F4A7C15u) >> 32) & set->mask;
    while (set->key[i] != 0 && set->key[i] != key)
        i = (i + 1) & set->mask;
    return i;
}

static bool pair_has(const pair_set *set, uint32_t a, uint32_t b)
{
    uint64_t key = pair_key(a, b);
    return set->key[pair_slot(set, key)] == key;
}

/* The pairs of the span's sentences (what the walk per bigram found) in
 * sc's set, grown first when they could fill more than half of it; NULL
 * when out of memory. */
static const pair_set *span_pairs(const sc_analysis *art, const size_t *aligned, size_t n_aligned,
                                  scratch *sc)
{
    size_t tokens = 0;
    for (size_t a = 0; a < n_aligned; a++)
        tokens += art->sentences[aligned[a]].tok_end - art->sentences[aligned[a]].tok_begin;
    pair_set *set = &sc->pairs;
    if (tokens > (set->mask + 1) / 2) {
        /* The old set is empty (span_pairs_clear) and stays in the arena. */
        size_t slots = 2 * (set->mask + 1);
        while (slots / 2 < tokens)
            slots *= 2;
        set->key = sc_arena_calloc(sc->temp, slots, sizeof *set->key);
        set->at = sc_arena_alloc(sc->temp, slots / 2 * sizeof *set->at);
        set->mask = slots - 1;
        if (set->key == NULL || set->at == NULL)
            return NULL;
    }
    for (size_t a = 0; a < n_aligned; a++) {
        const sc_sentence *sent = &art->sentences[aligned[a]];
        uint32_t prev = 0;
        for (size_t k = sent->tok_begin; k < sent->tok_end; k++) {
            const sc_token *t = &art->tokens[k];
            if (t->kind == SC_TOK_PUNCT)
                continue;
            uint64_t key = pair_key(prev, t->stem);
            size_t i = pair_slot(set, key);
            if (set->key[i] == 0) {
                set->key[i] = key;
                set->at[set->n_at++] = (uint32_t)i;
            }
            prev = t->stem;
        }
    }
    return set;
}

/* Empties sc's set for the next span. */
static void span_pairs_clear(scratch *sc)
{
    for (size_t k = 0; k < sc->pairs.n_at; k++)
        sc->pairs.key[sc->pairs.at[k]] = 0;
    sc->pairs.n_at = 0;
}

static void top_candidates(const scratch *sc, size_t *best, size_t *n_best)
{
    size_t n = 0;
    for (size_t i = 0; i < sc->n_touched; i++) {
        size_t s = sc->touched[i];
        double v = sc->score[s];
        size_t pos = n < SC_ALIGN_CANDIDATES ? n : SC_ALIGN_CANDIDATES;
        /* Insertion into a short sorted list: higher score first, then the
         * earlier sentence, so ties are deterministic. */
        while (pos > 0 && (sc->score[best[pos - 1]] < v ||
                           (sc->score[best[pos - 1]] == v && best[pos - 1] > s)))
            pos--;
        if (pos >= SC_ALIGN_CANDIDATES)
            continue;
        size_t end = n < SC_ALIGN_CANDIDATES ? n : SC_ALIGN_CANDIDATES - 1;
        memmove(&best[pos + 1], &best[pos], (end - pos) * sizeof *best);
        best[pos] = s;
        if (n < SC_ALIGN_CANDIDATES)
            n++;
    }
    *n_best = n;
}

static int compare_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

static sc_status align_sentence(sc_arena *arena, const sc_analysis *sum, const sc_analysis *art,
                                const stem_index *ix, const sc_alignment *al, scratch *sc,
                                size_t si, sc_sentence_alignment *out)
{
    const sc_sentence *sent = &sum->sentences[si];
    size_t n_tok = sent->tok_end - sent->tok_begin;
    out->token_supported = sc_arena_calloc(arena, n_tok ? n_tok : 1, sizeof *out->token_supported);
    if (out->token_supported == NULL)
        return SC_ERR_NOMEM;

    /* The sentence's distinct content stems and their weights. */
    uint32_t stems[512];
    double weight[512];
    bool sum_is_number[512];
    size_t m = 0;
    double total = 0;
    for (size_t k = sent->tok_begin; k < sent->tok_end && m < 512; k++) {
        const sc_token *t = &sum->tokens[k];
        if (!sc_token_is_content(t) || sc->slot[t->stem] >= 0)
            continue;
        sc->slot[t->stem] = (int32_t)m;
        stems[m] = t->stem;
        weight[m] = idf(ix, t->stem);
        sum_is_number[m] = t->kind == SC_TOK_NUMBER || (t->flags & SC_TOKF_NUMWORD);
        total += weight[m];
        m++;
    }

    /* Score article sentences through the postings. */
    sc->n_touched = 0;
    for (size_t j = 0; j < m; j++) {
        uint32_t s = stems[j];
        for (size_t p = ix->offsets[s]; p < ix->offsets[s + 1]; p++) {
            size_t a = ix->postings[p];
            if (sc->score[a] == 0)
                sc->touched[sc->n_touched++] = a;
            sc->score[a] += weight[j];
        }
    }
    size_t cand[SC_ALIGN_CANDIDATES], n_cand = 0;
    top_candidates(sc, cand, &n_cand);
    for (size_t i = 0; i < sc->n_touched; i++)
        sc->score[sc->touched[i]] = 0;

    /* Which of the sentence's stems each candidate has. */
    bool has[SC_ALIGN_CANDIDATES][512];
    for (size_t c = 0; c < n_cand; c++) {
        memset(has[c], 0, m * sizeof has[c][0]);
        const sc_sentence *as = &art->sentences[cand[c]];
        for (size_t k = as->tok_begin; k < as->tok_end; k++) {
            uint32_t st = art->tokens[k].stem;
            if (st != 0 && sc->slot[st] >= 0)
                has[c][sc->slot[st]] = true;
        }
    }

    /* Related sentences: a share of the non-number weight. */
    double word_total = 0;
    for (size_t j = 0; j < m; j++)
        if (!sum_is_number[j])
            word_total += weight[j];
    out->n_related = 0;
    for (size_t c = 0; c < n_cand && word_total > 0; c++) {
        double w = 0;
        for (size_t j = 0; j < m; j++)
            if (has[c][j] && !sum_is_number[j])
                w += weight[j];
        if (w >= SC_RELATED_MIN_SHARE * word_total && out->n_related < SC_ALIGN_MAX_RELATED)
            out->related[out->n_related++] = cand[c];
    }

    /* Greedy span. */
    bool covered[512] = {false};
    bool used[SC_ALIGN_CANDIDATES] = {false};
    double covered_weight = 0;
    out->n_aligned = 0;
    while (out->n_aligned < SC_ALIGN_MAX_SPAN) {
        size_t best = SIZE_MAX;
        double best_gain = 0;
        for (size_t c = 0; c < n_cand; c++) {
            if (used[c])
                continue;
            double gain = 0;
            for (size_t j = 0; j < m; j++)
                if (has[c][j] && !covered[j])
                    gain += weight[j];
            if (gain > best_gain) {
                best_gain = gain;
                best = c;
            }
        }
        if (best == SIZE_MAX)
            break;
        if (out->n_aligned > 0 && best_gain < SC_ALIGN_MIN_GAIN * total)
            break;
        used[best] = true;
        out->aligned[out->n_aligned++] = cand[best];
        for (size_t j = 0; j < m; j++)
            if (has[best][j] && !covered[j]) {
                covered[j] = true;
                covered_weight += weight[j];
            }
    }
    qsort(out->aligned, out->n_aligned, sizeof out->aligned[0], compare_size);
    out->coverage = total > 0 ? covered_weight / total : 1.0;

    /* Bigrams of adjacent words, at least one of them content, found
     * adjacent in the span. */
    size_t bigrams = 0, bigrams_found = 0;
    const sc_token *prev = NULL;
    const pair_set *pairs = span_pairs(art, out->aligned, out->n_aligned, sc);
    if (pairs == NULL)
        return SC_ERR_NOMEM;
    for (size_t k = sent->tok_begin; k < sent->tok_end; k++) {
        const sc_token *t = &sum->tokens[k];
        if (t->kind == SC_TOK_PUNCT)
            continue;
        if (prev != NULL && (sc_token_is_content(prev) || sc_token_is_content(t))) {
            bigrams++;
            bigrams_found += pair_has(pairs, prev->stem, t->stem);
        }
        prev = t;
    }
    span_pairs_clear(sc);
    out->bigram = bigrams > 0 ? (double)bigrams_found / (double)bigrams : out->coverage;

    /* Names and numbers found anywhere in the article. */
    size_t entities = 0, entities_found = 0;
    for (size_t e = 0; e < sum->n_entities; e++) {
        const sc_entity *ent = &sum->entities[e];
        if (ent->sentence != si)
            continue;
        entities++;
        bool found = true;
        if (ent->is_number)
            found = sc_align_article_has_number(al, ent->value);
        for (size_t k = ent->tok_begin; k < ent->tok_end && found && !ent->is_number; k++) {
            const sc_token *t = &sum->tokens[k];
            if (!(t->flags & SC_TOKF_STOP))
                found = sc_alignment_article_has(al, t);
        }
        entities_found += found;
    }
    out->entity_agreement = entities > 0 ? (double)entities_found / (double)entities : 1.0;
    out->support = SC_WEIGHT_COVERAGE * out->coverage + SC_WEIGHT_BIGRAM * out->bigram +
                   SC_WEIGHT_ENTITY * out->entity_agreement;

    /* Per token: supported when the span has its stem (content words) or
     * when it carries no content (stopwords, punctuation). */
    for (size_t k = sent->tok_begin; k < sent->tok_end; k++) {
        const sc_token *t = &sum->tokens[k];
        bool ok = !sc_token_is_content(t);
        if (!ok && sc->slot[t->stem] >= 0)
            ok = covered[sc->slot[t->stem]];
        out->token_supported[k - sent->tok_begin] = ok;
    }
    for (size_t j = 0; j < m; j++)
        sc->slot[stems[j]] = -1;
    return SC_OK;
}

/* The parts of a hyphenated word ("three-year", "10-feet-tall"): their
 * count, at most the word's hyphens + 1; 0 for a word without one. */
static size_t hyphen_parts(const sc_token *t)
{
    if (t->kind != SC_TOK_WORD || memchr(t->norm, '-', t->norm_len) == NULL)
        return 0;
    size_t n = 1;
    for (size_t i = 0; i < t->norm_len; i++)
        n += t->norm[i] == '-';
    return n;
}

/* sc_align_hyphen_numbers of a word known to have a hyphen. */
static size_t hyphen_numbers(const sc_lang *lang, const sc_token *t, double *out, size_t max)
{
    size_t n = 0;
    const char *p = t->norm, *end = t->norm + t->norm_len;
    while (p < end && n < max) {
        const char *q = memchr(p, '-', (size_t)(end - p));
        if (q == NULL)
            q = end;
        size_t len = (size_t)(q - p), digits = 0;
        while (digits < len && p[digits] >= '0' && p[digits] <= '9')
            digits++;
        double v;
        if (len > 0 && digits == len && len <= 15) {
            v = 0;
            for (size_t i = 0; i < len; i++)
                v = v * 10 + (p[i] - '0');
            out[n++] = v;
        } else if (len > 0 && lang != NULL &&
                   sc_number_word_find(lang->number_words, lang->n_number_words, p, len, &v)) {
            out[n++] = v;
        }
        p = q + 1;
    }
    return n;
}

size_t sc_align_hyphen_numbers(const sc_lang *lang, const sc_token *t, double *out, size_t max)
{
    if (hyphen_parts(t) == 0)
        return 0;
    return hyphen_numbers(lang, t, out, max);
}

static sc_status align(sc_result *r, sc_arena *temp);

sc_status sc_align(sc_result *r)
{
    /* The stem index, the per-word counts and the per-sentence scores are
     * needed only while aligning: an arena of their own, freed before the
     * relations, keeps them out of the document's peak memory. */
    sc_arena *temp = sc_arena_new();
    if (temp == NULL)
        return SC_ERR_NOMEM;
    sc_status st = align(r, temp);
    sc_arena_free(temp);
    if (st != SC_OK)
        return st;
    return sc_align_relations(r);
}

static sc_status align(sc_result *r, sc_arena *temp)
{
    sc_arena *arena = r->arena;
    const sc_analysis *sum = &r->summary, *art = &r->article;
    sc_alignment *al = &r->alignment;
    uint32_t n_stems = sc_intern_count(r->stems);
    size_t n = (size_t)n_stems + 1;
    stem_index ix;
    bool *has_stem = sc_arena_calloc(arena, n, sizeof *has_stem);
    if (has_stem == NULL || build_index(temp, sum, art, n_stems, &ix, has_stem) != SC_OK)
        return SC_ERR_NOMEM;
    al->article_has_stem = has_stem;
    al->n_stems = n_stems;

    /* The article's numbers: each amount (scale applied) and each numeral
     * as written, so "1,3 juta" matches both 1300000 and 1.3. */
    /* The hyphenated words, few, are listed with their parts in temp as
     * they are counted, rather than a count kept per token of the article. */
    typedef struct hyphenated {
        size_t token, parts;
    } hyphenated;
    hyphenated *hy = NULL;
    size_t n_hy = 0, cap_hy = 0;
    size_t n_numbers = art->n_entities;
    for (size_t i = 0; i < art->n_tokens; i++) {
        size_t parts;
        if (art->tokens[i].kind == SC_TOK_NUMBER) {
            n_numbers++;
        } else if (art->word_hashes[art->form_ids[i]] == 0 && /* else one run of letters */
                   (parts = hyphen_parts(&art->tokens[i])) > 0) {
            if (n_hy == cap_hy) {
                size_t ncap = cap_hy ? cap_hy * 2 : 16;
                if ((hy = sc_arena_grow(temp, hy, n_hy, ncap, sizeof *hy)) == NULL)
                    return SC_ERR_NOMEM;
                cap_hy = ncap;
            }
            hy[n_hy++] = (hyphenated){i, parts};
            n_numbers += parts;
        }
    }
    double *numbers = sc_arena_alloc(arena, (n_numbers ? n_numbers : 1) * sizeof *numbers);
    if (numbers == NULL)
        return SC_ERR_NOMEM;
    n_numbers = 0;
    for (size_t e = 0; e < art->n_entities; e++)
        if (art->entities[e].is_number)
            numbers[n_numbers++] = art->entities[e].value;
    const sc_lang *lang = sc_lang_find(r->language);
    for (size_t i = 0, h = 0; i < art->n_tokens; i++) {
        if (art->tokens[i].kind == SC_TOK_NUMBER)
            numbers[n_numbers++] = art->tokens[i].value;
        else if (h < n_hy && hy[h].token == i)
            n_numbers += hyphen_numbers(lang, &art->tokens[i], numbers + n_numbers, hy[h++].parts);
    }
    al->article_numbers = numbers;
    al->n_article_numbers = n_numbers;

    scratch sc;
    sc.score = sc_arena_calloc(temp, art->n_sentences ? art->n_sentences : 1, sizeof *sc.score);
    sc.touched =
        sc_arena_alloc(temp, (art->n_sentences ? art->n_sentences : 1) * sizeof *sc.touched);
    sc.slot = sc_arena_alloc(temp, n * sizeof *sc.slot);
    sc.temp = temp;
    sc.pairs = (pair_set){sc_arena_calloc(temp, SPAN_PAIR_SLOTS, sizeof *sc.pairs.key),
                          SPAN_PAIR_SLOTS - 1,
                          sc_arena_alloc(temp, SPAN_PAIR_SLOTS / 2 * sizeof *sc.pairs.at), 0};
    al->sentences =
        sc_arena_calloc(arena, sum->n_sentences ? sum->n_sentences : 1, sizeof *al->sentences);
    if (sc.score == NULL || sc.touched == NULL || sc.slot == NULL || sc.pairs.key == NULL ||
        sc.pairs.at == NULL || al->sentences == NULL)
        return SC_ERR_NOMEM;
    for (size_t s = 0; s < n; s++)
        sc.slot[s] = -1;
    al->n_sentences = sum->n_sentences;
    for (size_t si = 0; si < sum->n_sentences; si++) {
        sc_status st = align_sentence(arena, sum, art, &ix, al, &sc, si, &al->sentences[si]);
        if (st != SC_OK)
            return st;
    }
    return SC_OK;
}
