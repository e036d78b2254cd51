/* Building JSON with Jansson for the JSON and SARIF reports.  Jansson
 * returns NULL when out of memory and its setters take NULL as an error:
 * any failure marks the builder failed and the caller drops the object. */
#ifndef SC_REPORT_JBUILD_H
#define SC_REPORT_JBUILD_H

#include <jansson.h>
#include <stdbool.h>

#include "core/doc.h"

typedef struct sc_jb {
    bool failed;
    sc_position_cache positions; /* line:column of spans, rendered in order */
} sc_jb;

void sc_jb_init(sc_jb *b);
json_t *sc_jb_check(sc_jb *b, json_t *v);
/* Sets or appends value (a new reference), releasing it on failure. */
void sc_jb_set(sc_jb *b, json_t *obj, const char *key, json_t *value);
void sc_jb_append(sc_jb *b, json_t *arr, json_t *value);
/* Four decimals, no "-0"; null for a non-finite number. */
json_t *sc_jb_number(sc_jb *b, double x);
/* A string of s[0..n); a stray byte becomes U+FFFD, never a failure. */
json_t *sc_jb_string_n(sc_jb *b, const char *s, size_t n);
json_t *sc_jb_text(sc_jb *b, const char *s);
/* A finding's evidence as one object, in the order it was added. */
json_t *sc_jb_evidence(sc_jb *b, const sc_evidence *e);

#endif
