/* sumcheck: the command-line program.  It uses only the public API.
 *
 * main.c runs a check: settings in (options.c, config.c), inputs read and
 * checked one by one (files, directories through walk.c, JSON Lines
 * streamed, a --summary/--source pair), every result to every report, the
 * baseline noted (baseline.c), and the exit code of the gate. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* Same as the library's input limit: larger files are refused unread. */
#define MAX_FILE_BYTES ((size_t)64 * 1024 * 1024)

typedef struct cli {
    sc_options options;
    sc_input_format input_format;
    sc_severity fail_on; /* 0: never */
    sc_severity min_severity;
    int color; /* -1 auto, 0 never, 1 always */
    bool include_text;
    bool emit_features;
    output *outputs;
    size_t n_outputs;
    const strings *include, *exclude;
    baseline *baseline; /* --baseline, or NULL */
    recorder *recorder; /* --write-baseline, or NULL */
    batch *batch;       /* worker threads (--jobs above 1), or NULL */
    pool *pool;
    bool trouble; /* some input could not be read */
    bool gate;    /* some finding reached fail_on */
} cli;

static int write_file(void *context, const char *data, size_t len)
{
    return fwrite(data, 1, len, (FILE *)context) == len ? 0 : -1;
}

static bool to_stdout(const output *o)
{
    return o->path == NULL || strcmp(o->path, "-") == 0;
}

/* The text report leaves unreadable inputs to stderr, which already names
 * them, unless it goes to a file, which should hold the whole run. */
static bool takes_errors(const output *o)
{
    return o->format != SC_REPORT_TEXT || !to_stdout(o);
}

/* Why the reports cannot all be written as asked, or NULL. */
static const char *outputs_clash(const cli *c)
{
    size_t on_stdout = 0;
    for (size_t k = 0; k < c->n_outputs; k++) {
        const output *o = &c->outputs[k];
        on_stdout += to_stdout(o);
        for (size_t j = 0; j < k && !to_stdout(o); j++)
            if (!to_stdout(&c->outputs[j]) && strcmp(c->outputs[j].path, o->path) == 0)
                return "two reports go to the same -o file";
    }
    return on_stdout > 1 ? "only one report can go to standard output: give the others -o FILE"
                         : NULL;
}

/* Opens every report and its file; false (said on stderr) when one cannot
 * be.  color is what --color means for standard output: a file gets
 * colour only with --color always. */
static bool open_outputs(cli *c, bool color)
{
    for (size_t k = 0; k < c->n_outputs; k++) {
        output *o = &c->outputs[k];
        o->file = stdout;
        if (!to_stdout(o)) {
            o->file = fopen(o->path, "wb");
            if (o->file == NULL) {
                fprintf(stderr, "sumcheck: %s: cannot open for writing: %s\n", o->path,
                        strerror(errno));
                return false;
            }
        }
        sc_render_options render = {
            .color = to_stdout(o) ? color : c->color == 1,
            .fail_on = c->fail_on,
            .include_text = c->include_text,
            .emit_features = c->emit_features,
            .min_severity = c->min_severity,
        };
        o->report = sc_report_new(o->format, &render, write_file, o->file);
        if (o->report == NULL) {
            fprintf(stderr, "sumcheck: out of memory\n");
            return false;
        }
    }
    return true;
}

/* Frees every report and closes its file; false (said) when a file could
 * not be written to the end. */
static bool close_outputs(cli *c)
{
    bool ok = true;
    for (size_t k = 0; k < c->n_outputs; k++) {
        output *o = &c->outputs[k];
        sc_report_free(o->report);
        if (o->file != NULL && o->file != stdout) {
            bool bad = ferror(o->file) != 0;
            if (fclose(o->file) != 0 || bad) {
                if (!o->broken)
                    fprintf(stderr, "sumcheck: %s: cannot write the %s report: %s\n", o->path,
                            format_name(o->format), strerror(errno));
                ok = false;
            }
        }
        o->file = NULL;
        o->report = NULL;
    }
    return ok;
}

