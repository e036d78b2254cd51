/* Script and style bodies cut before libxml2 parses a page (reader_html.c
 * asks; html.h says why and how the cut is checked). */

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "html.h"
#include "text/text.h"

/* The first c in s[from..to), or to. */
static size_t next_byte(const char *s, size_t from, size_t to, unsigned char c)
{
    const char *q = memchr(s + from, c, to - from);
    return q != NULL ? (size_t)(q - s) : to;
}

static bool blank_byte(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool letter_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* As libxml2's htmlParseHTMLName reads a name. */
static bool tag_name_byte(char c)
{
    return letter_byte(c) || (c >= '0' && c <= '9') || c == ':' || c == '-' || c == '_' || c == '.';
}

static char lower_byte(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool same_name(const char *s, const char *name, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (lower_byte(s[i]) != name[i])
            return false;
    }
    return true;
}

/* libxml2 2.9 reads at most this many bytes of a tag or attribute name
 * (HTML_PARSER_BUFFER_SIZE in htmlParseHTMLName), the rest as another
 * name: attribute values are not cut on a page with a longer one. */
enum { NAME_MAX_BYTES = 100 };
/* Values shorter than this are left: cutting them saves next to nothing. */
enum { ATTR_CUT_MIN_BYTES = 8 };
/* Unkept attributes of one tag checked for repeats; past that the page's
 * values are not cut (repeats are checked pair by pair). */
enum { ATTRS_PER_TAG_MAX = 64 };

/* The attributes the reader reads: html_attr's callers (reader_html.c,
 * html_date.c, html_extract.c) and libxml2's own charset check of <meta>
 * (htmlCheckMeta).  Asked for every attribute of a page, so by length
 * first; "href" only on <link> and "title" only on <abbr>, where the
 * reader reads them. */
bool html_cut_keeps_attr(const char *name, size_t n, const char *tag, size_t tag_n)
{
    char low[12];
    if (n >= sizeof low)
        return false;
    for (size_t i = 0; i < n; i++)
        low[i] = lower_byte(name[i]);
    switch (n) {
    case 2:
        return memcmp(low, "id", 2) == 0;
    case 3:
        return memcmp(low, "rel", 3) == 0;
    case 4:
        if (memcmp(low, "href", 4) == 0)
            return tag_n == 4 && same_name(tag, "link", 4);
        return memcmp(low, "lang", 4) == 0 || memcmp(low, "name", 4) == 0 ||
               memcmp(low, "role", 4) == 0 || memcmp(low, "type", 4) == 0;
    case 5:
        if (memcmp(low, "title", 5) == 0)
            return tag_n == 4 && same_name(tag, "abbr", 4);
        return memcmp(low, "class", 5) == 0 || memcmp(low, "style", 5) == 0;
    case 6:
        return memcmp(low, "hidden", 6) == 0;
    case 7:
        return memcmp(low, "charset", 7) == 0 || memcmp(low, "content", 7) == 0 ||
               memcmp(low, "pubdate", 7) == 0;
    case 8:
        return memcmp(low, "datetime", 8) == 0 || memcmp(low, "itemprop", 8) == 0 ||
               memcmp(low, "property", 8) == 0;
    case 10:
        return memcmp(low, "http-equiv", 10) == 0;
    case 11:
        return memcmp(low, "aria-hidden", 11) == 0;
    default:
        return false;
    }
}

static bool add_attr(html_doc *h, html_cut *c, html_cut_attr a)
{
    if (c->n_attrs == c->cap_attrs) {
        size_t cap = c->cap_attrs ? c->cap_attrs * 2 : 64;
        html_cut_attr *grown = sc_arena_grow(h->arena, c->attrs, c->n_attrs, cap, sizeof *grown);
        if (grown == NULL)
            return false;
        c->attrs = grown;
        c->cap_attrs = cap;
    }
    c->attrs[c->n_attrs++] = a;
    return true;
}

/* Stops cutting attribute values on this page. */
static void unread_off(html_cut *c)
{
    c->unread_on = false;
    c->n_attrs = 0;
}

/* Where an element's name, as the tree holds it, starts in its tag name
 * s[0..n): libxml2's SAX2 start handler keeps what follows a prefix
 * ("fb:like" is "like"), but for a name that starts or ends with ':'
 * (xmlSplitQName). */
static size_t local_name_at(const char *s, size_t n)
{
    const char *colon = memchr(s, ':', n);
    if (colon == NULL || colon == s || colon == s + n - 1)
        return 0;
    return (size_t)(colon - s) + 1;
}

/* Whether libxml2 reads body[0..n) as it is: it drops C0 controls but
 * tab, line feed and carriage return, and U+FFFE and U+FFFF (XML 1.0,
 * "Char"); the page is valid UTF-8 without NULs. */
static bool read_as_is(const unsigned char *body, size_t n)
{
    /* Eight bytes at a time: a word with no byte below 0x20 and none 0xEF
     * (x ^ 0xEF..EF has no zero byte) is read as it is; any other is
     * looked at byte by byte. */
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    for (size_t w = 0; w < n; w += 8) {
        if (w + 8 <= n) {
            uint64_t x;
            memcpy(&x, body + w, 8);
            uint64_t ef = x ^ (ones * 0xEF);
            if (((((x - ones * 0x20) & ~x) | ((ef - ones) & ~ef)) & highs) == 0)
                continue;
        }
        for (size_t i = w; i < w + 8 && i < n; i++) {
            unsigned char c = body[i];
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                return false;
            if (c == 0xEF && i + 2 < n && body[i + 1] == 0xBF && (body[i + 2] & 0xFE) == 0xBE)
                return false;
        }
    }
    return true;
}

/* Whether libxml2 reads the quoted value raw[from..to) of an attribute
 * the reader reads as its very bytes, so that it may be cut and put back
 * after the parse: no entity to decode, nothing libxml2 drops. */
static bool restorable(const char *s, size_t from, size_t to)
{
    return memchr(s + from, '&', to - from) == NULL &&
           read_as_is((const unsigned char *)s + from, to - from);
}

/* A start tag whose attributes are noted: what each of them needs of it,
 * worked out once. */
typedef struct cut_tag {
    size_t name, name_len; /* its name as the tree holds it, in raw */
    size_t first;          /* its first attribute in c->attrs */
    /* libxml2 drops a misplaced <html>, <head> or <body> tag, and its
     * attributes with it (htmlParseStartTag). */
    bool optional;
} cut_tag;

static cut_tag cut_tag_at(const html_doc *h, const html_cut *c, size_t tag, size_t tag_len)
{
    const char *s = h->raw;
    size_t local = local_name_at(s + tag + 1, tag_len);
    cut_tag t = {tag + 1 + local, tag_len - local, c->n_attrs, false};
    t.optional =
        t.name_len == 4 && (same_name(s + t.name, "html", 4) || same_name(s + t.name, "head", 4) ||
                            same_name(s + t.name, "body", 4));
    return t;
}

/* Notes attribute raw[name..name + name_len) of tag t; its quoted value,
 * if any, is raw[from..to).  Every attribute is noted, so that the tree
 * check sees each one in order. */
static void note_attr(html_doc *h, html_cut *c, const cut_tag *t, size_t name, size_t name_len,
                      size_t from, size_t to, bool quoted)
{
    const char *s = h->raw;
    if (!c->unread_on)
        return;
    bool kept = html_cut_keeps_attr(s + name, name_len, s + t->name, t->name_len);
    if (name_len >= NAME_MAX_BYTES || c->n_attrs - t->first >= ATTRS_PER_TAG_MAX) {
        unread_off(c);
        return;
    }
    html_cut_attr a = {.tag = t->name,
                       .tag_len = t->name_len,
                       .name = name,
                       .name_len = name_len,
                       .optional = t->optional,
                       .from = from,
                       .to = to};
    for (size_t i = t->first; i < c->n_attrs && !a.dropped; i++) {
        const char *other = s + c->attrs[i].name;
        a.dropped = c->attrs[i].name_len == name_len;
        for (size_t k = 0; k < name_len && a.dropped; k++)
            a.dropped = lower_byte(other[k]) == lower_byte(s[name + k]);
    }
    /* An unquoted value ends at a blank: cut to nothing, it would take
     * the next attribute as its value.  The tree check may find an
     * optional tag's attributes missing and still accept the cut, so
     * their values are never cut; nor is a value holding a '>', where
     * libxml2 may end something else (a processing instruction, a bogus
     * "<!" tag) that this scan read as a tag: cutting it could hide the
     * page's text from the tree check (<?pi <body a="x>text">).  The
     * value of an attribute the reader reads is cut only when it can be
     * put back as it is: libxml2 spends about a hundred instructions a
     * byte on values, and class names are most of a page's kept ones. */
    a.cut = quoted && to - from >= ATTR_CUT_MIN_BYTES && !a.optional &&
            memchr(s + from, '>', to - from) == NULL && (!kept || restorable(s, from, to));
    a.restore = kept && a.cut;
    if (!add_attr(h, c, a))
        unread_off(c);
}

/* libxml2 reads a <meta>'s charset, or its content beside http-equiv,
 * while it parses (htmlCheckMeta): the values of such a tag stay. */
static void keep_meta_values(const html_doc *h, html_cut *c, size_t tag, size_t tag_len,
                             size_t first)
{
    const char *s = h->raw;
    if (tag_len != 4 || !same_name(s + tag + 1, "meta", 4))
        return;
    bool charset = false;
    for (size_t i = first; i < c->n_attrs; i++) {
        const html_cut_attr *a = &c->attrs[i];
        charset |= (a->name_len == 7 && same_name(s + a->name, "charset", 7)) ||
                   (a->name_len == 10 && same_name(s + a->name, "http-equiv", 10));
    }
    for (size_t i = first; i < c->n_attrs && charset; i++)
        if (c->attrs[i].restore)
            c->attrs[i].cut = c->attrs[i].restore = false;
}

/* Where a start tag's attributes end, read as libxml2's htmlParseStartTag
 * reads them: at its '>' (*closed false) or its "/>" (*closed true);
 * SIZE_MAX at the end of the input or an unclosed quote.  The tag is at
 * raw[tag], its name tag_len bytes; its attributes start at raw[i]. */
static size_t start_tag_end(html_doc *h, html_cut *c, size_t tag, size_t tag_len, size_t i,
                            bool *closed)
{
    const char *s = h->raw;
    size_t len = h->raw_len;
    cut_tag t = cut_tag_at(h, c, tag, tag_len);
    while (i < len) {
        while (i < len && blank_byte(s[i]))
            i++;
        if (i >= len)
            break;
        if (s[i] == '>' || (s[i] == '/' && i + 1 < len && s[i + 1] == '>')) {
            *closed = s[i] == '/';
            return i;
        }
        if (letter_byte(s[i]) || s[i] == '_' || s[i] == ':' || s[i] == '.') {
            size_t name = i;
            while (i < len && tag_name_byte(s[i]))
                i++;
            size_t name_len = i - name, from = i, to = i;
            bool quoted = false;
            while (i < len && blank_byte(s[i]))
                i++;
            if (i < len && s[i] == '=') {
                i++;
                while (i < len && blank_byte(s[i]))
                    i++;
                if (i < len && (s[i] == '"' || s[i] == '\'')) {
                    const char *q = memchr(s + i + 1, s[i], len - i - 1);
                    if (q == NULL)
                        return SIZE_MAX;
                    from = i + 1;
                    to = (size_t)(q - s);
                    quoted = true;
                    i = to + 1;
                } else {
                    from = i;
                    while (i < len && !blank_byte(s[i]) && s[i] != '>')
                        i++;
                    to = i;
                }
            }
            note_attr(h, c, &t, name, name_len, from, to, quoted);
        } else {
            /* A bogus attribute, skipped to a blank or the tag's end. */
            while (i < len && !blank_byte(s[i]) && s[i] != '>' &&
                   !(s[i] == '/' && i + 1 < len && s[i + 1] == '>'))
                i++;
        }
    }
    return SIZE_MAX;
}

/* The first "-->" or "--!>" at or after from (libxml2 2.9.14 ends a
 * comment at either), or NULL. */
static const char *comment_end(const char *s, size_t from, size_t len)
{
    for (size_t i = from; i + 3 <= len;) {
        const char *q = memchr(s + i, '-', len - i);
        if (q == NULL)
            return NULL;
        size_t k = (size_t)(q - s);
        if (k + 3 <= len && q[1] == '-' && q[2] == '>')
            return q + 3;
        if (k + 4 <= len && q[1] == '-' && q[2] == '!' && q[3] == '>')
            return q + 4;
        i = k + 1;
    }
    return NULL;
}

/* The line of raw[p], for p at or after the place of the last call with
 * the same *at (0 at first): tags come in the order of the page. */
static size_t line_from(const html_doc *h, size_t p, size_t *at)
{
    while (*at + 1 < h->n_lines && h->line_starts[*at + 1] <= p)
        (*at)++;
    return *at + 1;
}

/* Whether needle occurs in s[0..n), searched from its byte at anchor:
 * its first capital or '_', rarer in scripts than small letters. */
static bool has_bytes(const char *s, size_t n, const char *needle)
{
    size_t m = strlen(needle), anchor = 0;
    while (anchor < m && !(needle[anchor] >= 'A' && needle[anchor] <= 'Z') && needle[anchor] != '_')
        anchor++;
    if (anchor == m)
        anchor = 0;
    for (size_t i = anchor; i < n;) {
        const char *q = sc_find_bytes(s + i, n - i, needle + anchor, m - anchor);
        if (q == NULL)
            return false;
        if (memcmp(q - anchor, needle, anchor) == 0)
            return true;
        i = (size_t)(q - s) + 1;
    }
    return false;
}

static bool has_bytes_nocase(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (same_name(s + i, needle, k))
            return true;
    return false;
}

/* Whether libxml2 would read the script body raw[from..to) plainly; the
 * bodies we read (JSON-LD, and scripts with a date key) are put back into
 * the tree after the parse (*restore), so they must read as they are. */
static bool cuttable(const html_doc *h, size_t tag, size_t from, size_t to, bool style,
                     bool *restore)
{
    *restore = false;
    const char *s = h->raw;
    if (to == from)
        return false;
    /* Right after the start tag, "</" is read as an end tag, and a tag
     * that closes the element (libxml2's htmlStartClose: <noscript> a
     * script, <body> or <frameset> a style) as that tag. */
    if (s[from] == '<' && from + 1 < to) {
        if (s[from + 1] == '/')
            return false;
        size_t n = from + 1;
        while (n < to && tag_name_byte(s[n]))
            n++;
        size_t nl = n - from - 1;
        if (style ? (nl == 4 && same_name(s + from + 1, "body", 4)) ||
                        (nl == 8 && same_name(s + from + 1, "frameset", 8))
                  : nl == 8 && same_name(s + from + 1, "noscript", 8))
            return false;
    }
    if (style)
        return true;
    /* JSON-LD by its type, which an entity may spell ("ld&#43;json"). */
    *restore = has_bytes_nocase(s + tag, from - tag, "ld+json") ||
               memchr(s + tag, '&', from - tag) != NULL;
    for (size_t k = 0; k < HTML_SCRIPT_DATE_KEYS && !*restore; k++)
        *restore = has_bytes(s + from, to - from, html_script_date_keys[k]);
    return !*restore || read_as_is((const unsigned char *)s + from, to - from);
}

static bool add_body(html_doc *h, html_cut *c, html_cut_body b)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 32;
        html_cut_body *grown = sc_arena_grow(h->arena, c->bodies, c->n, cap, sizeof *grown);
        if (grown == NULL)
            return false;
        c->bodies = grown;
        c->cap = cap;
    }
    c->bodies[c->n++] = b;
    return true;
}

