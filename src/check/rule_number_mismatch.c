/* number-mismatch: a number in the summary that the article does not state.
 * Values are compared, not spellings: "1.300" in Indonesian equals "1,300"
 * in English.  The evidence lists the numbers of the aligned span, which is
 * where a reader looks for the one the summary changed. */
#include "check.h"
#include "align/align.h"

enum { MAX_SOURCE_NUMBERS = 16 };

static sc_status run(const sc_rule *rule, sc_result *r)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    const sc_alignment *al = &r->alignment;
    for (size_t e = 0; e < sum->n_entities; e++) {
        const sc_entity *ent = &sum->entities[e];
        if (!ent->is_number)
            continue;
        const sc_token *t = &sum->tokens[ent->tok_begin];
        if (sc_align_article_has_number(al, t->value))
            continue;
        const sc_sentence_alignment *sa = &al->sentences[ent->sentence];
        double nums[MAX_SOURCE_NUMBERS];
        size_t n_nums = 0;
        for (size_t a = 0; a < sa->n_aligned; a++) {
            const sc_sentence *s = &art->sentences[sa->aligned[a]];
            for (size_t k = s->tok_begin; k < s->tok_end && n_nums < MAX_SOURCE_NUMBERS; k++)
                if (art->tokens[k].kind == SC_TOK_NUMBER)
                    nums[n_nums++] = art->tokens[k].value;
        }
        int len = (int)(t->end - t->start);
        const char *message =
            n_nums > 0
                ? sc_arena_printf(r->arena,
                                  "the number \"%.*s\" is not in the article; the aligned source "
                                  "says %g",
                                  len, sum->text->data + t->start, nums[0])
                : sc_arena_printf(r->arena, "the number \"%.*s\" is not in the article", len,
                                  sum->text->data + t->start);
        sc_finding *f = message ? sc_finding_add(r, rule, message) : NULL;
        if (f == NULL)
            return SC_ERR_NOMEM;
        f->summary_span = sc_span_in(sum->text, t->start, t->end);
        if (sa->n_aligned > 0) {
            const sc_sentence *best = &art->sentences[sa->aligned[0]];
            f->source_span = sc_span_in(art->text, best->start, best->end);
        }
        if (sc_evidence_string(r, f, "number", sum->text->data + t->start, t->end - t->start) ||
            sc_evidence_number(r, f, "value", t->value) ||
            sc_evidence_numbers(r, f, "source_numbers", nums, n_nums))
            return SC_ERR_NOMEM;
    }
    return SC_OK;
}

const sc_rule sc_rule_number_mismatch = {
    .id = "number-mismatch",
    .severity = SC_SEVERITY_ERROR,
    .summary = "a number in the summary differs from the aligned source",
    .run = run,
};
