/* unsupported-relation: the summary puts a name or number with a word the
 * article never states it with.  Both are in the article, but in places
 * no article sentence (with its neighbours) joins: "Bristol Rovers signed
 * him from Brentford" when Brentford is in another story of the article,
 * "scored 100 goals" when the article's 100 counts matches.  The pairs come
 * from src/align/relation.c; this rule reports those with a name or a
 * number, one finding per summary sentence. */
#include "check.h"

/* Pairs listed in the evidence of one finding. */
enum { MAX_LISTED_PAIRS = 8 };

/* A name or number the rule reports on: a capitalised name's word or a
 * number, not part of a date (the date rules judge those). */
static bool is_anchor(const sc_analysis *a, const sc_token *t)
{
    if (t->flags & SC_TOKF_DATE)
        return false;
    if (t->kind == SC_TOK_NUMBER || (t->flags & SC_TOKF_NUMWORD))
        return true;
    return t->entity != 0 && !a->entities[t->entity - 1].is_number;
}

static bool is_number(const sc_token *t)
{
    return t->kind == SC_TOK_NUMBER || (t->flags & SC_TOKF_NUMWORD);
}

/* A pair the rule judges: two names or numbers (who with whom, which
 * amount with which name), or a number and the word right after it (what
 * it counts: "100 goals").  Other pairs feed the consistency score only:
 * a summary joins ordinary words from far-apart paragraphs too often for
 * a finding to be useful. */
static bool related(const sc_analysis *a, size_t first, size_t second)
{
    const sc_token *x = &a->tokens[first], *y = &a->tokens[second];
    if (is_anchor(a, x) && is_anchor(a, y))
        return true;
    if (!is_number(x))
        return false;
    for (size_t k = first + 1; k < second; k++)
        if (a->tokens[k].kind != SC_TOK_PUNCT && a->tokens[k].entity != x->entity)
            return false;
    return true;
}

/* The text of token k as the reader sees it: its whole name or amount
 * when it is part of one.  [*start, *end) in the summary's text. */
static void anchor_extent(const sc_analysis *a, size_t k, size_t *start, size_t *end)
{
    const sc_token *t = &a->tokens[k];
    if (t->entity != 0) {
        const sc_entity *e = &a->entities[t->entity - 1];
        *start = a->tokens[e->tok_begin].start;
        *end = a->tokens[e->tok_end - 1].end;
    } else {
        *start = t->start;
        *end = t->end;
    }
}

static const char *token_text(sc_result *r, size_t k)
{
    const sc_analysis *sum = &r->summary;
    size_t start, end;
    anchor_extent(sum, k, &start, &end);
    return sc_arena_strndup(r->arena, sum->text->data + start, end - start);
}

static sc_status run(const sc_rule *rule, sc_result *r)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    const sc_alignment *al = &r->alignment;
    for (size_t si = 0; si < al->n_sentences; si++) {
        const sc_sentence_alignment *sa = &al->sentences[si];
        const char *pairs[MAX_LISTED_PAIRS];
        size_t n_listed = 0, first = 0, second = 0;
        for (size_t i = 0; i < sa->n_apart && n_listed < MAX_LISTED_PAIRS; i++) {
            size_t a = sa->apart[i].first, b = sa->apart[i].second;
            const sc_token *ta = &sum->tokens[a], *tb = &sum->tokens[b];
            if (!related(sum, a, b))
                continue;
            /* Two words of one name or amount are not a relation. */
            if (ta->entity != 0 && ta->entity == tb->entity)
                continue;
            if ((ta->flags | tb->flags) & SC_TOKF_DATE)
                continue;
            const char *x = token_text(r, a), *y = token_text(r, b);
            if (x == NULL || y == NULL)
                return SC_ERR_NOMEM;
            if (n_listed == 0) {
                first = a;
                second = b;
            }
            pairs[n_listed] = sc_arena_printf(r->arena, "%s / %s", x, y);
            if (pairs[n_listed] == NULL)
                return SC_ERR_NOMEM;
            n_listed++;
        }
        if (n_listed == 0)
            continue;
        size_t start, end, s2, e2;
        anchor_extent(sum, first, &start, &s2);
        anchor_extent(sum, second, &e2, &end);
        const char *x = token_text(r, first), *y = token_text(r, second);
        const char *message =
            x != NULL && y != NULL
                ? sc_arena_printf(r->arena,
                                  "the article has \"%s\" and \"%s\", but never together: no "
                                  "sentence of it (with its neighbours) joins them as this "
                                  "summary sentence does",
                                  x, y)
                : NULL;
        sc_finding *f = message ? sc_finding_add(r, rule, message) : NULL;
        if (f == NULL)
            return SC_ERR_NOMEM;
        f->summary_span = sc_span_in(sum->text, start, end > start ? end : s2);
        if (sa->n_aligned > 0) {
            const sc_sentence *best = &art->sentences[sa->aligned[0]];
            f->source_span = sc_span_in(art->text, best->start, best->end);
        }
        if (sc_evidence_strings(r, f, "pairs", pairs, n_listed) ||
            sc_evidence_integer(r, f, "word_pairs", (long long)sa->n_pairs) ||
            sc_evidence_integer(r, f, "pairs_apart", (long long)sa->n_apart))
            return SC_ERR_NOMEM;
    }
    return SC_OK;
}

const sc_rule sc_rule_unsupported_relation = {
    .id = "unsupported-relation",
    .severity = SC_SEVERITY_WARNING,
    .summary = "the summary joins a name or number with words the article never states it with",
    .doc = "Checks who did what to whom, and which number goes with which noun.  Both words are "
           "in the article, but no article sentence (nor two neighbouring sentences) has them "
           "together, while the summary puts them within a few words of each other: a name, "
           "number or role taken from one part of the article and put in another.  Only pairs "
           "with a name or a number are reported; dates are left to date-mismatch.\n"
           "\n"
           "Example: article \"Rovers signed Jones from Brentford. ... City lost 2-1 to "
           "Dundee.\"; summary \"Rovers signed Jones from Dundee.\"  (\"Dundee\" and "
           "\"signed\" are both in the article, never together.)\n"
           "\n"
           "How to fix: check the sentence against the article and restore the relation the "
           "article states.  A summary that rightly joins facts from far-apart paragraphs can "
           "get this warning: it is a warning, not an error, for that reason.\n"
           "\n"
           "Evidence: pairs (\"A / B\" for each pair the article never joins, at most 8), "
           "word_pairs (pairs of nearby content words in the sentence that are both in the "
           "article), pairs_apart (how many of them the article never joins).",
    .run = run,
};
