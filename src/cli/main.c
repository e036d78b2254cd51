/* sumcheck: the command-line program.  It uses only the public API. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sumcheck.h"

enum { EXIT_PASS = 0, EXIT_GATE = 1, EXIT_TROUBLE = 2 };

/* Same as the library's input limit: larger files are refused unread. */
#define MAX_FILE_BYTES ((size_t)64 * 1024 * 1024)

static const char usage[] =
    "Usage: sumcheck [OPTIONS] [FILE...]\n"
    "Check an AI-generated summary against the article it summarises.\n"
    "\n"
    "Reads each FILE (standard input when there is none, or for -): a scraped page as\n"
    "text, an HTML page, a JSON pair {\"id\", \"source\", \"summary\", \"page_date\"?,\n"
    "\"title\"?, \"language\"?}, or JSON Lines of such pairs.\n"
    "\n"
    "Options:\n"
    "  -f, --format FORMAT        report format: text (default), json, jsonl, sarif,\n"
    "                             junit, github, html; may repeat, each with its own -o\n"
    "  -o, --output FILE          write the report of the --format before it to FILE\n"
    "                             (- is standard output; at most one report goes there)\n"
    "      --input-format FORMAT  auto (default), text, html, json, jsonl; auto goes by the\n"
    "                             extension (.txt, .json, .jsonl/.ndjson, .html/.htm),\n"
    "                             then by content\n"
    "      --fail-on LEVEL        fail the gate (exit 1) on findings at or above LEVEL:\n"
    "                             error (default), warning, note, never\n"
    "      --lang CODE            the documents' language (id, en), instead of detecting it\n"
    "      --page-date DATE       the page date as YYYY-MM-DD, instead of the page's own\n"
    "      --include-text         JSON reports: add each document's article text\n"
    "      --color WHEN           colour the text report: auto (default: on a terminal,\n"
    "                             unless NO_COLOR is set or TERM is dumb), always, never\n"
    "  -h, --help                 show this help and exit\n"
    "      --version              show the version and exit\n"
    "\n"
    "JSON Lines input is streamed: one result per input line, in order; a line that\n"
    "cannot be read becomes an error record and the stream goes on.\n"
    "\n"
    "Several reports in one run: every document goes to every report, e.g.\n"
    "  sumcheck --format sarif -o out.sarif --format junit -o junit.xml --format text PAGE\n"
    "\n"
    "Exit status:\n"
    "  0  every document was read and no finding reached --fail-on\n"
    "  1  some finding reached --fail-on\n"
    "  2  wrong options, or some input could not be read (the readable ones are\n"
    "     still checked and reported)\n";

/* One report of the run: its format and where it goes. */
typedef struct output {
    sc_report_format format;
    const char *path; /* NULL for standard output */
    FILE *file;
    sc_report *report;
    bool broken; /* a write failed (said once) */
} output;

typedef struct cli {
    sc_options options;
    sc_input_format input_format;
    sc_severity fail_on;
    bool never_fail;
    int color; /* -1 auto, 0 never, 1 always */
    bool include_text;
    output *outputs;
    size_t n_outputs;
    bool trouble; /* some input could not be read */
    bool gate;    /* some finding reached fail_on */
} cli;

static int write_file(void *context, const char *data, size_t len)
{
    return fwrite(data, 1, len, (FILE *)context) == len ? 0 : -1;
}

static const char *const format_names[] = {
    [SC_REPORT_TEXT] = "text",   [SC_REPORT_JSON] = "json",   [SC_REPORT_JSONL] = "jsonl",
    [SC_REPORT_SARIF] = "sarif", [SC_REPORT_JUNIT] = "junit", [SC_REPORT_GITHUB] = "github",
    [SC_REPORT_HTML] = "html",
};

static bool parse_format(const char *name, sc_report_format *format)
{
    for (size_t i = 0; i < sizeof format_names / sizeof format_names[0]; i++)
        if (strcmp(name, format_names[i]) == 0) {
            *format = (sc_report_format)i;
            return true;
        }
    return false;
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
            .fail_on = c->never_fail ? 0 : c->fail_on,
            .include_text = c->include_text,
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
                            format_names[o->format], strerror(errno));
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
                format_names[o->format], why);
    else
        fprintf(stderr, "sumcheck: cannot write the report: %s\n", why);
}

