/* Relations the article does not state: two content words of one summary
 * sentence, near each other and each somewhere in the article, that no
 * article sentence holds together with its neighbours.
 *
 * A name, number or role moved to the wrong place gives such pairs
 * ("Bristol Rovers signed him from Brentford" when the article names
 * Brentford only in another story; "scored 100 goals" when the article's
 * 100 counts something else); a copied or paraphrased clause does not.
 * This is a co-occurrence approximation of the entity and relation errors of
 * FRANK's typology (Pagnoni et al. 2021, "Understanding Factuality in
 * Abstractive Summarization with FRANK"), where a model combines facts the
 * article keeps apart.  Cost: one counting sort of the article's content
 * words, then for each pair a merge of two sorted sentence lists. */
#include "relation.h"

#include <string.h>

/* Content words at most RELATION_WINDOW content words apart form a pair; an
 * article sentence "holds" both when they are in it or in sentences at most
 * RELATION_SLACK apart (a name in one sentence, "he" and the deed in the
 * next). */
enum { RELATION_WINDOW = 4, RELATION_SLACK = 1 };

/* True when the sorted sentence lists a and b have entries at most
 * RELATION_SLACK apart. */
static bool lists_meet(const uint32_t *a, const uint32_t *a_end, const uint32_t *b,
                       const uint32_t *b_end)
{
    while (a < a_end && b < b_end) {
        uint32_t x = *a, y = *b;
        if ((x > y ? x - y : y - x) <= RELATION_SLACK)
            return true;
        if (x < y)
            a++;
        else
            b++;
    }
    return false;
}

static bool in_article(const sc_alignment *al, const sc_token *t)
{
    return t->stem != 0 && t->stem <= al->n_stems && al->article_has_stem[t->stem];
}

/* The article's content words as sentence lists per stem: the sentences
 * of stem s are sentence[offset[s] .. offset[s + 1]), in text order, one
 * entry per word.  Stems are dense ids, so a counting sort builds it in
 * two passes: a comparison sort was a tenth of the alignment's time and
 * its buffer a copy of the lists. */
typedef struct stem_sentences {
    size_t *offset;
    uint32_t *sentence;
    uint32_t n_stems;
} stem_sentences;

static sc_status build_stem_sentences(sc_arena *temp, const sc_analysis *art, uint32_t n_stems,
                                      stem_sentences *ss)
{
    ss->n_stems = n_stems;
    ss->offset = sc_arena_calloc(temp, (size_t)n_stems + 2, sizeof *ss->offset);
    if (ss->offset == NULL)
        return SC_ERR_NOMEM;
    for (size_t si = 0; si < art->n_sentences; si++)
        for (size_t k = art->sentences[si].tok_begin; k < art->sentences[si].tok_end; k++) {
            const sc_token *t = &art->tokens[k];
            if (sc_token_is_content(t) && t->stem != 0 && t->stem <= n_stems)
                ss->offset[t->stem + 1]++;
        }
    for (size_t s = 1; s <= (size_t)n_stems + 1; s++)
        ss->offset[s] += ss->offset[s - 1];
    size_t n = ss->offset[(size_t)n_stems + 1];
    ss->sentence = sc_arena_alloc(temp, (n > 0 ? n : 1) * sizeof *ss->sentence);
    size_t *fill = sc_arena_alloc(temp, ((size_t)n_stems + 1) * sizeof *fill);
    if (ss->sentence == NULL || fill == NULL)
        return SC_ERR_NOMEM;
    memcpy(fill, ss->offset, ((size_t)n_stems + 1) * sizeof *fill);
    for (size_t si = 0; si < art->n_sentences; si++)
        for (size_t k = art->sentences[si].tok_begin; k < art->sentences[si].tok_end; k++) {
            const sc_token *t = &art->tokens[k];
            if (sc_token_is_content(t) && t->stem != 0 && t->stem <= n_stems)
                ss->sentence[fill[t->stem]++] = (uint32_t)si;
        }
    return SC_OK;
}

static sc_status relations(sc_result *r, sc_arena *temp)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    sc_alignment *al = &r->alignment;
    stem_sentences ss;
    sc_status st = build_stem_sentences(temp, art, al->n_stems, &ss);
    if (st != SC_OK)
        return st;

    for (size_t si = 0; si < sum->n_sentences && si < al->n_sentences; si++) {
        const sc_sentence *s = &sum->sentences[si];
        sc_sentence_alignment *sa = &al->sentences[si];
        sa->n_pairs = sa->n_apart = 0;
        /* Each word pairs with at most RELATION_WINDOW earlier ones. */
        size_t cap = 0;
        for (size_t k = s->tok_begin; k < s->tok_end; k++)
            cap += sc_token_is_content(&sum->tokens[k]) ? RELATION_WINDOW : 0;
        sa->apart = cap > 0 ? sc_arena_alloc(r->arena, cap * sizeof *sa->apart) : NULL;
        if (cap > 0 && sa->apart == NULL)
            return SC_ERR_NOMEM;
        size_t recent[RELATION_WINDOW];
        size_t n_recent = 0;
        for (size_t k = s->tok_begin; k < s->tok_end; k++) {
            const sc_token *t = &sum->tokens[k];
            if (!sc_token_is_content(t))
                continue;
            /* in_article holds only for stems of the article, so within
             * the lists' range. */
            bool t_in = in_article(al, t);
            for (size_t j = 0; j < n_recent && t_in; j++) {
                const sc_token *u = &sum->tokens[recent[j]];
                if (u->stem == t->stem || !in_article(al, u))
                    continue;
                sa->n_pairs++;
                if (!lists_meet(
                        ss.sentence + ss.offset[t->stem], ss.sentence + ss.offset[t->stem + 1],
                        ss.sentence + ss.offset[u->stem], ss.sentence + ss.offset[u->stem + 1]))
                    sa->apart[sa->n_apart++] = (sc_token_pair){recent[j], k};
            }
            if (n_recent == RELATION_WINDOW) {
                memmove(recent, recent + 1, (RELATION_WINDOW - 1) * sizeof recent[0]);
                n_recent--;
            }
            recent[n_recent++] = k;
        }
    }
    return SC_OK;
}

sc_status sc_align_relations(sc_result *r)
{
    /* The lists are needed only here: an arena of their own, freed on
     * return, keeps them out of the document's peak memory. */
    sc_arena *temp = sc_arena_new();
    if (temp == NULL)
        return SC_ERR_NOMEM;
    sc_status st = relations(r, temp);
    sc_arena_free(temp);
    return st;
}
