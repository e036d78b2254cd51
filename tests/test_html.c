/* Tests for the HTML reader, through sc_check: the page date from each
 * place a page states it (and published before modified), charsets,
 * broken and deep markup, scripts, the AI summary block beside its
 * disclaimer (before it, after it, in a summary box), the article apart
 * from page chrome, and junk after the credit line.
 *
 * The pages are invented for these tests. */
#include "harness.h"
#include "core/buf.h"
#include "core/doc.h"
#include "core/xml_quiet.h"
#include "io/html.h"
#include "text/text.h"
#include "sumcheck.h"

#include <libxml/parserInternals.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EN_DISCLAIMER                                                                              \
    "This is AI generated summarization, which may have errors. For context, always "              \
    "refer to the full article."
#define ID_DISCLAIMER                                                                              \
    "Ini adalah ringkasan yang dibuat oleh AI, yang mungkin memiliki kesalahan. Untuk "            \
    "konteksnya, selalu rujuk artikel selengkapnya."
#define EN_SUMMARY                                                                                 \
    "Volunteers planted 5,000 mangrove seedlings along the coast of Manila Bay on Saturday."
#define EN_P1                                                                                      \
    "MANILA, Philippines – Volunteers planted 5,000 mangrove seedlings along the coast of "      \
    "Manila Bay on Saturday, the environment department said."
#define EN_P2                                                                                      \
    "The seedlings will protect fishing villages from storm surges, officials explained, "         \
    "and they will be counted again next year."
#define EN_P3 "Organizers plan a second planting drive in June, with schools joining this time."
#define EN_ARTICLE "<p>" EN_P1 "</p>\n<p>" EN_P2 "</p>\n<p>" EN_P3 "</p>\n"
#define CHROME_TOP                                                                                 \
    "<header><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a "                           \
    "href=\"/sports\">Sports</a></nav></header>\n"
#define CHROME_BOTTOM                                                                              \
    "<aside class=\"related\"><ul><li><a href=\"/a\">Another story about the bay</a></li>"         \
    "</ul></aside>\n<footer><p>Copyright 2023 Example News. All rights reserved.</p></footer>\n"

static sc_result *check_html(const char *html, size_t len, sc_error *error)
{
    sc_options o;
    sc_options_init(&o);
    o.input_format = SC_INPUT_HTML;
    memset(error, 0, sizeof *error);
    return sc_check(html, len, "page.html", &o, error);
}

static sc_result *check_ok(const char *html)
{
    sc_error e;
    sc_result *r = check_html(html, strlen(html), &e);
    ck_assert_msg(r != NULL, "not read: %s", e.message != NULL ? e.message : "?");
    return r;
}

/* The page date as YYYY-MM-DD, or "none". */
static void page_date_of(const sc_result *r, char got[static 11])
{
    if (r->page.has_page_date)
        snprintf(got, 11, "%04d-%02d-%02d", r->page.page_date.year, r->page.page_date.month,
                 r->page.page_date.day);
    else
        strcpy(got, "none");
}

static bool text_has(const sc_text *t, const char *needle)
{
    size_t n = strlen(needle);
    if (t->data == NULL || n > t->len)
        return false;
    for (size_t i = 0; i + n <= t->len; i++)
        if (memcmp(t->data + i, needle, n) == 0)
            return true;
    return false;
}

static const sc_block *block_of(const sc_result *r, sc_role role)
{
    for (size_t i = 0; i < r->page.n_blocks; i++)
        if (r->page.blocks[i].role == role)
            return &r->page.blocks[i];
    return NULL;
}

/* The bytes of a page-field block. */
static char *block_text(const sc_result *r, const sc_block *b)
{
    const char *f = r->page.field_data[b->field];
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_le(b->end, r->page.field_len[b->field]);
    char *out = malloc(b->end - b->start + 1);
    ck_assert_ptr_nonnull(out);
    memcpy(out, f + b->start, b->end - b->start);
    out[b->end - b->start] = '\0';
    return out;
}

static char *page_with_head(const char *head, const char *body_top)
{
    size_t n = strlen(head) + strlen(body_top) + 1024;
    char *out = malloc(n);
    ck_assert_ptr_nonnull(out);
    snprintf(out, n,
             "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Mangroves</title>%s"
             "</head><body>" CHROME_TOP "<h1>Volunteers plant mangroves</h1>%s"
             "<article><div class=\"entry-content\">" EN_ARTICLE "</div></article>" CHROME_BOTTOM
             "</body></html>",
             head, body_top);
    return out;
}

/* ---- the page date, from each place ------------------------------------ */

static const struct date_case {
    const char *head;
    const char *body_top;
    const char *date;
    const char *origin_prefix;
} date_cases[] = {
    {"<meta property=\"article:published_time\" content=\"2021-12-15T10:00:00+07:00\">", "",
     "2021-12-15", "meta article:published_time"},
    {"<meta name=\"date\" content=\"2019-04-03\">", "", "2019-04-03", "meta date"},
    {"<meta name=\"DC.date.issued\" content=\"2018-01-31\">", "", "2018-01-31", "meta"},
    {"<meta name=\"parsely-pub-date\" content=\"2020-07-04T08:00:00Z\">", "", "2020-07-04",
     "meta parsely-pub-date"},
    {"<meta name=\"sailthru.date\" content=\"2017-05-06 12:00:00\">", "", "2017-05-06", "meta"},
    {"<meta itemprop=\"datePublished\" content=\"2016-02-29\">", "", "2016-02-29", "meta"},
    {"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":"
     "\"2022-03-01T09:00:00+01:00\"}</script>",
     "", "2022-03-01", "json-ld datePublished"},
    {"<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
     "{\"@type\":\"WebSite\",\"name\":\"x\"},{\"@type\":\"Article\",\"dateModified\":"
     "\"2022-05-09\",\"datePublished\":\"2022-05-02\"}]}</script>",
     "", "2022-05-02", "json-ld datePublished"},
    {"<script type=\"application/ld+json\">[{\"@type\":\"BreadcrumbList\"},{\"@type\":"
     "\"BlogPosting\",\"datePublished\":\"2015-10-21\"}]</script>",
     "", "2015-10-21", "json-ld datePublished"},
    {"", "<time itemprop=\"datePublished\" datetime=\"2014-08-12T07:30\">12 August 2014</time>",
     "2014-08-12", "time datetime (published)"},
    {"", "<p class=\"meta\"><time pubdate datetime=\"2013-06-30\">June 30</time></p>", "2013-06-30",
     "time datetime (published)"},
    {"<link rel=\"canonical\" href=\"https://news.example/world/2021/12/15/mangroves/\">", "",
     "2021-12-15", "canonical URL"},
    {"<meta property=\"og:url\" content=\"https://news.example/2020-02-03-mangroves\">", "",
     "2020-02-03", "canonical URL"},
    {"", "<div class=\"post-date\">Veröffentlicht am 15. Dezember 2021</div>", "2021-12-15",
     "date line"},
    {"", "<p class=\"byline\">By Ana Cruz | March 3, 2023 8:10 PM</p>", "2023-03-03", "date line"},
    {"", "<div class=\"tanggal\">Rabu, 15 Desember 2021 | 10:00 WIB</div>", "2021-12-15",
     "date line"},
    /* Published wins over modified, whatever comes first. */
    {"<meta property=\"article:modified_time\" content=\"2022-01-20T10:00:00Z\">"
     "<meta property=\"article:published_time\" content=\"2022-01-10T10:00:00+08:00\">",
     "", "2022-01-10", "meta article:published_time"},
    {"<script type=\"application/ld+json\">{\"@type\":\"Article\",\"dateModified\":"
     "\"2022-01-20\",\"datePublished\":\"2022-01-10\"}</script>",
     "", "2022-01-10", "json-ld datePublished"},
    /* Only a modified date: it stands in, and says so. */
    {"<meta property=\"article:modified_time\" content=\"2022-01-20T10:00:00+08:00\">", "",
     "2022-01-20", "meta article:modified_time (modified)"},
    /* A zone gives its own local day, not UTC's. */
    {"<meta property=\"article:published_time\" content=\"2021-12-15T23:30:00-05:00\">", "",
     "2021-12-15", "meta"},
    /* A generic meta date (often the last edit) yields to a <time> marked
     * as the publication and to a date line under the heading. */
    {"<meta name=\"date\" content=\"2020-04-30\">",
     "<span class=\"when\"><time itemprop=\"datePublished\" datetime=\"2020-04-29\">29.04.2020"
     "</time></span>",
     "2020-04-29", "time datetime (published)"},
    {"<meta name=\"date\" content=\"2021-12-20T11:02:44+01:00\">",
     "<span class=\"date\">27.01.2022</span>", "2022-01-27", "date line"},
    /* The short German form, two-digit year. */
    {"", "<div class=\"article-meta\">Von Ana Cruz | 31.10.23</div>", "2023-10-31", "date line"},
    /* A marked <time> in a column whose class says "sidebar". */
    {"",
     "<div class=\"left-sidebar\"><time pubdate datetime=\"2019-07-13T15:52\">13 Jul</time>"
     "</div>",
     "2019-07-13", "time datetime (published)"},
    /* Script data (libxml2 keeps a script's text as CDATA). */
    {"<script>window.__STATE__={\"published_at\":null,\"product\":{\"published_at\":"
     "\"2019-03-02T06:22:28+01:00\"}}</script>",
     "", "2019-03-02", "script data"},
    /* Nothing a reader sees: the source's most written date. */
    {"",
     "<img src=\"/files/2016/05/04/ar.png\" alt=\"\"><img src=\"/files/2016/05/04/b.png\" "
     "alt=\"\">",
     "2016-05-04", "page source"},
};

