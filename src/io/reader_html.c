/* The HTML reader (libxml2's HTML parser).
 *
 * A news page as published: its dates in <meta>, JSON-LD, <time> or the
 * text under the title (html_date.c); its title; an AI summary block with
 * its disclaimer; the article among navigation, teasers, share buttons and
 * comments (html_extract.c); and whatever a scraper or an attacker put
 * after the article's credit line.
 *
 * The summary and the article become texts of their own (fields "summary"
 * and "source", offsets counted in them, as for a JSON pair); page-level
 * blocks (date, title, disclaimer, credit, extraneous text) point at the
 * bytes of their text in the HTML input.  libxml2 keeps no byte offsets, so
 * each text node is found again in the input, in document order, entities
 * and the page's charset taken into account. */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parserInternals.h>

#include "html.h"
#include "core/limits.h"
#include "core/once.h"
#include "core/swar.h"
#include "lang/lang.h"
#include "text/text.h"
#include "time/date.h"
#include "core/xml_quiet.h"

/* How far from its line libxml2 reports a text node may start (bytes). */
enum { SPAN_SEARCH_SLACK = 4096 };
/* Without a line number (past line 65535), how far to look ahead: keeps a
 * text node that cannot be found from costing a scan of the whole page. */
enum { SPAN_SEARCH_FAR = 262144 };

/* ---- tags ---- */

typedef struct tag_name {
    const char *name;
    html_tag tag;
} tag_name;

static const tag_name tag_names[] = {
    {"a", T_A},
    {"abbr", T_ABBR},
    {"address", T_ADDRESS},
    {"article", T_ARTICLE},
    {"aside", T_ASIDE},
    {"audio", T_AUDIO},
    {"b", T_B},
    {"blockquote", T_BLOCKQUOTE},
    {"body", T_BODY},
    {"br", T_BR},
    {"button", T_BUTTON},
    {"canvas", T_CANVAS},
    {"caption", T_CAPTION},
    {"center", T_CENTER},
    {"code", T_CODE},
    {"dd", T_DD},
    {"details", T_DETAILS},
    {"dialog", T_DIALOG},
    {"div", T_DIV},
    {"dl", T_DL},
    {"dt", T_DT},
    {"em", T_EM},
    {"embed", T_EMBED},
    {"fieldset", T_FIELDSET},
    {"figcaption", T_FIGCAPTION},
    {"figure", T_FIGURE},
    {"font", T_FONT},
    {"footer", T_FOOTER},
    {"form", T_FORM},
    {"h1", T_H1},
    {"h2", T_H2},
    {"h3", T_H3},
    {"h4", T_H4},
    {"h5", T_H5},
    {"h6", T_H6},
    {"head", T_HEAD},
    {"header", T_HEADER},
    {"hr", T_HR},
    {"html", T_HTML},
    {"i", T_I},
    {"iframe", T_IFRAME},
    {"img", T_IMG},
    {"input", T_INPUT},
    {"label", T_LABEL},
    {"li", T_LI},
    {"link", T_LINK},
    {"main", T_MAIN},
    {"map", T_MAP},
    {"math", T_MATH},
    {"menu", T_MENU},
    {"meta", T_META},
    {"nav", T_NAV},
    {"noscript", T_NOSCRIPT},
    {"object", T_OBJECT},
    {"ol", T_OL},
    {"option", T_OPTION},
    {"p", T_P},
    {"picture", T_PICTURE},
    {"pre", T_PRE},
    {"q", T_Q},
    {"s", T_S},
    {"script", T_SCRIPT},
    {"section", T_SECTION},
    {"select", T_SELECT},
    {"small", T_SMALL},
    {"span", T_SPAN},
    {"strong", T_STRONG},
    {"style", T_STYLE},
    {"sub", T_SUB},
    {"summary", T_SUMMARY},
    {"sup", T_SUP},
    {"svg", T_SVG},
    {"table", T_TABLE},
    {"tbody", T_TBODY},
    {"td", T_TD},
    {"template", T_TEMPLATE},
    {"textarea", T_TEXTAREA},
    {"tfoot", T_TFOOT},
    {"th", T_TH},
    {"thead", T_THEAD},
    {"time", T_TIME},
    {"title", T_TITLE},
    {"tr", T_TR},
    {"u", T_U},
    {"ul", T_UL},
    {"video", T_VIDEO},
};

static int compare_tag_name(const void *key, const void *member)
{
    const char *k = key;
    const char *const *m = member;
    return strcmp(k, *m);
}

/* html_tag_of runs per element: a name of up to 8 bytes, packed into an
 * integer, is looked up in a hash table built once (open addressing,
 * three times as many slots as names); a longer one by bsearch. */
enum { TAG_NAMES = sizeof tag_names / sizeof tag_names[0], TAG_SLOTS = 256 };
typedef struct tag_slot {
    uint64_t key; /* 0: empty */
    html_tag tag;
} tag_slot;
static tag_slot tag_slots[TAG_SLOTS];
static atomic_int tag_slots_state = SC_ONCE_EMPTY;

/* name packed, or 0 when it is empty or longer than 8 bytes. */
static uint64_t pack_name(const char *name)
{
    uint64_t key = 0;
    for (int i = 0; i < 8; i++) {
        if (name[i] == '\0')
            return key;
        key = key << 8 | (unsigned char)name[i];
    }
    return name[8] == '\0' ? key : 0;
}

static size_t tag_slot_of(uint64_t key)
{
    /* Fibonacci hashing: the top byte of key * 2^64 / phi. */
    return (size_t)((key * 0x9E3779B97F4A7C15u) >> 56);
}

static bool build_tag_slots(void)
{
    for (size_t k = 0; k < TAG_NAMES; k++) {
        uint64_t key = pack_name(tag_names[k].name);
        if (key == 0)
            continue;
        size_t at = tag_slot_of(key);
        while (tag_slots[at].key != 0)
            at = (at + 1) % TAG_SLOTS;
        tag_slots[at] = (tag_slot){key, tag_names[k].tag};
    }
    return true;
}

html_tag html_tag_of(const xmlChar *name)
{
    if (name == NULL)
        return T_OTHER;
    uint64_t key = pack_name((const char *)name);
    if (key == 0 || !sc_once_ready(&tag_slots_state, build_tag_slots)) {
        const void *hit =
            bsearch(name, tag_names, TAG_NAMES, sizeof tag_names[0], compare_tag_name);
        return hit != NULL ? ((const tag_name *)hit)->tag : T_OTHER;
    }
    for (size_t at = tag_slot_of(key);; at = (at + 1) % TAG_SLOTS) {
        if (tag_slots[at].key == key)
            return tag_slots[at].tag;
        if (tag_slots[at].key == 0)
            return T_OTHER;
    }
}

