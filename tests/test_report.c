/* Tests for the report writers' building blocks: the JSON writer's string
 * escaping, which steps over eight and sixteen plain bytes at a time and
 * checks UTF-8 as it goes, against Jansson's (the reference its output
 * must match byte for byte); its keys and spans, written whole, against
 * the member by member calls; fingerprints against their definition. */
#include "harness.h"
#include "core/arena.h"
#include "core/buf.h"
#include "report/jbuild.h"
#include "report/report.h"
#include "text/text.h"

#include <jansson.h>
#include <limits.h>
#include <stdint.h>
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

/* What sc_jw_string_n must write for any bytes: valid UTF-8 without NUL
 * as Jansson writes it, anything else as sc_report_clean leaves it. */
static char *reference_string(const char *s, size_t n)
{
    size_t bad;
    if (sc_utf8_valid(s, n, &bad))
        return jansson_string(s, n);
    sc_buf clean;
    sc_buf_init(&clean);
    sc_report_clean(s, n, false, &clean);
    ck_assert(!clean.failed);
    char *want = jansson_string(clean.data != NULL ? clean.data : "", clean.len);
    sc_buf_release(&clean);
    return want;
}

/* Pieces random strings are made of: mostly plain text, with everything
 * that needs a look of its own, valid or not. */
static const char *const pieces[] = {
    "a",
    "plain text ",
    "0123456789abcdef",
    " ",
    "\"",
    "\\",
    "\n",
    "\x01",
    "\x1f",
    "\x7f",
    "\x00",
    "\xc3\xa9",
    "\xe2\x82\xac",
    "\xf0\x9f\x98\x80",
    "\xc3",
    "\xe2\x82",
    "\x80",
    "\xff",
    "\xed\xa0\x80",
    "\xc0\xaf",
    "\xf4\x90\x80\x80",
};

/* Random strings of up to 100 bytes, in random places of a buffer (so
 * their ends fall at every alignment), against the reference. */
START_TEST(test_json_string_random)
{
    sc_buf out;
    sc_buf_init(&out);
    uint64_t state = 0x9e3779b97f4a7c15u + (uint64_t)_i;
    char buf[160];
    for (int round = 0; round < 4000; round++) {
        size_t at = sc_test_random(&state) % 16, n = 0;
        size_t target = sc_test_random(&state) % 100;
        while (n < target) {
            uint64_t r = sc_test_random(&state);
            /* Plain pieces three times in four. */
            size_t k = r % 4 != 0 ? (r >> 8) % 4 : (r >> 8) % N(pieces);
            size_t m = pieces[k][0] == '\0' ? 1 : strlen(pieces[k]); /* "\x00": one NUL */
            if (at + n + m > sizeof buf)
                break;
            memcpy(buf + at + n, pieces[k], m);
            n += m;
        }
        write_string(&out, buf + at, n);
        char *want = reference_string(buf + at, n);
        ck_assert_msg(strcmp(out.data, want) == 0, "wrote %s, want %s", out.data, want);
        free(want);
    }
    sc_buf_release(&out);
}
END_TEST

/* One object through the writer, every key by sc_jw_key (literal false)
 * or by SC_JW_KEY: nested objects and arrays, a first and a later member
 * at each level. */
static void write_members(sc_buf *out, int indent, bool literal)
{
    sc_jw w;
    sc_buf_clear(out);
    sc_jw_init(&w, out, indent);
#define KEY(k)                                                                                     \
    do {                                                                                           \
        if (literal)                                                                               \
            SC_JW_KEY(&w, k);                                                                      \
        else                                                                                       \
            sc_jw_key(&w, k);                                                                      \
    } while (0)
    sc_jw_object(&w);
    KEY("id");
    sc_jw_text(&w, "x");
    KEY("empty");
    sc_jw_object(&w);
    sc_jw_end_object(&w);
    KEY("inner");
    sc_jw_object(&w);
    KEY("a");
    sc_jw_integer(&w, 1);
    KEY("list");
    sc_jw_array(&w);
    sc_jw_object(&w);
    KEY("b");
    sc_jw_null(&w);
    sc_jw_end_object(&w);
    sc_jw_object(&w);
    KEY("c");
    sc_jw_bool(&w, true);
    KEY("entity_agreement");
    sc_jw_number(&w, 0.5);
    sc_jw_end_object(&w);
    sc_jw_end_array(&w);
    sc_jw_end_object(&w);
    KEY("last");
    sc_jw_string_n(&w, "", 0);
    sc_jw_end_object(&w);
#undef KEY
    ck_assert_int_eq(sc_jw_status(&w), SC_OK);
    ck_assert(!out->failed);
}

static const int indents[] = {-1, 0, 2, 4};

START_TEST(test_json_literal_keys)
{
    sc_buf plain, literal;
    sc_buf_init(&plain);
    sc_buf_init(&literal);
    write_members(&plain, indents[_i], false);
    write_members(&literal, indents[_i], true);
    ck_assert_str_eq(literal.data, plain.data);
    if (indents[_i] < 0)
        ck_assert_str_eq(literal.data,
                         "{\"id\":\"x\",\"empty\":{},\"inner\":{\"a\":1,\"list\":[{\"b\":null},"
                         "{\"c\":true,\"entity_agreement\":0.5}]},\"last\":\"\"}");
    sc_buf_release(&plain);
    sc_buf_release(&literal);
}
END_TEST

