/* number-mismatch: a number in the summary that its context in the article
 * does not state.  The context is the aligned span and the article
 * sentences about the same thing (SC_RELATED_MIN_SHARE): "Floods closed 40
 * schools" against "Floods closed 12 schools ... About 40 volunteers" is a
 * mismatch although the article has a 40.  Values are compared, not
 * spellings: "1.300" in Indonesian equals "1,300" in English, "1,3 juta"
 * equals "1.300.000", and "800,000" equals "800, 000" (its digit groups
 * written apart). */
#include <math.h>
#include <string.h>

#include "check.h"
#include "align/align.h"
#include "lang/lang.h"

enum {
    MAX_SOURCE_NUMBERS = 16,
    MAX_LISTED_NUMBERS = 3,
    /* Digits of one numeral compared as a string; a longer one is
     * compared by value only. */
    SC_NUMBER_DIGITS_MAX = 40
};

static bool same_number(double a, double b)
{
    double scale = fabs(a) > 1 ? fabs(a) : 1;
    return fabs(a - b) <= 1e-9 * scale;
}

/* True when article sentence s states value, as an amount or a numeral. */
static bool sentence_has(const sc_lang *lang, const sc_analysis *art, size_t s, double value)
{
    const sc_sentence *sent = &art->sentences[s];
    for (size_t k = sent->tok_begin; k < sent->tok_end; k++) {
        const sc_token *t = &art->tokens[k];
        double parts[4];
        size_t n_parts = sc_align_hyphen_numbers(lang, t, parts, 4);
        for (size_t i = 0; i < n_parts; i++)
            if (same_number(parts[i], value))
                return true;
        if ((t->kind == SC_TOK_NUMBER || (t->flags & SC_TOKF_NUMWORD)) &&
            same_number(t->value, value))
            return true;
        if (t->entity != 0 && art->entities[t->entity - 1].is_number &&
            same_number(art->entities[t->entity - 1].value, value))
            return true;
    }
    return false;
}

/* The digits of a numeral token, in order, as a NUL-terminated string;
 * false when they do not fit. */
static bool digits_of(const sc_analysis *a, const sc_token *t, char *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = t->start; i < t->end; i++) {
        char c = a->text->data[i];
        if (c < '0' || c > '9')
            continue;
        if (n + 1 >= cap)
            return false;
        out[n++] = c;
    }
    out[n] = '\0';
    return n > 0;
}

/* True when sentence s writes the digits of a grouped numeral as numerals
 * split at their separators: "800, 000" or "98 . 7" for "800,000" and
 * "98.7" (text that went through a word tokenizer, or a typesetting
 * slip).  The same digits in the same groups are the same number. */
static bool sentence_has_digits(const sc_analysis *art, size_t s, const char *digits)
{
    const sc_sentence *sent = &art->sentences[s];
    size_t want = strlen(digits);
    for (size_t k = sent->tok_begin; k < sent->tok_end; k++) {
        size_t got = 0, j = k;
        while (j < sent->tok_end && art->tokens[j].kind == SC_TOK_NUMBER) {
            char part[SC_NUMBER_DIGITS_MAX];
            if (!digits_of(art, &art->tokens[j], part, sizeof part))
                break;
            size_t n = strlen(part);
            if (got + n > want || memcmp(digits + got, part, n) != 0)
                break;
            got += n;
            if (got == want)
                return j > k;
            /* The next group, past one separator. */
            const sc_token *sep = j + 1 < sent->tok_end ? &art->tokens[j + 1] : NULL;
            if (sep == NULL || sep->kind != SC_TOK_PUNCT || sep->end - sep->start != 1 ||
                (art->text->data[sep->start] != ',' && art->text->data[sep->start] != '.'))
                break;
            j += 2;
        }
    }
    return false;
}

static bool context_has(const sc_lang *lang, const sc_analysis *art,
                        const sc_sentence_alignment *sa, double value, const char *digits)
{
    for (size_t a = 0; a < sa->n_aligned; a++)
        if (sentence_has(lang, art, sa->aligned[a], value) ||
            (digits != NULL && sentence_has_digits(art, sa->aligned[a], digits)))
            return true;
    for (size_t a = 0; a < sa->n_related; a++)
        if (sentence_has(lang, art, sa->related[a], value) ||
            (digits != NULL && sentence_has_digits(art, sa->related[a], digits)))
            return true;
    return false;
}

/* The digits of a number entity that is one grouped numeral ("800,000",
 * "98.7"), into buf; NULL for anything else. */
static const char *grouped_digits(const sc_analysis *a, const sc_entity *e, char *buf, size_t cap)
{
    if (e->tok_end != e->tok_begin + 1)
        return NULL;
    const sc_token *t = &a->tokens[e->tok_begin];
    const char *text = a->text->data + t->start;
    size_t len = t->end - t->start;
    if (t->kind != SC_TOK_NUMBER ||
        (memchr(text, ',', len) == NULL && memchr(text, '.', len) == NULL))
        return NULL;
    return digits_of(a, t, buf, cap) ? buf : NULL;
}

