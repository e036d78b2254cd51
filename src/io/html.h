/* The HTML reader's shared state: the parsed page (libxml2's tree with our
 * own record per element), the raw byte spans of its text, and the helpers
 * the date finder (html_date.c) and the main-text extractor
 * (html_extract.c) use. */
#ifndef SC_IO_HTML_H
#define SC_IO_HTML_H

#include <libxml/HTMLparser.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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
    /* Memos, 0 until worked out: what its names say (html_extract.c, 1 +
     * the kind); whether it sits in an aside (html_date.c, 1 no, 2 yes). */
    int name_kind;
    int aside;
} html_el;

/* A text node that is not all white space: its bytes in the input (end 0
 * when not found), and its visible length (white-space runs inside count
 * as one) and commas, as html_el counts them; counted once for the
 * reader's and the extractor's measures.  A text node without one has
 * none of either. */
typedef struct html_text {
    size_t start, end;
    size_t text, commas;
} html_text;

typedef enum html_encoding {
    ENC_UTF8,   /* input bytes are the parsed text's bytes */
    ENC_SINGLE, /* a one-byte charset: each non-ASCII character is one byte */
    ENC_UTF16LE,
    ENC_UTF16BE,
    ENC_OTHER, /* multi-byte legacy charsets: spans are not mapped */
} html_encoding;

/* One remembered class name and what it says (html_extract.c). */
typedef struct html_name_memo {
    const char *name;
    uint16_t len;
    signed char kind[2]; /* by "long text"; -1 until worked out */
} html_name_memo;

/* What the reader knows of one page; the parsed xmlDoc's _private points
 * back at it while the page is read. */
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
    html_el *date_line;    /* the short element that states the page date, or NULL */
    html_el *article;      /* the article's container once found, or NULL */
    html_el *article_root; /* what the article is rendered from: the container, or an
                            * ancestor when prose outside it joins */
    size_t *line_starts;   /* byte where each line (1-based index - 1) starts */
    size_t n_lines;
    /* Whether raw is valid UTF-8 (and where it is not), checked once. */
    bool utf8_checked, utf8_ok;
    size_t utf8_bad;
    html_name_memo *name_memo; /* NULL until extraction asks */
} html_doc;

static inline html_el *html_el_of(const xmlNode *node)
{
    return node != NULL && node->type == XML_ELEMENT_NODE ? (html_el *)node->_private : NULL;
}

/* The tag of an element's name (lower case, as libxml2 gives it). */
html_tag html_tag_of(const xmlChar *name);

/* The value of attribute name (lower case) of an element, or NULL.  Only
 * names html_cut_keeps_attr keeps may be asked for: other values may have
 * been cut before the parse. */
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

/* ---- script and style bodies, attribute values (html_cut.c) ---- */

/* libxml2 reads a <script> or <style> body one character at a time, and
 * such bodies are about half the bytes of a news page; we read none of
 * them but JSON-LD and scripts that name a publication time (html_date.c).
 * So libxml2 parses a copy of the page with every other body cut down to
 * its line breaks: line numbers, and with them the place of each text
 * node in the input, stay the page's.  A body is cut only where libxml2
 * 2.9's reading of it is plain (its end is the first "</script" or
 * "</style"; HTML 4.01, appendix B.3.2), and the tree is checked against
 * the cuts afterwards: the page is parsed whole when they disagree.
 *
 * Attribute values cost libxml2 about a hundred instructions a byte, and
 * most of their bytes are in attributes the reader never reads (SVG
 * paths, image sources, data-* and event handlers): a quoted value of an
 * attribute html_cut_keeps_attr does not keep is cut the same way, and
 * checked the same way.  So is a kept one that libxml2 would read as its
 * very bytes (no entity in it), put back into the tree after the check. */
typedef struct html_cut_body {
    size_t line; /* the start tag's, as libxml2 numbers its element */
    bool style;
    bool cut;
    bool restore;         /* cut, then put back into the tree after the parse */
    size_t from, to;      /* the body, cut: raw[from..to) */
    size_t kept_at, kept; /* its line breaks in the cut text */
} html_cut_body;

/* An attribute on a start tag libxml2 is expected to read as one. */
typedef struct html_cut_attr {
    size_t line;           /* its element's, as libxml2 numbers it */
    size_t tag, tag_len;   /* the element's name: raw[tag..tag + tag_len) */
    size_t name, name_len; /* the attribute's name in raw */
    bool cut;              /* its value cut to its line breaks */
    bool restore;          /* cut, then put back into the tree after the parse */
    bool dropped;          /* a repeat, which libxml2 leaves out */
    bool optional;         /* of a tag libxml2 may drop whole */
    size_t from, to;       /* the quoted value: raw[from..to) */
    size_t kept_at, kept;  /* its line breaks in the cut text */
} html_cut_attr;

typedef struct html_cut {
    char *text; /* what libxml2 parses (malloc'd), NULL when nothing is cut */
    size_t len;
    html_cut_body *bodies; /* every script and style start tag, in order */
    size_t n, cap;
    /* Set by the caller: whether the values of attributes the reader
     * never reads may be cut (not when a user's XPath may read them). */
    bool unread_on;
    html_cut_attr *attrs; /* every attribute, in order */
    size_t n_attrs, cap_attrs;
} html_cut;