START_TEST(test_date_sources)
{
    const struct date_case *c = &date_cases[_i];
    char *html = page_with_head(c->head, c->body_top);
    sc_result *r = check_ok(html);
    char got[11];
    page_date_of(r, got);
    ck_assert_msg(strcmp(got, c->date) == 0, "case %d: date %s, expected %s", _i, got, c->date);
    ck_assert_ptr_nonnull(r->page.page_date_origin);
    ck_assert_msg(strncmp(r->page.page_date_origin, c->origin_prefix, strlen(c->origin_prefix)) ==
                      0,
                  "case %d: origin %s", _i, r->page.page_date_origin);
    /* The page-date block points at bytes of the page that hold the date. */
    const sc_block *b = block_of(r, SC_ROLE_PAGE_DATE);
    ck_assert_ptr_nonnull(b);
    ck_assert_uint_eq(b->field, SC_FIELD_PAGE);
    ck_assert_uint_lt(b->start, b->end);
    sc_result_free(r);
    free(html);
}
END_TEST

START_TEST(test_date_timestamp_kept)
{
    char *html = page_with_head(
        "<meta property=\"article:published_time\" content=\"2021-12-15T23:30:00-05:00\">", "");
    sc_result *r = check_ok(html);
    ck_assert_str_eq(r->page.page_date_time, "2021-12-15T23:30:00-05:00");
    char *t = block_text(r, block_of(r, SC_ROLE_PAGE_DATE));
    ck_assert_str_eq(t, "2021-12-15T23:30:00-05:00");
    free(t);
    sc_result_free(r);
    free(html);
}
END_TEST

START_TEST(test_no_date)
{
    char *html = page_with_head("", "");
    sc_result *r = check_ok(html);
    ck_assert(!r->page.has_page_date);
    sc_result_free(r);
    free(html);
}
END_TEST

/* ---- charsets ----------------------------------------------------------- */

START_TEST(test_latin1_meta_charset)
{
    const char *html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                       "charset=iso-8859-1\"><title>Caf\xE9 opens</title></head><body>"
                       "<article><p>The caf\xE9 on the corner opened on Monday, serving "
                       "cr\xEApes and coffee to the whole street.</p><p>Its owner, Ren\xE9, "
                       "said the first week went well, and he plans to hire two more cooks.</p>"
                       "</article></body></html>";
    sc_result *r = check_ok(html);
    ck_assert_str_eq(r->page.title, "Caf\xC3\xA9 opens");
    ck_assert(text_has(&r->page.article, "caf\xC3\xA9 on the corner"));
    ck_assert(text_has(&r->page.article, "Ren\xC3\xA9"));
    /* The title block points at the input's own (Latin-1) bytes. */
    char *t = block_text(r, block_of(r, SC_ROLE_TITLE));
    ck_assert_str_eq(t, "Caf\xE9 opens");
    free(t);
    sc_result_free(r);
}
END_TEST

/* libxml2 reads each page into an arena dropped with the page
 * (src/io/html_memory.c): pages in a row, with ids (libxml2's ID table
 * holds the dict) and a legacy charset (an iconv handler), and libxml2
 * used outside a page between them (the HTML report), read the same each
 * time; under ASan nothing leaks or is freed twice. */
static int discard_report(void *context, const char *data, size_t len)
{
    (void)context;
    (void)data;
    (void)len;
    return 0;
}

START_TEST(test_page_memory_released)
{
    const char *pages[] = {
        "<html><head><title>Bay</title></head><body><div id=\"main\" class=\"content\">"
        "<article id=\"story\">" EN_ARTICLE "</article></div><p id=\"main\">dup id</p>"
        "</body></html>",
        "<html><head><meta charset=\"windows-1252\"><title>Caf\xE9</title></head><body>"
        "<article id=\"a1\"><p>The caf\xE9 on the corner opened on Monday, serving "
        "cr\xEApes and coffee to the whole street, its owner said.</p></article></body></html>",
    };
    char *first[2] = {NULL, NULL};
    for (int round = 0; round < 3; round++) {
        for (size_t i = 0; i < 2; i++) {
            sc_result *r = check_ok(pages[i]);
            char *text = block_text(r, block_of(r, SC_ROLE_TITLE));
            if (round == 0)
                first[i] = text;
            else {
                ck_assert_str_eq(text, first[i]);
                free(text);
            }
            sc_report *report = sc_report_new(SC_REPORT_HTML, NULL, discard_report, NULL);
            ck_assert_ptr_nonnull(report);
            (void)sc_report_add(report, r);
            (void)sc_report_finish(report);
            sc_report_free(report);
            sc_result_free(r);
        }
    }
    free(first[0]);
    free(first[1]);
}
END_TEST