static sc_status run(const sc_rule *rule, sc_result *r)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    const sc_alignment *al = &r->alignment;
    const sc_lang *lang = sc_lang_find(r->language);
    for (size_t e = 0; e < sum->n_entities; e++) {
        const sc_entity *ent = &sum->entities[e];
        if (!ent->is_number)
            continue;
        const sc_sentence_alignment *sa = &al->sentences[ent->sentence];
        char digit_buf[SC_NUMBER_DIGITS_MAX];
        const char *digits = grouped_digits(sum, ent, digit_buf, sizeof digit_buf);
        if (context_has(lang, art, sa, ent->value, digits))
            continue;
        bool elsewhere = sc_align_article_has_number(al, ent->value);
        size_t start = sum->tokens[ent->tok_begin].start, end = sum->tokens[ent->tok_end - 1].end;
        double nums[MAX_SOURCE_NUMBERS];
        size_t n_nums = 0;
        /* The aligned numbers as the article writes them, for the message. */
        const char *written = "";
        for (size_t a = 0; a < sa->n_aligned; a++) {
            const sc_sentence *s = &art->sentences[sa->aligned[a]];
            for (size_t k = s->tok_begin; k < s->tok_end && n_nums < MAX_SOURCE_NUMBERS; k++) {
                const sc_token *t = &art->tokens[k];
                if (t->entity == 0 || !art->entities[t->entity - 1].is_number ||
                    art->entities[t->entity - 1].tok_begin != k)
                    continue;
                const sc_entity *n = &art->entities[t->entity - 1];
                if (n_nums < MAX_LISTED_NUMBERS) {
                    size_t ns = art->tokens[n->tok_begin].start,
                           ne = art->tokens[n->tok_end - 1].end;
                    written =
                        sc_arena_printf(r->arena, "%s%s\"%.*s\"", written, n_nums > 0 ? ", " : "",
                                        (int)(ne - ns), art->text->data + ns);
                    if (written == NULL)
                        return SC_ERR_NOMEM;
                }
                nums[n_nums++] = n->value;
            }
        }
        int len = (int)(end - start);
        const char *text = sum->text->data + start;
        const char *message;
        if (n_nums > 0)
            message =
                sc_arena_printf(r->arena,
                                "the number \"%.*s\" is not what the article says here: the "
                                "aligned source has %s%s",
                                len, text, written, n_nums > MAX_LISTED_NUMBERS ? ", ..." : "");
        else if (elsewhere)
            message = sc_arena_printf(r->arena,
                                      "the number \"%.*s\" appears in the article only in another "
                                      "context",
                                      len, text);
        else
            message =
                sc_arena_printf(r->arena, "the number \"%.*s\" is not in the article", len, text);
        sc_finding *f = message ? sc_finding_add(r, rule, message) : NULL;
        if (f == NULL)
            return SC_ERR_NOMEM;
        f->summary_span = sc_span_in(sum->text, start, end);
        if (sa->n_aligned > 0) {
            const sc_sentence *best = &art->sentences[sa->aligned[0]];
            f->source_span = sc_span_in(art->text, best->start, best->end);
        }
        if (sc_evidence_string(r, f, "number", text, end - start) ||
            sc_evidence_number(r, f, "value", ent->value) ||
            sc_evidence_numbers(r, f, "source_numbers", nums, n_nums) ||
            sc_evidence_bool(r, f, "in_article_elsewhere", elsewhere))
            return SC_ERR_NOMEM;
    }
    return SC_OK;
}

const sc_rule sc_rule_number_mismatch = {
    .id = "number-mismatch",
    .severity = SC_SEVERITY_ERROR,
    .summary = "a number in the summary differs from the aligned source",
    .doc = "Checks that every number in the summary (with its currency and scale words: "
           "\"Rp120.000\", \"1,3 juta\", \"1.3 million\", \"tiga\") is what the article says in "
           "that context: in the aligned sentences, or in the article sentences about the same "
           "thing. Values are compared, not spellings: Indonesian \"1.300\" equals English "
           "\"1,300\".\n"
           "\n"
           "Example: article \"Floods closed 12 schools. About 40 volunteers helped.\"; summary "
           "\"Floods closed 40 schools.\" The article has a 40, but not for the schools.\n"
           "\n"
           "How to fix: use the article's figure for that thing, or drop the number.\n"
           "\n"
           "Evidence: number (as written), value (as read), source_numbers (the numbers of the "
           "aligned sentences), in_article_elsewhere (true when the article has the value in "
           "another context).",
    .run = run,
};
