/* Main-text extraction: which part of the page is the article.
 *
 * Generic signals only, the ones readability, boilerpipe and jusText rest
 * on: page chrome by its tag (nav, header, footer, aside), boilerplate by
 * the words web developers name it with (share, related, comment, sidebar,
 * ...), text density (paragraphs of prose score, commas count), link
 * density (menus and teaser lists are mostly links), and markup that names
 * the article (<article>, itemprop=articleBody, classes with "content",
 * "entry", "post", "article", "story").  The container with the best score
 * wins; its siblings with prose join it; inside it, chrome, boilerplate
 * and link lists are dropped. */
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "core/once.h"

/* Words that name boilerplate in class and id attributes (a word of a
 * class name starting with one; "=" means the whole word).  Class names
 * split into words at "-" and "_": "entry-meta" is entry + meta. */
static const char *const boiler_words[] = {
    "nav",      "menu",      "breadcrumb", "footer",    "sidebar",     "widget",     "share",
    "sharing",  "social",    "comment",    "related",   "recommend",   "newsletter", "subscri",
    "signup",   "cookie",    "consent",    "banner",    "advert",      "ad=",        "ads=",
    "adv=",     "adsense",   "sponsor",    "promo",     "popup",       "modal",      "tags=",
    "tag=",     "tagcloud",  "pagination", "pager",     "toolbar",     "skip",       "masthead",
    "byline",   "print",     "rating",     "login",     "search",      "trending",   "popular",
    "outbrain", "taboola",   "disqus",     "sr=",       "hidden",      "screen",     "copyright",
    "meta=",    "postmeta",  "author",     "follow",    "donate",      "facebook",   "twitter",
    "whatsapp", "pinterest", "linkedin",   "category=", "categories=", "breaking",   "header=",
    "topbar",   "more=",     "readmore",   "also=",     "teaser",      "caption",    "credit",
    "gallery",  "date=",     "dateline=",  "storymeta", "prev",        "next",       "reply",
    "respond",  "bio=",      "jump",       "tooltip",   "dropdown",    "overlay",    "alert",
    "notice",   "subnav",    "submenu",    "community", "rss",         "shoutbox",   "skyscraper",
    "gdpr",     "legal",     "supplement", "remark",    "extra=",      "hdr=",       "subscription",
};

/* Boilerplate words that decide a class name whatever else it says
 * ("comment-content", "screen-reader-text", "related-posts"). */
static const char *const strong_words[] = {
    "screen",     "hidden",     "sr=",        "skip",      "comment", "related", "cookie",
    "newsletter", "advert",     "sponsor",    "outbrain",  "taboola", "disqus",  "popup",
    "modal",      "breadcrumb", "pagination", "recommend", "author",
};

/* Words of accessibility helpers: they hide labels and links. */
static const char *const a11y_words[] = {"screen", "hidden", "sr=", "skip"};
/* More text than an accessibility helper ever holds. */
enum { A11Y_MAX_TEXT = 80 };

/* Words that name the article's container. */
static const char *const content_words[] = {
    "article", "content", "entry", "hentry", "post",  "story",    "body=",       "main",
    "text",    "blog",    "page=", "single", "prose", "richtext", "articlebody", "story",
};

/* WordPress and friends label a post with its taxonomy ("category-news",
 * "tag-bonn", "author-kinra"): such a class says nothing about layout,
 * unless its second word names a component ("author-box"). */
static const char *const taxonomy_words[] = {
    "category=", "tag=", "tags=", "author=", "format=", "status=", "type="};
static const char *const component_words[] = {
    "box=",   "bio=",       "info=",  "name=",  "details=",    "avatar=", "meta=",
    "wrap",   "container=", "list=",  "links=", "area=",       "block=",  "section=",
    "widget", "cloud=",     "title=", "link=",  "description="};

static const char *const modifier_words[] = {
    "no=", "has=", "with=", "is=", "show=", "enable=", "disable=", "without=", "hide=", "can="};

static bool word_in(const char *w, size_t wl, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        const char *kw = list[k];
        /* Words are never empty: the first byte rules out most keywords
         * before their length is taken (this runs per class word). */
        if (kw[0] != w[0])
            continue;
        size_t kl = strlen(kw);
        if (kw[kl - 1] == '=') {
            if (wl == kl - 1 && memcmp(w, kw, kl - 1) == 0)
                return true;
        } else if (wl >= kl && memcmp(w, kw, kl) == 0) {
            return true;
        }
    }
    return false;
}

