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
 * library keeps no mutable global state shared by threads.  Each thread
 * keeps up to 4 MiB of the memory its freed results and reports held, for
 * its next documents, and frees it when it ends.
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
    SC_REPORT_HTML,   /* one self-contained HTML page, written by sc_report_finish */
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

/** What to do with one rule's findings (sc_options.rules). */
typedef struct sc_rule_setting {
    const char *rule;     /* a rule id, as sc_rule_describe gives it */
    bool disabled;        /* true: the rule does not run, so it has no findings */
    sc_severity severity; /* 0 keeps the rule's own severities; else all its findings get it */
} sc_rule_setting;

/** A suppression (sc_options.suppressions): a finding of rule, in the
 * document id (any document when NULL), whose text contains text (any when
 * NULL) is kept in the result, marked with reason, and not counted by
 * sc_result_gate_count.  A finding's text is the text under its summary
 * span, else under its source span; both sides are compared NFKC-
 * normalised, case folded, with white space collapsed, so "Joe  biden"
 * matches "Joe Biden". */
typedef struct sc_suppression {
    const char *rule;   /* required: a rule id */
    const char *id;     /* a document id, or NULL */
    const char *text;   /* NULL, or text the finding's text must contain */
    const char *reason; /* required, not empty: why the finding is accepted */
} sc_suppression;

/** A cache of article analyses.  A corpus that scores several summaries
 * of each article analyses each article once while the cache holds it:
 * its tokens, stems, sentences and time expressions, which depend only on
 * its text and language, are copied into each pair's result instead.  It
 * holds at most max_bytes of analyses (about 20 bytes per article byte),
 * the least recently used dropped first, and keeps no article whose
 * analysis would take more than a quarter of that.  One cache may serve many threads at once (a
 * lock). A result keeps what it uses alive, so the cache may be freed before the results are.  NULL
 * when out of memory. */
typedef struct sc_cache sc_cache;
SC_EXPORT sc_cache *sc_cache_new(size_t max_bytes);
SC_EXPORT void sc_cache_free(sc_cache *cache);

/** How many articles were looked up in the cache and how many were there
 * (0 and 0 for NULL). */
SC_EXPORT void sc_cache_counts(sc_cache *cache, size_t *lookups, size_t *hits);

/** Options for checking one document.  Initialise with sc_options_init.
 * The arrays and strings are read during sc_check only: the result copies
 * what it keeps. */
typedef struct sc_options {
    sc_input_format input_format;
    /* ISO 639-1 code forcing the language ("id", "en"), or NULL to detect. */
    const char *language;
    /* "YYYY-MM-DD" overriding the page's own date, or NULL. */
    const char *page_date;
    /* Rule settings, n_rules of them; a rule named twice takes the last. */
    const sc_rule_setting *rules;
    size_t n_rules;
    /* A summary sentence whose support is below this gets an
     * unsupported-claim finding even when it passes the built-in threshold
     * (0.5); in [0, 1], 0 (the default) adds nothing. */
    double min_support;
    const sc_suppression *suppressions;
    size_t n_suppressions;
    /* A baseline: the fingerprints (sc_finding_info.fingerprint) of
     * accepted findings, sorted in strcmp order.  A finding whose
     * fingerprint is there is marked in_baseline and not counted by
     * sc_result_gate_count.  NULL: no baseline; a non-NULL pointer with
     * n_baseline 0 is an empty one (every finding is new). */
    const char *const *baseline;
    size_t n_baseline;
    /* HTML input: the AI summary block and the article's container, each
     * an XPath 1.0 expression or a simple CSS selector (tag, .class, #id,
     * compounds, descendant and child combinators), or NULL to let the
     * reader find them.  The first visible element picked is used; one
     * that picks nothing (or, for the summary, only an element holding
     * the article) leaves the finding to the reader. */
    const char *summary_selector;
    const char *article_selector;
    /* A cache of article analyses (sc_cache_new) for pairs, JSON or JSON
     * Lines input and sc_check_pair, that share an article: or NULL, the
     * default, for none.  The report is the same either way. */
    sc_cache *cache;
} sc_options;

/** Sets every option to its default.  Thread-safe. */
SC_EXPORT void sc_options_init(sc_options *options);

/** Checks the options: a known language code, a page date as YYYY-MM-DD,
 * known rule ids with valid severities, min_support in [0, 1], every
 * suppression with a known rule and a reason, a baseline of fingerprints
 * in order.  Returns SC_OK, or SC_ERR_OPTION with *error saying which
 * (error may be NULL; an unknown rule id is named in error->detail).
 * sc_check checks them too.  Thread-safe. */
SC_EXPORT sc_status sc_options_validate(const sc_options *options, sc_error *error);

/** A rule, as --list-rules and --explain show it.  Every string is static. */
typedef struct sc_rule_info {
    const char *id;       /* stable, never reused */
    sc_severity severity; /* its default severity */
    const char *summary;  /* one line: what it checks */
    const char *doc;      /* what it checks, an example, how to fix, its evidence keys */
} sc_rule_info;

/** The number of rules. */
SC_EXPORT size_t sc_rule_total(void);

/** Fills *info with the index-th rule, in the order findings are reported;
 * false when index >= sc_rule_total().  Thread-safe. */
