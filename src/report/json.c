/* The JSON report, schema version 1 (DESIGN.md): built with Jansson in a
 * fixed key order, numbers rounded to four decimals so reports diff
 * cleanly. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "align/score.h"
#include "report.h"
#include "text/text.h"
#include "time/date.h"

/* Jansson returns NULL on allocation failure, and its setters take NULL as
 * an error too: any failure shows as a NULL somewhere and the whole object
 * is dropped. */
typedef struct builder {
    bool failed;
    sc_position_cache positions;
} builder;

static json_t *check(builder *b, json_t *v)
{
    if (v == NULL)
        b->failed = true;
    return v;
}

static void set(builder *b, json_t *obj, const char *key, json_t *value)
{
    if (value == NULL || json_object_set_new(obj, key, value) != 0)
        b->failed = true;
}

static void append(builder *b, json_t *arr, json_t *value)
{
    if (value == NULL || json_array_append_new(arr, value) != 0)
        b->failed = true;
}

static json_t *number(builder *b, double x)
{
    if (!isfinite(x))
        return check(b, json_null());
    double r = round(x * 10000.0) / 10000.0;
    if (r == 0)
        r = 0; /* no "-0.0" */
    return check(b, json_real(r));
}

/* A JSON string of s[0..n).  Input text is validated on the way in, but a
 * report must never fail on a stray byte: invalid UTF-8 becomes U+FFFD. */
static json_t *string_n(builder *b, const char *s, size_t n)
{
    size_t bad;
    if (sc_utf8_valid(s, n, &bad))
        return check(b, json_stringn(s, n));
    sc_buf clean;
    sc_buf_init(&clean);
    size_t i = 0;
    while (i < n) {
        if (sc_utf8_valid(s + i, n - i, &bad))
            bad = n - i;
        sc_buf_append(&clean, s + i, bad);
        i += bad;
        if (i < n) {
            sc_buf_puts(&clean, "\xEF\xBF\xBD");
            i++;
        }
    }
    json_t *v = clean.failed ? NULL : json_stringn(clean.data != NULL ? clean.data : "", clean.len);
    sc_buf_release(&clean);
    return check(b, v);
}

static json_t *text(builder *b, const char *s)
{
    return string_n(b, s, strlen(s));
}

static json_t *span(builder *b, const sc_result *r, sc_span sp)
{
    if (!sp.present)
        return check(b, json_null());
    size_t line, column;
    sc_page_line_column_cached(&r->page, &b->positions, sp.field, sp.start, &line, &column);
    json_t *o = check(b, json_object());
    if (o == NULL)
        return NULL;
    set(b, o, "field", text(b, sc_field_name(sp.field)));
    set(b, o, "start", check(b, json_integer((json_int_t)sp.start)));
    set(b, o, "end", check(b, json_integer((json_int_t)sp.end)));
    set(b, o, "line", check(b, json_integer((json_int_t)line)));
    set(b, o, "column", check(b, json_integer((json_int_t)column)));
    return o;
}

static json_t *evidence(builder *b, const sc_evidence *e)
{
    json_t *o = check(b, json_object());
    for (; o != NULL && e != NULL; e = e->next) {
        json_t *v = NULL;
        switch (e->type) {
        case SC_EV_STRING:
            v = text(b, e->string);
            break;
        case SC_EV_NUMBER:
            v = number(b, e->number);
            break;
        case SC_EV_INTEGER:
            v = check(b, json_integer((json_int_t)e->integer));
            break;
        case SC_EV_BOOL:
            v = check(b, json_boolean(e->integer != 0));
            break;
        case SC_EV_STRINGS:
            v = check(b, json_array());
            for (size_t i = 0; v != NULL && i < e->n_items; i++)
                append(b, v, text(b, e->strings[i]));
            break;
        case SC_EV_NUMBERS:
            v = check(b, json_array());
            for (size_t i = 0; v != NULL && i < e->n_items; i++)
                append(b, v, number(b, e->numbers[i]));
            break;
        }
        set(b, o, e->key, v);
    }
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
        json_t *o = check(b, json_object());
        if (o == NULL)
            return;
        set(b, o, "text", string_n(b, a->text->data + e->start, e->end - e->start));
        set(b, o, "kind", text(b, time_kind_name(e->kind)));
        set(b, o, "span",
            span(
                b, r,
                (sc_span){true, a->text->field, a->text->base + e->start, a->text->base + e->end}));
        if (e->resolved) {
            char d[11];
            sc_date_format(e->date, d);
            set(b, o, "value", text(b, d));
            if (sc_date_days(e->date_last) != sc_date_days(e->date)) {
                sc_date_format(e->date_last, d);
                set(b, o, "last", text(b, d));
            }
        } else {
            set(b, o, "value", check(b, json_null()));
        }
        if (e->n_candidate_years > 0) {
            json_t *years = check(b, json_array());
            for (size_t k = 0; years != NULL && k < e->n_candidate_years; k++)
                append(b, years, check(b, json_integer(e->candidate_years[k])));
            set(b, o, "candidate_years", years);
            set(b, o, "fits_page_date", check(b, json_boolean(e->weekday_fits_reference)));
        }
        append(b, list, o);
    }
}

