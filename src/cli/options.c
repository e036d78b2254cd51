/* The command line and the environment as settings, how the layers merge
 * (command line over environment over config file over defaults), and
 * what the program prints about them: --help, --list-rules, --explain,
 * --print-config. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char usage[] =
    "Usage: sumcheck [OPTIONS] [FILE|DIR...]\n"
    "       sumcheck [OPTIONS] --summary FILE --source FILE\n"
    "Check an AI-generated summary against the article it summarises.\n"
    "\n"
    "Reads each FILE (standard input when there is none, or for -): a scraped page as\n"
    "text, an HTML page, a JSON pair {\"id\", \"source\", \"summary\", \"page_date\"?,\n"
    "\"title\"?, \"language\"?}, or JSON Lines of such pairs.  A DIR stands for the files\n"
    "below it (recursive, sorted, hidden ones skipped) with the extensions sumcheck\n"
    "reads (.txt .html .htm .json .jsonl .ndjson), or those --include names.\n"
    "\n"
    "Reports:\n"
    "  -f, --format FORMAT        report format: text (default), json, jsonl, sarif,\n"
    "                             junit, github, html; may repeat, each with its own -o\n"
    "  -o, --output FILE          write the report of the --format before it to FILE\n"
    "                             (- is standard output; at most one report goes there)\n"
    "      --min-severity LEVEL   list only findings at or above LEVEL: note (default),\n"
    "                             warning, error; the gate does not depend on it\n"
    "      --include-text         JSON reports: add each document's article text\n"
    "      --emit-features        JSON reports: add each summary's \"features\", the inputs\n"
    "                             of its consistency (for bench/train_consistency.py)\n"
    "      --color WHEN           colour the text report: auto (default: on a terminal,\n"
    "                             unless NO_COLOR is set or TERM is dumb), always, never\n"
    "\n"
    "The gate:\n"
    "      --fail-on LEVEL        fail the gate (exit 1) on findings at or above LEVEL:\n"
    "                             error (default), warning, note, never\n"
    "      --min-support X        a summary sentence with support below X (0 to 1) is\n"
    "                             an unsupported-claim even above the built-in 0.5\n"
    "      --disable RULE         do not run RULE (may repeat)\n"
    "      --severity RULE=LEVEL  give RULE's findings LEVEL: error, warning, note, or\n"
    "                             off (may repeat)\n"
    "      --baseline FILE        findings recorded in FILE are known: reported as\n"
    "                             such and not counted by the gate; entries no longer\n"
    "                             found are listed as stale\n"
    "      --write-baseline FILE  record today's findings in FILE (the run then exits 0\n"
    "                             unless an input could not be read)\n"
    "      --config FILE          read settings from FILE instead of the sumcheck.json\n"
    "                             found walking up from the current directory\n"
    "      --no-config            read no config file\n"
    "      --print-config         print the effective settings as JSON, saying where\n"
    "                             each comes from, and exit\n"
    "      --list-rules           list the rules (id, default severity, summary) and exit\n"
    "      --explain RULE         describe RULE: what it checks, an example, how to fix,\n"
    "                             its evidence keys; and exit\n"
    "\n";

static const char usage_more[] =
    "Inputs:\n"
    "      --input-format FORMAT  auto (default), text, html, json, jsonl; auto goes by the\n"
    "                             extension (.txt, .json, .jsonl/.ndjson, .html/.htm),\n"
    "                             then by content\n"
    "      --summary FILE         with --source: check the summary in FILE (plain text)\n"
    "      --source FILE          against the article in FILE; the id is the summary's path\n"
    "      --include GLOB         in directories, take the files GLOB matches (may repeat)\n"
    "      --exclude GLOB         in directories, leave out the files GLOB matches\n"
    "      --lang CODE            the documents' language (id, en), instead of detecting it\n"
    "      --page-date DATE       the page date as YYYY-MM-DD, instead of the page's own\n"
    "      --summary-selector SEL HTML: the AI summary block is the first element SEL\n"
    "                             picks (an XPath, or CSS: tag, .class, #id, tag.class,\n"
    "                             descendant and > combinators)\n"
    "      --article-selector SEL HTML: the article is the element SEL picks, taken whole\n"
    "  -j, --jobs N               check documents on N threads (default: the number of\n"
    "                             cores); reports are the same for any N\n"
    "      --cache-mb N           keep up to N MiB of article analyses (default 64; 0: none)\n"
    "                             for JSON and JSON Lines pairs that share an article, as\n"
    "                             corpora scoring several summaries of each article do;\n"
    "                             reports are the same with any N\n"
    "      --stats                end a run of several documents with the summary line\n"
    "                             on standard error even when it is not a terminal\n"
    "  -h, --help                 show this help and exit\n"
    "      --version              show the version and exit\n"
    "\n"
    "Settings come from the command line, then the environment (SUMCHECK_FAIL_ON,\n"
    "SUMCHECK_FORMAT, SUMCHECK_MIN_SEVERITY, SUMCHECK_JOBS, SUMCHECK_CONFIG), then the\n"
    "config file, then the defaults; the first that gives a setting wins.\n"
    "\n"
    "When standard error is a terminal, a batch shows a progress bar there (documents,\n"
    "rate, time left) and a run of several documents ends with a summary line there\n"
    "(documents checked and unreadable, findings by severity, the gate, the time);\n"
    "--stats prints that line wherever standard error goes.\n"
    "\n"
    "JSON Lines input is streamed: one result per input line, in order; a line that\n"
    "cannot be read becomes an error record and the stream goes on.\n"
    "\n"
    "Several reports in one run: every document goes to every report, e.g.\n"
    "  sumcheck --format sarif -o out.sarif --format junit -o junit.xml --format text PAGE\n"
    "\n"
    "Exit status:\n"
    "  0  every document was read and no finding reached --fail-on\n"
    "  1  some finding reached --fail-on (suppressed and baseline findings do not count)\n"
    "  2  wrong options or settings, or some input could not be read (the readable ones\n"
    "     are still checked and reported)\n";

void print_usage(FILE *f)
{
    /* Two strings: C17 compilers need not take string literals over 4095
     * bytes. */
    fputs(usage, f);
    fputs(usage_more, f);
}