START_TEST(test_utf16_bom)
{
    const char *ascii = "<html><head><title>Bay</title></head><body><article><p>Volunteers "
                        "planted mangroves along the bay, and the city thanked them, saying "
                        "more would come.</p></article></body></html>";
    size_t n = strlen(ascii);
    char *buf = malloc(2 + 2 * n + 4);
    ck_assert_ptr_nonnull(buf);
    buf[0] = (char)0xFF;
    buf[1] = (char)0xFE;
    for (size_t i = 0; i < n; i++) {
        buf[2 + 2 * i] = ascii[i];
        buf[3 + 2 * i] = '\0';
    }
    sc_error e;
    sc_result *r = check_html(buf, 2 + 2 * n, &e);
    ck_assert_msg(r != NULL, "%s", e.message);
    ck_assert_str_eq(r->page.title, "Bay");
    ck_assert(text_has(&r->page.article, "Volunteers planted mangroves"));
    const sc_block *b = block_of(r, SC_ROLE_TITLE);
    ck_assert_ptr_nonnull(b);
    ck_assert_uint_eq(b->end - b->start, 6); /* "Bay" in UTF-16 */
    sc_result_free(r);
    free(buf);
}
END_TEST

/* ---- robustness --------------------------------------------------------- */

START_TEST(test_broken_markup)
{
    const char *html = "<html><body><div class=content><p>Volunteers planted mangroves along "
                       "the bay on Saturday, the department said.<p>They will protect "
                       "fishing villages from storms, officials explained</div></span></div>"
                       "<p>Unclosed <b>bold <i>and italic text that goes on, and on, and on."
                       "</body>";
    sc_result *r = check_ok(html);
    ck_assert(text_has(&r->page.article, "Volunteers planted mangroves"));
    ck_assert(text_has(&r->page.article, "fishing villages"));
    sc_result_free(r);
}
END_TEST

START_TEST(test_entities_and_br)
{
    const char *html = "<html><body><article><p>Rice &amp; fish prices rose 5&nbsp;percent, "
                       "traders said, &ldquo;again&rdquo;.<br>Fuel prices, however, fell "
                       "slightly over the week.</p></article></body></html>";
    sc_result *r = check_ok(html);
    ck_assert(text_has(&r->page.article, "Rice & fish prices rose 5 percent"));
    ck_assert(text_has(&r->page.article, "\xE2\x80\x9C"
                                         "again\xE2\x80\x9D.\nFuel prices"));
    sc_result_free(r);
}
END_TEST

static char *nested(size_t depth)
{
    const char *inner = "<p>Volunteers planted mangroves along the bay, the city said.</p>";
    size_t n = depth * 11 + strlen(inner) + 64;
    char *html = malloc(n);
    ck_assert_ptr_nonnull(html);
    size_t o = 0;
    o += (size_t)sprintf(html + o, "<html><body>");
    for (size_t i = 0; i < depth; i++)
        o += (size_t)sprintf(html + o, "<div>");
    o += (size_t)sprintf(html + o, "%s", inner);
    for (size_t i = 0; i < depth; i++)
        o += (size_t)sprintf(html + o, "</div>");
    sprintf(html + o, "</body></html>");
    return html;
}

START_TEST(test_deep_nesting_refused)
{
    char *html = nested(10000);
    sc_error e;
    sc_result *r = check_html(html, strlen(html), &e);
    ck_assert_ptr_null(r);
    ck_assert_int_eq(e.code, SC_ERR_LIMIT);
    ck_assert(strstr(e.message, "deeper") != NULL);
    free(html);
}
END_TEST

START_TEST(test_nesting_within_limit)
{
    char *html = nested(1900);
    sc_result *r = check_ok(html);
    ck_assert(text_has(&r->page.article, "Volunteers planted mangroves"));
    sc_result_free(r);
    free(html);
}
END_TEST

START_TEST(test_tag_limit)
{
    size_t n = 2000001;
    char *html = malloc(3 * n + 64);
    ck_assert_ptr_nonnull(html);
    size_t o = (size_t)sprintf(html, "<html><body><p>text");
    for (size_t i = 0; i < n; i++, o += 3)
        memcpy(html + o, "<b>", 3);
    html[o] = '\0';
    sc_error e;
    sc_result *r = check_html(html, o, &e);
    ck_assert_ptr_null(r);
    ck_assert_int_eq(e.code, SC_ERR_LIMIT);
    free(html);
}
END_TEST

START_TEST(test_scripts_ignored)
{
    const char *html =
        "<html><head><style>p { color: red; } .secret { display: block }</style>"
        "<script>var s = \"Injected sentence from a script, which must not be read.\";</script>"
        "</head><body><article><p>Volunteers planted mangroves along the bay on Saturday, "
        "the department said.</p><script>document.write('Another script sentence.');</script>"
        "<noscript><p>Please enable JavaScript to read the comments.</p></noscript>"
        "<template><p>Template text never shown.</p></template>"
        "<p style=\"display:none\">Hidden spam paragraph with cheap pills.</p>"
        "<p>They will protect fishing villages from storms, officials explained.</p>"
        "</article></body></html>";
    sc_result *r = check_ok(html);
    ck_assert(text_has(&r->page.article, "Volunteers planted mangroves"));
    ck_assert(text_has(&r->page.article, "fishing villages"));
    ck_assert(!text_has(&r->page.article, "Injected sentence"));
    ck_assert(!text_has(&r->page.article, "Another script"));
    ck_assert(!text_has(&r->page.article, "enable JavaScript"));
    ck_assert(!text_has(&r->page.article, "Template text"));
    ck_assert(!text_has(&r->page.article, "Hidden spam"));
    ck_assert(!text_has(&r->page.article, "color: red"));
    sc_result_free(r);
}
END_TEST

/* The reader hands libxml2 the page with script and style bodies cut to
 * their line breaks, puts back the ones it reads, and parses the page
 * whole when the tree disagrees with its cuts: each case must read as the
 * whole page does. */
static const struct body_case {
    const char *name;
    const char *head, *body_top;
    const char *date;      /* page date, "none" */
    const char *origin;    /* its origin's prefix, or NULL */
    const char *date_text; /* the page-date block's bytes, or NULL */
} body_cases[] = {
    {"a script in a conditional comment",
     "<!--[if lt IE 9]><script>var s = \"Injected\";</script><![endif]-->"
     "<script>\nvar a = 1;\n\n</script>",
     "<p class=\"date\">Published 12 March 2021</p>", "2021-03-12", "date line", "12 March 2021"},
    {"JSON-LD after long scripts over many lines",
     "<script>\nvar a = [1,\n2,\r\n3];\n</script><style>\np { color: red }\n</style>"
     "<script type=\"application/ld+json\">\n{\"@context\": \"https://schema.org\", "
     "\"@type\": \"NewsArticle\", \"datePublished\": \"2020-06-01T08:00:00+02:00\"}\n</script>",
     "", "2020-06-01", "json-ld", NULL},
    {"script data beside a control character",
     "<script>window.__S__={\"published_at\":\"2019-03-02T06:22:28+01:00\",\"x\":\"\x01\"}"
     "</script>",
     "", "2019-03-02", "script data", NULL},
    {"a script whose end tag runs on as a longer name",
     "<script>var a = \"</scriptx>\"; var b = \"<p>Injected</p>\";</script>",
     "<p class=\"date\">Published 12 March 2021</p>", "2021-03-12", "date line", "12 March 2021"},
    {"a quoted '>' in a script's start tag",
     "<script data-x=\"a>b\" src='c>d'>var s = \"</div>\";\n</script>",
     "\n\n<time datetime=\"2018-11-05\">5 Nov 2018</time>", "2018-11-05", "time", NULL},
    {"self-closed and empty scripts, a style that opens with a tag",
     "<script src=\"a.js\"/><script></script><style><p>x</p>\n</style>",
     "<p class=\"date\">Published 12 March 2021</p>", "2021-03-12", "date line", "12 March 2021"},
    {"a script opened in an attribute value and in a comment",
     "<meta name=\"x\" content=\"<script>\"><script>var a = '-->';\n</script>",
     "<p class=\"date\">Published 12 March 2021</p><!-- <script> --!>", "2021-03-12", "date line",
     "12 March 2021"},
};