static void say_error(const char *name, const sc_error *e, size_t jsonl_line)
{
    fprintf(stderr, "sumcheck: %s", name);
    if (jsonl_line > 0)
        fprintf(stderr, ":%zu", jsonl_line);
    fprintf(stderr, ": %s", e->message != NULL ? e->message : "error");
    if (e->path[0] != '\0')
        fprintf(stderr, " at %s", e->path);
    if (jsonl_line > 0) {
        if (e->column > 0)
            fprintf(stderr, " (column %zu)", e->column);
    } else if (e->line > 0) {
        fprintf(stderr, " (line %zu, column %zu", e->line, e->column);
        if (e->byte != SC_NO_POS)
            fprintf(stderr, ", byte %zu", e->byte);
        fputc(')', stderr);
    } else if (e->byte != SC_NO_POS) {
        fprintf(stderr, " (byte %zu)", e->byte);
    }
    if (e->detail[0] != '\0')
        fprintf(stderr, ": %s", e->detail);
    fputc('\n', stderr);
}

static void report_status(cli *c, output *o, sc_status st)
{
    if (st == SC_OK)
        return;
    c->trouble = true;
    if (o->broken)
        return;
    o->broken = true;
    const char *why = st == SC_ERR_NOMEM ? "out of memory" : strerror(errno);
    if (o->path != NULL)
        fprintf(stderr, "sumcheck: %s: cannot write the %s report: %s\n", o->path,
                format_name(o->format), why);
    else
        fprintf(stderr, "sumcheck: cannot write the report: %s\n", why);
}

/* A checked document: the gate, the baseline, every report. */
static void take_result(cli *c, sc_result *r)
{
    if (sc_result_gate_count(r, c->fail_on) > 0)
        c->gate = true;
    if ((c->baseline != NULL && !baseline_note(c->baseline, r)) ||
        (c->recorder != NULL && !recorder_add(c->recorder, r))) {
        fprintf(stderr, "sumcheck: out of memory\n");
        c->trouble = true;
    }
    for (size_t k = 0; k < c->n_outputs; k++)
        report_status(c, &c->outputs[k], sc_report_add(c->outputs[k].report, r));
    sc_result_free(r);
}

/* A document that could not be read: said on stderr (as name), recorded
 * in every report that takes errors (as id). */
static void take_error(cli *c, const char *name, const char *id, sc_error *error, size_t jsonl_line)
{
    c->trouble = true;
    say_error(name, error, jsonl_line);
    if (jsonl_line > 0)
        error->line = jsonl_line;
    for (size_t k = 0; k < c->n_outputs; k++)
        if (takes_errors(&c->outputs[k]))
            report_status(c, &c->outputs[k], sc_report_add_error(c->outputs[k].report, id, error));
}

/* A result coming back from the worker threads, in input order. */
static void deliver(void *context, sc_result *r, sc_error *error, const char *id, const char *name,
                    size_t jsonl_line)
{
    cli *c = context;
    if (r == NULL)
        take_error(c, name, id, error, jsonl_line);
    else
        take_result(c, r);
}

static void check_one(cli *c, const char *data, size_t len, const char *id, sc_input_format format,
                      const char *name, size_t jsonl_line)
{
    if (c->batch != NULL) {
        if (!batch_add(c->batch, data, len, id, format, name, jsonl_line)) {
            fprintf(stderr, "sumcheck: %s: out of memory\n", name);
            c->trouble = true;
        }
        return;
    }
    sc_options options = c->options;
    options.input_format = format;
    sc_error error;
    memset(&error, 0, sizeof error);
    sc_result *r = sc_check(data, len, id, &options, &error);
    if (r == NULL)
        take_error(c, name, id, &error, jsonl_line);
    else
        take_result(c, r);
}

/* An input that could not be read at all still gets its record in a
 * machine report, so a consumer sees every input it gave. */
static void report_unreadable(cli *c, const char *name, const char *message)
{
    /* Its record goes after every document before it. */
    if (c->batch != NULL)
        batch_flush(c->batch);
    c->trouble = true;
    sc_error e;
    memset(&e, 0, sizeof e);
    e.code = SC_ERR_IO;
    e.message = message;
    e.byte = SC_NO_POS;
    for (size_t k = 0; k < c->n_outputs; k++)
        if (takes_errors(&c->outputs[k]))
            report_status(c, &c->outputs[k], sc_report_add_error(c->outputs[k].report, name, &e));
}

/* Reads a whole stream; NULL with errno set on failure (EFBIG past the
 * limit). */
static char *slurp(FILE *f, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (buf == NULL)
        return NULL;
    for (;;) {
        if (n == cap) {
            if (cap > MAX_FILE_BYTES) {
                free(buf);
                errno = EFBIG;
                return NULL;
            }
            char *grown = realloc(buf, cap * 2);
            if (grown == NULL) {
                free(buf);
                errno = ENOMEM;
                return NULL;
            }
            buf = grown;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                int saved = errno;
                free(buf);
                errno = saved ? saved : EIO;
                return NULL;
            }
            break;
        }
    }
    if (n > MAX_FILE_BYTES) {
        free(buf);
        errno = EFBIG;
        return NULL;
    }
    *len = n;
    return buf;
}

