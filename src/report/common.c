/* What the SARIF, JUnit and GitHub writers share: text made safe for
 * their formats, the fingerprint of a finding, the rule registry's
 * indexes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "report.h"
#include "text/text.h"

#define REPLACEMENT "\xEF\xBF\xBD"

/* XML 1.0 production 2 (Char): tab, LF, CR, U+0020..U+D7FF,
 * U+E000..U+FFFD, U+10000..U+10FFFF. */
static bool xml_char(int32_t cp)
{
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

void sc_report_clean(const char *s, size_t len, bool xml, sc_buf *out)
{
    size_t i = 0;
    while (i < len) {
        size_t bad;
        size_t run = sc_utf8_valid(s + i, len - i, &bad) ? len - i : bad;
        if (!xml) {
            sc_buf_append(out, s + i, run);
        } else {
            size_t k = 0;
            while (k < run) {
                int32_t cp;
                size_t n = sc_utf8_next(s + i + k, run - k, &cp);
                if (xml_char(cp))
                    sc_buf_append(out, s + i + k, n);
                else
                    sc_buf_puts(out, REPLACEMENT);
                k += n;
            }
        }
        i += run;
        if (i < len) {
            sc_buf_puts(out, REPLACEMENT);
            i++;
        }
    }
}

/* FNV-1a, 64 bits (Fowler, Noll, Vo): small, stable across platforms and
 * releases, and enough to tell apart the findings of one project. */
#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

static uint64_t fnv(uint64_t h, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= FNV_PRIME;
    }
    return h;
}

/* The NUL between parts keeps ("ab", "c") apart from ("a", "bc"). */
static uint64_t fnv_part(uint64_t h, const char *s, size_t len)
{
    return fnv(fnv(h, s, len), "", 1);
}

/* ' ', or one of \t \n \v \f \r, which are 9 to 13. */
static bool space(char c)
{
    return c == ' ' || (unsigned char)(c - '\t') <= '\r' - '\t';
}

/* The text under sp, as it is on the page; "" when there is none. */
static const char *span_text(const sc_result *r, sc_span sp, size_t *len)
{
    *len = 0;
    const char *field = sp.present ? r->page.field_data[sp.field] : NULL;
    if (field == NULL || sp.end <= sp.start || sp.end > r->page.field_len[sp.field])
        return "";
    *len = sp.end - sp.start;
    return field + sp.start;
}

static bool all_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

/* fnv_part of the text sc_report_normalize makes of s[0..len), s being
 * ASCII or sc_normalize's output (case folded: lower-casing it again
 * changes nothing): lower-cased, white space collapsed and trimmed as it
 * is hashed, in one pass, without writing it. */
static uint64_t fnv_part_normalized(uint64_t h, const char *s, size_t len)
{
    bool gap = false, any = false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (space(c)) {
            gap = any;
            continue;
        }
        if (gap)
            h = (h ^ ' ') * FNV_PRIME;
        gap = false;
        any = true;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        h = (h ^ (unsigned char)c) * FNV_PRIME;
    }
    return fnv(h, "", 1);
}

const char *sc_report_normalize(sc_arena *arena, const char *s, size_t len, size_t *out_len)
{
    size_t n;
    *out_len = 0;
    char *norm = sc_normalize(arena, s, len, &n);
    if (norm == NULL)
        return NULL;
    /* White space collapsed and trimmed: a re-wrapped line keeps its
     * fingerprint. */
    size_t w = 0;
    bool gap = false;
    for (size_t i = 0; i < n; i++) {
        if (space(norm[i])) {
            gap = w > 0;
            continue;
        }
        if (gap)
            norm[w++] = ' ';
        gap = false;
        norm[w++] = norm[i];
    }
    norm[w] = '\0';
    *out_len = w;
    return norm;
}

/* "%016llx" of h, without printf's cost per finding. */
static void put_hex(char hex[17], uint64_t h)
{
    static const char digits[] = "0123456789abcdef";
    for (int k = 15; k >= 0; k--) {
        hex[k] = digits[h & 15];
        h >>= 4;
    }
    hex[16] = '\0';
}

typedef struct keyed {
    uint64_t hash;
    size_t index;
} keyed;

static int by_hash_then_index(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

sc_status sc_report_fingerprints(const sc_result *r, sc_fingerprint *out)
{
    if (r->n_findings == 0)
        return SC_OK;
    keyed *keys = calloc(r->n_findings, sizeof *keys);
    if (keys == NULL)
        return SC_ERR_NOMEM;
    /* Only text beyond ASCII needs sc_normalize, and its arena. */
    sc_arena *arena = NULL;
    const char *id = r->id != NULL ? r->id : "";
    for (size_t i = 0; i < r->n_findings; i++) {
        const sc_finding *f = &r->findings[i];
        size_t len;
        const char *text =
            span_text(r, f->summary_span.present ? f->summary_span : f->source_span, &len);
        if (!all_ascii(text, len)) {
            if (arena == NULL)
                arena = sc_arena_new();
            text = arena != NULL ? sc_normalize(arena, text, len, &len) : NULL;
            if (text == NULL) {
                sc_arena_free(arena);
                free(keys);
                return SC_ERR_NOMEM;
            }
        }
        uint64_t h = fnv_part(FNV_OFFSET, f->rule, strlen(f->rule));
        h = fnv_part(h, id, strlen(id));
        keys[i] = (keyed){fnv_part_normalized(h, text, len), i};
    }
    /* Findings alike in all three (the same name twice in a sentence) are
     * told apart by their order among themselves; sorted, so a page with
     * thousands of findings costs n log n. */
    qsort(keys, r->n_findings, sizeof *keys, by_hash_then_index);
    size_t ordinal = 0;
    for (size_t k = 0; k < r->n_findings; k++) {
        ordinal = k > 0 && keys[k].hash == keys[k - 1].hash ? ordinal + 1 : 0;
        uint64_t h = keys[k].hash;
        if (ordinal > 0) {
            char num[24];
            int n = snprintf(num, sizeof num, "%zu", ordinal);
            h = fnv_part(h, num, (size_t)n);
        }
        put_hex(out[keys[k].index].hex, h);
    }
    sc_arena_free(arena);
    free(keys);
    return SC_OK;
}

size_t sc_report_rule_index(const char *id)
{
    for (size_t i = 0; i < sc_rule_count; i++)
        if (strcmp(sc_rules[i]->id, id) == 0)
            return i;
    return sc_rule_count;
}

bool sc_report_lists(const sc_render_options *o, const sc_finding *f)
{
    return o == NULL || f->severity >= o->min_severity;
}

bool sc_report_shows(const sc_render_options *o, const sc_finding *f)
{
    return sc_report_lists(o, f) && f->suppressed == NULL && !f->in_baseline;
}

bool sc_report_gates(const sc_render_options *o, const sc_finding *f)
{
    return o != NULL && o->fail_on != 0 && f->severity >= o->fail_on && f->suppressed == NULL &&
           !f->in_baseline;
}