/* Never text: code, media, form controls, and the head. */
static bool never_text(html_tag t)
{
    switch (t) {
    case T_SCRIPT:
    case T_STYLE:
    case T_NOSCRIPT:
    case T_TEMPLATE:
    case T_SVG:
    case T_MATH:
    case T_CANVAS:
    case T_IFRAME:
    case T_OBJECT:
    case T_EMBED:
    case T_VIDEO:
    case T_AUDIO:
    case T_MAP:
    case T_PICTURE:
    case T_SELECT:
    case T_OPTION:
    case T_BUTTON:
    case T_INPUT:
    case T_TEXTAREA:
    case T_HEAD:
    case T_TITLE:
    case T_DIALOG:
        return true;
    default:
        return false;
    }
}

static bool block_tag(html_tag t)
{
    switch (t) {
    case T_ADDRESS:
    case T_ARTICLE:
    case T_ASIDE:
    case T_BLOCKQUOTE:
    case T_BODY:
    case T_CAPTION:
    case T_CENTER:
    case T_DD:
    case T_DETAILS:
    case T_DIALOG:
    case T_DIV:
    case T_DL:
    case T_DT:
    case T_FIELDSET:
    case T_FIGCAPTION:
    case T_FIGURE:
    case T_FOOTER:
    case T_FORM:
    case T_H1:
    case T_H2:
    case T_H3:
    case T_H4:
    case T_H5:
    case T_H6:
    case T_HEADER:
    case T_HR:
    case T_HTML:
    case T_LI:
    case T_MAIN:
    case T_MENU:
    case T_NAV:
    case T_OL:
    case T_P:
    case T_PRE:
    case T_SECTION:
    case T_SUMMARY:
    case T_TABLE:
    case T_TBODY:
    case T_TD:
    case T_TFOOT:
    case T_TH:
    case T_THEAD:
    case T_TR:
    case T_UL:
        return true;
    default:
        return false;
    }
}

/* ---- small helpers ---- */

const char *html_attr(const xmlNode *node, const char *name)
{
    if (node == NULL || node->type != XML_ELEMENT_NODE)
        return NULL;
#ifdef SC_CHECK_CONTRACTS
    /* The script cut may have cut the value of any other attribute
     * (html_cut.c): a name the reader newly asks for goes on its list.
     * Checked in the test and fuzz builds, not in release. */
    assert(html_cut_keeps_attr(name, strlen(name), (const char *)node->name,
                               strlen((const char *)node->name)));
#endif
    for (const xmlAttr *a = node->properties; a != NULL; a = a->next) {
        /* The first byte rules out most attributes (this runs per element
         * in some searches). */
        if (a->name == NULL || a->name[0] != (xmlChar)name[0] ||
            strcmp((const char *)a->name, name) != 0)
            continue;
        if (a->children == NULL)
            return "";
        if (a->children->type == XML_TEXT_NODE && a->children->next == NULL)
            return a->children->content != NULL ? (const char *)a->children->content : "";
        return "";
    }
    return NULL;
}

/* The eight bytes of w with their ASCII capitals lower-cased: a byte is
 * one when its low seven bits reach 'A' but not past 'Z' and its high bit
 * is clear (no sum carries into the next byte); 0x80 >> 2 is the case
 * bit.  Class names and date words are lower-cased per element. */
static uint64_t lower_eight(uint64_t w)
{
    uint64_t low = w & ~SC_SWAR_HIGH;
    uint64_t from_a = low + SC_SWAR_ONES * (0x80 - 'A');
    uint64_t past_z = low + SC_SWAR_ONES * (0x80 - 'Z' - 1);
    uint64_t capital = from_a & ~past_z & ~w & SC_SWAR_HIGH;
    return w | capital >> 2;
}

size_t html_lower(const char *s, size_t n, char *out, size_t cap)
{
    if (cap == 0)
        return 0;
    size_t k = n < cap ? n : cap - 1, i = 0;
    for (; i + 8 <= k; i += 8) {
        uint64_t w = lower_eight(sc_swar_load(s + i));
        memcpy(out + i, &w, 8);
    }
    for (; i < k; i++)
        out[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
    out[k] = '\0';
    return k;
}

static bool name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* A bit per byte a word of names can start with (a name_char). */
static uint64_t first_byte_bit(char c)
{
    return (uint64_t)1 << (c >= 'a' ? c - 'a' : 26 + c - '0');
}

bool html_names_match(const char *names, const char *const *keywords, size_t n)
{
    if (names == NULL || names[0] == '\0')
        return false;
    /* The first bytes of the keywords: most words start with none of
     * them and need no look at the list ("" matches every word). */
    uint64_t firsts = 0;
    for (size_t k = 0; k < n; k++)
        firsts |= keywords[k][0] == '\0'      ? ~(uint64_t)0
                  : name_char(keywords[k][0]) ? first_byte_bit(keywords[k][0])
                                              : 0;
    for (const char *p = names; *p;) {
        while (*p && !name_char(*p))
            p++;
        const char *w = p;
        while (name_char(*p))
            p++;
        size_t wl = (size_t)(p - w);
        if (wl == 0 || !(firsts & first_byte_bit(w[0])))
            continue;
        for (size_t k = 0; k < n; k++) {
            const char *kw = keywords[k];
            /* w is never empty: its first byte rules out most keywords
             * before their length is taken. */
            if (kw[0] != w[0] && kw[0] != '\0')
                continue;
            size_t kl = strlen(kw);
            bool exact = kl > 0 && kw[kl - 1] == '=';
            if (exact) {
                if (wl == kl - 1 && memcmp(w, kw, kl - 1) == 0)
                    return true;
            } else if (wl >= kl && memcmp(w, kw, kl) == 0) {
                return true;
            }
        }
    }
    return false;
}

/* ---- text rendering ---- */

void html_render_close(html_render *r)
{
    if (!r->run_open)
        return;
    r->run_open = false;
    if (!r->record || r->out.len <= r->run_start)
        return;
    if (r->n_recs == r->cap_recs) {
        size_t cap = r->cap_recs ? r->cap_recs * 2 : 32;
        html_para *grown = sc_arena_grow(r->h->arena, r->recs, r->n_recs, cap, sizeof *grown);
        if (grown == NULL) {
            r->failed = true;
            return;
        }
        r->recs = grown;
        r->cap_recs = cap;
    }
    r->recs[r->n_recs++] =
        (html_para){r->run_el, r->run_start, r->out.len, r->run_first, r->run_last};
}

void html_render_break(html_render *r, int level)
{
    if (level >= 3)
        html_render_close(r);
    if (level > r->pending)
        r->pending = level;
}

/* <br> breaks the line; two in a row break the paragraph. */
static void line_break(html_render *r)
{
    html_render_break(r, r->pending >= 2 ? 3 : 2);
}

/* The length of an invisible format character at s (U+00AD soft hyphen,
 * U+200B zero-width space, U+2060 word joiner, U+FEFF), or 0. */
static size_t invisible_at(const unsigned char *s, size_t n)
{
    if (n >= 2 && s[0] == 0xC2 && s[1] == 0xAD)
        return 2;
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0x8B)
        return 3;
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0xA0)
        return 3;
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        return 3;
    return 0;
}

