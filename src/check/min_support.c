/* --min-support: a stricter bar than the built-in SC_CLAIM_MIN_SUPPORT,
 * for publishers that want every summary sentence close to its article.
 * A sentence between the two bars gets an unsupported-claim finding of its
 * own, with the same evidence keys the rule gives (threshold is then the
 * stricter bar), so reports, suppressions and baselines treat it as any
 * other finding of the rule.
 *
 * It is a pass of its own, run right after the rule, rather than a
 * threshold inside it: the consistency score counts the rule's findings
 * (sc_run_rules' counts), and a user's bar must not change the score. */
#include <string.h>

#include "check.h"
#include "thresholds.h"

static sc_status add_finding(const sc_rule *rule, sc_result *r, size_t si, double min_support)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    const sc_sentence *sent = &sum->sentences[si];
    const sc_sentence_alignment *al = &r->alignment.sentences[si];
    const char *words[SC_MAX_LISTED_WORDS];
    size_t n_words;
    const char *list = sc_unsupported_words(r, al, sent->tok_begin, sent->tok_begin, sent->tok_end,
                                            words, &n_words);
    if (list == NULL)
        return SC_ERR_NOMEM;
    const char *message =
        n_words > 0 ? sc_arena_printf(
                          r->arena,
                          "this sentence's support %.2f is below the required "
                          "minimum %.2f (min_support); not in the aligned article sentences: %s",
                          al->support, min_support, list)
                    : sc_arena_printf(r->arena,
                                      "this sentence's support %.2f is below the required "
                                      "minimum %.2f (min_support): its words are there but "
                                      "not together",
                                      al->support, min_support);
    sc_finding *f = message != NULL ? sc_finding_add(r, rule, message) : NULL;
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
        sc_evidence_number(r, f, "threshold", min_support) ||
        sc_evidence_strings(r, f, "unsupported_words", words, n_words) ||
        sc_evidence_strings(r, f, "aligned_sentences", aligned, al->n_aligned))
        return SC_ERR_NOMEM;
    return SC_OK;
}

/* Whether a comes after b in text order: by start, the wider span first
 * (a sentence before the clauses in it); findings without a summary span
 * keep their place at the end. */
static bool after(const sc_finding *a, const sc_finding *b)
{
    if (!a->summary_span.present || !b->summary_span.present)
        return !a->summary_span.present && b->summary_span.present;
    if (a->summary_span.start != b->summary_span.start)
        return a->summary_span.start > b->summary_span.start;
    return a->summary_span.end < b->summary_span.end;
}

sc_status sc_check_min_support(const sc_rule *rule, sc_result *r, double min_support)
{
    if (!(min_support > SC_CLAIM_MIN_SUPPORT) || !r->page.has_summary)
        return SC_OK;
    /* The rule has just run: its findings are the last ones. */
    size_t first = r->n_findings;
    while (first > 0 && r->findings[first - 1].rule == rule->id)
        first--;
    size_t before = r->n_findings;
    for (size_t si = 0; si < r->alignment.n_sentences; si++) {
        double support = r->alignment.sentences[si].support;
        if (support >= SC_CLAIM_MIN_SUPPORT && support < min_support) {
            sc_status st = add_finding(rule, r, si, min_support);
            if (st != SC_OK)
                return st;
        }
    }
    if (r->n_findings == before)
        return SC_OK;
    /* A stable insertion sort: a handful of findings per summary. */
    for (size_t i = first + 1; i < r->n_findings; i++) {
        sc_finding moving = r->findings[i];
        size_t j = i;
        while (j > first && after(&r->findings[j - 1], &moving)) {
            r->findings[j] = r->findings[j - 1];
            j--;
        }
        r->findings[j] = moving;
    }
    return SC_OK;
}