int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "sumcheck: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, " (see sumcheck --help)\n");
    va_end(ap);
    return EXIT_TROUBLE;
}

static const char *const level_names[] = {NULL, "note", "warning", "error"};

static const char *level_name(int level)
{
    return level == RULE_OFF          ? "off"
           : level >= 1 && level <= 3 ? level_names[level]
           : level == 0               ? "never"
                                      : "?";
}

/* "error", "warning", "note", and "never" (0) when never is allowed. */
static bool parse_level(const char *v, bool never, sc_severity *out)
{
    if (never && strcmp(v, "never") == 0) {
        *out = 0;
        return true;
    }
    return sc_severity_parse(v, out);
}

/* A number from 0 to 1 written in the C locale's way ("0.8"). */
static bool parse_unit(const char *v, double *out)
{
    char *end;
    if (v[0] == '\0' || v[0] == ' ')
        return false;
    double x = strtod(v, &end);
    if (*end != '\0' || !isfinite(x) || x < 0 || x > 1)
        return false;
    *out = x;
    return true;
}

/* "RULE=LEVEL" into rules[]; a message on stderr when wrong. */
static int parse_rule_level(const char *v, layer *l, pool *p)
{
    const char *eq = strchr(v, '=');
    if (eq == NULL)
        return usage_error("--severity wants RULE=LEVEL, not '%s'", v);
    char *id = pool_strdup(p, v);
    if (id == NULL)
        return usage_error("out of memory");
    id[eq - v] = '\0';
    const char *level = eq + 1;
    sc_rule_info info;
    size_t index = 0;
    for (; index < sc_rule_total(); index++)
        if (sc_rule_describe(index, &info) && strcmp(info.id, id) == 0)
            break;
    if (index == sc_rule_total())
        return usage_error("unknown rule '%s' in --severity: sumcheck --list-rules lists them", id);
    sc_severity s;
    if (strcmp(level, "off") == 0)
        l->rules[index] = RULE_OFF;
    else if (sc_severity_parse(level, &s))
        l->rules[index] = (int)s;
    else
        return usage_error("unknown level '%s' in --severity (error, warning, note, off)", level);
    return EXIT_PASS;
}

