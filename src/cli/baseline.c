/* Baselines: the findings a project has accepted, by fingerprint (rule,
 * document id and the normalised text under the finding; not line numbers,
 * so an edit elsewhere on the page keeps them).  --write-baseline records
 * a run's findings; --baseline reads them back, the library marks the
 * findings it has, and what it no longer finds in the documents checked is
 * stale.  The file:
 *
 *   {"tool": {"name": "sumcheck", "version": "..."}, "baseline_version": 1,
 *    "findings": [{"fingerprint", "rule", "id", "text"?}, ...]}
 *
 * sorted by id, rule and fingerprint, so it diffs well under version
 * control. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define BASELINE_VERSION 1

typedef struct entry {
    const char *fingerprint, *rule, *id, *text;
    size_t order; /* in the file */
    bool matched;
} entry;

struct baseline {
    const char *path;
    json_t *root; /* the entries' strings live here */
    entry *entries;
    size_t n;
    const char **fingerprints; /* sorted, for sc_options.baseline */
    char **checked;            /* ids of the documents checked */
    size_t n_checked, cap_checked;
};

__attribute__((format(printf, 3, 4))) static void file_error(const char *file, const char *path,
                                                             const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "sumcheck: %s: %s: ", file, path);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static bool hex16(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f')))
            return false;
    return n == 16;
}

static int by_fingerprint(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    int c = strcmp(x->fingerprint, y->fingerprint);
    return c != 0 ? c : (x->order > y->order) - (x->order < y->order);
}

static int by_order(const void *a, const void *b)
{
    const sc_baseline_entry *x = a, *y = b;
    /* The stale list keeps file order: ids, then rules, then fingerprints. */
    int c = strcmp(x->id, y->id);
    if (c == 0)
        c = strcmp(x->rule, y->rule);
    return c != 0 ? c : strcmp(x->fingerprint, y->fingerprint);
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A string member of entry i; false (said) when missing or not a string. */
static bool member(const char *file, json_t *o, size_t i, const char *key, bool required,
                   const char **out)
{
    json_t *v = json_object_get(o, key);
    *out = NULL;
    if (v == NULL && !required)
        return true;
    if (!json_is_string(v)) {
        char where[64];
        snprintf(where, sizeof where, "$.findings[%zu].%s", i, key);
        file_error(file, where, v == NULL ? "missing" : "expected a string");
        return false;
    }
    *out = json_string_value(v);
    return true;
}

baseline *baseline_load(const char *path)
{
    baseline *b = calloc(1, sizeof *b);
    if (b == NULL) {
        fprintf(stderr, "sumcheck: out of memory\n");
        return NULL;
    }
    b->path = path;
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "sumcheck: %s: cannot open the baseline: %s\n", path, strerror(errno));
        baseline_free(b);
        return NULL;
    }
    json_error_t err;
    b->root = json_loadf(f, JSON_REJECT_DUPLICATES, &err);
    fclose(f);
    if (b->root == NULL) {
        fprintf(stderr, "sumcheck: %s: invalid JSON (line %d, column %d): %s\n", path, err.line,
                err.column, err.text);
        baseline_free(b);
        return NULL;
    }
    json_t *version = json_object_get(b->root, "baseline_version");
    json_t *list = json_object_get(b->root, "findings");
    if (!json_is_object(b->root)) {
        file_error(path, "$", "expected a baseline object written by --write-baseline");
    } else if (version != NULL &&
               !(json_is_integer(version) && json_integer_value(version) == BASELINE_VERSION)) {
        file_error(path, "$.baseline_version", "this sumcheck reads baseline version %d",
                   BASELINE_VERSION);
    } else if (!json_is_array(list)) {
        file_error(path, "$.findings", list == NULL ? "missing" : "expected a list");
    } else {
        b->n = json_array_size(list);
        b->entries = calloc(b->n + 1, sizeof *b->entries);
        b->fingerprints = calloc(b->n + 1, sizeof *b->fingerprints);
        if (b->entries == NULL || b->fingerprints == NULL) {
            fprintf(stderr, "sumcheck: out of memory\n");
            baseline_free(b);
            return NULL;
        }
        for (size_t i = 0; i < b->n; i++) {
            json_t *o = json_array_get(list, i);
            entry *e = &b->entries[i];
            e->order = i;
            if (!json_is_object(o)) {
                char where[48];
                snprintf(where, sizeof where, "$.findings[%zu]", i);
                file_error(path, where, "expected an object {\"fingerprint\", \"rule\", \"id\"}");
                baseline_free(b);
                return NULL;
            }
            if (!member(path, o, i, "fingerprint", true, &e->fingerprint) ||
                !member(path, o, i, "rule", true, &e->rule) ||
                !member(path, o, i, "id", true, &e->id) ||
                !member(path, o, i, "text", false, &e->text)) {
                baseline_free(b);
                return NULL;
            }
            if (!hex16(e->fingerprint)) {
                char where[64];
                snprintf(where, sizeof where, "$.findings[%zu].fingerprint", i);
                file_error(path, where, "expected 16 lower-case hex digits");
                baseline_free(b);
                return NULL;
            }
        }
        if (b->n > 1)
            qsort(b->entries, b->n, sizeof *b->entries, by_fingerprint);
        for (size_t i = 0; i < b->n; i++)
            b->fingerprints[i] = b->entries[i].fingerprint;
        return b;
    }
    baseline_free(b);
    return NULL;
}