START_TEST(test_script_bodies)
{
    const struct body_case *c = &body_cases[_i];
    char *html = page_with_head(c->head, c->body_top);
    sc_result *r = check_ok(html);
    char got[11];
    page_date_of(r, got);
    ck_assert_msg(strcmp(got, c->date) == 0, "%s: date %s, expected %s", c->name, got, c->date);
    if (c->origin != NULL) {
        ck_assert_ptr_nonnull(r->page.page_date_origin);
        ck_assert_msg(strncmp(r->page.page_date_origin, c->origin, strlen(c->origin)) == 0,
                      "%s: origin %s", c->name, r->page.page_date_origin);
    }
    if (c->date_text != NULL) {
        char *t = block_text(r, block_of(r, SC_ROLE_PAGE_DATE));
        ck_assert_msg(strstr(t, c->date_text) != NULL, "%s: date block %s", c->name, t);
        free(t);
    }
    /* The title still points at its own bytes. */
    const sc_block *b = block_of(r, SC_ROLE_TITLE);
    ck_assert_ptr_nonnull(b);
    char *t = block_text(r, b);
    ck_assert_msg(strcmp(t, "Mangroves") == 0 || strcmp(t, "Volunteers plant mangroves") == 0,
                  "%s: title %s", c->name, t);
    free(t);
    ck_assert(text_has(&r->page.article, "MANILA, Philippines"));
    ck_assert(text_has(&r->page.article, "second planting drive"));
    ck_assert(!text_has(&r->page.article, "Injected"));
    sc_result_free(r);
    free(html);
}
END_TEST

/* ---- attribute values cut before the parse (html_cut.c) ---------------- */

/* Values of attributes the reader never reads are cut to their line
 * breaks before libxml2 parses a page, and the tree is checked against
 * the cuts.  Each case: the tree of the cut text, when the check takes
 * it, must hold all the reader reads exactly as the tree of the whole
 * page does. */
static const struct attr_cut_case {
    const char *name;
    const char *html;
    bool cut;         /* some value is cut */
    bool matches;     /* the check takes the cut tree */
    const char *gone; /* bytes the cut text no longer holds, or NULL */
    const char *stay; /* bytes it still holds, or NULL */
} attr_cut_cases[] = {
    {"image data and data attributes",
     "<html><body><img src=\"data:image/png;base64,AAAAAAAA\" alt=\"x\">\n<p data-x=\"0123\n"
     "456789\">Text</p></body></html>",
     true, true, "base64", NULL},
    {"kept attributes stay, a link's href goes",
     "<html><head><meta property=\"og:title\" content=\"A title long enough\"><link "
     "rel=\"canonical\" href=\"https://example.com/2020/01/02/story\"></head><body><a "
     "href=\"https://example.com/elsewhere\" class=\"nav-link\" title=\"Somewhere else\">A</a>"
     "<abbr title=\"2020-01-02T10:00\">Jan 2</abbr></body></html>",
     true, true, "elsewhere", NULL},
    {"a repeated attribute, in another case",
     "<html><body><svg viewBox=\"0 0 32 32\" viewbox=\"0 0 32 32\"><path d=\"M26 14l-14 "
     "0z\"/></svg><p>Text</p></body></html>",
     true, true, "M26", NULL},
    {"unquoted quotes inside a value",
     "<html><body><img title=\"\"Rush\" - a film\" alt=\"\"Rush\" - a film\" "
     "src=\"/img/rush-a-film.jpg\"><p>Text</p></body></html>",
     true, true, "rush-a-film", NULL},
    {"a misplaced body tag drops its attributes, which are not cut",
     "<html><body><p>One</p><body data-money-format=\"${{amount}} USD\" onload=\"init(1, 2)\">"
     "<p data-x=\"0123456789\">Two</p></body></html>",
     true, true, "0123456789", NULL},
    {"a prefixed element",
     "<html><body><fb:like data-href=\"https://example.com/story\"></fb:like><fb:link "
     "href=\"https://example.com/kept-link\" data-y=\"0123456789\"></fb:link></body></html>",
     true, true, "example.com/story", NULL},
    {"markup inside a value is not cut",
     "<html><body><div data-html=\"<p class='x'>Injected paragraph</p>\"><p>Text</p></div>"
     "</body></html>",
     false, false, NULL, NULL},
    {"an unquoted value is left",
     "<html><body><img src=https://example.com/unquoted.png alt=x><p>Text</p></body></html>", false,
     false, NULL, NULL},
    {"an end tag with attributes",
     "<html><body><p>Text</p data-x=\"<img src='0123456789'>\"><img "
     "src=\"https://example.com/after.png\"></body></html>",
     true, true, "after.png", NULL},
    {"a comment that ends at once, then a tag",
     "<html><body><!--><img src=\"https://example.com/inside.png\"><!-- x --><p>Text</p>"
     "<img src=\"https://example.com/after.png\"></body></html>",
     true, true, "after.png", NULL},
    {"a tag in a processing instruction",
     "<html><body><?php echo \"<img src='https://example.com/pi.png'>\" ?><p>Text</p>"
     "<img src=\"https://example.com/after.png\"></body></html>",
     true, false, NULL, NULL},
    /* libxml2 ends the instruction at the value's '>': cutting the value
     * of the <body> this scan sees would hide the text after it, and the
     * check lets a misplaced <body>'s attributes go missing. */
    {"a body tag in a processing instruction, its value holding the end",
     "<html><body><p>Text</p>\n<?pi <body onload=\"x>Hidden text about the mayor\">"
     "<body onclick=\"\"><p>More</p><img src=\"https://example.com/after.png\"></body></html>",
     true, true, "after.png", NULL},
    {"a value holding a '>' is not cut",
     "<html><body><?pi <div title=\"x>Hidden text about the mayor\"><p>Text</p>"
     "<img src=\"https://example.com/after.png\"></body></html>",
     true, false, "after.png", NULL},
    /* Values the reader reads are cut too, and put back after the check:
     * the tree must hold them as the whole page's does. */
    {"kept values are cut and put back",
     "<html><head><meta property=\"og:description\" content=\"Volunteers plant mangroves\">"
     "</head><body><div class=\"story-body-wrapper\" id=\"main-story-block\">\n<p "
     "style=\"display: none\" class=\"first-class-name\" class=\"second-class-name\">Text</p>"
     "</div></body></html>",
     true, true, "story-body-wrapper", NULL},
    {"a kept value with an entity stays",
     "<html><body><div class=\"news&amp;views-box\" data-x=\"0123456789\"><p>Text</p></div>"
     "</body></html>",
     true, true, "0123456789", "news&amp;views-box"},
    {"a meta tag's values stay beside a charset",
     "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
     "<meta charset=\"utf-8\" content=\"a content of its own\"></head><body><p "
     "class=\"paragraph-class\">Text</p></body></html>",
     true, true, "paragraph-class", "charset=utf-8"},
    {"a misplaced body tag keeps its kept values",
     "<html><body class=\"first-body-class\"><p class=\"paragraph-class\">One</p><body "
     "class=\"second-body-class\"><p>Two</p></body></html>",
     true, true, "paragraph-class", "second-body-class"},
};

