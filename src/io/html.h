/* The HTML reader's shared state: the parsed page (libxml2's tree with our
 * own record per element), the raw byte spans of its text, and the helpers
 * the date finder (html_date.c) and the main-text extractor
 * (html_extract.c) use. */
#ifndef SC_IO_HTML_H
#define SC_IO_HTML_H

#include <libxml/HTMLparser.h>
#include <stdbool.h>
#include <stddef.h>

#include "io.h"
#include "core/buf.h"

/* Element nesting.  Walks over the tree recurse, and real pages stay well
 * under a hundred levels; a deeper page is refused before its tree grows
 * (libxml2 itself only stops at 256 without XML_PARSE_HUGE, silently). */
#define SC_HTML_MAX_DEPTH 2000

/* Tags ("<" bytes) in one page: bounds the tree's memory (libxml2 spends
 * about 150 bytes a node) whatever the input limit allows. */
#define SC_HTML_MAX_TAGS ((size_t)2000000)

typedef enum html_tag {
    T_OTHER = 0,
    T_A,
    T_ABBR,
    T_ADDRESS,
    T_ARTICLE,
    T_ASIDE,
    T_AUDIO,
    T_B,
    T_BLOCKQUOTE,
    T_BODY,
    T_BR,
    T_BUTTON,
    T_CANVAS,
    T_CAPTION,
    T_CENTER,
    T_CODE,
    T_DD,
    T_DETAILS,
    T_DIALOG,
    T_DIV,
    T_DL,
    T_DT,
    T_EM,
    T_EMBED,
    T_FIELDSET,
    T_FIGCAPTION,
    T_FIGURE,
    T_FONT,
    T_FOOTER,
    T_FORM,
    T_H1,
    T_H2,
    T_H3,
    T_H4,
    T_H5,
    T_H6,
    T_HEAD,
    T_HEADER,
    T_HR,
    T_HTML,
    T_I,
    T_IFRAME,
    T_IMG,
    T_INPUT,
    T_LABEL,
    T_LI,
    T_LINK,
    T_MAIN,
    T_MAP,
    T_MATH,
    T_MENU,
    T_META,
    T_NAV,
    T_NOSCRIPT,
    T_OBJECT,
    T_OL,
    T_OPTION,
    T_P,
    T_PICTURE,
    T_PRE,
    T_Q,
    T_S,
    T_SCRIPT,
    T_SECTION,
    T_SELECT,
    T_SMALL,
    T_SPAN,
    T_STRONG,
    T_STYLE,
    T_SUB,
    T_SUMMARY,
    T_SUP,
    T_SVG,
    T_TABLE,
    T_TBODY,
    T_TD,
    T_TEMPLATE,
    T_TEXTAREA,
    T_TFOOT,
    T_TH,
    T_THEAD,
    T_TIME,
    T_TITLE,
    T_TR,
    T_U,
    T_UL,
    T_VIDEO,
    T_COUNT
} html_tag;

enum {
    HF_GONE = 1u << 0,     /* never text: scripts, styles, forms' controls, hidden */
    HF_CHROME = 1u << 1,   /* page chrome by its tag: nav, header, footer, aside */
    HF_BOILER = 1u << 2,   /* boilerplate by its class or id (share, related, ...) */
    HF_CONTENT = 1u << 3,  /* a main-content hint (article, articleBody, "content") */
    HF_SUMMARY = 1u << 4,  /* the AI summary block or its disclaimer */
    HF_DROP = 1u << 5,     /* left out of the article by the extractor */
    HF_BLOCK = 1u << 6,    /* a block-level element: text around it breaks */
    HF_HEADING = 1u << 7,  /* h1..h6 */
    HF_LINKLIST = 1u << 8, /* a list or block that is mostly links */
};

/* One element of the page. */
typedef struct html_el {
    xmlNode *node;
    struct html_el *parent;
    html_tag tag;
    unsigned flags;
    unsigned depth;
    size_t order;      /* document order */
    const char *names; /* class and id, lower-cased, " "-separated; "" if none */
    /* Visible text in the subtree (white space collapsed), the part of it
     * inside links, commas, and text blocks with real prose. */
    size_t text;
    size_t links;
    size_t commas;
    size_t prose_blocks;
    size_t start, end; /* raw bytes of its text in the input; end 0 when unknown */
    double score;
} html_el;

/* A text node's bytes in the input (end 0 when not found). */
typedef struct html_text {
    size_t start, end;
} html_text;

typedef enum html_encoding {
    ENC_UTF8,   /* input bytes are the parsed text's bytes */
    ENC_SINGLE, /* a one-byte charset: each non-ASCII character is one byte */
    ENC_UTF16LE,
    ENC_UTF16BE,
    ENC_OTHER, /* multi-byte legacy charsets: spans are not mapped */
} html_encoding;

typedef struct html_doc {
    sc_arena *arena;
    const char *raw;
    size_t raw_len;
    html_encoding encoding;
    xmlDoc *doc;
    html_el *els;
    size_t n_els;
    html_el *root;
    html_el *body;
    const char *lang; /* <html lang>'s primary subtag, lower case, or NULL */
    size_t total_text;
    html_el *date_line;  /* the short element that states the page date, or NULL */
    size_t *line_starts; /* byte where each line (1-based index - 1) starts */
    size_t n_lines;
} html_doc;

static inline html_el *html_el_of(const xmlNode *node)
{
    return node != NULL && node->type == XML_ELEMENT_NODE ? (html_el *)node->_private : NULL;
}

/* The value of attribute name (lower case) of an element, or NULL. */
const char *html_attr(const xmlNode *node, const char *name);

/* True when a token of the element's class or id starts with one of the
 * keywords (exact match for those written with a trailing '='). */
bool html_names_match(const char *names, const char *const *keywords, size_t n);

/* The element's visible text, white space collapsed, blocks on lines of
 * their own; skipping elements with any of the skip flags. */
char *html_text_of(html_doc *h, xmlNode *node, unsigned skip, size_t *len);

/* Byte span in the input of an element's text, or of an attribute value of
 * it; false when it cannot be placed. */
bool html_span_of(const html_doc *h, const xmlNode *node, size_t *start, size_t *end);
bool html_attr_span(const html_doc *h, const xmlNode *node, const char *value, size_t *start,
                    size_t *end);

/* Lower-cases ASCII of s[0..n) into out (cap bytes, NUL-terminated). */
size_t html_lower(const char *s, size_t n, char *out, size_t cap);

/* html_date.c: the page's date (published, not modified) with its origin,
 * text, timestamp and the page-date block. */
sc_status html_find_date(html_doc *h, sc_page *page);

/* A date in free text (the first one), for dates near the title: its
 * bytes [*start, *end) in s.  lang may be NULL. */
bool html_date_in_text(const char *s, size_t len, const char *lang, sc_date *date, size_t *start,
                       size_t *end);

/* html_extract.c: marks HF_DROP on what is not the article and returns the
 * element that holds it (NULL when the page has no text). */
html_el *html_extract_article(html_doc *h);

#endif