static size_t rule_index(const char *id)
{
    sc_rule_info info;
    for (size_t i = 0; i < sc_rule_total(); i++)
        if (sc_rule_describe(i, &info) && strcmp(info.id, id) == 0)
            return i;
    return sc_rule_total();
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

static void mark(layer *l, setting_key k, const char *from)
{
    l->set[k] = true;
    l->from[k] = from;
}

#define CLI "command line"

int parse_command_line(int argc, char **argv, layer *cli, request *req, pool *p)
{
    /* Each --format and each -o adds at most one report. */
    cli->outputs = calloc((size_t)argc + 1, sizeof *cli->outputs);
    if (cli->outputs == NULL)
        return usage_error("out of memory");
    cli->rule_from = CLI;
    bool only_files = false;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *v;
        bool missing = false;
#define VALUE(name) (!missing && (v = option_value(argc, argv, &i, name, &missing)) != NULL)
        if (only_files || arg[0] != '-' || strcmp(arg, "-") == 0) {
            if (!strings_add(&req->inputs, arg))
                return usage_error("out of memory");
        } else if (strcmp(arg, "--") == 0) {
            only_files = true;
        } else if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
            req->help = true;
            return EXIT_PASS;
        } else if (strcmp(arg, "--version") == 0) {
            req->version = true;
            return EXIT_PASS;
        } else if (VALUE("--format") || VALUE("-f")) {
            sc_report_format format;
            if (!parse_format(v, &format))
                return usage_error(
                    "unknown --format '%s' (text, json, jsonl, sarif, junit, github, html)", v);
            cli->outputs[cli->n_outputs++] = (output){.format = format};
            mark(cli, KEY_FORMAT, CLI);
        } else if (VALUE("--output") || VALUE("-o")) {
            /* -o goes with the --format before it; one given first is the
             * text report's. */
            output *last = cli->n_outputs > 0 ? &cli->outputs[cli->n_outputs - 1] : NULL;
            if (last == NULL) {
                last = &cli->outputs[cli->n_outputs++];
                last->format = SC_REPORT_TEXT;
            } else if (last->path != NULL) {
                return usage_error("-o %s follows another -o: give a --format before each -o", v);
            }
            last->path = v;
            mark(cli, KEY_FORMAT, CLI);
        } else if (VALUE("--input-format")) {
            if (!parse_input_format(v, &cli->input_format))
                return usage_error("unknown --input-format '%s' (auto, text, html, json, jsonl)",
                                   v);
            mark(cli, KEY_INPUT_FORMAT, CLI);
        } else if (VALUE("--fail-on")) {
            if (!parse_level(v, true, &cli->fail_on))
                return usage_error("unknown --fail-on '%s' (error, warning, note, never)", v);
            mark(cli, KEY_FAIL_ON, CLI);
        } else if (VALUE("--min-severity")) {
            if (!parse_level(v, false, &cli->min_severity))
                return usage_error("unknown --min-severity '%s' (error, warning, note)", v);
            mark(cli, KEY_MIN_SEVERITY, CLI);
        } else if (VALUE("--jobs") || VALUE("-j")) {
            char *end;
            errno = 0;
            unsigned long n = strtoul(v, &end, 10);
            if (*v == '\0' || *end != '\0' || errno != 0 || n < 1 || n > MAX_JOBS)
                return usage_error("--jobs '%s' is not a number of threads from 1 to 1024", v);
            cli->jobs = n;
            mark(cli, KEY_JOBS, CLI);
        } else if (VALUE("--cache-mb")) {
            char *end;
            errno = 0;
            unsigned long n = strtoul(v, &end, 10);
            if (*v == '\0' || *v == '-' || *end != '\0' || errno != 0 || n > MAX_CACHE_MB)
                return usage_error("--cache-mb '%s' is not a number of MiB from 0 to 1048576", v);
            cli->cache_mb = n;
            mark(cli, KEY_CACHE_MB, CLI);
        } else if (VALUE("--min-support")) {
            if (!parse_unit(v, &cli->min_support))
                return usage_error("--min-support '%s' is not a number from 0 to 1", v);
            mark(cli, KEY_MIN_SUPPORT, CLI);
        } else if (VALUE("--disable")) {
            size_t index = rule_index(v);
            if (index == sc_rule_total())
                return usage_error(
                    "unknown rule '%s' in --disable: sumcheck --list-rules lists them", v);
            cli->rules[index] = RULE_OFF;
        } else if (VALUE("--severity")) {
            int st = parse_rule_level(v, cli, p);
            if (st != EXIT_PASS)
                return st;
        } else if (VALUE("--lang")) {
            cli->lang = v;
            mark(cli, KEY_LANG, CLI);
        } else if (VALUE("--page-date")) {
            cli->page_date = v;
            mark(cli, KEY_PAGE_DATE, CLI);
        } else if (VALUE("--summary-selector") || VALUE("--article-selector")) {
            bool summary = strcmp(arg, "--summary-selector") == 0 ||
                           strncmp(arg, "--summary-selector=", 19) == 0;
            sc_options one;
            sc_options_init(&one);
            *(summary ? &one.summary_selector : &one.article_selector) = v;
            if (sc_options_validate(&one, NULL) != SC_OK)
                return usage_error("--%s-selector '%s' is neither an XPath nor a simple CSS "
                                   "selector (tag, .class, #id, descendants)",
                                   summary ? "summary" : "article", v);
            *(summary ? &req->summary_selector : &req->article_selector) = v;
        } else if (strcmp(arg, "--include-text") == 0) {
            cli->include_text = true;
            mark(cli, KEY_INCLUDE_TEXT, CLI);
        } else if (strcmp(arg, "--stats") == 0) {
            req->stats = true;
        } else if (strcmp(arg, "--emit-features") == 0) {
            req->emit_features = true;
        } else if (VALUE("--color")) {
            if (strcmp(v, "auto") == 0)
                cli->color = -1;
            else if (strcmp(v, "always") == 0)
                cli->color = 1;
            else if (strcmp(v, "never") == 0)
                cli->color = 0;
            else
                return usage_error("unknown --color '%s' (auto, always, never)", v);
            mark(cli, KEY_COLOR, CLI);
        } else if (VALUE("--include")) {
            if (!strings_add(&cli->include, v))
                return usage_error("out of memory");
            mark(cli, KEY_INCLUDE, CLI);
        } else if (VALUE("--exclude")) {
            if (!strings_add(&cli->exclude, v))
                return usage_error("out of memory");
            mark(cli, KEY_EXCLUDE, CLI);
        } else if (VALUE("--baseline")) {
            cli->baseline = v;
            mark(cli, KEY_BASELINE, CLI);
        } else if (VALUE("--write-baseline")) {
            req->write_baseline = v;
        } else if (VALUE("--summary")) {
            if (req->summary_file != NULL)
                return usage_error("--summary given twice: one pair per run");
            req->summary_file = v;
        } else if (VALUE("--source")) {
            if (req->source_file != NULL)
                return usage_error("--source given twice: one pair per run");
            req->source_file = v;
        } else if (VALUE("--config")) {
            req->config = v;
        } else if (strcmp(arg, "--no-config") == 0) {
            req->no_config = true;
        } else if (strcmp(arg, "--print-config") == 0) {
            req->print_config = true;
        } else if (strcmp(arg, "--list-rules") == 0) {
            req->list_rules = true;
        } else if (VALUE("--explain")) {
            req->explain = v;
        } else if (missing) {
            return usage_error("option %s needs a value", arg);
        } else {
            return usage_error("unknown option '%s'", arg);
        }
#undef VALUE
    }
    if ((req->summary_file == NULL) != (req->source_file == NULL))
        return usage_error("--summary and --source go together");
    if (req->config != NULL && req->no_config)
        return usage_error("--config and --no-config contradict each other");
    return EXIT_PASS;
}

