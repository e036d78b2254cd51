/* The JSON pair reader.  A pair is one object with string members "source"
 * and "summary" and optional "id", "page_date" (YYYY-MM-DD), "title" and
 * "language"; other members are ignored, so corpus files with labels and
 * metadata read as they are.
 *
 * Jansson is the reference: what it accepts, rejects and says.  Reading a
 * pair through its tree was a sixth of a JSON Lines run, so a pair first
 * goes through a small parser of the common case (below) that validates
 * the whole text as strictly as Jansson does and takes only the members it
 * needs; anything it is not sure of (an error, a duplicate key, an escaped
 * key, a big number, deep nesting, a member of an unexpected type, a NUL)
 * sends the pair to Jansson, so errors and odd inputs read exactly as
 * before. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "io.h"
#include "core/limits.h"
#include "core/swar.h"
#include "text/text.h"
#include "time/date.h"

static sc_status optional_string(json_t *root, const char *key, const char **out, size_t *len,
                                 sc_arena *arena, sc_error *error, const char *path)
{
    json_t *v = json_object_get(root, key);
    *out = NULL;
    if (v == NULL || json_is_null(v))
        return SC_OK;
    if (!json_is_string(v))
        return sc_fail(error, SC_ERR_INPUT, "expected a string", SC_NO_POS, path);
    size_t n = json_string_length(v);
    char *copy = sc_arena_strndup(arena, json_string_value(v), n);
    if (copy == NULL)
        return sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, path);
    if (memchr(copy, '\0', n) != NULL)
        return sc_fail(error, SC_ERR_INPUT, "string contains a NUL character", SC_NO_POS, path);
    *out = copy;
    if (len != NULL)
        *len = n;
    return SC_OK;
}

/* The members a pair is made of, as read (arena copies). */
typedef struct pair_members {
    const char *source, *summary, *id, *date, *title, *language;
    size_t source_len, summary_len;
} pair_members;

/* ---- The fast parser ------------------------------------------------------------------------ */

/* Nesting the fast parser follows; deeper goes to Jansson (which allows
 * 2048). */
enum { FAST_MAX_DEPTH = 32 };
/* Members of one object whose keys it compares for duplicates. */
enum { FAST_MAX_KEYS = 64 };

typedef enum { FAST_BAIL, FAST_OK, FAST_NOMEM } fast_result;

typedef struct fast {
    const unsigned char *p, *end;
} fast;

typedef struct fast_string {
    const unsigned char *raw; /* between the quotes */
    size_t len;
    bool escaped; /* holds a backslash */
    bool nul;     /* decodes to a NUL character */
} fast_string;

static void skip_space(fast *f)
{
    while (f->p < f->end && (*f->p == ' ' || *f->p == '\t' || *f->p == '\n' || *f->p == '\r'))
        f->p++;
}

