/* The config file: sumcheck.json, found walking up from the current
 * directory (the way .editorconfig and .clang-format are found), or named
 * by --config or SUMCHECK_CONFIG.  Strict: an unknown key or a wrong value
 * stops the run with one line naming the file and the JSON path, since a
 * gate that half-reads its settings passes what it should not. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

#define CONFIG_NAME "sumcheck.json"
#define FROM_FILE "config file"

__attribute__((format(printf, 3, 4))) static int config_error(const char *file, const char *path,
                                                              const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "sumcheck: %s: %s: ", file, path);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return EXIT_TROUBLE;
}

static void release_json(void *j)
{
    json_decref(j);
}

static bool regular_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* sumcheck.json in the current directory or the nearest one above it. */
static const char *walk_up(pool *p)
{
    char *dir = malloc(PATH_MAX);
    if (dir == NULL || getcwd(dir, PATH_MAX) == NULL) {
        free(dir);
        return NULL;
    }
    const char *found = NULL;
    for (;;) {
        char *candidate = pool_join(p, dir, CONFIG_NAME);
        if (candidate != NULL && regular_file(candidate)) {
            found = candidate;
            break;
        }
        char *slash = strrchr(dir, '/');
        if (slash == NULL || slash == dir) {
            if (slash == dir && dir[1] != '\0') {
                dir[1] = '\0'; /* one last look at "/" */
                continue;
            }
            break;
        }
        *slash = '\0';
    }
    free(dir);
    return found;
}

/* The directory paths in the file are relative to, or NULL for ".". */
static const char *directory_of(const char *path, pool *p)
{
    const char *slash = strrchr(path, '/');
    if (slash == NULL)
        return NULL;
    char *dir = pool_strdup(p, path);
    if (dir != NULL)
        dir[slash == path ? 1 : slash - path] = '\0';
    return dir;
}

typedef struct reader {
    const char *file; /* the config file's path, for messages */
    const char *dir;  /* relative paths in it count from here */
    layer *out;
    pool *p;
    char path[256]; /* scratch for JSON paths */
} reader;

static const char *jpath(reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static const char *jpath(reader *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->path, sizeof r->path, fmt, ap);
    va_end(ap);
    return r->path;
}

static int want_string(reader *r, json_t *v, const char *where, const char **out)
{
    *out = NULL;
    if (!json_is_string(v) || json_string_length(v) == 0 ||
        strlen(json_string_value(v)) != json_string_length(v))
        return config_error(r->file, where, "expected a non-empty string");
    *out = json_string_value(v);
    return EXIT_PASS;
}

static int read_level(reader *r, json_t *v, const char *where, bool never, sc_severity *out)
{
    const char *s;
    if (want_string(r, v, where, &s) != EXIT_PASS)
        return EXIT_TROUBLE;
    if (never && strcmp(s, "never") == 0) {
        *out = 0;
        return EXIT_PASS;
    }
    if (!sc_severity_parse(s, out))
        return config_error(r->file, where, "unknown level '%s' (error, warning, note%s)", s,
                            never ? ", never" : "");
    return EXIT_PASS;
}

/* "text", "sarif", {"format": "sarif", "output": "out.sarif"}, or a list
 * of these. */
