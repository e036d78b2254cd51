#include "jbuild.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report.h"
#include "core/swar.h"
#include "text/text.h"

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD, as sc_report_clean writes it */

void sc_jb_init(sc_jb *b)
{
    b->failed = false;
    sc_position_cache_init(&b->positions);
}

json_t *sc_jb_check(sc_jb *b, json_t *v)
{
    if (v == NULL)
        b->failed = true;
    return v;
}

void sc_jb_set(sc_jb *b, json_t *obj, const char *key, json_t *value)
{
    if (obj == NULL || value == NULL || json_object_set_new(obj, key, value) != 0) {
        if (obj == NULL)
            json_decref(value);
        b->failed = true;
    }
}

void sc_jb_append(sc_jb *b, json_t *arr, json_t *value)
{
    if (arr == NULL || value == NULL || json_array_append_new(arr, value) != 0) {
        if (arr == NULL)
            json_decref(value);
        b->failed = true;
    }
}

json_t *sc_jb_number(sc_jb *b, double x)
{
    if (!isfinite(x))
        return sc_jb_check(b, json_null());
    double r = round(x * 10000.0) / 10000.0;
    if (r == 0)
        r = 0; /* no "-0.0" */
    return sc_jb_check(b, json_real(r));
}

json_t *sc_jb_string_n(sc_jb *b, const char *s, size_t n)
{
    size_t bad;
    if (sc_utf8_valid(s, n, &bad))
        return sc_jb_check(b, json_stringn(s, n));
    sc_buf clean;
    sc_buf_init(&clean);
    sc_report_clean(s, n, false, &clean);
    json_t *v = clean.failed ? NULL : json_stringn(clean.data != NULL ? clean.data : "", clean.len);
    sc_buf_release(&clean);
    return sc_jb_check(b, v);
}

json_t *sc_jb_text(sc_jb *b, const char *s)
{
    return sc_jb_string_n(b, s, strlen(s));
}

json_t *sc_jb_evidence(sc_jb *b, const sc_evidence *e)
{
    json_t *o = sc_jb_check(b, json_object());
    for (; o != NULL && e != NULL; e = e->next) {
        json_t *v = NULL;
        switch (e->type) {
        case SC_EV_STRING:
            v = sc_jb_text(b, e->string);
            break;
        case SC_EV_NUMBER:
            v = sc_jb_number(b, e->number);
            break;
        case SC_EV_INTEGER:
            v = sc_jb_check(b, json_integer((json_int_t)e->integer));
            break;
        case SC_EV_BOOL:
            v = sc_jb_check(b, json_boolean(e->integer != 0));
            break;
        case SC_EV_STRINGS:
            v = sc_jb_check(b, json_array());
            for (size_t i = 0; v != NULL && i < e->n_items; i++)
                sc_jb_append(b, v, sc_jb_text(b, e->strings[i]));
            break;
        case SC_EV_NUMBERS:
            v = sc_jb_check(b, json_array());
            for (size_t i = 0; v != NULL && i < e->n_items; i++)
                sc_jb_append(b, v, sc_jb_number(b, e->numbers[i]));
            break;
        }
        sc_jb_set(b, o, e->key, v);
    }
    return o;
}

/* ---- The streaming writer -------------------------------------------------------------------- */

void sc_jw_init(sc_jw *w, sc_buf *out, int indent)
{
    memset(w, 0, sizeof *w);
    w->out = out;
    w->step = indent < 0 ? 0 : 2;
    w->pad = indent > 0 ? indent : 0;
    sc_position_cache_init(&w->positions);
}

/* Appends s[0..n) to the output.  Nearly every write fits the room the
 * buffer already has: those are copied in place, without sc_buf_append's
 * call and checks (it keeps the buffer NUL-terminated, so do we). */
static inline void put(sc_jw *w, const char *s, size_t n)
{
    sc_buf *b = w->out;
    if (n < b->cap - b->len && !b->failed) {
        memcpy(b->data + b->len, s, n);
        b->len += n;
        b->data[b->len] = '\0';
    } else {
        sc_buf_append(b, s, n);
    }
}

