/* The JSON report, schema version 1 (DESIGN.md): a document is written
 * straight into the output in a fixed key order (sc_jw, with Jansson's
 * bytes), numbers rounded to four decimals so reports diff cleanly; the
 * rare error and baseline records are still built with Jansson. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "align/score.h"
#include "jbuild.h"
#include "report.h"
#include "text/text.h"
#include "time/date.h"

typedef sc_jb builder;

static void span(sc_jw *w, const sc_result *r, sc_span sp)
{
    if (!sp.present) {
        sc_jw_null(w);
        return;
    }
    size_t line, column;
    sc_page_line_column_cached(&r->page, &w->positions, sp.field, sp.start, &line, &column);
    sc_jw_span(w, sp.field, sp.start, sp.end, line, column);
}

static const char *time_kind_name(sc_time_kind kind)
{
    switch (kind) {
    case SC_TIME_DATE:
        return "date";
    case SC_TIME_MONTH:
        return "month";
    case SC_TIME_YEAR:
        return "year";
    case SC_TIME_WEEKDAY:
        return "weekday";
    case SC_TIME_RELATIVE:
        return "relative";
    }
    return "date";
}

/* The temporal expressions of a text, as read and resolved. */
static void add_times(sc_jw *w, const sc_result *r, const sc_analysis *a)
{
    for (size_t i = 0; i < a->n_times; i++) {
        const sc_time_expr *e = &a->times[i];
        sc_jw_object(w);
        SC_JW_KEY(w, "text");
        sc_jw_string_n(w, a->text->data + e->start, e->end - e->start);
        SC_JW_KEY(w, "kind");
        sc_jw_text(w, time_kind_name(e->kind));
        SC_JW_KEY(w, "span");
        span(w, r,
             (sc_span){true, a->text->field, a->text->base + e->start, a->text->base + e->end});
        if (e->resolved) {
            char d[11];
            sc_date_format(e->date, d);
            SC_JW_KEY(w, "value");
            sc_jw_text(w, d);
            if (sc_date_days(e->date_last) != sc_date_days(e->date)) {
                sc_date_format(e->date_last, d);
                SC_JW_KEY(w, "last");
                sc_jw_text(w, d);
            }
        } else {
            SC_JW_KEY(w, "value");
            sc_jw_null(w);
        }
        if (e->n_candidate_years > 0) {
            SC_JW_KEY(w, "candidate_years");
            sc_jw_array(w);
            for (size_t k = 0; k < e->n_candidate_years; k++)
                sc_jw_integer(w, e->candidate_years[k]);
            sc_jw_end_array(w);
            SC_JW_KEY(w, "fits_page_date");
            sc_jw_bool(w, e->weekday_fits_reference);
        }
        sc_jw_end_object(w);
    }
}

