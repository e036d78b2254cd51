/* What the gate needs beyond the rules: the rule settings of sc_options
 * (validated, then applied to the findings), each finding's fingerprint,
 * suppressions and the baseline; the public view of rules and findings.
 * The rules decide what is wrong; this decides what of it the caller has
 * already accepted. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "gate.h"
#include "io/io.h"
#include "report/report.h"

/* error->detail = "what 'name'", cut to fit. */
static sc_status fail_naming(sc_error *error, const char *message, const char *name)
{
    sc_fail(error, SC_ERR_OPTION, message, SC_NO_POS, NULL);
    if (error != NULL)
        snprintf(error->detail, sizeof error->detail, "'%s'", name != NULL ? name : "(null)");
    return SC_ERR_OPTION;
}

static bool fingerprint_shape(const char *s)
{
    size_t n = 0;
    for (; s[n] != '\0'; n++)
        if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f')))
            return false;
    return n == 16;
}

sc_status sc_gate_validate(const sc_options *options, sc_error *error)
{
    if (options->n_rules > 0 && options->rules == NULL)
        return sc_fail(error, SC_ERR_OPTION, "rule settings missing", SC_NO_POS, NULL);
    for (size_t i = 0; i < options->n_rules; i++) {
        const sc_rule_setting *s = &options->rules[i];
        if (s->rule == NULL || sc_report_rule_index(s->rule) == sc_rule_count)
            return fail_naming(error, "unknown rule id", s->rule);
        if (s->severity != 0 && (s->severity < SC_SEVERITY_NOTE || s->severity > SC_SEVERITY_ERROR))
            return fail_naming(error, "unknown severity for rule", s->rule);
    }
    if (!isfinite(options->min_support) || options->min_support < 0 || options->min_support > 1)
        return sc_fail(error, SC_ERR_OPTION, "min_support must be a number from 0 to 1", SC_NO_POS,
                       NULL);
    if (options->n_suppressions > 0 && options->suppressions == NULL)
        return sc_fail(error, SC_ERR_OPTION, "suppressions missing", SC_NO_POS, NULL);
    for (size_t i = 0; i < options->n_suppressions; i++) {
        const sc_suppression *s = &options->suppressions[i];
        if (s->rule == NULL || sc_report_rule_index(s->rule) == sc_rule_count)
            return fail_naming(error, "a suppression names an unknown rule id", s->rule);
        if (s->reason == NULL || s->reason[0] == '\0')
            return fail_naming(error, "a suppression has no reason", s->rule);
    }
    if (options->n_baseline > 0 && options->baseline == NULL)
        return sc_fail(error, SC_ERR_OPTION, "baseline fingerprints missing", SC_NO_POS, NULL);
    for (size_t i = 0; i < options->n_baseline; i++) {
        const char *fp = options->baseline[i];
        if (fp == NULL || !fingerprint_shape(fp))
            return fail_naming(error, "a baseline fingerprint is not 16 hex digits", fp);
        if (i > 0 && strcmp(options->baseline[i - 1], fp) > 0)
            return fail_naming(error, "the baseline fingerprints are not sorted", fp);
    }
    return SC_OK;
}

void sc_gate_disabled(const sc_options *options, bool *disabled)
{
    memset(disabled, 0, SC_MAX_RULES * sizeof *disabled);
    for (size_t i = 0; i < options->n_rules; i++) {
        size_t k = sc_report_rule_index(options->rules[i].rule);
        if (k < sc_rule_count)
            disabled[k] = options->rules[i].disabled;
    }
}

/* The severity override of rule id, or 0; the last setting wins. */
static sc_severity override_of(const sc_options *options, const char *id)
{
    sc_severity s = 0;
    for (size_t i = 0; i < options->n_rules; i++)
        if (strcmp(options->rules[i].rule, id) == 0)
            s = options->rules[i].severity;
    return s;
}

/* The span a finding is about: its summary span, else its source span. */
static sc_span finding_span(const sc_finding *f)
{
    return f->summary_span.present ? f->summary_span : f->source_span;
}

static const char *raw_text(const sc_result *r, const sc_finding *f, size_t *len)
{
    sc_span sp = finding_span(f);
    const char *field = sp.present ? r->page.field_data[sp.field] : NULL;
    *len = 0;
    if (field == NULL || sp.end <= sp.start || sp.end > r->page.field_len[sp.field])
        return "";
    *len = sp.end - sp.start;
    return field + sp.start;
}

