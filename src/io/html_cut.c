/* Script and style bodies cut before libxml2 parses a page (reader_html.c
 * asks; html.h says why and how the cut is checked). */

#include <stdbool.h>
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

static bool same_name(const char *s, const char *name, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
        if (c != name[i])
            return false;
    }
    return true;
}

/* Where a start tag's attributes end, read as libxml2's htmlParseStartTag
 * reads them: at its '>' (*closed false) or its "/>" (*closed true);
 * SIZE_MAX at the end of the input or an unclosed quote. */
static size_t start_tag_end(const char *s, size_t i, size_t len, bool *closed)
{
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
            while (i < len && tag_name_byte(s[i]))
                i++;
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
                    i = (size_t)(q - s) + 1;
                } else {
                    while (i < len && !blank_byte(s[i]) && s[i] != '>')
                        i++;
                }
            }
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

static size_t line_of(const html_doc *h, size_t p)
{
    size_t lo = 0, hi = h->n_lines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (h->line_starts[mid] <= p)
            lo = mid;
        else
            hi = mid;
    }
    return lo + 1;
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

/* Whether libxml2 reads body[0..n) as it is: it drops C0 controls but
 * tab, line feed and carriage return, and U+FFFE and U+FFFF (XML 1.0,
 * "Char"); the page is valid UTF-8 without NULs. */
static bool read_as_is(const unsigned char *body, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = body[i];
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            return false;
        if (c == 0xEF && i + 2 < n && body[i + 1] == 0xBF && (body[i + 2] & 0xFE) == 0xBE)
            return false;
    }
    return true;
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

/* Finds the script and style bodies of a UTF-8 page (so without NULs) and,
 * when any is cut, builds the text libxml2 parses.  Gives up (nothing cut) on what it does
 * not read as libxml2 would. */
void html_cut_bodies(html_doc *h, html_cut *c)
{
    const char *s = h->raw;
    size_t len = h->raw_len;
    size_t cuts = 0;
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
        if (p + 1 >= len || !letter_byte(s[p + 1])) {
            p++;
            continue;
        }
        size_t n = p + 1;
        while (n < len && tag_name_byte(s[n]))
            n++;
        bool script = n - p - 1 == 6 && same_name(s + p + 1, "script", 6);
        bool style = n - p - 1 == 5 && same_name(s + p + 1, "style", 5);
        if (!script && !style) {
            p = n;
            continue;
        }
        bool closed = false;
        size_t end = start_tag_end(s, n, len, &closed);
        if (end == SIZE_MAX)
            break;
        html_cut_body b = {line_of(h, end), style, false, false, end + 1, end + 1, 0, 0};
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
    if (cuts == 0)
        goto give_up;
    c->text = malloc(len);
    if (c->text == NULL)
        goto give_up;
    size_t at = 0, from = 0;
    for (size_t i = 0; i < c->n; i++) {
        html_cut_body *b = &c->bodies[i];
        if (!b->cut)
            continue;
        memcpy(c->text + at, s + from, b->from - from);
        at += b->from - from;
        b->kept_at = at;
        /* The next '\n' and the next '\r', each kept until passed. */
        size_t nl = b->from, cr = b->from;
        for (size_t k = b->from;;) {
            if (nl <= k)
                nl = next_byte(s, k, b->to, '\n');
            if (cr <= k)
                cr = next_byte(s, k, b->to, '\r');
            k = nl < cr ? nl : cr;
            if (k >= b->to)
                break;
            c->text[at++] = s[k++];
        }
        b->kept = at - b->kept_at;
        from = b->to;
    }
    memcpy(c->text + at, s + from, len - from);
    c->len = at + len - from;
    return;
give_up:
    c->n = 0;
    c->text = NULL;
}

/* Checks the tree of the cut text against the cuts: the same script and
 * style elements, in order, each on its start tag's line, and each cut
 * body read back as its line breaks alone; puts back the bodies we read. */
static bool cut_walk(const html_doc *h, xmlNode *node, const html_cut *c, size_t *i)
{
    for (xmlNode *n = node; n != NULL; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)n->name;
        bool script = name[0] == 's' && strcmp(name, "script") == 0;
        bool style = name[0] == 's' && !script && strcmp(name, "style") == 0;
        if (script || style) {
            if (*i >= c->n)
                return false;
            const html_cut_body *b = &c->bodies[(*i)++];
            long line = xmlGetLineNo(n);
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
        if (!cut_walk(h, n->children, c, i))
            return false;
    }
    return true;
}

bool html_cut_matches(const html_doc *h, xmlDoc *doc, const html_cut *c)
{
    size_t i = 0;
    return cut_walk(h, doc->children, c, &i) && i == c->n;
}
