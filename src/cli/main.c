/* sumcheck: the command-line program.  It uses only the public API.
 *
 * main.c runs a check: settings in (options.c, config.c), inputs read and
 * checked one by one (files, directories through walk.c, JSON Lines
 * streamed, a --summary/--source pair), every result to every report, the
 * baseline noted (baseline.c), and the exit code of the gate. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "cli.h"

/* Same as the library's input limit: larger files are refused unread. */
#define MAX_FILE_BYTES ((size_t)64 * 1024 * 1024)

/* A document's findings as the summary line counts them: new ones (not
 * suppressed, not in the baseline) by severity, the others, and how many
 * the gate counts. */
typedef struct tally {
    size_t by_severity[SC_SEVERITY_ERROR + 1];
    size_t suppressed, baselined, gate;
} tally;

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
    bool keep_results; /* deliver needs each result: a baseline, or a report rendered here */
    bool trouble;      /* some input could not be read */
    bool gate;         /* some finding reached fail_on */
    size_t checked, unreadable;
    tally findings; /* of every checked document */
    progress progress;
    bool stats; /* the summary line, whatever stderr is */
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
    /* The baseline and the recorder read each result on this thread. */
    c->keep_results = c->baseline != NULL || c->recorder != NULL;
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
        o->render = render;
        o->alone = o->format == SC_REPORT_JSONL || o->format == SC_REPORT_GITHUB;
        if (!o->alone)
            c->keep_results = true;
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
    progress_clear(&c->progress);
    const char *why = st == SC_ERR_NOMEM ? "out of memory" : strerror(errno);
    if (o->path != NULL)
        fprintf(stderr, "sumcheck: %s: cannot write the %s report: %s\n", o->path,
                format_name(o->format), why);
    else
        fprintf(stderr, "sumcheck: cannot write the report: %s\n", why);
}

/* One report's bytes for one document, rendered on a worker thread. */
typedef struct chunk {
    char *data;
    size_t len, cap;
    sc_status status;
} chunk;

/* What a worker makes of a checked document: its tally, and the reports
 * that render each document alone (output.alone), in output order. */
typedef struct prepared {
    tally tally;
    size_t n;
    chunk chunks[];
} prepared;

static int append_chunk(void *context, const char *data, size_t len)
{
    chunk *ch = context;
    if (len > ch->cap - ch->len) {
        size_t cap = ch->cap > 0 ? ch->cap : 4096;
        while (cap - ch->len < len) {
            if (cap > SIZE_MAX / 2)
                return -1;
            cap *= 2;
        }
        char *grown = realloc(ch->data, cap);
        if (grown == NULL)
            return -1;
        ch->data = grown;
        ch->cap = cap;
    }
    memcpy(ch->data + ch->len, data, len);
    ch->len += len;
    return 0;
}

static void prepared_free(void *work)
{
    prepared *p = work;
    if (p == NULL)
        return;
    for (size_t k = 0; k < p->n; k++)
        free(p->chunks[k].data);
    free(p);
}

static void count_findings(const cli *c, const sc_result *r, tally *t)
{
    memset(t, 0, sizeof *t);
    sc_finding_info info;
    for (size_t i = 0; sc_result_finding(r, i, &info); i++) {
        if (info.suppressed != NULL)
            t->suppressed++;
        else if (info.in_baseline)
            t->baselined++;
        else if (info.severity >= SC_SEVERITY_NOTE && info.severity <= SC_SEVERITY_ERROR)
            t->by_severity[info.severity]++;
    }
    t->gate = sc_result_gate_count(r, c->fail_on);
}

/* On a worker thread, after the check: renders the reports that take
 * each document alone, so the calling thread only writes bytes (the
 * thread figures in bench/threads.py depend on it). */
