/* The report object: a writer (one per format), its state, and the
 * caller's sink; each call's output goes to the sink at once. */
#include <stdlib.h>
#include <string.h>

#include "report.h"

static const sc_writer *const writers[] = {
    &sc_writer_text,  &sc_writer_json,   &sc_writer_jsonl, &sc_writer_sarif,
    &sc_writer_junit, &sc_writer_github, &sc_writer_html,
};

struct sc_report {
    const sc_writer *writer;
    void *state;
    sc_render_options options;
    sc_write_fn write;
    void *context;
    bool started;
    sc_buf out;
};

sc_report *sc_report_new(sc_report_format format, const sc_render_options *options,
                         sc_write_fn write, void *context)
{
    const sc_writer *w = NULL;
    for (size_t i = 0; i < sizeof writers / sizeof writers[0]; i++)
        if (writers[i]->format == format)
            w = writers[i];
    if (write == NULL || w == NULL)
        return NULL;
    sc_report *r = calloc(1, sizeof *r);
    if (r == NULL)
        return NULL;
    r->state = calloc(1, w->state_size ? w->state_size : 1);
    if (r->state == NULL) {
        free(r);
        return NULL;
    }
    r->writer = w;
    if (options != NULL)
        r->options = *options;
    r->write = write;
    r->context = context;
    sc_buf_init(&r->out);
    return r;
}

void sc_report_free(sc_report *report)
{
    if (report == NULL)
        return;
    if (report->writer->release != NULL)
        report->writer->release(report->state);
    free(report->state);
    sc_buf_release(&report->out);
    free(report);
}

/* Sends what the writer produced; a writer's own failure wins. */
static sc_status flush(sc_report *r, sc_status st)
{
    if (st == SC_OK && r->out.failed)
        st = SC_ERR_NOMEM;
    if (r->out.len > 0 && r->write(r->context, r->out.data, r->out.len) != 0 && st == SC_OK)
        st = SC_ERR_IO;
    sc_buf_clear(&r->out);
    r->out.failed = false;
    return st;
}

static sc_status start(sc_report *r)
{
    if (r->started)
        return SC_OK;
    r->started = true;
    return r->writer->begin != NULL ? r->writer->begin(r->state, &r->options, &r->out) : SC_OK;
}

sc_status sc_report_add(sc_report *r, const sc_result *result)
{
    sc_status st = start(r);
    if (st == SC_OK)
        st = r->writer->document(r->state, &r->options, result, &r->out);
    return flush(r, st);
}

sc_status sc_report_add_error(sc_report *r, const char *id, const sc_error *error)
{
    sc_status st = start(r);
    if (st == SC_OK)
        st = r->writer->error(r->state, &r->options, id, error, &r->out);
    return flush(r, st);
}

sc_status sc_report_baseline(sc_report *r, const sc_baseline_entry *stale, size_t n_stale)
{
    if (n_stale > 0 && stale == NULL)
        return SC_ERR_OPTION;
    if (r->writer->baseline == NULL)
        return SC_OK;
    return r->writer->baseline(r->state, &r->options, stale, n_stale);
}

sc_status sc_report_finish(sc_report *r)
{
    sc_status st = start(r);
    if (st == SC_OK && r->writer->finish != NULL)
        st = r->writer->finish(r->state, &r->options, &r->out);
    return flush(r, st);
}
