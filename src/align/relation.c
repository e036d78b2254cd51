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
 * article keeps apart.  Cost: one sort of the article's content words, then
 * for each pair a merge of two sorted sentence lists. */
#include "relation.h"

#include <stdlib.h>
#include <string.h>

/* Content words at most RELATION_WINDOW content words apart form a pair; an
 * article sentence "holds" both when they are in it or in sentences at most
 * RELATION_SLACK apart (a name in one sentence, "he" and the deed in the
 * next). */
enum { RELATION_WINDOW = 4, RELATION_SLACK = 1 };

typedef struct posting {
    uint32_t stem;
    uint32_t sentence;
} posting;

static int posting_cmp(const void *a, const void *b)
{
    const posting *x = a, *y = b;
    if (x->stem != y->stem)
        return x->stem < y->stem ? -1 : 1;
    return (x->sentence > y->sentence) - (x->sentence < y->sentence);
}

/* The postings of stem in p[0..n) (sorted): [*begin, *end). */
static void posting_range(const posting *p, size_t n, uint32_t stem, size_t *begin, size_t *end)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p[mid].stem < stem)
            lo = mid + 1;
        else
            hi = mid;
    }
    *begin = lo;
    while (lo < n && p[lo].stem == stem)
        lo++;
    *end = lo;
}

/* True when the sorted sentence lists a and b have entries at most
 * RELATION_SLACK apart. */
static bool lists_meet(const posting *a, const posting *a_end, const posting *b,
                       const posting *b_end)
{
    while (a < a_end && b < b_end) {
        uint32_t x = a->sentence, y = b->sentence;
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

sc_status sc_align_relations(sc_result *r)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    sc_alignment *al = &r->alignment;
    size_t n = 0;
    for (size_t k = 0; k < art->n_tokens; k++)
        n += sc_token_is_content(&art->tokens[k]) && art->tokens[k].stem != 0;
    posting *p = sc_arena_alloc(r->arena, (n > 0 ? n : 1) * sizeof *p);
    if (p == NULL)
        return SC_ERR_NOMEM;
    size_t m = 0;
    for (size_t si = 0; si < art->n_sentences; si++)
        for (size_t k = art->sentences[si].tok_begin; k < art->sentences[si].tok_end; k++) {
            const sc_token *t = &art->tokens[k];
            if (sc_token_is_content(t) && t->stem != 0)
                p[m++] = (posting){t->stem, (uint32_t)si};
        }
    if (m > 1)
        qsort(p, m, sizeof *p, posting_cmp);

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
            size_t tb = 0, te = 0;
            bool t_in = in_article(al, t);
            if (t_in)
                posting_range(p, m, t->stem, &tb, &te);
            for (size_t j = 0; j < n_recent && t_in; j++) {
                const sc_token *u = &sum->tokens[recent[j]];
                if (u->stem == t->stem || !in_article(al, u))
                    continue;
                size_t ub, ue;
                posting_range(p, m, u->stem, &ub, &ue);
                sa->n_pairs++;
                if (!lists_meet(p + tb, p + te, p + ub, p + ue))
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
