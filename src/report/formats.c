/* The text, JSON and JSON Lines formats as writers.  A document that
 * cannot be rendered becomes an error record, so the stream stays
 * well-formed; the failure is still returned. */
#include <string.h>

#include "report.h"

typedef struct stream_state {
    size_t documents;
    size_t errors, warnings, notes, failed;
    sc_buf doc;
    sc_buf baseline; /* the JSON report's "baseline" member, when one was used */
    bool has_baseline;
} stream_state;

static void release(void *state)
{
    stream_state *s = state;
    sc_buf_release(&s->doc);
    sc_buf_release(&s->baseline);
}

/* The totals count what the text report shows. */
static void count(stream_state *s, const sc_render_options *o, const sc_result *result)
{
    for (size_t i = 0; i < result->n_findings; i++) {
        if (!sc_report_shows(o, &result->findings[i]))
            continue;
        sc_severity sev = result->findings[i].severity;
        s->errors += sev == SC_SEVERITY_ERROR;
        s->warnings += sev == SC_SEVERITY_WARNING;
        s->notes += sev == SC_SEVERITY_NOTE;
    }
}

static sc_error render_failure(sc_status st)
{
    sc_error e;
    memset(&e, 0, sizeof e);
    e.code = st;
    e.message = "the report of this document could not be rendered";
    e.byte = SC_NO_POS;
    return e;
}

/* JSON: {"tool", "schema_version", "documents": [ ... ]} */

static sc_status json_begin(void *state, const sc_render_options *o, sc_buf *out)
{
    (void)state;
    (void)o;
    sc_buf_printf(out,
                  "{\n  \"tool\": {\"name\": \"sumcheck\", \"version\": \"%s\"},\n"
                  "  \"schema_version\": %d,\n  \"documents\": [\n",
                  SC_VERSION, SC_SCHEMA_VERSION);
    return SC_OK;
}

/* The document is written straight into out (not into a buffer of its
 * own, then copied): one that cannot be rendered is taken back to where
 * it began and becomes an error record. */
static sc_status json_emit(stream_state *s, const sc_render_options *o, sc_buf *out, int indent,
                           const sc_result *result, const char *id, const sc_error *error)
{
    if (indent >= 0 && s->documents > 0)
        sc_buf_puts(out, ",\n");
    s->documents++;
    size_t mark = out->len;
    bool failed_before = out->failed;
    sc_status st = result != NULL ? sc_render_json_document_with(result, o, indent, out)
                                  : sc_render_json_error(id, error, indent, out);
    if (st != SC_OK && result != NULL && !failed_before) {
        sc_error e = render_failure(st);
        out->len = mark;
        if (out->data != NULL)
            out->data[mark] = '\0';
        out->failed = false;
        sc_render_json_error(result->id, &e, indent, out);
    }
    if (indent < 0)
        sc_buf_putc(out, '\n');
    return st;
}

static sc_status json_document(void *state, const sc_render_options *o, const sc_result *result,
                               sc_buf *out)
{
    (void)o;
    return json_emit(state, o, out, 4, result, NULL, NULL);
}

static sc_status json_error(void *state, const sc_render_options *o, const char *id,
                            const sc_error *error, sc_buf *out)
{
    (void)o;
    return json_emit(state, o, out, 4, NULL, id, error);
}

static sc_status json_baseline(void *state, const sc_render_options *o,
                               const sc_baseline_entry *stale, size_t n_stale)
{
    stream_state *s = state;
    (void)o;
    sc_buf_clear(&s->baseline);
    s->baseline.failed = false;
    s->has_baseline = true;
    return sc_render_json_baseline(stale, n_stale, 2, &s->baseline);
}

static sc_status json_finish(void *state, const sc_render_options *o, sc_buf *out)
{
    stream_state *s = state;
    (void)o;
    sc_buf_puts(out, "\n  ]");
    /* "baseline" follows "documents": stale entries are known only at the
     * end of the run. */
    if (s->has_baseline && s->baseline.len >= 2) {
        sc_buf_puts(out, ",\n  \"baseline\": ");
        sc_buf_append(out, s->baseline.data + 2, s->baseline.len - 2);
    }
    sc_buf_puts(out, "\n}\n");
    return s->baseline.failed ? SC_ERR_NOMEM : SC_OK;
}

const sc_writer sc_writer_json = {
    .format = SC_REPORT_JSON,
    .state_size = sizeof(stream_state),
    .begin = json_begin,
    .document = json_document,
    .error = json_error,
    .finish = json_finish,
    .release = release,
    .baseline = json_baseline,
};

/* JSON Lines: one document object per line. */

static sc_status jsonl_document(void *state, const sc_render_options *o, const sc_result *result,
                                sc_buf *out)
{
    (void)o;
    return json_emit(state, o, out, -1, result, NULL, NULL);
}

static sc_status jsonl_error(void *state, const sc_render_options *o, const char *id,
                             const sc_error *error, sc_buf *out)
{
    (void)o;
    return json_emit(state, o, out, -1, NULL, id, error);
}

const sc_writer sc_writer_jsonl = {
    .format = SC_REPORT_JSONL,
    .state_size = sizeof(stream_state),
    .document = jsonl_document,
    .error = jsonl_error,
    .release = release,
};

/* Text: a block per document, a total line for a batch. */

static sc_status text_emit(stream_state *s, const sc_render_options *o, sc_buf *out,
                           const sc_result *result, const char *id, const sc_error *error)
{
    if (s->documents > 0)
        sc_buf_putc(out, '\n');
    s->documents++;
    sc_buf_clear(&s->doc);
    s->doc.failed = false;
    sc_status st = result != NULL ? sc_render_text_document(result, o, &s->doc)
                                  : sc_render_text_error(id, error, o->color, &s->doc);
    if (st != SC_OK && result != NULL) {
        sc_error e = render_failure(st);
        sc_buf_clear(&s->doc);
        s->doc.failed = false;
        sc_render_text_error(result->id, &e, o->color, &s->doc);
    }
    sc_buf_append(out, s->doc.data != NULL ? s->doc.data : "", s->doc.len);
    return st;
}

static sc_status text_document(void *state, const sc_render_options *o, const sc_result *result,
                               sc_buf *out)
{
    count(state, o, result);
    return text_emit(state, o, out, result, NULL, NULL);
}

static sc_status text_error(void *state, const sc_render_options *o, const char *id,
                            const sc_error *error, sc_buf *out)
{
    stream_state *s = state;
    s->failed++;
    return text_emit(s, o, out, NULL, id, error);
}

static sc_status text_finish(void *state, const sc_render_options *o, sc_buf *out)
{
    stream_state *s = state;
    (void)o;
    if (s->documents <= 1)
        return SC_OK;
    sc_buf_printf(out, "\n%zu documents: %zu errors, %zu warnings, %zu notes", s->documents,
                  s->errors, s->warnings, s->notes);
    if (s->failed > 0)
        sc_buf_printf(out, "; %zu could not be read", s->failed);
    sc_buf_putc(out, '\n');
    return SC_OK;
}

const sc_writer sc_writer_text = {
    .format = SC_REPORT_TEXT,
    .state_size = sizeof(stream_state),
    .document = text_document,
    .error = text_error,
    .finish = text_finish,
    .release = release,
};