/* "sarif=out.sarif,text": formats, each with an optional file. */
static bool parse_format_list(const char *v, layer *l, pool *p, const char **bad)
{
    char *copy = pool_strdup(p, v);
    if (copy == NULL)
        return false;
    size_t n = 1;
    for (const char *c = copy; *c; c++)
        n += *c == ',';
    l->outputs = calloc(n, sizeof *l->outputs);
    if (l->outputs == NULL)
        return false;
    char *save = NULL;
    for (char *item = strtok_r(copy, ",", &save); item != NULL; item = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(item, '=');
        if (eq != NULL)
            *eq = '\0';
        output *o = &l->outputs[l->n_outputs];
        if (!parse_format(item, &o->format)) {
            *bad = item;
            return false;
        }
        o->path = eq != NULL && eq[1] != '\0' ? eq + 1 : NULL;
        l->n_outputs++;
    }
    if (l->n_outputs == 0) {
        *bad = v;
        return false;
    }
    return true;
}

int read_environment(layer *env, pool *p)
{
    const char *v;
    if ((v = getenv("SUMCHECK_FAIL_ON")) != NULL && v[0] != '\0') {
        if (!parse_level(v, true, &env->fail_on))
            return usage_error("SUMCHECK_FAIL_ON: unknown level '%s' (error, warning, note, never)",
                               v);
        mark(env, KEY_FAIL_ON, "environment SUMCHECK_FAIL_ON");
    }
    if ((v = getenv("SUMCHECK_MIN_SEVERITY")) != NULL && v[0] != '\0') {
        if (!parse_level(v, false, &env->min_severity))
            return usage_error("SUMCHECK_MIN_SEVERITY: unknown level '%s' (error, warning, note)",
                               v);
        mark(env, KEY_MIN_SEVERITY, "environment SUMCHECK_MIN_SEVERITY");
    }
    if ((v = getenv("SUMCHECK_FORMAT")) != NULL && v[0] != '\0') {
        const char *bad = NULL;
        if (!parse_format_list(v, env, p, &bad))
            return bad != NULL ? usage_error("SUMCHECK_FORMAT: unknown format '%s' (text, json, "
                                             "jsonl, sarif, junit, github, html; "
                                             "FORMAT[=FILE],...)",
                                             bad)
                               : usage_error("out of memory");
        mark(env, KEY_FORMAT, "environment SUMCHECK_FORMAT");
    }
    if ((v = getenv("SUMCHECK_JOBS")) != NULL && v[0] != '\0') {
        char *end;
        errno = 0;
        unsigned long n = strtoul(v, &end, 10);
        if (*end != '\0' || errno != 0 || n < 1 || n > MAX_JOBS)
            return usage_error("SUMCHECK_JOBS: '%s' is not a number of threads from 1 to 1024", v);
        env->jobs = n;
        mark(env, KEY_JOBS, "environment SUMCHECK_JOBS");
    }
    return EXIT_PASS;
}