void baseline_free(baseline *b)
{
    if (b == NULL)
        return;
    for (size_t i = 0; i < b->n_checked; i++)
        free(b->checked[i]);
    free(b->checked);
    free(b->entries);
    free(b->fingerprints);
    json_decref(b->root);
    free(b);
}

const char *baseline_path(const baseline *b)
{
    return b->path;
}

const char *const *baseline_fingerprints(const baseline *b, size_t *n)
{
    *n = b->n;
    return b->fingerprints;
}

bool baseline_note(baseline *b, const sc_result *result)
{
    if (b->n_checked == b->cap_checked) {
        size_t cap = b->cap_checked ? b->cap_checked * 2 : 64;
        char **grown = realloc(b->checked, cap * sizeof *grown);
        if (grown == NULL)
            return false;
        b->checked = grown;
        b->cap_checked = cap;
    }
    const char *id = sc_result_id(result);
    size_t len = strlen(id);
    char *copy = malloc(len + 1);
    if (copy == NULL)
        return false;
    memcpy(copy, id, len + 1);
    b->checked[b->n_checked++] = copy;
    sc_finding_info info;
    for (size_t i = 0; sc_result_finding(result, i, &info); i++) {
        if (!info.in_baseline)
            continue;
        /* The first entry with this fingerprint, then every equal one. */
        size_t lo = 0, hi = b->n;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (strcmp(b->entries[mid].fingerprint, info.fingerprint) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (; lo < b->n && strcmp(b->entries[lo].fingerprint, info.fingerprint) == 0; lo++)
            b->entries[lo].matched = true;
    }
    return true;
}

size_t baseline_stale(const baseline *b, sc_baseline_entry **stale)
{
    *stale = NULL;
    /* Entries of documents this run did not check are not stale: a run
     * over one page must not call the rest of the baseline gone. */
    if (b->n_checked > 1)
        qsort(b->checked, b->n_checked, sizeof *b->checked, by_string);
    size_t n = 0;
    sc_baseline_entry *list = calloc(b->n + 1, sizeof *list);
    if (list == NULL)
        return 0;
    for (size_t i = 0; i < b->n; i++) {
        const entry *e = &b->entries[i];
        if (e->matched || b->n_checked == 0 ||
            bsearch(&e->id, b->checked, b->n_checked, sizeof *b->checked, by_string) == NULL)
            continue;
        list[n++] = (sc_baseline_entry){e->fingerprint, e->rule, e->id, e->text};
    }
    if (n > 1)
        qsort(list, n, sizeof *list, by_order);
    *stale = list;
    return n;
}

/* ---- recording ------------------------------------------------------------------------ */

typedef struct record {
    char fingerprint[17];
    char *rule, *id, *text;
} record;

struct recorder {
    record *records;
    size_t n, cap;
};

recorder *recorder_new(void)
{
    return calloc(1, sizeof(recorder));
}

static char *copy_n(const char *s, size_t n)
{
    char *c = malloc(n + 1);
    if (c != NULL) {
        memcpy(c, s, n);
        c[n] = '\0';
    }
    return c;
}

bool recorder_add(recorder *rec, const sc_result *result)
{
    sc_finding_info info;
    for (size_t i = 0; sc_result_finding(result, i, &info); i++) {
        /* A suppressed finding is accepted by the config already. */
        if (info.suppressed != NULL)
            continue;
        if (rec->n == rec->cap) {
            size_t cap = rec->cap ? rec->cap * 2 : 64;
            record *grown = realloc(rec->records, cap * sizeof *grown);
            if (grown == NULL)
                return false;
            rec->records = grown;
            rec->cap = cap;
        }
        record *r = &rec->records[rec->n];
        memcpy(r->fingerprint, info.fingerprint, sizeof r->fingerprint);
        r->rule = copy_n(info.rule, strlen(info.rule));
        r->id = copy_n(sc_result_id(result), strlen(sc_result_id(result)));
        r->text = copy_n(info.text, info.text_len);
        rec->n++;
        if (r->rule == NULL || r->id == NULL || r->text == NULL)
            return false;
    }
    return true;
}

static int by_record(const void *a, const void *b)
{
    const record *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    if (c == 0)
        c = strcmp(x->rule, y->rule);
    return c != 0 ? c : strcmp(x->fingerprint, y->fingerprint);
}

bool recorder_write(recorder *rec, const char *path)
{
    if (rec->n > 1)
        qsort(rec->records, rec->n, sizeof *rec->records, by_record);
    json_t *root = json_object();
    json_t *tool = json_object();
    json_t *list = json_array();
    bool ok = root != NULL && tool != NULL && list != NULL;
    if (ok) {
        json_object_set_new(tool, "name", json_string("sumcheck"));
        json_object_set_new(tool, "version", json_string(SC_VERSION));
        json_object_set_new(root, "tool", tool);
        tool = NULL;
        json_object_set_new(root, "baseline_version", json_integer(BASELINE_VERSION));
    }
    for (size_t i = 0; ok && i < rec->n; i++) {
        const record *r = &rec->records[i];
        json_t *o = json_object();
        if (o == NULL || json_array_append_new(list, o) != 0) {
            ok = false;
            break;
        }
        json_object_set_new(o, "fingerprint", json_string(r->fingerprint));
        json_object_set_new(o, "rule", json_string(r->rule));
        json_object_set_new(o, "id", json_string(r->id));
        /* For people reading the file; NULL (left out) if not UTF-8. */
        json_t *text = json_string(r->text);
        if (text != NULL)
            json_object_set_new(o, "text", text);
    }
    if (ok)
        json_object_set_new(root, "findings", list);
    else
        json_decref(list);
    json_decref(tool);
    FILE *f = ok ? fopen(path, "wb") : NULL;
    if (!ok) {
        fprintf(stderr, "sumcheck: out of memory\n");
    } else if (f == NULL) {
        fprintf(stderr, "sumcheck: %s: cannot write the baseline: %s\n", path, strerror(errno));
        ok = false;
    } else {
        ok =
            json_dumpf(root, f, JSON_PRESERVE_ORDER | JSON_INDENT(2)) == 0 && fputc('\n', f) != EOF;
        if (fclose(f) != 0 || !ok) {
            fprintf(stderr, "sumcheck: %s: cannot write the baseline: %s\n", path, strerror(errno));
            ok = false;
        }
    }
    json_decref(root);
    return ok;
}

void recorder_free(recorder *rec)
{
    if (rec == NULL)
        return;
    for (size_t i = 0; i < rec->n; i++) {
        free(rec->records[i].rule);
        free(rec->records[i].id);
        free(rec->records[i].text);
    }
    free(rec->records);
    free(rec);
}
