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
    "screen", "hidden",     "sr=",    "skip",       "comment",    "related",
    "cookie", "newsletter", "advert", "sponsor",    "outbrain",   "taboola",
    "disqus", "popup",      "modal",  "breadcrumb", "pagination", "recommend",
};

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

/* One class name (or id): what its words say, the last word that says
 * anything deciding ("entry-meta" is boilerplate, "post-content" content). */
static int classify_name(const char *s, size_t n)
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
    if (nw >= 2 && IN(words[0], lens[0], taxonomy_words) && !IN(words[1], lens[1], component_words))
        return NAME_NONE;
    /* State modifiers ("no-share", "has-sidebar", "is-sticky") say what
     * the element has or does, not what it is. */
    if (nw >= 2 && IN(words[0], lens[0], modifier_words))
        return NAME_NONE;
    if (nw >= 2 && lens[0] == 4 && memcmp(words[0], "post", 4) == 0 && lens[1] == 3 &&
        memcmp(words[1], "tag", 3) == 0)
        return NAME_NONE;
    int kind = NAME_NONE, strong = 0;
    for (size_t k = 0; k < nw; k++) {
        if (IN(words[k], lens[k], strong_words))
            strong = NAME_STRONG;
        if (IN(words[k], lens[k], boiler_words))
            kind = NAME_BOILER;
        else if (IN(words[k], lens[k], content_words))
            kind = NAME_CONTENT;
    }
    return strong ? NAME_STRONG | NAME_BOILER : kind;
}

/* The element's names (class, id, itemprop, role, " "-separated). */
static int classify(const html_el *e)
{
    int all = 0;
    const char *p = e->names;
    while (*p) {
        while (*p == ' ')
            p++;
        const char *w = p;
        while (*p && *p != ' ')
            p++;
        if (p > w)
            all |= classify_name(w, (size_t)(p - w));
    }
    return all;
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
        if (n->type == XML_TEXT_NODE && n->content != NULL) {
            size_t len = 0;
            bool space = true;
            for (const unsigned char *p = n->content; *p; p++) {
                bool sp = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
                if (!sp) {
                    len += space && len > 0 ? 2 : 1;
                    if (*p == ',')
                        ce->commas++;
                }
                space = sp;
            }
            ce->text += len;
            if (in_link)
                ce->links += len;
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
            /* A header inside the article holds its title and byline. */
            if (e->tag == T_HEADER && inside(e, T_ARTICLE))
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
            !article_body(e))
            e->flags |= HF_BOILER;
        if (e->tag == T_FIGCAPTION || e->tag == T_FIGURE)
            e->flags |= HF_BOILER;
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
    return container;
}