/* A span written whole, against its members one by one, for every field
 * and numbers of every length, compact and indented, first in an array
 * and after another value. */
START_TEST(test_json_span)
{
    static const size_t numbers[] = {0,
                                     1,
                                     9,
                                     10,
                                     99,
                                     100,
                                     12345,
                                     999999,
                                     1000000,
                                     4294967295u,
                                     4294967296u,
                                     (size_t)9999999999999999999u,
                                     (size_t)LLONG_MAX};
    sc_buf whole, members;
    sc_buf_init(&whole);
    sc_buf_init(&members);
    int indent = indents[_i];
    for (int f = 0; f < SC_FIELD_COUNT; f++) {
        /* The name goes out as it is: nothing in it may need escaping. */
        const char *name = sc_field_name((sc_field)f);
        ck_assert_uint_le(strlen(name), 32);
        for (const char *c = name; *c != '\0'; c++)
            ck_assert(*c > 0x20 && *c < 0x7f && *c != '"' && *c != '\\');
        for (size_t k = 0; k < N(numbers); k++) {
            size_t a = numbers[k], b = numbers[(k + 3) % N(numbers)];
            size_t c = numbers[(k + 5) % N(numbers)], d = numbers[(k + 7) % N(numbers)];
            sc_jw w;
            sc_buf_clear(&whole);
            sc_jw_init(&w, &whole, indent);
            sc_jw_array(&w);
            sc_jw_span(&w, (sc_field)f, a, b, c, d);
            sc_jw_span(&w, (sc_field)f, d, c, b, a);
            sc_jw_end_array(&w);
            ck_assert_int_eq(sc_jw_status(&w), SC_OK);
            sc_buf_clear(&members);
            sc_jw_init(&w, &members, indent);
            sc_jw_array(&w);
            const size_t values[2][4] = {{a, b, c, d}, {d, c, b, a}};
            for (int s = 0; s < 2; s++) {
                sc_jw_object(&w);
                sc_jw_key(&w, "field");
                sc_jw_text(&w, name);
                sc_jw_key(&w, "start");
                sc_jw_integer(&w, (long long)values[s][0]);
                sc_jw_key(&w, "end");
                sc_jw_integer(&w, (long long)values[s][1]);
                sc_jw_key(&w, "line");
                sc_jw_integer(&w, (long long)values[s][2]);
                sc_jw_key(&w, "column");
                sc_jw_integer(&w, (long long)values[s][3]);
                sc_jw_end_object(&w);
            }
            sc_jw_end_array(&w);
            ck_assert_int_eq(sc_jw_status(&w), SC_OK);
            ck_assert_str_eq(whole.data, members.data);
        }
    }
    sc_buf_release(&whole);
    sc_buf_release(&members);
}
END_TEST

/* FNV-1a 64 of the parts, each followed by a NUL (sc_report_fingerprints). */
static uint64_t fnv_parts(const char *const *parts, size_t n)
{
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t k = 0; k < n; k++) {
        size_t len = strlen(parts[k]) + 1;
        for (size_t i = 0; i < len; i++) {
            h ^= (unsigned char)parts[k][i];
            h *= 0x100000001b3u;
        }
    }
    return h;
}

/* Fingerprints of many findings as their definition gives them:
 * "%016llx" of the hash of rule, id and the normalised text. */
START_TEST(test_fingerprints)
{
    enum { FINDINGS = 200 };
    static const char text[] = "The  Cat\tsat\n on the MAT.  ";
    static sc_finding findings[FINDINGS];
    static char rules[FINDINGS][16];
    sc_result r;
    memset(&r, 0, sizeof r);
    memset(findings, 0, sizeof findings);
    r.id = "doc-7";
    r.page.field_data[SC_FIELD_SUMMARY] = text;
    r.page.field_len[SC_FIELD_SUMMARY] = sizeof text - 1;
    r.findings = findings;
    r.n_findings = FINDINGS;
    for (size_t i = 0; i < FINDINGS; i++) {
        snprintf(rules[i], sizeof rules[i], "rule-%zu", i);
        findings[i].rule = rules[i];
        findings[i].summary_span = (sc_span){true, SC_FIELD_SUMMARY, i % 5, sizeof text - 1};
    }
    sc_fingerprint out[FINDINGS];
    ck_assert_int_eq(sc_report_fingerprints(&r, out), SC_OK);
    sc_arena *arena = sc_arena_new();
    ck_assert_ptr_nonnull(arena);
    bool leading_zero = false;
    for (size_t i = 0; i < FINDINGS; i++) {
        size_t len;
        const char *norm = sc_report_normalize(arena, text + i % 5, sizeof text - 1 - i % 5, &len);
        ck_assert_ptr_nonnull(norm);
        const char *parts[3] = {rules[i], "doc-7", norm};
        char want[17];
        snprintf(want, sizeof want, "%016llx", (unsigned long long)fnv_parts(parts, 3));
        ck_assert_str_eq(out[i].hex, want);
        leading_zero |= want[0] == '0';
    }
    ck_assert(leading_zero); /* the zero padding was tried */
    sc_arena_free(arena);
}
END_TEST