/* What a byte of a text node can start, for put_text's scans: most bytes
 * are plain text; white space ends a word; 0xC2, 0xE2 and 0xEF lead the
 * no-break space and the invisible characters; NUL ends the node. */
enum { TB_PLAIN, TB_SPACE, TB_LEAD, TB_END };
static const unsigned char text_byte[256] = {
    [0] = TB_END,      [' '] = TB_SPACE, ['\t'] = TB_SPACE, ['\n'] = TB_SPACE, ['\r'] = TB_SPACE,
    ['\f'] = TB_SPACE, [0xC2] = TB_LEAD, [0xE2] = TB_LEAD,  [0xEF] = TB_LEAD,
};

static void put_text(html_render *r, const xmlNode *node, html_el *block)
{
    const unsigned char *s = node->content;
    if (s == NULL)
        return;
    for (size_t i = 0; s[i];) {
        unsigned char c = s[i];
        bool nbsp = c == 0xC2 && s[i + 1] == 0xA0;
        if (text_byte[c] == TB_SPACE || nbsp) {
            if (r->pre && c == '\n')
                html_render_break(r, 2);
            else if (r->pending < 1)
                r->pending = 1;
            i += nbsp ? 2 : 1;
            continue;
        }
        if (r->out.len > 0 && r->pending > 0)
            sc_buf_append(&r->out, r->pending == 1 ? " " : "\n\n", r->pending == 3 ? 2 : 1);
        r->pending = 0;
        if (!r->run_open) {
            r->run_open = true;
            r->run_start = r->out.len;
            r->run_el = block;
            r->run_first = node;
        }
        r->run_last = node;
        /* The word runs to white space, a no-break space or the end; a
         * word without a lead byte has no invisible character in it. */
        bool lead = text_byte[c] == TB_LEAD;
        size_t j = i + 1;
        for (;;) {
            unsigned char b = s[j];
            if (text_byte[b] == TB_PLAIN) {
                j++;
            } else if (text_byte[b] == TB_LEAD && !(b == 0xC2 && s[j + 1] == 0xA0)) {
                lead = true;
                j++;
            } else {
                break;
            }
        }
        if (!lead) {
            sc_buf_append(&r->out, (const char *)s + i, j - i);
            i = j;
            continue;
        }
        /* Invisible format characters (soft hyphens, zero-width spaces,
         * word joiners) are hyphenation hints, not text: "Mit&shy;tel"
         * reads "Mittel". */
        for (size_t k = i; k < j;) {
            size_t skip = s[k] < 0xC2 ? 0 : invisible_at(s + k, j - k);
            if (skip > 0) {
                k += skip;
                continue;
            }
            size_t run = k;
            /* Each starts with 0xC2, 0xE2 or 0xEF. */
            while (run < j && (s[run] < 0xC2 || invisible_at(s + run, j - run) == 0))
                run++;
            sc_buf_append(&r->out, (const char *)s + k, run - k);
            k = run;
        }
        i = j;
    }
}

void html_render_walk(html_render *r, xmlNode *node, html_el *block)
{
    for (xmlNode *c = node->children; c != NULL; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            put_text(r, c, block);
            continue;
        }
        html_el *e = html_el_of(c);
        if (e == NULL || (e->flags & (r->skip | HF_GONE)) != 0)
            continue;
        if (e->tag == T_BR) {
            line_break(r);
            continue;
        }
        if (e->tag == T_HR) {
            html_render_break(r, 3);
            continue;
        }
        if (!(e->flags & HF_BLOCK)) {
            if (e->tag == T_IMG)
                continue;
            if (e->tag == T_TD || e->tag == T_TH) {
                if (r->pending < 1)
                    r->pending = 1;
            }
            html_render_walk(r, c, block);
            continue;
        }
        int level = e->tag == T_LI || e->tag == T_TR || e->tag == T_DT || e->tag == T_DD ? 2
                    : e->tag == T_TD || e->tag == T_TH                                   ? 1
                                                                                         : 3;
        if (level >= 2)
            html_render_close(r);
        html_render_break(r, level);
        if (e->tag == T_PRE)
            r->pre++;
        html_render_walk(r, c, level >= 2 ? e : block);
        if (e->tag == T_PRE)
            r->pre--;
        if (level >= 2)
            html_render_close(r);
        html_render_break(r, level);
    }
}

char *html_render_finish(html_render *r, size_t *len)
{
    html_render_close(r);
    if (r->out.failed || r->failed) {
        sc_buf_release(&r->out);
        return NULL;
    }
    char *text = sc_arena_strndup(r->h->arena, r->out.data != NULL ? r->out.data : "", r->out.len);
    *len = r->out.len;
    sc_buf_release(&r->out);
    return text;
}

char *html_text_of(html_doc *h, xmlNode *node, unsigned skip, size_t *len)
{
    html_render r;
    memset(&r, 0, sizeof r);
    r.h = h;
    r.skip = skip;
    sc_buf_init(&r.out);
    html_el *e = html_el_of(node);
    if (e != NULL && e->tag == T_PRE)
        r.pre = 1;
    html_render_walk(&r, node, e);
    return html_render_finish(&r, len);
}

/* ---- finding text in the input ---- */

/* The code point at raw[p] in the input's charset and its byte length;
 * -1 stands for "some non-ASCII character" in a one-byte charset. */
static size_t raw_next(const html_doc *h, size_t p, int32_t *cp)
{
    const unsigned char *u = (const unsigned char *)h->raw + p;
    size_t left = h->raw_len - p;
    switch (h->encoding) {
    case ENC_UTF16LE:
    case ENC_UTF16BE: {
        if (left < 2) {
            *cp = -2;
            return left;
        }
        bool le = h->encoding == ENC_UTF16LE;
        uint32_t unit = le ? (uint32_t)(u[0] | u[1] << 8) : (uint32_t)(u[0] << 8 | u[1]);
        if (unit >= 0xD800 && unit < 0xDC00 && left >= 4) {
            uint32_t low = le ? (uint32_t)(u[2] | u[3] << 8) : (uint32_t)(u[2] << 8 | u[3]);
            *cp = (int32_t)(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
            return 4;
        }
        *cp = (int32_t)unit;
        return 2;
    }
    case ENC_SINGLE:
        *cp = u[0] < 0x80 ? u[0] : -1;
        return 1;
    default: {
        if (u[0] < 0x80) {
            *cp = u[0];
            return 1;
        }
        size_t bad;
        size_t n = u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : u[0] >= 0xC0 ? 2 : 1;
        if (n > left || !sc_utf8_valid((const char *)u, n, &bad)) {
            *cp = -2;
            return 1;
        }
        sc_utf8_next((const char *)u, n, cp);
        return n;
    }
    }
}

static bool space_cp(int32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0;
}

/* An entity reference "&name;" or "&#...;" at raw[p]: its length, or 0. */
static size_t raw_entity(const html_doc *h, size_t p)
{
    int32_t c;
    size_t q = p + raw_next(h, p, &c);
    if (c != '&')
        return 0;
    for (int k = 0; k < 32 && q < h->raw_len; k++) {
        size_t n = raw_next(h, q, &c);
        if (c == ';')
            return k > 0 ? q + n - p : 0;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '#'))
            return 0;
        q += n;
    }
    return 0;
}