/* Where an end tag at raw[p] ends, read as libxml2's htmlParseEndTag
 * reads it: after its '>', after the first '>' when something else follows
 * its name, and right after "</" when no name follows; SIZE_MAX at the end
 * of the input. */
static size_t end_tag_end(const char *s, size_t p, size_t len)
{
    size_t i = p + 2;
    if (i >= len || !(letter_byte(s[i]) || s[i] == '_' || s[i] == ':' || s[i] == '.'))
        return i;
    while (i < len && tag_name_byte(s[i]))
        i++;
    const char *gt = memchr(s + i, '>', len - i);
    return gt != NULL ? (size_t)(gt - s) + 1 : SIZE_MAX;
}

/* Copies raw[from..to)'s line breaks to out[*at..), in order. */
static void keep_line_breaks(const char *s, size_t from, size_t to, char *out, size_t *at)
{
    /* The next '\n' and the next '\r', each kept until passed. */
    size_t nl = from, cr = from;
    for (size_t k = from;;) {
        if (nl <= k)
            nl = next_byte(s, k, to, '\n');
        if (cr <= k)
            cr = next_byte(s, k, to, '\r');
        k = nl < cr ? nl : cr;
        if (k >= to)
            break;
        out[(*at)++] = s[k++];
    }
}

/* Finds the script and style bodies and the attributes of a UTF-8 page
 * (so without NULs) and, when any is cut, builds the text libxml2 parses.
 * Gives up (nothing cut) on what it does not read as libxml2 would. */
