/* The scraped-page reader.
 *
 * A scraped news page reads, top to bottom: the page date, the title (often
 * twice), the AI disclaimer and the summary (in either order), the article
 * from its dateline ("MOSKOW, Rusia – ...") to its credit ("– Rappler.com"),
 * and whatever the scraper caught after it.  Paragraphs are separated by
 * blank lines; a summary may be one paragraph or a run of bullets. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io.h"
#include "core/limits.h"
#include "lang/lang.h"
#include "text/text.h"
#include "time/date.h"

typedef struct para {
    size_t start; /* first non-blank byte */
    size_t end;   /* after the last non-blank byte */
    size_t first_line_end;
} para;

/* Paragraphs longer than this are never a disclaimer, so are not folded
 * and searched for its phrases. */
enum { DISCLAIMER_MAX_BYTES = 1024 };
/* A dateline is a short prefix: "WASHINGTON, D.C., United States (Reuters) –". */
enum { DATELINE_MAX_BYTES = 100 };
/* A credit is a few words after a dash at the end of the article. */
enum { CREDIT_MAX_BYTES = 60 };

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Splits the input into paragraphs at blank lines. */
static sc_status split_paragraphs(sc_arena *arena, const char *s, size_t len, para **out,
                                  size_t *n_out)
{
    size_t cap = 32, n = 0;
    para *ps = sc_arena_alloc(arena, cap * sizeof *ps);
    if (ps == NULL)
        return SC_ERR_NOMEM;
    size_t i = 0;
    bool open = false;
    para cur = {0, 0, 0};
    while (i <= len) {
        size_t line_start = i;
        size_t line_end = i;
        while (line_end < len && s[line_end] != '\n')
            line_end++;
        size_t a = line_start, b = line_end;
        while (a < b && is_blank(s[a]))
            a++;
        while (b > a && is_blank(s[b - 1]))
            b--;
        bool blank = a == b;
        /* A no-break space line is blank too. */
        if (!blank) {
            bool only_nbsp = true;
            for (size_t k = a; k < b && only_nbsp;) {
                if (k + 1 < b && (unsigned char)s[k] == 0xC2 && (unsigned char)s[k + 1] == 0xA0)
                    k += 2;
                else if (is_blank(s[k]))
                    k++;
                else
                    only_nbsp = false;
            }
            blank = only_nbsp;
        }
        if (blank) {
            if (open) {
                if (n == cap) {
                    ps = sc_arena_grow(arena, ps, n, cap * 2, sizeof *ps);
                    if (ps == NULL)
                        return SC_ERR_NOMEM;
                    cap *= 2;
                }
                ps[n++] = cur;
                open = false;
            }
        } else if (!open) {
            cur = (para){a, b, b};
            open = true;
        } else {
            cur.end = b;
        }
        if (line_end >= len)
            break;
        i = line_end + 1;
    }
    if (open) {
        if (n == cap) {
            ps = sc_arena_grow(arena, ps, n, cap + 1, sizeof *ps);
            if (ps == NULL)
                return SC_ERR_NOMEM;
        }
        ps[n++] = cur;
    }
    *out = ps;
    *n_out = n;
    return SC_OK;
}

static bool has_disclaimer(sc_arena *arena, const char *s, const para *p)
{
    if (p->end - p->start > DISCLAIMER_MAX_BYTES)
        return false;
    size_t n;
    char *folded = sc_normalize(arena, s + p->start, p->end - p->start, &n);
    if (folded == NULL)
        return false;
    for (size_t l = 0; l < sc_language_count; l++) {
        const sc_word_list *phrases = &sc_languages[l]->disclaimer_phrases;
        for (size_t k = 0; k < phrases->n; k++)
            if (strstr(folded, phrases->words[k]) != NULL)
                return true;
    }
    return false;
}

/* Length of the dash at s[i] ("-", "–", "—"), or 0. */
static size_t dash_at(const char *s, size_t len, size_t i)
{
    if (i < len && s[i] == '-')
        return 1;
    if (i + 2 < len && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94))
        return 3;
    return 0;
}