static void summary(sc_jw *w, const sc_result *r)
{
    if (!r->page.has_summary) {
        sc_jw_null(w);
        return;
    }
    const sc_analysis *sum = &r->summary, *art = &r->article;
    sc_jw_object(w);
    SC_JW_KEY(w, "span");
    span(w, r,
         (sc_span){true, r->page.summary.field, r->page.summary.base,
                   r->page.summary.base + r->page.summary.len});
    SC_JW_KEY(w, "sentences");
    sc_jw_array(w);
    for (size_t si = 0; si < sum->n_sentences; si++) {
        const sc_sentence *s = &sum->sentences[si];
        const sc_sentence_alignment *al = &r->alignment.sentences[si];
        sc_jw_object(w);
        SC_JW_KEY(w, "text");
        sc_jw_string_n(w, sum->text->data + s->start, s->end - s->start);
        SC_JW_KEY(w, "span");
        span(w, r,
             (sc_span){true, sum->text->field, sum->text->base + s->start,
                       sum->text->base + s->end});
        SC_JW_KEY(w, "support");
        sc_jw_number(w, al->support);
        SC_JW_KEY(w, "coverage");
        sc_jw_number(w, al->coverage);
        SC_JW_KEY(w, "bigram");
        sc_jw_number(w, al->bigram);
        SC_JW_KEY(w, "entity_agreement");
        sc_jw_number(w, al->entity_agreement);
        SC_JW_KEY(w, "aligned");
        sc_jw_array(w);
        for (size_t a = 0; a < al->n_aligned; a++) {
            const sc_sentence *as = &art->sentences[al->aligned[a]];
            sc_jw_object(w);
            SC_JW_KEY(w, "sentence");
            sc_jw_integer(w, (long long)al->aligned[a]);
            SC_JW_KEY(w, "text");
            sc_jw_string_n(w, art->text->data + as->start, as->end - as->start);
            SC_JW_KEY(w, "span");
            span(w, r,
                 (sc_span){true, art->text->field, art->text->base + as->start,
                           art->text->base + as->end});
            sc_jw_end_object(w);
        }
        sc_jw_end_array(w);
        SC_JW_KEY(w, "unsupported");
        sc_jw_array(w);
        for (size_t k = s->tok_begin; k < s->tok_end; k++)
            if (!al->token_supported[k - s->tok_begin])
                sc_jw_string_n(w, sum->text->data + sum->tokens[k].start,
                               sum->tokens[k].end - sum->tokens[k].start);
        sc_jw_end_array(w);
        sc_jw_end_object(w);
    }
    sc_jw_end_array(w);
    sc_jw_end_object(w);
}

/* The document, written in the order (and with the bytes) the Jansson tree
 * it replaced was dumped in. */