void html_cut_bodies(html_doc *h, html_cut *c)
{
    const char *s = h->raw;
    size_t len = h->raw_len;
    size_t cuts = 0, line_at = 0;
    for (size_t p = 0; p < len;) {
        const char *q = memchr(s + p, '<', len - p);
        if (q == NULL)
            break;
        p = (size_t)(q - s);
        if (p + 4 <= len && memcmp(q, "<!--", 4) == 0) {
            const char *e = comment_end(s, p + 4, len);
            if (e == NULL)
                break;
            p = (size_t)(e - s);
            continue;
        }
        if (p + 1 < len && s[p + 1] == '/') {
            p = end_tag_end(s, p, len);
            continue;
        }
        if (p + 1 >= len || !letter_byte(s[p + 1])) {
            p++;
            continue;
        }
        size_t n = p + 1;
        while (n < len && tag_name_byte(s[n]))
            n++;
        size_t tag_len = n - p - 1;
        if (tag_len >= NAME_MAX_BYTES)
            unread_off(c);
        bool script = tag_len == 6 && same_name(s + p + 1, "script", 6);
        bool style = tag_len == 5 && same_name(s + p + 1, "style", 5);
        bool closed = false;
        size_t first = c->n_attrs;
        size_t end = start_tag_end(h, c, p, tag_len, n, &closed);
        if (end == SIZE_MAX) {
            c->n_attrs = first; /* an unfinished tag's: nothing to check them by */
            break;
        }
        keep_meta_values(h, c, p, tag_len, first);
        size_t line = line_from(h, end, &line_at);
        for (size_t i = first; i < c->n_attrs; i++) {
            c->attrs[i].line = line;
            cuts += c->attrs[i].cut;
        }
        if (!script && !style) {
            p = end + (closed ? 2 : 1);
            continue;
        }
        html_cut_body b = {line, style, false, false, end + 1, end + 1, 0, 0};
        if (closed) {
            if (!add_body(h, c, b))
                goto give_up;
            p = end + 2;
            continue;
        }
        /* The body ends at the first "</script" (any case); one that goes
         * on as a longer name ("</scripts>") keeps libxml2 in the body. */
        const char *name = style ? "style" : "script";
        size_t nl = style ? 5 : 6;
        size_t close = SIZE_MAX;
        for (size_t k = end + 1; k < len;) {
            const char *lt = memchr(s + k, '<', len - k);
            if (lt == NULL)
                break;
            k = (size_t)(lt - s);
            if (k + 2 + nl <= len && s[k + 1] == '/' && same_name(s + k + 2, name, nl)) {
                close = k;
                break;
            }
            k++;
        }
        if (close == SIZE_MAX || close + 2 + nl >= len || tag_name_byte(s[close + 2 + nl]))
            goto give_up;
        b.to = close;
        b.cut = cuttable(h, p, b.from, b.to, style, &b.restore);
        if (!add_body(h, c, b))
            goto give_up;
        cuts += b.cut;
        p = close + 2;
    }
    if (!c->unread_on) {
        /* Given up on the way: what was counted of its attributes goes. */
        cuts = 0;
        for (size_t i = 0; i < c->n; i++)
            cuts += c->bodies[i].cut;
    }
    if (cuts == 0)
        goto give_up;
    c->text = malloc(len);
    if (c->text == NULL)
        goto give_up;
    /* Bodies and values, merged in the order of the page. */
    size_t at = 0, from = 0;
    for (size_t i = 0, j = 0; i < c->n || j < c->n_attrs;) {
        bool body = j >= c->n_attrs || (i < c->n && c->bodies[i].from < c->attrs[j].from);
        size_t *kept_at, *kept, cut_from, cut_to;
        if (body) {
            html_cut_body *b = &c->bodies[i++];
            if (!b->cut)
                continue;
            kept_at = &b->kept_at;
            kept = &b->kept;
            cut_from = b->from;
            cut_to = b->to;
        } else {
            html_cut_attr *a = &c->attrs[j++];
            if (!a->cut)
                continue;
            kept_at = &a->kept_at;
            kept = &a->kept;
            cut_from = a->from;
            cut_to = a->to;
        }
        memcpy(c->text + at, s + from, cut_from - from);
        at += cut_from - from;
        *kept_at = at;
        keep_line_breaks(s, cut_from, cut_to, c->text, &at);
        *kept = at - *kept_at;
        from = cut_to;
    }
    memcpy(c->text + at, s + from, len - from);
    c->len = at + len - from;
    return;
give_up:
    c->n = 0;
    c->n_attrs = 0;
    c->text = NULL;
}

