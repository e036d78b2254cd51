/* Small things the program's parts share: the run's allocations, string
 * lists, format names. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void *pool_keep(pool *p, void *data, void (*release)(void *data))
{
    if (data == NULL)
        return NULL;
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 16;
        pool_item *grown = realloc(p->items, cap * sizeof *grown);
        if (grown == NULL) {
            if (release != NULL)
                release(data);
            else
                free(data);
            return NULL;
        }
        p->items = grown;
        p->cap = cap;
    }
    p->items[p->n++] = (pool_item){data, release};
    return data;
}

char *pool_strdup(pool *p, const char *s)
{
    size_t n = strlen(s);
    char *copy = malloc(n + 1);
    if (copy != NULL)
        memcpy(copy, s, n + 1);
    return pool_keep(p, copy, NULL);
}

char *pool_join(pool *p, const char *dir, const char *name)
{
    if (dir == NULL || dir[0] == '\0' || name[0] == '/' || strcmp(name, "-") == 0)
        return pool_strdup(p, name);
    size_t d = strlen(dir), n = strlen(name);
    while (d > 1 && dir[d - 1] == '/')
        d--;
    bool slash = dir[d - 1] != '/';
    char *joined = malloc(d + slash + n + 1);
    if (joined == NULL)
        return NULL;
    memcpy(joined, dir, d);
    if (slash)
        joined[d] = '/';
    memcpy(joined + d + slash, name, n + 1);
    return pool_keep(p, joined, NULL);
}

void pool_free(pool *p)
{
    /* Last in, first out: a string may live in a document kept earlier. */
    for (size_t i = p->n; i > 0; i--) {
        pool_item *it = &p->items[i - 1];
        if (it->release != NULL)
            it->release(it->data);
        else
            free(it->data);
    }
    free(p->items);
    memset(p, 0, sizeof *p);
}

bool strings_add(strings *list, const char *s)
{
    if (s == NULL)
        return false;
    if (list->n == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 8;
        const char **grown = realloc(list->items, cap * sizeof *grown);
        if (grown == NULL)
            return false;
        list->items = grown;
        list->cap = cap;
    }
    list->items[list->n++] = s;
    return true;
}

void strings_release(strings *list)
{
    free(list->items);
    memset(list, 0, sizeof *list);
}

static const char *const format_names[] = {
    [SC_REPORT_TEXT] = "text",   [SC_REPORT_JSON] = "json",   [SC_REPORT_JSONL] = "jsonl",
    [SC_REPORT_SARIF] = "sarif", [SC_REPORT_JUNIT] = "junit", [SC_REPORT_GITHUB] = "github",
    [SC_REPORT_HTML] = "html",
};

const char *format_name(sc_report_format format)
{
    size_t i = (size_t)format;
    return i < sizeof format_names / sizeof format_names[0] && format_names[i] != NULL
               ? format_names[i]
               : "?";
}

bool parse_format(const char *name, sc_report_format *format)
{
    for (size_t i = 0; i < sizeof format_names / sizeof format_names[0]; i++)
        if (format_names[i] != NULL && strcmp(name, format_names[i]) == 0) {
            *format = (sc_report_format)i;
            return true;
        }
    return false;
}

static const struct {
    const char *name;
    sc_input_format format;
} input_formats[] = {
    {"auto", SC_INPUT_AUTO}, {"text", SC_INPUT_TEXT},   {"html", SC_INPUT_HTML},
    {"json", SC_INPUT_JSON}, {"jsonl", SC_INPUT_JSONL},
};

bool parse_input_format(const char *name, sc_input_format *format)
{
    for (size_t i = 0; i < sizeof input_formats / sizeof input_formats[0]; i++)
        if (strcmp(name, input_formats[i].name) == 0) {
            *format = input_formats[i].format;
            return true;
        }
    return false;
}

const char *input_format_name(sc_input_format format)
{
    for (size_t i = 0; i < sizeof input_formats / sizeof input_formats[0]; i++)
        if (input_formats[i].format == format)
            return input_formats[i].name;
    return "auto";
}

bool layer_init(layer *l)
{
    memset(l, 0, sizeof *l);
    l->rules = calloc(sc_rule_total() + 1, sizeof *l->rules);
    return l->rules != NULL;
}

void layer_release(layer *l)
{
    free(l->rules);
    free(l->rules_from);
    free(l->outputs);
    free(l->suppressions);
    strings_release(&l->include);
    strings_release(&l->exclude);
    memset(l, 0, sizeof *l);
}