/* Matches decoded text t[0..n) at raw[p]; returns the end in raw, or
 * SIZE_MAX.  White-space runs match any white-space run. */
size_t html_match_at(const html_doc *h, size_t p, const unsigned char *t, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (p >= h->raw_len)
            return SIZE_MAX;
        int32_t tc;
        size_t tl = sc_utf8_next((const char *)t + i, n - i, &tc);
        if (space_cp(tc)) {
            while (i < n) {
                tl = sc_utf8_next((const char *)t + i, n - i, &tc);
                if (!space_cp(tc))
                    break;
                i += tl;
            }
            int32_t rc;
            while (p < h->raw_len) {
                size_t rl = raw_next(h, p, &rc);
                size_t ent = rc == '&' ? raw_entity(h, p) : 0;
                if (space_cp(rc))
                    p += rl;
                else if (ent > 0 && ent <= 8 &&
                         (memcmp(h->raw + p, "&nbsp;", 6) == 0 ||
                          memcmp(h->raw + p, "&#160;", 6) == 0))
                    p += ent;
                else
                    break;
            }
            continue;
        }
        int32_t rc;
        size_t rl = raw_next(h, p, &rc);
        size_t ent = rc == '&' ? raw_entity(h, p) : 0;
        if (ent > 0) {
            p += ent;
            i += tl;
            continue;
        }
        if (rc == tc || (rc == -1 && tc >= 0x80)) {
            p += rl;
            i += tl;
            continue;
        }
        return SIZE_MAX;
    }
    return p;
}

/* Text starts right after a tag (or a comment), never inside one. */
static bool after_tag(const html_doc *h, size_t p)
{
    size_t unit = h->encoding == ENC_UTF16LE || h->encoding == ENC_UTF16BE ? 2 : 1;
    while (p >= unit) {
        int32_t c;
        raw_next(h, p - unit, &c);
        if (c == '>')
            return true;
        if (!space_cp(c) && c != ';')
            return false;
        if (c == ';')
            return true; /* after an entity that decoded to white space */
        p -= unit;
    }
    return true;
}

static size_t line_start_of(const html_doc *h, long line)
{
    if (line < 1 || h->n_lines == 0)
        return 0;
    if ((size_t)line > h->n_lines)
        return h->raw_len;
    return h->line_starts[line - 1];
}

/* The first c in s[from..to), or to. */
static size_t next_byte(const char *s, size_t from, size_t to, unsigned char c)
{
    const char *q = memchr(s + from, c, to - from);
    return q != NULL ? (size_t)(q - s) : to;
}

/* The visible length of t[0..n) (which starts and ends with other than
 * white space): its bytes less white space, each run of it inside as one;
 * and its commas. */
static size_t visible_length(const unsigned char *t, size_t n, size_t *commas)
{
    size_t len = 0, comma = 0;
    bool space = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = t[i];
        bool sp = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!sp) {
            len += space ? 2 : 1;
            comma += c == ',';
        }
        space = sp;
    }
    *commas = comma;
    return len;
}

/* Finds every visible text node in the input, in order. */
static sc_status map_text_nodes(html_doc *h, xmlNode *node, size_t *cursor)
{
    for (xmlNode *c = node->children; c != NULL; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) {
            html_el *e = html_el_of(c);
            sc_status st = map_text_nodes(h, c, cursor);
            if (st != SC_OK)
                return st;
            (void)e;
            continue;
        }
        if (c->type != XML_TEXT_NODE || c->content == NULL)
            continue;
        const unsigned char *t = c->content;
        size_t n = strlen((const char *)t);
        size_t a = 0, b = n;
        while (a < b && (t[a] == ' ' || t[a] == '\t' || t[a] == '\n' || t[a] == '\r'))
            a++;
        while (b > a &&
               (t[b - 1] == ' ' || t[b - 1] == '\t' || t[b - 1] == '\n' || t[b - 1] == '\r'))
            b--;
        if (a == b)
            continue;
        html_text *span = sc_arena_calloc(h->arena, 1, sizeof *span);
        if (span == NULL)
            return SC_ERR_NOMEM;
        c->_private = span;
        span->text = visible_length(t + a, b - a, &span->commas);
        html_el *parent = html_el_of(c->parent);
        if (h->encoding == ENC_OTHER ||
            (parent != NULL && (parent->flags & HF_GONE) && parent->tag != T_TITLE &&
             parent->tag != T_SCRIPT && parent->tag != T_STYLE))
            continue;
        long line = xmlGetLineNo(c);
        size_t limit = *cursor + SPAN_SEARCH_FAR;
        if (line > 0 && line < 65535)
            limit = line_start_of(h, line + 1) + SPAN_SEARCH_SLACK;
        if (limit > h->raw_len)
            limit = h->raw_len;
        /* In UTF-8 the text starts with its own first byte or with an
         * entity: the next of each, found with memchr and kept until
         * passed. */
        size_t next_first = SIZE_MAX, next_amp = SIZE_MAX;
        /* Text without '&' that does not end in white space (nbsp, form
         * feed) matches where the input holds its very bytes, ending
         * there: html_match_at is asked only elsewhere. */
        size_t m = b - a;
        bool plain = h->encoding == ENC_UTF8 && t[b - 1] != '\f' &&
                     !(m >= 2 && t[b - 2] == 0xC2 && t[b - 1] == 0xA0) &&
                     memchr(t + a, '&', m) == NULL;
        for (size_t p = *cursor; p < limit; p++) {
            if (h->encoding == ENC_UTF8) {
                if (next_first == SIZE_MAX || next_first < p)
                    next_first = next_byte(h->raw, p, limit, t[a]);
                if (next_amp == SIZE_MAX || next_amp < p)
                    next_amp = next_byte(h->raw, p, limit, '&');
                p = next_first < next_amp ? next_first : next_amp;
                if (p >= limit)
                    break;
            }
            if (!after_tag(h, p))
                continue;
            size_t end = plain && m <= h->raw_len - p && memcmp(h->raw + p, t + a, m) == 0
                             ? p + m
                             : html_match_at(h, p, t + a, b - a);
            if (end != SIZE_MAX) {
                span->start = p;
                span->end = end;
                *cursor = end;
                break;
            }
        }
    }
    return SC_OK;
}

bool html_span_of(const html_doc *h, const xmlNode *node, size_t *start, size_t *end)
{
    if (node == NULL)
        return false;
    if (node->type == XML_TEXT_NODE) {
        const html_text *t = node->_private;
        if (t == NULL || t->end == 0)
            return false;
        *start = t->start;
        *end = t->end;
        return true;
    }
    const html_el *e = html_el_of(node);
    if (e == NULL || e->end == 0)
        return false;
    *start = e->start;
    *end = e->end;
    return true;
}

