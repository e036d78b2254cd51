/* weekday-mismatch: a weekday and a day named together that cannot both
 * be true in the resolved year ("Rabu, 16 Desember 2021": 16 December 2021
 * is a Thursday).
 *
 * Calibration: newsrooms slip by one day now and then (a story filed
 * before midnight in Manila and dated in New York, a lead kept overnight),
 * so a weekday one day off on a day within a week of the page date is a
 * note, not a warning.  A day without a year whose weekday fits neither
 * the page date's year nor a slip is page-date-mismatch's evidence and is
 * not reported twice. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "time/date.h"
#include "time/expr.h"

static sc_status report(const sc_rule *rule, sc_result *r, const sc_analysis *a,
                        const sc_time_expr *e, sc_date day, bool slip)
{
    int actual = sc_date_weekday(day) + 1;
    char when[11];
    sc_date_format(day, when);
    int len = (int)(e->end - e->start);
    const char *message =
        slip ? sc_arena_printf(r->arena,
                               "\"%.*s\" names a %s, but %s is a %s: one day off, near the page "
                               "date (a common slip of time zones or late edits)",
                               len, a->text->data + e->start, sc_weekday_name(e->weekday), when,
                               sc_weekday_name(actual))
             : sc_arena_printf(r->arena, "\"%.*s\" names a %s, but %s is a %s", len,
                               a->text->data + e->start, sc_weekday_name(e->weekday), when,
                               sc_weekday_name(actual));
    sc_finding *f = message != NULL ? sc_finding_add(r, rule, message) : NULL;
    if (f == NULL)
        return SC_ERR_NOMEM;
    if (slip)
        f->severity = SC_SEVERITY_NOTE;
    sc_span span = sc_span_in(a->text, e->start, e->end);
    if (a == &r->summary)
        f->summary_span = span;
    else
        f->source_span = span;
    const char *stated = sc_weekday_name(e->weekday), *real = sc_weekday_name(actual);
    if (sc_evidence_string(r, f, "expression", a->text->data + e->start, e->end - e->start) ||
        sc_evidence_string(r, f, "date", when, 10) ||
        sc_evidence_string(r, f, "weekday_stated", stated, strlen(stated)) ||
        sc_evidence_string(r, f, "weekday_of_date", real, strlen(real)) ||
        sc_evidence_bool(r, f, "slip", slip))
        return SC_ERR_NOMEM;
    return SC_OK;
}

static sc_status check_text(const sc_rule *rule, sc_result *r, const sc_analysis *a)
{
    const sc_page *page = &r->page;
    for (size_t i = 0; i < a->n_times; i++) {
        const sc_time_expr *e = &a->times[i];
        if (e->kind != SC_TIME_DATE || e->weekday == 0)
            continue;
        sc_status st = SC_OK;
        if (e->year != 0) {
            sc_date d = {e->year, e->month, e->day};
            if (!sc_date_valid(d) || sc_date_weekday(d) + 1 == e->weekday)
                continue;
            bool slip = false;
            if (page->has_page_date) {
                long gap = labs(sc_date_days(d) - sc_date_days(page->page_date));
                int off = (e->weekday - (sc_date_weekday(d) + 1) + 7) % 7;
                slip = gap <= 3 && (off == 1 || off == 6);
            }
            st = report(rule, r, a, e, d, slip);
        } else if (e->slip) {
            st = report(rule, r, a, e, e->placement, true);
        }
        if (st != SC_OK)
            return st;
    }
    return SC_OK;
}

static sc_status run(const sc_rule *rule, sc_result *r)
{
    sc_status st = check_text(rule, r, &r->article);
    if (st == SC_OK && r->page.has_summary)
        st = check_text(rule, r, &r->summary);
    return st;
}

const sc_rule sc_rule_weekday_mismatch = {
    .id = "weekday-mismatch",
    .severity = SC_SEVERITY_WARNING,
    .summary = "a weekday and a date named together cannot both be true in the resolved year",
    .doc = "Checks that a weekday and a date named together can both be true: \"Rabu, 16 "
           "Desember 2021\" cannot, since 16 December 2021 is a Thursday. A weekday one day off "
           "on a day within a few days of the page date is a common slip of time zones or late "
           "edits and is a note, not a warning. A day without a year whose weekday fits no "
           "nearby year is page-date-mismatch's evidence and is not reported twice.\n"
           "\n"
           "Example: \"on Wednesday, December 16, 2021\" (a Thursday).\n"
           "\n"
           "How to fix: correct the weekday or the date.\n"
           "\n"
           "Evidence: expression, date (YYYY-MM-DD), weekday_stated, weekday_of_date, slip "
           "(true for a one-day slip near the page date).",
    .run = run,
};
