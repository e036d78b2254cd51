/* page-date-mismatch: the page's date contradicts the article's own time.
 *
 * The evidence is a day named with its weekday and no year ("Rabu, 15
 * Desember"): placed nearest the page date, it must fall on that weekday.
 * When it does not, and the gap is not a one-day newsroom slip near the
 * page date (weekday-mismatch notes those), the page is republished or
 * misdated: the day fits other years, and the nearest one not after the
 * page date tells when the article was written.
 *
 * An article may also recall an old event by weekday ("on Tuesday,
 * September 11"), so one such mention does not decide alone: the rule fires
 * when the weekday-anchored days that contradict the page date outnumber
 * those that fit it, and reports the first contradicting one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "time/date.h"
#include "time/expr.h"

static bool anchored(const sc_time_expr *e)
{
    return e->kind == SC_TIME_DATE && e->weekday != 0 && e->year == 0 && e->resolved;
}

static const char *const month_names[12] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};

static sc_status run(const sc_rule *rule, sc_result *r)
{
    const sc_page *page = &r->page;
    const sc_analysis *art = &r->article;
    if (!page->has_page_date)
        return SC_OK;
    sc_date ref = page->page_date;
    size_t fits = 0, contradicts = 0, first = SIZE_MAX, first_anchored = SIZE_MAX;
    for (size_t i = 0; i < art->n_times; i++) {
        const sc_time_expr *e = &art->times[i];
        if (!anchored(e))
            continue;
        if (first_anchored == SIZE_MAX)
            first_anchored = i;
        if (e->weekday_fits_reference || e->slip) {
            fits++;
        } else if (e->date.year != 0) {
            contradicts++;
            if (first == SIZE_MAX)
                first = i;
        }
    }
    /* A tie goes to the article's first such mention. */
    if (contradicts == 0 || contradicts < fits || (contradicts == fits && first != first_anchored))
        return SC_OK;
    const sc_time_expr *e = &art->times[first];
    char page_text[11], inferred[11], placed[11];
    sc_date_format(ref, page_text);
    sc_date_format(e->date, inferred);
    sc_date_format(e->placement, placed);
    long apart = sc_date_days(ref) - sc_date_days(e->date);
    int actual = sc_date_weekday(e->placement) + 1;
    bool placed_near = e->placement.year != 0;
    const char *where = placed_near && sc_date_days(e->placement) > sc_date_days(ref)
                            ? ", after the page date"
                            : "";
    double years = (double)labs(apart) / 365.25;
    int len = (int)(e->end - e->start);
    char near_text[96];
    if (placed_near)
        snprintf(near_text, sizeof near_text, "is a %s in %d (%s%s)", sc_weekday_name(actual),
                 e->placement.year, placed, where);
    else
        snprintf(near_text, sizeof near_text, "does not occur within half a year of it");
    const char *message = sc_arena_printf(
        r->arena,
        "the page date %s contradicts the article: \"%.*s\" names a %s, but %d %s %s; it is a %s "
        "in %d, the nearest such year not after the page date, so the article dates from about "
        "%s, %ld days (about %.0f year%s) %s the page date",
        page_text, len, art->text->data + e->start, sc_weekday_name(e->weekday), e->day,
        month_names[e->month - 1], near_text, sc_weekday_name(e->weekday), e->date.year, inferred,
        labs(apart), years, years >= 1.5 || years < 0.5 ? "s" : "",
        apart >= 0 ? "before" : "after");
    sc_finding *f = message != NULL ? sc_finding_add(r, rule, message) : NULL;
    if (f == NULL)
        return SC_ERR_NOMEM;
    /* Point at what is wrong: the page's date line when there is one (the
     * expression is in the evidence), else the expression. */
    f->source_span = sc_span_in(art->text, e->start, e->end);
    for (size_t b = 0; b < page->n_blocks; b++)
        if (page->blocks[b].role == SC_ROLE_PAGE_DATE)
            f->source_span =
                (sc_span){true, page->blocks[b].field, page->blocks[b].start, page->blocks[b].end};
    double years_list[SC_TIME_MAX_CANDIDATES];
    for (size_t k = 0; k < e->n_candidate_years; k++)
        years_list[k] = e->candidate_years[k];
    const char *origin = page->page_date_origin != NULL ? page->page_date_origin : "";
    if (sc_evidence_string(r, f, "page_date", page_text, 10) ||
        sc_evidence_string(r, f, "page_date_origin", origin, strlen(origin)) ||
        sc_evidence_string(r, f, "expression", art->text->data + e->start, e->end - e->start) ||
        sc_evidence_string(r, f, "weekday", sc_weekday_name(e->weekday),
                           strlen(sc_weekday_name(e->weekday))) ||
        (placed_near && (sc_evidence_string(r, f, "placement", placed, 10) ||
                         sc_evidence_string(r, f, "weekday_at_placement", sc_weekday_name(actual),
                                            strlen(sc_weekday_name(actual))))) ||
        sc_evidence_numbers(r, f, "candidate_years", years_list, e->n_candidate_years) ||
        sc_evidence_string(r, f, "inferred_date", inferred, 10) ||
        sc_evidence_integer(r, f, "days_apart", apart) ||
        sc_evidence_integer(r, f, "contradicting_mentions", (long long)contradicts) ||
        sc_evidence_integer(r, f, "fitting_mentions", (long long)fits))
        return SC_ERR_NOMEM;
    return SC_OK;
}

const sc_rule sc_rule_page_date_mismatch = {
    .id = "page-date-mismatch",
    .severity = SC_SEVERITY_ERROR,
    .summary = "the page date contradicts the article's dateline or the dates its text implies",
    .doc = "Checks the page's own date (the date line above the headline, a pair's page_date, "
           "an HTML page's metadata, or --page-date) against the time the article itself "
           "implies. The evidence is a day named with its weekday and no year, such as \"Rabu, "
           "15 Desember\" or \"on Wednesday, December 15\": placed nearest the page date it "
           "must fall on that weekday. When it does not (and it is not a one-day slip, which "
           "weekday-mismatch notes), the page is republished or misdated, and the nearest year "
           "not after the page date in which the day has that weekday tells when the article "
           "was written. One such mention does not decide alone: the rule fires when the "
           "contradicting mentions outnumber those that fit.\n"
           "\n"
           "Example: a page dated \"November 24, 2024\" whose article says \"pada Rabu, 15 "
           "Desember\". 15 December 2024 is a Sunday and lies after the page date; 15 December "
           "is a Wednesday in 2021, so the article dates from about 2021-12-15, 1075 days "
           "before the page date.\n"
           "\n"
           "How to fix: give the page its article's real date (or republish it with a note), "
           "or, if the page date is right, correct the weekday or day in the article.\n"
           "\n"
           "Evidence: page_date (YYYY-MM-DD), page_date_origin (where the page date came from), "
           "expression (the article's words), weekday (the weekday they name), placement and "
           "weekday_at_placement (the day's placement nearest the page date and its real "
           "weekday, when it has one within half a year), candidate_years (the years in which "
           "the day has that weekday, nearest first), inferred_date (the article's date), "
           "days_apart (page date minus inferred date, in days), contradicting_mentions and "
           "fitting_mentions (how many weekday-anchored days contradict or fit the page date).",
    .run = run,
};
