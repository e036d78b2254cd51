/* Tests for the readers, through sc_check: the scraped-page reader (blocks,
 * roles and their exact byte spans), the JSON pair reader (valid pairs and
 * every way a pair can be wrong, each with its code and JSON path), input
 * format detection, and input that is not text at all.
 *
 * The pages are invented for these tests, in the shape DESIGN.md describes
 * ("The seed page"): page date, title twice, disclaimer, summary, dateline,
 * body, credit, junk. */
#include "harness.h"
#include "core/arena.h"
#include "core/doc.h"
#include "io/io.h"
#include "sumcheck.h"
#include "text/text.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Invented pages, one paragraph per macro ---------------------------- */

#define ID_DATE "• November 24, 2024"
#define ID_TITLE "Banjir merendam ratusan rumah di Bekasi, kata BPBD"
#define ID_DISCLAIMER                                                                              \
    "Ini adalah ringkasan yang dibuat oleh AI, yang mungkin memiliki kesalahan. Untuk "            \
    "konteksnya, selalu rujuk artikel selengkapnya."
#define ID_SUMMARY                                                                                 \
    "Banjir merendam 1.300 rumah di Kota Bekasi setelah hujan deras semalaman, kata Badan "        \
    "Penanggulangan Bencana Daerah."
#define ID_DATELINE "JAKARTA, Indonesia –"
#define ID_BODY1                                                                                   \
    ID_DATELINE " Banjir merendam 1.300 rumah di Kota Bekasi setelah hujan deras "                 \
                "semalaman, kata Badan Penanggulangan Bencana Daerah pada hari Selasa."
#define ID_BODY2                                                                                   \
    "Petugas mengevakuasi warga lanjut usia dengan perahu karet menuju masjid terdekat."
#define ID_BODY3                                                                                   \
    "Wali kota meminta warga tetap waspada karena hujan diperkirakan berlanjut hingga "            \
    "akhir pekan."
#define ID_BODY ID_BODY1 "\n\n" ID_BODY2 "\n\n" ID_BODY3
#define CREDIT "– Rappler.com"
#define ID_JUNK "Daftar Togel Online Terpercaya"
#define ID_JUNK2 "Klik di sini untuk hadiah"
#define ID_BULLET1 "• Banjir merendam 1.300 rumah di Kota Bekasi."
#define ID_BULLET2 "• Petugas mengevakuasi warga lanjut usia dengan perahu karet."

#define EN_DATE "• March 3, 2023"
#define EN_TITLE "Volunteers plant 5,000 mangroves along the Manila Bay coast"
#define EN_DISCLAIMER                                                                              \
    "This is AI generated summarization, which may have errors. For context, always "              \
    "refer to the full article."
#define EN_SUMMARY                                                                                 \
    "Volunteers planted 5,000 mangrove seedlings along the coast of Manila Bay on Saturday."
#define EN_SUMMARY2 "Officials say the seedlings will protect fishing villages."
#define EN_DATELINE "MANILA, Philippines –"
#define EN_BODY1                                                                                   \
    EN_DATELINE " Volunteers planted 5,000 mangrove seedlings along the coast of Manila "          \
                "Bay on Saturday, the environment department said."
#define EN_BODY1_NO_DATELINE                                                                       \
    "Volunteers planted 5,000 mangrove seedlings along the coast of Manila Bay on "                \
    "Saturday, the environment department said."
#define EN_BODY2                                                                                   \
    "The seedlings will protect fishing villages from storm surges, officials explained."
#define EN_BODY3 "Organizers plan a second planting drive in June."
#define EN_BODY EN_BODY1 "\n\n" EN_BODY2 "\n\n" EN_BODY3
#define EN_BULLETS                                                                                 \
    "- Volunteers planted 5,000 mangrove seedlings along Manila Bay.\n"                            \
    "- The seedlings will protect fishing villages from storm surges."
#define EN_QUESTION_TITLE "Can mangroves save Manila Bay's fishing villages?"

/* ---- Helpers ------------------------------------------------------------ */

/* Builds the bytes a case feeds the reader: an optional BOM, then the page
 * with "\n" turned into "\r\n" when crlf.  Caller frees. */
static char *make_input(const char *text, bool bom, bool crlf, size_t *len)
{
    size_t n = strlen(text), nl = 0;
    for (size_t i = 0; i < n; i++)
        nl += text[i] == '\n';
    char *out = malloc(n + nl + 4);
    size_t o = 0;
    ck_assert_ptr_nonnull(out);
    if (bom) {
        memcpy(out, "\xEF\xBB\xBF", 3);
        o = 3;
    }
    for (size_t i = 0; i < n; i++) {
        if (crlf && text[i] == '\n')
            out[o++] = '\r';
        out[o++] = text[i];
    }
    out[o] = '\0';
    if (len != NULL)
        *len = o;
    return out;
}

/* Offset of the nth (0-based) occurrence of needle in hay, or SIZE_MAX. */
static size_t find_nth(const char *hay, const char *needle, int nth)
{
    const char *at = hay;
    for (;;) {
        const char *hit = strstr(at, needle);
        if (hit == NULL)
            return SIZE_MAX;
        if (nth-- == 0)
            return (size_t)(hit - hay);
        at = hit + 1;
    }
}

static sc_result *check_as(const char *input, size_t len, sc_input_format format, sc_error *error)
{
    sc_options options;
    sc_options_init(&options);
    options.input_format = format;
    memset(error, 0, sizeof *error);
    return sc_check(input, len, "test", &options, error);
}

static sc_result *check_text_ok(const char *input, size_t len)
{
    sc_error error;
    sc_result *r = check_as(input, len, SC_INPUT_TEXT, &error);
    ck_assert_msg(r != NULL, "sc_check failed: %s (byte %zu)", error.message ? error.message : "?",
                  error.byte);
    return r;
}

static size_t count_role(const sc_result *r, sc_role role)
{
    size_t n = 0;
    for (size_t i = 0; i < r->page.n_blocks; i++)
        n += r->page.blocks[i].role == role;
    return n;
}

static const sc_block *first_block(const sc_result *r, sc_role role)
{
    for (size_t i = 0; i < r->page.n_blocks; i++)
        if (r->page.blocks[i].role == role)
            return &r->page.blocks[i];
    return NULL;
}

/* ---- The text-page reader: blocks and spans ------------------------------ */

typedef struct want_block {
    sc_role role;
    const char *text; /* NULL ends the list */
    int nth;          /* which occurrence of text in the page */
} want_block;

typedef struct page_case {
    const char *name;
    const char *page;
    bool bom, crlf;
    want_block blocks[12];
    bool has_disclaimer;
    bool has_summary;
    int year, month, day; /* page date; 0 when none */
    const char *title;    /* NULL when none */
} page_case;

