/* The user's selectors (--summary-selector, --article-selector): an XPath
 * 1.0 expression, or a simple CSS selector translated to one.
 *
 * CSS understood: type selectors (div, *), .class, #id, their compounds
 * (div.summary#top), the descendant combinator (white space) and the
 * child combinator (>), as in Selectors Level 3 (W3C), sections 6 and 8.
 * The translation is the usual one (the one cssselect documents): .c is
 * contains(concat(' ', normalize-space(@class), ' '), ' c '). */
#include <string.h>

#include <libxml/xpath.h>

#include "html.h"
#include "core/arena.h"
#include "core/xml_quiet.h"

/* A selector longer than this is refused: a person types a selector, and
 * the XPath it becomes grows about 60 bytes per class. */
enum { SELECTOR_MAX_BYTES = 1024 };

static bool css_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || (unsigned char)c >= 0x80;
}

/* An XPath when it starts like one: a path, a parenthesis, or an axis. */
static bool looks_like_xpath(const char *s)
{
    while (*s == ' ')
        s++;
    return s[0] == '/' || s[0] == '(' || (s[0] == '.' && s[1] == '/') ||
           strncmp(s, "descendant", 10) == 0 || strncmp(s, "child::", 7) == 0;
}

/* Translates a CSS selector into out; false when it is not one we know. */
static bool css_to_xpath(const char *s, sc_buf *out)
{
    bool any = false;
    const char *axis = "//";
    for (;;) {
        bool space = false;
        while (*s == ' ' || *s == '\t') {
            s++;
            space = true;
        }
        if (*s == '\0')
            break;
        if (*s == '>') {
            if (!any)
                return false;
            axis = "/";
            s++;
            continue;
        }
        if (any && !space && axis[1] == '/')
            return false;
        sc_buf_puts(out, axis);
        axis = "//";
        /* The type selector, lower case as libxml2's HTML parser makes it. */
        if (*s == '*') {
            sc_buf_puts(out, "*");
            s++;
        } else if (css_name_char(*s)) {
            while (css_name_char(*s)) {
                char c = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
                sc_buf_append(out, &c, 1);
                s++;
            }
        } else {
            sc_buf_puts(out, "*");
        }
        while (*s == '.' || *s == '#') {
            char kind = *s++;
            const char *name = s;
            while (css_name_char(*s))
                s++;
            if (s == name)
                return false;
            if (kind == '.')
                sc_buf_puts(out, "[contains(concat(' ', normalize-space(@class), ' '), ' ");
            else
                sc_buf_puts(out, "[@id='");
            sc_buf_append(out, name, (size_t)(s - name));
            sc_buf_puts(out, kind == '.' ? " ')]" : "']");
        }
        if (*s != '\0' && *s != ' ' && *s != '\t' && *s != '>')
            return false; /* attribute selectors, pseudo-classes, lists */
        any = true;
    }
    /* A child combinator needs a right-hand side ("p >" is not one). */
    return any && axis[1] == '/' && !out->failed;
}

/* The XPath for a selector, in the arena; NULL when it is neither. */
static char *selector_xpath(sc_arena *arena, const char *selector)
{
    size_t n = strlen(selector);
    if (n == 0 || n > SELECTOR_MAX_BYTES)
        return NULL;
    if (looks_like_xpath(selector))
        return sc_arena_strndup(arena, selector, n);
    sc_buf b;
    sc_buf_init(&b);
    char *x = NULL;
    if (css_to_xpath(selector, &b))
        x = sc_arena_strndup(arena, b.data, b.len);
    sc_buf_release(&b);
    return x;
}

bool sc_html_selector_valid(const char *selector)
{
    sc_arena *arena = sc_arena_new();
    if (arena == NULL)
        return false;
    char *x = selector != NULL ? selector_xpath(arena, selector) : NULL;
    bool ok = false;
    if (x != NULL) {
        sc_xml_quiet();
        xmlXPathCompExprPtr comp = xmlXPathCompile((const xmlChar *)x);
        ok = comp != NULL;
        xmlXPathFreeCompExpr(comp);
    }
    sc_arena_free(arena);
    return ok;
}

html_el *html_select(html_doc *h, const char *selector)
{
    if (selector == NULL || h->doc == NULL)
        return NULL;
    char *x = selector_xpath(h->arena, selector);
    if (x == NULL)
        return NULL;
    sc_xml_quiet();
    xmlXPathContextPtr ctx = xmlXPathNewContext(h->doc);
    if (ctx == NULL)
        return NULL;
    xmlXPathObjectPtr res = xmlXPathEvalExpression((const xmlChar *)x, ctx);
    html_el *found = NULL;
    if (res != NULL && res->type == XPATH_NODESET && res->nodesetval != NULL) {
        /* The first element in document order (node sets are sorted). */
        for (int i = 0; i < res->nodesetval->nodeNr && found == NULL; i++) {
            xmlNode *node = res->nodesetval->nodeTab[i];
            if (node != NULL && node->type == XML_ATTRIBUTE_NODE)
                node = node->parent;
            else if (node != NULL && node->type == XML_TEXT_NODE)
                node = node->parent;
            html_el *e = html_el_of(node);
            if (e != NULL && !(e->flags & HF_GONE))
                found = e;
        }
    }
    xmlXPathFreeObject(res);
    xmlXPathFreeContext(ctx);
    return found;
}