static int read_formats(reader *r, json_t *v)
{
    size_t n = json_is_array(v) ? json_array_size(v) : 1;
    if (json_is_array(v) && n == 0)
        return config_error(r->file, "$.format", "expected at least one format");
    r->out->outputs = calloc(n, sizeof *r->out->outputs);
    if (r->out->outputs == NULL)
        return config_error(r->file, "$.format", "out of memory");
    for (size_t i = 0; i < n; i++) {
        json_t *item = json_is_array(v) ? json_array_get(v, i) : v;
        char where[64];
        if (json_is_array(v))
            snprintf(where, sizeof where, "$.format[%zu]", i);
        else
            snprintf(where, sizeof where, "$.format");
        output *o = &r->out->outputs[i];
        json_t *name = item;
        if (json_is_object(item)) {
            const char *k;
            json_t *x;
            json_object_foreach(item, k, x)
            {
                if (strcmp(k, "format") != 0 && strcmp(k, "output") != 0)
                    return config_error(r->file, where,
                                        "unknown key '%s' (a report is {\"format\", \"output\"})",
                                        k);
            }
            name = json_object_get(item, "format");
            json_t *file = json_object_get(item, "output");
            if (file != NULL) {
                const char *f;
                char sub[80];
                snprintf(sub, sizeof sub, "%s.output", where);
                if (want_string(r, file, sub, &f) != EXIT_PASS)
                    return EXIT_TROUBLE;
                o->path = strcmp(f, "-") == 0 ? NULL : pool_join(r->p, r->dir, f);
                if (strcmp(f, "-") != 0 && o->path == NULL)
                    return config_error(r->file, where, "out of memory");
            }
            strncat(where, ".format", sizeof where - strlen(where) - 1);
        }
        if (!json_is_string(name) || !parse_format(json_string_value(name), &o->format))
            return config_error(r->file, where,
                                "expected a format: text, json, jsonl, sarif, junit, github, "
                                "html (or {\"format\", \"output\"})");
        r->out->n_outputs++;
    }
    for (size_t i = 0, on_stdout = 0; i < n; i++)
        if (r->out->outputs[i].path == NULL && ++on_stdout > 1)
            return config_error(r->file, "$.format",
                                "only one report can go to standard output: give the others "
                                "an \"output\"");
    return EXIT_PASS;
}

static int read_globs(reader *r, json_t *v, const char *key, strings *list)
{
    size_t n = json_is_array(v) ? json_array_size(v) : 1;
    for (size_t i = 0; i < n; i++) {
        json_t *item = json_is_array(v) ? json_array_get(v, i) : v;
        const char *where =
            json_is_array(v) ? jpath(r, "$.%s[%zu]", key, i) : jpath(r, "$.%s", key);
        const char *glob;
        if (want_string(r, item, where, &glob) != EXIT_PASS)
            return EXIT_TROUBLE;
        if (!strings_add(list, glob))
            return config_error(r->file, where, "out of memory");
    }
    return EXIT_PASS;
}

static int read_rules(reader *r, json_t *v)
{
    if (!json_is_object(v))
        return config_error(
            r->file, "$.rules",
            "expected an object {\"RULE\": \"off\"|\"error\"|\"warning\"|\"note\"}");
    const char *id;
    json_t *x;
    json_object_foreach(v, id, x)
    {
        const char *where = jpath(r, "$.rules.%s", id);
        size_t index = 0;
        sc_rule_info info;
        while (sc_rule_describe(index, &info) && strcmp(info.id, id) != 0)
            index++;
        if (index == sc_rule_total())
            return config_error(r->file, where,
                                "unknown rule '%s' (sumcheck --list-rules lists them)", id);
        const char *s = json_is_string(x) ? json_string_value(x) : "";
        sc_severity level;
        if (strcmp(s, "off") == 0)
            r->out->rules[index] = RULE_OFF;
        else if (sc_severity_parse(s, &level))
            r->out->rules[index] = (int)level;
        else
            return config_error(r->file, where,
                                "expected \"off\", \"error\", \"warning\" or \"note\"");
    }
    return EXIT_PASS;
}

