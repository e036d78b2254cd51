/* missing-summary: a disclaimer announces an AI summary but no summary
 * block is there, or a pair's summary is empty.  A page with neither has
 * nothing to check and gets no finding (DESIGN.md). */
#include "check.h"

static sc_status run(const sc_rule *rule, sc_result *r)
{
    const sc_page *page = &r->page;
    const char *message = NULL;
    sc_span where = {false, SC_FIELD_PAGE, 0, 0};
    if (page->has_disclaimer && !page->has_summary) {
        message = "the page announces an AI summary but no summary block was found";
        for (size_t b = 0; b < page->n_blocks; b++)
            if (page->blocks[b].role == SC_ROLE_DISCLAIMER)
                where = (sc_span){true, page->blocks[b].field, page->blocks[b].start,
                                  page->blocks[b].end};
    } else if (page->has_summary && r->summary.n_tokens == 0) {
        message = "the summary is empty";
        where = (sc_span){true, page->summary.field, page->summary.base,
                          page->summary.base + page->summary.len};
    }
    if (message == NULL)
        return SC_OK;
    sc_finding *f = sc_finding_add(r, rule, message);
    if (f == NULL)
        return SC_ERR_NOMEM;
    if (page->summary.field == SC_FIELD_SUMMARY)
        f->summary_span = where;
    else
        f->source_span = where;
    return SC_OK;
}

const sc_rule sc_rule_missing_summary = {
    .id = "missing-summary",
    .severity = SC_SEVERITY_WARNING,
    .summary = "a disclaimer announces a summary but none is found, or the summary is empty",
    .run = run,
};
