/* number-mismatch: a number in the summary that its context in the article
 * does not state.  The context is the aligned span and the article
 * sentences about the same thing (SC_RELATED_MIN_SHARE): "Floods closed 40
 * schools" against "Floods closed 12 schools ... About 40 volunteers" is a
 * mismatch although the article has a 40.  Values are compared, not
 * spellings: "1.300" in Indonesian equals "1,300" in English, "1,3 juta"
 * equals "1.300.000", and "800,000" equals "800, 000" (its digit groups
 * written apart by a word tokenizer). */
#include <math.h>
#include <string.h>

#include "check.h"
#include "align/align.h"
#include "lang/lang.h"

enum { MAX_SOURCE_NUMBERS = 16, MAX_LISTED_NUMBERS = 3 };

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
        /* A word with a word hash is one run of letters and digits
         * (sc_tokenize): no hyphen, so no parts to read. */
        if (t->kind == SC_TOK_WORD && art->word_hashes[art->form_ids[k]] == 0) {
            double parts[4];
            size_t n_parts = sc_align_hyphen_numbers(lang, t, parts, 4);
            for (size_t i = 0; i < n_parts; i++)
                if (same_number(parts[i], value))
                    return true;
        }
        if ((t->kind == SC_TOK_NUMBER || (t->flags & SC_TOKF_NUMWORD)) &&
            same_number(t->value, value))
            return true;
        if (t->entity != 0 && art->entities[t->entity - 1].is_number &&
            same_number(art->entities[t->entity - 1].value, value))
            return true;
    }
    return false;
}

/* Whether article token t is exactly the digits digits[0..n). */
static bool token_is_digits(const sc_analysis *a, const sc_token *t, const char *digits, size_t n)
{
    return t->kind == SC_TOK_NUMBER && t->end - t->start == n &&
           memcmp(a->text->data + t->start, digits, n) == 0;
}

/* The length of the run of digits at num[at..len). */
static size_t digits_at(const char *num, size_t at, size_t len)
{
    size_t n = 0;
    while (at + n < len && num[at + n] >= '0' && num[at + n] <= '9')
        n++;
    return n;
}

/* True when sentence s writes grouped numeral num ("800,000", "98.7": its
 * digit groups and separators, as the summary writes it) as numerals
 * split at its separators, the way a word tokenizer leaves them: "800,
 * 000" (each later group of three digits) or "98 . 7" (a separator with
 * space on both sides).  The same groups with the same separators are the
 * same number; "1, 5" (a list) is not "1.5" nor "1,5". */
static bool sentence_has_groups(const sc_analysis *art, size_t s, const char *num, size_t len)
{
    const sc_sentence *sent = &art->sentences[s];
    const char *text = art->text->data;
    for (size_t k = sent->tok_begin; k < sent->tok_end; k++) {
        size_t at = 0, j = k;
        for (;;) {
            size_t n = digits_at(num, at, len);
            if (n == 0 || j >= sent->tok_end || !token_is_digits(art, &art->tokens[j], num + at, n))
                break;
            at += n;
            if (at == len)
                return j > k;
            /* num[at] is a separator: the article's next token must be it,
             * and the group after it three digits or the separator set
             * apart by spaces. */
            const sc_token *sep = j + 1 < sent->tok_end ? &art->tokens[j + 1] : NULL;
            if (sep == NULL || sep->kind != SC_TOK_PUNCT || sep->end - sep->start != 1 ||
                text[sep->start] != num[at] || j + 2 >= sent->tok_end)
                break;
            size_t next = digits_at(num, at + 1, len);
            bool spaced = sep->start > art->tokens[j].end && art->tokens[j + 2].start > sep->end;
            if (next != 3 && !spaced)
                break;
            at++;
            j += 2;
        }
    }
    return false;
}

static bool context_has(const sc_lang *lang, const sc_analysis *art,
                        const sc_sentence_alignment *sa, double value, const char *num,
                        size_t num_len)
{
    for (size_t a = 0; a < sa->n_aligned; a++)
        if (sentence_has(lang, art, sa->aligned[a], value) ||
            (num != NULL && sentence_has_groups(art, sa->aligned[a], num, num_len)))
            return true;
    for (size_t a = 0; a < sa->n_related; a++)
        if (sentence_has(lang, art, sa->related[a], value) ||
            (num != NULL && sentence_has_groups(art, sa->related[a], num, num_len)))
            return true;
    return false;
}

/* The text of a number entity that is one grouped numeral, digits and
 * separators only ("800,000", "98.7"), with its length; NULL for anything
 * else. */
static const char *grouped_numeral(const sc_analysis *a, const sc_entity *e, size_t *len)
{
    if (e->tok_end != e->tok_begin + 1)
        return NULL;
    const sc_token *t = &a->tokens[e->tok_begin];
    const char *text = a->text->data + t->start;
    size_t n = t->end - t->start;
    if (t->kind != SC_TOK_NUMBER || n < 3 || text[0] < '0' || text[0] > '9' || text[n - 1] < '0' ||
        text[n - 1] > '9')
        return NULL;
    bool grouped = false;
    for (size_t i = 0; i < n; i++) {
        if (text[i] == ',' || text[i] == '.')
            grouped = true;
        else if (text[i] < '0' || text[i] > '9')
            return NULL;
    }
    *len = n;
    return grouped ? text : NULL;
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
        size_t num_len = 0;
        const char *num = grouped_numeral(sum, ent, &num_len);
        if (context_has(lang, art, sa, ent->value, num, num_len))
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