/* Where the check of the tree has got to: the next body and attribute. */
typedef struct cut_check {
    size_t body, attr;
} cut_check;

/* Whether a value in the tree is cut text[at..at + n). */
static bool reads_as(const xmlAttr *a, const char *text, size_t at, size_t n)
{
    const xmlNode *v = a->children;
    if (v == NULL)
        return n == 0;
    return v->type == XML_TEXT_NODE && v->next == NULL && v->content != NULL &&
           strlen((const char *)v->content) == n && memcmp(v->content, text + at, n) == 0;
}

/* Whether attribute a of element tag (its line as libxml2 numbers it) is
 * the one noted in r. */
static bool attr_is(const html_doc *h, const html_cut *c, const html_cut_attr *r, const xmlAttr *a,
                    size_t name_len, const char *tag, size_t tag_len, long line)
{
    const char *name = (const char *)a->name;
    return r->tag_len == tag_len && same_name(h->raw + r->tag, tag, tag_len) &&
           r->name_len == name_len && same_name(h->raw + r->name, name, name_len) &&
           line == (long)(r->line < 65535 ? r->line : 65535) &&
           (!r->cut || reads_as(a, c->text, r->kept_at, r->kept));
}

/* The next noted attribute the tree should hold from c->attrs[i] on, past
 * repeats; with skip_tag, past every one of the tag of c->attrs[i] too. */