static const page_case page_cases[] = {
    {"id: date, title twice, disclaimer, summary after it, dateline, credit, junk",
     ID_DATE "\n" ID_TITLE "\n\n" ID_TITLE "\n\n" ID_DISCLAIMER "\n\n" ID_SUMMARY "\n\n" ID_BODY
             " " CREDIT "\n\n" ID_JUNK "\n",
     false,
     false,
     {{SC_ROLE_PAGE_DATE, ID_DATE, 0},
      {SC_ROLE_TITLE, ID_TITLE, 0},
      {SC_ROLE_TITLE, ID_TITLE, 1},
      {SC_ROLE_DISCLAIMER, ID_DISCLAIMER, 0},
      {SC_ROLE_SUMMARY, ID_SUMMARY, 0},
      {SC_ROLE_DATELINE, ID_DATELINE, 0},
      {SC_ROLE_BODY, ID_BODY, 0},
      {SC_ROLE_CREDIT, CREDIT, 0},
      {SC_ROLE_EXTRANEOUS, ID_JUNK, 0},
      {0, NULL, 0}},
     true,
     true,
     2024,
     11,
     24,
     ID_TITLE},
    {"id: the same page with a BOM and CRLF line ends",
     ID_DATE "\n" ID_TITLE "\n\n" ID_TITLE "\n\n" ID_DISCLAIMER "\n\n" ID_SUMMARY "\n\n" ID_BODY
             " " CREDIT "\n\n" ID_JUNK "\n",
     true,
     true,
     {{SC_ROLE_PAGE_DATE, ID_DATE, 0},
      {SC_ROLE_TITLE, ID_TITLE, 0},
      {SC_ROLE_TITLE, ID_TITLE, 1},
      {SC_ROLE_DISCLAIMER, ID_DISCLAIMER, 0},
      {SC_ROLE_SUMMARY, ID_SUMMARY, 0},
      {SC_ROLE_DATELINE, ID_DATELINE, 0},
      {SC_ROLE_BODY, ID_BODY, 0},
      {SC_ROLE_CREDIT, CREDIT, 0},
      {SC_ROLE_EXTRANEOUS, ID_JUNK, 0},
      {0, NULL, 0}},
     true,
     true,
     2024,
     11,
     24,
     ID_TITLE},
    {"id: bullets one per paragraph, two junk paragraphs, no page date",
     ID_TITLE "\n\n" ID_DISCLAIMER "\n\n" ID_BULLET1 "\n\n" ID_BULLET2 "\n\n" ID_BODY " " CREDIT
              "\n\n" ID_JUNK "\n\n" ID_JUNK2 "\n",
     false,
     false,
     {{SC_ROLE_TITLE, ID_TITLE, 0},
      {SC_ROLE_DISCLAIMER, ID_DISCLAIMER, 0},
      {SC_ROLE_SUMMARY, ID_BULLET1 "\n\n" ID_BULLET2, 0},
      {SC_ROLE_DATELINE, ID_DATELINE, 0},
      {SC_ROLE_BODY, ID_BODY, 0},
      {SC_ROLE_CREDIT, CREDIT, 0},
      {SC_ROLE_EXTRANEOUS, ID_JUNK, 0},
      {SC_ROLE_EXTRANEOUS, ID_JUNK2, 0},
      {0, NULL, 0}},
     true,
     true,
     0,
     0,
     0,
     ID_TITLE},
    {"en: summary before its disclaimer, date line apart from the title",
     EN_DATE "\n\n" EN_TITLE "\n\n" EN_TITLE "\n\n" EN_SUMMARY "\n\n" EN_DISCLAIMER "\n\n" EN_BODY
             " " CREDIT "\n",
     false,
     false,
     {{SC_ROLE_PAGE_DATE, EN_DATE, 0},
      {SC_ROLE_TITLE, EN_TITLE, 0},
      {SC_ROLE_TITLE, EN_TITLE, 1},
      {SC_ROLE_SUMMARY, EN_SUMMARY, 0},
      {SC_ROLE_DISCLAIMER, EN_DISCLAIMER, 0},
      {SC_ROLE_DATELINE, EN_DATELINE, 0},
      {SC_ROLE_BODY, EN_BODY, 0},
      {SC_ROLE_CREDIT, CREDIT, 0},
      {0, NULL, 0}},
     true,
     true,
     2023,
     3,
     3,
     EN_TITLE},
    {"en: bullets in one paragraph after the disclaimer",
     EN_TITLE "\n\n" EN_DISCLAIMER "\n\n" EN_BULLETS "\n\n" EN_BODY " " CREDIT "\n",
     false,
     false,
     {{SC_ROLE_TITLE, EN_TITLE, 0},
      {SC_ROLE_DISCLAIMER, EN_DISCLAIMER, 0},
      {SC_ROLE_SUMMARY, EN_BULLETS, 0},
      {SC_ROLE_DATELINE, EN_DATELINE, 0},
      {SC_ROLE_BODY, EN_BODY, 0},
      {SC_ROLE_CREDIT, CREDIT, 0},
      {0, NULL, 0}},
     true,
     true,
     0,
     0,
     0,
     EN_TITLE},
    {"en: two summary paragraphs after the disclaimer, credit in its own paragraph",
     EN_TITLE "\n\n" EN_DISCLAIMER "\n\n" EN_SUMMARY "\n\n" EN_SUMMARY2 "\n\n" EN_BODY "\n\n" CREDIT
              "\n",
     false,
     false,
     {{SC_ROLE_TITLE, EN_TITLE, 0},
      {SC_ROLE_DISCLAIMER, EN_DISCLAIMER, 0},
      {SC_ROLE_SUMMARY, EN_SUMMARY "\n\n" EN_SUMMARY2, 0},
      {SC_ROLE_DATELINE, EN_DATELINE, 0},
      {SC_ROLE_BODY, EN_BODY, 0},
      {SC_ROLE_CREDIT, CREDIT, 0},
      {0, NULL, 0}},
     true,
     true,
     0,
     0,
     0,
     EN_TITLE},
    {"en: no disclaimer, so no summary",
     EN_DATE "\n" EN_TITLE "\n\n" EN_BODY " " CREDIT "\n",
     false,
     false,
     {{SC_ROLE_PAGE_DATE, EN_DATE, 0},
      {SC_ROLE_TITLE, EN_TITLE, 0},
      {SC_ROLE_DATELINE, EN_DATELINE, 0},
      {SC_ROLE_BODY, EN_BODY, 0},
      {SC_ROLE_CREDIT, CREDIT, 0},
      {0, NULL, 0}},
     false,
     false,
     2023,
     3,
     3,
     EN_TITLE},
    {"id: disclaimer straight before the dateline: no summary block",
     ID_TITLE "\n\n" ID_TITLE "\n\n" ID_DISCLAIMER "\n\n" ID_BODY " " CREDIT "\n",
     false,
     false,
     {{SC_ROLE_TITLE, ID_TITLE, 0},
      {SC_ROLE_TITLE, ID_TITLE, 1},
      {SC_ROLE_DISCLAIMER, ID_DISCLAIMER, 0},
      {SC_ROLE_DATELINE, ID_DATELINE, 0},
      {SC_ROLE_BODY, ID_BODY, 0},
      {SC_ROLE_CREDIT, CREDIT, 0},
      {0, NULL, 0}},
     true,
     false,
     0,
     0,
     0,
     ID_TITLE},
    /* A headline that ends in "?" is still a headline: printed twice above
     * the disclaimer, it is the title, not a summary. */
    {"en: question headline twice, disclaimer, no summary",
     EN_QUESTION_TITLE "\n\n" EN_QUESTION_TITLE "\n\n" EN_DISCLAIMER "\n\n" EN_BODY " " CREDIT "\n",
     false,
     false,
     {{SC_ROLE_TITLE, EN_QUESTION_TITLE, 0},
      {SC_ROLE_TITLE, EN_QUESTION_TITLE, 1},
      {SC_ROLE_DISCLAIMER, EN_DISCLAIMER, 0},
      {SC_ROLE_DATELINE, EN_DATELINE, 0},
      {SC_ROLE_BODY, EN_BODY, 0},
      {SC_ROLE_CREDIT, CREDIT, 0},
      {0, NULL, 0}},
     true,
     false,
     0,
     0,
     0,
     EN_QUESTION_TITLE},
    /* Prose between the title and the disclaimer is the summary, whether
     * or not the article opens with a dateline. */
    {"en: summary before its disclaimer, article without a dateline",
     EN_TITLE "\n\n" EN_SUMMARY "\n\n" EN_DISCLAIMER "\n\n" EN_BODY1_NO_DATELINE "\n\n" EN_BODY2
              "\n\n" EN_BODY3 " " CREDIT "\n",
     false,
     false,
     {{SC_ROLE_TITLE, EN_TITLE, 0},
      {SC_ROLE_SUMMARY, EN_SUMMARY, 0},
      {SC_ROLE_DISCLAIMER, EN_DISCLAIMER, 0},
      {SC_ROLE_BODY, EN_BODY1_NO_DATELINE "\n\n" EN_BODY2 "\n\n" EN_BODY3, 0},
      {SC_ROLE_CREDIT, CREDIT, 0},
      {0, NULL, 0}},
     true,
     true,
     0,
     0,
     0,
     EN_TITLE},
};