static void check_one(cli *c, const char *data, size_t len, const char *id, sc_input_format format,
                      const char *name, size_t jsonl_line)
{
    sc_options options = c->options;
    options.input_format = format;
    sc_error error;
    memset(&error, 0, sizeof error);
    sc_result *r = sc_check(data, len, id, &options, &error);
    if (r == NULL) {
        c->trouble = true;
        say_error(name, &error, jsonl_line);
        if (jsonl_line > 0)
            error.line = jsonl_line;
        for (size_t k = 0; k < c->n_outputs; k++)
            if (takes_errors(&c->outputs[k]))
                report_status(c, &c->outputs[k],
                              sc_report_add_error(c->outputs[k].report, id, &error));
        return;
    }
    if (!c->never_fail && sc_result_count_at_least(r, c->fail_on) > 0)
        c->gate = true;
    for (size_t k = 0; k < c->n_outputs; k++)
        report_status(c, &c->outputs[k], sc_report_add(c->outputs[k].report, r));
    sc_result_free(r);
}

/* An input that could not be read at all still gets its record in a
 * machine report, so a consumer sees every input it gave. */
static void report_unreadable(cli *c, const char *name, const char *message)
{
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

static void check_path(cli *c, const char *path)
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

/* The value of "--name VALUE" or "--name=VALUE" at argv[*i]; NULL when the
 * argument is another option. */
static const char *option_value(int argc, char **argv, int *i, const char *name, bool *missing)
{
    const char *arg = argv[*i];
    size_t n = strlen(name);
    if (strncmp(arg, name, n) != 0)
        return NULL;
    if (arg[n] == '=')
        return arg + n + 1;
    if (arg[n] != '\0')
        return NULL;
    if (*i + 1 >= argc) {
        *missing = true;
        return NULL;
    }
    return argv[++*i];
}

__attribute__((format(printf, 1, 2))) static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "sumcheck: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, " (see sumcheck --help)\n");
    va_end(ap);
    return EXIT_TROUBLE;
}