bool html_attr_span(const html_doc *h, const xmlNode *node, const char *value, size_t *start,
                    size_t *end)
{
    if (value == NULL || h->encoding == ENC_OTHER || h->encoding == ENC_UTF16LE ||
        h->encoding == ENC_UTF16BE)
        return false;
    size_t n = strlen(value);
    long line = xmlGetLineNo(node);
    size_t from = 0, to = h->raw_len;
    if (line > 0 && line < 65535) {
        from = line_start_of(h, line - 1);
        to = line_start_of(h, line + 2);
        if (to > h->raw_len)
            to = h->raw_len;
    }
    if (n > 0 && to > from && to - from >= n) {
        for (size_t p = from; p + n <= to; p++)
            if (memcmp(h->raw + p, value, n) == 0) {
                *start = p;
                *end = p + n;
                return true;
            }
    }
    /* An escaped value: the line it is on. */
    if (line > 0 && line < 65535) {
        size_t a = line_start_of(h, line), b = line_start_of(h, line + 1);
        while (a < b && (h->raw[a] == ' ' || h->raw[a] == '\t'))
            a++;
        while (b > a && (h->raw[b - 1] == '\n' || h->raw[b - 1] == '\r' || h->raw[b - 1] == ' '))
            b--;
        if (b > a) {
            *start = a;
            *end = b;
            return true;
        }
    }
    return false;
}

/* ---- parsing ---- */

typedef struct parse_guard {
    bool too_deep;
} parse_guard;

/* Stops the parser before the tree grows deeper than the limit. */
static void guarded_start_element(void *ctx, const xmlChar *name, const xmlChar **atts)
{
    xmlParserCtxtPtr ctxt = ctx;
    parse_guard *guard = ctxt->_private;
    if (ctxt->nodeNr >= SC_HTML_MAX_DEPTH) {
        if (guard != NULL)
            guard->too_deep = true;
        xmlStopParser(ctxt);
        return;
    }
    xmlSAX2StartElement(ctx, name, atts);
}

static bool utf8_bom(const char *s, size_t len)
{
    return len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0;
}

/* sc_utf8_valid over the whole input, worked out once (parsing and the
 * charset guess both ask). */
static bool raw_utf8_valid(html_doc *h, size_t *bad)
{
    if (!h->utf8_checked) {
        h->utf8_bad = 0;
        h->utf8_ok = sc_utf8_valid(h->raw, h->raw_len, &h->utf8_bad);
        h->utf8_checked = true;
    }
    *bad = h->utf8_bad;
    return h->utf8_ok;
}

static html_encoding encoding_of(html_doc *h, const char *declared)
{
    const char *raw = h->raw;
    size_t len = h->raw_len;
    if (len >= 2 && (unsigned char)raw[0] == 0xFF && (unsigned char)raw[1] == 0xFE)
        return ENC_UTF16LE;
    if (len >= 2 && (unsigned char)raw[0] == 0xFE && (unsigned char)raw[1] == 0xFF)
        return ENC_UTF16BE;
    if (utf8_bom(raw, len))
        return ENC_UTF8;
    char low[64] = "";
    if (declared != NULL)
        html_lower(declared, strlen(declared), low, sizeof low);
    size_t bad;
    if (low[0] == '\0' || strstr(low, "utf-8") || strstr(low, "utf8") ||
        strcmp(low, "us-ascii") == 0 || strcmp(low, "ascii") == 0)
        return raw_utf8_valid(h, &bad) || raw[bad] == '\0' ? ENC_UTF8 : ENC_SINGLE;
    if (strstr(low, "utf-16") || strstr(low, "utf16"))
        return len >= 2 && raw[0] == '\0' ? ENC_UTF16BE : ENC_UTF16LE;
    static const char *const single[] = {"iso-8859", "iso8859", "latin", "windows-125", "cp125",
                                         "koi8",     "ascii",   "mac",   "tis-620",     "cp8"};
    for (size_t k = 0; k < sizeof single / sizeof single[0]; k++)
        if (strstr(low, single[k]) != NULL)
            return ENC_SINGLE;
    return ENC_OTHER;
}

static size_t count_tags(const char *s, size_t len)
{
    size_t n = 0;
    for (const char *p = s, *end = s + len; p < end;) {
        const char *q = memchr(p, '<', (size_t)(end - p));
        if (q == NULL)
            break;
        n++;
        p = q + 1;
    }
    return n;
}

/* Class and id, lower-cased; data-testid and itemprop too, since they
 * name roles just as well. */
/* The attributes fill_elements reads, fetched in one pass over the
 * element's attributes (html_attr each would take seven). */
enum { A_CLASS, A_ID, A_ITEMPROP, A_ROLE, A_HIDDEN, A_ARIA_HIDDEN, A_STYLE, A_COUNT };

static void element_attrs(const xmlNode *node, const char *out[A_COUNT])
{
    static const char *const wanted[A_COUNT] = {"class",  "id",          "itemprop", "role",
                                                "hidden", "aria-hidden", "style"};
    for (int k = 0; k < A_COUNT; k++)
        out[k] = NULL;
    for (const xmlAttr *a = node->properties; a != NULL; a = a->next) {
        if (a->name == NULL)
            continue;
        for (int k = 0; k < A_COUNT; k++) {
            if (out[k] != NULL || a->name[0] != (xmlChar)wanted[k][0] ||
                strcmp((const char *)a->name, wanted[k]) != 0)
                continue;
            /* As html_attr reads it. */
            if (a->children == NULL)
                out[k] = "";
            else if (a->children->type == XML_TEXT_NODE && a->children->next == NULL)
                out[k] = a->children->content != NULL ? (const char *)a->children->content : "";
            else
                out[k] = "";
            break;
        }
    }
}

static const char *names_of(sc_arena *arena, const char *const attrs[A_COUNT])
{
    const char *parts[4] = {attrs[A_CLASS], attrs[A_ID], attrs[A_ITEMPROP], attrs[A_ROLE]};
    size_t n = 0;
    for (int k = 0; k < 4; k++)
        if (parts[k] != NULL)
            n += strlen(parts[k]) + 1;
    if (n == 0)
        return "";
    if (n > 512)
        n = 512;
    char *out = sc_arena_alloc(arena, n + 1);
    if (out == NULL)
        return "";
    size_t k = 0;
    for (int i = 0; i < 4; i++) {
        if (parts[i] == NULL)
            continue;
        size_t m = strlen(parts[i]);
        if (k + m + 1 > n)
            m = n - k > 0 ? n - k - 1 : 0;
        html_lower(parts[i], m, out + k, m + 1);
        k += m;
        if (k < n)
            out[k++] = ' ';
    }
    out[k] = '\0';
    return out;
}

