/* unsupported-claim: a summary sentence, or a clause of one, that its best
 * article span does not support.  The message names the words the span
 * lacks.
 *
 * Clauses: a sentence copied from the article with one invented clause
 * keeps a high support overall, so a supported sentence is also read
 * clause by clause, split at commas, semicolons, colons, dashes, brackets
 * and the clause words of the language ("and", "but", "dan", "tetapi"). */
#include <string.h>

#include "check.h"
#include "thresholds.h"

static bool is_clause_break(const sc_analysis *a, const sc_token *t)
{
    if (t->flags & SC_TOKF_CLAUSE)
        return true;
    if (t->kind != SC_TOK_PUNCT)
        return false;
    const char *s = a->text->data + t->start;
    size_t n = t->end - t->start;
    if (n == 1)
        return strchr(",;:()", s[0]) != NULL;
    /* – and — */
    return n == 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
           ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94);
}

const char *sc_unsupported_words(sc_result *r, const sc_sentence_alignment *al,
                                 size_t sentence_begin, size_t begin, size_t end,
                                 const char **words, size_t *n_words)
{
    const sc_analysis *sum = &r->summary;
    *n_words = 0;
    for (size_t k = begin; k < end && *n_words < SC_MAX_LISTED_WORDS; k++) {
        if (al->token_supported[k - sentence_begin])
            continue;
        const sc_token *t = &sum->tokens[k];
        const char *w = sc_arena_strndup(r->arena, sum->text->data + t->start, t->end - t->start);
        if (w == NULL)
            return NULL;
        bool dup = false;
        for (size_t j = 0; j < *n_words && !dup; j++)
            dup = strcmp(words[j], w) == 0;
        if (!dup)
            words[(*n_words)++] = w;
    }
    /* "\"a\", \"b\"": measured, then written once. */
    size_t len = 0;
    for (size_t j = 0; j < *n_words; j++)
        len += (j ? 2 : 0) + strlen(words[j]) + 2;
    char *list = sc_arena_alloc_chars(r->arena, len + 1);
    if (list == NULL)
        return NULL;
    char *p = list;
    for (size_t j = 0; j < *n_words; j++) {
        size_t n = strlen(words[j]);
        if (j) {
            memcpy(p, ", ", 2);
            p += 2;
        }
        *p++ = '"';
        memcpy(p, words[j], n);
        p += n;
        *p++ = '"';
    }
    *p = '\0';
    return list;
}

static sc_status add_finding(const sc_rule *rule, sc_result *r, const sc_sentence_alignment *al,
                             const char *message, size_t start, size_t end, const char **words,
                             size_t n_words, double clause_unsupported)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    sc_finding *f = message != NULL ? sc_finding_add(r, rule, message) : NULL;
    if (f == NULL)
        return SC_ERR_NOMEM;
    f->summary_span = sc_span_in(sum->text, start, end);
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
        (clause_unsupported >= 0 &&
         sc_evidence_number(r, f, "clause_unsupported_share", clause_unsupported)) ||
        sc_evidence_strings(r, f, "unsupported_words", words, n_words) ||
        sc_evidence_strings(r, f, "aligned_sentences", aligned, al->n_aligned))
        return SC_ERR_NOMEM;
    return SC_OK;
}