static bool blank_line(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return false;
    return true;
}

/* One JSON Lines record: its id is the pair's own, else "line:N". */
static void check_jsonl_line(cli *c, const char *line, size_t n, const char *name, size_t number)
{
    if (blank_line(line, n))
        return;
    char id[32];
    snprintf(id, sizeof id, "line:%zu", number);
    check_one(c, line, n, id, SC_INPUT_JSONL, name, number);
}

/* Streams JSON Lines: memory is bounded by the longest line. */
static void check_jsonl_stream(cli *c, FILE *f, const char *name)
{
    char *line = NULL;
    size_t cap = 0, number = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) >= 0) {
        number++;
        check_jsonl_line(c, line, (size_t)n, name, number);
    }
    if (ferror(f)) {
        fprintf(stderr, "sumcheck: %s: read error after line %zu: %s\n", name, number,
                strerror(errno));
        report_unreadable(c, name, "read error");
    }
    free(line);
}

static void check_jsonl_buffer(cli *c, const char *data, size_t len, const char *name)
{
    size_t number = 0, i = 0;
    while (i < len) {
        const char *nl = memchr(data + i, '\n', len - i);
        size_t end = nl != NULL ? (size_t)(nl - data) : len;
        number++;
        check_jsonl_line(c, data + i, end - i, name, number);
        i = end + 1;
    }
}

static void check_file(cli *c, const char *path)
{
    bool is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "-" : path;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "sumcheck: %s: cannot open: %s\n", path, strerror(errno));
        report_unreadable(c, name, "cannot open the file");
        return;
    }
    sc_input_format format = c->input_format;
    if (format == SC_INPUT_AUTO && !is_stdin)
        format =
            sc_detect_input_format("", 0, path) == SC_INPUT_JSONL ? SC_INPUT_JSONL : SC_INPUT_AUTO;
    if (format == SC_INPUT_JSONL) {
        check_jsonl_stream(c, f, name);
    } else {
        size_t len = 0;
        char *data = slurp(f, &len);
        if (data == NULL) {
            bool too_big = errno == EFBIG;
            fprintf(stderr, "sumcheck: %s: cannot read: %s\n", name,
                    too_big ? "larger than the 64 MiB input limit" : strerror(errno));
            report_unreadable(
                c, name, too_big ? "larger than the 64 MiB input limit" : "cannot read the file");
        } else {
            if (format == SC_INPUT_AUTO)
                format = sc_detect_input_format(data, len, is_stdin ? NULL : path);
            if (format == SC_INPUT_JSONL)
                check_jsonl_buffer(c, data, len, name);
            else
                check_one(c, data, len, name, format, name, 0);
            free(data);
        }
    }
    if (!is_stdin)
        fclose(f);
}

/* A file, or the files of a directory. */
static void check_input(cli *c, const char *path)
{
    struct stat st;
    if (strcmp(path, "-") == 0 || stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
        check_file(c, path);
        return;
    }
    strings files = {0};
    const char *why = NULL;
    if (!walk_directory(path, c->include, c->exclude, &files, c->pool, &why))
        report_unreadable(c, path, why);
    /* What was found is checked even when part of the tree was not. */
    for (size_t i = 0; i < files.n; i++)
        check_file(c, files.items[i]);
    strings_release(&files);
}

/* --summary FILE --source FILE: two plain texts as one pair, named by the
 * summary's path. */
static void check_pair_files(cli *c, const char *summary_path, const char *source_path)
{
    const char *paths[2] = {summary_path, source_path};
    char *data[2] = {NULL, NULL};
    size_t len[2] = {0, 0};
    for (int k = 0; k < 2; k++) {
        FILE *f = fopen(paths[k], "rb");
        if (f == NULL) {
            fprintf(stderr, "sumcheck: %s: cannot open: %s\n", paths[k], strerror(errno));
        } else {
            data[k] = slurp(f, &len[k]);
            if (data[k] == NULL)
                fprintf(stderr, "sumcheck: %s: cannot read: %s\n", paths[k],
                        errno == EFBIG ? "larger than the 64 MiB input limit" : strerror(errno));
            fclose(f);
        }
        if (data[k] == NULL) {
            report_unreadable(c, summary_path,
                              k == 0 ? "cannot read the summary file"
                                     : "cannot read the source file");
            free(data[0]);
            return;
        }
    }
    sc_error error;
    memset(&error, 0, sizeof error);
    sc_result *r =
        sc_check_pair(data[0], len[0], data[1], len[1], summary_path, &c->options, &error);
    free(data[0]);
    free(data[1]);
    if (r != NULL) {
        take_result(c, r);
        return;
    }
    /* Name the file at fault: the library says which text. */
    bool source = strcmp(error.path, "source") == 0;
    error.path[0] = '\0';
    take_error(c, source ? source_path : summary_path, summary_path, &error, 0);
}