static bool hidden(const char *const attrs[A_COUNT])
{
    if (attrs[A_HIDDEN] != NULL)
        return true;
    const char *aria = attrs[A_ARIA_HIDDEN];
    if (aria != NULL && strcmp(aria, "true") == 0)
        return true;
    const char *style = attrs[A_STYLE];
    if (style == NULL)
        return false;
    char low[256];
    size_t n = html_lower(style, strlen(style), low, sizeof low);
    /* "display: none", "visibility:hidden" with any spacing */
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (low[i] != ' ')
            low[k++] = low[i];
    low[k] = '\0';
    return strstr(low, "display:none") != NULL || strstr(low, "visibility:hidden") != NULL;
}

/* Counts elements, then fills the records in document order. */
static size_t count_elements(xmlNode *node)
{
    size_t n = 0;
    for (xmlNode *c = node; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            n += 1 + count_elements(c->children);
    return n;
}

static void fill_elements(html_doc *h, xmlNode *node, html_el *parent, unsigned depth)
{
    for (xmlNode *c = node; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        html_el *e = &h->els[h->n_els];
        e->order = h->n_els++;
        e->node = c;
        e->parent = parent;
        e->depth = depth;
        e->tag = html_tag_of(c->name);
        const char *attrs[A_COUNT];
        element_attrs(c, attrs);
        e->names = names_of(h->arena, attrs);
        c->_private = e;
        if (never_text(e->tag) || (parent != NULL && (parent->flags & HF_GONE)) || hidden(attrs))
            e->flags |= HF_GONE;
        if (block_tag(e->tag))
            e->flags |= HF_BLOCK;
        if (e->tag >= T_H1 && e->tag <= T_H6)
            e->flags |= HF_HEADING;
        if (e->tag == T_HTML && h->root == NULL)
            h->root = e;
        if (e->tag == T_BODY && h->body == NULL)
            h->body = e;
        fill_elements(h, c->children, e, depth + 1);
    }
}

/* Visible text sizes, link text, commas and spans, bottom up. */
static void measure(html_doc *h, html_el *e)
{
    size_t start = SIZE_MAX, end = 0;
    bool in_link = e->tag == T_A;
    for (xmlNode *c = e->node->children; c != NULL; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content != NULL) {
            const html_text *t = c->_private;
            if ((e->flags & HF_GONE) || t == NULL)
                continue;
            e->text += t->text;
            e->commas += t->commas;
            if (in_link)
                e->links += t->text;
            if (t->end > 0) {
                if (t->start < start)
                    start = t->start;
                if (t->end > end)
                    end = t->end;
            }
            continue;
        }
        html_el *k = html_el_of(c);
        if (k == NULL)
            continue;
        measure(h, k);
        if (k->flags & HF_GONE)
            continue;
        e->text += k->text;
        e->links += in_link ? k->text : k->links;
        e->commas += k->commas;
        e->prose_blocks += k->prose_blocks;
        if (k->end > 0) {
            if (k->start < start)
                start = k->start;
            if (k->end > end)
                end = k->end;
        }
    }
    if ((e->tag == T_P || e->tag == T_PRE || e->tag == T_BLOCKQUOTE || e->tag == T_LI ||
         e->tag == T_TD || e->tag == T_DD) &&
        e->text >= 80 && e->links * 2 < e->text)
        e->prose_blocks++;
    if (end > 0) {
        e->start = start;
        e->end = end;
    }
}

/* Line starts, for placing text nodes (and the bodies html_cut.c cuts). */
static sc_status find_lines(html_doc *h)
{
    size_t lines = 1;
    const char *end = h->raw + h->raw_len;
    for (const char *q = h->raw; (q = memchr(q, '\n', (size_t)(end - q))) != NULL; q++)
        lines++;
    h->line_starts = sc_arena_calloc(h->arena, lines, sizeof *h->line_starts);
    if (h->line_starts == NULL)
        return SC_ERR_NOMEM;
    h->n_lines = 1;
    for (const char *q = h->raw; (q = memchr(q, '\n', (size_t)(end - q))) != NULL; q++)
        h->line_starts[h->n_lines++] = (size_t)(q - h->raw) + 1;
    return SC_OK;
}

/* One parse of text[0..len) (the page, or the page with bodies cut): the
 * tree (NULL when libxml2 made none), and the page's charset from it. */
static sc_status parse_bytes(html_doc *h, const char *text, size_t len, bool utf8, bool ids,
                             xmlDoc **out, bool *too_deep)
{
    *out = NULL;
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(text, (int)len);
    if (ctxt == NULL) {
        /* libxml2 keeps a copy of its last error until the next one: drop
         * it, so a failed read leaves nothing allocated. */
        xmlResetLastError();
        return SC_ERR_NOMEM;
    }
    /* libxml2 reads a page that declares no charset as Latin-1; bytes
     * that are valid UTF-8 (with non-ASCII in them, almost never so by
     * chance) are UTF-8 whatever a meta tag claims. */
    if (utf8)
        xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    parse_guard guard = {false};
    ctxt->_private = &guard;
    ctxt->linenumbers = 1;
    if (ctxt->sax != NULL)
        ctxt->sax->startElement = guarded_start_element;
    /* XML_PARSE_HUGE lifts libxml2's silent stop at depth 256; our own
     * guard refuses at SC_HTML_MAX_DEPTH instead. */
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                 HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE);
    /* libxml2 registers every id attribute (and <a name>) in a table that
     * only XPath's id() reads: without a user's selector nothing does. */
    if (!ids)
        ctxt->loadsubset |= XML_SKIP_IDS;
    htmlParseDocument(ctxt);
    xmlDoc *doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    const char *declared = NULL;
    if (doc != NULL && doc->encoding != NULL)
        declared = (const char *)doc->encoding;
    else if (ctxt->input != NULL && ctxt->input->encoding != NULL)
        declared = (const char *)ctxt->input->encoding;
    else if (ctxt->encoding != NULL)
        declared = (const char *)ctxt->encoding;
    h->encoding = encoding_of(h, declared);
    htmlFreeParserCtxt(ctxt);
    xmlResetLastError();
    *too_deep = guard.too_deep;
    *out = doc;
    return SC_OK;
}

/* cut_attrs: attribute values the reader does not read may be cut (not
 * when a user's selector, which may read any attribute, is given). */
