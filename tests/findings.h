/* Shared by the Check suites that look at a result's findings. */
#ifndef SC_TEST_FINDINGS_H
#define SC_TEST_FINDINGS_H

#include <stddef.h>

#include "core/doc.h"

/* How many findings of rule r has. */
size_t sc_test_count_rule(const sc_result *r, const char *rule);

/* " [rule severity: message]" for each finding, into out[0..cap) (cut
 * there), or " (none)": for failure messages. */
void sc_test_list_findings(const sc_result *r, char *out, size_t cap);

/* The text under a span, copied (caller frees). */
char *sc_test_span_text(const sc_result *r, const sc_span *span);

/* The finding of rule whose span (summary span, else source span) covers
 * exactly text; NULL when none. */
const sc_finding *sc_test_find(const sc_result *r, const char *rule, const char *text);

#endif