/* Stale baseline entries: one line each on stderr, and to every report
 * (the JSON report lists them). */
static void report_stale(cli *c)
{
    sc_baseline_entry *stale = NULL;
    size_t n = baseline_stale(c->baseline, &stale);
    for (size_t i = 0; i < n; i++) {
        fprintf(stderr, "sumcheck: %s: stale entry, no longer found: %s: %s",
                baseline_path(c->baseline), stale[i].id, stale[i].rule);
        if (stale[i].text != NULL)
            fprintf(stderr, " \"%.80s%s\"", stale[i].text, strlen(stale[i].text) > 80 ? "..." : "");
        fprintf(stderr, " (%s)\n", stale[i].fingerprint);
    }
    for (size_t k = 0; k < c->n_outputs; k++)
        report_status(c, &c->outputs[k], sc_report_baseline(c->outputs[k].report, stale, n));
    free(stale);
}

/* The library's options from the settings; false after saying why. */
static bool library_options(cli *c, const layer *s, sc_rule_setting *rules)
{
    sc_options_init(&c->options);
    c->options.language = s->lang;
    c->options.page_date = s->page_date;
    size_t n = 0;
    sc_rule_info info;
    for (size_t i = 0; sc_rule_describe(i, &info); i++) {
        if (s->rules[i] == RULE_UNSET)
            continue;
        rules[n].rule = info.id;
        rules[n].disabled = s->rules[i] == RULE_OFF;
        rules[n].severity = s->rules[i] == RULE_OFF ? 0 : (sc_severity)s->rules[i];
        n++;
    }
    c->options.rules = rules;
    c->options.n_rules = n;
    c->options.min_support = s->min_support;
    c->options.suppressions = s->suppressions;
    c->options.n_suppressions = s->n_suppressions;
    if (c->baseline != NULL)
        c->options.baseline = baseline_fingerprints(c->baseline, &c->options.n_baseline);
    sc_error e;
    memset(&e, 0, sizeof e);
    if (sc_options_validate(&c->options, &e) == SC_OK)
        return true;
    fprintf(stderr, "sumcheck: %s%s%s\n", e.message, e.detail[0] ? ": " : "", e.detail);
    return false;
}

/* Settings a layer other than the config file gave that the config file
 * would have checked on reading: the language and the page date. */
static int check_settings(const layer *s)
{
    sc_options one;
    sc_options_init(&one);
    one.language = s->lang;
    if (sc_options_validate(&one, NULL) != SC_OK)
        return usage_error("unknown --lang '%s' (known: id, en)", s->lang);
    sc_options_init(&one);
    one.page_date = s->page_date;
    if (sc_options_validate(&one, NULL) != SC_OK)
        return usage_error("--page-date '%s' is not a date as YYYY-MM-DD", s->page_date);
    return EXIT_PASS;
}

