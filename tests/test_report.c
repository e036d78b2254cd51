/* Tests for the report writers' building blocks: the JSON writer's string
 * escaping, which steps over eight plain bytes at a time, against Jansson's
 * (the reference its output must match byte for byte). */
#include "harness.h"
#include "core/buf.h"
#include "report/jbuild.h"
#include "report/report.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N(array) ((int)(sizeof(array) / sizeof((array)[0])))

/* s[0..n) through sc_jw_string_n, compact, into out (reset first). */
static void write_string(sc_buf *out, const char *s, size_t n)
{
    sc_jw w;
    sc_buf_clear(out);
    sc_jw_init(&w, out, -1);
    sc_jw_string_n(&w, s, n);
    ck_assert_int_eq(sc_jw_status(&w), SC_OK);
    ck_assert(!out->failed);
}

/* Jansson's encoding of s[0..n) (valid UTF-8 without NUL), malloc'd. */
static char *jansson_string(const char *s, size_t n)
{
    json_t *v = json_stringn(s, n);
    ck_assert_ptr_nonnull(v);
    char *text = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
    json_decref(v);
    ck_assert_ptr_nonnull(text);
    return text;
}

static void check_string(sc_buf *out, const char *s, size_t n)
{
    write_string(out, s, n);
    char *want = jansson_string(s, n);
    ck_assert_msg(strcmp(out->data, want) == 0, "wrote %s, Jansson %s", out->data, want);
    free(want);
}

/* What goes in a run of plain bytes: each byte that needs escaping, the
 * bytes next to them that do not, and UTF-8 of two, three and four bytes
 * (their bytes are above 0x7F, so none may be escaped). */
static const char *const inserts[] = {
    "\x01",
    "\x07",
    "\b",
    "\t",
    "\n",
    "\v",
    "\f",
    "\r",
    "\x1b",
    "\x1f",
    "\"",
    "\\",
    " ",
    "!",
    "#",
    "[",
    "]",
    "\x7f",
    "/",
    "\xc3\xa9",
    "\xe2\x82\xac",
    "\xf0\x9f\x98\x80",
};

/* Each insert at every position of runs of 0 to 40 plain bytes, so that
 * it falls at every place in an eight-byte step and in the tail after the
 * last whole step; and two of them in one run. */
START_TEST(test_json_escape_positions)
{
    sc_buf out;
    sc_buf_init(&out);
    const char *ins = inserts[_i];
    size_t m = strlen(ins);
    char s[64];
    for (size_t len = 0; len <= 40; len++)
        for (size_t at = 0; at <= len; at++) {
            memset(s, 'a', sizeof s);
            memcpy(s + at, ins, m);
            check_string(&out, s, len + m);
            if (at + m + 3 <= len) {
                memcpy(s + at + m + 3, ins, m);
                check_string(&out, s, len + m);
            }
        }
    sc_buf_release(&out);
}
END_TEST

/* Every byte value below 0x80 but NUL, alone and in a long run. */
START_TEST(test_json_escape_every_ascii_byte)
{
    sc_buf out;
    sc_buf_init(&out);
    char s[40];
    for (int b = 1; b < 0x80; b++) {
        s[0] = (char)b;
        check_string(&out, s, 1);
        memset(s, b, sizeof s);
        check_string(&out, s, sizeof s);
    }
    sc_buf_release(&out);
}
END_TEST

/* Text that is not valid UTF-8, or holds a NUL, is written as
 * sc_report_clean leaves it (U+FFFD for each bad byte), then escaped. */
static const struct {
    const char *s;
    size_t n;
} unclean[] = {
    {"abc\xff"
     "defghijk\"",
     13},
    {"\x00"
     "abcdefgh",
     9},
    {"abcdefgh\xc3", 9},
    {"ab\xc3(cdefghij\n", 13},
    {"\xed\xa0\x80 surrogate\\", 14},
    {"\xc0\xaf overlong \x01", 13},
};

START_TEST(test_json_escape_unclean)
{
    sc_buf out, clean;
    sc_buf_init(&out);
    sc_buf_init(&clean);
    write_string(&out, unclean[_i].s, unclean[_i].n);
    sc_report_clean(unclean[_i].s, unclean[_i].n, false, &clean);
    ck_assert(!clean.failed);
    char *want = jansson_string(clean.data, clean.len);
    ck_assert_msg(strcmp(out.data, want) == 0, "wrote %s, want %s", out.data, want);
    free(want);
    sc_buf_release(&clean);
    sc_buf_release(&out);
}
END_TEST

static Suite *report_suite(void)
{
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("json_escape");
    tcase_add_loop_test(tc, test_json_escape_positions, 0, N(inserts));
    tcase_add_test(tc, test_json_escape_every_ascii_byte);
    tcase_add_loop_test(tc, test_json_escape_unclean, 0, N(unclean));
    suite_add_tcase(s, tc);
    return s;
}

SC_TEST_MAIN(report_suite)