static void prepare(void *context, batch_doc *doc)
{
    const cli *c = context;
    if (doc->failed)
        return;
    prepared *p = calloc(1, sizeof *p + c->n_outputs * sizeof(chunk));
    if (p == NULL)
        return; /* deliver renders it instead */
    p->n = c->n_outputs;
    count_findings(c, doc->result, &p->tally);
    for (size_t k = 0; k < c->n_outputs; k++) {
        const output *o = &c->outputs[k];
        if (!o->alone)
            continue;
        sc_report *one = sc_report_new(o->format, &o->render, append_chunk, &p->chunks[k]);
        sc_status st = one == NULL ? SC_ERR_NOMEM : sc_report_add(one, doc->result);
        /* The sink fails only when the chunk cannot grow. */
        p->chunks[k].status = st == SC_ERR_IO ? SC_ERR_NOMEM : st;
        sc_report_free(one);
    }
    doc->work = p;
    doc->work_free = prepared_free;
    if (!c->keep_results) {
        sc_result_free(doc->result);
        doc->result = NULL;
    }
}

/* A checked document: the gate, the baseline, every report.  p is what
 * prepare made of it, or NULL (r is then needed for everything). */
static void take_result(cli *c, sc_result *r, const prepared *p, size_t len)
{
    tally t;
    if (p != NULL)
        t = p->tally;
    else
        count_findings(c, r, &t);
    c->checked++;
    for (int s = 0; s <= SC_SEVERITY_ERROR; s++)
        c->findings.by_severity[s] += t.by_severity[s];
    c->findings.suppressed += t.suppressed;
    c->findings.baselined += t.baselined;
    c->findings.gate += t.gate;
    if (t.gate > 0)
        c->gate = true;
    if ((c->baseline != NULL && !baseline_note(c->baseline, r)) ||
        (c->recorder != NULL && !recorder_add(c->recorder, r))) {
        progress_clear(&c->progress);
        fprintf(stderr, "sumcheck: out of memory\n");
        c->trouble = true;
    }
    /* A report on the same terminal as the bar: the bar makes way, and
     * is drawn again below the report's lines. */
    if (c->progress.flush != NULL)
        progress_clear(&c->progress);
    for (size_t k = 0; k < c->n_outputs; k++) {
        output *o = &c->outputs[k];
        if (p != NULL && o->alone) {
            const chunk *ch = &p->chunks[k];
            sc_status st = ch->status;
            if (ch->len > 0 && write_file(o->file, ch->data, ch->len) != 0 && st == SC_OK)
                st = SC_ERR_IO;
            report_status(c, o, st);
        } else {
            report_status(c, o, sc_report_add(o->report, r));
        }
    }
    sc_result_free(r);
    progress_step(&c->progress, len);
}

/* A document that could not be read: said on stderr (as name), recorded
 * in every report that takes errors (as id). */
static void take_error(cli *c, const char *name, const char *id, sc_error *error, size_t jsonl_line,
                       size_t len)
{
    c->trouble = true;
    c->unreadable++;
    progress_clear(&c->progress);
    say_error(name, error, jsonl_line);
    if (jsonl_line > 0)
        error->line = jsonl_line;
    for (size_t k = 0; k < c->n_outputs; k++)
        if (takes_errors(&c->outputs[k]))
            report_status(c, &c->outputs[k], sc_report_add_error(c->outputs[k].report, id, error));
    progress_step(&c->progress, len);
}

/* A document coming back, in input order (from the worker threads, or
 * straight from check_one). */
static void deliver(void *context, batch_doc *doc)
{
    cli *c = context;
    if (doc->failed) {
        take_error(c, doc->name, doc->id, &doc->error, doc->jsonl_line, doc->len);
    } else {
        take_result(c, doc->result, doc->work, doc->len);
        doc->result = NULL;
    }
    if (doc->work_free != NULL)
        doc->work_free(doc->work);
    doc->work = NULL;
}

