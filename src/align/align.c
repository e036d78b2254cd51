/* Alignment by IDF-weighted overlap.
 *
 * Every statistic comes from the document itself (DESIGN.md, determinism):
 * a stem's IDF is computed over the article's sentences.  Candidates come
 * from an inverted index (stem -> article sentences), so the work per
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
#include "core/limits.h"
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

/* IDF over the article's sentences; a stem the article lacks gets the
 * largest weight, as it is the most informative when missing.  Computed
 * for the summary's stems only, when asked: a log per stem of the document
 * was most of the index's cost. */
static double idf(const sc_stem_sentences *ix, uint32_t s)
{
    double N = (double)ix->n_sentences;
    double df = (double)(ix->offset[s + 1] - ix->offset[s]);
    return log((N + 1.0) / (df + 0.5));
}

/* The article's numbers, gathered in the scratch arena (article_numbers). */
typedef struct number_list {
    const sc_lang *lang;
    double *value;
    size_t n, cap;
} number_list;

/* Out of build_index's loop, which calls it for a few tokens only: inlined,
 * it cost the loop the registers its pointers stay in. */
#if defined(__GNUC__)
#define OUT_OF_LINE __attribute__((noinline))
#else
#define OUT_OF_LINE
#endif

static OUT_OF_LINE sc_status token_numbers(sc_arena *temp, number_list *list, const sc_token *t);

/* The article sentences of the summary's content stems (sc_stem_sentences;
 * every other stem has none), in one pass over the article: each new
 * (stem, sentence) is noted as it is met, in sentence order, then placed
 * by a counting sort.  has_stem gets every stem of the article, and
 * numbers the numbers its tokens state, in text order (the sentences
 * partition the tokens): one walk over the article's tokens, not two. */
static sc_status build_index(sc_arena *arena, const sc_analysis *sum, const sc_analysis *art,
                             uint32_t n_stems, sc_stem_sentences *ix, bool *has_stem,
                             number_list *numbers)
{
    typedef struct hit {
        uint32_t stem, sentence;
    } hit;
    size_t n = (size_t)n_stems + 1;
    uint32_t *count = sc_arena_calloc(arena, n + 1, sizeof *count);
    uint32_t *last = sc_arena_alloc(arena, n * sizeof *last);
    bool *wanted = sc_arena_calloc(arena, n, sizeof *wanted);
    /* At most one hit per token; only those met are written. */
    hit *hits = sc_arena_alloc(arena, (art->n_tokens ? art->n_tokens : 1) * sizeof *hits);
    if (count == NULL || last == NULL || wanted == NULL || hits == NULL)
        return SC_ERR_NOMEM;
    for (size_t s = 0; s < n; s++)
        last[s] = UINT32_MAX;
    for (size_t k = 0; k < sum->n_tokens; k++)
        if (sc_token_is_content(&sum->tokens[k]) && sum->tokens[k].stem < n)
            wanted[sum->tokens[k].stem] = true;
    /* Read once, and each token's stem and kind before has_stem is
     * written: a store of a bool could change any of them, as far as the
     * compiler knows. */
    const sc_token *tokens = art->tokens;
    const uint32_t *form_ids = art->form_ids;
    const uint64_t *word_hashes = art->word_hashes;
    size_t total = 0;
    for (size_t si = 0; si < art->n_sentences; si++) {
        size_t end = art->sentences[si].tok_end;
        for (size_t k = art->sentences[si].tok_begin; k < end; k++) {
            const sc_token *t = &tokens[k];
            uint32_t stem = t->stem;
            uint8_t kind = t->kind;
            if (stem != 0)
                has_stem[stem] = true;
            /* A word of word hash 0 is not one run of letters: it may be
             * hyphenated. */
            if ((kind == SC_TOK_NUMBER || (kind == SC_TOK_WORD && word_hashes[form_ids[k]] == 0)) &&
                token_numbers(arena, numbers, t) != SC_OK)
                return SC_ERR_NOMEM;
            if (!wanted[stem] || !sc_token_is_content(t) || last[stem] == si)
                continue;
            last[stem] = (uint32_t)si;
            count[stem + 1]++;
            hits[total++] = (hit){stem, (uint32_t)si};
        }
    }
    for (size_t s = 1; s <= n; s++)
        count[s] += count[s - 1];
    uint32_t *sentence = sc_arena_alloc(arena, (total ? total : 1) * sizeof *sentence);
    uint32_t *fill = last; /* last is done with: reused for the fill points */
    if (sentence == NULL)
        return SC_ERR_NOMEM;
    memcpy(fill, count, n * sizeof *fill);
    for (size_t h = 0; h < total; h++)
        sentence[fill[hits[h].stem]++] = hits[h].sentence;
    *ix = (sc_stem_sentences){count, sentence, art->n_sentences};
    return SC_OK;
}