static void describe_blocks(const sc_result *r, char *out, size_t cap)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < r->page.n_blocks && used < cap; i++) {
        const sc_block *b = &r->page.blocks[i];
        int k = snprintf(out + used, cap - used, " %s[%zu,%zu)", sc_role_name(b->role), b->start,
                         b->end);
        if (k > 0)
            used += (size_t)k;
    }
}

START_TEST(test_page_blocks)
{
    const page_case *c = &page_cases[_i];
    size_t len;
    char *input = make_input(c->page, c->bom, c->crlf, &len);
    sc_result *r = check_text_ok(input, len);
    const sc_page *page = &r->page;
    char got[1024];
    size_t n_want = 0;

    describe_blocks(r, got, sizeof got);
    for (const want_block *w = c->blocks; w->text != NULL; w++, n_want++) {
        char *text = make_input(w->text, false, c->crlf, NULL);
        size_t start = find_nth(input, text, w->nth);
        size_t end = start + strlen(text);
        bool found = false;

        ck_assert_msg(start != SIZE_MAX, "%s: test bug, \"%s\" not in page", c->name, w->text);
        for (size_t i = 0; i < page->n_blocks && !found; i++)
            found = page->blocks[i].role == w->role && page->blocks[i].start == start &&
                    page->blocks[i].end == end && page->blocks[i].field == SC_FIELD_PAGE;
        ck_assert_msg(found, "%s: no %s block at [%zu,%zu) \"%.40s\"; blocks:%s", c->name,
                      sc_role_name(w->role), start, end, w->text, got);
        free(text);
    }
    ck_assert_msg(page->n_blocks == n_want, "%s: %zu blocks, want %zu; blocks:%s", c->name,
                  page->n_blocks, n_want, got);

    ck_assert_msg(page->has_disclaimer == c->has_disclaimer, "%s: has_disclaimer", c->name);
    ck_assert_msg(page->has_summary == c->has_summary, "%s: has_summary %d, want %d", c->name,
                  page->has_summary, c->has_summary);
    ck_assert_int_eq(page->has_page_date, c->year != 0);
    if (c->year != 0) {
        ck_assert_int_eq(page->page_date.year, c->year);
        ck_assert_int_eq(page->page_date.month, c->month);
        ck_assert_int_eq(page->page_date.day, c->day);
        ck_assert_str_eq(page->page_date_origin, "text line 1");
    }
    if (c->title != NULL) {
        ck_assert_ptr_nonnull(page->title);
        ck_assert_str_eq(page->title, c->title);
    }

    /* The texts the later stages read are the summary and body blocks. */
    const sc_block *body = first_block(r, SC_ROLE_BODY);
    ck_assert_ptr_nonnull(body);
    ck_assert_uint_eq(page->article.field, SC_FIELD_PAGE);
    ck_assert_uint_eq(page->article.base, body->start);
    ck_assert_uint_eq(page->article.len, body->end - body->start);
    ck_assert(memcmp(page->article.data, input + body->start, page->article.len) == 0);
    if (c->has_summary) {
        const sc_block *sum = first_block(r, SC_ROLE_SUMMARY);
        ck_assert_ptr_nonnull(sum);
        ck_assert_uint_eq(page->summary.base, sum->start);
        ck_assert_uint_eq(page->summary.len, sum->end - sum->start);
        ck_assert(memcmp(page->summary.data, input + sum->start, page->summary.len) == 0);
        ck_assert_double_ge(sc_result_consistency(r), 0.0);
    } else {
        ck_assert_uint_eq(count_role(r, SC_ROLE_SUMMARY), 0);
        ck_assert_double_lt(sc_result_consistency(r), 0.0);
    }
    /* The result keeps its own copy of the page. */
    ck_assert_ptr_ne(page->field_data[SC_FIELD_PAGE], input);
    ck_assert_uint_eq(page->field_len[SC_FIELD_PAGE], len);
    sc_result_free(r);
    free(input);
}
END_TEST