static sc_status check_clauses(const sc_rule *rule, sc_result *r, size_t si)
{
    const sc_analysis *sum = &r->summary;
    const sc_sentence *sent = &sum->sentences[si];
    const sc_sentence_alignment *al = &r->alignment.sentences[si];
    size_t begin = sent->tok_begin;
    while (begin < sent->tok_end) {
        size_t end = begin;
        while (end < sent->tok_end && (end == begin || !is_clause_break(sum, &sum->tokens[end])))
            end++;
        /* The clause proper: without its opening break and trailing marks. */
        size_t a = begin, b = end;
        while (a < b &&
               (is_clause_break(sum, &sum->tokens[a]) || sum->tokens[a].kind == SC_TOK_PUNCT))
            a++;
        while (b > a && sum->tokens[b - 1].kind == SC_TOK_PUNCT)
            b--;
        size_t content = 0, missing = 0;
        for (size_t k = a; k < b; k++) {
            if (!sc_token_is_content(&sum->tokens[k]))
                continue;
            content++;
            missing += !al->token_supported[k - sent->tok_begin];
        }
        double share = content > 0 ? (double)missing / (double)content : 0;
        /* A clause that is the whole sentence was judged as the sentence. */
        bool whole = a <= sent->tok_begin + 1 && b >= sent->tok_end - 1;
        if (!whole && content >= SC_CLAUSE_MIN_WORDS && share >= SC_CLAUSE_MAX_UNSUPPORTED) {
            const char *words[SC_MAX_LISTED_WORDS];
            size_t n_words;
            const char *list = sc_unsupported_words(r, al, sent->tok_begin, a, b, words, &n_words);
            const char *message =
                list == NULL ? NULL
                             : sc_arena_printf(r->arena,
                                               "no article span supports this clause of an "
                                               "otherwise supported sentence; not in the "
                                               "aligned article sentences: %s",
                                               list);
            sc_status st = add_finding(rule, r, al, message, sum->tokens[a].start,
                                       sum->tokens[b - 1].end, words, n_words, share);
            if (st != SC_OK)
                return st;
        }
        begin = end;
    }
    return SC_OK;
}

static sc_status run(const sc_rule *rule, sc_result *r)
{
    const sc_analysis *sum = &r->summary;
    for (size_t si = 0; si < r->alignment.n_sentences; si++) {
        const sc_sentence_alignment *al = &r->alignment.sentences[si];
        const sc_sentence *sent = &sum->sentences[si];
        if (al->support >= SC_CLAIM_MIN_SUPPORT) {
            sc_status st = check_clauses(rule, r, si);
            if (st != SC_OK)
                return st;
            continue;
        }
        const char *words[SC_MAX_LISTED_WORDS];
        size_t n_words;
        const char *list = sc_unsupported_words(r, al, sent->tok_begin, sent->tok_begin,
                                                sent->tok_end, words, &n_words);
        if (list == NULL)
            return SC_ERR_NOMEM;
        const char *message =
            n_words > 0
                ? sc_arena_printf(r->arena,
                                  "no article span supports this sentence (support %.2f); "
                                  "not in the aligned article sentences: %s",
                                  al->support, list)
                : sc_arena_printf(r->arena,
                                  "no article span supports this sentence (support %.2f): its "
                                  "words are there but not together",
                                  al->support);
        sc_status st =
            add_finding(rule, r, al, message, sent->start, sent->end, words, n_words, -1);
        if (st != SC_OK)
            return st;
    }
    return SC_OK;
}

const sc_rule sc_rule_unsupported_claim = {
    .id = "unsupported-claim",
    .severity = SC_SEVERITY_ERROR,
    .summary = "a summary sentence (or clause) has no article span that supports its content",
    .doc = "Checks that every summary sentence has an article span (one sentence or a few) that "
           "supports its content. Support is a weighted mix of the sentence's content words the "
           "span covers (IDF-weighted, by stem), the word pairs it shares and the names and "
           "numbers it agrees on; a sentence below 0.5 is unsupported. A supported sentence is "
           "also read clause by clause, so one invented clause in a copied sentence is reported "
           "on its own. --min-support X (or \"min_support\" in the config file) raises the bar: "
           "a sentence below X is reported too.\n"
           "\n"
           "Example: article \"The council approved a new bridge.\"; summary \"The council "
           "approved a new bridge, and fares will double next year.\" The clause \"fares will "
           "double next year\" has no support in the article.\n"
           "\n"
           "How to fix: rewrite or remove the sentence or clause so that it says only what the "
           "article says; the unsupported words are listed in the message.\n"
           "\n"
           "Evidence: support, coverage, bigram, entity_agreement (each 0 to 1), threshold (the "
           "bar it fell under), clause_unsupported_share (for a clause: the share of its "
           "content words the span lacks), unsupported_words, aligned_sentences (the article "
           "sentences compared).",
    .run = run,
};