/* Everything but the cleanup; returns the exit status. */
static int run(int argc, char **argv, layer *layers, request *req, pool *p, cli *c,
               sc_rule_setting *rules)
{
    layer *cl = &layers[0], *env = &layers[1], *file = &layers[2], *s = &layers[3];
    int st = parse_command_line(argc, argv, cl, req, p);
    if (st != EXIT_PASS)
        return st;
    if (req->help) {
        print_usage(stdout);
        return EXIT_PASS;
    }
    if (req->version) {
        printf("sumcheck %s (JSON report schema %d)\n", SC_VERSION, SC_SCHEMA_VERSION);
        return EXIT_PASS;
    }
    if (req->list_rules) {
        list_rules(stdout);
        return EXIT_PASS;
    }
    if (req->explain != NULL)
        return explain_rule(stdout, req->explain)
                   ? EXIT_PASS
                   : usage_error("unknown rule '%s': sumcheck --list-rules lists them",
                                 req->explain);
    config_file config;
    if ((st = read_environment(env, p)) != EXIT_PASS ||
        (st = load_config(req, file, &config, p)) != EXIT_PASS)
        return st;
    if (!merge_layers(cl, env, file, s)) {
        fprintf(stderr, "sumcheck: out of memory\n");
        return EXIT_TROUBLE;
    }
    if ((st = check_settings(s)) != EXIT_PASS)
        return st;
    if (req->print_config)
        return print_config(stdout, s, &config) ? EXIT_PASS : EXIT_TROUBLE;

    c->input_format = s->input_format;
    c->fail_on = s->fail_on;
    c->min_severity = s->min_severity;
    c->color = s->color;
    c->include_text = s->include_text;
    c->emit_features = req->emit_features;
    c->outputs = s->outputs;
    c->n_outputs = s->n_outputs;
    c->include = &s->include;
    c->exclude = &s->exclude;
    c->pool = p;
    const char *clash = outputs_clash(c);
    if (clash != NULL)
        return usage_error("%s", clash);
    if (s->baseline != NULL && (c->baseline = baseline_load(s->baseline)) == NULL)
        return EXIT_TROUBLE;
    if (!library_options(c, s, rules))
        return EXIT_TROUBLE;
    if (req->write_baseline != NULL && (c->recorder = recorder_new()) == NULL) {
        fprintf(stderr, "sumcheck: out of memory\n");
        return EXIT_TROUBLE;
    }

    bool color = c->color == 1;
    if (c->color == -1) {
        const char *no_color = getenv("NO_COLOR");
        const char *term = getenv("TERM");
        color = isatty(STDOUT_FILENO) && (no_color == NULL || no_color[0] == '\0') &&
                !(term != NULL && strcmp(term, "dumb") == 0);
    }
    int status = open_outputs(c, color) ? EXIT_PASS : EXIT_TROUBLE;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    size_t jobs = req->jobs != 0 ? req->jobs : cores > 0 ? (size_t)cores : 1;
    if (status == EXIT_PASS && jobs > 1 && req->summary_file == NULL &&
        (c->batch = batch_new(jobs, &c->options, deliver, c)) == NULL) {
        fprintf(stderr, "sumcheck: out of memory\n");
        status = EXIT_TROUBLE;
    }
    if (status == EXIT_PASS) {
        if (req->summary_file != NULL)
            check_pair_files(c, req->summary_file, req->source_file);
        else if (req->inputs.n == 0)
            check_input(c, "-");
        for (size_t i = 0; i < req->inputs.n; i++)
            check_input(c, req->inputs.items[i]);
        if (c->batch != NULL)
            batch_flush(c->batch);
        if (c->baseline != NULL)
            report_stale(c);
        for (size_t k = 0; k < c->n_outputs; k++)
            report_status(c, &c->outputs[k], sc_report_finish(c->outputs[k].report));
        if (c->recorder != NULL && !recorder_write(c->recorder, req->write_baseline))
            status = EXIT_TROUBLE;
    }
    if (!close_outputs(c))
        status = EXIT_TROUBLE;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "sumcheck: cannot write the report: %s\n", strerror(errno));
        return EXIT_TROUBLE;
    }
    if (status != EXIT_PASS || c->trouble)
        return EXIT_TROUBLE;
    /* Writing a baseline accepts today's findings. */
    if (c->recorder != NULL)
        return EXIT_PASS;
    return c->gate ? EXIT_GATE : EXIT_PASS;
}

int main(int argc, char **argv)
{
    layer layers[4];
    request req;
    pool p;
    cli c;
    memset(&req, 0, sizeof req);
    memset(&p, 0, sizeof p);
    memset(&c, 0, sizeof c);
    bool ready = true;
    for (int i = 0; i < 4; i++)
        ready &= layer_init(&layers[i]);
    sc_rule_setting *rules = calloc(sc_rule_total() + 1, sizeof *rules);
    int status;
    if (!ready || rules == NULL) {
        fprintf(stderr, "sumcheck: out of memory\n");
        status = EXIT_TROUBLE;
    } else {
        status = run(argc, argv, layers, &req, &p, &c, rules);
    }
    batch_free(c.batch);
    baseline_free(c.baseline);
    recorder_free(c.recorder);
    free(rules);
    for (int i = 0; i < 4; i++)
        layer_release(&layers[i]);
    strings_release(&req.inputs);
    pool_free(&p);
    return status;
}
