/* The program's own parts (src/cli/): the settings and where each comes
 * from, the config file, the baseline, directory walking.  The program
 * uses only the public API (sumcheck.h) of the library. */
#ifndef SC_CLI_CLI_H
#define SC_CLI_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "sumcheck.h"

enum { EXIT_PASS = 0, EXIT_GATE = 1, EXIT_TROUBLE = 2 };

/* --jobs: more threads than this only cost memory (64 documents each in
 * flight, batch.c). */
enum { MAX_JOBS = 1024 };

/* --cache-mb: the article cache's budget (sc_cache_new), in MiB.  The
 * default holds the analyses of about 500 news articles of 4 KB, enough
 * for the corpora of ../shared/bench/consistency/, which score each
 * article's summaries far apart (bench/article_repeats.py).  The most is
 * 1 TiB (on a 32-bit machine, as many bytes as a size_t holds). */
enum { DEFAULT_CACHE_MB = 64, MAX_CACHE_MB = 1 << 20 };

/* What the program allocates for the whole run, freed at once at its end:
 * strings and parsed JSON documents that settings point into. */
typedef struct pool_item {
    void *data;
    void (*release)(void *data);
} pool_item;

typedef struct pool {
    pool_item *items;
    size_t n, cap;
} pool;

/* Keeps data until pool_free; returns data, or NULL (data released) when
 * out of memory.  release NULL means free(). */
void *pool_keep(pool *p, void *data, void (*release)(void *data));
char *pool_strdup(pool *p, const char *s);
/* "dir/name" (just name when dir is NULL or name is absolute or "-"). */
char *pool_join(pool *p, const char *dir, const char *name);
void pool_free(pool *p);

/* A growable list of strings the list does not own. */
typedef struct strings {
    const char **items;
    size_t n, cap;
} strings;

bool strings_add(strings *list, const char *s);
void strings_release(strings *list);

/* One report of the run: its format and where it goes. */
typedef struct output {
    sc_report_format format;
    const char *path; /* NULL or "-" for standard output */
    FILE *file;
    sc_report *report;
    sc_render_options render;
    bool alone;  /* each document renders on its own (JSON Lines, GitHub): on the workers */
    bool broken; /* a write failed (said once) */
} output;

const char *format_name(sc_report_format format);
bool parse_format(const char *name, sc_report_format *format);
bool parse_input_format(const char *name, sc_input_format *format);
const char *input_format_name(sc_input_format format);

/* The settings a config file, the environment or the command line can
 * give; each layer says which it gives (set[]). */
typedef enum setting_key {
    KEY_FORMAT,
    KEY_INPUT_FORMAT,
    KEY_FAIL_ON,
    KEY_MIN_SEVERITY,
    KEY_MIN_SUPPORT,
    KEY_LANG,
    KEY_PAGE_DATE,
    KEY_COLOR,
    KEY_INCLUDE_TEXT,
    KEY_INCLUDE,
    KEY_EXCLUDE,
    KEY_BASELINE,
    KEY_SUPPRESSIONS,
    KEY_JOBS,
    KEY_CACHE_MB,
    KEY_COUNT
} setting_key;

/* A rule's state in a layer: unset, off, or a severity. */
enum { RULE_UNSET = 0, RULE_OFF = -1 };

typedef struct layer {
    bool set[KEY_COUNT];
    const char *from[KEY_COUNT]; /* "command line", "environment SUMCHECK_...", "config file" */
    output *outputs;             /* KEY_FORMAT */
    size_t n_outputs;
    sc_input_format input_format;
    sc_severity fail_on; /* 0: never */
    sc_severity min_severity;
    double min_support;
    const char *lang;
    const char *page_date;
    int color; /* -1 auto, 0 never, 1 always */
    bool include_text;
    strings include, exclude;
    const char *baseline;
    sc_suppression *suppressions;
    size_t n_suppressions;
    size_t jobs;             /* KEY_JOBS: worker threads, 1 to MAX_JOBS */
    size_t cache_mb;         /* KEY_CACHE_MB: 0 (no cache) to MAX_CACHE_MB */
    int *rules;              /* sc_rule_total() entries: RULE_UNSET, RULE_OFF or an sc_severity */
    const char *rule_from;   /* where this layer's rule settings come from */
    const char **rules_from; /* merged: where each rule's setting comes from */
} layer;

/* Allocates l->rules; false when out of memory. */
bool layer_init(layer *l);
void layer_release(layer *l);

/* The config file in use: where it is and how it was found. */
typedef struct config_file {
    const char *path;     /* NULL: none */
    const char *found_by; /* "--config", "SUMCHECK_CONFIG", "found walking up from ..." */
} config_file;

/* What the command line asks besides settings. */
typedef struct request {
    strings inputs; /* files and directories, in order */
    const char *summary_file, *source_file;
    const char *config;  /* --config FILE */
    bool no_config;      /* --no-config */
    bool print_config;   /* --print-config */
    bool list_rules;     /* --list-rules */
    const char *explain; /* --explain RULE */
    const char *write_baseline;
    bool emit_features; /* --emit-features: JSON reports add "features" */
    bool stats;         /* --stats: the summary line even when stderr is no terminal */
    bool help, version;
    /* --summary-selector, --article-selector: XPath or simple CSS */
    const char *summary_selector, *article_selector;
} request;