int main(int argc, char **argv)
{
    cli c;
    memset(&c, 0, sizeof c);
    sc_options_init(&c.options);
    c.input_format = SC_INPUT_AUTO;
    c.fail_on = SC_SEVERITY_ERROR;
    c.color = -1;
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    size_t n_files = 0;
    /* Each --format and each -o adds at most one report. */
    c.outputs = calloc((size_t)argc + 1, sizeof *c.outputs);
    if (files == NULL || c.outputs == NULL) {
        free(files);
        free(c.outputs);
        fprintf(stderr, "sumcheck: out of memory\n");
        return EXIT_TROUBLE;
    }
    bool only_files = false;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *v;
        bool missing = false;
        if (only_files || arg[0] != '-' || strcmp(arg, "-") == 0) {
            files[n_files++] = arg;
        } else if (strcmp(arg, "--") == 0) {
            only_files = true;
        } else if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
            fputs(usage, stdout);
            free(files);
            free(c.outputs);
            return EXIT_PASS;
        } else if (strcmp(arg, "--version") == 0) {
            printf("sumcheck %s (JSON report schema %d)\n", SC_VERSION, SC_SCHEMA_VERSION);
            free(files);
            free(c.outputs);
            return EXIT_PASS;
        } else if ((v = option_value(argc, argv, &i, "--format", &missing)) != NULL ||
                   (!missing && (v = option_value(argc, argv, &i, "-f", &missing)) != NULL)) {
            sc_report_format format;
            if (!parse_format(v, &format)) {
                free(files);
                free(c.outputs);
                return usage_error(
                    "unknown --format '%s' (text, json, jsonl, sarif, junit, github, html)", v);
            }
            c.outputs[c.n_outputs++] = (output){.format = format};
        } else if ((v = option_value(argc, argv, &i, "--output", &missing)) != NULL ||
                   (!missing && (v = option_value(argc, argv, &i, "-o", &missing)) != NULL)) {
            /* -o goes with the --format before it; one given first is the
             * text report's. */
            output *last = c.n_outputs > 0 ? &c.outputs[c.n_outputs - 1] : NULL;
            if (last == NULL) {
                last = &c.outputs[c.n_outputs++];
                last->format = SC_REPORT_TEXT;
            } else if (last->path != NULL) {
                free(files);
                free(c.outputs);
                return usage_error("-o %s follows another -o: give a --format before each -o", v);
            }
            last->path = v;
        } else if ((v = option_value(argc, argv, &i, "--input-format", &missing)) != NULL) {
            if (strcmp(v, "auto") == 0)
                c.input_format = SC_INPUT_AUTO;
            else if (strcmp(v, "text") == 0)
                c.input_format = SC_INPUT_TEXT;
            else if (strcmp(v, "json") == 0)
                c.input_format = SC_INPUT_JSON;
            else if (strcmp(v, "jsonl") == 0)
                c.input_format = SC_INPUT_JSONL;
            else if (strcmp(v, "html") == 0)
                c.input_format = SC_INPUT_HTML;
            else {
                free(files);
                free(c.outputs);
                return usage_error("unknown --input-format '%s' (auto, text, html, json, jsonl)",
                                   v);
            }
        } else if ((v = option_value(argc, argv, &i, "--fail-on", &missing)) != NULL) {
            if (strcmp(v, "never") == 0)
                c.never_fail = true;
            else if (!sc_severity_parse(v, &c.fail_on)) {
                free(files);
                free(c.outputs);
                return usage_error("unknown --fail-on '%s' (error, warning, note, never)", v);
            }
        } else if ((v = option_value(argc, argv, &i, "--lang", &missing)) != NULL) {
            c.options.language = v;
        } else if ((v = option_value(argc, argv, &i, "--page-date", &missing)) != NULL) {
            c.options.page_date = v;
        } else if (strcmp(arg, "--include-text") == 0) {
            c.include_text = true;
        } else if ((v = option_value(argc, argv, &i, "--color", &missing)) != NULL) {
            if (strcmp(v, "auto") == 0)
                c.color = -1;
            else if (strcmp(v, "always") == 0)
                c.color = 1;
            else if (strcmp(v, "never") == 0)
                c.color = 0;
            else {
                free(files);
                free(c.outputs);
                return usage_error("unknown --color '%s' (auto, always, never)", v);
            }
        } else if (missing) {
            free(files);
            free(c.outputs);
            return usage_error("option %s needs a value", arg);
        } else {
            free(files);
            free(c.outputs);
            return usage_error("unknown option '%s'", arg);
        }
    }
    if (n_files == 0)
        files[n_files++] = "-";
    if (c.n_outputs == 0)
        c.outputs[c.n_outputs++] = (output){.format = SC_REPORT_TEXT};
    const char *clash = outputs_clash(&c);
    if (clash != NULL) {
        free(files);
        free(c.outputs);
        return usage_error("%s", clash);
    }
    sc_options one;
    sc_options_init(&one);
    one.language = c.options.language;
    if (sc_options_validate(&one, NULL) != SC_OK) {
        free(files);
        free(c.outputs);
        return usage_error("unknown --lang '%s' (known: id, en)", one.language);
    }
    sc_options_init(&one);
    one.page_date = c.options.page_date;
    if (sc_options_validate(&one, NULL) != SC_OK) {
        free(files);
        free(c.outputs);
        return usage_error("--page-date '%s' is not a date as YYYY-MM-DD", one.page_date);
    }

    bool color = c.color == 1;
    if (c.color == -1) {
        const char *no_color = getenv("NO_COLOR");
        const char *term = getenv("TERM");
        color = isatty(STDOUT_FILENO) && (no_color == NULL || no_color[0] == '\0') &&
                !(term != NULL && strcmp(term, "dumb") == 0);
    }
    int status = open_outputs(&c, color) ? EXIT_PASS : EXIT_TROUBLE;
    if (status == EXIT_PASS) {
        for (size_t i = 0; i < n_files; i++)
            check_path(&c, files[i]);
        for (size_t k = 0; k < c.n_outputs; k++)
            report_status(&c, &c.outputs[k], sc_report_finish(c.outputs[k].report));
    }
    if (!close_outputs(&c))
        status = EXIT_TROUBLE;
    free(files);
    free(c.outputs);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "sumcheck: cannot write the report: %s\n", strerror(errno));
        return EXIT_TROUBLE;
    }
    if (status != EXIT_PASS || c.trouble)
        return EXIT_TROUBLE;
    return c.gate ? EXIT_GATE : EXIT_PASS;
}