/* The first suppression that matches f, or NULL. */
static const sc_suppression *suppression_of(sc_result *r, const sc_options *options,
                                            const sc_finding *f, const char **norm,
                                            size_t *norm_len, sc_status *st)
{
    for (size_t i = 0; i < options->n_suppressions; i++) {
        const sc_suppression *s = &options->suppressions[i];
        if (strcmp(s->rule, f->rule) != 0 || (s->id != NULL && strcmp(s->id, r->id) != 0))
            continue;
        if (s->text == NULL)
            return s;
        if (*norm == NULL) {
            size_t len;
            const char *text = raw_text(r, f, &len);
            if ((*norm = sc_report_normalize(r->arena, text, len, norm_len)) == NULL) {
                *st = SC_ERR_NOMEM;
                return NULL;
            }
        }
        size_t want_len;
        const char *want = sc_report_normalize(r->arena, s->text, strlen(s->text), &want_len);
        if (want == NULL) {
            *st = SC_ERR_NOMEM;
            return NULL;
        }
        if (want_len > 0 && want_len <= *norm_len && strstr(*norm, want) != NULL)
            return s;
    }
    return NULL;
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

sc_status sc_gate_apply(sc_result *r, const sc_options *options)
{
    for (size_t i = 0; i < r->n_findings; i++) {
        sc_severity s = override_of(options, r->findings[i].rule);
        if (s != 0)
            r->findings[i].severity = s;
    }
    if (r->n_findings > 0) {
        sc_fingerprint *fps = calloc(r->n_findings, sizeof *fps);
        if (fps == NULL)
            return SC_ERR_NOMEM;
        sc_status st = sc_report_fingerprints(r, fps);
        for (size_t i = 0; st == SC_OK && i < r->n_findings; i++)
            memcpy(r->findings[i].fingerprint, fps[i].hex, sizeof fps[i].hex);
        free(fps);
        if (st != SC_OK)
            return st;
    }
    r->baseline_checked = options->baseline != NULL;
    for (size_t i = 0; i < r->n_findings; i++) {
        sc_finding *f = &r->findings[i];
        const char *norm = NULL;
        size_t norm_len = 0;
        sc_status st = SC_OK;
        const sc_suppression *s = suppression_of(r, options, f, &norm, &norm_len, &st);
        if (st != SC_OK)
            return st;
        if (s != NULL &&
            (f->suppressed = sc_arena_strndup(r->arena, s->reason, strlen(s->reason))) == NULL)
            return SC_ERR_NOMEM;
        const char *key = f->fingerprint;
        f->in_baseline =
            options->n_baseline > 0 && bsearch(&key, options->baseline, options->n_baseline,
                                               sizeof options->baseline[0], by_string) != NULL;
    }
    return SC_OK;
}

/* ---- the public view ------------------------------------------------------------------ */

size_t sc_rule_total(void)
{
    return sc_rule_count;
}

bool sc_rule_describe(size_t index, sc_rule_info *info)
{
    if (index >= sc_rule_count)
        return false;
    const sc_rule *rule = sc_rules[index];
    info->id = rule->id;
    info->severity = rule->severity;
    info->summary = rule->summary;
    info->doc = rule->doc != NULL ? rule->doc : rule->summary;
    return true;
}

bool sc_rule_find(const char *id, sc_rule_info *info)
{
    return id != NULL && sc_rule_describe(sc_report_rule_index(id), info);
}

size_t sc_result_gate_count(const sc_result *result, sc_severity severity)
{
    if (severity == 0)
        return 0;
    size_t n = 0;
    for (size_t i = 0; i < result->n_findings; i++) {
        const sc_finding *f = &result->findings[i];
        n += f->severity >= severity && f->suppressed == NULL && !f->in_baseline;
    }
    return n;
}

bool sc_result_finding(const sc_result *result, size_t index, sc_finding_info *info)
{
    if (index >= result->n_findings)
        return false;
    const sc_finding *f = &result->findings[index];
    info->rule = f->rule;
    info->severity = f->severity;
    info->message = f->message;
    info->text = raw_text(result, f, &info->text_len);
    memcpy(info->fingerprint, f->fingerprint, sizeof info->fingerprint);
    info->suppressed = f->suppressed;
    info->in_baseline = f->in_baseline;
    return true;
}