/* options.c: the command line and the environment.  Each returns
 * EXIT_PASS, or EXIT_TROUBLE after saying why on stderr. */
int parse_command_line(int argc, char **argv, layer *cli, request *req, pool *p);
int read_environment(layer *env, pool *p);
/* The effective settings: command line over environment over file over
 * defaults, key by key (rules rule by rule); out's from[] says where each
 * came from. */
bool merge_layers(const layer *cli, const layer *env, const layer *file, layer *out);
void print_usage(FILE *f);
void list_rules(FILE *f);
/* Prints the rule's doc; false when there is no such rule. */
bool explain_rule(FILE *f, const char *id);
/* --print-config: the effective settings as JSON; false on a write error. */
bool print_config(FILE *f, const layer *settings, const config_file *config);
__attribute__((format(printf, 1, 2))) int usage_error(const char *fmt, ...);

/* config.c: finds the config file (--config, SUMCHECK_CONFIG, else
 * sumcheck.json walking up from the current directory unless no_config)
 * and reads it into file.  EXIT_PASS, or EXIT_TROUBLE after one line on
 * stderr naming the file and the JSON path. */
int load_config(const request *req, layer *file, config_file *found, pool *p);

/* baseline.c */
typedef struct baseline baseline;
/* Reads a baseline file; NULL after one line on stderr naming the file
 * and the JSON path (or out of memory). */
baseline *baseline_load(const char *path);
void baseline_free(baseline *b);
/* Its fingerprints, sorted, for sc_options.baseline. */
const char *const *baseline_fingerprints(const baseline *b, size_t *n);
/* Notes a checked document: which entries it matched. */
bool baseline_note(baseline *b, const sc_result *result);
/* Entries of checked documents that nothing matched, in file order;
 * *stale is the caller's to free (the strings are the baseline's). */
size_t baseline_stale(const baseline *b, sc_baseline_entry **stale);
const char *baseline_path(const baseline *b);

/* Today's findings, for --write-baseline. */
typedef struct recorder recorder;
recorder *recorder_new(void);
bool recorder_add(recorder *rec, const sc_result *result);
/* Writes the baseline file; false after saying why on stderr. */
bool recorder_write(recorder *rec, const char *path);
void recorder_free(recorder *rec);

/* walk.c: the files a directory argument stands for: recursive, sorted
 * by byte order, hidden entries (".name") skipped; a file is taken when
 * it matches an include glob, or, with none given, when its extension is
 * one sumcheck reads (.txt .html .htm .json .jsonl .ndjson); then exclude
 * globs take files out.  Globs (fnmatch) match the path below dir and the
 * file's name.  Adds the paths to files (kept in p); false after saying
 * why on stderr (*why_unreadable says it for the report). */
bool walk_directory(const char *dir, const strings *include, const strings *exclude, strings *files,
                    pool *p, const char **why_unreadable);

/* progress.c: the progress bar (drawn only when bar is set: standard
 * error is a terminal) and the run's clock. */
typedef struct progress {
    FILE *out;
    FILE *flush; /* a report stream on the same terminal, flushed before drawing; or NULL */
    bool bar, drawn;
    double start, last_draw; /* seconds, monotonic */
    size_t docs_done, docs_total;
    double bytes_done, bytes_total;
    bool docs_known, bytes_known; /* every input's count (size) is known */
} progress;

void progress_start(progress *p, FILE *out, bool bar);
/* Inputs to come: documents of them (when known) and bytes (when known). */
void progress_expect(progress *p, size_t documents, bool documents_known, double bytes,
                     bool bytes_known);
/* A document is done (checked, or found unreadable); bytes of input. */
void progress_step(progress *p, size_t bytes);
/* Erases the bar, before another line goes to its stream. */
void progress_clear(progress *p);
double progress_elapsed(const progress *p);

/* batch.c: documents checked on worker threads, handed back in input
 * order.  One document on its way through: */
typedef struct batch_doc {
    const char *id, *name;
    size_t jsonl_line; /* 0 when not a JSON Lines record */
    size_t len;        /* its input bytes */
    bool failed;       /* it could not be read: error says why */
    sc_error error;
    /* The result; work may free it and set NULL when deliver will not
     * need it.  Whoever holds it last frees it. */
    sc_result *result;
    void *work; /* what work made of it, freed with work_free */
    void (*work_free)(void *work);
} batch_doc;
/* work runs on a worker thread right after the check (it renders what
 * can be rendered alone); deliver runs on the calling thread in input
 * order and owns doc->result and doc->work. */
typedef void (*batch_work_fn)(void *context, batch_doc *doc);
typedef void (*batch_deliver_fn)(void *context, batch_doc *doc);
typedef struct batch batch;
/* jobs worker threads; options must outlive the batch.  NULL when out of
 * memory. */
batch *batch_new(size_t jobs, const sc_options *options, batch_work_fn work,
                 batch_deliver_fn deliver, void *context);
/* Queues a copy of the document, first delivering what is finished (and
 * waiting when too much is in flight).  false when out of memory (nothing
 * queued). */
bool batch_add(batch *b, const char *data, size_t len, const char *id, sc_input_format format,
               const char *name, size_t jsonl_line);
/* Delivers everything queued, in order. */
bool batch_flush(batch *b);
/* Stops the workers and frees, dropping what was not flushed
 * (NULL-safe). */
void batch_free(batch *b);

#endif
