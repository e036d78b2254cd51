/* The AI summary block, its disclaimer, and the article's closing credit
 * on an HTML page (the reader itself is reader_html.c).
 *
 * The disclaimer is found by its phrase in any language the tables know
 * (page_parts.c); the summary is the box around it that names itself a
 * summary, or the prose right above or below it; without a disclaimer, a
 * box named a summary ("summary", "tldr", "key points", Rappler's
 * "post-single__summary") above the article.  The credit ("– Rappler.com")
 * ends the article: what follows it is not the article's. */
#include <string.h>

#include "html.h"
#include "text/text.h"

/* Paragraphs longer than this are never a disclaimer. */
enum { DISCLAIMER_MAX_BYTES = 1024 };
/* A summary block is a paragraph or a short list, never the article. */
enum { SUMMARY_MIN_BYTES = 40, SUMMARY_MAX_BYTES = 4000 };
/* Text after a credit line that still counts as the page's tail (spam, a
 * line or two) rather than more article. */
enum { CREDIT_TAIL_MAX_BYTES = 1500 };

static const char *const summary_names[] = {"summary",  "ringkasan", "tldr",     "tl-dr",
                                            "keypoint", "key-point", "takeaway", "ai-summary"};

/* Class or id names a summary box: any of the words anywhere in it
 * ("post-single__summary", "article-tldr", "key-points"). */
static bool summary_named(const html_el *e)
{
    for (size_t k = 0; k < sizeof summary_names / sizeof summary_names[0]; k++)
        if (strstr(e->names, summary_names[k]) != NULL)
            return true;
    return false;
}

/* Prose rather than a label: ends like a sentence, or is long. */
static bool prose_text(const char *s, size_t n)
{
    if (n > 160)
        return true;
    while (n > 0 && (s[n - 1] == '"' || s[n - 1] == ')' || s[n - 1] == '\'' || s[n - 1] == ' '))
        n--;
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
        ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
        n -= 3;
    return n > 0 && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?' ||
                     (n >= 3 && (unsigned char)s[n - 3] == 0xE2 &&
                      (unsigned char)s[n - 2] == 0x80 && (unsigned char)s[n - 1] == 0xA6));
}

static bool summary_like(html_doc *h, html_el *e)
{
    if (e == NULL || (e->flags & (HF_GONE | HF_HEADING)) || e->text < 20)
        return false;
    if (e->tag == T_UL || e->tag == T_OL)
        return e->links * 2 < e->text;
    size_t n;
    char *t = html_text_of(h, e->node, HF_SUMMARY, &n);
    return t != NULL && prose_text(t, n) && e->links * 2 < e->text;
}

static html_el *sibling_el(html_el *e, bool next)
{
    for (xmlNode *c = next ? e->node->next : e->node->prev; c != NULL;
         c = next ? c->next : c->prev) {
        html_el *k = html_el_of(c);
        if (k != NULL && !(k->flags & HF_GONE) && k->text > 0)
            return k;
        if (c->type == XML_TEXT_NODE && c->content != NULL) {
            for (const xmlChar *p = c->content; *p; p++)
                if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r')
                    return NULL; /* loose text in between: not neighbours */
        }
    }
    return NULL;
}

bool html_is_ancestor(const html_el *a, const html_el *e)
{
    for (; e != NULL; e = e->parent)
        if (e == a)
            return true;
    return false;
}

void html_mark_tree(html_el *e, unsigned flag)
{
    e->flags |= flag;
    for (xmlNode *c = e->node->children; c != NULL; c = c->next) {
        html_el *k = html_el_of(c);
        if (k != NULL)
            html_mark_tree(k, flag);
    }
}

typedef struct summary_found {
    html_el *disclaimer;
    html_el *parts[8];
    size_t n_parts;
    html_el *box; /* a summary container rendered whole (less the disclaimer) */
} summary_found;

/* The disclaimer: the innermost element whose text has a phrase. */
static html_el *find_disclaimer(html_doc *h)
{
    html_el *top = h->body != NULL ? h->body : h->root;
    if (top == NULL)
        return NULL;
    size_t n;
    char *all = html_text_of(h, top->node, 0, &n);
    if (all == NULL || !sc_part_has_disclaimer(h->arena, all, n))
        return NULL;
    html_el *best = NULL;
    for (size_t i = 0; i < h->n_els; i++) {
        html_el *e = &h->els[i];
        if (best != NULL && !html_is_ancestor(best, e))
            break; /* past the first disclaimer */
        if ((e->flags & HF_GONE) || e->text < 10 || e->text > DISCLAIMER_MAX_BYTES)
            continue;
        char *t = html_text_of(h, e->node, 0, &n);
        if (t == NULL)
            return best;
        if (sc_part_has_disclaimer(h->arena, t, n))
            best = e;
    }
    /* Widen to the wrapper that holds nothing else. */
    while (best != NULL && best->parent != NULL && best->parent->text == best->text &&
           best->parent->tag != T_BODY)
        best = best->parent;
    return best;
}