SC_EXPORT bool sc_rule_describe(size_t index, sc_rule_info *info);

/** Fills *info with the rule named id; false when there is none.
 * Thread-safe. */
SC_EXPORT bool sc_rule_find(const char *id, sc_rule_info *info);

/** One checked document, opaque.  Owns all of its memory (one arena). */
typedef struct sc_result sc_result;

/** Checks one document: input[0..len) in options->input_format, named id
 * (copied; shown in reports).  Returns the result, or NULL with *error filled
 * (error may be NULL) when the input cannot be read.  Free with
 * sc_result_free.  Thread-safe for distinct calls. */
SC_EXPORT sc_result *sc_check(const char *input, size_t len, const char *id,
                              const sc_options *options, sc_error *error);

/** Checks a summary against its article given as two plain texts (UTF-8),
 * as a JSON pair of them would be checked: spans count in the summary and
 * source texts (fields "summary" and "source").  id is copied.  Returns the
 * result, or NULL with *error filled; error->path is then "summary" or
 * "source" when one of the texts is at fault.  options->input_format is
 * not used.  Free with sc_result_free.  Thread-safe for distinct calls. */
SC_EXPORT sc_result *sc_check_pair(const char *summary, size_t summary_len, const char *source,
                                   size_t source_len, const char *id, const sc_options *options,
                                   sc_error *error);

/** Frees a result.  NULL-safe. */
SC_EXPORT void sc_result_free(sc_result *result);

/** The document's id, as given or as read from the JSON pair. */
SC_EXPORT const char *sc_result_id(const sc_result *result);

/** The number of findings, and how many are at or above a severity. */
SC_EXPORT size_t sc_result_finding_count(const sc_result *result);
SC_EXPORT size_t sc_result_count_at_least(const sc_result *result, sc_severity severity);

/** Findings at or above severity that the gate counts: neither suppressed
 * nor in the baseline.  0 when severity is 0 (a gate that never fails). */
SC_EXPORT size_t sc_result_gate_count(const sc_result *result, sc_severity severity);

/** One finding, for callers that gate, filter or record them.  Strings
 * belong to the result. */
typedef struct sc_finding_info {
    const char *rule;
    sc_severity severity;
    const char *message;
    /* The input text under the finding's summary span, else its source
     * span; text_len bytes, not NUL-terminated ("" when it has neither). */
    const char *text;
    size_t text_len;
    /* Stable across runs and edits elsewhere on the page: a hash of the
     * rule, the document id and the normalised text (16 hex digits), the
     * SARIF report's partialFingerprints["sumcheck/v1"]. */
    char fingerprint[17];
    const char *suppressed; /* the matching suppression's reason, or NULL */
    bool in_baseline;       /* its fingerprint is in options->baseline */
} sc_finding_info;

/** Fills *info with the index-th finding; false when index is out of
 * range. */
SC_EXPORT bool sc_result_finding(const sc_result *result, size_t index, sc_finding_info *info);

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
    /* What every report lists: findings at or above this severity (0, the
     * default, lists all).  The gate does not depend on it. */
    sc_severity min_severity;
    /* JSON and JSON Lines reports: add each checked summary's features,
     * the inputs of its consistency, as "features": {name: number, ...}
     * (off by default; for training the consistency model,
     * bench/train_consistency.py). */
    bool emit_features;
} sc_render_options;

/** A report being written: a header, any number of documents, a footer.
 * JSON reports gather documents in one "documents" array; JSON Lines, text
 * and GitHub reports stream each document as it is added; SARIF, JUnit and
 * HTML reports keep the run in memory and write it all at sc_report_finish. */
typedef struct sc_report sc_report;

/** Starts a report in format, written through write(context, ...).  NULL when
 * out of memory.  options may be NULL. */
SC_EXPORT sc_report *sc_report_new(sc_report_format format, const sc_render_options *options,
                                   sc_write_fn write, void *context);

/** Renders one checked document.  Returns SC_OK or an error code. */
SC_EXPORT sc_status sc_report_add(sc_report *report, const sc_result *result);

/** Renders a document that could not be read: its id and the error. */
SC_EXPORT sc_status sc_report_add_error(sc_report *report, const char *id, const sc_error *error);

/** A baseline entry: a fingerprint and what it was recorded for. */
typedef struct sc_baseline_entry {
    const char *fingerprint;
    const char *rule;
    const char *id;   /* the document id */
    const char *text; /* the text under the finding when it was recorded, or NULL */
} sc_baseline_entry;

/** Tells the report that a baseline was used and which of its entries no
 * longer match any finding ("stale"), so the JSON report ends with
 * "baseline": {"stale": [...]}; other formats ignore it.  Call before
 * sc_report_finish; the entries are copied.  Returns SC_OK or an error
 * code. */
SC_EXPORT sc_status sc_report_baseline(sc_report *report, const sc_baseline_entry *stale,
                                       size_t n_stale);

/** Writes the footer (closing the JSON document).  Returns SC_OK or an error
 * code; the report is still to be freed. */
SC_EXPORT sc_status sc_report_finish(sc_report *report);

/** Frees a report.  NULL-safe. */
SC_EXPORT void sc_report_free(sc_report *report);

#ifdef __cplusplus
}
#endif

#endif
