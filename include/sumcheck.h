/* sumcheck: check an AI-generated summary against the article it summarises.
 *
 * The library reads one document (a scraped page, or a JSON pair of source
 * and summary), aligns every summary sentence with the article sentences that
 * support it, runs the rules and renders reports.  It never prints, never
 * exits and never aborts on input: every call that can fail returns a status
 * or NULL and fills an optional sc_error.
 *
 * Ownership: every object returned by a _new or _check call is freed by the
 * matching _free call (all NULL-safe).  Strings returned by accessors belong
 * to the object they came from and live as long as it does.
 *
 * Threads: distinct objects may be used from distinct threads at once; the
 * library keeps no mutable global state.
 */
#ifndef SUMCHECK_H
#define SUMCHECK_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(SC_BUILDING_LIBRARY) && defined(__GNUC__)
#define SC_EXPORT __attribute__((visibility("default")))
#else
#define SC_EXPORT
#endif

#define SC_VERSION "0.1.0"
/* The JSON report's schema version (DESIGN.md). */
#define SC_SCHEMA_VERSION 1

/** Error codes.  Values are stable. */
typedef enum sc_status {
    SC_OK = 0,
    SC_ERR_NOMEM = 1,  /* out of memory */
    SC_ERR_INPUT = 2,  /* the input cannot be read: bad bytes, bad JSON, ... */
    SC_ERR_LIMIT = 3,  /* the input exceeds a documented hard limit */
    SC_ERR_OPTION = 4, /* an option value is wrong */
    SC_ERR_IO = 5,     /* a report sink failed */
} sc_status;

/** Where and why a call failed.  message is static storage.  byte is the
 * byte offset in the input (or SC_NO_POS); line and column are 1-based (0
 * when unknown); path names a JSON member such as "$.summary" ("" if none);
 * detail says more when there is more to say ("" if not), such as the JSON
 * parser's own words. */
typedef struct sc_error {
    sc_status code;
    const char *message;
    size_t byte;
    size_t line;
    size_t column;
    char path[64];
    char detail[160];
} sc_error;

#define SC_NO_POS ((size_t)-1)

/** Input formats.  SC_INPUT_AUTO goes by content (the CLI adds the
 * extension rules of DESIGN.md). */
typedef enum sc_input_format {
    SC_INPUT_AUTO = 0,
    SC_INPUT_TEXT,  /* scraped page text */
    SC_INPUT_HTML,  /* not read yet: rejected with SC_ERR_INPUT */
    SC_INPUT_JSON,  /* one JSON pair object */
    SC_INPUT_JSONL, /* one JSON pair per line: give the library one line at a time */
} sc_input_format;

/** Report formats. */
typedef enum sc_report_format {
    SC_REPORT_TEXT = 0,
    SC_REPORT_JSON,
    SC_REPORT_JSONL,
    SC_REPORT_SARIF,  /* SARIF 2.1.0: one log, written by sc_report_finish */
    SC_REPORT_JUNIT,  /* JUnit XML: one testcase per document, written by sc_report_finish */
    SC_REPORT_GITHUB, /* GitHub Actions workflow commands: a line per finding, streamed */
} sc_report_format;

/** Finding severities, ordered. */
typedef enum sc_severity {
    SC_SEVERITY_NOTE = 1,
    SC_SEVERITY_WARNING = 2,
    SC_SEVERITY_ERROR = 3,
} sc_severity;

/** The format of input[0..len) named name (a path, or NULL): by the name's
 * extension first (.html/.htm, .json, .jsonl/.ndjson, .txt), then by
 * content: "<" first (after a BOM and white space) is HTML, one JSON object
 * is JSON, an object per line is JSON Lines, anything else is text.  Never
 * returns SC_INPUT_AUTO.  Thread-safe. */
SC_EXPORT sc_input_format sc_detect_input_format(const char *input, size_t len, const char *name);