static xmlDoc *parse_for_cut_test(const char *text, size_t len)
{
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(text, (int)len);
    ck_assert_ptr_nonnull(ctxt);
    xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    ctxt->linenumbers = 1;
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                 HTML_PARSE_NONET | HTML_PARSE_COMPACT);
    htmlParseDocument(ctxt);
    xmlDoc *doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    htmlFreeParserCtxt(ctxt);
    ck_assert_ptr_nonnull(doc);
    return doc;
}

static bool same_text(const xmlChar *a, const xmlChar *b)
{
    return (a == NULL && b == NULL) ||
           (a != NULL && b != NULL && strcmp((const char *)a, (const char *)b) == 0);
}

/* Whether two trees agree on all the reader reads: nodes, names, lines,
 * text, and the values of the attributes it keeps (a script or style body
 * is checked by html_cut_matches itself). */
static bool same_tree(const xmlNode *a, const xmlNode *b)
{
    for (; a != NULL && b != NULL; a = a->next, b = b->next) {
        if (a->type != b->type || !same_text(a->name, b->name))
            return false;
        if ((a->type == XML_ELEMENT_NODE || a->type == XML_TEXT_NODE) && a->line != b->line)
            return false;
        if (a->type != XML_ELEMENT_NODE) {
            if (a->type == XML_TEXT_NODE && !same_text(a->content, b->content))
                return false;
            continue;
        }
        const xmlAttr *x = a->properties, *y = b->properties;
        for (; x != NULL && y != NULL; x = x->next, y = y->next) {
            if (!same_text(x->name, y->name))
                return false;
            const char *name = (const char *)x->name;
            if (html_cut_keeps_attr(name, strlen(name), (const char *)a->name,
                                    strlen((const char *)a->name)) &&
                !same_text(x->children != NULL ? x->children->content : NULL,
                           y->children != NULL ? y->children->content : NULL))
                return false;
        }
        if (x != NULL || y != NULL)
            return false;
        bool raw = strcmp((const char *)a->name, "script") == 0 ||
                   strcmp((const char *)a->name, "style") == 0;
        if (!raw && !same_tree(a->children, b->children))
            return false;
    }
    return a == NULL && b == NULL;
}

/* The page html[0..len) in *h (its arena new, its line starts in the
 * array returned, for the caller to free) and its cut in *c, unread
 * values cut too. */
static size_t *cut_page(const char *html, size_t len, html_doc *h, html_cut *c)
{
    memset(h, 0, sizeof *h);
    h->arena = sc_arena_new();
    ck_assert_ptr_nonnull(h->arena);
    h->raw = html;
    h->raw_len = len;
    size_t *lines = calloc(len + 1, sizeof *lines);
    ck_assert_ptr_nonnull(lines);
    h->n_lines = 1;
    for (size_t i = 0; i < len; i++)
        if (html[i] == '\n')
            lines[h->n_lines++] = i + 1;
    h->line_starts = lines;
    memset(c, 0, sizeof *c);
    c->unread_on = true;
    html_cut_bodies(h, c);
    return lines;
}

START_TEST(test_attribute_cuts)
{
    const struct attr_cut_case *t = &attr_cut_cases[_i];
    html_doc h;
    html_cut c;
    size_t *lines = cut_page(t->html, strlen(t->html), &h, &c);
    ck_assert_msg((c.text != NULL) == t->cut, "%s: cut %d", t->name, c.text != NULL);
    if (c.text != NULL) {
        if (t->gone != NULL)
            ck_assert_msg(sc_find_bytes(c.text, c.len, t->gone, strlen(t->gone)) == NULL,
                          "%s: %s still there", t->name, t->gone);
        if (t->stay != NULL)
            ck_assert_msg(sc_find_bytes(c.text, c.len, t->stay, strlen(t->stay)) != NULL,
                          "%s: %s cut", t->name, t->stay);
        xmlDoc *cut = parse_for_cut_test(c.text, c.len);
        xmlDoc *whole = parse_for_cut_test(h.raw, h.raw_len);
        bool matches = html_cut_matches(&h, cut, &c);
        ck_assert_msg(matches == t->matches, "%s: matches %d", t->name, matches);
        if (matches)
            ck_assert_msg(same_tree(cut->children, whole->children), "%s: trees differ", t->name);
        xmlFreeDoc(cut);
        xmlFreeDoc(whole);
        free(c.text);
    }
    /* A user's selector may read any attribute: nothing of them is cut. */
    memset(&c, 0, sizeof c);
    html_cut_bodies(&h, &c);
    ck_assert_ptr_null(c.text);
    free(lines);
    sc_arena_free(h.arena);
}
END_TEST

/* Random pages of attributes the reader reads and does not read, values
 * with entities, quotes, '>', line breaks, control characters and
 * U+FFFE: wherever the check takes the cut tree, it holds what the whole
 * page's does, the values put back included. */
static void random_attr_page(uint64_t *rng, sc_buf *b)
{
    static const char *const tags[] = {"div",  "p",    "span", "a",    "meta", "img",
                                       "body", "abbr", "link", "time", "html", "section"};
    static const char *const names[] = {"class",    "id",     "style",      "content", "title",
                                        "href",     "data-x", "src",        "alt",     "onclick",
                                        "itemprop", "CLASS",  "http-equiv", "name",    "charset"};
    static const char *const pieces[] = {
        "story",    "-body-wrapper", " ", "x",    "&amp;",    "&#38;",        ">",
        "\n",       "\r\n",          "'", "\x01", "\xc3\xa9", "\xef\xbf\xbe", "display:none",
        "og:title", "utf-8"};
    sc_buf_puts(b, "<html><body>\n");
    size_t n_tags = 1 + sc_test_random(rng) % 12;
    for (size_t t = 0; t < n_tags; t++) {
        const char *tag = tags[sc_test_random(rng) % (sizeof tags / sizeof tags[0])];
        sc_buf_printf(b, "<%s", tag);
        size_t n_attrs = sc_test_random(rng) % 5;
        for (size_t k = 0; k < n_attrs; k++) {
            sc_buf_printf(b, " %s=", names[sc_test_random(rng) % (sizeof names / sizeof names[0])]);
            bool single = sc_test_random(rng) % 4 == 0;
            sc_buf_putc(b, single ? '\'' : '"');
            size_t n_pieces = sc_test_random(rng) % 6;
            for (size_t i = 0; i < n_pieces; i++) {
                const char *piece =
                    pieces[sc_test_random(rng) % (sizeof pieces / sizeof pieces[0])];
                sc_buf_puts(b, piece[0] == '\'' && single ? "\"" : piece);
            }
            sc_buf_putc(b, single ? '\'' : '"');
        }
        sc_buf_printf(b, ">Text %zu%s", t, sc_test_random(rng) % 3 == 0 ? "\n" : "");
        if (sc_test_random(rng) % 2 == 0)
            sc_buf_printf(b, "</%s>", tag);
    }
    sc_buf_puts(b, "</body></html>");
}

