/* date-mismatch: a date in the summary that differs from the date its
 * aligned article span gives ("Kamis, 16 Desember" against "Rabu, 15
 * Desember"; "tahun 2015" against "tahun 2014"), or one the article never
 * states.
 *
 * Expressions compare by what they state (year, month, day, weekday), and
 * by what an article expression resolves to when it names one day: "pada
 * hari Rabu" in the summary agrees with "15 Desember" in the article when
 * that day resolves to a Wednesday.  Relative expressions in the summary
 * ("kemarin") are not checked: their day depends on when the summary is
 * read. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "time/date.h"

typedef struct fields {
    int year, month, day, weekday;
} fields;

static fields stated(const sc_time_expr *e)
{
    return (fields){e->year, e->month, e->day, e->weekday};
}

/* Stated fields, completed from the resolution when it is one day. */
static fields known(const sc_time_expr *e)
{
    fields f = stated(e);
    bool one_day = e->resolved && e->date.year == e->date_last.year &&
                   e->date.month == e->date_last.month && e->date.day == e->date_last.day;
    if (one_day) {
        if (f.year == 0)
            f.year = e->date.year;
        if (f.month == 0)
            f.month = e->date.month;
        if (f.day == 0)
            f.day = e->date.day;
        if (f.weekday == 0)
            f.weekday = sc_date_weekday(e->date) + 1;
    } else if (e->resolved && e->date.year == e->date_last.year && f.year == 0) {
        f.year = e->date.year;
    }
    return f;
}

/* Every field the summary states, the article expression knows equally. */
static bool agrees(const sc_time_expr *s, const sc_time_expr *c)
{
    fields a = stated(s), b = known(c);
    int sa[4] = {a.year, a.month, a.day, a.weekday}, kb[4] = {b.year, b.month, b.day, b.weekday};
    bool any = false;
    for (int k = 0; k < 4; k++) {
        if (sa[k] == 0)
            continue;
        if (kb[k] != sa[k])
            return false;
        any = true;
    }
    return any;
}

/* Some field both state, differently. */
static bool conflicts(const sc_time_expr *s, const sc_time_expr *c)
{
    fields a = stated(s), b = stated(c);
    int sa[4] = {a.year, a.month, a.day, a.weekday}, sb[4] = {b.year, b.month, b.day, b.weekday};
    for (int k = 0; k < 4; k++)
        if (sa[k] != 0 && sb[k] != 0 && sa[k] != sb[k])
            return true;
    return false;
}

static long distance(const sc_time_expr *a, const sc_time_expr *b)
{
    if (!a->resolved || !b->resolved)
        return LONG_MAX;
    return labs(sc_date_days(a->date) - sc_date_days(b->date));
}

static bool in_context(const sc_sentence_alignment *sa, size_t sentence)
{
    for (size_t k = 0; k < sa->n_aligned; k++)
        if (sa->aligned[k] == sentence)
            return true;
    for (size_t k = 0; k < sa->n_related; k++)
        if (sa->related[k] == sentence)
            return true;
    return false;
}

static sc_status run(const sc_rule *rule, sc_result *r)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    for (size_t i = 0; i < sum->n_times; i++) {
        const sc_time_expr *s = &sum->times[i];
        if (s->kind == SC_TIME_RELATIVE)
            continue;
        const sc_sentence_alignment *sa = &r->alignment.sentences[s->sentence];
        bool agree_here = false, agree_anywhere = false;
        const sc_time_expr *conflict = NULL, *elsewhere = NULL;
        for (size_t k = 0; k < art->n_times; k++) {
            const sc_time_expr *c = &art->times[k];
            bool here = in_context(sa, c->sentence);
            if (agrees(s, c)) {
                agree_anywhere = true;
                agree_here = agree_here || here;
            } else if (conflicts(s, c)) {
                if (here && conflict == NULL)
                    conflict = c;
                /* Of the article's dates of the same kind, the nearest is the
                 * one the summary most likely changed. */
                if (c->kind == s->kind &&
                    (elsewhere == NULL || distance(s, c) < distance(s, elsewhere)))
                    elsewhere = c;
            }
        }
        if (agree_here || (conflict == NULL && agree_anywhere))
            continue;
        /* No date of the span to compare with: the article's own date of
         * the same kind is what the summary most likely changed. */
        bool from_span = conflict != NULL;
        if (conflict == NULL)
            conflict = elsewhere;
        int len = (int)(s->end - s->start);
        const char *text = sum->text->data + s->start;
        const char *message =
            conflict != NULL
                ? sc_arena_printf(r->arena, "the summary says \"%.*s\", %s says \"%.*s\"", len,
                                  text, from_span ? "the aligned source" : "the article",
                                  (int)(conflict->end - conflict->start),
                                  art->text->data + conflict->start)
                : sc_arena_printf(r->arena, "the date \"%.*s\" is not stated in the article", len,
                                  text);
        sc_finding *f = message != NULL ? sc_finding_add(r, rule, message) : NULL;
        if (f == NULL)
            return SC_ERR_NOMEM;
        f->summary_span = sc_span_in(sum->text, s->start, s->end);
        if (conflict != NULL)
            f->source_span = sc_span_in(art->text, conflict->start, conflict->end);
        if (sc_evidence_string(r, f, "summary_expression", text, s->end - s->start))
            return SC_ERR_NOMEM;
        if (s->resolved) {
            char d[11];
            sc_date_format(s->date, d);
            if (sc_evidence_string(r, f, "summary_date", d, 10))
                return SC_ERR_NOMEM;
        }
        if (conflict != NULL) {
            if (sc_evidence_string(r, f, "source_expression", art->text->data + conflict->start,
                                   conflict->end - conflict->start))
                return SC_ERR_NOMEM;
            if (conflict->resolved) {
                char d[11];
                sc_date_format(conflict->date, d);
                if (sc_evidence_string(r, f, "source_date", d, 10))
                    return SC_ERR_NOMEM;
            }
        }
    }
    return SC_OK;
}

const sc_rule sc_rule_date_mismatch = {
    .id = "date-mismatch",
    .severity = SC_SEVERITY_ERROR,
    .summary = "a date in the summary differs from the date the aligned source gives",
    .doc = "Checks that every date in the summary (a day, a month, a year in context, a "
           "weekday) agrees with the date its aligned article span gives, or, when the span has "
           "none, with a date the article states. Expressions compare by what they state and by "
           "what they resolve to against the page date, so \"pada hari Rabu\" agrees with \"15 "
           "Desember\" when that day is a Wednesday. Relative expressions in the summary "
           "(\"kemarin\", \"yesterday\") are not checked.\n"
           "\n"
           "Example: article \"pada Rabu, 15 Desember\"; summary \"pada Kamis, 16 Desember\". "
           "Or article \"pada tahun 2014\", summary \"tahun 2015\".\n"
           "\n"
           "How to fix: use the article's date.\n"
           "\n"
           "Evidence: summary_expression, summary_date (when it resolves to a day, YYYY-MM-DD), "
           "source_expression and source_date (the article's date it was compared with, when "
           "there is one).",
    .run = run,
};