static size_t next_attr(const html_cut *c, size_t i, bool skip_tag)
{
    size_t tag = i < c->n_attrs ? c->attrs[i].tag : 0;
    while (i < c->n_attrs && (c->attrs[i].dropped || (skip_tag && c->attrs[i].tag == tag)))
        i++;
    return i;
}

/* Puts back a value cut in r: the tree holds its line breaks, and the
 * value is the bytes themselves (note_attr). */
static bool restore_value(const html_doc *h, xmlAttr *a, const html_cut_attr *r)
{
    xmlNode *v = a->children;
    if (v == NULL)
        return false;
    xmlNodeSetContentLen(v, (const xmlChar *)h->raw + r->from, (int)(r->to - r->from));
    return v->content != NULL;
}

/* Checks an element's attributes against the next ones noted and puts
 * back the values to restore; a tag libxml2 may drop is passed over when
 * its first attribute is not there. */
static bool attrs_match(const html_doc *h, const xmlNode *n, long line, const html_cut *c,
                        cut_check *at)
{
    const char *tag = (const char *)n->name;
    size_t tag_len = strlen(tag);
    for (xmlAttr *a = n->properties; a != NULL; a = a->next) {
        size_t name_len = strlen((const char *)a->name);
        size_t i = next_attr(c, at->attr, false);
        while (i < c->n_attrs && !attr_is(h, c, &c->attrs[i], a, name_len, tag, tag_len, line)) {
            const html_cut_attr *r = &c->attrs[i];
            if (!r->optional || (i > 0 && c->attrs[i - 1].tag == r->tag))
                return false;
            i = next_attr(c, i, true);
        }
        if (i >= c->n_attrs || (c->attrs[i].restore && !restore_value(h, a, &c->attrs[i])))
            return false;
        at->attr = i + 1;
    }
    return true;
}

