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

/* Paragraphs longer than this are never a disclaimer, so are not folded
 * and searched for its phrases. */
enum { DISCLAIMER_MAX_BYTES = 1024 };

static bool has_disclaimer(sc_arena *arena, const char *s, const para *p)
{
    return p->end - p->start <= DISCLAIMER_MAX_BYTES &&
           sc_part_has_disclaimer(arena, s + p->start, p->end - p->start);
}

/* The dateline at the start of paragraph p: the byte just after its dash
 * in the input, or 0 when there is none. */
static size_t dateline_end(const char *s, const para *p)
{
    size_t end = sc_part_dateline_end(s + p->start, p->end - p->start);
    return end > 0 ? p->start + end : 0;
}

/* Where the credit starts in paragraph p (at its dash or the credit-only
 * paragraph's start), or SIZE_MAX.  "... pada tahun yang sama. – Rappler.com". */
static size_t credit_start(const char *s, const para *p)
{
    size_t at = sc_part_credit_start(s + p->start, p->end - p->start);
    return at == SIZE_MAX ? SIZE_MAX : p->start + at;
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
