/* The JSON report, schema version 1 (DESIGN.md): built with Jansson in a
 * fixed key order, numbers rounded to four decimals so reports diff
 * cleanly. */
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

static json_t *span(builder *b, const sc_result *r, sc_span sp)
{
    if (!sp.present)
        return sc_jb_check(b, json_null());
    size_t line, column;
    sc_page_line_column_cached(&r->page, &b->positions, sp.field, sp.start, &line, &column);
    json_t *o = sc_jb_check(b, json_object());
    if (o == NULL)
        return NULL;
    sc_jb_set(b, o, "field", sc_jb_text(b, sc_field_name(sp.field)));
    sc_jb_set(b, o, "start", sc_jb_check(b, json_integer((json_int_t)sp.start)));
    sc_jb_set(b, o, "end", sc_jb_check(b, json_integer((json_int_t)sp.end)));
    sc_jb_set(b, o, "line", sc_jb_check(b, json_integer((json_int_t)line)));
    sc_jb_set(b, o, "column", sc_jb_check(b, json_integer((json_int_t)column)));
    return o;
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
static void add_times(builder *b, const sc_result *r, const sc_analysis *a, json_t *list)
{
    for (size_t i = 0; list != NULL && i < a->n_times; i++) {
        const sc_time_expr *e = &a->times[i];
        json_t *o = sc_jb_check(b, json_object());
        if (o == NULL)
            return;
        sc_jb_set(b, o, "text", sc_jb_string_n(b, a->text->data + e->start, e->end - e->start));
        sc_jb_set(b, o, "kind", sc_jb_text(b, time_kind_name(e->kind)));
        sc_jb_set(b, o, "span",
                  span(b, r,
                       (sc_span){true, a->text->field, a->text->base + e->start,
                                 a->text->base + e->end}));
        if (e->resolved) {
            char d[11];
            sc_date_format(e->date, d);
            sc_jb_set(b, o, "value", sc_jb_text(b, d));
            if (sc_date_days(e->date_last) != sc_date_days(e->date)) {
                sc_date_format(e->date_last, d);
                sc_jb_set(b, o, "last", sc_jb_text(b, d));
            }
        } else {
            sc_jb_set(b, o, "value", sc_jb_check(b, json_null()));
        }
        if (e->n_candidate_years > 0) {
            json_t *years = sc_jb_check(b, json_array());
            for (size_t k = 0; years != NULL && k < e->n_candidate_years; k++)
                sc_jb_append(b, years, sc_jb_check(b, json_integer(e->candidate_years[k])));
            sc_jb_set(b, o, "candidate_years", years);
            sc_jb_set(b, o, "fits_page_date",
                      sc_jb_check(b, json_boolean(e->weekday_fits_reference)));
        }
        sc_jb_append(b, list, o);
    }
}

static json_t *summary(builder *b, const sc_result *r)
{
    if (!r->page.has_summary)
        return sc_jb_check(b, json_null());
    const sc_analysis *sum = &r->summary, *art = &r->article;
    json_t *o = sc_jb_check(b, json_object());
    json_t *sentences = sc_jb_check(b, json_array());
    if (o == NULL || sentences == NULL) {
        json_decref(sentences);
        return o;
    }
    sc_jb_set(b, o, "span",
              span(b, r,
                   (sc_span){true, r->page.summary.field, r->page.summary.base,
                             r->page.summary.base + r->page.summary.len}));
    for (size_t si = 0; si < sum->n_sentences; si++) {
        const sc_sentence *s = &sum->sentences[si];
        const sc_sentence_alignment *al = &r->alignment.sentences[si];
        json_t *js = sc_jb_check(b, json_object());
        if (js == NULL)
            break;
        sc_jb_set(b, js, "text", sc_jb_string_n(b, sum->text->data + s->start, s->end - s->start));
        sc_jb_set(b, js, "span",
                  span(b, r,
                       (sc_span){true, sum->text->field, sum->text->base + s->start,
                                 sum->text->base + s->end}));
        sc_jb_set(b, js, "support", sc_jb_number(b, al->support));
        sc_jb_set(b, js, "coverage", sc_jb_number(b, al->coverage));
        sc_jb_set(b, js, "bigram", sc_jb_number(b, al->bigram));
        sc_jb_set(b, js, "entity_agreement", sc_jb_number(b, al->entity_agreement));
        json_t *aligned = sc_jb_check(b, json_array());
        for (size_t a = 0; aligned != NULL && a < al->n_aligned; a++) {
            const sc_sentence *as = &art->sentences[al->aligned[a]];
            json_t *ja = sc_jb_check(b, json_object());
            if (ja == NULL)
                break;
            sc_jb_set(b, ja, "sentence", sc_jb_check(b, json_integer((json_int_t)al->aligned[a])));
            sc_jb_set(b, ja, "text",
                      sc_jb_string_n(b, art->text->data + as->start, as->end - as->start));
            sc_jb_set(b, ja, "span",
                      span(b, r,
                           (sc_span){true, art->text->field, art->text->base + as->start,
                                     art->text->base + as->end}));
            sc_jb_append(b, aligned, ja);
        }
        sc_jb_set(b, js, "aligned", aligned);
        json_t *unsupported = sc_jb_check(b, json_array());
        for (size_t k = s->tok_begin; unsupported != NULL && k < s->tok_end; k++)
            if (!al->token_supported[k - s->tok_begin])
                sc_jb_append(b, unsupported,
                             sc_jb_string_n(b, sum->text->data + sum->tokens[k].start,
                                            sum->tokens[k].end - sum->tokens[k].start));
        sc_jb_set(b, js, "unsupported", unsupported);
        sc_jb_append(b, sentences, js);
    }
    sc_jb_set(b, o, "sentences", sentences);
    return o;
}

static json_t *document(builder *b, const sc_result *r, const sc_render_options *options)
{
    bool include_text = options != NULL && options->include_text;
    const sc_page *page = &r->page;
    json_t *doc = sc_jb_check(b, json_object());
    if (doc == NULL)
        return NULL;
    sc_jb_set(b, doc, "id", sc_jb_text(b, r->id));
    sc_jb_set(b, doc, "language", sc_jb_text(b, r->language));
    if (page->title != NULL)
        sc_jb_set(b, doc, "title", sc_jb_text(b, page->title));
    if (page->has_page_date) {
        char date[11];
        sc_date_format(page->page_date, date);
        json_t *pd = sc_jb_check(b, json_object());
        sc_jb_set(b, pd, "value", sc_jb_text(b, date));
        sc_jb_set(b, pd, "origin", sc_jb_text(b, page->page_date_origin));
        if (page->page_date_text != NULL)
            sc_jb_set(b, pd, "text", sc_jb_text(b, page->page_date_text));
        if (page->page_date_time != NULL)
            sc_jb_set(b, pd, "time", sc_jb_text(b, page->page_date_time));
        sc_jb_set(b, doc, "page_date", pd);
    } else {
        sc_jb_set(b, doc, "page_date", sc_jb_check(b, json_null()));
    }
    if (r->has_inferred_date) {
        char date[11];
        sc_date_format(r->inferred_date, date);
        json_t *id = sc_jb_check(b, json_object());
        sc_jb_set(b, id, "value", sc_jb_text(b, date));
        sc_jb_set(b, id, "why", sc_jb_text(b, r->inferred_why));
        sc_jb_set(b, id, "confidence", sc_jb_number(b, r->inferred_confidence));
        sc_jb_set(b, doc, "inferred_date", id);
    } else {
        sc_jb_set(b, doc, "inferred_date", sc_jb_check(b, json_null()));
    }
    json_t *blocks = sc_jb_check(b, json_array());
    for (size_t i = 0; blocks != NULL && i < page->n_blocks; i++) {
        const sc_block *blk = &page->blocks[i];
        json_t *jb = sc_jb_check(b, json_object());
        sc_jb_set(b, jb, "role", sc_jb_text(b, sc_role_name(blk->role)));
        sc_jb_set(b, jb, "span", span(b, r, (sc_span){true, blk->field, blk->start, blk->end}));
        sc_jb_append(b, blocks, jb);
    }
    sc_jb_set(b, doc, "blocks", blocks);
    json_t *dates = sc_jb_check(b, json_array());
    add_times(b, r, &r->article, dates);
    add_times(b, r, &r->summary, dates);
    sc_jb_set(b, doc, "dates", dates);
    if (include_text) {
        /* The article as read: what the summary was checked against. */
        json_t *article = sc_jb_check(b, json_object());
        sc_jb_set(b, article, "text",
                  sc_jb_string_n(b, r->article.text->data, r->article.text->len));
        sc_jb_set(b, doc, "article", article);
    }
    sc_jb_set(b, doc, "summary", summary(b, r));
    sc_jb_set(b, doc, "consistency",
              page->has_summary ? sc_jb_number(b, r->consistency) : sc_jb_check(b, json_null()));
    if (options != NULL && options->emit_features && r->features != NULL) {
        /* What consistency was computed from, unrounded, for
         * bench/train_consistency.py. */
        json_t *features = sc_jb_check(b, json_object());
        for (size_t i = 0; features != NULL && i < SC_SCORE_N_FEATURES; i++) {
            double x = r->features[i];
            sc_jb_set(b, features, sc_score_feature_name(i),
                      sc_jb_check(b, isfinite(x) ? json_real(x) : json_null()));
        }
        sc_jb_set(b, doc, "features", features);
    }
    json_t *findings = sc_jb_check(b, json_array());
    for (size_t i = 0; findings != NULL && i < r->n_findings; i++) {
        const sc_finding *f = &r->findings[i];
        if (!sc_report_lists(options, f))
            continue;
        json_t *jf = sc_jb_check(b, json_object());
        sc_jb_set(b, jf, "rule", sc_jb_text(b, f->rule));
        sc_jb_set(b, jf, "severity", sc_jb_text(b, sc_severity_name(f->severity)));
        sc_jb_set(b, jf, "message", sc_jb_text(b, f->message));
        sc_jb_set(b, jf, "summary_span", span(b, r, f->summary_span));
        sc_jb_set(b, jf, "source_span", span(b, r, f->source_span));
        sc_jb_set(b, jf, "evidence", sc_jb_evidence(b, f->evidence));
        /* The gate's marks, only where they apply, so reports of runs
         * without suppressions or a baseline stay as they were. */
        if (f->suppressed != NULL) {
            json_t *why = sc_jb_check(b, json_object());
            sc_jb_set(b, why, "reason", sc_jb_text(b, f->suppressed));
            sc_jb_set(b, jf, "suppressed", why);
        }
        if (r->baseline_checked)
            sc_jb_set(b, jf, "baseline", sc_jb_text(b, f->in_baseline ? "unchanged" : "new"));
        sc_jb_append(b, findings, jf);
    }
    sc_jb_set(b, doc, "findings", findings);
    return doc;
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
    builder b;
    sc_jb_init(&b);
    json_t *doc = document(&b, result, options);
    sc_status st = b.failed || doc == NULL ? SC_ERR_NOMEM : dump(doc, indent, out);
    json_decref(doc);
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