static void document(sc_jw *w, const sc_result *r, const sc_render_options *options)
{
    bool include_text = options != NULL && options->include_text;
    const sc_page *page = &r->page;
    sc_jw_object(w);
    SC_JW_KEY(w, "id");
    sc_jw_text(w, r->id);
    SC_JW_KEY(w, "language");
    sc_jw_text(w, r->language);
    if (page->title != NULL) {
        SC_JW_KEY(w, "title");
        sc_jw_text(w, page->title);
    }
    SC_JW_KEY(w, "page_date");
    if (page->has_page_date) {
        char date[11];
        sc_date_format(page->page_date, date);
        sc_jw_object(w);
        SC_JW_KEY(w, "value");
        sc_jw_text(w, date);
        SC_JW_KEY(w, "origin");
        sc_jw_text(w, page->page_date_origin);
        if (page->page_date_text != NULL) {
            SC_JW_KEY(w, "text");
            sc_jw_text(w, page->page_date_text);
        }
        if (page->page_date_time != NULL) {
            SC_JW_KEY(w, "time");
            sc_jw_text(w, page->page_date_time);
        }
        sc_jw_end_object(w);
    } else {
        sc_jw_null(w);
    }
    SC_JW_KEY(w, "inferred_date");
    if (r->has_inferred_date) {
        char date[11];
        sc_date_format(r->inferred_date, date);
        sc_jw_object(w);
        SC_JW_KEY(w, "value");
        sc_jw_text(w, date);
        SC_JW_KEY(w, "why");
        sc_jw_text(w, r->inferred_why);
        SC_JW_KEY(w, "confidence");
        sc_jw_number(w, r->inferred_confidence);
        sc_jw_end_object(w);
    } else {
        sc_jw_null(w);
    }
    SC_JW_KEY(w, "blocks");
    sc_jw_array(w);
    for (size_t i = 0; i < page->n_blocks; i++) {
        const sc_block *blk = &page->blocks[i];
        sc_jw_object(w);
        SC_JW_KEY(w, "role");
        sc_jw_text(w, sc_role_name(blk->role));
        SC_JW_KEY(w, "span");
        span(w, r, (sc_span){true, blk->field, blk->start, blk->end});
        sc_jw_end_object(w);
    }
    sc_jw_end_array(w);
    SC_JW_KEY(w, "dates");
    sc_jw_array(w);
    add_times(w, r, &r->article);
    add_times(w, r, &r->summary);
    sc_jw_end_array(w);
    if (include_text) {
        /* The article as read: what the summary was checked against. */
        SC_JW_KEY(w, "article");
        sc_jw_object(w);
        SC_JW_KEY(w, "text");
        sc_jw_string_n(w, r->article.text->data, r->article.text->len);
        sc_jw_end_object(w);
    }
    SC_JW_KEY(w, "summary");
    summary(w, r);
    SC_JW_KEY(w, "consistency");
    if (page->has_summary)
        sc_jw_number(w, r->consistency);
    else
        sc_jw_null(w);
    if (options != NULL && options->emit_features && r->features != NULL) {
        /* What consistency was computed from, unrounded, for
         * bench/train_consistency.py.  A repeated name keeps its first
         * place and takes its last value, as in a JSON object. */
        SC_JW_KEY(w, "features");
        sc_jw_object(w);
        for (size_t i = 0; i < SC_SCORE_N_FEATURES; i++) {
            const char *name = sc_score_feature_name(i);
            if (name == NULL) {
                w->failed = true;
                break;
            }
            bool seen = false;
            for (size_t k = 0; k < i && !seen; k++)
                seen = strcmp(sc_score_feature_name(k), name) == 0;
            if (seen)
                continue;
            size_t last = i;
            for (size_t k = i + 1; k < SC_SCORE_N_FEATURES; k++)
                if (sc_score_feature_name(k) != NULL && strcmp(sc_score_feature_name(k), name) == 0)
                    last = k;
            sc_jw_key(w, name);
            sc_jw_real(w, r->features[last]);
        }
        sc_jw_end_object(w);
    }
    SC_JW_KEY(w, "findings");
    sc_jw_array(w);
    for (size_t i = 0; i < r->n_findings; i++) {
        const sc_finding *f = &r->findings[i];
        if (!sc_report_lists(options, f))
            continue;
        sc_jw_object(w);
        SC_JW_KEY(w, "rule");
        sc_jw_text(w, f->rule);
        SC_JW_KEY(w, "severity");
        sc_jw_text(w, sc_severity_name(f->severity));
        SC_JW_KEY(w, "message");
        sc_jw_text(w, f->message);
        SC_JW_KEY(w, "summary_span");
        span(w, r, f->summary_span);
        SC_JW_KEY(w, "source_span");
        span(w, r, f->source_span);
        SC_JW_KEY(w, "evidence");
        sc_jw_evidence(w, f->evidence);
        /* The gate's marks, only where they apply, so reports of runs
         * without suppressions or a baseline stay as they were. */
        if (f->suppressed != NULL) {
            SC_JW_KEY(w, "suppressed");
            sc_jw_object(w);
            SC_JW_KEY(w, "reason");
            sc_jw_text(w, f->suppressed);
            sc_jw_end_object(w);
        }
        if (r->baseline_checked) {
            SC_JW_KEY(w, "baseline");
            sc_jw_text(w, f->in_baseline ? "unchanged" : "new");
        }
        sc_jw_end_object(w);
    }
    sc_jw_end_array(w);
    sc_jw_end_object(w);
}

/* Dumps value into out, each line after the first indented by indent
 * spaces; one compact line when indent < 0. */
static sc_status dump(json_t *value, int indent, sc_buf *out)
{
    size_t flags = JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10);
    flags |= indent < 0 ? JSON_COMPACT : JSON_INDENT(2);
    char *text = json_dumps(value, flags);
    if (text == NULL)
        return SC_ERR_NOMEM;
    if (indent <= 0) {
        sc_buf_puts(out, text);
    } else {
        static const char spaces[] = "                ";
        int pad = indent < (int)sizeof spaces ? indent : (int)sizeof spaces - 1;
        sc_buf_append(out, spaces, (size_t)pad);
        for (const char *p = text; *p;) {
            const char *nl = strchr(p, '\n');
            size_t n = nl != NULL ? (size_t)(nl - p) + 1 : strlen(p);
            sc_buf_append(out, p, n);
            if (nl != NULL)
                sc_buf_append(out, spaces, (size_t)pad);
            p += n;
        }
    }
    free(text);
    return out->failed ? SC_ERR_NOMEM : SC_OK;
}