static void check_one(cli *c, const char *data, size_t len, const char *id, sc_input_format format,
                      const char *name, size_t jsonl_line)
{
    if (c->batch != NULL) {
        if (!batch_add(c->batch, data, len, id, format, name, jsonl_line)) {
            progress_clear(&c->progress);
            fprintf(stderr, "sumcheck: %s: out of memory\n", name);
            c->trouble = true;
        }
        return;
    }
    /* One thread: the same two steps, so the output is the same. */
    sc_options options = c->options;
    options.input_format = format;
    batch_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = id;
    doc.name = name;
    doc.len = len;
    doc.jsonl_line = jsonl_line;
    doc.result = sc_check(data, len, id, &options, &doc.error);
    doc.failed = doc.result == NULL;
    prepare(c, &doc);
    deliver(c, &doc);
}

/* An input that could not be read at all still gets its record in a
 * machine report, so a consumer sees every input it gave. */
static void report_unreadable(cli *c, const char *name, const char *message)
{
    /* Its record goes after every document before it. */
    if (c->batch != NULL)
        batch_flush(c->batch);
    c->trouble = true;
    c->unreadable++;
    progress_step(&c->progress, 0);
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
 * limit).  A regular file larger than the limit is refused by its size,
 * unread; a stream is read only to one byte past the limit. */
static char *slurp(FILE *f, size_t *len)
{
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
        (uintmax_t)st.st_size > MAX_FILE_BYTES) {
        errno = EFBIG;
        return NULL;
    }
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
            /* Up to one byte past the limit: enough to know it is past. */
            size_t want = cap * 2 > MAX_FILE_BYTES + 1 ? MAX_FILE_BYTES + 1 : cap * 2;
            char *grown = realloc(buf, want);
            if (grown == NULL) {
                free(buf);
                errno = ENOMEM;
                return NULL;
            }
            buf = grown;
            cap = want;
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
static void check_jsonl_record(cli *c, const char *line, size_t n, const char *name, size_t number)
{
    char id[32];
    snprintf(id, sizeof id, "line:%zu", number);
    check_one(c, line, n, id, SC_INPUT_JSONL, name, number);
}

/* A line of JSON Lines; blank ones are skipped. */
static void check_jsonl_line(cli *c, const char *line, size_t n, const char *name, size_t number)
{
    if (!blank_line(line, n))
        check_jsonl_record(c, line, n, name, number);
}

/* A JSON Lines stream read line by line, each line kept only up to one
 * byte past the input limit: a longer line is refused by that length
 * (sc_check's "input larger than the 64 MiB limit"), and the rest of it
 * is read and dropped, so memory is bounded by the limit whatever the
 * input (getline would hold a line of any length). */
typedef struct line_reader {
    FILE *f;
    char *line;           /* the line read, its newline kept */
    size_t len, cap;      /* bytes kept; at most MAX_FILE_BYTES + 1 */
    size_t dropped;       /* bytes read past those kept */
    bool dropped_content; /* the dropped bytes are not all blanks */
    size_t pos, end;      /* unread part of buf */
    char buf[1 << 16];
} line_reader;

/* Keeps what fits of data[0, n) below the bound and counts the rest. */
static bool keep(line_reader *r, const char *data, size_t n)
{
    size_t room = MAX_FILE_BYTES + 1 - r->len, take = n < room ? n : room;
    if (take > 0) {
        if (r->cap - r->len < take) {
            size_t cap = r->cap ? r->cap : 4096;
            while (cap - r->len < take)
                cap *= 2;
            if (cap > MAX_FILE_BYTES + 1)
                cap = MAX_FILE_BYTES + 1;
            char *grown = realloc(r->line, cap);
            if (grown == NULL)
                return false;
            r->line = grown;
            r->cap = cap;
        }
        memcpy(r->line + r->len, data, take);
        r->len += take;
    }
    if (take < n) {
        r->dropped += n - take;
        r->dropped_content = r->dropped_content || !blank_line(data + take, n - take);
    }
    return true;
}

/* The next line: 1, 0 at the end of the stream or on a read error (see
 * ferror), -1 when out of memory. */
