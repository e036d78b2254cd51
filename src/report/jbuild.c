#include "jbuild.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report.h"
#include "core/swar.h"
#include "text/text.h"

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

static void spaces(sc_jw *w, size_t n)
{
    static const char blank[] = "                                ";
    while (n > 0) {
        size_t k = n < sizeof blank - 1 ? n : sizeof blank - 1;
        sc_buf_append(w->out, blank, k);
        n -= k;
    }
}

/* Jansson's dump_indent: a line break and the level's indentation (none
 * when compact), after the padding every line of the report gets. */
static void line_break(sc_jw *w, int level)
{
    if (w->step == 0)
        return;
    sc_buf_putc(w->out, '\n');
    spaces(w, (size_t)w->pad + (size_t)level * (size_t)w->step);
}

/* What goes before a value or a key: nothing after a key, else the comma
 * and line break that separate it from the one before. */
static void before(sc_jw *w)
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
        sc_buf_putc(w->out, ',');
    line_break(w, w->depth);
}

static void open_container(sc_jw *w, char c)
{
    before(w);
    if (w->depth >= SC_JW_MAX_DEPTH) {
        w->failed = true;
        return;
    }
    sc_buf_putc(w->out, c);
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
    sc_buf_putc(w->out, c);
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
static void put_escaped(sc_jw *w, const char *s, size_t n)
{
    sc_buf_putc(w->out, '"');
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        /* Eight bytes at a time while none needs escaping (nearly all
         * text), each run then in one append. */
        while (n - i >= 8) {
            uint64_t v = sc_swar_load(s + i);
            if (sc_swar_has_byte_below(v, 0x20) | sc_swar_has_byte(v, '"') |
                sc_swar_has_byte(v, '\\'))
                break;
            i += 8;
        }
        if (i == n)
            break;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        sc_buf_append(w->out, s + run, i - run);
        run = i + 1;
        char esc[8];
        switch (c) {
        case '"':
            sc_buf_append(w->out, "\\\"", 2);
            break;
        case '\\':
            sc_buf_append(w->out, "\\\\", 2);
            break;
        case '\b':
            sc_buf_append(w->out, "\\b", 2);
            break;
        case '\f':
            sc_buf_append(w->out, "\\f", 2);
            break;
        case '\n':
            sc_buf_append(w->out, "\\n", 2);
            break;
        case '\r':
            sc_buf_append(w->out, "\\r", 2);
            break;
        case '\t':
            sc_buf_append(w->out, "\\t", 2);
            break;
        default:
            snprintf(esc, sizeof esc, "\\u%04X", (unsigned)c);
            sc_buf_append(w->out, esc, 6);
            break;
        }
    }
    sc_buf_append(w->out, s + run, n - run);
    sc_buf_putc(w->out, '"');
}

void sc_jw_key(sc_jw *w, const char *key)
{
    if (key == NULL) {
        w->failed = true;
        return;
    }
    before(w);
    size_t n = strlen(key);
    char b[64];
    /* A plain key, as nearly all are: one append. */
    bool plain = n + 4 <= sizeof b;
    for (size_t i = 0; plain && i < n; i++)
        plain = (unsigned char)key[i] >= 0x20 && key[i] != '"' && key[i] != '\\';
    if (plain) {
        b[0] = '"';
        memcpy(b + 1, key, n);
        b[n + 1] = '"';
        b[n + 2] = ':';
        b[n + 3] = ' ';
        sc_buf_append(w->out, b, n + (w->step == 0 ? 3 : 4));
    } else {
        put_escaped(w, key, n);
        if (w->step == 0)
            sc_buf_putc(w->out, ':');
        else
            sc_buf_append(w->out, ": ", 2);
    }
    w->after_key = true;
}

/* The decimal digits of u, ending at end; returns where they start. */
static char *put_digits(char *end, unsigned long long u)
{
    do {
        *--end = (char)('0' + u % 10);
        u /= 10;
    } while (u > 0);
    return end;
}

void sc_jw_span(sc_jw *w, const char *field, size_t start, size_t end, size_t line, size_t column)
{
    size_t n = strlen(field);
    bool plain = n <= 32;
    for (size_t i = 0; plain && i < n; i++)
        plain = (unsigned char)field[i] >= 0x20 && (unsigned char)field[i] < 0x80 &&
                field[i] != '"' && field[i] != '\\';
    if (w->step != 0 || w->depth >= SC_JW_MAX_DEPTH || !plain || start > LLONG_MAX ||
        end > LLONG_MAX || line > LLONG_MAX || column > LLONG_MAX) {
        sc_jw_object(w);
        sc_jw_key(w, "field");
        sc_jw_text(w, field);
        sc_jw_key(w, "start");
        sc_jw_integer(w, (long long)start);
        sc_jw_key(w, "end");
        sc_jw_integer(w, (long long)end);
        sc_jw_key(w, "line");
        sc_jw_integer(w, (long long)line);
        sc_jw_key(w, "column");
        sc_jw_integer(w, (long long)column);
        sc_jw_end_object(w);
        return;
    }
    /* Compact, as the calls above write it, in one append: a report is
     * mostly spans. */
    static const char *const keys[4] = {",\"start\":", ",\"end\":", ",\"line\":", ",\"column\":"};
    const size_t values[4] = {start, end, line, column};
    char b[192], *p = b; /* 10 + 32 + 1 + 4 * (10 + 20) + 1 bytes at most */
    memcpy(p, "{\"field\":\"", 10);
    p += 10;
    memcpy(p, field, n);
    p += n;
    *p++ = '"';
    for (size_t k = 0; k < 4; k++) {
        size_t kn = strlen(keys[k]);
        memcpy(p, keys[k], kn);
        p += kn;
        char digits[24];
        char *d = put_digits(digits + sizeof digits, (unsigned long long)values[k]);
        size_t dn = (size_t)(digits + sizeof digits - d);
        memcpy(p, d, dn);
        p += dn;
    }
    *p++ = '}';
    before(w);
    sc_buf_append(w->out, b, (size_t)(p - b));
}

void sc_jw_null(sc_jw *w)
{
    before(w);
    sc_buf_append(w->out, "null", 4);
}

void sc_jw_bool(sc_jw *w, bool value)
{
    before(w);
    if (value)
        sc_buf_append(w->out, "true", 4);
    else
        sc_buf_append(w->out, "false", 5);
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
    sc_buf_append(w->out, digits + sizeof digits - n, n);
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
    sc_buf_append(w->out, b, len);
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
    sc_buf_append(w->out, p, (size_t)(b + sizeof b - p));
}

void sc_jw_string_n(sc_jw *w, const char *s, size_t n)
{
    size_t bad;
    before(w);
    if (n == 0 || sc_utf8_valid(s, n, &bad)) {
        put_escaped(w, s, n);
        return;
    }
    sc_buf clean;
    sc_buf_init(&clean);
    sc_report_clean(s, n, false, &clean);
    if (clean.failed)
        w->failed = true;
    else
        put_escaped(w, clean.data != NULL ? clean.data : "", clean.len);
    sc_buf_release(&clean);
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
            seen = strcmp(b->key, a->key) == 0;
        if (seen)
            continue;
        const sc_evidence *last = a;
        for (const sc_evidence *b = a->next; b != NULL; b = b->next)
            if (b->key != NULL && strcmp(b->key, a->key) == 0)
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