/* The dateline at the start of a paragraph: an upper-case place name, maybe
 * a region or an agency, then a spaced dash.  Returns the byte just after
 * the dash, or 0 when there is none. */
static size_t dateline_end(const char *s, const para *p)
{
    size_t i = p->start, limit = p->start + DATELINE_MAX_BYTES;
    if (limit > p->end)
        limit = p->end;
    /* The first word: at least two capitals and no lower-case letter. */
    size_t caps = 0;
    while (i < limit &&
           ((s[i] >= 'A' && s[i] <= 'Z') || (unsigned char)s[i] >= 0x80 || s[i] == '.')) {
        if (s[i] >= 'A' && s[i] <= 'Z')
            caps++;
        i++;
    }
    if (caps < 2 || i >= limit || !(s[i] == ' ' || s[i] == ','))
        return 0;
    for (; i < limit; i++) {
        if (s[i] == '\n')
            return 0;
        if (s[i] == ' ') {
            size_t d = dash_at(s, p->end, i + 1);
            if (d > 0 && i + 1 + d < p->end && s[i + 1 + d] == ' ')
                return i + 1 + d;
        }
        /* Sentence punctuation before any dash: not a dateline. */
        if (s[i] == '!' || s[i] == '?')
            return 0;
    }
    return 0;
}

static bool ascii_lower_equal(const char *a, size_t n, const char *b)
{
    if (strlen(b) != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = a[i] >= 'A' && a[i] <= 'Z' ? (char)(a[i] - 'A' + 'a') : a[i];
        if (c != b[i])
            return false;
    }
    return true;
}

/* News agencies that sign articles without a web domain. */
static const char *const agencies[] = {"afp",     "ant",    "antara",    "ap",  "bernama", "dpa",
                                       "reuters", "xinhua", "bloomberg", "pna", "kyodo"};

/* A credit: a few words, one of them a web domain ("Rappler.com") or an
 * agency name, with no sentence in it. */
/* A web domain as a signature: a name, a dot, and a top-level domain of
 * two to six lower-case letters ("Rappler.com", "Tempo.co"). */
static bool is_domain(const char *w, size_t n)
{
    const char *dot = NULL;
    for (size_t i = 0; i < n; i++)
        if (w[i] == '.')
            dot = w + i;
    if (dot == NULL || dot == w)
        return false;
    size_t tld = n - (size_t)(dot + 1 - w);
    if (tld < 2 || tld > 6)
        return false;
    for (const char *c = dot + 1; c < w + n; c++)
        if (*c < 'a' || *c > 'z')
            return false;
    for (const char *c = w; c < dot; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
              *c == '-' || *c == '.'))
            return false;
    return true;
}

static bool credit_words(const char *s, size_t a, size_t b)
{
    if (b <= a || b - a > CREDIT_MAX_BYTES || memchr(s + a, '\n', b - a) != NULL)
        return false;
    size_t words = 0;
    bool signed_by = false;
    size_t i = a;
    while (i < b) {
        while (i < b && (s[i] == ' ' || s[i] == '(' || s[i] == ')' || s[i] == '/' || s[i] == ','))
            i++;
        size_t w = i;
        while (i < b && s[i] != ' ' && s[i] != '(' && s[i] != ')' && s[i] != '/' && s[i] != ',')
            i++;
        if (i == w)
            break;
        words++;
        if (is_domain(s + w, i - w))
            signed_by = true; /* "Rappler.com", "Kompas.com" */
        for (size_t k = 0; k < sizeof agencies / sizeof agencies[0]; k++)
            if (ascii_lower_equal(s + w, i - w, agencies[k]))
                signed_by = true;
    }
    return words >= 1 && words <= 5 && signed_by;
}

/* Where the credit starts in paragraph p (at its dash or the credit-only
 * paragraph's start), or SIZE_MAX.  "... pada tahun yang sama. – Rappler.com". */