/* The bigrams of a summary sentence (adjacent non-punctuation tokens, at
 * least one of them content) as a set of stem pairs, each with its count
 * in the sentence and whether the span's sentences have it adjacent (the
 * first token after a stem of 0).  The span's tokens are then look-ups in
 * a set of a sentence's size: a set of the span's pairs grew with the
 * article's sentences, and clearing the grown set was 1% of a JSON Lines
 * run.  Open addressing; key 0 marks an empty slot. */
typedef struct bigram_slot {
    uint64_t key;
    uint32_t times; /* in the summary sentence */
    bool found;     /* adjacent in the span */
} bigram_slot;

typedef struct bigram_set {
    bigram_slot *slot;
    size_t mask;  /* slots - 1: at least twice a summary sentence's tokens */
    uint32_t *at; /* the slots in use, to empty them for the next sentence */
    size_t n_at;
} bigram_set;

/* Scratch space reused across summary sentences. */
typedef struct scratch {
    double *score;   /* per article sentence */
    size_t *touched; /* article sentences with a score */
    size_t n_touched;
    int32_t *slot;      /* per stem: its index in the sentence's distinct stems, or -1 */
    bigram_set bigrams; /* empty between sentences */
} scratch;

/* The key of the stem pair (a, b); stem ids are below UINT32_MAX, so it
 * is never 0. */
static uint64_t pair_key(uint32_t a, uint32_t b)
{
    return ((uint64_t)a << 32 | b) + 1;
}

/* The slot of key in set: where it is, or the empty one it would take. */
static size_t pair_slot(const bigram_set *set, uint64_t key)
{
    size_t i = (size_t)((key * 0x9E3779B97F4A7C15u) >> 32) & set->mask;
    while (set->slot[i].key != 0 && set->slot[i].key != key)
        i = (i + 1) & set->mask;
    return i;
}

static void bigram_add(bigram_set *set, uint32_t a, uint32_t b)
{
    uint64_t key = pair_key(a, b);
    bigram_slot *s = &set->slot[pair_slot(set, key)];
    if (s->key == 0) {
        s->key = key;
        set->at[set->n_at++] = (uint32_t)(s - set->slot);
    }
    s->times++;
}

/* Every bigram of a summary sentence has a content word, and every
 * content stem of the sentence has a slot in align_sentence (it has room
 * for 512, more than a sentence's tokens): an article pair of two stems
 * without one is not looked up, and most of an article sentence's words
 * are not the summary sentence's. */
_Static_assert(SC_MAX_SENTENCE_TOKENS <= 512,
               "a summary sentence's content stems outgrow align_sentence's 512");

/* Marks the bigrams of set that the span's sentences have adjacent; slot:
 * per stem, >= 0 for the summary sentence's content stems. */