#define IN(w, wl, list) word_in(w, wl, list, sizeof list / sizeof list[0])

enum { NAME_NONE = 0, NAME_BOILER = 1, NAME_CONTENT = 2, NAME_STRONG = 4 };

/* The word lists above, one bit each: a class word's bits say which of
 * them hold it, so a word is looked up once rather than per list. */
enum {
    IN_TAXONOMY = 1 << 0,
    IN_COMPONENT = 1 << 1,
    IN_MODIFIER = 1 << 2,
    IN_A11Y = 1 << 3,
    IN_STRONG = 1 << 4,
    IN_BOILER = 1 << 5,
    IN_CONTENT = 1 << 6,
};

typedef struct name_word {
    const char *word;
    uint8_t len;   /* without the "=" */
    bool whole;    /* "=": the whole class word, not a prefix of it */
    uint8_t lists; /* IN_ bits */
} name_word;

/* Every keyword of every list (about 180), ordered by first byte, and
 * where each first byte's keywords start: built once, at first use. */
enum { NAME_WORDS_MAX = 256 };
static name_word name_words[NAME_WORDS_MAX];
static uint16_t name_word_start[257];
static atomic_int name_words_state = SC_ONCE_EMPTY;

static bool build_name_words(void)
{
    static const struct {
        const char *const *list;
        size_t n;
        uint8_t bit;
    } lists[] = {
#define LIST(l, bit) {l, sizeof l / sizeof l[0], bit}
        LIST(taxonomy_words, IN_TAXONOMY), LIST(component_words, IN_COMPONENT),
        LIST(modifier_words, IN_MODIFIER), LIST(a11y_words, IN_A11Y),
        LIST(strong_words, IN_STRONG),     LIST(boiler_words, IN_BOILER),
        LIST(content_words, IN_CONTENT),
#undef LIST
    };
    size_t count[256] = {0}, total = 0;
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
        for (size_t k = 0; k < lists[l].n; k++) {
            size_t kl = strlen(lists[l].list[k]);
            if (kl == 0 || kl > UINT8_MAX || total == NAME_WORDS_MAX)
                return false; /* word_in's path handles every list */
            count[(unsigned char)lists[l].list[k][0]]++;
            total++;
        }
    size_t at = 0;
    for (size_t b = 0; b < 256; b++) {
        name_word_start[b] = (uint16_t)at;
        at += count[b];
        count[b] = name_word_start[b];
    }
    name_word_start[256] = (uint16_t)at;
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
        for (size_t k = 0; k < lists[l].n; k++) {
            const char *kw = lists[l].list[k];
            size_t kl = strlen(kw);
            bool whole = kw[kl - 1] == '=';
            name_words[count[(unsigned char)kw[0]]++] =
                (name_word){kw, (uint8_t)(whole ? kl - 1 : kl), whole, lists[l].bit};
        }
    return true;
}

/* Which lists hold the class word w[0..wl) (never empty), as IN_ bits:
 * IN(w, wl, list) for each list at once. */
static unsigned word_lists(const char *w, size_t wl)
{
    if (!sc_once_ready(&name_words_state, build_name_words)) {
        unsigned in = 0;
        in |= IN(w, wl, taxonomy_words) ? IN_TAXONOMY : 0;
        in |= IN(w, wl, component_words) ? IN_COMPONENT : 0;
        in |= IN(w, wl, modifier_words) ? IN_MODIFIER : 0;
        in |= IN(w, wl, a11y_words) ? IN_A11Y : 0;
        in |= IN(w, wl, strong_words) ? IN_STRONG : 0;
        in |= IN(w, wl, boiler_words) ? IN_BOILER : 0;
        in |= IN(w, wl, content_words) ? IN_CONTENT : 0;
        return in;
    }
    unsigned in = 0;
    unsigned char b = (unsigned char)w[0];
    for (size_t k = name_word_start[b]; k < name_word_start[b + 1]; k++) {
        const name_word *kw = &name_words[k];
        if ((kw->whole ? wl == kw->len : wl >= kw->len) && memcmp(w, kw->word, kw->len) == 0)
            in |= kw->lists;
    }
    return in;
}

/* One class name (or id): what its words say, the last word that says
 * anything deciding ("entry-meta" is boilerplate, "post-content" content). */