/* DESIGN.md: a page is "an ordered list of blocks": top to bottom. */
START_TEST(test_page_blocks_in_order)
{
    const page_case *c = &page_cases[_i];
    size_t len;
    char *input = make_input(c->page, c->bom, c->crlf, &len);
    sc_result *r = check_text_ok(input, len);
    char got[1024];

    describe_blocks(r, got, sizeof got);
    for (size_t i = 1; i < r->page.n_blocks; i++)
        ck_assert_msg(r->page.blocks[i - 1].start <= r->page.blocks[i].start,
                      "%s: blocks out of page order:%s", c->name, got);
    sc_result_free(r);
    free(input);
}
END_TEST

/* A page with no summary is still checked, and gets no finding. */
START_TEST(test_no_disclaimer_no_findings)
{
    const char *page = EN_DATE "\n" EN_TITLE "\n\n" EN_BODY " " CREDIT "\n";
    sc_result *r = check_text_ok(page, strlen(page));
    ck_assert(!r->page.has_summary);
    ck_assert_uint_eq(sc_result_finding_count(r), 0);
    ck_assert_double_lt(sc_result_consistency(r), 0.0);
    ck_assert_str_eq(sc_result_id(r), "test");
    sc_result_free(r);
}
END_TEST

static const struct {
    const char *name;
    const char *page;
} no_article_cases[] = {
    {"title and disclaimer only", EN_TITLE "\n\n" EN_DISCLAIMER "\n"},
    {"page date and title only", EN_DATE "\n" EN_TITLE "\n"},
    {"title, disclaimer and summary only", ID_TITLE "\n\n" ID_DISCLAIMER "\n\n" ID_SUMMARY "\n"},
    {"a page date alone", ID_DATE "\n"},
};

START_TEST(test_no_article)
{
    const char *page = no_article_cases[_i].page;
    sc_error error;
    sc_result *r = check_as(page, strlen(page), SC_INPUT_TEXT, &error);
    ck_assert_msg(r == NULL, "%s: read as a page", no_article_cases[_i].name);
    ck_assert_int_eq(error.code, SC_ERR_INPUT);
    ck_assert_ptr_nonnull(error.message);
}
END_TEST

/* ---- Bytes that are not page text ---------------------------------------- */

#define BAD(name, lit, byte, line, column, nul)                                                    \
    {                                                                                              \
        name, lit, sizeof(lit) - 1, byte, line, column, nul                                        \
    }

static const struct {
    const char *name;
    const char *input;
    size_t len;
    size_t byte, line, column;
    bool nul;
} bad_text_cases[] = {
    BAD("0xFF byte",
        "abc\xFF"
        "def",
        3, 1, 4, false),
    BAD("lone continuation byte", "Judul\n\nIsi \x80 berita", 11, 3, 5, false),
    BAD("truncated two-byte sequence at the end", "Baris satu\nBaris \xC3", 17, 2, 7, false),
    BAD("overlong slash", "ok \xC0\xAF", 3, 1, 4, false),
    BAD("UTF-16 surrogate", "x\xED\xA0\x80y", 1, 1, 2, false),
    BAD("beyond U+10FFFF", "ab\xF4\x90\x80\x80", 2, 1, 3, false),
    BAD("truncated three-byte sequence after accents", "éé\xE2\x82", 4, 1, 3, false),
    BAD("NUL byte", "abc\0def", 3, 1, 4, true),
    BAD("NUL after a multi-byte line", "• Nov\nkata \0", 13, 2, 6, true),
};

START_TEST(test_bad_text_bytes)
{
    sc_error error;
    const char *in = bad_text_cases[_i].input;
    size_t len = bad_text_cases[_i].len;
    sc_result *r = check_as(in, len, SC_INPUT_TEXT, &error);
    ck_assert_msg(r == NULL, "%s: accepted", bad_text_cases[_i].name);
    ck_assert_int_eq(error.code, SC_ERR_INPUT);
    ck_assert_msg(error.byte == bad_text_cases[_i].byte, "%s: byte %zu, want %zu",
                  bad_text_cases[_i].name, error.byte, bad_text_cases[_i].byte);
    ck_assert_uint_eq(error.line, bad_text_cases[_i].line);
    ck_assert_uint_eq(error.column, bad_text_cases[_i].column);
    ck_assert_ptr_nonnull(error.message);
    ck_assert_msg((strstr(error.message, "NUL") != NULL) == bad_text_cases[_i].nul,
                  "%s: message \"%s\"", bad_text_cases[_i].name, error.message);
    /* Auto-detection reads it as text and says the same. */
    r = check_as(in, len, SC_INPUT_AUTO, &error);
    ck_assert_ptr_null(r);
    ck_assert_int_eq(error.code, SC_ERR_INPUT);
    ck_assert_uint_eq(error.byte, bad_text_cases[_i].byte);
}
END_TEST

static const struct {
    const char *input;
    size_t len;
    sc_input_format format;
} empty_cases[] = {
    {"", 0, SC_INPUT_TEXT},
    {"", 0, SC_INPUT_AUTO},
    {"", 0, SC_INPUT_JSON},
    {NULL, 0, SC_INPUT_TEXT},
    {" \n\n\t\r\n", 6, SC_INPUT_TEXT},
    {"\xEF\xBB\xBF", 3, SC_INPUT_TEXT},
    {"\xEF\xBB\xBF\n  \n", 6, SC_INPUT_AUTO},
    {"   ", 3, SC_INPUT_JSON},
};

START_TEST(test_empty_input)
{
    sc_error error;
    sc_result *r =
        check_as(empty_cases[_i].input, empty_cases[_i].len, empty_cases[_i].format, &error);
    ck_assert_ptr_null(r);
    ck_assert_int_eq(error.code, SC_ERR_INPUT);
    ck_assert_ptr_nonnull(error.message);
}
END_TEST

/* ---- The JSON pair reader ------------------------------------------------- */

