/* unsupported-entity: a name in the summary that appears nowhere in the
 * article (by stem, so "Russia's" matches "Russia"). */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "lang/lang.h"
#include "thresholds.h"

static sc_status report(const sc_rule *rule, sc_result *r, const sc_entity *ent,
                        const char **missing, size_t n_missing, const sc_entity *in_place_of)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    size_t start = sum->tokens[ent->tok_begin].start, end = sum->tokens[ent->tok_end - 1].end;
    int len = (int)(end - start);
    const char *message = sc_arena_printf(
        r->arena, "the name \"%.*s\" appears nowhere in the article", len, sum->text->data + start);
    sc_finding *f = message ? sc_finding_add(r, rule, message) : NULL;
    if (f == NULL)
        return SC_ERR_NOMEM;
    f->summary_span = sc_span_in(sum->text, start, end);
    const sc_sentence_alignment *sa = &r->alignment.sentences[ent->sentence];
    if (sa->n_aligned > 0) {
        const sc_sentence *best = &art->sentences[sa->aligned[0]];
        f->source_span = sc_span_in(art->text, best->start, best->end);
    }
    if (sc_evidence_string(r, f, "name", sum->text->data + start, end - start) ||
        sc_evidence_strings(r, f, "missing_words", missing, n_missing))
        return SC_ERR_NOMEM;
    if (in_place_of != NULL) {
        size_t os = art->tokens[in_place_of->tok_begin].start;
        size_t oe = art->tokens[in_place_of->tok_end - 1].end;
        if (sc_evidence_string(r, f, "source_name", art->text->data + os, oe - os))
            return SC_ERR_NOMEM;
    }
    return SC_OK;
}

/* The next word after token k within [k, hi), or NULL. */
static const sc_token *next_word(const sc_analysis *a, size_t k, size_t hi)
{
    for (k++; k < hi; k++)
        if (a->tokens[k].kind != SC_TOK_PUNCT)
            return &a->tokens[k];
    return NULL;
}

/* What the first-word check shares across a document's sentences: the
 * stems the article writes in lower case, the stems of the summary
 * sentence at hand, and a bound on the work (article name tokens
 * compared) per document, whatever the input; past it the check stops. */
#define OPENER_MAX_WORK ((size_t)1 << 22)

typedef struct opener_ctx {
    const sc_lang *lang; /* has a dictionary of common words */
    sc_arena *arena;
    const sc_analysis *article;
    bool *lower;       /* NULL until a sentence needs it */
    bool *in_sentence; /* likewise */
    size_t n;          /* entries of both */
    size_t work;
} opener_ctx;

/* Fills c's tables at first need: most documents have no candidate. */
static bool opener_tables(opener_ctx *c)
{
    if (c->lower != NULL)
        return true;
    c->in_sentence = sc_arena_calloc(c->arena, c->n, sizeof *c->in_sentence);
    bool *lower = sc_arena_calloc(c->arena, c->n, sizeof *lower);
    if (c->in_sentence == NULL || lower == NULL)
        return false;
    for (size_t j = 0; j < c->article->n_tokens; j++) {
        const sc_token *u = &c->article->tokens[j];
        if (u->kind == SC_TOK_WORD && !(u->flags & SC_TOKF_CAPITAL) && u->stem < c->n)
            lower[u->stem] = true;
    }
    c->lower = lower;
    return true;
}

static bool has(const opener_ctx *c, const bool *set, uint32_t stem)
{
    return stem < c->n && set[stem];
}

/* A capitalised first word of a sentence is a name only with evidence
 * (src/text/entity.c), which a name the article lacks altogether cannot
 * have: "Tiongkok meminjamkan dana kepada Indonesia" against "Jepang
 * meminjamkan dana kepada Indonesia".  The slot gives the evidence: the word is in no form in
 * the article, and a sentence of its span has, before the same next
 * word, a name the summary sentence does not have (a name found by
 * src/text/entity.c, or a capitalised word the article never writes in
 * lower case: "Japan" opening a sentence).  Returns the article's first
 * token of that name, or SIZE_MAX; *name_end its end.  *nomem is set when
 * its tables could not be made. */