sc_status sc_render_json_document(const sc_result *result, int indent, sc_buf *out)
{
    return sc_render_json_document_with(result, NULL, indent, out);
}

sc_status sc_render_json_document_with(const sc_result *result, const sc_render_options *options,
                                       int indent, sc_buf *out)
{
    /* Written straight into out; on failure the partial text is taken
     * back, as when the tree could not be built. */
    size_t mark = out->len;
    sc_jw w;
    sc_jw_init(&w, out, indent);
    document(&w, result, options);
    sc_status st = sc_jw_status(&w);
    if (st != SC_OK && !out->failed) {
        out->len = mark;
        if (out->data != NULL)
            out->data[mark] = '\0';
    }
    return st;
}

sc_status sc_render_json_error(const char *id, const sc_error *error, int indent, sc_buf *out)
{
    builder b;
    sc_jb_init(&b);
    json_t *doc = sc_jb_check(&b, json_object());
    json_t *err = sc_jb_check(&b, json_object());
    if (doc != NULL && err != NULL) {
        sc_jb_set(&b, doc, "id", sc_jb_text(&b, id != NULL ? id : "-"));
        sc_jb_set(&b, err, "message",
                  sc_jb_text(&b, error->message != NULL ? error->message : "error"));
        if (error->byte != SC_NO_POS)
            sc_jb_set(&b, err, "byte", sc_jb_check(&b, json_integer((json_int_t)error->byte)));
        if (error->line > 0)
            sc_jb_set(&b, err, "line", sc_jb_check(&b, json_integer((json_int_t)error->line)));
        if (error->column > 0)
            sc_jb_set(&b, err, "column", sc_jb_check(&b, json_integer((json_int_t)error->column)));
        if (error->path[0] != '\0')
            sc_jb_set(&b, err, "path", sc_jb_text(&b, error->path));
        if (error->detail[0] != '\0')
            sc_jb_set(&b, err, "detail", sc_jb_text(&b, error->detail));
        sc_jb_set(&b, doc, "error", err);
        err = NULL;
    }
    json_decref(err);
    sc_status st = b.failed || doc == NULL ? SC_ERR_NOMEM : dump(doc, indent, out);
    json_decref(doc);
    return st;
}

sc_status sc_render_json_baseline(const sc_baseline_entry *stale, size_t n_stale, int indent,
                                  sc_buf *out)
{
    builder b;
    sc_jb_init(&b);
    json_t *o = sc_jb_check(&b, json_object());
    json_t *list = sc_jb_check(&b, json_array());
    for (size_t i = 0; list != NULL && i < n_stale; i++) {
        const sc_baseline_entry *e = &stale[i];
        json_t *je = sc_jb_check(&b, json_object());
        sc_jb_set(&b, je, "fingerprint",
                  sc_jb_text(&b, e->fingerprint != NULL ? e->fingerprint : ""));
        sc_jb_set(&b, je, "rule", sc_jb_text(&b, e->rule != NULL ? e->rule : ""));
        sc_jb_set(&b, je, "id", sc_jb_text(&b, e->id != NULL ? e->id : ""));
        if (e->text != NULL)
            sc_jb_set(&b, je, "text", sc_jb_text(&b, e->text));
        sc_jb_append(&b, list, je);
    }
    sc_jb_set(&b, o, "stale", list);
    sc_status st = b.failed || o == NULL ? SC_ERR_NOMEM : dump(o, indent, out);
    json_decref(o);
    return st;
}