START_TEST(test_json_valid_pair)
{
    static const char json[] =
        "{\"id\": \"banjir-01\", \"language\": \"id\", \"page_date\": \"2024-11-26\",\n"
        " \"title\": \"Banjir di Bekasi\",\n"
        " \"source\": \"Banjir merendam 1.300 rumah di Kota Bekasi pada hari Selasa. Petugas "
        "membuka empat tempat pengungsian.\",\n"
        " \"summary\": \"Banjir merendam 1.300 rumah di Kota Bekasi.\"}\n";
    sc_error error;
    sc_result *r = check_as(json, strlen(json), SC_INPUT_JSON, &error);
    ck_assert_msg(r != NULL, "%s", error.message);
    const sc_page *p = &r->page;
    ck_assert_str_eq(sc_result_id(r), "banjir-01");
    ck_assert_str_eq(r->language, "id");
    ck_assert_str_eq(p->title, "Banjir di Bekasi");
    ck_assert(p->has_page_date);
    ck_assert_int_eq(p->page_date.year, 2024);
    ck_assert_int_eq(p->page_date.month, 11);
    ck_assert_int_eq(p->page_date.day, 26);
    ck_assert_str_eq(p->page_date_origin, "pair page_date");
    ck_assert(p->has_summary);
    ck_assert(!p->has_disclaimer);
    ck_assert_uint_eq(p->summary.field, SC_FIELD_SUMMARY);
    ck_assert_uint_eq(p->summary.base, 0);
    ck_assert_uint_eq(p->summary.len, strlen("Banjir merendam 1.300 rumah di Kota Bekasi."));
    ck_assert(memcmp(p->summary.data, "Banjir merendam 1.300 rumah di Kota Bekasi.",
                     p->summary.len) == 0);
    ck_assert_uint_eq(p->article.field, SC_FIELD_SOURCE);
    ck_assert_uint_eq(p->article.len, p->field_len[SC_FIELD_SOURCE]);
    ck_assert(strncmp(p->article.data,
                      "Banjir merendam 1.300 rumah di Kota Bekasi pada hari Selasa.", 60) == 0);
    /* One summary block and one body block, each the whole of its field. */
    ck_assert_uint_eq(p->n_blocks, 2);
    ck_assert_uint_eq(count_role(r, SC_ROLE_SUMMARY), 1);
    ck_assert_uint_eq(count_role(r, SC_ROLE_BODY), 1);
    const sc_block *s = first_block(r, SC_ROLE_SUMMARY), *b = first_block(r, SC_ROLE_BODY);
    ck_assert_ptr_nonnull(s);
    ck_assert_ptr_nonnull(b);
    ck_assert_uint_eq(s->field, SC_FIELD_SUMMARY);
    ck_assert_uint_eq(s->start, 0);
    ck_assert_uint_eq(s->end, p->summary.len);
    ck_assert_uint_eq(b->field, SC_FIELD_SOURCE);
    ck_assert_uint_eq(b->start, 0);
    ck_assert_uint_eq(b->end, p->article.len);
    ck_assert_uint_eq(sc_result_finding_count(r), 0);
    sc_result_free(r);

    /* Auto-detection reads the same object as a pair. */
    r = check_as(json, strlen(json), SC_INPUT_AUTO, &error);
    ck_assert_ptr_nonnull(r);
    ck_assert_str_eq(sc_result_id(r), "banjir-01");
    sc_result_free(r);
}
END_TEST

START_TEST(test_json_extra_fields_ignored)
{
    static const char json[] =
        "{\"label\": 1, \"meta\": {\"model\": \"x\", \"scores\": [0.1, 0.9], \"ok\": true},"
        " \"source\": \"Heavy rain flooded 1,300 houses in Bekasi on Tuesday.\","
        " \"annotations\": [{\"span\": [0, 5]}], \"extra\": null,"
        " \"summary\": \"Heavy rain flooded 1,300 houses in Bekasi.\", \"title\": null}";
    sc_error error;
    sc_result *r = check_as(json, strlen(json), SC_INPUT_JSON, &error);
    ck_assert_msg(r != NULL, "%s at %s", error.message, error.path);
    /* No id in the pair: the caller's name is used. */
    ck_assert_str_eq(sc_result_id(r), "test");
    ck_assert_ptr_null(r->page.title);
    ck_assert(!r->page.has_page_date);
    ck_assert_uint_eq(sc_result_finding_count(r), 0);
    sc_result_free(r);

    /* An integer id is the document's id, as written. */
    static const char with_int_id[] =
        "{\"id\": 7, \"source\": \"Rain fell.\", \"summary\": \"Rain fell.\"}";
    r = check_as(with_int_id, strlen(with_int_id), SC_INPUT_JSON, &error);
    ck_assert_ptr_nonnull(r);
    ck_assert_str_eq(sc_result_id(r), "7");
    sc_result_free(r);
}
END_TEST

static const struct {
    const char *name;
    const char *json;
    sc_status code;
    const char *path;
} json_error_cases[] = {
    {"missing source", "{\"summary\": \"Banjir merendam rumah.\"}", SC_ERR_INPUT, "$.source"},
    {"null source", "{\"source\": null, \"summary\": \"x\"}", SC_ERR_INPUT, "$.source"},
    {"missing summary", "{\"source\": \"Banjir merendam rumah.\"}", SC_ERR_INPUT, "$.summary"},
    {"source is a number", "{\"source\": 5, \"summary\": \"x\"}", SC_ERR_INPUT, "$.source"},
    {"source is an object", "{\"source\": {\"text\": \"a\"}, \"summary\": \"x\"}", SC_ERR_INPUT,
     "$.source"},
    {"summary is an array", "{\"source\": \"a b\", \"summary\": [\"x\"]}", SC_ERR_INPUT,
     "$.summary"},
    {"summary is true", "{\"source\": \"a b\", \"summary\": true}", SC_ERR_INPUT, "$.summary"},
    {"page_date d/m/y", "{\"source\": \"a\", \"summary\": \"b\", \"page_date\": \"24/11/2024\"}",
     SC_ERR_INPUT, "$.page_date"},
    {"page_date not a real day",
     "{\"source\": \"a\", \"summary\": \"b\", \"page_date\": \"2023-02-29\"}", SC_ERR_INPUT,
     "$.page_date"},
    {"page_date with a time",
     "{\"source\": \"a\", \"summary\": \"b\", \"page_date\": \"2024-11-24T10:00\"}", SC_ERR_INPUT,
     "$.page_date"},
    {"page_date a number", "{\"source\": \"a\", \"summary\": \"b\", \"page_date\": 20241124}",
     SC_ERR_INPUT, "$.page_date"},
    {"title a number", "{\"source\": \"a\", \"summary\": \"b\", \"title\": 3}", SC_ERR_INPUT,
     "$.title"},
    {"language a number", "{\"source\": \"a\", \"summary\": \"b\", \"language\": 5}", SC_ERR_INPUT,
     "$.language"},
    {"id an array", "{\"source\": \"a\", \"summary\": \"b\", \"id\": [1]}", SC_ERR_INPUT, "$.id"},
    {"id a real number", "{\"source\": \"a\", \"summary\": \"b\", \"id\": 1.5}", SC_ERR_INPUT,
     "$.id"},
    {"empty source", "{\"source\": \"\", \"summary\": \"b\"}", SC_ERR_INPUT, "$.source"},
    {"blank source", "{\"source\": \" \\n\\t \", \"summary\": \"b\"}", SC_ERR_INPUT, "$.source"},
    {"NUL in source", "{\"source\": \"a\\u0000b\", \"summary\": \"b\"}", SC_ERR_INPUT, "$.source"},
    {"NUL in summary", "{\"source\": \"a\", \"summary\": \"b\\u0000\"}", SC_ERR_INPUT, "$.summary"},
    {"an array, not an object", "[{\"source\": \"a\", \"summary\": \"b\"}]", SC_ERR_INPUT, "$"},
};

