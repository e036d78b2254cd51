/* Building JSON for the JSON and SARIF reports: a tree with Jansson, or
 * (sc_jw) written straight into a buffer.  Jansson returns NULL when out of
 * memory and its setters take NULL as an error: any failure marks the
 * builder failed and the caller drops the object. */
#ifndef SC_REPORT_JBUILD_H
#define SC_REPORT_JBUILD_H

#include <jansson.h>
#include <stdbool.h>
#include <string.h>

#include "core/buf.h"
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

/* A JSON writer that appends to a buffer as it goes, with the bytes Jansson's
 * json_dumps gives for the same tree (JSON_PRESERVE_ORDER,
 * JSON_REAL_PRECISION(10), and JSON_COMPACT or JSON_INDENT(2)): the JSON
 * Lines report of a document no longer builds a tree it frees at once,
 * which was a fifth of a run.  Keys are written in the order given; a
 * caller that may repeat a key writes its last value at its first place,
 * as Jansson's object does.  Any failure (out of memory, nesting deeper
 * than SC_JW_MAX_DEPTH) sets failed, and the caller drops the output. */
enum { SC_JW_MAX_DEPTH = 32 };

typedef struct sc_jw {
    sc_buf *out;
    int step;  /* spaces per level; 0: compact, on one line */
    int pad;   /* spaces before every line */
    int depth; /* open objects and arrays */
    bool after_key;
    bool failed;
    bool empty[SC_JW_MAX_DEPTH + 1]; /* nothing written yet at that depth */
    sc_position_cache positions;     /* line:column of spans, rendered in order */
} sc_jw;

/* indent < 0: compact; else two spaces a level and indent spaces before
 * every line (the report nests documents in a list). */
void sc_jw_init(sc_jw *w, sc_buf *out, int indent);
void sc_jw_object(sc_jw *w);
void sc_jw_end_object(sc_jw *w);
void sc_jw_array(sc_jw *w);
void sc_jw_end_array(sc_jw *w);
void sc_jw_key(sc_jw *w, const char *key);
/* A key written in the code (a string literal that needs no escaping):
 * the comma before it, its quotes and the colon are one constant, most
 * often written whole.  text is ,"key": and n its length. */
#define SC_JW_KEY(w, key) sc_jw_key_quoted((w), ",\"" key "\":", sizeof(key) + 3)
void sc_jw_key_quoted_general(sc_jw *w, const char *text, size_t n);

/* Compact, in an object, with room in the output (nearly every key of a
 * JSON Lines report, the most frequent write), the key is copied here,
 * where n is a constant: no call, and a copy of known size. */
static inline void sc_jw_key_quoted(sc_jw *w, const char *text, size_t n)
{
    sc_buf *b = w->out;
    if (w->step != 0 || w->depth == 0 || w->after_key || b->failed || n >= b->cap - b->len) {
        sc_jw_key_quoted_general(w, text, n);
        return;
    }
    if (w->empty[w->depth])
        w->empty[w->depth] = false;
    else
        b->data[b->len++] = ',';
    memcpy(b->data + b->len, text + 1, n - 1);
    b->len += n - 1;
    b->data[b->len] = '\0';
    w->after_key = true;
}

/* A span's object: {"field", "start", "end", "line", "column"}, as the
 * calls for each of them would write it (the field by sc_field_name). */
void sc_jw_span(sc_jw *w, sc_field field, size_t start, size_t end, size_t line, size_t column);
void sc_jw_null(sc_jw *w);
void sc_jw_bool(sc_jw *w, bool value);
void sc_jw_integer(sc_jw *w, long long value);
/* A real as Jansson writes it ("%.10g", ".0" added to a whole number);
 * null when not finite. */
void sc_jw_real(sc_jw *w, double x);
/* Four decimals, no "-0"; null for a non-finite number (sc_jb_number). */
void sc_jw_number(sc_jw *w, double x);
/* A string of s[0..n); a stray byte becomes U+FFFD (sc_jb_string_n). */
void sc_jw_string_n(sc_jw *w, const char *s, size_t n);
void sc_jw_text(sc_jw *w, const char *s);
/* A finding's evidence as one object (sc_jb_evidence). */
void sc_jw_evidence(sc_jw *w, const sc_evidence *e);
/* SC_OK, or SC_ERR_NOMEM when anything failed. */
sc_status sc_jw_status(const sc_jw *w);

#endif