static int hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* The four hex digits at p (p + 4 <= end), or -1. */
static long hex4(const unsigned char *p)
{
    long v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hex_value(p[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

/* The first byte from p that may end a plain run, tested eight at a
 * time (article text is nearly all such runs), or where the last bytes,
 * fewer than eight, begin. */
static const unsigned char *skip_plain(const unsigned char *p, const unsigned char *end)
{
    if (end - p < 8)
        return p;
    for (const unsigned char *last = end - 8; p <= last; p += 8) {
        uint64_t m = sc_swar_json_special(sc_swar_load(p));
        if (m != 0)
            return p + sc_swar_first_flagged(m);
    }
    return p;
}

/* A string at f->p (its opening quote). */
static bool scan_string(fast *f, fast_string *out)
{
    const unsigned char *p = f->p + 1, *end = f->end;
    *out = (fast_string){p, 0, false, false};
    while (p < end) {
        p = skip_plain(p, end);
        if (p == end)
            break;
        unsigned char c = *p;
        if (c == '"') {
            out->len = (size_t)(p - out->raw);
            f->p = p + 1;
            return true;
        }
        if (c < 0x20)
            return false;
        if (c < 0x80 && c != '\\') {
            p++;
            continue;
        }
        if (c >= 0x80) {
            size_t n = sc_utf8_sequence_length(p, (size_t)(end - p));
            if (n == 0)
                return false;
            p += n;
            continue;
        }
        out->escaped = true;
        if (end - p < 2)
            return false;
        switch (p[1]) {
        case '"':
        case '\\':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
            p += 2;
            continue;
        case 'u':
            break;
        default:
            return false;
        }
        if (end - p < 6)
            return false;
        long u = hex4(p + 2);
        if (u < 0 || (u >= 0xDC00 && u <= 0xDFFF))
            return false;
        p += 6;
        if (u == 0)
            out->nul = true;
        if (u >= 0xD800 && u <= 0xDBFF) {
            /* A high surrogate needs its low one. */
            if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
                return false;
            long low = hex4(p + 2);
            if (low < 0xDC00 || low > 0xDFFF)
                return false;
            p += 6;
        }
    }
    return false;
}

static void put_utf8(char **o, unsigned long cp)
{
    char *q = *o;
    if (cp < 0x80) {
        *q++ = (char)cp;
    } else if (cp < 0x800) {
        *q++ = (char)(0xC0 | (cp >> 6));
        *q++ = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *q++ = (char)(0xE0 | (cp >> 12));
        *q++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *q++ = (char)(0x80 | (cp & 0x3F));
    } else {
        *q++ = (char)(0xF0 | (cp >> 18));
        *q++ = (char)(0x80 | ((cp >> 12) & 0x3F));
        *q++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *q++ = (char)(0x80 | (cp & 0x3F));
    }
    *o = q;
}

/* The decoded text of a scanned string, NUL-terminated in the arena (never
 * longer than its escaped form). */
static char *decode_string(sc_arena *arena, const fast_string *s, size_t *len)
{
    if (!s->escaped) {
        *len = s->len;
        return sc_arena_strndup(arena, (const char *)s->raw, s->len);
    }
    char *out = sc_arena_alloc_chars(arena, s->len + 1), *o = out;
    if (out == NULL)
        return NULL;
    const unsigned char *p = s->raw, *end = s->raw + s->len;
    while (p < end) {
        if (*p != '\\') {
            /* The run up to the next escape, in one copy. */
            const unsigned char *q = memchr(p, '\\', (size_t)(end - p));
            size_t run = (size_t)((q != NULL ? q : end) - p);
            memcpy(o, p, run);
            o += run;
            p += run;
            continue;
        }
        unsigned char e = p[1];
        p += 2;
        switch (e) {
        case 'b':
            *o++ = '\b';
            break;
        case 'f':
            *o++ = '\f';
            break;
        case 'n':
            *o++ = '\n';
            break;
        case 'r':
            *o++ = '\r';
            break;
        case 't':
            *o++ = '\t';
            break;
        case 'u': {
            unsigned long cp = (unsigned long)hex4(p);
            p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                unsigned long low = (unsigned long)hex4(p + 2);
                p += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            }
            put_utf8(&o, cp);
            break;
        }
        default: /* " \ / */
            *o++ = (char)e;
            break;
        }
    }
    *o = '\0';
    *len = (size_t)(o - out);
    return out;
}

/* A number at f->p, with Jansson's grammar (no leading zeros, digits after
 * '.' and 'e').  Only numbers that cannot overflow Jansson's integer or
 * real are taken: at most 18 digits in an integer, 40 bytes and a
 * two-digit exponent in a real.  *integer when it is one, with its value. */
static bool scan_number(fast *f, bool *integer, long long *value)
{
    const unsigned char *p = f->p, *end = f->end, *start = f->p;
    bool negative = false;
    if (p < end && *p == '-')
        negative = true, p++;
    if (p >= end || *p < '0' || *p > '9')
        return false;
    if (*p == '0') {
        p++;
        if (p < end && *p >= '0' && *p <= '9')
            return false;
    } else {
        while (p < end && *p >= '0' && *p <= '9')
            p++;
    }
    const unsigned char *int_end = p;
    *integer = !(p < end && (*p == '.' || *p == 'e' || *p == 'E'));
    if (*integer) {
        const unsigned char *d = start + negative;
        if (int_end - d > 18)
            return false;
        long long v = 0;
        for (; d < int_end; d++)
            v = v * 10 + (*d - '0');
        *value = negative ? -v : v;
        f->p = p;
        return true;
    }
    if (p < end && *p == '.') {
        p++;
        if (p >= end || *p < '0' || *p > '9')
            return false;
        while (p < end && *p >= '0' && *p <= '9')
            p++;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < end && (*p == '+' || *p == '-'))
            p++;
        const unsigned char *digits = p;
        while (p < end && *p >= '0' && *p <= '9')
            p++;
        if (p == digits || p - digits > 2)
            return false;
    }
    if (p - start > 40)
        return false;
    f->p = p;
    return true;
}

static bool skip_value(fast *f, int depth);

/* An object at f->p; when members is not NULL (the top level), the members
 * a pair needs are taken.  A key repeated (Jansson rejects it) or escaped
 * (compared only decoded) goes to Jansson. */
static fast_result scan_object(fast *f, int depth, sc_arena *arena, pair_members *members)
{
    fast_string keys[FAST_MAX_KEYS];
    size_t n_keys = 0;
    f->p++;
    skip_space(f);
    if (f->p < f->end && *f->p == '}') {
        f->p++;
        return FAST_OK;
    }
    for (;;) {
        if (f->p >= f->end || *f->p != '"' || n_keys == FAST_MAX_KEYS)
            return FAST_BAIL;
        fast_string key;
        if (!scan_string(f, &key) || key.escaped)
            return FAST_BAIL;
        for (size_t k = 0; k < n_keys; k++)
            if (keys[k].len == key.len && memcmp(keys[k].raw, key.raw, key.len) == 0)
                return FAST_BAIL;
        keys[n_keys++] = key;
        skip_space(f);
        if (f->p >= f->end || *f->p != ':')
            return FAST_BAIL;
        f->p++;
        skip_space(f);
        if (f->p >= f->end)
            return FAST_BAIL;
        static const char *const names[] = {"source",    "summary", "id",
                                            "page_date", "title",   "language"};
        size_t which = sizeof names / sizeof names[0];
        if (members != NULL)
            for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
                if (strlen(names[k]) == key.len && memcmp(names[k], key.raw, key.len) == 0)
                    which = k;
        if (which == sizeof names / sizeof names[0]) {
            if (!skip_value(f, depth + 1))
                return FAST_BAIL;
        } else if (*f->p == 'n') {
            /* null: the member is absent. */
            if (f->end - f->p < 4 || memcmp(f->p, "null", 4) != 0)
                return FAST_BAIL;
            f->p += 4;
        } else if (*f->p == '"') {
            fast_string v;
            if (!scan_string(f, &v) || v.nul)
                return FAST_BAIL;
            size_t n;
            char *text = decode_string(arena, &v, &n);
            if (text == NULL)
                return FAST_NOMEM;
            const char **slots[] = {&members->source, &members->summary, &members->id,
                                    &members->date,   &members->title,   &members->language};
            *slots[which] = text;
            if (which == 0)
                members->source_len = n;
            else if (which == 1)
                members->summary_len = n;
        } else if (which == 2 && (*f->p == '-' || (*f->p >= '0' && *f->p <= '9'))) {
            bool integer;
            long long value;
            if (!scan_number(f, &integer, &value) || !integer)
                return FAST_BAIL;
            char *buf = sc_arena_alloc(arena, 32);
            if (buf == NULL)
                return FAST_NOMEM;
            snprintf(buf, 32, "%lld", value);
            members->id = buf;
        } else {
            return FAST_BAIL;
        }
        skip_space(f);
        if (f->p >= f->end)
            return FAST_BAIL;
        if (*f->p == ',') {
            f->p++;
            skip_space(f);
            continue;
        }
        if (*f->p != '}')
            return FAST_BAIL;
        f->p++;
        return FAST_OK;
    }
}

static bool skip_value(fast *f, int depth)
{
    if (depth > FAST_MAX_DEPTH || f->p >= f->end)
        return false;
    switch (*f->p) {
    case '{':
        return scan_object(f, depth, NULL, NULL) == FAST_OK;
    case '[':
        f->p++;
        skip_space(f);
        if (f->p < f->end && *f->p == ']') {
            f->p++;
            return true;
        }
        for (;;) {
            if (!skip_value(f, depth + 1))
                return false;
            skip_space(f);
            if (f->p >= f->end)
                return false;
            if (*f->p == ']') {
                f->p++;
                return true;
            }
            if (*f->p != ',')
                return false;
            f->p++;
            skip_space(f);
        }
    case '"': {
        fast_string s;
        return scan_string(f, &s);
    }
    case 't':
        if (f->end - f->p < 4 || memcmp(f->p, "true", 4) != 0)
            return false;
        f->p += 4;
        return true;
    case 'f':
        if (f->end - f->p < 5 || memcmp(f->p, "false", 5) != 0)
            return false;
        f->p += 5;
        return true;
    case 'n':
        if (f->end - f->p < 4 || memcmp(f->p, "null", 4) != 0)
            return false;
        f->p += 4;
        return true;
    default: {
        bool integer;
        long long value;
        return scan_number(f, &integer, &value);
    }
    }
}

/* The pair's members by the fast parser: FAST_OK, FAST_NOMEM, or
 * FAST_BAIL for Jansson to read it. */
static fast_result read_fast(sc_arena *arena, const char *input, size_t len, pair_members *m)
{
    fast f = {(const unsigned char *)input, (const unsigned char *)input + len};
    *m = (pair_members){0};
    skip_space(&f);
    if (f.p >= f.end || *f.p != '{')
        return FAST_BAIL;
    fast_result r = scan_object(&f, 1, arena, m);
    if (r != FAST_OK)
        return r;
    skip_space(&f);
    return f.p == f.end ? FAST_OK : FAST_BAIL;
}

/* ---- Jansson ------------------------------------------------------------------------------- */

static sc_status read_jansson(sc_arena *arena, const char *input, size_t len, size_t skip,
                              pair_members *m, sc_error *error)
{
    json_error_t jerr;
    json_t *root = json_loadb(input + skip, len - skip,
                              JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL | JSON_DECODE_ANY, &jerr);
    if (root == NULL) {
        /* Jansson's position counts the bytes it read, the offending one
         * included; point at that byte, and count line:column from it so
         * the two agree. */
        size_t at = (size_t)jerr.position + skip;
        if (at > len)
            at = len;
        else if (at < len && at > skip)
            at--;
        sc_fail_at(error, SC_ERR_INPUT, "invalid JSON", input, len, at);
        if (error != NULL) {
            /* Jansson's text says what it expected ("'}' expected near end
             * of file"). */
            size_t n = strlen(jerr.text);
            if (n >= sizeof error->detail)
                n = sizeof error->detail - 1;
            memcpy(error->detail, jerr.text, n);
            error->detail[n] = '\0';
            error->message = "invalid JSON";
        }
        return SC_ERR_INPUT;
    }
    sc_status st = SC_OK;
    *m = (pair_members){0};
    if (!json_is_object(root)) {
        st = sc_fail(error, SC_ERR_INPUT, "expected a JSON object", 0, "$");
        goto done;
    }
    if ((st = optional_string(root, "source", &m->source, &m->source_len, arena, error,
                              "$.source")) ||
        (st = optional_string(root, "summary", &m->summary, &m->summary_len, arena, error,
                              "$.summary")) ||
        (st = optional_string(root, "page_date", &m->date, NULL, arena, error, "$.page_date")) ||
        (st = optional_string(root, "title", &m->title, NULL, arena, error, "$.title")) ||
        (st = optional_string(root, "language", &m->language, NULL, arena, error, "$.language")))
        goto done;
    json_t *jid = json_object_get(root, "id");
    if (json_is_string(jid)) {
        if ((st = optional_string(root, "id", &m->id, NULL, arena, error, "$.id")) != SC_OK)
            goto done;
    } else if (json_is_integer(jid)) {
        char *buf = sc_arena_alloc(arena, 32);
        if (buf == NULL) {
            st = sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, "$.id");
            goto done;
        }
        snprintf(buf, 32, "%" JSON_INTEGER_FORMAT, json_integer_value(jid));
        m->id = buf;
    } else if (jid != NULL && !json_is_null(jid)) {
        st = sc_fail(error, SC_ERR_INPUT, "expected a string or an integer", SC_NO_POS, "$.id");
        goto done;
    }
done:
    json_decref(root);
    return st;
}