static sc_status parse(html_doc *h, bool cut_attrs, sc_error *error)
{
    /* A page shorter than the limit cannot hold more tags. */
    if (h->raw_len > SC_HTML_MAX_TAGS && count_tags(h->raw, h->raw_len) > SC_HTML_MAX_TAGS)
        return sc_fail(error, SC_ERR_LIMIT, "the page has more tags than the HTML limit", SC_NO_POS,
                       NULL);
    if (h->raw_len > INT32_MAX)
        return sc_fail(error, SC_ERR_LIMIT, "input larger than the HTML limit", SC_NO_POS, NULL);
    if (find_lines(h) != SC_OK)
        return sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, NULL);
    sc_xml_quiet();
    size_t bad;
    bool utf8 = !sc_utf16_bom(h->raw, h->raw_len) && raw_utf8_valid(h, &bad);
    html_cut cut;
    memset(&cut, 0, sizeof cut);
    cut.unread_on = cut_attrs;
    /* The cuts follow libxml2 2.9's tokenizer; later ones read scripts
     * and comments as HTML5 does. */
    if (utf8 && LIBXML_VERSION < 21100)
        html_cut_bodies(h, &cut);
    xmlDoc *doc = NULL;
    bool too_deep = false;
    sc_status st;
    if (cut.text != NULL) {
        st = parse_bytes(h, cut.text, cut.len, utf8, !cut_attrs, &doc, &too_deep);
        bool matches = st == SC_OK && !too_deep && doc != NULL && html_cut_matches(h, doc, &cut);
        free(cut.text);
        if (st == SC_OK && !matches) {
            /* The tree disagrees with the cut: the page, whole. */
            xmlFreeDoc(doc);
            doc = NULL;
            st = SC_ERR_INPUT;
        }
        if (st == SC_ERR_INPUT)
            st = parse_bytes(h, h->raw, h->raw_len, utf8, !cut_attrs, &doc, &too_deep);
    } else {
        st = parse_bytes(h, h->raw, h->raw_len, utf8, !cut_attrs, &doc, &too_deep);
    }
    if (st != SC_OK)
        return sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, NULL);
    if (too_deep) {
        xmlFreeDoc(doc);
        return sc_fail(error, SC_ERR_LIMIT, "HTML elements nested deeper than the 2000-level limit",
                       SC_NO_POS, NULL);
    }
    if (doc == NULL)
        return sc_fail(error, SC_ERR_INPUT, "not an HTML page", 0, NULL);
    h->doc = doc;
    doc->_private = h;
    return SC_OK;
}

static sc_status build(html_doc *h, sc_error *error)
{
    xmlNode *top = h->doc->children;
    size_t n = count_elements(top);
    h->els = sc_arena_calloc(h->arena, n > 0 ? n : 1, sizeof *h->els);
    if (h->els == NULL)
        return sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, NULL);
    fill_elements(h, top, NULL, 1);
    size_t cursor = utf8_bom(h->raw, h->raw_len) ? 3 : 0;
    for (xmlNode *c = top; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && map_text_nodes(h, c, &cursor) != SC_OK)
            return sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, NULL);
    for (xmlNode *c = top; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            measure(h, html_el_of(c));
    if (h->root != NULL) {
        const char *lang = html_attr(h->root->node, "lang");
        if (lang != NULL && lang[0] != '\0') {
            char low[16];
            size_t k = 0;
            while (lang[k] && lang[k] != '-' && lang[k] != '_' && k < sizeof low - 1) {
                low[k] = lang[k] >= 'A' && lang[k] <= 'Z' ? (char)(lang[k] - 'A' + 'a') : lang[k];
                k++;
            }
            low[k] = '\0';
            if (k >= 2)
                h->lang = sc_arena_strndup(h->arena, low, k);
        }
    }
    html_el *main = h->body != NULL ? h->body : h->root;
    h->total_text = main != NULL ? main->text : 0;
    return SC_OK;
}

/* ---- title ---- */

static sc_status find_title(html_doc *h, sc_page *page)
{
    const xmlNode *from = NULL;
    const char *title = NULL;
    size_t start = 0, end = 0;
    bool placed = false;
    for (size_t i = 0; i < h->n_els && title == NULL; i++) {
        const html_el *e = &h->els[i];
        if (e->tag != T_META)
            continue;
        const char *p = html_attr(e->node, "property");
        if (p == NULL)
            p = html_attr(e->node, "name");
        const char *v = html_attr(e->node, "content");
        if (p != NULL && v != NULL && v[0] != '\0' &&
            (strcmp(p, "og:title") == 0 || strcmp(p, "twitter:title") == 0)) {
            title = v;
            placed = html_attr_span(h, e->node, v, &start, &end);
        }
    }
    for (size_t i = 0; i < h->n_els && title == NULL; i++) {
        const html_el *e = &h->els[i];
        if (e->tag == T_TITLE || (e->tag == T_H1 && !(e->flags & HF_GONE))) {
            size_t n;
            char *t = html_text_of(h, e->node, 0, &n);
            if (t == NULL)
                return SC_ERR_NOMEM;
            if (e->tag == T_TITLE && e->node->children != NULL) {
                /* The <title>'s text is hidden from rendering: read it. */
                const xmlChar *c = e->node->children->content;
                if (c != NULL) {
                    size_t cl = strlen((const char *)c);
                    size_t a = 0;
                    while (a < cl && (c[a] == ' ' || c[a] == '\n' || c[a] == '\t' || c[a] == '\r'))
                        a++;
                    while (cl > a && (c[cl - 1] == ' ' || c[cl - 1] == '\n' || c[cl - 1] == '\t' ||
                                      c[cl - 1] == '\r'))
                        cl--;
                    t = sc_arena_strndup(h->arena, (const char *)c + a, cl - a);
                    n = cl - a;
                    if (t == NULL)
                        return SC_ERR_NOMEM;
                }
                from = e->node->children;
            } else {
                from = e->node;
            }
            if (n > 0) {
                title = t;
                placed = html_span_of(h, from, &start, &end);
            }
        }
    }
    if (title == NULL)
        return SC_OK;
    /* One line of collapsed white space. */
    size_t n = strlen(title);
    char *clean = sc_arena_alloc(h->arena, n + 1);
    if (clean == NULL)
        return SC_ERR_NOMEM;
    size_t k = 0;
    bool space = false;
    for (size_t i = 0; i < n; i++) {
        char c = title[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = k > 0;
            continue;
        }
        if (space)
            clean[k++] = ' ';
        space = false;
        clean[k++] = c;
    }
    clean[k] = '\0';
    page->title = clean;
    if (placed)
        return sc_page_add_block(h->arena, page, SC_ROLE_TITLE, SC_FIELD_PAGE, start, end);
    return SC_OK;
}

/* ---- the reader ---- */

