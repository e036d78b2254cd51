/* unsupported-claim: a summary sentence whose best article span does not
 * support its content.  The message names the words the span lacks. */
#include <string.h>

#include "check.h"
#include "thresholds.h"

enum { MAX_LISTED_WORDS = 12 };

static sc_status run(const sc_rule *rule, sc_result *r)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    for (size_t si = 0; si < r->alignment.n_sentences; si++) {
        const sc_sentence_alignment *al = &r->alignment.sentences[si];
        if (al->support >= SC_CLAIM_MIN_SUPPORT)
            continue;
        const sc_sentence *sent = &sum->sentences[si];
        const char *words[MAX_LISTED_WORDS];
        size_t n_words = 0;
        for (size_t k = sent->tok_begin; k < sent->tok_end && n_words < MAX_LISTED_WORDS; k++) {
            if (al->token_supported[k - sent->tok_begin])
                continue;
            const sc_token *t = &sum->tokens[k];
            const char *w = sc_arena_strndup(r->arena, sum->text->data + t->start, t->end - t->start);
            if (w == NULL)
                return SC_ERR_NOMEM;
            bool dup = false;
            for (size_t j = 0; j < n_words && !dup; j++)
                dup = strcmp(words[j], w) == 0;
            if (!dup)
                words[n_words++] = w;
        }
        char *list = sc_arena_alloc(r->arena, 16);
        if (list == NULL)
            return SC_ERR_NOMEM;
        list[0] = '\0';
        for (size_t j = 0; j < n_words; j++) {
            list = sc_arena_printf(r->arena, "%s%s\"%s\"", list, j ? ", " : "", words[j]);
            if (list == NULL)
                return SC_ERR_NOMEM;
        }
        const char *message =
            n_words > 0
                ? sc_arena_printf(r->arena,
                                  "no article span supports this sentence (support %.2f); "
                                  "not in the article: %s",
                                  al->support, list)
                : sc_arena_printf(r->arena,
                                  "no article span supports this sentence (support %.2f): its "
                                  "words are there but not together",
                                  al->support);
        if (message == NULL)
            return SC_ERR_NOMEM;
        sc_finding *f = sc_finding_add(r, rule, message);
        if (f == NULL)
            return SC_ERR_NOMEM;
        f->summary_span = sc_span_in(sum->text, sent->start, sent->end);
        if (al->n_aligned > 0) {
            const sc_sentence *best = &art->sentences[al->aligned[0]];
            f->source_span = sc_span_in(art->text, best->start, best->end);
        }
        const char *aligned[SC_ALIGN_MAX_SPAN];
        for (size_t a = 0; a < al->n_aligned; a++)
            if ((aligned[a] = sc_sentence_text(r->arena, art, al->aligned[a])) == NULL)
                return SC_ERR_NOMEM;
        if (sc_evidence_number(r, f, "support", al->support) ||
            sc_evidence_number(r, f, "coverage", al->coverage) ||
            sc_evidence_number(r, f, "bigram", al->bigram) ||
            sc_evidence_number(r, f, "entity_agreement", al->entity_agreement) ||
            sc_evidence_number(r, f, "threshold", SC_CLAIM_MIN_SUPPORT) ||
            sc_evidence_strings(r, f, "unsupported_words", words, n_words) ||
            sc_evidence_strings(r, f, "aligned_sentences", aligned, al->n_aligned))
            return SC_ERR_NOMEM;
    }
    return SC_OK;
}

const sc_rule sc_rule_unsupported_claim = {
    .id = "unsupported-claim",
    .severity = SC_SEVERITY_ERROR,
    .summary = "a summary sentence has no article span that supports its content",
    .run = run,
};