sc_status sc_read_json_pair(sc_arena *arena, const char *input, size_t len, sc_page *page,
                            sc_error *error)
{
    /* A byte-order mark is not JSON, but editors write one. */
    size_t skip = len >= 3 && memcmp(input, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    pair_members m;
    sc_status st;
    switch (read_fast(arena, input + skip, len - skip, &m)) {
    case FAST_OK:
        break;
    case FAST_NOMEM:
        return sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, NULL);
    case FAST_BAIL:
        if ((st = read_jansson(arena, input, len, skip, &m, error)) != SC_OK)
            return st;
        break;
    }
    const char *source = m.source, *summary = m.summary, *date = m.date;
    size_t source_len = m.source_len, summary_len = m.summary_len;
    if (source == NULL)
        return sc_fail(error, SC_ERR_INPUT, "missing member \"source\" (the article)", SC_NO_POS,
                       "$.source");
    if (summary == NULL)
        return sc_fail(error, SC_ERR_INPUT, "missing member \"summary\"", SC_NO_POS, "$.summary");
    bool blank = true;
    for (size_t i = 0; i < source_len && blank; i++)
        blank = source[i] == ' ' || source[i] == '\t' || source[i] == '\n' || source[i] == '\r';
    if (blank)
        return sc_fail(error, SC_ERR_INPUT, "the article (source) is empty", SC_NO_POS, "$.source");
    if (source_len > SC_MAX_INPUT_BYTES || summary_len > SC_MAX_INPUT_BYTES)
        return sc_fail(error, SC_ERR_LIMIT, "text longer than the input limit", SC_NO_POS, "$");
    if (date != NULL) {
        if (!sc_date_parse_iso(date, strlen(date), &page->page_date))
            return sc_fail(error, SC_ERR_INPUT, "expected a date as YYYY-MM-DD", SC_NO_POS,
                           "$.page_date");
        page->has_page_date = true;
        page->page_date_origin = "pair page_date";
        page->page_date_text = date;
    }
    page->id = m.id;
    page->title = m.title;
    page->language = m.language;
    page->field_data[SC_FIELD_SUMMARY] = summary;
    page->field_len[SC_FIELD_SUMMARY] = summary_len;
    page->field_data[SC_FIELD_SOURCE] = source;
    page->field_len[SC_FIELD_SOURCE] = source_len;
    page->has_summary = true;
    page->summary = (sc_text){SC_FIELD_SUMMARY, 0, summary, summary_len};
    page->article = (sc_text){SC_FIELD_SOURCE, 0, source, source_len};
    if ((st = sc_page_add_block(arena, page, SC_ROLE_SUMMARY, SC_FIELD_SUMMARY, 0, summary_len)) ||
        (st = sc_page_add_block(arena, page, SC_ROLE_BODY, SC_FIELD_SOURCE, 0, source_len)))
        sc_fail(error, st, "out of memory", SC_NO_POS, NULL);
    return st;
}