static int read_line(line_reader *r)
{
    r->len = r->dropped = 0;
    r->dropped_content = false;
    bool any = false;
    for (;;) {
        if (r->pos == r->end) {
            r->pos = 0;
            r->end = fread(r->buf, 1, sizeof r->buf, r->f);
            if (r->end == 0)
                return any ? 1 : 0;
        }
        any = true;
        const char *nl = memchr(r->buf + r->pos, '\n', r->end - r->pos);
        size_t stop = nl != NULL ? (size_t)(nl - r->buf) + 1 : r->end;
        if (!keep(r, r->buf + r->pos, stop - r->pos))
            return -1;
        r->pos = stop;
        if (nl != NULL)
            return 1;
    }
}

/* Streams JSON Lines: memory is bounded by the longest line, itself
 * bounded by the input limit. */
static void check_jsonl_stream(cli *c, FILE *f, const char *name)
{
    line_reader *r = calloc(1, sizeof *r);
    if (r == NULL) {
        progress_clear(&c->progress);
        fprintf(stderr, "sumcheck: %s: out of memory\n", name);
        report_unreadable(c, name, "out of memory");
        return;
    }
    r->f = f;
    size_t number = 0;
    int got;
    while ((got = read_line(r)) > 0) {
        number++;
        if (r->dropped_content) /* past the limit, not blank: the kept bytes may be */
            check_jsonl_record(c, r->line, r->len, name, number);
        else
            check_jsonl_line(c, r->line, r->len, name, number);
        c->progress.bytes_done += (double)r->dropped;
    }
    if (got < 0) {
        progress_clear(&c->progress);
        fprintf(stderr, "sumcheck: %s: out of memory after line %zu\n", name, number);
        report_unreadable(c, name, "out of memory");
    } else if (ferror(f)) {
        progress_clear(&c->progress);
        fprintf(stderr, "sumcheck: %s: read error after line %zu: %s\n", name, number,
                strerror(errno));
        report_unreadable(c, name, "read error");
    }
    free(r->line);
    free(r);
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
        progress_clear(&c->progress);
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
            progress_clear(&c->progress);
            fprintf(stderr, "sumcheck: %s: cannot read: %s\n", name,
                    too_big ? "larger than the 64 MiB input limit" : strerror(errno));
            report_unreadable(
                c, name, too_big ? "larger than the 64 MiB input limit" : "cannot read the file");
        } else {
            if (format == SC_INPUT_AUTO)
                format = sc_detect_input_format(data, len, is_stdin ? NULL : path);
            if (format == SC_INPUT_JSONL) {
                /* Found by content: its documents were counted as one. */
                progress_expect(&c->progress, 0, false, 0, true);
                check_jsonl_buffer(c, data, len, name);
            } else
                check_one(c, data, len, name, format, name, 0);
            free(data);
        }
    }
    if (!is_stdin)
        fclose(f);
}

/* What the inputs stand for, in order: files to check, and inputs that
 * cannot be read.  Directories are walked before anything is checked, so
 * the progress bar knows how much is coming. */
typedef struct planned {
    const char *path;
    const char *why; /* NULL: a file to check; else why it cannot be read */
} planned;

typedef struct plan {
    planned *items;
    size_t n, cap;
} plan;

static bool plan_add(plan *pl, const char *path, const char *why)
{
    if (pl->n == pl->cap) {
        size_t cap = pl->cap ? pl->cap * 2 : 16;
        planned *grown = realloc(pl->items, cap * sizeof *grown);
        if (grown == NULL)
            return false;
        pl->items = grown;
        pl->cap = cap;
    }
    pl->items[pl->n++] = (planned){path, why};
    return true;
}