static int read_suppressions(reader *r, json_t *v)
{
    if (!json_is_array(v))
        return config_error(r->file, "$.suppressions",
                            "expected a list of {\"rule\", \"id\"?, \"text\"?, \"reason\"}");
    size_t n = json_array_size(v);
    r->out->suppressions = calloc(n + 1, sizeof *r->out->suppressions);
    if (r->out->suppressions == NULL)
        return config_error(r->file, "$.suppressions", "out of memory");
    for (size_t i = 0; i < n; i++) {
        json_t *item = json_array_get(v, i);
        sc_suppression *s = &r->out->suppressions[i];
        if (!json_is_object(item))
            return config_error(r->file, jpath(r, "$.suppressions[%zu]", i),
                                "expected an object {\"rule\", \"id\"?, \"text\"?, \"reason\"}");
        const char *k;
        json_t *x;
        json_object_foreach(item, k, x)
        {
            const char *where = jpath(r, "$.suppressions[%zu].%s", i, k);
            const char **slot = strcmp(k, "rule") == 0     ? &s->rule
                                : strcmp(k, "id") == 0     ? &s->id
                                : strcmp(k, "text") == 0   ? &s->text
                                : strcmp(k, "reason") == 0 ? &s->reason
                                                           : NULL;
            if (slot == NULL)
                return config_error(r->file, where,
                                    "unknown key (a suppression has rule, id, text and reason)");
            if (want_string(r, x, where, slot) != EXIT_PASS)
                return EXIT_TROUBLE;
        }
        sc_rule_info info;
        if (s->rule == NULL)
            return config_error(r->file, jpath(r, "$.suppressions[%zu].rule", i),
                                "missing: a suppression names its rule");
        if (!sc_rule_find(s->rule, &info))
            return config_error(r->file, jpath(r, "$.suppressions[%zu].rule", i),
                                "unknown rule '%s' (sumcheck --list-rules lists them)", s->rule);
        if (s->reason == NULL)
            return config_error(r->file, jpath(r, "$.suppressions[%zu].reason", i),
                                "missing: every suppression needs a reason");
        r->out->n_suppressions++;
    }
    return EXIT_PASS;
}

static int read_key(reader *r, const char *k, json_t *v)
{
    layer *out = r->out;
    const char *where = jpath(r, "$.%s", k);
    const char *s;
    setting_key which;
    if (strcmp(k, "$schema") == 0) {
        return EXIT_PASS; /* for editors that validate the file */
    } else if (strcmp(k, "format") == 0) {
        which = KEY_FORMAT;
        if (read_formats(r, v) != EXIT_PASS)
            return EXIT_TROUBLE;
    } else if (strcmp(k, "input_format") == 0) {
        which = KEY_INPUT_FORMAT;
        if (want_string(r, v, where, &s) != EXIT_PASS)
            return EXIT_TROUBLE;
        if (!parse_input_format(s, &out->input_format))
            return config_error(r->file, where,
                                "unknown input format '%s' (auto, text, html, json, jsonl)", s);
    } else if (strcmp(k, "fail_on") == 0) {
        which = KEY_FAIL_ON;
        if (read_level(r, v, where, true, &out->fail_on) != EXIT_PASS)
            return EXIT_TROUBLE;
    } else if (strcmp(k, "min_severity") == 0) {
        which = KEY_MIN_SEVERITY;
        if (read_level(r, v, where, false, &out->min_severity) != EXIT_PASS)
            return EXIT_TROUBLE;
    } else if (strcmp(k, "min_support") == 0) {
        which = KEY_MIN_SUPPORT;
        if (!json_is_number(v) || json_number_value(v) < 0 || json_number_value(v) > 1)
            return config_error(r->file, where, "expected a number from 0 to 1");
        out->min_support = json_number_value(v);
    } else if (strcmp(k, "lang") == 0 || strcmp(k, "page_date") == 0) {
        bool lang = k[0] == 'l';
        which = lang ? KEY_LANG : KEY_PAGE_DATE;
        if (want_string(r, v, where, &s) != EXIT_PASS)
            return EXIT_TROUBLE;
        sc_options one;
        sc_options_init(&one);
        *(lang ? &one.language : &one.page_date) = s;
        if (sc_options_validate(&one, NULL) != SC_OK)
            return config_error(r->file, where,
                                lang ? "unknown language code '%s' (known: id, en)"
                                     : "'%s' is not a date as YYYY-MM-DD",
                                s);
        *(lang ? &out->lang : &out->page_date) = s;
    } else if (strcmp(k, "color") == 0) {
        which = KEY_COLOR;
        if (want_string(r, v, where, &s) != EXIT_PASS)
            return EXIT_TROUBLE;
        if (strcmp(s, "auto") == 0)
            out->color = -1;
        else if (strcmp(s, "always") == 0)
            out->color = 1;
        else if (strcmp(s, "never") == 0)
            out->color = 0;
        else
            return config_error(r->file, where, "unknown value '%s' (auto, always, never)", s);
    } else if (strcmp(k, "include_text") == 0) {
        which = KEY_INCLUDE_TEXT;
        if (!json_is_boolean(v))
            return config_error(r->file, where, "expected true or false");
        out->include_text = json_is_true(v);
    } else if (strcmp(k, "include") == 0 || strcmp(k, "exclude") == 0) {
        bool inc = k[0] == 'i';
        which = inc ? KEY_INCLUDE : KEY_EXCLUDE;
        if (read_globs(r, v, k, inc ? &out->include : &out->exclude) != EXIT_PASS)
            return EXIT_TROUBLE;
    } else if (strcmp(k, "baseline") == 0) {
        which = KEY_BASELINE;
        if (want_string(r, v, where, &s) != EXIT_PASS)
            return EXIT_TROUBLE;
        if ((out->baseline = pool_join(r->p, r->dir, s)) == NULL)
            return config_error(r->file, where, "out of memory");
    } else if (strcmp(k, "jobs") == 0) {
        which = KEY_JOBS;
        if (!json_is_integer(v) || json_integer_value(v) < 1 || json_integer_value(v) > MAX_JOBS)
            return config_error(r->file, where, "expected a number of threads from 1 to 1024");
        out->jobs = (size_t)json_integer_value(v);
    } else if (strcmp(k, "cache_mb") == 0) {
        which = KEY_CACHE_MB;
        if (!json_is_integer(v) || json_integer_value(v) < 0 ||
            json_integer_value(v) > MAX_CACHE_MB)
            return config_error(r->file, where, "expected a number of MiB from 0 to 1048576");
        out->cache_mb = (size_t)json_integer_value(v);
    } else if (strcmp(k, "rules") == 0) {
        return read_rules(r, v);
    } else if (strcmp(k, "suppressions") == 0) {
        which = KEY_SUPPRESSIONS;
        if (read_suppressions(r, v) != EXIT_PASS)
            return EXIT_TROUBLE;
    } else {
        return config_error(r->file, where,
                            "unknown key (known: format, input_format, fail_on, min_severity, "
                            "min_support, lang, page_date, color, include_text, include, exclude, "
                            "baseline, jobs, cache_mb, rules, suppressions)");
    }
    out->set[which] = true;
    out->from[which] = FROM_FILE;
    return EXIT_PASS;
}