static int classify_name(const char *s, size_t n, bool long_text)
{
    const char *words[8];
    size_t lens[8], nw = 0;
    for (size_t i = 0; i < n && nw < 8;) {
        while (i < n && (s[i] == '-' || s[i] == '_'))
            i++;
        size_t w = i;
        while (i < n && s[i] != '-' && s[i] != '_')
            i++;
        if (i > w) {
            words[nw] = s + w;
            lens[nw++] = i - w;
        }
    }
    if (nw == 0)
        return NAME_NONE;
    unsigned in[8];
    for (size_t k = 0; k < nw; k++)
        in[k] = word_lists(words[k], lens[k]);
    if (nw >= 2 && (in[0] & IN_TAXONOMY) && !(in[1] & IN_COMPONENT))
        return NAME_NONE;
    /* State modifiers ("no-share", "has-sidebar", "is-sticky") say what
     * the element has or does, not what it is. */
    if (nw >= 2 && (in[0] & IN_MODIFIER))
        return NAME_NONE;
    if (nw >= 2 && lens[0] == 4 && memcmp(words[0], "post", 4) == 0 && lens[1] == 3 &&
        memcmp(words[1], "tag", 3) == 0)
        return NAME_NONE;
    int kind = NAME_NONE, strong = 0;
    for (size_t k = 0; k < nw; k++) {
        /* "visually-hidden", "screen-reader-text", "skip-link" hide a
         * label or a link, never a whole text: an element with much text
         * is named so for another reason ("field-label-hidden" says its
         * label is hidden). */
        if (long_text && (in[k] & IN_A11Y))
            continue;
        if (in[k] & IN_STRONG)
            strong = NAME_STRONG;
        if (in[k] & IN_BOILER)
            kind = NAME_BOILER;
        else if (in[k] & IN_CONTENT)
            kind = NAME_CONTENT;
    }
    return strong ? NAME_STRONG | NAME_BOILER : kind;
}

/* classify_name, remembered per page: a page repeats its class names
 * hundreds of times ("menu-item", "col-md-6"), and each costs a pass over
 * every word list.  Direct-mapped on a hash of the name; the names live
 * in the page's arena as long as the memo. */
enum { NAME_MEMO_SLOTS = 1024 };

static int classify_name_memo(html_name_memo *memo, const char *s, size_t n, bool long_text)
{
    if (memo == NULL || n > UINT16_MAX)
        return classify_name(s, n, long_text);
    uint32_t hash = 2166136261u;
    for (size_t i = 0; i < n; i++)
        hash = (hash ^ (unsigned char)s[i]) * 16777619u;
    html_name_memo *m = &memo[hash & (NAME_MEMO_SLOTS - 1)];
    if (m->name == NULL || m->len != n || memcmp(m->name, s, n) != 0) {
        m->name = s;
        m->len = (uint16_t)n;
        m->kind[0] = m->kind[1] = -1;
    }
    if (m->kind[long_text] < 0)
        m->kind[long_text] = (signed char)classify_name(s, n, long_text);
    return m->kind[long_text];
}

/* The element's names (class, id, itemprop, role, " "-separated). */
static int classify_names(const html_el *e)
{
    html_doc *h = e->node->doc != NULL ? e->node->doc->_private : NULL;
    if (h != NULL && h->name_memo == NULL)
        h->name_memo = sc_arena_calloc(h->arena, NAME_MEMO_SLOTS, sizeof *h->name_memo);
    html_name_memo *memo = h != NULL ? h->name_memo : NULL;
    int all = 0;
    const char *p = e->names;
    while (*p) {
        while (*p == ' ')
            p++;
        const char *w = p;
        while (*p && *p != ' ')
            p++;
        if (p > w)
            all |= classify_name_memo(memo, w, (size_t)(p - w), e->text > A11Y_MAX_TEXT);
    }
    return all;
}

/* What the names say, worked out once per element (extraction asks
 * several times per element; e->text no longer changes by then). */
static int classify(const html_el *e)
{
    html_el *m = html_el_of(e->node);
    if (m == NULL)
        return e->names[0] != '\0' ? classify_names(e) : NAME_NONE;
    if (m->name_kind == 0)
        m->name_kind = 1 + (e->names[0] != '\0' ? classify_names(e) : NAME_NONE);
    return m->name_kind - 1;
}

static bool boiler(const html_el *e)
{
    int k = classify(e);
    return (k & NAME_STRONG) || ((k & NAME_BOILER) && !(k & NAME_CONTENT));
}

static bool content_hint(const html_el *e)
{
    if (e->tag == T_ARTICLE || e->tag == T_MAIN)
        return true;
    int k = classify(e);
    return (k & NAME_CONTENT) && !(k & NAME_STRONG);
}

