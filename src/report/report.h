/* Writers: render results; they never decide anything. */
#ifndef SC_REPORT_REPORT_H
#define SC_REPORT_REPORT_H

#include "core/buf.h"
#include "core/doc.h"

/* Appends the document's JSON object (schema version 1, DESIGN.md) to out,
 * indented by indent spaces (compact on one line when indent < 0). */
sc_status sc_render_json_document(const sc_result *result, int indent, sc_buf *out);

/* Appends an error record {"id": ..., "error": {...}}. */
sc_status sc_render_json_error(const char *id, const sc_error *error, int indent, sc_buf *out);

/* Appends the text report of one document. */
sc_status sc_render_text_document(const sc_result *result, bool color, sc_buf *out);
sc_status sc_render_text_error(const char *id, const sc_error *error, bool color, sc_buf *out);

/* A report format: how a run begins, how each document and each unreadable
 * input is written, how the run ends.  Each writer appends to out; the
 * report object sends out through the caller's sink after every call.
 * state is state_size zeroed bytes owned by the report (a writer that must
 * see the whole run before writing, like JUnit's counts, keeps it there). */
typedef struct sc_writer {
    sc_report_format format;
    size_t state_size;
    sc_status (*begin)(void *state, const sc_render_options *options, sc_buf *out);
    sc_status (*document)(void *state, const sc_render_options *options, const sc_result *result,
                          sc_buf *out);
    sc_status (*error)(void *state, const sc_render_options *options, const char *id,
                       const sc_error *error, sc_buf *out);
    sc_status (*finish)(void *state, const sc_render_options *options, sc_buf *out);
    void (*release)(void *state); /* may be NULL */
} sc_writer;

extern const sc_writer sc_writer_text;
extern const sc_writer sc_writer_json;
extern const sc_writer sc_writer_jsonl;

#endif