/** Options for checking one document.  Initialise with sc_options_init. */
typedef struct sc_options {
    sc_input_format input_format;
    /* ISO 639-1 code forcing the language ("id", "en"), or NULL to detect. */
    const char *language;
    /* "YYYY-MM-DD" overriding the page's own date, or NULL. */
    const char *page_date;
} sc_options;

/** Sets every option to its default.  Thread-safe. */
SC_EXPORT void sc_options_init(sc_options *options);

/** Checks the options: a known language code, a page date as YYYY-MM-DD.
 * Returns SC_OK, or SC_ERR_OPTION with *error saying which (error may be
 * NULL).  sc_check checks them too.  Thread-safe. */
SC_EXPORT sc_status sc_options_validate(const sc_options *options, sc_error *error);

/** One checked document, opaque.  Owns all of its memory (one arena). */
typedef struct sc_result sc_result;

/** Checks one document: input[0..len) in options->input_format, named id
 * (copied; shown in reports).  Returns the result, or NULL with *error filled
 * (error may be NULL) when the input cannot be read.  Free with
 * sc_result_free.  Thread-safe for distinct calls. */
SC_EXPORT sc_result *sc_check(const char *input, size_t len, const char *id,
                              const sc_options *options, sc_error *error);

/** Frees a result.  NULL-safe. */
SC_EXPORT void sc_result_free(sc_result *result);

/** The document's id, as given or as read from the JSON pair. */
SC_EXPORT const char *sc_result_id(const sc_result *result);

/** The number of findings, and how many are at or above a severity. */
SC_EXPORT size_t sc_result_finding_count(const sc_result *result);
SC_EXPORT size_t sc_result_count_at_least(const sc_result *result, sc_severity severity);

/** The document's consistency in [0, 1], or a negative number when it has no
 * summary to check. */
SC_EXPORT double sc_result_consistency(const sc_result *result);

/** Parses "error", "warning", "note".  Returns false when unknown. */
SC_EXPORT bool sc_severity_parse(const char *name, sc_severity *severity);
SC_EXPORT const char *sc_severity_name(sc_severity severity);

/** A sink for rendered reports: writes len bytes, returns 0 on success.  The
 * library calls it; the caller decides where the bytes go. */
typedef int (*sc_write_fn)(void *context, const char *data, size_t len);

/** Report rendering options. */
typedef struct sc_render_options {
    bool color; /* ANSI colour in the text report */
    /* The gate: a document fails when it has a finding at or above this
     * severity (JUnit failures, SARIF levels); 0 means never. */
    sc_severity fail_on;
    /* JSON and JSON Lines reports: add each document's article text as
     * "article": {"text": ...} (off by default: it can be long). */
    bool include_text;
} sc_render_options;

/** A report being written: a header, any number of documents, a footer.
 * JSON reports gather documents in one "documents" array; JSON Lines, text
 * and GitHub reports stream each document as it is added; SARIF and JUnit
 * reports keep the run in memory and write it all at sc_report_finish. */
typedef struct sc_report sc_report;

/** Starts a report in format, written through write(context, ...).  NULL when
 * out of memory.  options may be NULL. */
SC_EXPORT sc_report *sc_report_new(sc_report_format format, const sc_render_options *options,
                                   sc_write_fn write, void *context);

/** Renders one checked document.  Returns SC_OK or an error code. */
SC_EXPORT sc_status sc_report_add(sc_report *report, const sc_result *result);

/** Renders a document that could not be read: its id and the error. */
SC_EXPORT sc_status sc_report_add_error(sc_report *report, const char *id, const sc_error *error);

/** Writes the footer (closing the JSON document).  Returns SC_OK or an error
 * code; the report is still to be freed. */
SC_EXPORT sc_status sc_report_finish(sc_report *report);

/** Frees a report.  NULL-safe. */
SC_EXPORT void sc_report_free(sc_report *report);

#ifdef __cplusplus
}
#endif

#endif
