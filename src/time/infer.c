/* The article's own date, inferred from its text.
 *
 * The strongest evidence is a day named with its weekday and no year
 * ("Rabu, 15 Desember"): only some years fit, and resolve.c picks the one
 * nearest the page date.  In order, the first of:
 *   a weekday-anchored day in the lead (the first three sentences, where
 *   the dateline and the news peg are), confidence 0.9 when it fits the
 *   page date, else 0.8;
 *   a full date (with its year) in the lead, 0.7;
 *   a weekday-anchored day anywhere, 0.6. */
#include <string.h>

#include "infer.h"

enum { LEAD_SENTENCES = 3 };

static bool anchored(const sc_time_expr *e)
{
    return e->kind == SC_TIME_DATE && e->weekday != 0 && e->year == 0 && e->resolved;
}

void sc_infer_article_date(sc_result *r)
{
    const sc_analysis *art = &r->article;
    size_t pick = SIZE_MAX;
    double confidence = 0;
    for (size_t i = 0; i < art->n_times && pick == SIZE_MAX; i++)
        if (anchored(&art->times[i]) && art->times[i].sentence < LEAD_SENTENCES) {
            pick = i;
            confidence = art->times[i].weekday_fits_reference ? 0.9 : 0.8;
        }
    for (size_t i = 0; i < art->n_times && pick == SIZE_MAX; i++) {
        const sc_time_expr *e = &art->times[i];
        if (e->kind == SC_TIME_DATE && e->year != 0 && e->resolved &&
            e->sentence < LEAD_SENTENCES) {
            pick = i;
            confidence = 0.7;
        }
    }
    for (size_t i = 0; i < art->n_times && pick == SIZE_MAX; i++)
        if (anchored(&art->times[i])) {
            pick = i;
            confidence = 0.6;
        }
    if (pick == SIZE_MAX)
        return;
    const sc_time_expr *e = &art->times[pick];
    r->has_inferred_date = true;
    r->inferred_date = e->date;
    r->inferred_confidence = confidence;
    r->inferred_time = pick;
    r->inferred_why = sc_arena_strndup(r->arena, art->text->data + e->start, e->end - e->start);
    if (r->inferred_why == NULL)
        r->has_inferred_date = false;
}