/* A file, or the files of a directory; false when out of memory. */
static bool plan_input(cli *c, plan *pl, const char *path)
{
    struct stat st;
    if (strcmp(path, "-") == 0 || stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
        return plan_add(pl, path, NULL);
    strings files = {0};
    const char *why = NULL;
    bool ok = true;
    if (!walk_directory(path, c->include, c->exclude, &files, c->pool, &why))
        ok = plan_add(pl, path, why);
    /* What was found is checked even when part of the tree was not. */
    for (size_t i = 0; ok && i < files.n; i++)
        ok = plan_add(pl, files.items[i], NULL);
    strings_release(&files);
    return ok;
}

/* Tells the progress bar what one planned input holds, when it can be
 * known without reading it. */
static void expect_input(cli *c, const planned *e)
{
    if (e->why != NULL) {
        progress_expect(&c->progress, 1, true, 0, true);
        return;
    }
    bool is_stdin = strcmp(e->path, "-") == 0;
    struct stat st;
    bool sized =
        (is_stdin ? fstat(STDIN_FILENO, &st) : stat(e->path, &st)) == 0 && S_ISREG(st.st_mode);
    bool jsonl = c->input_format == SC_INPUT_JSONL ||
                 (c->input_format == SC_INPUT_AUTO && !is_stdin &&
                  sc_detect_input_format("", 0, e->path) == SC_INPUT_JSONL);
    progress_expect(&c->progress, jsonl ? 0 : 1, !jsonl, sized ? (double)st.st_size : 0, sized);
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
        take_result(c, r, NULL, len[0] + len[1]);
        return;
    }
    /* Name the file at fault: the library says which text. */
    bool source = strcmp(error.path, "source") == 0;
    error.path[0] = '\0';
    take_error(c, source ? source_path : summary_path, summary_path, &error, 0, 0);
}

/* Stale baseline entries: one line each on stderr, and to every report
 * (the JSON report lists them). */