START_TEST(test_json_errors)
{
    sc_error error;
    const char *json = json_error_cases[_i].json;
    sc_result *r = check_as(json, strlen(json), SC_INPUT_JSON, &error);
    ck_assert_msg(r == NULL, "%s: accepted", json_error_cases[_i].name);
    ck_assert_msg(error.code == json_error_cases[_i].code, "%s: code %d", json_error_cases[_i].name,
                  error.code);
    ck_assert_msg(strcmp(error.path, json_error_cases[_i].path) == 0,
                  "%s: path \"%s\", want \"%s\"", json_error_cases[_i].name, error.path,
                  json_error_cases[_i].path);
    ck_assert_ptr_nonnull(error.message);
}
END_TEST

/* Valid JSON that is not an object is "not an object", not a syntax error. */
static const char *const json_scalars[] = {"42", "\"Banjir merendam rumah.\"", "null", "true"};

START_TEST(test_json_scalar_not_object)
{
    sc_error error;
    const char *json = json_scalars[_i];
    sc_result *r = check_as(json, strlen(json), SC_INPUT_JSON, &error);
    ck_assert_ptr_null(r);
    ck_assert_int_eq(error.code, SC_ERR_INPUT);
    ck_assert_msg(strcmp(error.path, "$") == 0,
                  "%s: path \"%s\" (message \"%s\", detail \"%s\"), "
                  "want \"$\"",
                  json, error.path, error.message, error.detail);
}
END_TEST