static void find_summary(html_doc *h, html_el *article, summary_found *out)
{
    memset(out, 0, sizeof *out);
    html_el *d = find_disclaimer(h);
    out->disclaimer = d;
    if (d != NULL) {
        /* A summary container around the disclaimer. */
        html_el *a = d->parent;
        for (int up = 0; a != NULL && up < 4; up++, a = a->parent) {
            if (a->text > SUMMARY_MAX_BYTES + d->text || a->tag == T_BODY)
                break;
            if (summary_named(a) && a->text > d->text + 20) {
                out->box = a;
                return;
            }
        }
        /* Neighbours: prose right above the disclaimer is the summary it
         * follows, else the paragraph or list right after it. */
        for (html_el *at = d; at != NULL && at->tag != T_BODY; at = at->parent) {
            html_el *prev = sibling_el(at, false), *next = sibling_el(at, true);
            if (prev == NULL && next == NULL) {
                if (at->parent != NULL && at->parent->text > at->text)
                    break;
                continue;
            }
            if (prev != NULL && summary_like(h, prev) && prev->text <= SUMMARY_MAX_BYTES &&
                !(article != NULL && html_is_ancestor(prev, article))) {
                out->parts[out->n_parts++] = prev;
                return;
            }
            if (next != NULL && summary_like(h, next) && next->text <= SUMMARY_MAX_BYTES &&
                !(article != NULL && html_is_ancestor(next, article))) {
                out->parts[out->n_parts++] = next;
                return;
            }
            return;
        }
        return;
    }
    /* No disclaimer: a summary block by its markup, above the article. */
    size_t article_first = article != NULL ? article->order : SIZE_MAX;
    for (size_t i = 0; i < h->n_els; i++) {
        html_el *e = &h->els[i];
        if ((e->flags & (HF_GONE | HF_CHROME)) || e->text < SUMMARY_MIN_BYTES ||
            e->text > SUMMARY_MAX_BYTES || e->tag == T_META || e->tag == T_BODY || e->tag == T_HTML)
            continue;
        if (!summary_named(e))
            continue;
        if (article != NULL && html_is_ancestor(e, article))
            continue;
        /* Above the article's text: before its container, or inside it
         * before its first paragraph of prose. */
        bool above = e->order < article_first;
        if (!above && article != NULL && html_is_ancestor(article, e)) {
            above = true;
            for (size_t j = article->order + 1; j < e->order; j++)
                if (html_is_ancestor(article, &h->els[j]) && h->els[j].prose_blocks > 0 &&
                    !html_is_ancestor(&h->els[j], e) && h->els[j].tag == T_P) {
                    above = false;
                    break;
                }
        }
        if (!above || e->links * 2 >= e->text)
            continue;
        /* Teaser lists repeat the markup: not one page's summary. */
        size_t same = 0;
        for (size_t j = 0; j < h->n_els && same < 3; j++)
            if (h->els[j].parent == e->parent && h->els[j].text >= SUMMARY_MIN_BYTES &&
                strcmp(h->els[j].names, e->names) == 0)
                same++;
        if (same > 1 && e->names[0] != '\0')
            continue;
        out->box = e;
        return;
    }
}

static sc_status add_block_of(html_doc *h, sc_page *page, sc_role role, const html_el *e)
{
    size_t start, end;
    if (!html_span_of(h, e->node, &start, &end))
        return SC_OK;
    return sc_page_add_block(h->arena, page, role, SC_FIELD_PAGE, start, end);
}

/* Renders the summary: the box less its disclaimer and headings, or the
 * parts found beside the disclaimer. */