static size_t credit_start(const char *s, const para *p)
{
    size_t from = p->end > CREDIT_MAX_BYTES + 4 ? p->end - CREDIT_MAX_BYTES - 4 : 0;
    if (from < p->start)
        from = p->start;
    for (size_t i = from; i < p->end; i++) {
        size_t d = dash_at(s, p->end, i);
        if (d == 0 || (i > p->start && s[i - 1] != ' ' && s[i - 1] != '.'))
            continue;
        size_t w = i + d;
        while (w < p->end && s[w] == ' ')
            w++;
        if (credit_words(s, w, p->end))
            return i == p->start ? p->start : i;
    }
    /* A paragraph that is only a credit: "(Reuters)", "Rappler.com". */
    if (credit_words(s, p->start, p->end) && p->end - p->start <= CREDIT_MAX_BYTES)
        return p->start;
    return SIZE_MAX;
}

static bool is_bullet(const char *s, const para *p)
{
    const unsigned char *u = (const unsigned char *)s + p->start;
    size_t n = p->end - p->start;
    if (n >= 2 && (u[0] == '-' || u[0] == '*') && u[1] == ' ')
        return true;
    /* • U+2022, ● U+25CF, ▪ U+25AA */
    return n >= 3 && u[0] == 0xE2 &&
           ((u[1] == 0x80 && u[2] == 0xA2) || (u[1] == 0x97 && u[2] == 0x8F) ||
            (u[1] == 0x96 && u[2] == 0xAA));
}

/* Prose rather than a headline: ends like a sentence, or is long. */
static bool sentence_like(const char *s, const para *p)
{
    if (p->end - p->start > 200)
        return true;
    size_t e = p->end;
    /* Step over closing quotes and brackets (ASCII or U+201D/U+2019). */
    while (e > p->start) {
        unsigned char c = (unsigned char)s[e - 1];
        if (c == '"' || c == ')' || c == '\'')
            e--;
        else if (e >= p->start + 3 && c >= 0x9C && c <= 0x9D && (unsigned char)s[e - 2] == 0x80 &&
                 (unsigned char)s[e - 3] == 0xE2)
            e -= 3;
        else
            break;
    }
    if (e == p->start)
        return false;
    char c = s[e - 1];
    if (c == '.' || c == ':' ||
        (e >= p->start + 3 && (unsigned char)s[e - 3] == 0xE2 && (unsigned char)s[e - 2] == 0x80 &&
         (unsigned char)s[e - 1] == 0xA6))
        return true;
    /* Headlines ask and exclaim ("Can mangroves save Manila Bay?"): a
     * question or exclamation is prose only after another sentence. */
    if (c == '?' || c == '!') {
        for (size_t i = p->start; i + 2 < e; i++)
            if ((s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i + 1] == ' ')
                return true;
    }
    return false;
}

/* Page order; a block that contains another (the body its dateline) comes
 * first. */
static int compare_blocks(const void *a, const void *b)
{
    const sc_block *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    return (int)x->role - (int)y->role;
}

static sc_status read_page(sc_arena *arena, const char *s, size_t len, sc_page *page,
                           sc_error *error);

sc_status sc_read_text_page(sc_arena *arena, const char *s, size_t len, sc_page *page,
                            sc_error *error)
{
    sc_status st = read_page(arena, s, len, page, error);
    if (st == SC_OK && page->n_blocks > 1)
        qsort(page->blocks, page->n_blocks, sizeof *page->blocks, compare_blocks);
    return st;
}