static sc_status read_page(html_doc *h, const char *summary_selector, const char *article_selector,
                           sc_page *page, sc_error *error)
{
    sc_status st;
    /* The user's article container, taken whole (less the summary, the
     * headline and the date line); else the extractor's.  Found first: a
     * date inside the article is the article's. */
    html_el *article = html_select(h, article_selector);
    if (article == NULL)
        article = html_extract_article(h);
    h->article = article;
    if ((st = html_find_date(h, page)) != SC_OK)
        return sc_fail(error, st, "out of memory", SC_NO_POS, NULL);
    if ((st = find_title(h, page)) != SC_OK)
        return sc_fail(error, st, "out of memory", SC_NO_POS, NULL);

    /* The headline and the date line are the page's, as in the text
     * reader: not article text. */
    if (h->date_line != NULL)
        html_mark_tree(h->date_line, HF_DROP);
    for (size_t i = 0; i < h->n_els; i++)
        if (h->els[i].tag == T_H1 && !(h->els[i].flags & HF_GONE) && h->els[i].text > 0) {
            html_mark_tree(&h->els[i], HF_DROP);
            break;
        }
    html_el *chosen = html_select(h, summary_selector);
    /* A block that holds the article is not its summary (a selector of
     * every element picks the page's root). */
    if (chosen != NULL && article != NULL && html_is_ancestor(chosen, article))
        chosen = NULL;
    if ((st = html_read_summary(h, article, chosen, page)) != SC_OK)
        return sc_fail(error, st, "out of memory", SC_NO_POS, NULL);
    if (article == NULL)
        return sc_fail(error, SC_ERR_INPUT, "no article found on the page", h->raw_len, NULL);

    /* The article, paragraph by paragraph. */
    html_render r;
    memset(&r, 0, sizeof r);
    r.h = h;
    r.skip = HF_DROP | HF_SUMMARY;
    r.record = true;
    sc_buf_init(&r.out);
    html_el *root = h->article_root != NULL && h->article == article ? h->article_root : article;
    html_render_walk(&r, root->node, root);
    html_render_close(&r);
    if (r.out.len == 0 && (h->body != NULL || h->root != NULL)) {
        /* Nothing left of the chosen part: the whole page's text, less
         * its chrome, rather than no article at all. */
        html_el *top = h->body != NULL ? h->body : h->root;
        r.skip = HF_SUMMARY | HF_CHROME;
        html_render_walk(&r, top->node, top);
        html_render_close(&r);
    }
    if (r.out.failed || r.failed) {
        sc_buf_release(&r.out);
        return sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, NULL);
    }
    const char *text = r.out.data != NULL ? r.out.data : "";
    size_t len = r.out.len;
    /* The credit: what follows it is not the article. */
    size_t credit_at = 0;
    size_t credit_rec = html_find_credit(&r, text, len, &credit_at);
    size_t cut = credit_rec != SIZE_MAX ? credit_at : len;
    while (cut > 0 && (text[cut - 1] == ' ' || text[cut - 1] == '\n'))
        cut--;
    if (cut == 0) {
        sc_buf_release(&r.out);
        return sc_fail(error, SC_ERR_INPUT, "no article found on the page", h->raw_len, NULL);
    }
    char *article_text = sc_arena_strndup(h->arena, text, cut);
    if (article_text == NULL) {
        sc_buf_release(&r.out);
        return sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, NULL);
    }
    page->field_data[SC_FIELD_SOURCE] = article_text;
    page->field_len[SC_FIELD_SOURCE] = cut;
    page->article = (sc_text){SC_FIELD_SOURCE, 0, article_text, cut};
    st = sc_page_add_block(h->arena, page, SC_ROLE_BODY, SC_FIELD_SOURCE, 0, cut);
    size_t de = sc_part_dateline_end(article_text, cut);
    if (st == SC_OK && de > 0)
        st = sc_page_add_block(h->arena, page, SC_ROLE_DATELINE, SC_FIELD_SOURCE, 0, de);
    if (st == SC_OK && credit_rec != SIZE_MAX)
        st = html_add_credit_blocks(h, &r, text, credit_rec, credit_at, page);
    sc_buf_release(&r.out);
    if (st != SC_OK)
        return sc_fail(error, st, "out of memory", SC_NO_POS, NULL);
    return SC_OK;
}

/* A stray NUL byte ends libxml2's HTML parse there, losing the rest of
 * the page; browsers read past it (WHATWG HTML, "unexpected-null-
 * character").  In a page that is not UTF-16 (where NULs are half the
 * bytes), each becomes a space in our copy, so offsets stay the input's. */
static void blank_stray_nuls(char *s, size_t len)
{
    if (len >= 2 && (((unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE) ||
                     ((unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF)))
        return;
    size_t nuls = 0;
    for (const char *q = s, *end = s + len; (q = memchr(q, '\0', (size_t)(end - q))) != NULL; q++)
        nuls++;
    if (nuls == 0 || nuls * 8 > len)
        return;
    for (size_t i = 0; i < len; i++)
        if (s[i] == '\0')
            s[i] = ' ';
}

/* A UTF-8 page with a few stray bytes of another charset (a Latin-1 "ä"
 * pasted into a template) makes libxml2 re-read the whole page as
 * Latin-1, every other non-ASCII character garbled; a browser shows one
 * U+FFFD per stray byte instead (WHATWG Encoding, "UTF-8 decode").  When
 * valid multi-byte sequences outnumber the stray bytes many times over,
 * each stray byte becomes "?" in our copy (one byte for one: offsets
 * stay the input's).  A page in a legacy charset has next to no valid
 * sequences and is left alone. */
enum { UTF8_MAJORITY = 8 };

static void repair_stray_bytes(char *s, size_t len)
{
    if (len >= 2 && (((unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE) ||
                     ((unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF)))
        return;
    size_t stray = 0, sequences = 0, bad;
    for (size_t p = 0; p < len;) {
        if (sc_utf8_valid(s + p, len - p, &bad)) {
            bad = len - p;
        } else {
            stray++;
        }
        for (size_t i = p; i < p + bad; i++)
            sequences += (unsigned char)s[i] >= 0xC0;
        p += bad + 1;
    }
    if (stray == 0 || sequences < stray * UTF8_MAJORITY)
        return;
    for (size_t p = 0; p < len;) {
        if (sc_utf8_valid(s + p, len - p, &bad))
            break;
        s[p + bad] = '?';
        p += bad + 1;
    }
}

sc_status sc_read_html_page(sc_arena *arena, const char *input, size_t len, sc_page *page,
                            sc_error *error)
{
    return sc_read_html_page_with(arena, input, len, NULL, NULL, page, error);
}

sc_status sc_read_html_page_with(sc_arena *arena, const char *input, size_t len,
                                 const char *summary_selector, const char *article_selector,
                                 sc_page *page, sc_error *error)
{
    if (len > SC_MAX_INPUT_BYTES)
        return sc_fail(error, SC_ERR_LIMIT, "input larger than the 64 MiB limit",
                       SC_MAX_INPUT_BYTES, NULL);
    html_doc h;
    memset(&h, 0, sizeof h);
    h.arena = arena;
    /* The page's spans point into our own copy, so the result outlives the
     * caller's buffer. */
    char *copy = sc_arena_strndup(arena, input, len);
    if (copy == NULL)
        return sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, NULL);
    blank_stray_nuls(copy, len);
    h.raw = copy;
    h.raw_len = len;
    size_t bad;
    if (!raw_utf8_valid(&h, &bad)) {
        /* Valid UTF-8 has no stray bytes to repair; a repair may make the
         * input valid, so it is checked again. */
        repair_stray_bytes(copy, len);
        h.utf8_checked = false;
    }
    html_memory_begin();
    sc_status st = parse(&h, summary_selector == NULL && article_selector == NULL, error);
    if (st != SC_OK) {
        html_memory_end(NULL);
        return st;
    }
    page->field_data[SC_FIELD_PAGE] = copy;
    page->field_len[SC_FIELD_PAGE] = len;
    st = build(&h, error);
    if (st == SC_OK)
        st = read_page(&h, summary_selector, article_selector, page, error);
    html_memory_end(h.doc);
    return st;
}