static inline void put_char(sc_jw *w, char c)
{
    put(w, &c, 1);
}

static void spaces(sc_jw *w, size_t n)
{
    static const char blank[] = "                                ";
    while (n > 0) {
        size_t k = n < sizeof blank - 1 ? n : sizeof blank - 1;
        put(w, blank, k);
        n -= k;
    }
}

/* Jansson's dump_indent: a line break and the level's indentation (none
 * when compact), after the padding every line of the report gets. */
static void line_break(sc_jw *w, int level)
{
    if (w->step == 0)
        return;
    put_char(w, '\n');
    spaces(w, (size_t)w->pad + (size_t)level * (size_t)w->step);
}

/* What goes before a value or a key: nothing after a key, else the comma
 * and line break that separate it from the one before. */
static inline void before(sc_jw *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth == 0) {
        spaces(w, (size_t)w->pad);
        return;
    }
    if (w->empty[w->depth])
        w->empty[w->depth] = false;
    else
        put_char(w, ',');
    line_break(w, w->depth);
}

static void open_container(sc_jw *w, char c)
{
    before(w);
    if (w->depth >= SC_JW_MAX_DEPTH) {
        w->failed = true;
        return;
    }
    put_char(w, c);
    w->depth++;
    w->empty[w->depth] = true;
}

static void close_container(sc_jw *w, char c)
{
    if (w->depth == 0) {
        w->failed = true;
        return;
    }
    if (!w->empty[w->depth])
        line_break(w, w->depth - 1);
    w->depth--;
    put_char(w, c);
}

void sc_jw_object(sc_jw *w)
{
    open_container(w, '{');
}

void sc_jw_end_object(sc_jw *w)
{
    close_container(w, '}');
}

void sc_jw_array(sc_jw *w)
{
    open_container(w, '[');
}

void sc_jw_end_array(sc_jw *w)
{
    close_container(w, ']');
}

/* Jansson's dump_string without JSON_ENSURE_ASCII or JSON_ESCAPE_SLASH:
 * only the quote, the backslash and control characters are escaped. */
static void put_escape(sc_jw *w, unsigned char c)
{
    static const char hex[] = "0123456789ABCDEF";
    switch (c) {
    case '"':
        put(w, "\\\"", 2);
        return;
    case '\\':
        put(w, "\\\\", 2);
        return;
    case '\b':
        put(w, "\\b", 2);
        return;
    case '\f':
        put(w, "\\f", 2);
        return;
    case '\n':
        put(w, "\\n", 2);
        return;
    case '\r':
        put(w, "\\r", 2);
        return;
    case '\t':
        put(w, "\\t", 2);
        return;
    default: {
        const char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        put(w, u, sizeof u);
        return;
    }
    }
}

/* One byte that sc_swar_json_special would flag. */
static inline bool byte_special(unsigned char c)
{
    return c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
}

/* The first byte of s[i..n) that may need a look of its own, tested
 * eight or sixteen at a time: may stop short of the first special byte
 * (on a big-endian machine), never pass it.  A string of less than eight
 * bytes, most of a report's (names, dates, words), is tested a byte at a
 * time here, not a call per byte. */
static size_t skip_plain(const char *s, size_t n, size_t i)
{
    if (n < 8) {
        while (i < n && !byte_special((unsigned char)s[i]))
            i++;
        return i;
    }
    while (n - i >= 16 && (sc_swar_json_special(sc_swar_load(s + i)) |
                           sc_swar_json_special(sc_swar_load(s + i + 8))) == 0)
        i += 16;
    for (; n - i >= 8; i += 8) {
        uint64_t m = sc_swar_json_special(sc_swar_load(s + i));
        if (m != 0)
            return i + sc_swar_first_flagged(m);
    }
    if (i == n)
        return i;
    /* The last bytes, in the eight that end s: those before i are plain,
     * so the first special byte, if any, is at i or after. */
    uint64_t m = sc_swar_json_special(sc_swar_load(s + n - 8));
    if (m == 0)
        return n;
    size_t at = n - 8 + sc_swar_first_flagged(m);
    return at > i ? at : i;
}