START_TEST(test_attribute_cuts_random)
{
    sc_xml_quiet(); /* libxml2 complains of U+FFFE in a value */
    uint64_t rng = 0x5eed0a77;
    size_t restored = 0;
    for (int round = 0; round < 400; round++) {
        sc_buf b;
        sc_buf_init(&b);
        random_attr_page(&rng, &b);
        ck_assert(!b.failed);
        html_doc h;
        html_cut c;
        size_t *lines = cut_page(b.data, b.len, &h, &c);
        if (c.text != NULL) {
            for (size_t i = 0; i < c.n_attrs; i++)
                restored += c.attrs[i].restore;
            xmlDoc *cut = parse_for_cut_test(c.text, c.len);
            xmlDoc *whole = parse_for_cut_test(h.raw, h.raw_len);
            if (html_cut_matches(&h, cut, &c))
                SC_CHECK(same_tree(cut->children, whole->children), "trees differ: %s", b.data);
            xmlFreeDoc(cut);
            xmlFreeDoc(whole);
            free(c.text);
        }
        free(lines);
        sc_arena_free(h.arena);
        sc_buf_release(&b);
    }
    /* The values put back are many, not a corner. */
    ck_assert_uint_gt(restored, 100);
}
END_TEST

/* ---- the summary and its disclaimer ------------------------------------- */

static const struct summary_case {
    const char *name;
    const char *html;
    bool disclaimer;
    const char *summary; /* NULL: none */
} summary_cases[] = {
    {"rappler-like box, English disclaimer after the summary",
     "<html><body>" CHROME_TOP "<h1>Volunteers plant mangroves</h1>"
     "<div class=\"post-single__summary\"><p>" EN_SUMMARY "</p>"
     "<p class=\"post-single__disclaimer\">" EN_DISCLAIMER "</p></div>"
     "<div class=\"post-single__content\">" EN_ARTICLE "</div>" CHROME_BOTTOM "</body></html>",
     true, EN_SUMMARY},
    {"box, disclaimer first",
     "<html><body><h1>Volunteers plant mangroves</h1><section class=\"ai-summary\">"
     "<h3>Summary</h3><p><em>" EN_DISCLAIMER "</em></p><p>" EN_SUMMARY "</p></section>"
     "<div class=\"entry-content\">" EN_ARTICLE "</div></body></html>",
     true, EN_SUMMARY},
    {"no box: summary after its disclaimer",
     "<html><body><div><h1>Volunteers plant mangroves</h1><p>" ID_DISCLAIMER "</p><p>" EN_SUMMARY
     "</p>" EN_ARTICLE "</div></body></html>",
     true, EN_SUMMARY},
    {"no box: summary before its disclaimer",
     "<html><body><div><h1>Volunteers plant mangroves</h1><p>" EN_SUMMARY
     "</p><p><small>" EN_DISCLAIMER "</small></p>" EN_ARTICLE "</div></body></html>",
     true, EN_SUMMARY},
    {"bullet list before its disclaimer",
     "<html><body><h1>Volunteers plant mangroves</h1><ul><li>Volunteers planted 5,000 "
     "seedlings.</li><li>The seedlings protect villages.</li></ul><p>" EN_DISCLAIMER
     "</p><div class=\"story-body\">" EN_ARTICLE "</div></body></html>",
     true, "Volunteers planted 5,000 seedlings.\nThe seedlings protect villages."},
    {"a summary box without a disclaimer",
     "<html><body><h1>Volunteers plant mangroves</h1><div class=\"key-points\"><p>" EN_SUMMARY
     "</p></div><article>" EN_ARTICLE "</article></body></html>",
     false, EN_SUMMARY},
    {"no summary at all",
     "<html><body>" CHROME_TOP "<h1>Volunteers plant mangroves</h1><article>" EN_ARTICLE
     "</article>" CHROME_BOTTOM "</body></html>",
     false, NULL},
    {"a disclaimer without its summary",
     "<html><body><h1>Volunteers plant mangroves</h1><div class=\"notice-box\"><p>" EN_DISCLAIMER
     "</p></div><hr><article>" EN_ARTICLE "</article></body></html>",
     true, NULL},
};

START_TEST(test_summary_blocks)
{
    const struct summary_case *c = &summary_cases[_i];
    sc_result *r = check_ok(c->html);
    ck_assert_msg(r->page.has_disclaimer == c->disclaimer, "%s: disclaimer", c->name);
    ck_assert_msg(r->page.has_summary == (c->summary != NULL), "%s: summary %s", c->name,
                  r->page.has_summary ? "found" : "missing");
    if (c->summary != NULL) {
        ck_assert_uint_eq(r->page.summary.field, SC_FIELD_SUMMARY);
        ck_assert_msg(r->page.summary.len == strlen(c->summary) &&
                          memcmp(r->page.summary.data, c->summary, r->page.summary.len) == 0,
                      "%s: summary \"%.*s\"", c->name, (int)r->page.summary.len,
                      r->page.summary.data);
        /* The summary is not also article text. */
        ck_assert_msg(!text_has(&r->page.article, "Saturday."), "%s: summary in the article",
                      c->name);
    }
    if (c->disclaimer) {
        const sc_block *b = block_of(r, SC_ROLE_DISCLAIMER);
        ck_assert_ptr_nonnull(b);
        char *t = block_text(r, b);
        ck_assert_msg(strstr(t, "AI") != NULL && strchr(t, '<') == NULL, "%s: disclaimer span %s",
                      c->name, t);
        free(t);
        ck_assert(!text_has(&r->page.article, "AI generated"));
    }
    /* The article is there, without the page's chrome. */
    ck_assert_msg(text_has(&r->page.article, "Volunteers planted 5,000 mangrove seedlings along "
                                             "the coast of Manila Bay on Saturday, the"),
                  "%s: article \"%.*s\"", c->name, (int)r->page.article.len, r->page.article.data);
    ck_assert(text_has(&r->page.article, "second planting drive"));
    ck_assert(!text_has(&r->page.article, "Sports"));
    ck_assert(!text_has(&r->page.article, "Copyright"));
    ck_assert(!text_has(&r->page.article, "Another story"));
    sc_result_free(r);
}
END_TEST

/* ---- credit and junk ---------------------------------------------------- */

START_TEST(test_junk_after_credit)
{
    const char *html = "<html><body><h1>Mangroves</h1><div class=\"entry-content\">"
                       "<p>" EN_P1 "</p><p>" EN_P2 "</p><p>" EN_P3 " &ndash; Rappler.com</p>"
                       "<p>Keluaran SDY</p></div></body></html>";
    sc_result *r = check_ok(html);
    ck_assert(text_has(&r->page.article, "second planting drive"));
    ck_assert(!text_has(&r->page.article, "Rappler.com"));
    ck_assert(!text_has(&r->page.article, "Keluaran"));
    const sc_block *b = block_of(r, SC_ROLE_EXTRANEOUS);
    ck_assert_ptr_nonnull(b);
    char *t = block_text(r, b);
    ck_assert_str_eq(t, "Keluaran SDY");
    free(t);
    b = block_of(r, SC_ROLE_CREDIT);
    ck_assert_ptr_nonnull(b);
    t = block_text(r, b);
    ck_assert_str_eq(t, "&ndash; Rappler.com");
    free(t);
    /* The dateline opens the article text. */
    b = block_of(r, SC_ROLE_DATELINE);
    ck_assert_ptr_nonnull(b);
    ck_assert_uint_eq(b->field, SC_FIELD_SOURCE);
    ck_assert_uint_eq(b->start, 0);
    bool warned = false;
    for (size_t i = 0; i < r->n_findings; i++)
        warned |= strcmp(r->findings[i].rule, "extraneous-content") == 0;
    ck_assert(warned);
    sc_result_free(r);
}
END_TEST