/* The first layer that sets k, or NULL. */
static const layer *winner(const layer *const *layers, setting_key k)
{
    for (size_t i = 0; i < 3; i++)
        if (layers[i] != NULL && layers[i]->set[k])
            return layers[i];
    return NULL;
}

static bool copy_strings(strings *to, const strings *from)
{
    for (size_t i = 0; i < from->n; i++)
        if (!strings_add(to, from->items[i]))
            return false;
    return true;
}

bool merge_layers(const layer *cli, const layer *env, const layer *file, layer *out)
{
    const layer *const layers[3] = {cli, env, file};
    out->input_format = SC_INPUT_AUTO;
    out->fail_on = SC_SEVERITY_ERROR;
    out->min_severity = SC_SEVERITY_NOTE;
    out->color = -1;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    out->jobs = cores < 1 ? 1 : cores > MAX_JOBS ? MAX_JOBS : (size_t)cores;
    out->cache_mb = DEFAULT_CACHE_MB;
    for (size_t k = 0; k < KEY_COUNT; k++) {
        const layer *w = winner(layers, (setting_key)k);
        out->set[k] = w != NULL;
        out->from[k] = w != NULL ? w->from[k] : "default";
        if (w == NULL)
            continue;
        switch ((setting_key)k) {
        case KEY_FORMAT:
            out->outputs = calloc(w->n_outputs + 1, sizeof *out->outputs);
            if (out->outputs == NULL)
                return false;
            memcpy(out->outputs, w->outputs, w->n_outputs * sizeof *w->outputs);
            out->n_outputs = w->n_outputs;
            break;
        case KEY_INPUT_FORMAT:
            out->input_format = w->input_format;
            break;
        case KEY_FAIL_ON:
            out->fail_on = w->fail_on;
            break;
        case KEY_MIN_SEVERITY:
            out->min_severity = w->min_severity;
            break;
        case KEY_MIN_SUPPORT:
            out->min_support = w->min_support;
            break;
        case KEY_LANG:
            out->lang = w->lang;
            break;
        case KEY_PAGE_DATE:
            out->page_date = w->page_date;
            break;
        case KEY_COLOR:
            out->color = w->color;
            break;
        case KEY_INCLUDE_TEXT:
            out->include_text = w->include_text;
            break;
        case KEY_INCLUDE:
            if (!copy_strings(&out->include, &w->include))
                return false;
            break;
        case KEY_EXCLUDE:
            if (!copy_strings(&out->exclude, &w->exclude))
                return false;
            break;
        case KEY_BASELINE:
            out->baseline = w->baseline;
            break;
        case KEY_JOBS:
            out->jobs = w->jobs;
            break;
        case KEY_CACHE_MB:
            out->cache_mb = w->cache_mb;
            break;
        case KEY_SUPPRESSIONS:
            out->suppressions = calloc(w->n_suppressions + 1, sizeof *out->suppressions);
            if (out->suppressions == NULL)
                return false;
            memcpy(out->suppressions, w->suppressions, w->n_suppressions * sizeof *w->suppressions);
            out->n_suppressions = w->n_suppressions;
            break;
        case KEY_COUNT:
            break;
        }
    }
    if (out->n_outputs == 0) {
        out->outputs = calloc(1, sizeof *out->outputs);
        if (out->outputs == NULL)
            return false;
        out->outputs[0] = (output){.format = SC_REPORT_TEXT};
        out->n_outputs = 1;
    }
    /* Rules merge rule by rule: --disable X keeps the file's setting of
     * rule Y. */
    out->rules_from = calloc(sc_rule_total() + 1, sizeof *out->rules_from);
    if (out->rules_from == NULL)
        return false;
    for (size_t i = 0; i < sc_rule_total(); i++) {
        out->rules_from[i] = "default";
        for (size_t l = 0; l < 3; l++)
            if (layers[l] != NULL && layers[l]->rules[i] != RULE_UNSET) {
                out->rules[i] = layers[l]->rules[i];
                out->rules_from[i] = layers[l]->rule_from;
                break;
            }
    }
    return true;
}