/* The JSON string of s[0..n), as Jansson writes it.  With clean, of the
 * text sc_report_clean makes of it (U+FFFD for each byte that does not
 * start valid UTF-8, and for a NUL): one pass checks the UTF-8 and finds
 * what to escape, and plain runs go out whole. */
static void put_string(sc_jw *w, const char *s, size_t n, bool clean)
{
    /* Most strings of a report are short and plain (names, dates,
     * words): with the room there, they go out with their quotes at once. */
    sc_buf *b = w->out;
    if (n < 16 && n + 2 < b->cap - b->len && !b->failed && skip_plain(s, n, 0) == n) {
        char *o = b->data + b->len;
        o[0] = '"';
        memcpy(o + 1, s, n);
        o[n + 1] = '"';
        o[n + 2] = '\0';
        b->len += n + 2;
        return;
    }
    const unsigned char *p = (const unsigned char *)s;
    put_char(w, '"');
    size_t run = 0, i = 0;
    while (i < n) {
        i = skip_plain(s, n, i);
        if (i == n)
            break;
        unsigned char c = p[i];
        if (c >= 0x80) {
            /* A character at a time, as sc_utf8_valid checks it: a
             * well-formed one stays in the run. */
            size_t k = clean ? sc_utf8_sequence_length(p + i, n - i) : 1;
            if (k > 0) {
                i += k;
                continue;
            }
            put(w, s + run, i - run);
            put(w, REPLACEMENT, 3);
            run = ++i;
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\') {
            i++;
            continue;
        }
        put(w, s + run, i - run);
        if (c == '\0' && clean)
            put(w, REPLACEMENT, 3);
        else
            put_escape(w, c);
        run = ++i;
    }
    put(w, s + run, n - run);
    put_char(w, '"');
}

void sc_jw_key(sc_jw *w, const char *key)
{
    if (key == NULL) {
        w->failed = true;
        return;
    }
    before(w);
    put_string(w, key, strlen(key), false);
    if (w->step == 0)
        put_char(w, ':');
    else
        put(w, ": ", 2);
    w->after_key = true;
}

void sc_jw_key_quoted_general(sc_jw *w, const char *text, size_t n)
{
    if (w->step == 0 && w->depth > 0 && !w->after_key) {
        /* Compact, in an object: all of text, or without its comma for
         * the first member. */
        size_t first = w->empty[w->depth];
        w->empty[w->depth] = false;
        put(w, text + first, n - first);
    } else {
        before(w);
        put(w, text + 1, n - 1);
        if (w->step != 0)
            put_char(w, ' ');
    }
    w->after_key = true;
}

/* Copies a string literal to p, returning the end. */
#define COPY_LITERAL(p, lit) (memcpy((p), (lit), sizeof(lit) - 1), (p) + sizeof(lit) - 1)

/* The decimal digits of u at p; returns their end.  Two digits a step,
 * from a table of the hundred pairs: half the divisions. */
static char *put_decimal(char *p, unsigned long long u)
{
    static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                                "25262728293031323334353637383940414243444546474849"
                                "50515253545556575859606162636465666768697071727374"
                                "75767778798081828384858687888990919293949596979899";
    size_t n = 1;
    for (unsigned long long ten = 10; n < 20 && u >= ten; ten *= 10)
        n++;
    char *end = p + n;
    for (; u >= 100; u /= 100) {
        end -= 2;
        memcpy(end, pairs + 2 * (u % 100), 2);
    }
    if (u >= 10)
        memcpy(end - 2, pairs + 2 * u, 2);
    else
        end[-1] = (char)('0' + u);
    return p + n;
}