static sc_status render_summary(html_doc *h, const summary_found *sf, sc_page *page)
{
    html_render r;
    memset(&r, 0, sizeof r);
    r.h = h;
    r.skip = HF_HEADING;
    sc_buf_init(&r.out);
    if (sf->disclaimer != NULL)
        html_mark_tree(sf->disclaimer, HF_SUMMARY);
    /* The disclaimer is skipped below; the box is marked afterwards so
     * the article leaves it out. */
    r.skip |= HF_SUMMARY;
    if (sf->box != NULL) {
        html_render_walk(&r, sf->box->node, sf->box);
    } else {
        for (size_t i = 0; i < sf->n_parts; i++) {
            html_render_break(&r, 3);
            html_render_walk(&r, sf->parts[i]->node, sf->parts[i]);
        }
    }
    size_t len = 0;
    char *text = html_render_finish(&r, &len);
    if (text == NULL)
        return SC_ERR_NOMEM;
    if (sf->box != NULL)
        html_mark_tree(sf->box, HF_SUMMARY);
    for (size_t i = 0; i < sf->n_parts; i++)
        html_mark_tree(sf->parts[i], HF_SUMMARY);
    if (len == 0)
        return SC_OK;
    page->has_summary = true;
    page->field_data[SC_FIELD_SUMMARY] = text;
    page->field_len[SC_FIELD_SUMMARY] = len;
    page->summary = (sc_text){SC_FIELD_SUMMARY, 0, text, len};
    return SC_OK;
}

sc_status html_read_summary(html_doc *h, html_el *article, html_el *chosen, sc_page *page)
{
    sc_status st;
    summary_found sf;
    find_summary(h, article, &sf);
    if (chosen != NULL) {
        /* The user's block wins over what the heuristics found. */
        sf.box = chosen;
        sf.n_parts = 0;
        /* A disclaimer around the chosen block would hide it. */
        if (sf.disclaimer != NULL && html_is_ancestor(sf.disclaimer, chosen))
            sf.disclaimer = NULL;
    }
    if (sf.disclaimer != NULL) {
        page->has_disclaimer = true;
        if ((st = add_block_of(h, page, SC_ROLE_DISCLAIMER, sf.disclaimer)) != SC_OK)
            return st;
    }
    if (sf.box != NULL || sf.n_parts > 0) {
        if ((st = render_summary(h, &sf, page)) != SC_OK)
            return st;
        if (page->has_summary &&
            (st = sc_page_add_block(h->arena, page, SC_ROLE_SUMMARY, SC_FIELD_SUMMARY, 0,
                                    page->summary.len)) != SC_OK)
            return st;
    } else if (sf.disclaimer != NULL) {
        html_mark_tree(sf.disclaimer, HF_SUMMARY);
    }
    return SC_OK;
}

size_t html_find_credit(const html_render *r, const char *text, size_t len, size_t *credit_at)
{
    for (size_t i = 0; i < r->n_recs; i++) {
        const html_para *p = &r->recs[i];
        size_t c = sc_part_credit_start(text + p->start, p->end - p->start);
        /* A credit ends an article: with much text after it, it is a
         * quote or a link, not the end. */
        size_t after = len - p->end;
        if (c == SIZE_MAX || (c == 0 && i == 0) || after > CREDIT_TAIL_MAX_BYTES || after * 5 > len)
            continue;
        *credit_at = p->start + c;
        return i;
    }
    return SIZE_MAX;
}

sc_status html_add_credit_blocks(html_doc *h, const html_render *r, const char *text,
                                 size_t credit_rec, size_t credit_at, sc_page *page)
{
    sc_status st = SC_OK;
    /* The credit's bytes in the page: from its dash to the end of its text
     * node when that node holds it, else its paragraph. */
    const html_para *p = &r->recs[credit_rec];
    size_t s0, e0;
    if (html_span_of(h, p->last, &s0, &e0)) {
        /* Where the credit's text starts in the input (entities may make
         * it longer there). */
        size_t start = s0;
        for (size_t q = e0; q-- > s0;)
            if (html_match_at(h, q, (const unsigned char *)text + credit_at, p->end - credit_at) ==
                e0) {
                start = q;
                break;
            }
        st = sc_page_add_block(h->arena, page, SC_ROLE_CREDIT, SC_FIELD_PAGE, start, e0);
    }
    for (size_t i = credit_rec + 1; st == SC_OK && i < r->n_recs; i++) {
        const html_para *q = &r->recs[i];
        size_t a, b, a2, b2;
        /* Rules quote these bytes: on a page in a legacy charset they are
         * not UTF-8, and the block is left out rather than misquoted. */
        size_t bad;
        if (html_span_of(h, q->first, &a, &b) && html_span_of(h, q->last, &a2, &b2) && b2 >= a &&
            sc_utf8_valid(h->raw + a, b2 - a, &bad))
            st = sc_page_add_block(h->arena, page, SC_ROLE_EXTRANEOUS, SC_FIELD_PAGE, a, b2);
    }
    return st;
}
