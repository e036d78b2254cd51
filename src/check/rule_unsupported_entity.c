/* unsupported-entity: a name in the summary that appears nowhere in the
 * article (by stem, so "Russia's" matches "Russia"). */
#include <string.h>

#include "check.h"

static sc_status run(const sc_rule *rule, sc_result *r)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    const sc_alignment *al = &r->alignment;
    for (size_t e = 0; e < sum->n_entities; e++) {
        const sc_entity *ent = &sum->entities[e];
        if (ent->is_number)
            continue;
        const char *missing[16];
        size_t n_missing = 0;
        for (size_t k = ent->tok_begin; k < ent->tok_end && n_missing < 16; k++) {
            const sc_token *t = &sum->tokens[k];
            if (t->flags & SC_TOKF_STOP)
                continue;
            if (t->stem <= al->n_stems && al->article_has_stem[t->stem])
                continue;
            missing[n_missing] =
                sc_arena_strndup(r->arena, sum->text->data + t->start, t->end - t->start);
            if (missing[n_missing] == NULL)
                return SC_ERR_NOMEM;
            n_missing++;
        }
        if (n_missing == 0)
            continue;
        size_t start = sum->tokens[ent->tok_begin].start, end = sum->tokens[ent->tok_end - 1].end;
        int len = (int)(end - start);
        const char *message =
            sc_arena_printf(r->arena, "the name \"%.*s\" appears nowhere in the article", len,
                            sum->text->data + start);
        sc_finding *f = message ? sc_finding_add(r, rule, message) : NULL;
        if (f == NULL)
            return SC_ERR_NOMEM;
        f->summary_span = sc_span_in(sum->text, start, end);
        const sc_sentence_alignment *sa = &al->sentences[ent->sentence];
        if (sa->n_aligned > 0) {
            const sc_sentence *best = &art->sentences[sa->aligned[0]];
            f->source_span = sc_span_in(art->text, best->start, best->end);
        }
        if (sc_evidence_string(r, f, "name", sum->text->data + start, end - start) ||
            sc_evidence_strings(r, f, "missing_words", missing, n_missing))
            return SC_ERR_NOMEM;
    }
    return SC_OK;
}

const sc_rule sc_rule_unsupported_entity = {
    .id = "unsupported-entity",
    .severity = SC_SEVERITY_ERROR,
    .summary = "a name in the summary appears nowhere in the article",
    .doc = "Checks that every name in the summary (a run of capitalised words that is not "
           "merely the first word of a sentence) appears in the article, word by word, by stem, "
           "so \"Russia's\" matches \"Russia\".\n"
           "\n"
           "Example: article about a meeting in Moscow; summary \"Joe Biden said the talks "
           "failed.\" when the article never names Joe Biden.\n"
           "\n"
           "How to fix: use the names the article uses, or remove the name.\n"
           "\n"
           "Evidence: name (as the summary writes it), missing_words (its words the article "
           "lacks).",
    .run = run,
};