void sc_jw_span(sc_jw *w, sc_field field, size_t start, size_t end, size_t line, size_t column)
{
    const char *name = sc_field_name(field);
    size_t n = strlen(name);
    if (w->step != 0 || w->depth >= SC_JW_MAX_DEPTH || n > 32 || start > LLONG_MAX ||
        end > LLONG_MAX || line > LLONG_MAX || column > LLONG_MAX) {
        sc_jw_object(w);
        SC_JW_KEY(w, "field");
        sc_jw_text(w, name);
        SC_JW_KEY(w, "start");
        sc_jw_integer(w, (long long)start);
        SC_JW_KEY(w, "end");
        sc_jw_integer(w, (long long)end);
        SC_JW_KEY(w, "line");
        sc_jw_integer(w, (long long)line);
        SC_JW_KEY(w, "column");
        sc_jw_integer(w, (long long)column);
        sc_jw_end_object(w);
        return;
    }
    /* Compact, as the calls above write it, in one append: a report is
     * mostly spans.  A field's name is a plain word, copied as it is
     * (test_report checks that no name needs escaping). */
    char b[192], *p = b; /* 10 + 32 + 1 + 4 * (10 + 20) + 1 bytes at most */
    p = COPY_LITERAL(p, "{\"field\":\"");
    memcpy(p, name, n);
    p += n;
    p = COPY_LITERAL(p, "\",\"start\":");
    p = put_decimal(p, start);
    p = COPY_LITERAL(p, ",\"end\":");
    p = put_decimal(p, end);
    p = COPY_LITERAL(p, ",\"line\":");
    p = put_decimal(p, line);
    p = COPY_LITERAL(p, ",\"column\":");
    p = put_decimal(p, column);
    *p++ = '}';
    before(w);
    put(w, b, (size_t)(p - b));
}

void sc_jw_null(sc_jw *w)
{
    before(w);
    put(w, "null", 4);
}

void sc_jw_bool(sc_jw *w, bool value)
{
    before(w);
    if (value)
        put(w, "true", 4);
    else
        put(w, "false", 5);
}