START_TEST(test_spans_are_exact)
{
    const char *html = "<html><head><title>Mangroves &amp; the bay</title></head><body>"
                       "<article><p>" EN_P1 "</p><p>" EN_P2 "</p></article></body></html>";
    sc_result *r = check_ok(html);
    ck_assert_str_eq(r->page.title, "Mangroves & the bay");
    char *t = block_text(r, block_of(r, SC_ROLE_TITLE));
    ck_assert_str_eq(t, "Mangroves &amp; the bay");
    free(t);
    const sc_block *body = block_of(r, SC_ROLE_BODY);
    ck_assert_ptr_nonnull(body);
    ck_assert_uint_eq(body->field, SC_FIELD_SOURCE);
    ck_assert_uint_eq(body->end, r->page.article.len);
    sc_result_free(r);
}
END_TEST

START_TEST(test_detected_as_html)
{
    const char *html = "  <!DOCTYPE html><html><body><article><p>" EN_P1 "</p></article>"
                       "</body></html>";
    ck_assert_int_eq(sc_detect_input_format(html, strlen(html), NULL), SC_INPUT_HTML);
    sc_options o;
    sc_options_init(&o);
    sc_error e;
    sc_result *r = sc_check(html, strlen(html), "x", &o, &e);
    ck_assert_ptr_nonnull(r);
    ck_assert(text_has(&r->page.article, "Volunteers planted"));
    sc_result_free(r);
}
END_TEST

START_TEST(test_no_text)
{
    const char *html = "<html><head><title>x</title></head><body><script>var a;</script>"
                       "</body></html>";
    sc_error e;
    sc_result *r = check_html(html, strlen(html), &e);
    ck_assert_ptr_null(r);
    ck_assert_int_eq(e.code, SC_ERR_INPUT);
}
END_TEST

/* ---- the article among other blocks ------------------------------------ */

#define LONG_LEAD                                                                                  \
    "Thousands of volunteers from fishing villages, schools and city offices came to the shore "   \
    "of Manila Bay before dawn on Saturday to plant mangrove seedlings along four kilometres of "  \
    "coast."

static const struct article_case {
    const char *name;
    const char *html;
    const char *has;     /* in the article */
    const char *has_not; /* not in the article, or NULL */
} article_cases[] = {
    {"a lead in the page header beside the heading joins the article",
     "<html><body><header class=\"page-head\"><h1>Mangroves</h1><p>" LONG_LEAD
     "</p></header><nav><a href=\"/\">Home</a></nav><div class=\"entry-content\">" EN_ARTICLE
     "</div>" CHROME_BOTTOM "</body></html>",
     "volunteers from fishing villages", "Copyright"},
    {"a stray NUL byte does not end the page",
     "<html><body><p>Ad\x01</p><div class=\"x\">\0</div><article>" EN_ARTICLE
     "</article></body></html>",
     "second planting drive", NULL},
    {"soft hyphens and zero-width spaces are not text",
     "<html><body><article><p>The man\xC2\xADgrove seed\xE2\x80\x8Blings will protect fishing "
     "villages from storm surges, officials explained on Saturday at the bay.</p>" EN_ARTICLE
     "</article></body></html>",
     "The mangrove seedlings will protect", NULL},
    {"a text block whose class says its label is hidden",
     "<html><body><article><div class=\"field field-label-hidden\">" EN_ARTICLE
     "</div></article></body></html>",
     "second planting drive", NULL},
    {"a layout column named sidebar that holds the text",
     "<html><body><div class=\"page\"><div class=\"c-fixed-sidebar-layout\"><div "
     "class=\"main\">" EN_ARTICLE "</div></div><div class=\"nav\"><a href=\"/a\">A</a> <a "
     "href=\"/b\">B</a></div><div class=\"widget\"><p>" LONG_LEAD "</p><p>" LONG_LEAD
     "</p><p>" LONG_LEAD "</p><p>" LONG_LEAD "</p></div></div></body></html>",
     "second planting drive", NULL},
    {"quotes and no-break spaces inside and between words",
     "<html><body><article><p>Curly \xE2\x80\x9Cquotes\xE2\x80\x9D and a no-break\xC2\xA0space "
     "stay in the text about the mangroves of the bay, officials said.</p>" EN_ARTICLE
     "</article></body></html>",
     "Curly \xE2\x80\x9Cquotes\xE2\x80\x9D and a no-break space stay", NULL},
    {"taxonomy and state classes name no layout; a whole-word keyword is no prefix",
     "<html><body><div class=\"has-sidebar category-news adventure\"><div "
     "class=\"tag-bay author-kinra\">" EN_ARTICLE "</div></div><div class=\"author-box\"><p>"
     "Written by a volunteer who writes about the bay and its mangroves every week.</p></div>"
     "</body></html>",
     "second planting drive", "Written by a volunteer"},
    {"a heading left without its related list",
     "<html><body><article>" EN_ARTICLE "<h2>More stories</h2><ul class=\"related\"><li><a "
     "href=\"/a\">Another story about the bay</a></li></ul></article></body></html>",
     "second planting drive", "More stories"},
};

START_TEST(test_article_blocks)
{
    const struct article_case *c = &article_cases[_i];
    sc_error e;
    size_t len = strlen(c->html);
    /* The NUL case: the page goes on after the NUL. */
    if (strstr(c->name, "NUL") != NULL)
        len += strlen(c->html + len + 1) + 1;
    sc_result *r = check_html(c->html, len, &e);
    ck_assert_msg(r != NULL, "%s: not read: %s", c->name, e.message != NULL ? e.message : "?");
    ck_assert_msg(text_has(&r->page.article, c->has), "%s: article \"%.*s\"", c->name,
                  (int)r->page.article.len, r->page.article.data);
    if (c->has_not != NULL)
        ck_assert_msg(!text_has(&r->page.article, c->has_not), "%s: has \"%s\"", c->name,
                      c->has_not);
    sc_result_free(r);
}
END_TEST

START_TEST(test_stray_latin1_byte)
{
    /* A UTF-8 page with one Latin-1 byte: the rest stays UTF-8, the stray
     * byte becomes "?" at the same offset. */
    const char *html =
        "<html><head><meta charset=\"utf-8\"></head><body><article><p>M\xE4scot "
        "says: Gr\xC3\xBC\xC3\x9F"
        "e aus K\xC3\xB6ln, wo die Stra\xC3\x9F"
        "en "
        "gr\xC3\xBCn sind und die B\xC3\xA4ume bl\xC3\xBChen, sch\xC3\xB6n.</p>" EN_ARTICLE
        "</article></body></html>";
    sc_result *r = check_ok(html);
    ck_assert_msg(text_has(&r->page.article, "Gr\xC3\xBC\xC3\x9F"
                                             "e aus K\xC3\xB6ln"),
                  "article \"%.*s\"", (int)r->page.article.len, r->page.article.data);
    ck_assert(text_has(&r->page.article, "M?scot"));
    sc_result_free(r);
}
END_TEST

