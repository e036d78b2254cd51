/* The report object: a header, documents, a footer, written through the
 * caller's sink as each document is added. */
#include <stdlib.h>
#include <string.h>

#include "report.h"

struct sc_report {
    sc_report_format format;
    bool color;
    sc_write_fn write;
    void *context;
    size_t n_documents;
    size_t n_errors, n_warnings, n_notes, n_failed;
    bool started;
    sc_buf buf; /* what goes out next: separators, header, the document */
    sc_buf doc; /* one document being rendered */
};

sc_report *sc_report_new(sc_report_format format, const sc_render_options *options,
                         sc_write_fn write, void *context)
{
    if (write == NULL ||
        (format != SC_REPORT_TEXT && format != SC_REPORT_JSON && format != SC_REPORT_JSONL))
        return NULL;
    sc_report *r = calloc(1, sizeof *r);
    if (r == NULL)
        return NULL;
    r->format = format;
    r->color = options != NULL && options->color;
    r->write = write;
    r->context = context;
    sc_buf_init(&r->buf);
    sc_buf_init(&r->doc);
    return r;
}

void sc_report_free(sc_report *report)
{
    if (report == NULL)
        return;
    sc_buf_release(&report->buf);
    sc_buf_release(&report->doc);
    free(report);
}

static sc_status flush(sc_report *r)
{
    sc_status st = SC_OK;
    if (r->buf.failed)
        st = SC_ERR_NOMEM;
    else if (r->buf.len > 0 && r->write(r->context, r->buf.data, r->buf.len) != 0)
        st = SC_ERR_IO;
    sc_buf_clear(&r->buf);
    r->buf.failed = false;
    return st;
}

static void begin_document(sc_report *r)
{
    if (r->format == SC_REPORT_JSON) {
        if (!r->started)
            sc_buf_printf(&r->buf,
                          "{\n  \"tool\": {\"name\": \"sumcheck\", \"version\": \"%s\"},\n"
                          "  \"schema_version\": %d,\n  \"documents\": [\n",
                          SC_VERSION, SC_SCHEMA_VERSION);
        else
            sc_buf_puts(&r->buf, ",\n");
    } else if (r->format == SC_REPORT_TEXT && r->started) {
        sc_buf_putc(&r->buf, '\n');
    }
    r->started = true;
    r->n_documents++;
}

static void end_document(sc_report *r)
{
    if (r->format == SC_REPORT_JSONL)
        sc_buf_putc(&r->buf, '\n');
}

/* Renders into r->doc, then moves it behind the separator.  A document
 * that cannot be rendered is replaced by an error record, so the stream
 * stays well-formed; the failure is still returned. */
static sc_status render(sc_report *r, const sc_result *result, const char *id,
                        const sc_error *error)
{
    int indent = r->format == SC_REPORT_JSON ? 4 : -1;
    sc_status st;
    sc_buf_clear(&r->doc);
    r->doc.failed = false;
    if (result != NULL)
        st = r->format == SC_REPORT_TEXT ? sc_render_text_document(result, r->color, &r->doc)
                                         : sc_render_json_document(result, indent, &r->doc);
    else
        st = r->format == SC_REPORT_TEXT ? sc_render_text_error(id, error, r->color, &r->doc)
                                         : sc_render_json_error(id, error, indent, &r->doc);
    if (st != SC_OK && result != NULL) {
        sc_error e;
        memset(&e, 0, sizeof e);
        e.code = st;
        e.message = "the report of this document could not be rendered";
        e.byte = SC_NO_POS;
        sc_buf_clear(&r->doc);
        r->doc.failed = false;
        if (r->format == SC_REPORT_TEXT)
            sc_render_text_error(result->id, &e, r->color, &r->doc);
        else
            sc_render_json_error(result->id, &e, indent, &r->doc);
    }
    begin_document(r);
    sc_buf_append(&r->buf, r->doc.data != NULL ? r->doc.data : "", r->doc.len);
    end_document(r);
    sc_status out = flush(r);
    return st != SC_OK ? st : out;
}

sc_status sc_report_add(sc_report *r, const sc_result *result)
{
    for (size_t i = 0; i < result->n_findings; i++) {
        sc_severity s = result->findings[i].severity;
        r->n_errors += s == SC_SEVERITY_ERROR;
        r->n_warnings += s == SC_SEVERITY_WARNING;
        r->n_notes += s == SC_SEVERITY_NOTE;
    }
    return render(r, result, NULL, NULL);
}

sc_status sc_report_add_error(sc_report *r, const char *id, const sc_error *error)
{
    r->n_failed++;
    return render(r, NULL, id, error);
}

sc_status sc_report_finish(sc_report *r)
{
    if (r->format == SC_REPORT_JSON) {
        if (!r->started)
            sc_buf_printf(&r->buf,
                          "{\n  \"tool\": {\"name\": \"sumcheck\", \"version\": \"%s\"},\n"
                          "  \"schema_version\": %d,\n  \"documents\": [\n",
                          SC_VERSION, SC_SCHEMA_VERSION);
        sc_buf_puts(&r->buf, "\n  ]\n}\n");
    } else if (r->format == SC_REPORT_TEXT && r->n_documents > 1) {
        sc_buf_printf(&r->buf, "\n%zu documents: %zu errors, %zu warnings, %zu notes",
                      r->n_documents, r->n_errors, r->n_warnings, r->n_notes);
        if (r->n_failed > 0)
            sc_buf_printf(&r->buf, "; %zu could not be read", r->n_failed);
        sc_buf_putc(&r->buf, '\n');
    }
    return flush(r);
}