int load_config(const request *req, layer *file, config_file *found, pool *p)
{
    const char *path = NULL;
    const char *env = getenv("SUMCHECK_CONFIG");
    found->path = NULL;
    found->found_by = NULL;
    if (req->config != NULL) {
        path = req->config;
        found->found_by = "--config";
    } else if (req->no_config) {
        return EXIT_PASS;
    } else if (env != NULL && env[0] != '\0') {
        path = env;
        found->found_by = "environment SUMCHECK_CONFIG";
    } else if ((path = walk_up(p)) != NULL) {
        found->found_by = "found walking up from the current directory";
    } else {
        return EXIT_PASS;
    }
    found->path = path;
    file->rule_from = FROM_FILE;
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "sumcheck: %s: cannot open the config file: %s\n", path, strerror(errno));
        return EXIT_TROUBLE;
    }
    json_error_t err;
    json_t *root = json_loadf(f, JSON_REJECT_DUPLICATES, &err);
    fclose(f);
    if (root == NULL) {
        fprintf(stderr, "sumcheck: %s: invalid JSON (line %d, column %d): %s\n", path, err.line,
                err.column, err.text);
        return EXIT_TROUBLE;
    }
    if (pool_keep(p, root, release_json) == NULL) {
        fprintf(stderr, "sumcheck: out of memory\n");
        return EXIT_TROUBLE;
    }
    if (!json_is_object(root))
        return config_error(path, "$", "expected a JSON object of settings");
    reader r = {.file = path, .dir = directory_of(path, p), .out = file, .p = p};
    const char *k;
    json_t *v;
    json_object_foreach(root, k, v)
    {
        if (read_key(&r, k, v) != EXIT_PASS)
            return EXIT_TROUBLE;
    }
    return EXIT_PASS;
}