/* Finds the script and style bodies and the attributes of a page that is
 * valid UTF-8 (so without NULs) and, when any is cut, sets c->text
 * (malloc'd, the caller frees it) to the text libxml2 is to parse; c->text
 * stays NULL when nothing is cut or the page is not read as libxml2 2.9
 * would. */
void html_cut_bodies(html_doc *h, html_cut *c);

/* Whether the tree parsed from c->text has exactly the script and style
 * elements and the attributes of the cut, each cut body or value read
 * back as its line breaks; puts back into the tree the bodies the reader
 * reads (JSON-LD, scripts with a date key) and the values it reads.
 * false: parse the page whole. */
bool html_cut_matches(const html_doc *h, xmlDoc *doc, const html_cut *c);

/* Whether the reader reads attribute name[0..n) (any case) of element
 * tag[0..tag_n): html_attr is only ever asked for these, and the values
 * of all others may be cut before the parse. */
bool html_cut_keeps_attr(const char *name, size_t n, const char *tag, size_t tag_n);

/* ---- rendering the page's text (reader_html.c) ---- */

/* One paragraph (a run of text in one block) of rendered text. */
typedef struct html_para {
    html_el *el;
    size_t start, end;    /* in the rendered text */
    const xmlNode *first; /* first and last text node of the run */
    const xmlNode *last;
} html_para;

/* Renders elements to text: white space collapsed, blocks on lines of
 * their own; with record set, keeps each paragraph's place. */
typedef struct html_render {
    html_doc *h;
    sc_buf out;
    unsigned skip; /* elements with any of these flags are left out */
    int pending;   /* 0 nothing, 1 space, 2 line break, 3 paragraph break */
    int pre;
    bool record;
    bool failed;
    html_para *recs;
    size_t n_recs, cap_recs;
    bool run_open;
    size_t run_start;
    html_el *run_el;
    const xmlNode *run_first, *run_last;
} html_render;

/* Renders node's children (block: the element their text belongs to). */
void html_render_walk(html_render *r, xmlNode *node, html_el *block);
/* A break before what comes next: 1 space, 2 line, 3 paragraph. */
void html_render_break(html_render *r, int level);
/* Ends the current paragraph record. */
void html_render_close(html_render *r);
/* The rendered text, copied into the arena (NULL when out of memory);
 * releases the buffer but not the records. */
char *html_render_finish(html_render *r, size_t *len);

/* Matches decoded text t[0..n) at raw[p]; returns its end in the input, or
 * SIZE_MAX. */
size_t html_match_at(const html_doc *h, size_t p, const unsigned char *t, size_t n);

/* Flags an element and its whole subtree. */
void html_mark_tree(html_el *e, unsigned flag);

/* True when a is e or one of its ancestors. */
bool html_is_ancestor(const html_el *a, const html_el *e);

/* ---- html_summary.c: the AI summary, its disclaimer, the credit ---- */

/* Finds the disclaimer and the summary block (or takes the user's: a
 * non-NULL chosen), adds their blocks to the page and the summary text
 * (field summary), and marks them HF_SUMMARY so the article leaves them
 * out. */
sc_status html_read_summary(html_doc *h, html_el *article, html_el *chosen, sc_page *page);

/* The article's closing credit line among the rendered paragraphs of
 * text[0..len): the paragraph index (SIZE_MAX when none) and where in text
 * the credit starts. */
size_t html_find_credit(const html_render *r, const char *text, size_t len, size_t *credit_at);

/* Adds the credit's block and the blocks of what follows it (extraneous
 * content) to the page. */
sc_status html_add_credit_blocks(html_doc *h, const html_render *r, const char *text,
                                 size_t credit_rec, size_t credit_at, sc_page *page);

/* ---- html_select.c: the user's selectors ---- */

/* The first visible element the selector (an XPath, or a simple CSS
 * selector) picks on the page, or NULL. */
html_el *html_select(html_doc *h, const char *selector);

/* The JSON keys ("\"datePublished\"", quotes and all) html_date.c looks
 * for in scripts other than JSON-LD. */
#define HTML_SCRIPT_DATE_KEYS 9
extern const char *const html_script_date_keys[HTML_SCRIPT_DATE_KEYS];

/* html_date.c: the page's date (published, not modified) with its origin,
 * text, timestamp and the page-date block. */
sc_status html_find_date(html_doc *h, sc_page *page);

/* A date in free text (the first one), for dates near the title: its
 * bytes [*start, *end) in s.  lang may be NULL. */
bool html_date_in_text(const char *s, size_t len, const char *lang, sc_date *date, size_t *start,
                       size_t *end);

/* html_extract.c: marks HF_DROP on what is not the article and returns the
 * element that holds it (NULL when the page has no text); sets
 * h->article_root to the element to render the article from. */
html_el *html_extract_article(html_doc *h);

/* libxml2's allocations on this thread come from a per-page arena from
 * html_memory_begin to html_memory_end (html_memory.c), which releases
 * the page's document (NULL: none left) and everything else libxml2
 * allocated meanwhile.  Not nested; per thread. */
void html_memory_begin(void);
void html_memory_end(xmlDoc *doc);

#endif