void sc_jw_integer(sc_jw *w, long long value)
{
    char digits[24];
    size_t n = 0;
    /* "%lld" without printf: spans and counts are most of a report. */
    unsigned long long u = value < 0 ? 0ull - (unsigned long long)value : (unsigned long long)value;
    do {
        digits[sizeof digits - 1 - n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u > 0);
    if (value < 0)
        digits[sizeof digits - 1 - n++] = '-';
    before(w);
    put(w, digits + sizeof digits - n, n);
}

/* Jansson's jsonp_dtostr (its snprintf form, which Debian's build uses):
 * "%.10g", the locale's decimal point turned back into '.', ".0" after a
 * whole number, and no '+' or leading zeros in the exponent. */
void sc_jw_real(sc_jw *w, double x)
{
    if (!isfinite(x)) {
        sc_jw_null(w);
        return;
    }
    char b[64];
    int ret = snprintf(b, sizeof b, "%.10g", x);
    if (ret < 0 || (size_t)ret >= sizeof b - 3) {
        w->failed = true;
        return;
    }
    size_t len = (size_t)ret;
    for (size_t i = 0; i < len; i++)
        if (!((b[i] >= '0' && b[i] <= '9') || b[i] == '-' || b[i] == '+' || b[i] == 'e')) {
            b[i] = '.';
            break;
        }
    if (strchr(b, '.') == NULL && strchr(b, 'e') == NULL) {
        b[len++] = '.';
        b[len++] = '0';
        b[len] = '\0';
    }
    char *start = strchr(b, 'e');
    if (start != NULL) {
        start++;
        char *end = start + 1;
        if (*start == '-')
            start++;
        while (*end == '0')
            end++;
        if (end != start) {
            memmove(start, end, len - (size_t)(end - b));
            len -= (size_t)(end - start);
        }
    }
    before(w);
    put(w, b, len);
}

void sc_jw_number(sc_jw *w, double x)
{
    if (!isfinite(x)) {
        sc_jw_null(w);
        return;
    }
    double m = round(x * 10000.0);
    double r = m / 10000.0;
    if (r == 0)
        r = 0; /* no "-0.0" */
    if (fabs(m) >= 1e9) {
        sc_jw_real(w, r);
        return;
    }
    /* r is the double nearest m / 10^4, and with |m| < 10^9 it has at most
     * ten significant digits, so "%.10g" prints exactly m / 10^4, in fixed
     * notation (|r| >= 10^-4 when not 0): the digits of m, the point before
     * the last four, trailing zeros dropped; ".0" for a whole number, as
     * Jansson adds.  Without printf: scores are most of a report's numbers. */
    long long n = (long long)m;
    char b[32], *p = b + sizeof b;
    unsigned long long u = n < 0 ? 0ull - (unsigned long long)n : (unsigned long long)n;
    unsigned long long whole = u / 10000, frac = u % 10000;
    int digits = 4;
    while (digits > 0 && frac % 10 == 0) {
        frac /= 10;
        digits--;
    }
    if (digits == 0)
        *--p = '0';
    for (int k = 0; k < digits; k++) {
        *--p = (char)('0' + frac % 10);
        frac /= 10;
    }
    *--p = '.';
    do {
        *--p = (char)('0' + whole % 10);
        whole /= 10;
    } while (whole > 0);
    if (n < 0)
        *--p = '-';
    before(w);
    put(w, p, (size_t)(b + sizeof b - p));
}

void sc_jw_string_n(sc_jw *w, const char *s, size_t n)
{
    before(w);
    put_string(w, n > 0 ? s : "", n, true);
}

void sc_jw_text(sc_jw *w, const char *s)
{
    sc_jw_string_n(w, s, strlen(s));
}

static void evidence_value(sc_jw *w, const sc_evidence *e)
{
    switch (e->type) {
    case SC_EV_STRING:
        sc_jw_text(w, e->string);
        return;
    case SC_EV_NUMBER:
        sc_jw_number(w, e->number);
        return;
    case SC_EV_INTEGER:
        sc_jw_integer(w, e->integer);
        return;
    case SC_EV_BOOL:
        sc_jw_bool(w, e->integer != 0);
        return;
    case SC_EV_STRINGS:
        sc_jw_array(w);
        for (size_t i = 0; i < e->n_items; i++)
            sc_jw_text(w, e->strings[i]);
        sc_jw_end_array(w);
        return;
    case SC_EV_NUMBERS:
        sc_jw_array(w);
        for (size_t i = 0; i < e->n_items; i++)
            sc_jw_number(w, e->numbers[i]);
        sc_jw_end_array(w);
        return;
    }
    w->failed = true;
}

/* Most keys of a finding's evidence differ in their first byte. */
static bool same_key(const char *x, const char *y)
{
    return x[0] == y[0] && strcmp(x, y) == 0;
}

void sc_jw_evidence(sc_jw *w, const sc_evidence *e)
{
    sc_jw_object(w);
    for (const sc_evidence *a = e; a != NULL; a = a->next) {
        if (a->key == NULL) {
            w->failed = true;
            break;
        }
        /* A repeated key keeps its first place and takes its last value. */
        bool seen = false;
        for (const sc_evidence *b = e; b != a && !seen; b = b->next)
            seen = same_key(b->key, a->key);
        if (seen)
            continue;
        const sc_evidence *last = a;
        for (const sc_evidence *b = a->next; b != NULL; b = b->next)
            if (b->key != NULL && same_key(b->key, a->key))
                last = b;
        sc_jw_key(w, a->key);
        evidence_value(w, last);
    }
    sc_jw_end_object(w);
}

sc_status sc_jw_status(const sc_jw *w)
{
    return w->failed || w->out->failed || w->depth != 0 ? SC_ERR_NOMEM : SC_OK;
}
