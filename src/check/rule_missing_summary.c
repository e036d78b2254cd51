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
    .doc = "Checks that a page which announces an AI summary has one, and that a pair's summary "
           "is not empty. A page with neither a disclaimer nor a summary gets no finding: there "
           "is nothing to check, and the JSON report says so with \"summary\": null.\n"
           "\n"
           "Example: a page with the line \"Ini adalah ringkasan yang dibuat oleh AI, yang "
           "mungkin memiliki kesalahan\" but no summary paragraph near it; or a pair with "
           "\"summary\": \"\".\n"
           "\n"
           "How to fix: publish the summary the disclaimer announces, or remove the disclaimer. "
           "If the summary is there but not found, keep it in one paragraph (or bullet list) "
           "next to the disclaimer, separated from the article by a blank line.\n"
           "\n"
           "Evidence: none; the span points at the disclaimer, or at the empty summary.",
    .run = run,
};