static bool chrome_tag(const html_el *e)
{
    switch (e->tag) {
    case T_NAV:
    case T_ASIDE:
    case T_FOOTER:
    case T_MENU:
    case T_HEADER:
        return true;
    default:
        return false;
    }
}

static bool inside(const html_el *e, html_tag tag)
{
    for (const html_el *p = e->parent; p != NULL; p = p->parent)
        if (p->tag == tag)
            return true;
    return false;
}

/* Per element: text that is not chrome or boilerplate. */
typedef struct clean {
    size_t text, links, commas;
    size_t good; /* text in paragraphs of prose (not links) */
    double score;
    bool scored;
} clean;

typedef struct extract {
    html_doc *h;
    clean *c;
} extract;

static void measure_clean(extract *x, html_el *e)
{
    clean *ce = &x->c[e->order];
    bool in_link = e->tag == T_A;
    for (xmlNode *n = e->node->children; n != NULL; n = n->next) {
        if (n->type == XML_TEXT_NODE) {
            /* Counted once, as the reader measured it (html_text). */
            const html_text *t = n->_private;
            if (t != NULL) {
                ce->text += t->text;
                ce->commas += t->commas;
                if (in_link)
                    ce->links += t->text;
            }
            continue;
        }
        html_el *k = html_el_of(n);
        if (k == NULL || (k->flags & HF_GONE))
            continue;
        measure_clean(x, k);
        if (k->flags & (HF_CHROME | HF_BOILER))
            continue;
        clean *ck = &x->c[k->order];
        ce->text += ck->text;
        ce->links += in_link ? ck->text : ck->links;
        ce->commas += ck->commas;
        ce->good += ck->good;
    }
    bool para = e->tag == T_P || e->tag == T_PRE || e->tag == T_BLOCKQUOTE || e->tag == T_TD ||
                e->tag == T_DD || e->tag == T_LI || e->tag == T_H2 || e->tag == T_H3 ||
                ((e->tag == T_DIV || e->tag == T_SECTION) && ce->good == 0);
    if (para && ce->good == 0 && ce->text >= 25 && ce->links * 10 < ce->text * 3)
        ce->good = ce->text;
}

static double link_density(const clean *c)
{
    return c->text > 0 ? (double)c->links / (double)c->text : 0;
}

static bool paragraph_tag(html_tag t)
{
    return t == T_P || t == T_PRE || t == T_TD || t == T_BLOCKQUOTE || t == T_DD || t == T_LI;
}

/* Text directly in an element, not in child blocks (a div used as a
 * paragraph). */
static size_t own_text(const html_el *e)
{
    size_t n = 0;
    for (xmlNode *c = e->node->children; c != NULL; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content != NULL) {
            for (const xmlChar *p = c->content; *p; p++)
                n += *p != ' ' && *p != '\n' && *p != '\t' && *p != '\r';
        } else {
            const html_el *k = html_el_of(c);
            if (k != NULL && !(k->flags & (HF_BLOCK | HF_GONE)))
                n += k->text;
        }
    }
    return n;
}

static double tag_weight(html_tag t)
{
    switch (t) {
    case T_DIV:
    case T_ARTICLE:
    case T_MAIN:
    case T_SECTION:
        return 5;
    case T_PRE:
    case T_TD:
    case T_BLOCKQUOTE:
        return 3;
    case T_ADDRESS:
    case T_OL:
    case T_UL:
    case T_DL:
    case T_DD:
    case T_DT:
    case T_LI:
    case T_FORM:
        return -3;
    case T_H1:
    case T_H2:
    case T_H3:
    case T_H4:
    case T_H5:
    case T_H6:
    case T_TH:
        return -5;
    default:
        return 0;
    }
}

static double class_weight(const html_el *e)
{
    double w = 0;
    if (content_hint(e))
        w += 25;
    if (boiler(e))
        w -= 25;
    const char *ip = html_attr(e->node, "itemprop");
    if (ip != NULL && strstr(ip, "articleBody") != NULL)
        w += 50;
    return w;
}

static bool dropped(const html_el *e)
{
    for (; e != NULL; e = e->parent)
        if (e->flags & (HF_CHROME | HF_BOILER | HF_GONE))
            return true;
    return false;
}

static void add_score(extract *x, html_el *e, double s)
{
    clean *c = &x->c[e->order];
    if (!c->scored) {
        c->scored = true;
        c->score = tag_weight(e->tag) + class_weight(e);
    }
    c->score += s;
}

static bool article_body(const html_el *e)
{
    const char *ip = html_attr(e->node, "itemprop");
    return ip != NULL && strstr(ip, "articleBody") != NULL;
}