/* 1-based line and column (code points) of byte in s. */
static void line_column(const char *s, size_t byte, size_t *line, size_t *column)
{
    size_t l = 1, c = 1;
    for (size_t i = 0; i < byte; i++) {
        if (s[i] == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)s[i] & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *column = c;
}

static const struct {
    const char *name;
    const char *json;
    size_t line;
    /* The offending token: the error's byte lies within it or just after
     * it.  NULL: the end of the input. */
    const char *bad;
} json_syntax_cases[] = {
    {"truncated after a member", "{\"source\": \"a b\",\n \"summary\": \"x\"", 2, NULL},
    {"truncated inside a string", "{\"source\": \"Banjir mer", 1, "\"Banjir mer"},
    {"bad literal on line 2", "{\"source\": \"a\",\n\"summary\": tru}", 2, "tru"},
    {"double comma", "{\"source\": \"a\",\n\"summary\": \"x\",,}", 2, ",,"},
    {"junk after a value, after accents", "{\"source\": \"é\", \"summary\": \"ü\" x}", 1, "x"},
    {"trailing text after the object", "{\"source\": \"a\", \"summary\": \"x\"} trailing", 1,
     "trailing"},
};

START_TEST(test_json_syntax_errors)
{
    sc_error error;
    const char *json = json_syntax_cases[_i].json;
    size_t len = strlen(json);
    sc_result *r = check_as(json, len, SC_INPUT_JSON, &error);
    ck_assert_ptr_null(r);
    ck_assert_int_eq(error.code, SC_ERR_INPUT);
    ck_assert_str_eq(error.path, "");
    ck_assert_msg(error.detail[0] != '\0', "%s: no parser detail", json_syntax_cases[_i].name);
    ck_assert_msg(error.line == json_syntax_cases[_i].line, "%s: line %zu, want %zu",
                  json_syntax_cases[_i].name, error.line, json_syntax_cases[_i].line);
    const char *bad = json_syntax_cases[_i].bad;
    size_t bad_start = bad != NULL ? (size_t)(strstr(json, bad) - json) : len;
    size_t bad_end = bad != NULL ? bad_start + strlen(bad) : len;
    ck_assert_msg(error.byte != SC_NO_POS && error.byte >= bad_start && error.byte <= bad_end,
                  "%s: byte %zu outside the bad token [%zu,%zu]", json_syntax_cases[_i].name,
                  error.byte, bad_start, bad_end);
    ck_assert_uint_gt(error.column, 0);
}
END_TEST

/* The byte and the line:column of one error name the same place. */
START_TEST(test_json_syntax_position_consistent)
{
    sc_error error;
    const char *json = json_syntax_cases[_i].json;
    size_t len = strlen(json), line, column;
    sc_result *r = check_as(json, len, SC_INPUT_JSON, &error);
    ck_assert_ptr_null(r);
    ck_assert(error.byte <= len);
    line_column(json, error.byte, &line, &column);
    ck_assert_msg(error.line == line && error.column == column,
                  "%s: byte %zu is %zu:%zu, but the error says %zu:%zu", json_syntax_cases[_i].name,
                  error.byte, line, column, error.line, error.column);
}
END_TEST

START_TEST(test_json_duplicate_member)
{
    static const char json[] = "{\"source\": \"a\", \"source\": \"b\", \"summary\": \"x\"}";
    sc_error error;
    sc_result *r = check_as(json, strlen(json), SC_INPUT_JSON, &error);
    ck_assert_ptr_null(r);
    ck_assert_int_eq(error.code, SC_ERR_INPUT);
    ck_assert_uint_eq(error.line, 1);
    ck_assert_ptr_nonnull(strstr(error.detail, "duplicate"));
}
END_TEST

/* An empty summary is a pair to report (missing-summary), not a read error. */
START_TEST(test_json_empty_summary_reads)
{
    static const char json[] = "{\"source\": \"Banjir merendam rumah warga.\", \"summary\": \"\"}";
    sc_error error;
    sc_result *r = check_as(json, strlen(json), SC_INPUT_JSON, &error);
    ck_assert_ptr_nonnull(r);
    ck_assert(r->page.has_summary);
    ck_assert_uint_eq(r->page.summary.len, 0);
    sc_result_free(r);
}
END_TEST

/* ---- Format detection ---------------------------------------------------- */

static const struct {
    const char *name;
    const char *input;
    size_t len; /* 0: strlen */
    const char *path;
    sc_input_format want;
} detect_cases[] = {
    /* The extension decides, whatever the content. */
    {"by .html", "plain words", 0, "pages/a.html", SC_INPUT_HTML},
    {"by .htm", "plain words", 0, "a.htm", SC_INPUT_HTML},
    {"by .json", "plain words", 0, "pairs/a.json", SC_INPUT_JSON},
    {"by .jsonl", "plain words", 0, "a.jsonl", SC_INPUT_JSONL},
    {"by .ndjson", "plain words", 0, "a.ndjson", SC_INPUT_JSONL},
    {"by .txt over JSON content", "{\"source\": \"a\", \"summary\": \"b\"}", 0, "a.txt",
     SC_INPUT_TEXT},
    {"by .txt over HTML content", "<html><body>x</body></html>", 0, "dir/page.txt", SC_INPUT_TEXT},
    /* No known extension: the content decides. */
    {"dot in a folder name only", "<p>x</p>", 0, "v1.2/page", SC_INPUT_HTML},
    {"unknown extension", "{\"source\": \"a\", \"summary\": \"b\"}", 0, "a.dat", SC_INPUT_JSON},
    {"no name, html", "<!DOCTYPE html><html></html>", 0, NULL, SC_INPUT_HTML},
    {"BOM, white space, then <", "\xEF\xBB\xBF \r\n\t <html>", 0, NULL, SC_INPUT_HTML},
    {"one object", "{\"source\": \"a\", \"summary\": \"b\"}", 0, NULL, SC_INPUT_JSON},
    {"one object and a newline", "{\"source\": \"a\", \"summary\": \"b\"}\n", 0, NULL,
     SC_INPUT_JSON},
    {"one object over several lines", "{\n  \"source\": \"a\",\n  \"meta\": {\"x\": 1}\n}\n", 0,
     NULL, SC_INPUT_JSON},
    {"nested object closing a line",
     "{\"meta\": {\"x\": 1}\n, \"source\": \"a\", \"summary\": \"b\"}\n", 0, NULL, SC_INPUT_JSON},
    {"object per line", "{\"id\": 1}\n{\"id\": 2}\n{\"id\": 3}\n", 0, NULL, SC_INPUT_JSONL},
    {"object per line, BOM and CRLF", "\xEF\xBB\xBF{\"id\": 1}\r\n{\"id\": 2}\r\n", 0, NULL,
     SC_INPUT_JSONL},
    {"object per line, blank line between", "{\"id\": 1}\n\n{\"id\": 2}\n", 0, NULL,
     SC_INPUT_JSONL},
    {"scraped page", ID_DATE "\n" ID_TITLE "\n", 0, NULL, SC_INPUT_TEXT},
    {"text with a brace later", "Judul {bukan JSON}\n", 0, NULL, SC_INPUT_TEXT},
    {"a JSON array is not a pair", "[1, 2]", 0, NULL, SC_INPUT_TEXT},
    {"empty", "", 0, NULL, SC_INPUT_TEXT},
    {"BOM only", "\xEF\xBB\xBF", 0, NULL, SC_INPUT_TEXT},
};

START_TEST(test_detect_format)
{
    const char *in = detect_cases[_i].input;
    size_t len = detect_cases[_i].len ? detect_cases[_i].len : strlen(in);
    sc_input_format got = sc_detect_input_format(in, len, detect_cases[_i].path);
    ck_assert_msg(got == detect_cases[_i].want, "%s: %d, want %d", detect_cases[_i].name, got,
                  detect_cases[_i].want);
}
END_TEST

START_TEST(test_detect_reads_only_len)
{
    /* The bytes after len are not looked at: a page whose first len bytes
     * are text is text even when "<" follows. */
    static const char in[] = "   <html>";
    ck_assert_int_eq(sc_detect_input_format(in, 3, NULL), SC_INPUT_TEXT);
    ck_assert_int_eq(sc_detect_input_format(NULL, 0, NULL), SC_INPUT_TEXT);
}
END_TEST

/* HTML is detected and read (tests/test_html.c tests the reader). */
START_TEST(test_html_read)
{
    static const char in[] = "\n  <html><body><p>Banjir</p></body></html>";
    sc_error error;
    sc_result *r = check_as(in, strlen(in), SC_INPUT_AUTO, &error);
    ck_assert_ptr_nonnull(r);
    ck_assert_uint_eq(r->page.article.len, 6);
    ck_assert(memcmp(r->page.article.data, "Banjir", 6) == 0);
    sc_result_free(r);
}
END_TEST

/* A two-line paragraph of prose is not a credit: "tambahan.\nDengan" once
 * read as a web domain and made the real last paragraph extraneous. */
START_TEST(test_prose_not_credit)
{
    const char page[] = "Judul berita hari ini\n\n"
                        "JAKARTA, Indonesia – Hujan deras mengguyur kota sejak pagi.\n\n"
                        "Sebuah paragraf tambahan.\nDengan dua baris.\n\n"
                        "Warga diminta waspada terhadap banjir. – Rappler.com\n";
    sc_result *r = check_text_ok(page, sizeof page - 1);
    ck_assert_uint_eq(count_role(r, SC_ROLE_EXTRANEOUS), 0);
    ck_assert_uint_eq(count_role(r, SC_ROLE_CREDIT), 1);
    const sc_block *credit = first_block(r, SC_ROLE_CREDIT);
    ck_assert(credit != NULL && strstr(page + credit->start, "Rappler.com") != NULL);
    sc_result_free(r);
}
END_TEST

/* ---- Plain runs, eight bytes at a time ------------------------------------ */

/* Pieces of a JSON string's text, mostly plain, with every kind of byte
 * and escape that ends a plain run, valid or not: raw UTF-8, escapes,
 * truncated and overlong sequences, encoded surrogates, control bytes,
 * a NUL (escaped), bad escapes and lone surrogate escapes. */
static const char *const json_pieces[] = {
    "a",        "plain text ",  "0123456789abcdef",
    " ",        "\\n",          "\\\"",
    "\\\\",     "\\/",          "\\t",
    "\\u00e9",  "\\u20AC",      "\\ud83d\\ude00",
    "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80",
    "\x7f",     "\xc3",         "\xff",
    "\x01",     "\\u0000",      "\\x",
    "\\ud800",  "\\udc00",      "\xed\xa0\x80",
    "\xc0\xaf", "\x80",
};

/* Random strings as the source of a pair, at every alignment, first or
 * last member (its end then near the end of the input): what the fast
 * reader takes is what Jansson decodes, and what Jansson rejects (or
 * decodes to a NUL) is an error. */
START_TEST(test_json_string_scan_random)
{
    uint64_t state = 0x9e3779b97f4a7c15u + (uint64_t)_i;
    char text[400];
    for (int round = 0; round < 2000; round++) {
        size_t n = 0, target = sc_test_random(&state) % 120;
        while (n < target) {
            uint64_t r = sc_test_random(&state);
            size_t k =
                r % 4 != 0 ? (r >> 8) % 4 : (r >> 8) % (sizeof json_pieces / sizeof json_pieces[0]);
            size_t m = strlen(json_pieces[k]);
            if (n + m > 300)
                break;
            memcpy(text + n, json_pieces[k], m);
            n += m;
        }
        size_t pad = sc_test_random(&state) % 16;
        bool last = sc_test_random(&state) % 2 == 0;
        char buf[512];
        int len = snprintf(buf, sizeof buf,
                           last ? "%*s{\"summary\": \"s\", \"source\": \"x%.*s\"}"
                                : "%*s{\"source\": \"x%.*s\", \"summary\": \"s\"}",
                           (int)pad, "", (int)n, text);
        ck_assert(len > 0 && (size_t)len < sizeof buf);
        /* A copy of its exact size: a read past the end is the sanitizer's. */
        char *input = malloc((size_t)len);
        ck_assert_ptr_nonnull(input);
        memcpy(input, buf, (size_t)len);
        json_t *root = json_loadb(input, (size_t)len,
                                  JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL | JSON_DECODE_ANY, NULL);
        json_t *want = json_object_get(root, "source");
        bool ok =
            want != NULL && memchr(json_string_value(want), '\0', json_string_length(want)) == NULL;
        sc_arena *arena = sc_arena_new();
        ck_assert_ptr_nonnull(arena);
        sc_page page;
        memset(&page, 0, sizeof page);
        sc_error error;
        sc_status st = sc_read_json_pair(arena, input, (size_t)len, &page, &error);
        ck_assert_msg((st == SC_OK) == ok, "read %d, Jansson %s: %s", (int)st,
                      ok ? "accepts" : "rejects", buf);
        if (ok) {
            ck_assert_uint_eq(page.field_len[SC_FIELD_SOURCE], json_string_length(want));
            ck_assert(memcmp(page.field_data[SC_FIELD_SOURCE], json_string_value(want),
                             json_string_length(want)) == 0);
        }
        sc_arena_free(arena);
        json_decref(root);
        free(input);
    }
}
END_TEST

/* The plain computation sc_utf8_valid must agree with: a byte at a time. */
static bool utf8_valid_bytewise(const char *s, size_t len, size_t *bad)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        size_t n = p[i] == 0 ? 0 : p[i] < 0x80 ? 1 : sc_utf8_sequence_length(p + i, len - i);
        if (n == 0) {
            *bad = i;
            return false;
        }
        i += n;
    }
    return true;
}

