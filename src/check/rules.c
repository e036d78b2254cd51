#include "check.h"

#include <string.h>

#include "text/text.h"

/* The order findings are reported in: the page first, then the summary's
 * claims from the broadest to the narrowest, then the page body. */
const sc_rule *const sc_rules[] = {
    &sc_rule_page_date_mismatch,   &sc_rule_missing_summary,    &sc_rule_unsupported_claim,
    &sc_rule_negation_flip,        &sc_rule_misquote,           &sc_rule_unsupported_entity,
    &sc_rule_unsupported_relation, &sc_rule_number_mismatch,    &sc_rule_date_mismatch,
    &sc_rule_weekday_mismatch,     &sc_rule_extraneous_content,
};
const size_t sc_rule_count = sizeof sc_rules / sizeof sc_rules[0];
_Static_assert(sizeof sc_rules / sizeof sc_rules[0] <= SC_MAX_RULES,
               "raise SC_MAX_RULES in check.h");

sc_status sc_run_rules(sc_result *result, const bool *disabled, double min_support, size_t *counts)
{
    for (size_t i = 0; i < sc_rule_count; i++) {
        if (counts != NULL)
            counts[i] = 0;
        if (disabled != NULL && disabled[i])
            continue;
        size_t before = result->n_findings;
        sc_status st = sc_rules[i]->run(sc_rules[i], result);
        if (counts != NULL)
            counts[i] = result->n_findings - before;
        if (st == SC_OK && sc_rules[i] == &sc_rule_unsupported_claim)
            st = sc_check_min_support(sc_rules[i], result, min_support);
        if (st != SC_OK)
            return st;
    }
    return SC_OK;
}

/* A copy of s[0..len) that is valid UTF-8: each byte that does not start
 * a valid sequence becomes U+FFFD (as a WHATWG UTF-8 decoder replaces
 * it).  Findings quote page text, and a page may hold stray bytes of a
 * legacy charset; the reports must stay valid UTF-8 (JSON, SARIF and XML
 * refuse anything else).  NULL when out of memory. */
static char *utf8_copy(sc_arena *arena, const char *s, size_t len)
{
    size_t bad;
    if (sc_utf8_valid(s, len, &bad))
        return sc_arena_strndup(arena, s, len);
    size_t strays = 0;
    for (size_t p = 0; p < len && !sc_utf8_valid(s + p, len - p, &bad); p += bad + 1)
        strays++;
    char *out = sc_arena_alloc(arena, len + 2 * strays + 1);
    if (out == NULL)
        return NULL;
    size_t n = 0, p = 0;
    while (p < len) {
        bool ok = sc_utf8_valid(s + p, len - p, &bad);
        size_t good = ok ? len - p : bad;
        memcpy(out + n, s + p, good);
        n += good;
        p += good;
        if (!ok) {
            memcpy(out + n, "\xef\xbf\xbd", 3);
            n += 3;
            p++;
        }
    }
    out[n] = '\0';
    return out;
}

sc_finding *sc_finding_add(sc_result *r, const sc_rule *rule, const char *message)
{
    if (r->n_findings == r->cap_findings) {
        size_t cap = r->cap_findings ? r->cap_findings * 2 : 8;
        sc_finding *f = sc_arena_grow(r->arena, r->findings, r->n_findings, cap, sizeof *f);
        if (f == NULL)
            return NULL;
        r->findings = f;
        r->cap_findings = cap;
    }
    char *copy = utf8_copy(r->arena, message, strlen(message));
    if (copy == NULL)
        return NULL;
    /* A message is one line, whatever text it quotes. */
    for (char *c = copy; *c; c++)
        if (*c == '\n' || *c == '\r' || *c == '\t')
            *c = ' ';
    sc_finding *f = &r->findings[r->n_findings++];
    memset(f, 0, sizeof *f);
    f->rule = rule->id;
    f->severity = rule->severity;
    f->message = copy;
    return f;
}

static sc_evidence *evidence_new(sc_result *r, sc_finding *f, const char *key,
                                 sc_evidence_type type)
{
    sc_evidence *e = sc_arena_calloc(r->arena, 1, sizeof *e);
    if (e == NULL)
        return NULL;
    e->key = key;
    e->type = type;
    if (f->evidence_last != NULL)
        f->evidence_last->next = e;
    else
        f->evidence = e;
    f->evidence_last = e;
    return e;
}

sc_status sc_evidence_string(sc_result *r, sc_finding *f, const char *key, const char *value,
                             size_t len)
{
    sc_evidence *e = evidence_new(r, f, key, SC_EV_STRING);
    if (e == NULL || (e->string = utf8_copy(r->arena, value, len)) == NULL)
        return SC_ERR_NOMEM;
    return SC_OK;
}

sc_status sc_evidence_number(sc_result *r, sc_finding *f, const char *key, double value)
{
    sc_evidence *e = evidence_new(r, f, key, SC_EV_NUMBER);
    if (e == NULL)
        return SC_ERR_NOMEM;
    e->number = value;
    return SC_OK;
}

sc_status sc_evidence_integer(sc_result *r, sc_finding *f, const char *key, long long value)
{
    sc_evidence *e = evidence_new(r, f, key, SC_EV_INTEGER);
    if (e == NULL)
        return SC_ERR_NOMEM;
    e->integer = value;
    return SC_OK;
}

sc_status sc_evidence_bool(sc_result *r, sc_finding *f, const char *key, bool value)
{
    sc_evidence *e = evidence_new(r, f, key, SC_EV_BOOL);
    if (e == NULL)
        return SC_ERR_NOMEM;
    e->integer = value;
    return SC_OK;
}

sc_status sc_evidence_strings(sc_result *r, sc_finding *f, const char *key, const char **values,
                              size_t n)
{
    sc_evidence *e = evidence_new(r, f, key, SC_EV_STRINGS);
    const char **copy = sc_arena_alloc(r->arena, (n ? n : 1) * sizeof *copy);
    if (e == NULL || copy == NULL)
        return SC_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        if ((copy[i] = utf8_copy(r->arena, values[i], strlen(values[i]))) == NULL)
            return SC_ERR_NOMEM;
    e->strings = copy;
    e->n_items = n;
    return SC_OK;
}

sc_status sc_evidence_numbers(sc_result *r, sc_finding *f, const char *key, const double *values,
                              size_t n)
{
    sc_evidence *e = evidence_new(r, f, key, SC_EV_NUMBERS);
    double *copy = sc_arena_alloc(r->arena, (n ? n : 1) * sizeof *copy);
    if (e == NULL || copy == NULL)
        return SC_ERR_NOMEM;
    if (n > 0)
        memcpy(copy, values, n * sizeof *copy);
    e->numbers = copy;
    e->n_items = n;
    return SC_OK;
}

sc_span sc_span_in(const sc_text *text, size_t start, size_t end)
{
    return (sc_span){true, text->field, text->base + start, text->base + end};
}

const char *sc_sentence_text(sc_arena *arena, const sc_analysis *a, size_t sentence)
{
    const sc_sentence *s = &a->sentences[sentence];
    return sc_arena_strndup(arena, a->text->data + s->start, s->end - s->start);
}

size_t sc_utf8_prefix(const char *s, size_t len, size_t max)
{
    if (len <= max)
        return len;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    return max;
}