static void bigrams_in_span(bigram_set *set, const sc_analysis *art, const size_t *aligned,
                            size_t n_aligned, const int32_t *slot)
{
    for (size_t a = 0; a < n_aligned && set->n_at > 0; a++) {
        const sc_sentence *sent = &art->sentences[aligned[a]];
        uint32_t prev = 0;
        bool prev_slotted = slot[prev] >= 0;
        for (size_t k = sent->tok_begin; k < sent->tok_end; k++) {
            const sc_token *t = &art->tokens[k];
            if (t->kind == SC_TOK_PUNCT)
                continue;
            bool slotted = slot[t->stem] >= 0;
            if (prev_slotted || slotted) {
                uint64_t key = pair_key(prev, t->stem);
                bigram_slot *s = &set->slot[pair_slot(set, key)];
                if (s->key == key)
                    s->found = true;
            }
            prev = t->stem;
            prev_slotted = slotted;
        }
    }
}

/* The share of the summary sentence's bigrams (tokens [begin, end)) that
 * the span has adjacent; when it has no bigrams, otherwise. */
static double bigram_share(bigram_set *set, const sc_analysis *sum, size_t begin, size_t end,
                           const sc_analysis *art, const sc_sentence_alignment *out,
                           const int32_t *slot, double otherwise)
{
    const sc_token *prev = NULL;
    for (size_t k = begin; k < end; k++) {
        const sc_token *t = &sum->tokens[k];
        if (t->kind == SC_TOK_PUNCT)
            continue;
        if (prev != NULL && (sc_token_is_content(prev) || sc_token_is_content(t)))
            bigram_add(set, prev->stem, t->stem);
        prev = t;
    }
    bigrams_in_span(set, art, out->aligned, out->n_aligned, slot);
    size_t bigrams = 0, found = 0;
    for (size_t j = 0; j < set->n_at; j++) {
        bigram_slot *s = &set->slot[set->at[j]];
        bigrams += s->times;
        found += s->found ? s->times : 0;
        *s = (bigram_slot){0, 0, false};
    }
    set->n_at = 0;
    return bigrams > 0 ? (double)found / (double)bigrams : otherwise;
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
                                const sc_stem_sentences *ix, const sc_alignment *al, scratch *sc,
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
        for (size_t p = ix->offset[s]; p < ix->offset[s + 1]; p++) {
            size_t a = ix->sentence[p];
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
    out->bigram = bigram_share(&sc->bigrams, sum, sent->tok_begin, sent->tok_end, art, out,
                               sc->slot, out->coverage);

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

static sc_status align(sc_result *r, sc_arena *temp, sc_stem_sentences *ix);

sc_status sc_align(sc_result *r)
{
    /* The stem index, the per-word counts and the per-sentence scores are
     * needed only while aligning and finding the relations: an arena of
     * their own, freed then, keeps them out of the document's peak memory. */
    sc_arena *temp = sc_arena_new();
    if (temp == NULL)
        return SC_ERR_NOMEM;
    sc_stem_sentences ix;
    sc_status st = align(r, temp, &ix);
    if (st == SC_OK)
        st = sc_align_relations(r, &ix);
    sc_arena_free(temp);
    return st;
}

/* The article's numbers: each amount (scale applied), then each numeral
 * as written, so "1,3 juta" matches both 1300000 and 1.3, and the numbers
 * in hyphenated words.  Gathered in temp (the amounts here, the rest by
 * token_numbers in build_index's pass over the article), then kept at
 * their count in arena (keep_numbers). */
static sc_status article_numbers(sc_result *r, sc_arena *temp, number_list *list)
{
    const sc_analysis *art = &r->article;
    *list = (number_list){sc_lang_find(r->language), NULL, 0, art->n_entities + 16};
    if ((list->value = sc_arena_alloc(temp, list->cap * sizeof *list->value)) == NULL)
        return SC_ERR_NOMEM;
    for (size_t e = 0; e < art->n_entities; e++)
        if (art->entities[e].is_number)
            list->value[list->n++] = art->entities[e].value;
    return SC_OK;
}

/* Appends the numbers of the numeral or word t: its value, or those of its
 * hyphenated parts. */
static OUT_OF_LINE sc_status token_numbers(sc_arena *temp, number_list *list, const sc_token *t)
{
    size_t parts = t->kind == SC_TOK_NUMBER ? 1 : hyphen_parts(t);
    if (parts == 0)
        return SC_OK;
    if (list->cap - list->n < parts) {
        size_t n = list->n, cap = 2 * list->cap > n + parts ? 2 * list->cap : n + parts;
        if ((list->value = sc_arena_grow(temp, list->value, n, cap, sizeof *list->value)) == NULL)
            return SC_ERR_NOMEM;
        list->cap = cap;
    }
    if (t->kind == SC_TOK_NUMBER)
        list->value[list->n++] = t->value;
    else
        list->n += hyphen_numbers(list->lang, t, list->value + list->n, parts);
    return SC_OK;
}

static sc_status keep_numbers(sc_result *r, const number_list *list)
{
    double *kept = sc_arena_alloc(r->arena, (list->n ? list->n : 1) * sizeof *kept);
    if (kept == NULL)
        return SC_ERR_NOMEM;
    if (list->n > 0)
        memcpy(kept, list->value, list->n * sizeof *kept);
    r->alignment.article_numbers = kept;
    r->alignment.n_article_numbers = list->n;
    return SC_OK;
}

static sc_status align(sc_result *r, sc_arena *temp, sc_stem_sentences *ix)
{
    sc_arena *arena = r->arena;
    const sc_analysis *sum = &r->summary, *art = &r->article;
    sc_alignment *al = &r->alignment;
    uint32_t n_stems = sc_intern_count(r->stems);
    size_t n = (size_t)n_stems + 1;
    bool *has_stem = sc_arena_calloc(arena, n, sizeof *has_stem);
    number_list numbers;
    if (has_stem == NULL || article_numbers(r, temp, &numbers) != SC_OK ||
        build_index(temp, sum, art, n_stems, ix, has_stem, &numbers) != SC_OK ||
        keep_numbers(r, &numbers) != SC_OK)
        return SC_ERR_NOMEM;
    al->article_has_stem = has_stem;
    al->n_stems = n_stems;

    /* A sentence has fewer bigrams than tokens: a set of twice the longest
     * sentence's tokens is never more than half full. */
    size_t longest = 0;
    for (size_t si = 0; si < sum->n_sentences; si++)
        if (sum->sentences[si].tok_end - sum->sentences[si].tok_begin > longest)
            longest = sum->sentences[si].tok_end - sum->sentences[si].tok_begin;
    size_t slots = 16;
    while (slots < 2 * longest)
        slots *= 2;
    scratch sc;
    sc.score = sc_arena_calloc(temp, art->n_sentences ? art->n_sentences : 1, sizeof *sc.score);
    sc.touched =
        sc_arena_alloc(temp, (art->n_sentences ? art->n_sentences : 1) * sizeof *sc.touched);
    sc.slot = sc_arena_alloc(temp, n * sizeof *sc.slot);
    sc.bigrams = (bigram_set){sc_arena_calloc(temp, slots, sizeof *sc.bigrams.slot), slots - 1,
                              sc_arena_alloc(temp, slots / 2 * sizeof *sc.bigrams.at), 0};
    al->sentences =
        sc_arena_calloc(arena, sum->n_sentences ? sum->n_sentences : 1, sizeof *al->sentences);
    if (sc.score == NULL || sc.touched == NULL || sc.slot == NULL || sc.bigrams.slot == NULL ||
        sc.bigrams.at == NULL || al->sentences == NULL)
        return SC_ERR_NOMEM;
    for (size_t s = 0; s < n; s++)
        sc.slot[s] = -1;
    al->n_sentences = sum->n_sentences;
    for (size_t si = 0; si < sum->n_sentences; si++) {
        sc_status st = align_sentence(arena, sum, art, ix, al, &sc, si, &al->sentences[si]);
        if (st != SC_OK)
            return st;
    }
    return SC_OK;
}