/* jusText's defaults (length_low, length_high), in characters of
 * collapsed text: shorter than LOW is never prose on its own; longer
 * than HIGH with few links is.  (prose_wrapper, which has only byte
 * counts, uses LOW as bytes.) */
enum { PROSE_LOW = 70, PROSE_HIGH = 200 };

/* Several paragraphs of prose and hardly a link: whatever a layout word
 * in its class says ("c-fixed-sidebar-layout", "sharing-container"), the
 * element holds text, as boilerplate (share bars, menus, teaser lists)
 * never does.  Words that name other texts (comments, related stories)
 * still decide. */
enum { PROSE_WRAPPER_BLOCKS = 2 };
#define PROSE_WRAPPER_LINK_DENSITY 0.15

static bool prose_wrapper(const html_el *e)
{
    /* A paragraph or a quotation is text by its tag: "p.article-teaser"
     * is the lead, "blockquote.twitter-tweet" a quoted post. */
    if ((e->tag == T_P || e->tag == T_BLOCKQUOTE) && e->text >= PROSE_LOW &&
        e->links * 10 < e->text)
        return !(classify(e) & NAME_STRONG);
    /* One long paragraph with no links wrapped alone ("teaser-text"
     * around the lead). */
    if (e->prose_blocks == 1 && e->text >= PROSE_HIGH && e->links == 0)
        return !(classify(e) & NAME_STRONG);
    if (e->prose_blocks < PROSE_WRAPPER_BLOCKS ||
        (double)e->links > PROSE_WRAPPER_LINK_DENSITY * (double)e->text)
        return false;
    return !(classify(e) & NAME_STRONG);
}

/* Marks chrome and boilerplate.  What holds the page's main article (its
 * largest <article>, <main>, itemprop=articleBody, the first <h1>) is
 * never boilerplate by its name: a wrapper named "page-sidebar-left" is
 * still the page. */
static void mark_boilerplate(html_doc *h, bool *protect)
{
    size_t total = h->total_text > 0 ? h->total_text : 1;
    const html_el *largest = NULL, *h1 = NULL;
    for (size_t i = 0; i < h->n_els; i++) {
        const html_el *e = &h->els[i];
        if (e->flags & HF_GONE)
            continue;
        if (e->tag == T_ARTICLE && (largest == NULL || e->text > largest->text))
            largest = e;
        if (e->tag == T_H1 && h1 == NULL && e->text > 0)
            h1 = e;
    }
    for (size_t i = 0; i < h->n_els; i++) {
        const html_el *e = &h->els[i];
        if ((e->flags & HF_GONE) ||
            !(e == largest || e == h1 || e->tag == T_MAIN || article_body(e)))
            continue;
        for (const html_el *p = e; p != NULL; p = p->parent)
            protect[p->order] = true;
    }
    for (size_t i = 0; i < h->n_els; i++) {
        html_el *e = &h->els[i];
        if (e->flags & HF_GONE || e->tag == T_BODY || e->tag == T_HTML)
            continue;
        bool big = e->text * 2 > total;
        if (chrome_tag(e) && !big) {
            /* A header inside sectioning content (article, section,
             * main: HTML's "header" introduces its nearest section), or
             * around the page's heading, holds the article's title, byline
             * and lead; only the page's own header is chrome. */
            if (e->tag == T_HEADER &&
                (inside(e, T_ARTICLE) || inside(e, T_SECTION) || inside(e, T_MAIN) ||
                 (h1 != NULL && html_is_ancestor(e, h1))))
                continue;
            e->flags |= HF_CHROME;
            continue;
        }
        const char *role = html_attr(e->node, "role");
        if (role != NULL && !big &&
            (strcmp(role, "navigation") == 0 || strcmp(role, "banner") == 0 ||
             strcmp(role, "contentinfo") == 0 || strcmp(role, "complementary") == 0 ||
             strcmp(role, "menu") == 0)) {
            e->flags |= HF_CHROME;
            continue;
        }
        if (e->tag == T_FORM && !big && !protect[e->order]) {
            e->flags |= HF_CHROME;
            continue;
        }
        if (!protect[e->order] && !big && boiler(e) && e->tag != T_ARTICLE && e->tag != T_MAIN &&
            !article_body(e) && !prose_wrapper(e))
            e->flags |= HF_BOILER;
        if (e->tag == T_FIGCAPTION || e->tag == T_FIGURE)
            e->flags |= HF_BOILER;
    }
}