static void report_stale(cli *c)
{
    sc_baseline_entry *stale = NULL;
    size_t n = baseline_stale(c->baseline, &stale);
    if (n > 0)
        progress_clear(&c->progress);
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

/* The line that ends a run of several documents, on standard error
 * when it is a terminal (or with --stats): how many documents were
 * checked and could not be read, the findings by severity (new ones;
 * suppressed and baseline ones apart), what the gate said, the time, and
 * how many pairs' articles came from the cache (--cache-mb). */
static void summary_line(cli *c, int status)
{
    size_t documents = c->checked + c->unreadable;
    if (documents < 2 || !(c->progress.bar || c->stats))
        return;
    const tally *t = &c->findings;
    fprintf(stderr,
            "sumcheck: %zu documents: %zu checked, %zu could not be read; findings: %zu errors, "
            "%zu warnings, %zu notes",
            documents, c->checked, c->unreadable, t->by_severity[SC_SEVERITY_ERROR],
            t->by_severity[SC_SEVERITY_WARNING], t->by_severity[SC_SEVERITY_NOTE]);
    if (t->suppressed > 0 || t->baselined > 0)
        fprintf(stderr, " (besides %zu suppressed, %zu in the baseline)", t->suppressed,
                t->baselined);
    if (status == EXIT_TROUBLE)
        fprintf(stderr, c->unreadable > 0 ? "; gate failed: not every input could be read"
                                          : "; gate failed: see above");
    else if (status == EXIT_GATE)
        fprintf(stderr, "; gate failed: %zu findings at or above %s", t->gate,
                sc_severity_name(c->fail_on));
    else if (c->recorder != NULL)
        fprintf(stderr, "; baseline written");
    else if (c->fail_on == 0)
        fprintf(stderr, "; gate off (--fail-on never)");
    else
        fprintf(stderr, "; gate passed");
    fprintf(stderr, " (exit %d); %.2f s", status, progress_elapsed(&c->progress));
    size_t lookups = 0, hits = 0;
    if (c->options.cache != NULL)
        sc_cache_counts(c->options.cache, &lookups, &hits);
    if (lookups > 0)
        fprintf(stderr, "; articles: %zu of %zu from the cache", hits, lookups);
    fputc('\n', stderr);
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
    c->options.summary_selector = req->summary_selector;
    c->options.article_selector = req->article_selector;
    size_t cache_bytes = s->cache_mb <= SIZE_MAX >> 20 ? s->cache_mb << 20 : SIZE_MAX;
    if (s->cache_mb > 0 && (c->options.cache = sc_cache_new(cache_bytes)) == NULL) {
        fprintf(stderr, "sumcheck: out of memory\n");
        return EXIT_TROUBLE;
    }
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
    size_t jobs = s->jobs;
    if (status == EXIT_PASS && jobs > 1 && req->summary_file == NULL &&
        (c->batch = batch_new(jobs, &c->options, prepare, deliver, c)) == NULL) {
        fprintf(stderr, "sumcheck: out of memory\n");
        status = EXIT_TROUBLE;
    }
    const char *term = getenv("TERM");
    progress_start(&c->progress, stderr,
                   isatty(STDERR_FILENO) && !(term != NULL && strcmp(term, "dumb") == 0));
    c->stats = req->stats;
    for (size_t k = 0; k < c->n_outputs; k++)
        if (to_stdout(&c->outputs[k]) && isatty(STDOUT_FILENO))
            c->progress.flush = stdout;
    plan inputs = {0};
    if (status == EXIT_PASS) {
        bool planned_all =
            req->summary_file != NULL || req->inputs.n > 0 || plan_add(&inputs, "-", NULL);
        for (size_t i = 0; planned_all && i < req->inputs.n; i++)
            planned_all = plan_input(c, &inputs, req->inputs.items[i]);
        if (!planned_all) {
            fprintf(stderr, "sumcheck: out of memory\n");
            status = EXIT_TROUBLE;
        }
    }
    if (status == EXIT_PASS) {
        if (req->summary_file != NULL)
            check_pair_files(c, req->summary_file, req->source_file);
        for (size_t i = 0; i < inputs.n; i++)
            expect_input(c, &inputs.items[i]);
        for (size_t i = 0; i < inputs.n; i++) {
            if (inputs.items[i].why != NULL)
                report_unreadable(c, inputs.items[i].path, inputs.items[i].why);
            else
                check_file(c, inputs.items[i].path);
        }
        if (c->batch != NULL)
            batch_flush(c->batch);
        if (c->baseline != NULL)
            report_stale(c);
        for (size_t k = 0; k < c->n_outputs; k++)
            report_status(c, &c->outputs[k], sc_report_finish(c->outputs[k].report));
        if (c->recorder != NULL && !recorder_write(c->recorder, req->write_baseline))
            status = EXIT_TROUBLE;
    }
    free(inputs.items);
    progress_clear(&c->progress);
    if (!close_outputs(c))
        status = EXIT_TROUBLE;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "sumcheck: cannot write the report: %s\n", strerror(errno));
        status = EXIT_TROUBLE;
    }
    if (status != EXIT_PASS || c->trouble)
        status = EXIT_TROUBLE;
    else if (c->recorder != NULL)
        status = EXIT_PASS; /* writing a baseline accepts today's findings */
    else
        status = c->gate ? EXIT_GATE : EXIT_PASS;
    summary_line(c, status);
    return status;
}

/* glibc raises its mmap threshold to the size of each large block freed,
 * so after a long document's first scratch arenas (src/text, src/align)
 * are freed, the blocks that follow come from the heap, and the holes the
 * freed ones leave there stay resident: about 0.6 MB of a 1 MB pair's
 * peak.  A fixed threshold (glibc's own default) keeps large
 * blocks mapped, so freeing one returns it.
 *
 * The heap's free top, on the other hand, is kept (up to 64 MB) rather
 * than given back after each document: the next document takes the same
 * memory again, and giving it back and faulting it in afresh cost a tenth
 * of an HTML page's time.  Memory already touched stays resident, so the
 * peak does not move. */
static void keep_large_blocks_mapped(void)
{
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
#endif
}

int main(int argc, char **argv)
{
    keep_large_blocks_mapped();
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
    sc_cache_free(c.options.cache);
    baseline_free(c.baseline);
    recorder_free(c.recorder);
    free(rules);
    for (int i = 0; i < 4; i++)
        layer_release(&layers[i]);
    strings_release(&req.inputs);
    pool_free(&p);
    return status;
}