static size_t opener_in_name_slot(const sc_result *r, opener_ctx *c, size_t si, size_t k,
                                  size_t *name_end, bool *nomem)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    const sc_alignment *al = &r->alignment;
    const sc_sentence *sent = &sum->sentences[si];
    const sc_token *t = &sum->tokens[k];
    if (t->kind != SC_TOK_WORD || !(t->flags & SC_TOKF_CAPITAL) || t->entity != 0 ||
        (t->flags & (SC_TOKF_STOP | SC_TOKF_DATE | SC_TOKF_NUMWORD)) ||
        sc_alignment_article_has(al, t))
        return SIZE_MAX;
    /* A word the language's dictionary knows ("Pemerintah") is a common
     * noun put in the name's place, a change unsupported-claim weighs. */
    if (c->lang->is_common_word(t->norm, t->norm_len))
        return SIZE_MAX;
    const sc_token *after = next_word(sum, k, sent->tok_end);
    const sc_sentence_alignment *sa = &al->sentences[si];
    if (after == NULL || after->kind != SC_TOK_WORD || sa->support < SC_RELATION_MIN_SUPPORT)
        return SIZE_MAX;
    if (!opener_tables(c)) {
        *nomem = true;
        return SIZE_MAX;
    }
    size_t found = SIZE_MAX;
    for (size_t q = sent->tok_begin; q < sent->tok_end; q++)
        if (sum->tokens[q].stem < c->n)
            c->in_sentence[sum->tokens[q].stem] = true;
    for (size_t a = 0; a < sa->n_aligned && found == SIZE_MAX; a++) {
        const sc_sentence *as = &art->sentences[sa->aligned[a]];
        for (size_t j = as->tok_begin; j < as->tok_end && found == SIZE_MAX && c->work > 0; j++) {
            const sc_token *u = &art->tokens[j];
            size_t begin = j, end = j + 1;
            if (u->entity != 0) {
                const sc_entity *e = &art->entities[u->entity - 1];
                if (e->is_number || e->tok_begin != j)
                    continue;
                begin = e->tok_begin;
                end = e->tok_end;
            } else if (u->kind != SC_TOK_WORD || !(u->flags & SC_TOKF_CAPITAL) ||
                       (u->flags & (SC_TOKF_STOP | SC_TOKF_DATE | SC_TOKF_NUMWORD)) ||
                       has(c, c->lower, u->stem)) {
                continue;
            }
            const sc_token *next = next_word(art, end - 1, as->tok_end);
            if (next == NULL || next->stem != after->stem)
                continue;
            bool named = false;
            for (size_t m = begin; m < end && !named && c->work > 0; m++, c->work--)
                named = !(art->tokens[m].flags & SC_TOKF_STOP) &&
                        has(c, c->in_sentence, art->tokens[m].stem);
            if (!named && c->work > 0) {
                found = begin;
                *name_end = end;
            }
        }
    }
    for (size_t q = sent->tok_begin; q < sent->tok_end; q++)
        if (sum->tokens[q].stem < c->n)
            c->in_sentence[sum->tokens[q].stem] = false;
    return found;
}

static sc_status run(const sc_rule *rule, sc_result *r)
{
    const sc_analysis *sum = &r->summary;
    const sc_alignment *al = &r->alignment;
    for (size_t e = 0; e < sum->n_entities; e++) {
        const sc_entity *ent = &sum->entities[e];
        if (ent->is_number)
            continue;
        const char *missing[16];
        size_t n_missing = 0;
        for (size_t k = ent->tok_begin; k < ent->tok_end && n_missing < 16; k++) {
            const sc_token *t = &sum->tokens[k];
            if ((t->flags & SC_TOKF_STOP) || sc_alignment_article_has(al, t))
                continue;
            missing[n_missing] =
                sc_arena_strndup(r->arena, sum->text->data + t->start, t->end - t->start);
            if (missing[n_missing] == NULL)
                return SC_ERR_NOMEM;
            n_missing++;
        }
        if (n_missing == 0)
            continue;
        sc_status st = report(rule, r, ent, missing, n_missing, NULL);
        if (st != SC_OK)
            return st;
    }
    /* Only a language with a dictionary of common words is asked: without
     * one (English), "China lent" cannot be told from "Police said". */
    const sc_lang *lang = sc_lang_find(r->language);
    if (lang == NULL || lang->is_common_word == NULL)
        return SC_OK;
    opener_ctx c = {.lang = lang,
                    .arena = r->arena,
                    .article = &r->article,
                    .n = (size_t)al->n_stems + 1,
                    .work = OPENER_MAX_WORK};
    for (size_t si = 0; si < al->n_sentences && si < sum->n_sentences; si++) {
        size_t k = sum->sentences[si].tok_begin;
        while (k < sum->sentences[si].tok_end && sum->tokens[k].kind == SC_TOK_PUNCT)
            k++;
        if (k >= sum->sentences[si].tok_end)
            continue;
        bool nomem = false;
        size_t other_end, other_begin = opener_in_name_slot(r, &c, si, k, &other_end, &nomem);
        if (nomem)
            return SC_ERR_NOMEM;
        if (other_begin == SIZE_MAX)
            continue;
        const sc_entity other = {.tok_begin = other_begin, .tok_end = other_end};
        const sc_token *t = &sum->tokens[k];
        const char *word =
            sc_arena_strndup(r->arena, sum->text->data + t->start, t->end - t->start);
        if (word == NULL)
            return SC_ERR_NOMEM;
        const sc_entity opener = {.tok_begin = k, .tok_end = k + 1, .sentence = si};
        sc_status st = report(rule, r, &opener, &word, 1, &other);
        if (st != SC_OK)
            return st;
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
           "A capitalised word that opens a sentence is a name only with evidence; in a "
           "language with a dictionary of common words (Indonesian), a word the dictionary "
           "and the article lack, standing where a sentence of its span has a name before the "
           "same next word (\"Tiongkok meminjamkan\" against \"Jepang meminjamkan\"), is "
           "one.\n"
           "\n"
           "Evidence: name (as the summary writes it), missing_words (its words the article "
           "lacks), source_name (for a sentence's first word: the article's name in its "
           "place).",
    .run = run,
};