void list_rules(FILE *f)
{
    sc_rule_info info;
    for (size_t i = 0; sc_rule_describe(i, &info); i++)
        fprintf(f, "%-20s %-8s %s\n", info.id, sc_severity_name(info.severity), info.summary);
}

/* Writes text wrapped at width columns (bytes: the docs are ASCII but
 * for the odd quotation mark), keeping its paragraph breaks. */
static void put_wrapped(FILE *f, const char *text, size_t width)
{
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl != NULL ? (size_t)(nl - p) : strlen(p);
        size_t col = 0;
        const char *w = p, *end = p + len;
        while (w < end) {
            while (w < end && *w == ' ')
                w++;
            const char *e = w;
            while (e < end && *e != ' ')
                e++;
            if (e == w)
                break;
            size_t n = (size_t)(e - w);
            if (col > 0 && col + 1 + n > width) {
                fputc('\n', f);
                col = 0;
            } else if (col > 0) {
                fputc(' ', f);
                col++;
            }
            fwrite(w, 1, n, f);
            col += n;
            w = e;
        }
        fputc('\n', f);
        p = nl != NULL ? nl + 1 : end;
    }
}

bool explain_rule(FILE *f, const char *id)
{
    sc_rule_info info;
    if (!sc_rule_find(id, &info))
        return false;
    fprintf(f, "%s (default severity: %s)\n%s\n\n", info.id, sc_severity_name(info.severity),
            info.summary);
    put_wrapped(f, info.doc, 78);
    return true;
}

/* {"value": v, "from": from} */
static json_t *setting(json_t *value, const char *from)
{
    json_t *o = json_object();
    if (o == NULL || value == NULL) {
        json_decref(o);
        json_decref(value);
        return NULL;
    }
    json_object_set_new(o, "value", value);
    json_object_set_new(o, "from", json_string(from));
    return o;
}

static json_t *string_or_null(const char *s)
{
    return s != NULL ? json_string(s) : json_null();
}

static json_t *string_list(const strings *list)
{
    json_t *a = json_array();
    for (size_t i = 0; a != NULL && i < list->n; i++)
        json_array_append_new(a, json_string(list->items[i]));
    return a;
}