START_TEST(test_month_name_of_another_language)
{
    /* lang says English; the date line is German. */
    const char *html = "<html lang=\"en\"><body><h1>Mangroves</h1><span class=\"field-published\">"
                       "le 07 Mai 2020</span><article>" EN_ARTICLE "</article></body></html>";
    sc_result *r = check_ok(html);
    ck_assert(r->page.has_page_date);
    ck_assert_int_eq(r->page.page_date.year, 2020);
    ck_assert_int_eq(r->page.page_date.month, 5);
    ck_assert_int_eq(r->page.page_date.day, 7);
    sc_result_free(r);
}
END_TEST

/* ---- the user's selectors --------------------------------------------- */

/* A page whose summary box and article container carry names no
 * heuristic knows, beside a teaser link the extractor leaves out. */
#define SELECTOR_PAGE                                                                              \
    "<html><body><h1>Volunteers plant mangroves</h1><div class=\"box-x lead\"><p>" EN_SUMMARY      \
    "</p></div><div class=\"wrap\"><div id=\"story\">" EN_ARTICLE "</div><div class=\"other\">"    \
    "<p><a href=\"/cat\">Elsewhere: cat was rescued from a tree</a></p></div></div>"               \
    "</body></html>"

static const struct selector_case {
    const char *summary_selector, *article_selector;
    const char *summary; /* NULL: no summary */
    bool has_cat;        /* the article holds the teaser */
} selector_cases[] = {
    {NULL, NULL, NULL, false},
    {"div.box-x", NULL, EN_SUMMARY, false},
    {".lead", NULL, EN_SUMMARY, false},
    {"body > div.box-x p", NULL, EN_SUMMARY, false},
    {"//div[contains(@class, 'box-x')]", NULL, EN_SUMMARY, false},
    {"div.box-x", "#story", EN_SUMMARY, false},
    {NULL, "div.wrap", NULL, true},
    {NULL, "//div[@class='wrap']", NULL, true},
    /* Picking nothing leaves the choice to the reader. */
    {"div.nowhere", "#nowhere", NULL, false},
};

START_TEST(test_selectors)
{
    const struct selector_case *c = &selector_cases[_i];
    sc_options o;
    sc_options_init(&o);
    o.input_format = SC_INPUT_HTML;
    o.summary_selector = c->summary_selector;
    o.article_selector = c->article_selector;
    sc_error e;
    memset(&e, 0, sizeof e);
    sc_result *r = sc_check(SELECTOR_PAGE, strlen(SELECTOR_PAGE), "page.html", &o, &e);
    ck_assert_msg(r != NULL, "not read: %s", e.message != NULL ? e.message : "?");
    ck_assert_msg(r->page.has_summary == (c->summary != NULL), "case %d: summary", _i);
    if (c->summary != NULL) {
        ck_assert_uint_eq(r->page.summary.len, strlen(c->summary));
        ck_assert(memcmp(r->page.summary.data, c->summary, r->page.summary.len) == 0);
        ck_assert(!text_has(&r->page.article, "on Saturday."));
    }
    ck_assert_msg(text_has(&r->page.article, "second planting drive"), "case %d: article", _i);
    ck_assert_msg(text_has(&r->page.article, "cat was rescued") == c->has_cat, "case %d: teaser",
                  _i);
    ck_assert(!text_has(&r->page.article, "Volunteers plant mangroves"));
    sc_result_free(r);
}
END_TEST

static const char *const bad_selectors[] = {
    "", "div[x", "a:hover", "div,p", "//div[", "div..x", "#", "p > ", "> p",
};

START_TEST(test_bad_selectors)
{
    sc_options o;
    sc_options_init(&o);
    o.summary_selector = bad_selectors[_i];
    sc_error e;
    memset(&e, 0, sizeof e);
    ck_assert_msg(sc_options_validate(&o, &e) == SC_ERR_OPTION, "'%s' accepted", bad_selectors[_i]);
    sc_options_init(&o);
    o.article_selector = bad_selectors[_i];
    ck_assert_int_eq(sc_options_validate(&o, &e), SC_ERR_OPTION);
}
END_TEST

START_TEST(test_selector_length_limit)
{
    /* SELECTOR_MAX_BYTES: a selector too long for a person to type. */
    char sel[2100];
    for (size_t i = 0; i < sizeof sel - 1; i++)
        sel[i] = i % 2 ? 'p' : ' ';
    sel[sizeof sel - 1] = '\0';
    sc_options o;
    sc_options_init(&o);
    o.summary_selector = sel;
    ck_assert_int_eq(sc_options_validate(&o, NULL), SC_ERR_OPTION);
    sel[1000] = '\0';
    ck_assert_int_eq(sc_options_validate(&o, NULL), SC_OK);
}
END_TEST

static Suite *html_suite(void)
{
    Suite *s = suite_create("html");
    TCase *tc = tcase_create("dates");
    tcase_add_loop_test(tc, test_date_sources, 0, (int)(sizeof date_cases / sizeof date_cases[0]));
    tcase_add_test(tc, test_date_timestamp_kept);
    tcase_add_test(tc, test_no_date);
    suite_add_tcase(s, tc);
    tc = tcase_create("bytes");
    tcase_add_test(tc, test_latin1_meta_charset);
    tcase_add_test(tc, test_utf16_bom);
    tcase_add_test(tc, test_broken_markup);
    tcase_add_test(tc, test_entities_and_br);
    tcase_add_test(tc, test_deep_nesting_refused);
    tcase_add_test(tc, test_nesting_within_limit);
    tcase_add_test(tc, test_tag_limit);
    tcase_add_test(tc, test_scripts_ignored);
    tcase_add_loop_test(tc, test_script_bodies, 0, (int)(sizeof body_cases / sizeof body_cases[0]));
    tcase_add_loop_test(tc, test_attribute_cuts, 0,
                        (int)(sizeof attr_cut_cases / sizeof attr_cut_cases[0]));
    tcase_add_test(tc, test_attribute_cuts_random);
    tcase_add_test(tc, test_spans_are_exact);
    tcase_add_test(tc, test_detected_as_html);
    tcase_add_test(tc, test_no_text);
    suite_add_tcase(s, tc);
    tc = tcase_create("blocks");
    tcase_add_loop_test(tc, test_summary_blocks, 0,
                        (int)(sizeof summary_cases / sizeof summary_cases[0]));
    tcase_add_test(tc, test_junk_after_credit);
    suite_add_tcase(s, tc);
    tc = tcase_create("article");
    tcase_add_loop_test(tc, test_article_blocks, 0,
                        (int)(sizeof article_cases / sizeof article_cases[0]));
    tcase_add_test(tc, test_stray_latin1_byte);
    tcase_add_test(tc, test_month_name_of_another_language);
    tcase_add_test(tc, test_page_memory_released);
    suite_add_tcase(s, tc);
    tc = tcase_create("selectors");
    tcase_add_loop_test(tc, test_selectors, 0,
                        (int)(sizeof selector_cases / sizeof selector_cases[0]));
    tcase_add_loop_test(tc, test_bad_selectors, 0,
                        (int)(sizeof bad_selectors / sizeof bad_selectors[0]));
    tcase_add_test(tc, test_selector_length_limit);
    suite_add_tcase(s, tc);
    return s;
}

SC_TEST_MAIN(html_suite)
