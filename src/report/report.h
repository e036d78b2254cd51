/* Writers: render results; they never decide anything. */
#ifndef SC_REPORT_REPORT_H
#define SC_REPORT_REPORT_H

#include "core/buf.h"
#include "core/doc.h"

/* Appends the document's JSON object (schema version 1, DESIGN.md) to out,
 * indented by indent spaces (compact on one line when indent < 0). */
sc_status sc_render_json_document(const sc_result *result, int indent, sc_buf *out);

/* The same, with the render options (include_text); options may be NULL. */
sc_status sc_render_json_document_with(const sc_result *result, const sc_render_options *options,
                                       int indent, sc_buf *out);

/* Appends {"stale": [{"fingerprint", "rule", "id", "text"?}, ...]}, the
 * JSON report's "baseline" member, indented as sc_render_json_document. */
sc_status sc_render_json_baseline(const sc_baseline_entry *stale, size_t n_stale, int indent,
                                  sc_buf *out);

/* Appends an error record {"id": ..., "error": {...}}. */
sc_status sc_render_json_error(const char *id, const sc_error *error, int indent, sc_buf *out);

/* Appends the text report of one document: the findings options shows
 * (sc_report_shows; options may be NULL), in colour when options->color. */
sc_status sc_render_text_document(const sc_result *result, const sc_render_options *options,
                                  sc_buf *out);
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
    /* sc_report_baseline: a baseline was used, and these entries of it
     * are stale (copy what is kept).  NULL: the format ignores it. */
    sc_status (*baseline)(void *state, const sc_render_options *options,
                          const sc_baseline_entry *stale, size_t n_stale);
} sc_writer;

extern const sc_writer sc_writer_text;
extern const sc_writer sc_writer_json;
extern const sc_writer sc_writer_jsonl;
extern const sc_writer sc_writer_sarif;
extern const sc_writer sc_writer_junit;
extern const sc_writer sc_writer_github;
extern const sc_writer sc_writer_html;

/* What the SARIF, JUnit and GitHub writers share (common.c). */

/* Appends s[0..len) with every byte that is not valid UTF-8 (and NUL) as
 * U+FFFD; with xml, also the code points XML 1.0 forbids (C0 controls but
 * tab, LF and CR; U+FFFE, U+FFFF), which no XML parser would read back. */
void sc_report_clean(const char *s, size_t len, bool xml, sc_buf *out);

/* A finding's fingerprint: 16 hex digits and a NUL. */
typedef struct sc_fingerprint {
    char hex[17];
} sc_fingerprint;

/* The fingerprints of every finding of result, into out[0..n_findings):
 * FNV-1a 64 of the rule id, the document id and the text under the
 * finding's summary span (its source span when it has none), NFKC + case
 * folded with white space collapsed, plus the finding's ordinal among
 * earlier ones with the same three.  Line numbers play no part, so a
 * fingerprint survives edits elsewhere on the page.  SC_OK or
 * SC_ERR_NOMEM. */
sc_status sc_report_fingerprints(const sc_result *result, sc_fingerprint *out);

/* s[0..len) as fingerprints and suppressions compare text: NFKC, case
 * folded, white space collapsed to one space and trimmed; in the arena,
 * NUL-terminated, its length in *out_len.  NULL when out of memory. */
const char *sc_report_normalize(sc_arena *arena, const char *s, size_t len, size_t *out_len);

/* Which findings a report writes (every writer asks these):
 * sc_report_lists: at or above options->min_severity (machine formats
 * list suppressed and baselined findings, marked);
 * sc_report_shows: listed, and neither suppressed nor in the baseline
 * (what the text and GitHub reports show);
 * sc_report_gates: counted by the gate: at or above options->fail_on (0
 * never), neither suppressed nor in the baseline, whatever min_severity
 * hides. */
bool sc_report_lists(const sc_render_options *options, const sc_finding *finding);
bool sc_report_shows(const sc_render_options *options, const sc_finding *finding);
bool sc_report_gates(const sc_render_options *options, const sc_finding *finding);

/* The index of rule id in sc_rules[], or sc_rule_count when unknown. */
size_t sc_report_rule_index(const char *id);

#endif