/* Text a fingerprint hashes: ASCII is lower-cased and its white space
 * collapsed as it is hashed; anything else goes through sc_normalize
 * first.  Each against the definition, from every start in the text. */
static const char *const fingerprint_texts[] = {
    "",
    " \t\n\v\f\r ",
    "ABC",
    "  Leading and trailing  ",
    "Mixed\v\fwhite\r\n\n space\tTHE END",
    "Caf\xc3\xa9 CR\xc3\x88ME br\xc3\xbbl\xc3\xa9"
    "e",
    "Stra\xc3\x9f"
    "e  \xe2\x80\x99quoted\xe2\x80\x99 it\xe2\x80\x99s",
    "\xef\xbc\xa1\xef\xbc\xa2 fullwidth \xe2\x85\xa8 numeral",
    "ASCII first, then \xc3\x89",
};

START_TEST(test_fingerprints_texts)
{
    const char *text = fingerprint_texts[_i];
    size_t n = strlen(text);
    static sc_finding findings[64];
    sc_result r;
    memset(&r, 0, sizeof r);
    memset(findings, 0, sizeof findings);
    r.id = "doc-8";
    r.page.field_data[SC_FIELD_SOURCE] = text;
    r.page.field_len[SC_FIELD_SOURCE] = n;
    r.findings = findings;
    size_t count = 0;
    size_t starts[N(findings)];
    for (size_t start = 0; start <= n && count < N(findings); start++) {
        if (start < n && ((unsigned char)text[start] & 0xC0) == 0x80)
            continue; /* spans begin at a character */
        starts[count] = start;
        findings[count].rule = "rule";
        /* A source span when there is no summary span. */
        findings[count].source_span = (sc_span){true, SC_FIELD_SOURCE, start, n};
        count++;
    }
    r.n_findings = count;
    sc_fingerprint out[N(findings)];
    ck_assert_int_eq(sc_report_fingerprints(&r, out), SC_OK);
    sc_arena *arena = sc_arena_new();
    ck_assert_ptr_nonnull(arena);
    for (size_t i = 0; i < count; i++) {
        size_t len;
        const char *norm = sc_report_normalize(arena, text + starts[i], n - starts[i], &len);
        ck_assert_ptr_nonnull(norm);
        const char *parts[3] = {"rule", "doc-8", norm};
        char want[17];
        snprintf(want, sizeof want, "%016llx", (unsigned long long)fnv_parts(parts, 3));
        /* Equal texts (an empty one, say) get an ordinal: compare only
         * those without one. */
        bool alone = true;
        for (size_t k = 0; k < count && alone; k++) {
            size_t other;
            const char *o = sc_report_normalize(arena, text + starts[k], n - starts[k], &other);
            ck_assert_ptr_nonnull(o);
            alone = k == i || strcmp(o, norm) != 0;
        }
        if (alone)
            ck_assert_str_eq(out[i].hex, want);
    }
    sc_arena_free(arena);
}
END_TEST

/* White space, as fingerprints and suppressions collapse it: the six
 * bytes isspace() names in the C locale, and no other. */
START_TEST(test_normalize_spaces)
{
    sc_arena *arena = sc_arena_new();
    ck_assert_ptr_nonnull(arena);
    for (int b = 1; b < 0x80; b++) {
        char s[] = {'a', (char)b, (char)b, 'b'};
        size_t len;
        const char *norm = sc_report_normalize(arena, s, sizeof s, &len);
        ck_assert_ptr_nonnull(norm);
        bool space = b == ' ' || b == '\t' || b == '\n' || b == '\v' || b == '\f' || b == '\r';
        if (space)
            ck_assert_str_eq(norm, "a b");
        else
            ck_assert_uint_eq(len, 4);
    }
    sc_arena_free(arena);
}
END_TEST

static Suite *report_suite(void)
{
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("json_escape");
    tcase_add_loop_test(tc, test_json_escape_positions, 0, N(inserts));
    tcase_add_test(tc, test_json_escape_every_ascii_byte);
    tcase_add_loop_test(tc, test_json_escape_unclean, 0, N(unclean));
    tcase_add_loop_test(tc, test_json_string_random, 0, 8);
    suite_add_tcase(s, tc);
    TCase *members = tcase_create("json_members");
    tcase_add_loop_test(members, test_json_literal_keys, 0, N(indents));
    tcase_add_loop_test(members, test_json_span, 0, N(indents));
    suite_add_tcase(s, members);
    TCase *fingerprints = tcase_create("fingerprints");
    tcase_add_test(fingerprints, test_fingerprints);
    tcase_add_test(fingerprints, test_normalize_spaces);
    tcase_add_loop_test(fingerprints, test_fingerprints_texts, 0, N(fingerprint_texts));
    suite_add_tcase(s, fingerprints);
    return s;
}

SC_TEST_MAIN(report_suite)
