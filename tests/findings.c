/* Shared by the Check suites that look at a result's findings. */
#include "findings.h"

#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sumcheck.h"

size_t sc_test_count_rule(const sc_result *r, const char *rule)
{
    size_t n = 0;
    for (size_t i = 0; i < r->n_findings; i++)
        n += strcmp(r->findings[i].rule, rule) == 0;
    return n;
}

void sc_test_list_findings(const sc_result *r, char *out, size_t cap)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < r->n_findings && used < cap; i++) {
        int k = snprintf(out + used, cap - used, " [%s %s: %s]", r->findings[i].rule,
                         sc_severity_name(r->findings[i].severity), r->findings[i].message);
        if (k > 0)
            used += (size_t)k;
    }
    if (used == 0)
        snprintf(out, cap, " (none)");
}

char *sc_test_span_text(const sc_result *r, const sc_span *span)
{
    const char *data = r->page.field_data[span->field];
    ck_assert_ptr_nonnull(data);
    ck_assert_uint_le(span->start, span->end);
    ck_assert_uint_le(span->end, r->page.field_len[span->field]);
    char *s = malloc(span->end - span->start + 1);
    ck_assert_ptr_nonnull(s);
    memcpy(s, data + span->start, span->end - span->start);
    s[span->end - span->start] = '\0';
    return s;
}

const sc_finding *sc_test_find(const sc_result *r, const char *rule, const char *text)
{
    for (size_t i = 0; i < r->n_findings; i++) {
        const sc_finding *f = &r->findings[i];
        if (strcmp(f->rule, rule) != 0)
            continue;
        const sc_span *span = f->summary_span.present ? &f->summary_span : &f->source_span;
        if (!span->present)
            continue;
        char *under = sc_test_span_text(r, span);
        bool same = strcmp(under, text) == 0;
        free(under);
        if (same)
            return f;
    }
    return NULL;
}