/* Bytes that end a run of ASCII, valid or not. */
static const char *const utf8_inserts[] = {
    "\xc3\xa9",     "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\xc3", "\xe2\x82", "\x80", "\xff",
    "\xed\xa0\x80", "\xc0\xaf",     "\xf4\x90\x80\x80", "\x7f", "\x01",
};

/* Each insert, and a NUL, at every position of ASCII runs of 0 to 40
 * bytes (every place in a step of eight or sixteen, and in the tail), one
 * or two of them, in a buffer of the exact size. */
START_TEST(test_utf8_valid_positions)
{
    const char *ins =
        _i < (int)(sizeof utf8_inserts / sizeof utf8_inserts[0]) ? utf8_inserts[_i] : "";
    size_t m = ins[0] == '\0' ? 1 : strlen(ins);
    for (size_t len = 0; len <= 40; len++)
        for (size_t at = 0; at <= len; at++)
            for (int twice = 0; twice < 2; twice++) {
                char *s = malloc(len + 2 * m + 1);
                ck_assert_ptr_nonnull(s);
                memset(s, 'a', len + 2 * m + 1);
                memcpy(s + at, ins, m);
                size_t n = len + m;
                if (twice) {
                    memcpy(s + n, ins, m);
                    n += m;
                }
                size_t bad = SIZE_MAX, want_bad = SIZE_MAX;
                bool want = utf8_valid_bytewise(s, n, &want_bad);
                ck_assert(sc_utf8_valid(s, n, &bad) == want);
                if (!want)
                    ck_assert_uint_eq(bad, want_bad);
                free(s);
            }
}
END_TEST

static Suite *io_suite(void)
{
    Suite *s = suite_create("io");
    TCase *tc;

    tc = tcase_create("text_page");
    tcase_add_loop_test(tc, test_page_blocks, 0, (int)(sizeof page_cases / sizeof page_cases[0]));
    tcase_add_loop_test(tc, test_page_blocks_in_order, 0,
                        (int)(sizeof page_cases / sizeof page_cases[0]));
    tcase_add_test(tc, test_no_disclaimer_no_findings);
    tcase_add_test(tc, test_prose_not_credit);
    tcase_add_loop_test(tc, test_no_article, 0,
                        (int)(sizeof no_article_cases / sizeof no_article_cases[0]));
    suite_add_tcase(s, tc);

    tc = tcase_create("bad_bytes");
    tcase_add_loop_test(tc, test_bad_text_bytes, 0,
                        (int)(sizeof bad_text_cases / sizeof bad_text_cases[0]));
    tcase_add_loop_test(tc, test_empty_input, 0, (int)(sizeof empty_cases / sizeof empty_cases[0]));
    suite_add_tcase(s, tc);

    tc = tcase_create("json_pair");
    tcase_add_test(tc, test_json_valid_pair);
    tcase_add_test(tc, test_json_extra_fields_ignored);
    tcase_add_loop_test(tc, test_json_errors, 0,
                        (int)(sizeof json_error_cases / sizeof json_error_cases[0]));
    tcase_add_loop_test(tc, test_json_scalar_not_object, 0,
                        (int)(sizeof json_scalars / sizeof json_scalars[0]));
    tcase_add_loop_test(tc, test_json_syntax_errors, 0,
                        (int)(sizeof json_syntax_cases / sizeof json_syntax_cases[0]));
    tcase_add_loop_test(tc, test_json_syntax_position_consistent, 0,
                        (int)(sizeof json_syntax_cases / sizeof json_syntax_cases[0]));
    tcase_add_test(tc, test_json_duplicate_member);
    tcase_add_test(tc, test_json_empty_summary_reads);
    tcase_add_loop_test(tc, test_json_string_scan_random, 0, 8);
    suite_add_tcase(s, tc);

    tc = tcase_create("utf8_runs");
    tcase_add_loop_test(tc, test_utf8_valid_positions, 0,
                        (int)(sizeof utf8_inserts / sizeof utf8_inserts[0]) + 1);
    suite_add_tcase(s, tc);

    tc = tcase_create("detect");
    tcase_add_loop_test(tc, test_detect_format, 0,
                        (int)(sizeof detect_cases / sizeof detect_cases[0]));
    tcase_add_test(tc, test_detect_reads_only_len);
    tcase_add_test(tc, test_html_read);
    suite_add_tcase(s, tc);
    return s;
}

SC_TEST_MAIN(io_suite)
