/* extraneous-content: text in the page body that is not the article, such
 * as lines after the credit ("– Rappler.com") that a scraper caught: spam,
 * ads, injected phrases. */
#include "check.h"

static sc_status run(const sc_rule *rule, sc_result *r)
{
    const sc_page *page = &r->page;
    for (size_t b = 0; b < page->n_blocks; b++) {
        const sc_block *blk = &page->blocks[b];
        if (blk->role != SC_ROLE_EXTRANEOUS)
            continue;
        const char *text = page->field_data[blk->field] + blk->start;
        size_t len = blk->end - blk->start;
        int shown = (int)sc_utf8_prefix(text, len, 80);
        const char *message = sc_arena_printf(
            r->arena, "\"%.*s%s\" follows the article's credit line and is not part of the article",
            shown, text, len > 80 ? "..." : "");
        sc_finding *f = message ? sc_finding_add(r, rule, message) : NULL;
        if (f == NULL)
            return SC_ERR_NOMEM;
        f->source_span = (sc_span){true, blk->field, blk->start, blk->end};
        if (sc_evidence_string(r, f, "text", text, len) ||
            sc_evidence_string(r, f, "where", "after the credit line", 21))
            return SC_ERR_NOMEM;
    }
    return SC_OK;
}

const sc_rule sc_rule_extraneous_content = {
    .id = "extraneous-content",
    .severity = SC_SEVERITY_WARNING,
    .summary = "text outside the article (spam, ads, injected lines) sits in the page body",
    .doc = "Checks the page body for text that is not the article: lines after the article's "
           "credit line (\"- Rappler.com\", \"(Reuters)\") that a scraper caught, such as spam, "
           "ads or injected phrases.\n"
           "\n"
           "Example: \"... kata Kremlin. - Rappler.com\" followed by the line \"Keluaran SDY\" "
           "(a lottery spam phrase).\n"
           "\n"
           "How to fix: remove the text from the page (or from the scraper's output); if it is "
           "part of the article, put it before the credit line.\n"
           "\n"
           "Evidence: text (the extraneous text), where (\"after the credit line\").",
    .run = run,
};