static json_t *summary(builder *b, const sc_result *r)
{
    if (!r->page.has_summary)
        return check(b, json_null());
    const sc_analysis *sum = &r->summary, *art = &r->article;
    json_t *o = check(b, json_object());
    json_t *sentences = check(b, json_array());
    if (o == NULL || sentences == NULL) {
        json_decref(sentences);
        return o;
    }
    set(b, o, "span",
        span(b, r,
             (sc_span){true, r->page.summary.field, r->page.summary.base,
                       r->page.summary.base + r->page.summary.len}));
    for (size_t si = 0; si < sum->n_sentences; si++) {
        const sc_sentence *s = &sum->sentences[si];
        const sc_sentence_alignment *al = &r->alignment.sentences[si];
        json_t *js = check(b, json_object());
        if (js == NULL)
            break;
        set(b, js, "text", string_n(b, sum->text->data + s->start, s->end - s->start));
        set(b, js, "span",
            span(b, r,
                 (sc_span){true, sum->text->field, sum->text->base + s->start,
                           sum->text->base + s->end}));
        set(b, js, "support", number(b, al->support));
        set(b, js, "coverage", number(b, al->coverage));
        set(b, js, "bigram", number(b, al->bigram));
        set(b, js, "entity_agreement", number(b, al->entity_agreement));
        json_t *aligned = check(b, json_array());
        for (size_t a = 0; aligned != NULL && a < al->n_aligned; a++) {
            const sc_sentence *as = &art->sentences[al->aligned[a]];
            json_t *ja = check(b, json_object());
            if (ja == NULL)
                break;
            set(b, ja, "sentence", check(b, json_integer((json_int_t)al->aligned[a])));
            set(b, ja, "text", string_n(b, art->text->data + as->start, as->end - as->start));
            set(b, ja, "span",
                span(b, r,
                     (sc_span){true, art->text->field, art->text->base + as->start,
                               art->text->base + as->end}));
            append(b, aligned, ja);
        }
        set(b, js, "aligned", aligned);
        json_t *unsupported = check(b, json_array());
        for (size_t k = s->tok_begin; unsupported != NULL && k < s->tok_end; k++)
            if (!al->token_supported[k - s->tok_begin])
                append(b, unsupported,
                       string_n(b, sum->text->data + sum->tokens[k].start,
                                sum->tokens[k].end - sum->tokens[k].start));
        set(b, js, "unsupported", unsupported);
        append(b, sentences, js);
    }
    set(b, o, "sentences", sentences);
    return o;
}