bool print_config(FILE *f, const layer *s, const config_file *config)
{
    json_t *root = json_object();
    if (root == NULL)
        return false;
    if (config->path != NULL) {
        json_t *c = json_object();
        json_object_set_new(c, "path", json_string(config->path));
        json_object_set_new(c, "found_by", json_string(config->found_by));
        json_object_set_new(root, "config_file", c);
    } else {
        json_object_set_new(root, "config_file", json_null());
    }
    json_t *formats = json_array();
    for (size_t i = 0; formats != NULL && i < s->n_outputs; i++) {
        json_t *o = json_object();
        json_object_set_new(o, "format", json_string(format_name(s->outputs[i].format)));
        json_object_set_new(o, "output", string_or_null(s->outputs[i].path));
        json_array_append_new(formats, o);
    }
    json_object_set_new(root, "format", setting(formats, s->from[KEY_FORMAT]));
    json_object_set_new(
        root, "input_format",
        setting(json_string(input_format_name(s->input_format)), s->from[KEY_INPUT_FORMAT]));
    json_object_set_new(root, "fail_on",
                        setting(json_string(level_name((int)s->fail_on)), s->from[KEY_FAIL_ON]));
    json_object_set_new(
        root, "min_severity",
        setting(json_string(level_name((int)s->min_severity)), s->from[KEY_MIN_SEVERITY]));
    json_object_set_new(root, "min_support",
                        setting(s->set[KEY_MIN_SUPPORT] ? json_real(s->min_support) : json_null(),
                                s->from[KEY_MIN_SUPPORT]));
    json_object_set_new(root, "lang", setting(string_or_null(s->lang), s->from[KEY_LANG]));
    json_object_set_new(root, "page_date",
                        setting(string_or_null(s->page_date), s->from[KEY_PAGE_DATE]));
    json_object_set_new(root, "color",
                        setting(json_string(s->color < 0    ? "auto"
                                            : s->color == 0 ? "never"
                                                            : "always"),
                                s->from[KEY_COLOR]));
    json_object_set_new(root, "include_text",
                        setting(json_boolean(s->include_text), s->from[KEY_INCLUDE_TEXT]));
    json_object_set_new(root, "include", setting(string_list(&s->include), s->from[KEY_INCLUDE]));
    json_object_set_new(root, "exclude", setting(string_list(&s->exclude), s->from[KEY_EXCLUDE]));
    json_object_set_new(root, "baseline",
                        setting(string_or_null(s->baseline), s->from[KEY_BASELINE]));
    json_object_set_new(root, "jobs",
                        setting(json_integer((json_int_t)s->jobs), s->from[KEY_JOBS]));
    json_object_set_new(root, "cache_mb",
                        setting(json_integer((json_int_t)s->cache_mb), s->from[KEY_CACHE_MB]));
    json_t *rules = json_object();
    sc_rule_info info;
    for (size_t i = 0; rules != NULL && sc_rule_describe(i, &info); i++) {
        int v = s->rules[i] != RULE_UNSET ? s->rules[i] : (int)info.severity;
        json_object_set_new(rules, info.id,
                            setting(json_string(level_name(v)),
                                    s->rules_from != NULL ? s->rules_from[i] : "default"));
    }
    json_object_set_new(root, "rules", rules);
    json_t *sup = json_array();
    for (size_t i = 0; sup != NULL && i < s->n_suppressions; i++) {
        const sc_suppression *x = &s->suppressions[i];
        json_t *o = json_object();
        json_object_set_new(o, "rule", json_string(x->rule));
        if (x->id != NULL)
            json_object_set_new(o, "id", json_string(x->id));
        if (x->text != NULL)
            json_object_set_new(o, "text", json_string(x->text));
        json_object_set_new(o, "reason", json_string(x->reason));
        json_array_append_new(sup, o);
    }
    json_object_set_new(root, "suppressions", setting(sup, s->from[KEY_SUPPRESSIONS]));
    int st = json_dumpf(root, f, JSON_PRESERVE_ORDER | JSON_INDENT(2) | JSON_REAL_PRECISION(10));
    json_decref(root);
    fputc('\n', f);
    return st == 0 && !ferror(f);
}