/* Checks the tree of the cut text against the cuts: the same script and
 * style elements, in order, each on its start tag's line, and each cut
 * body read back as its line breaks alone; the same attributes, in
 * order, each cut value read back as its line breaks; puts back the
 * bodies and values we read. */
static bool cut_walk(const html_doc *h, xmlNode *node, const html_cut *c, cut_check *at)
{
    for (xmlNode *n = node; n != NULL; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)n->name;
        bool script = name[0] == 's' && strcmp(name, "script") == 0;
        bool style = name[0] == 's' && !script && strcmp(name, "style") == 0;
        long line = -1;
        if (n->properties != NULL && c->unread_on) {
            line = xmlGetLineNo(n);
            if (!attrs_match(h, n, line, c, at))
                return false;
        }
        if (script || style) {
            if (at->body >= c->n)
                return false;
            const html_cut_body *b = &c->bodies[at->body++];
            if (line == -1)
                line = xmlGetLineNo(n);
            if (b->style != style || line != (long)(b->line < 65535 ? b->line : 65535))
                return false;
            if (b->cut) {
                xmlNode *k = n->children;
                if (k == NULL
                        ? b->kept != 0
                        : k->type != XML_CDATA_SECTION_NODE || k->next != NULL ||
                              k->content == NULL || strlen((const char *)k->content) != b->kept ||
                              memcmp(k->content, c->text + b->kept_at, b->kept) != 0)
                    return false;
                /* One CDATA node, as libxml2 reads a whole body. */
                const xmlChar *body = (const xmlChar *)h->raw + b->from;
                int len = (int)(b->to - b->from);
                if (b->restore && k != NULL) {
                    xmlNodeSetContentLen(k, body, len);
                } else if (b->restore) {
                    k = xmlNewCDataBlock(n->doc, body, len);
                    if (k == NULL || xmlAddChild(n, k) == NULL) {
                        xmlFreeNode(k);
                        return false;
                    }
                }
                if (b->restore && k->content == NULL)
                    return false;
            }
        }
        if (!cut_walk(h, n->children, c, at))
            return false;
    }
    return true;
}

bool html_cut_matches(const html_doc *h, xmlDoc *doc, const html_cut *c)
{
    cut_check at = {0, 0};
    if (!cut_walk(h, doc->children, c, &at) || at.body != c->n)
        return false;
    /* What is left: repeats, and tags libxml2 may drop, whole. */
    for (size_t i = next_attr(c, at.attr, false); i < c->n_attrs; i = next_attr(c, i, true)) {
        if (!c->attrs[i].optional || (i > 0 && c->attrs[i - 1].tag == c->attrs[i].tag))
            return false;
    }
    return true;
}