static json_t *document(builder *b, const sc_result *r, const sc_render_options *options)
{
    bool include_text = options != NULL && options->include_text;
    const sc_page *page = &r->page;
    json_t *doc = check(b, json_object());
    if (doc == NULL)
        return NULL;
    set(b, doc, "id", text(b, r->id));
    set(b, doc, "language", text(b, r->language));
    if (page->title != NULL)
        set(b, doc, "title", text(b, page->title));
    if (page->has_page_date) {
        char date[11];
        sc_date_format(page->page_date, date);
        json_t *pd = check(b, json_object());
        set(b, pd, "value", text(b, date));
        set(b, pd, "origin", text(b, page->page_date_origin));
        if (page->page_date_text != NULL)
            set(b, pd, "text", text(b, page->page_date_text));
        if (page->page_date_time != NULL)
            set(b, pd, "time", text(b, page->page_date_time));
        set(b, doc, "page_date", pd);
    } else {
        set(b, doc, "page_date", check(b, json_null()));
    }
    if (r->has_inferred_date) {
        char date[11];
        sc_date_format(r->inferred_date, date);
        json_t *id = check(b, json_object());
        set(b, id, "value", text(b, date));
        set(b, id, "why", text(b, r->inferred_why));
        set(b, id, "confidence", number(b, r->inferred_confidence));
        set(b, doc, "inferred_date", id);
    } else {
        set(b, doc, "inferred_date", check(b, json_null()));
    }
    json_t *blocks = check(b, json_array());
    for (size_t i = 0; blocks != NULL && i < page->n_blocks; i++) {
        const sc_block *blk = &page->blocks[i];
        json_t *jb = check(b, json_object());
        set(b, jb, "role", text(b, sc_role_name(blk->role)));
        set(b, jb, "span", span(b, r, (sc_span){true, blk->field, blk->start, blk->end}));
        append(b, blocks, jb);
    }
    set(b, doc, "blocks", blocks);
    json_t *dates = check(b, json_array());
    add_times(b, r, &r->article, dates);
    add_times(b, r, &r->summary, dates);
    set(b, doc, "dates", dates);
    if (include_text) {
        /* The article as read: what the summary was checked against. */
        json_t *article = check(b, json_object());
        set(b, article, "text", string_n(b, r->article.text->data, r->article.text->len));
        set(b, doc, "article", article);
    }
    set(b, doc, "summary", summary(b, r));
    set(b, doc, "consistency",
        page->has_summary ? number(b, r->consistency) : check(b, json_null()));
    if (options != NULL && options->emit_features && r->features != NULL) {
        /* What consistency was computed from, unrounded, for
         * bench/train_consistency.py. */
        json_t *features = check(b, json_object());
        for (size_t i = 0; features != NULL && i < SC_SCORE_N_FEATURES; i++) {
            double x = r->features[i];
            set(b, features, sc_score_feature_name(i),
                check(b, isfinite(x) ? json_real(x) : json_null()));
        }
        set(b, doc, "features", features);
    }
    json_t *findings = check(b, json_array());
    for (size_t i = 0; findings != NULL && i < r->n_findings; i++) {
        const sc_finding *f = &r->findings[i];
        if (!sc_report_lists(options, f))
            continue;
        json_t *jf = check(b, json_object());
        set(b, jf, "rule", text(b, f->rule));
        set(b, jf, "severity", text(b, sc_severity_name(f->severity)));
        set(b, jf, "message", text(b, f->message));
        set(b, jf, "summary_span", span(b, r, f->summary_span));
        set(b, jf, "source_span", span(b, r, f->source_span));
        set(b, jf, "evidence", evidence(b, f->evidence));
        /* The gate's marks, only where they apply, so reports of runs
         * without suppressions or a baseline stay as they were. */
        if (f->suppressed != NULL) {
            json_t *why = check(b, json_object());
            set(b, why, "reason", text(b, f->suppressed));
            set(b, jf, "suppressed", why);
        }
        if (r->baseline_checked)
            set(b, jf, "baseline", text(b, f->in_baseline ? "unchanged" : "new"));
        append(b, findings, jf);
    }
    set(b, doc, "findings", findings);
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
    b.failed = false;
    sc_position_cache_init(&b.positions);
    json_t *doc = document(&b, result, options);
    sc_status st = b.failed || doc == NULL ? SC_ERR_NOMEM : dump(doc, indent, out);
    json_decref(doc);
    return st;
}

sc_status sc_render_json_error(const char *id, const sc_error *error, int indent, sc_buf *out)
{
    builder b;
    b.failed = false;
    sc_position_cache_init(&b.positions);
    json_t *doc = check(&b, json_object());
    json_t *err = check(&b, json_object());
    if (doc != NULL && err != NULL) {
        set(&b, doc, "id", text(&b, id != NULL ? id : "-"));
        set(&b, err, "message", text(&b, error->message != NULL ? error->message : "error"));
        if (error->byte != SC_NO_POS)
            set(&b, err, "byte", check(&b, json_integer((json_int_t)error->byte)));
        if (error->line > 0)
            set(&b, err, "line", check(&b, json_integer((json_int_t)error->line)));
        if (error->column > 0)
            set(&b, err, "column", check(&b, json_integer((json_int_t)error->column)));
        if (error->path[0] != '\0')
            set(&b, err, "path", text(&b, error->path));
        if (error->detail[0] != '\0')
            set(&b, err, "detail", text(&b, error->detail));
        set(&b, doc, "error", err);
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
    b.failed = false;
    json_t *o = check(&b, json_object());
    json_t *list = check(&b, json_array());
    for (size_t i = 0; list != NULL && i < n_stale; i++) {
        const sc_baseline_entry *e = &stale[i];
        json_t *je = check(&b, json_object());
        set(&b, je, "fingerprint", text(&b, e->fingerprint != NULL ? e->fingerprint : ""));
        set(&b, je, "rule", text(&b, e->rule != NULL ? e->rule : ""));
        set(&b, je, "id", text(&b, e->id != NULL ? e->id : ""));
        if (e->text != NULL)
            set(&b, je, "text", text(&b, e->text));
        append(&b, list, je);
    }
    set(&b, o, "stale", list);
    sc_status st = b.failed || o == NULL ? SC_ERR_NOMEM : dump(o, indent, out);
    json_decref(o);
    return st;
}
