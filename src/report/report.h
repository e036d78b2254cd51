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

#endif