/* ---- prose outside the container ----
 *
 * One container rarely holds a whole article: the lead sits in a header
 * block, the body in page-builder widgets side by side, the last
 * paragraphs after an inline ad.  As jusText classifies every paragraph
 * of a page by its length and link density and then lets short ones
 * follow their neighbours (Pomikálek, "Removing Boilerplate and
 * Duplicate Content from Web Corpora", PhD thesis, Masaryk University
 * 2011, ch. 3), paragraphs of prose outside the chosen container join
 * the article when they are long, or when they sit next to a long one or
 * to the container.  Chrome and boilerplate stay out. */

/* Link density above this is navigation, not prose (jusText: 0.2). */
#define PROSE_MAX_LINK_DENSITY 0.2

typedef enum prose_class { PROSE_BAD, PROSE_SHORT, PROSE_NEAR, PROSE_GOOD } prose_class;

/* A text block with no text blocks inside it. */
static bool leaf_block(const html_el *e)
{
    if (!(e->flags & HF_BLOCK) || (e->flags & HF_GONE) || e->text == 0)
        return false;
    for (xmlNode *c = e->node->children; c != NULL; c = c->next) {
        const html_el *k = html_el_of(c);
        if (k != NULL && (k->flags & HF_BLOCK) && !(k->flags & HF_GONE) && k->text > 0)
            return false;
    }
    return true;
}

static bool sentence_end_in(html_doc *h, const html_el *e)
{
    size_t n;
    char *t = html_text_of(h, e->node, HF_GONE, &n);
    if (t == NULL)
        return false;
    for (size_t i = 0; i + 1 < n; i++)
        if ((t[i] == '.' || t[i] == '!' || t[i] == '?') && (t[i + 1] == ' ' || t[i + 1] == '\n'))
            return true;
    return n > 0 && (t[n - 1] == '.' || t[n - 1] == '!' || t[n - 1] == '?' || t[n - 1] == ':');
}

static prose_class classify_prose(html_doc *h, const extract *x, const html_el *e)
{
    const clean *c = &x->c[e->order];
    if (e->tag >= T_H1 && e->tag <= T_H6)
        return PROSE_SHORT;
    if (c->text == 0 || link_density(c) > PROSE_MAX_LINK_DENSITY)
        return PROSE_BAD;
    size_t n;
    char *t = html_text_of(h, e->node, HF_GONE, &n);
    if (t == NULL)
        return PROSE_BAD;
    /* Characters, as jusText counts them, not bytes. */
    size_t chars = 0;
    for (size_t i = 0; i < n; i++)
        chars += ((unsigned char)t[i] & 0xC0) != 0x80;
    if (chars < PROSE_LOW)
        return PROSE_SHORT;
    if (!sentence_end_in(h, e))
        return chars >= PROSE_HIGH ? PROSE_NEAR : PROSE_SHORT;
    return chars >= PROSE_HIGH ? PROSE_GOOD : PROSE_NEAR;
}

/* Marks what the article keeps outside the container; returns true when
 * anything is. */
static bool keep_outside_prose(html_doc *h, extract *x, html_el *top, html_el *container,
                               bool *keep)
{
    size_t *blocks = sc_arena_calloc(h->arena, h->n_els, sizeof *blocks);
    prose_class *cls = sc_arena_calloc(h->arena, h->n_els, sizeof *cls);
    if (blocks == NULL || cls == NULL)
        return false;
    /* The page's text blocks in order, the container standing for all of
     * its own. */
    size_t n = 0;
    bool container_seen = false;
    for (size_t i = top->order + 1; i < h->n_els; i++) {
        html_el *e = &h->els[i];
        if (e->depth <= top->depth)
            break;
        if (html_is_ancestor(container, e)) {
            if (!container_seen) {
                container_seen = true;
                cls[n] = PROSE_GOOD;
                blocks[n++] = SIZE_MAX;
            }
            continue;
        }
        /* Siblings the container did not join are weighed again here. */
        if (!leaf_block(e) || dropped(e))
            continue;
        cls[n] = classify_prose(h, x, e);
        blocks[n++] = e->order;
    }
    bool any = false;
    for (size_t k = 0; k < n; k++) {
        if (blocks[k] == SIZE_MAX)
            continue;
        bool take = cls[k] == PROSE_GOOD;
        if (cls[k] == PROSE_NEAR || cls[k] == PROSE_SHORT) {
            /* A near-good paragraph follows either neighbour, a heading
             * the text after it, a short one both (jusText's context
             * rules; the neighbours are the nearest longer blocks). */
            size_t a = k, b = k;
            while (a > 0 && cls[a - 1] == PROSE_SHORT)
                a--;
            while (b + 1 < n && cls[b + 1] == PROSE_SHORT)
                b++;
            bool prev_good = a > 0 && cls[a - 1] == PROSE_GOOD;
            bool next_good = b + 1 < n && cls[b + 1] == PROSE_GOOD;
            const html_el *e = &h->els[blocks[k]];
            if (cls[k] == PROSE_NEAR)
                take = prev_good || next_good;
            else if (e->tag >= T_H2 && e->tag <= T_H6)
                take = next_good;
            else
                take = prev_good && next_good;
        }
        if (take) {
            keep[blocks[k]] = true;
            any = true;
        }
    }
    return any;
}

