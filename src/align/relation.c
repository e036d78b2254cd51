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
 * article keeps apart.  Cost: for each pair a merge of two sorted sentence
 * lists, those the alignment made (sc_stem_sentences). */
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

/* The lists hold each sentence once, where a list per word held it once
 * per word: lists_meet's answer depends only on which sentences they
 * hold. */
sc_status sc_align_relations(sc_result *r, const sc_stem_sentences *ss)
{
    const sc_analysis *sum = &r->summary;
    sc_alignment *al = &r->alignment;
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
            /* t and u are content words of the summary: the lists have
             * their stems. */
            bool t_in = in_article(al, t);
            for (size_t j = 0; j < n_recent && t_in; j++) {
                const sc_token *u = &sum->tokens[recent[j]];
                if (u->stem == t->stem || !in_article(al, u))
                    continue;
                sa->n_pairs++;
                if (!lists_meet(
                        ss->sentence + ss->offset[t->stem], ss->sentence + ss->offset[t->stem + 1],
                        ss->sentence + ss->offset[u->stem], ss->sentence + ss->offset[u->stem + 1]))
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