static sc_status read_page(sc_arena *arena, const char *s, size_t len, sc_page *page,
                           sc_error *error)
{
    size_t skip = 0;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        skip = 3;
    para *ps;
    size_t np;
    if (split_paragraphs(arena, s, len, &ps, &np) != SC_OK)
        return sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, NULL);
    if (np > 0 && ps[0].start < skip)
        ps[0].start = skip;

    size_t k = 0; /* next paragraph to place */
    sc_status st;

    /* The page date: a first line that is only a date. */
    if (np > 0) {
        sc_date d;
        size_t ds, de;
        size_t line_end = ps[0].start;
        while (line_end < ps[0].end && s[line_end] != '\n')
            line_end++;
        size_t trimmed = line_end;
        while (trimmed > ps[0].start && is_blank(s[trimmed - 1]))
            trimmed--;
        if (sc_date_parse_line(s + ps[0].start, trimmed - ps[0].start, &d, &ds, &de)) {
            if ((st = sc_page_add_block(arena, page, SC_ROLE_PAGE_DATE, SC_FIELD_PAGE, ps[0].start,
                                        trimmed)) != SC_OK)
                return sc_fail(error, st, "out of memory", SC_NO_POS, NULL);
            page->has_page_date = true;
            page->page_date = d;
            page->page_date_text = sc_arena_strndup(arena, s + ps[0].start + ds, de - ds);
            /* A time after the date ("Jun 28, 2021 8:10 PM PHT"): keep the
             * whole stamp.  The date shown is already the zone's own. */
            for (size_t i = ps[0].start + de; i < trimmed; i++)
                if (s[i] >= '0' && s[i] <= '9') {
                    page->page_date_time =
                        sc_arena_strndup(arena, s + ps[0].start + ds, trimmed - ps[0].start - ds);
                    break;
                }
            size_t line = 1;
            for (size_t i = 0; i < ps[0].start; i++)
                line += s[i] == '\n';
            char *origin = sc_arena_alloc(arena, 32);
            if (origin == NULL || page->page_date_text == NULL)
                return sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, NULL);
            snprintf(origin, 32, "text line %zu", line);
            page->page_date_origin = origin;
            if (line_end < ps[0].end) {
                /* The rest of that paragraph is the next one. */
                size_t next = line_end + 1;
                while (next < ps[0].end && (is_blank(s[next]) || s[next] == '\n'))
                    next++;
                ps[0].start = next;
            } else {
                k = 1;
            }
        }
    }

    /* The disclaimer, and the dateline paragraph after it (or anywhere). */
    size_t disclaimer = SIZE_MAX, dateline = SIZE_MAX;
    for (size_t i = k; i < np; i++) {
        if (disclaimer == SIZE_MAX && has_disclaimer(arena, s, &ps[i]))
            disclaimer = i;
        else if (dateline == SIZE_MAX && dateline_end(s, &ps[i]) > 0)
            dateline = i;
        if (disclaimer != SIZE_MAX && dateline != SIZE_MAX)
            break;
    }
    if (disclaimer != SIZE_MAX && dateline != SIZE_MAX && dateline < disclaimer) {
        /* A dateline above the disclaimer belongs to a title area quote; look
         * again below it. */
        dateline = SIZE_MAX;
        for (size_t i = disclaimer + 1; i < np && dateline == SIZE_MAX; i++)
            if (dateline_end(s, &ps[i]) > 0)
                dateline = i;
    }

    size_t summary_first = SIZE_MAX, summary_last = SIZE_MAX, body_first = SIZE_MAX;
    size_t head_end; /* paragraphs [k, head_end) are title material */
    if (disclaimer != SIZE_MAX) {
        page->has_disclaimer = true;
        head_end = disclaimer;
        size_t after = disclaimer + 1;
        /* Prose right above the disclaimer (below the title) is the summary
         * it follows; otherwise the summary comes after it, unless the
         * article starts there. */
        bool prose_above = disclaimer > k && (sentence_like(s, &ps[disclaimer - 1]) ||
                                              is_bullet(s, &ps[disclaimer - 1]));
        bool summary_after = !prose_above && after < np && after != dateline;
        if (summary_after) {
            summary_first = after;
            summary_last = after;
            if (is_bullet(s, &ps[after])) {
                while (summary_last + 1 < np && is_bullet(s, &ps[summary_last + 1]))
                    summary_last++;
            } else if (dateline != SIZE_MAX) {
                summary_last = dateline - 1;
            }
            body_first = summary_last + 1;
        } else {
            /* The summary sits above its disclaimer: the prose paragraphs
             * right before it, up to the title. */
            size_t i = disclaimer;
            while (i > k && (sentence_like(s, &ps[i - 1]) || is_bullet(s, &ps[i - 1])))
                i--;
            if (i < disclaimer) {
                summary_first = i;
                summary_last = disclaimer - 1;
                head_end = i;
            }
            body_first = disclaimer + 1;
        }
    } else {
        head_end = k;
        while (head_end < np && head_end != dateline && !sentence_like(s, &ps[head_end]))
            head_end++;
        body_first = dateline != SIZE_MAX && dateline >= k ? dateline : head_end;
        if (body_first > head_end)
            body_first = head_end;
    }

    /* Title: the first heading line, and its repetitions. */
    for (size_t i = k; i < head_end; i++) {
        if ((st = sc_page_add_block(arena, page, SC_ROLE_TITLE, SC_FIELD_PAGE, ps[i].start,
                                    ps[i].end)) != SC_OK)
            return sc_fail(error, st, "out of memory", SC_NO_POS, NULL);
        if (page->title == NULL)
            page->title = sc_arena_strndup(arena, s + ps[i].start, ps[i].end - ps[i].start);
    }
    if (disclaimer != SIZE_MAX &&
        (st = sc_page_add_block(arena, page, SC_ROLE_DISCLAIMER, SC_FIELD_PAGE,
                                ps[disclaimer].start, ps[disclaimer].end)) != SC_OK)
        return sc_fail(error, st, "out of memory", SC_NO_POS, NULL);
    if (summary_first != SIZE_MAX) {
        page->has_summary = true;
        page->summary =
            (sc_text){SC_FIELD_PAGE, ps[summary_first].start, s + ps[summary_first].start,
                      ps[summary_last].end - ps[summary_first].start};
        if ((st = sc_page_add_block(arena, page, SC_ROLE_SUMMARY, SC_FIELD_PAGE,
                                    ps[summary_first].start, ps[summary_last].end)) != SC_OK)
            return sc_fail(error, st, "out of memory", SC_NO_POS, NULL);
    }

    /* The body, to the credit; what follows the credit is extraneous. */
    if (body_first >= np)
        return sc_fail(error, SC_ERR_INPUT, "no article found on the page", len, NULL);
    size_t body_start = ps[body_first].start, body_end = ps[np - 1].end;
    size_t credit_para = SIZE_MAX, credit_at = SIZE_MAX;
    for (size_t i = body_first; i < np; i++) {
        size_t c = credit_start(s, &ps[i]);
        if (c != SIZE_MAX && (c > ps[i].start || i > body_first)) {
            credit_para = i;
            credit_at = c;
            break;
        }
    }
    if (body_first == dateline) {
        size_t de = dateline_end(s, &ps[dateline]);
        if ((st = sc_page_add_block(arena, page, SC_ROLE_DATELINE, SC_FIELD_PAGE,
                                    ps[dateline].start, de)) != SC_OK)
            return sc_fail(error, st, "out of memory", SC_NO_POS, NULL);
    }
    if (credit_para != SIZE_MAX) {
        body_end = credit_at;
        while (body_end > body_start && (is_blank(s[body_end - 1]) || s[body_end - 1] == '\n'))
            body_end--;
    }
    if (body_end <= body_start)
        return sc_fail(error, SC_ERR_INPUT, "no article found on the page", body_start, NULL);
    if ((st = sc_page_add_block(arena, page, SC_ROLE_BODY, SC_FIELD_PAGE, body_start, body_end)) !=
        SC_OK)
        return sc_fail(error, st, "out of memory", SC_NO_POS, NULL);
    page->article = (sc_text){SC_FIELD_PAGE, body_start, s + body_start, body_end - body_start};
    if (credit_para != SIZE_MAX) {
        if ((st = sc_page_add_block(arena, page, SC_ROLE_CREDIT, SC_FIELD_PAGE, credit_at,
                                    ps[credit_para].end)) != SC_OK)
            return sc_fail(error, st, "out of memory", SC_NO_POS, NULL);
        for (size_t i = credit_para + 1; i < np; i++)
            if ((st = sc_page_add_block(arena, page, SC_ROLE_EXTRANEOUS, SC_FIELD_PAGE, ps[i].start,
                                        ps[i].end)) != SC_OK)
                return sc_fail(error, st, "out of memory", SC_NO_POS, NULL);
    }
    return SC_OK;
}