/* Drops everything outside the container but the kept blocks and the
 * elements that hold them. */
static void drop_outside(html_doc *h, html_el *top, html_el *container, const bool *keep)
{
    bool *holds = sc_arena_calloc(h->arena, h->n_els, sizeof *holds);
    if (holds == NULL)
        return;
    for (size_t i = 0; i < h->n_els; i++)
        if (keep[i] || &h->els[i] == container)
            for (const html_el *p = &h->els[i]; p != NULL && !holds[p->order]; p = p->parent)
                holds[p->order] = true;
    for (size_t i = top->order + 1; i < h->n_els; i++) {
        html_el *e = &h->els[i];
        if (e->depth <= top->depth)
            break;
        if (html_is_ancestor(container, e))
            continue;
        bool under_kept = false;
        for (const html_el *p = e->parent; p != NULL && p != top; p = p->parent)
            if (keep[p->order]) {
                under_kept = true;
                break;
            }
        if (holds[e->order] || under_kept)
            e->flags &= ~(unsigned)HF_DROP;
        else
            e->flags |= HF_DROP;
    }
}

/* ---- dangling headings ----
 *
 * Dropping a "related" list or a comment form leaves its heading behind
 * ("Latest articles", "Kommentieren Sie"): a heading with nothing of its
 * own after it goes too, as trafilatura prunes such leftovers after its
 * extraction (Barbaresi, "Trafilatura: A Web Scraping Library and
 * Command-Line Tool for Text Discovery and Extraction", ACL 2021 demos).
 * Short lines after the text stay: after a credit line they are what
 * extraneous-content reports. */

static bool rendered_under(const html_el *e, const html_el *root)
{
    for (const html_el *p = e; p != NULL; p = p->parent) {
        if (p->flags & (HF_DROP | HF_GONE))
            return false;
        if (p == root)
            return true;
    }
    return false;
}

static void prune_leftovers(html_doc *h, html_el *root)
{
    size_t *blocks = sc_arena_calloc(h->arena, h->n_els, sizeof *blocks);
    if (blocks == NULL)
        return;
    size_t n = 0;
    for (size_t i = root->order + 1; i < h->n_els; i++) {
        html_el *e = &h->els[i];
        if (e->depth <= root->depth)
            break;
        if (leaf_block(e) && rendered_under(e, root))
            blocks[n++] = i;
    }
    /* Headings followed by another heading of the same or a higher level,
     * or by nothing. */
    for (size_t k = n; k-- > 0;) {
        html_el *e = &h->els[blocks[k]];
        if (!(e->flags & HF_HEADING) || e->tag == T_H1)
            continue;
        size_t next = k + 1;
        while (next < n && (h->els[blocks[next]].flags & HF_DROP))
            next++;
        const html_el *f = next < n ? &h->els[blocks[next]] : NULL;
        if (f == NULL || ((f->flags & HF_HEADING) && f->tag <= e->tag))
            e->flags |= HF_DROP;
    }
}

html_el *html_extract_article(html_doc *h)
{
    html_el *top = h->body != NULL ? h->body : h->root;
    if (top == NULL || h->n_els == 0)
        return NULL;
    bool *protect = sc_arena_calloc(h->arena, h->n_els, sizeof *protect);
    extract x = {h, sc_arena_calloc(h->arena, h->n_els, sizeof(clean))};
    if (x.c == NULL || protect == NULL)
        return NULL;
    mark_boilerplate(h, protect);
    measure_clean(&x, top);

    /* Paragraphs score their ancestors. */
    for (size_t i = 0; i < h->n_els; i++) {
        html_el *e = &h->els[i];
        if (e->order < top->order || dropped(e))
            continue;
        const clean *c = &x.c[e->order];
        bool para =
            paragraph_tag(e->tag) ||
            ((e->tag == T_DIV || e->tag == T_SECTION || e->tag == T_ARTICLE) && own_text(e) >= 25);
        if (!para || c->text < 25 || e->parent == NULL)
            continue;
        double s = 1 + (double)c->commas + (c->text / 100.0 < 3 ? c->text / 100.0 : 3);
        s *= 1 - link_density(c);
        html_el *p = e->parent;
        for (int level = 0; p != NULL && level < 5; level++, p = p->parent) {
            if (p->tag == T_HTML)
                break;
            add_score(&x, p, level == 0 ? s : level == 1 ? s / 2 : s / (level * 3));
        }
    }
    html_el *best = NULL;
    double best_score = 0;
    for (size_t i = 0; i < h->n_els; i++) {
        html_el *e = &h->els[i];
        clean *c = &x.c[e->order];
        if (!c->scored || dropped(e))
            continue;
        c->score *= 1 - link_density(c);
        if (best == NULL || c->score > best_score) {
            best = e;
            best_score = c->score;
        }
    }
    if (best == NULL) {
        /* No paragraph anywhere: the whole body, less its chrome. */
        best = top;
        best_score = 0;
    }
    /* Siblings with prose join the best candidate: its parent becomes the
     * container and the other siblings are dropped. */
    html_el *container = best;
    if (best->parent != NULL && best != top) {
        html_el *parent = best->parent;
        double threshold = best_score * 0.2 > 10 ? best_score * 0.2 : 10;
        bool joined = false;
        for (xmlNode *n = parent->node->children; n != NULL; n = n->next) {
            html_el *s = html_el_of(n);
            if (s == NULL || s == best || (s->flags & HF_GONE))
                continue;
            const clean *c = &x.c[s->order];
            bool join = false;
            if (!dropped(s)) {
                if (c->scored && c->score >= threshold)
                    join = true;
                else if (s->tag == T_P || s->tag == T_BLOCKQUOTE || s->tag == T_UL ||
                         s->tag == T_OL || (s->tag >= T_H2 && s->tag <= T_H6)) {
                    double ld = link_density(c);
                    join = (c->text > 80 && ld < 0.25) ||
                           (c->text > 0 && ld == 0 && s->tag != T_UL && s->tag != T_OL);
                }
            }
            if (join)
                joined = true;
            else
                s->flags |= HF_DROP;
        }
        if (joined)
            container = parent;
        else
            for (xmlNode *n = parent->node->children; n != NULL; n = n->next) {
                html_el *s = html_el_of(n);
                if (s != NULL)
                    s->flags &= ~(unsigned)HF_DROP;
            }
    }
    /* An article split over several blocks (page builders put each
     * paragraph in a widget of its own): climb while the parent adds
     * much more prose than link text. */
    for (int up = 0; up < 6 && container->parent != NULL && container != top; up++) {
        html_el *parent = container->parent;
        const clean *cp = &x.c[parent->order], *cc = &x.c[container->order];
        if (parent == top || parent->tag == T_HTML || dropped(parent))
            break;
        size_t extra = cp->good - cc->good;
        if (extra * 2 < cc->good || link_density(cp) > 0.3)
            break;
        for (xmlNode *n = parent->node->children; n != NULL; n = n->next) {
            html_el *k = html_el_of(n);
            if (k != NULL)
                k->flags &= ~(unsigned)HF_DROP;
        }
        container = parent;
    }
    /* Inside the container: drop chrome, boilerplate and link lists. */
    for (size_t i = container->order + 1; i < h->n_els; i++) {
        html_el *e = &h->els[i];
        if (e->depth <= container->depth)
            break;
        if (e->flags & (HF_CHROME | HF_BOILER)) {
            e->flags |= HF_DROP;
            continue;
        }
        const clean *c = &x.c[e->order];
        double ld = link_density(c);
        if ((e->tag == T_UL || e->tag == T_OL || e->tag == T_DL || e->tag == T_TABLE ||
             e->tag == T_DIV || e->tag == T_SECTION || e->tag == T_P || e->tag == T_LI) &&
            c->text > 0 && ld > 0.5) {
            e->flags |= HF_DROP;
        }
    }
    h->article_root = container;
    if (container != top) {
        bool *keep = sc_arena_calloc(h->arena, h->n_els, sizeof *keep);
        if (keep != NULL && keep_outside_prose(h, &x, top, container, keep)) {
            drop_outside(h, top, container, keep);
            h->article_root = top;
        }
    }
    prune_leftovers(h, h->article_root);
    return container;
}
