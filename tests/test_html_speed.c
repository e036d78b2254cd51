/* Tests for the HTML reader's fast paths, each against the plain
 * computation it stands for: the tag of an element's name (packed names
 * looked up as integers, html_tag_of), lower-casing eight bytes at a time
 * (html_lower), class words checked by their first byte before the list
 * (html_names_match), and the cheap first look for an AI disclaimer's
 * phrases (sc_part_has_disclaimer, page_parts.c).  The cut
 * and put-back attribute values are tested with the other cuts
 * (test_html.c). */
#include "harness.h"
#include "core/arena.h"
#include "core/buf.h"
#include "io/html.h"
#include "io/io.h"
#include "lang/lang.h"
#include "text/text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- html_tag_of ---------------------------------------------------------- */

/* The names of html_tag, in its order (T_A is 1). */
static const char *const tag_names[] = {
    "a",          "abbr",    "address", "article",  "aside",    "audio",   "b",       "blockquote",
    "body",       "br",      "button",  "canvas",   "caption",  "center",  "code",    "dd",
    "details",    "dialog",  "div",     "dl",       "dt",       "em",      "embed",   "fieldset",
    "figcaption", "figure",  "font",    "footer",   "form",     "h1",      "h2",      "h3",
    "h4",         "h5",      "h6",      "head",     "header",   "hr",      "html",    "i",
    "iframe",     "img",     "input",   "label",    "li",       "link",    "main",    "map",
    "math",       "menu",    "meta",    "nav",      "noscript", "object",  "ol",      "option",
    "p",          "picture", "pre",     "q",        "s",        "script",  "section", "select",
    "small",      "span",    "strong",  "style",    "sub",      "summary", "sup",     "svg",
    "table",      "tbody",   "td",      "template", "textarea", "tfoot",   "th",      "thead",
    "time",       "title",   "tr",      "u",        "ul",       "video",
};
enum { N_TAG_NAMES = sizeof tag_names / sizeof tag_names[0] };

/* The plain lookup: the name's place in the list. */
static html_tag plain_tag_of(const char *name)
{
    for (size_t k = 0; k < N_TAG_NAMES; k++)
        if (strcmp(name, tag_names[k]) == 0)
            return (html_tag)(k + 1);
    return T_OTHER;
}

static void check_tag(const char *name)
{
    html_tag got = html_tag_of((const xmlChar *)name);
    SC_CHECK(got == plain_tag_of(name), "%s: tag %d, expected %d", name, (int)got,
             (int)plain_tag_of(name));
}

START_TEST(test_tag_of)
{
    ck_assert_int_eq(N_TAG_NAMES, T_COUNT - 1);
    char name[32];
    for (size_t k = 0; k < N_TAG_NAMES; k++) {
        const char *t = tag_names[k];
        size_t n = strlen(t);
        check_tag(t);
        /* Every prefix, the name run on by a byte, and in capitals. */
        for (size_t m = 0; m < n; m++) {
            memcpy(name, t, m);
            name[m] = '\0';
            check_tag(name);
        }
        static const char more[] = {'a', 'z', '1', '-', ':', '\x7f'};
        for (size_t i = 0; i < sizeof more; i++) {
            snprintf(name, sizeof name, "%s%c", t, more[i]);
            check_tag(name);
        }
        for (size_t i = 0; i <= n; i++)
            name[i] = t[i] >= 'a' && t[i] <= 'z' ? (char)(t[i] - 'a' + 'A') : t[i];
        check_tag(name);
    }
    /* Names of every length about the eight bytes packed. */
    uint64_t rng = 0x7a6;
    for (int round = 0; round < 20000; round++) {
        size_t n = sc_test_random(&rng) % 12;
        for (size_t i = 0; i < n; i++)
            name[i] = "abdehilmnoprstuvy1"[sc_test_random(&rng) % 18];
        name[n] = '\0';
        check_tag(name);
    }
    check_tag("");
    ck_assert_int_eq(html_tag_of(NULL), T_OTHER);
}
END_TEST

/* ---- html_names_match ------------------------------------------------------ */

/* The plain match: every word against every keyword. */
static bool plain_names_match(const char *names, const char *const *keywords, size_t n)
{
    if (names == NULL || names[0] == '\0')
        return false;
    for (const char *p = names; *p;) {
        while (*p && !((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')))
            p++;
        const char *w = p;
        while ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
            p++;
        size_t wl = (size_t)(p - w);
        if (wl == 0)
            continue;
        for (size_t k = 0; k < n; k++) {
            size_t kl = strlen(keywords[k]);
            if (kl > 0 && keywords[k][kl - 1] == '=') {
                if (wl == kl - 1 && memcmp(w, keywords[k], kl - 1) == 0)
                    return true;
            } else if (wl >= kl && memcmp(w, keywords[k], kl) == 0) {
                return true;
            }
        }
    }
    return false;
}

START_TEST(test_names_match)
{
    static const char *const words[] = {"nav",  "navbar", "post",     "content", "ad", "ads",
                                        "side", "2col",   "9",        "z",       "-",  "_",
                                        " ",    "Nav",    "\xc3\xa9", "meta",    "x"};
    static const char *const keywords[] = {"nav",   "ad=", "side", "2col=", "post", "x",
                                           "meta=", "=",   "-x",   "z",     "9",    ""};
    uint64_t rng = 0x4a3e;
    char names[128];
    const char *list[8];
    size_t hits = 0;
    for (int round = 0; round < 30000; round++) {
        names[0] = '\0';
        size_t n_words = sc_test_random(&rng) % 6;
        for (size_t i = 0; i < n_words; i++)
            strcat(names, words[sc_test_random(&rng) % (sizeof words / sizeof words[0])]);
        size_t n = sc_test_random(&rng) % 6;
        for (size_t k = 0; k < n; k++) {
            /* The empty keyword, which matches every word, seldom. */
            size_t pick = sc_test_random(&rng) % (sizeof keywords / sizeof keywords[0]);
            list[k] =
                pick + 1 == sizeof keywords / sizeof keywords[0] && sc_test_random(&rng) % 8 != 0
                    ? keywords[0]
                    : keywords[pick];
        }
        bool want = plain_names_match(names, list, n);
        SC_CHECK(html_names_match(names, list, n) == want, "\"%s\": expected %d", names, want);
        hits += want;
    }
    ck_assert_uint_gt(hits, 1000);
    ck_assert(!html_names_match(NULL, keywords, 3));
}
END_TEST

/* ---- html_lower -------------------------------------------------------------- */

START_TEST(test_lower)
{
    uint64_t rng = 0x10e;
    char s[64], got[64], want[64];
    for (int round = 0; round < 20000; round++) {
        size_t n = sc_test_random(&rng) % 40, cap = 1 + sc_test_random(&rng) % 48;
        for (size_t i = 0; i < n; i++) {
            /* Mostly the bytes about the capitals, sometimes any. */
            uint64_t r = sc_test_random(&rng);
            s[i] = (char)(r % 4 == 0 ? (r >> 8) % 256 : 0x3E + (r >> 8) % 0x22);
        }
        size_t k = 0;
        for (size_t i = 0; i < n && k + 1 < cap; i++)
            want[k++] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
        want[k] = '\0';
        SC_CHECK(html_lower(s, n, got, cap) == k, "length");
        SC_CHECK(memcmp(got, want, k + 1) == 0, "round %d: %.*s", round, (int)k, got);
    }
}
END_TEST

/* ---- the disclaimer's first look ------------------------------------------ */

/* The plain computation: the folded text searched for every phrase. */
static bool plain_has_disclaimer(sc_arena *arena, const char *s, size_t len)
{
    size_t n;
    char *folded = sc_normalize(arena, s, len, &n);
    return folded != NULL && sc_disclaimer_phrase_in(folded);
}

/* Pieces of text: the phrases' words in any case, characters that fold to
 * ASCII (full-width letters, ligatures, "ß", thin and narrow spaces, Roman
 * numerals), ones that fold to ASCII beside a mark ("¨", "İ", "ǅ"),
 * combining marks that compose with the letter before, and bytes that are
 * not UTF-8. */
static const char *const pieces[] = {
    "AI-generated summary",
    "Summary generated by",
    "this summary was generated by",
    "ringkasan yang dibuat oleh",
    "ai generated summari",
    "AI",
    "ai",
    "Ai",
    "\xef\xbc\xa1\xef\xbc\xa9", /* ＡＩ */
    "-",
    " ",
    "\n",
    "generated",
    "GENERATED",
    "summary",
    "Summary",
    "summarization",
    "by",
    "this",
    "was",
    "ringkasan",
    "Ringkasan",
    "ini",
    "dibuat",
    "oleh",
    "yang",
    "kecerdasan",
    "buatan",
    "\xef\xac\x81",                         /* ﬁ */
    "\xc3\x9f",                             /* ß */
    "\xe2\x80\x89",                         /* thin space */
    "\xe2\x80\xaf",                         /* narrow no-break space */
    "\xc2\xa0",                             /* no-break space */
    "\xe2\x85\xb7",                         /* ⅷ */
    "\xc2\xa8",                             /* ¨ */
    "\xc4\xb0",                             /* İ */
    "\xc7\x85",                             /* ǅ */
    "\xcc\x81",                             /* combining acute */
    "\xe2\x80\xa6",                         /* … */
    "\xc3\xa9",                             /* é */
    "\xe2\x80\x9c",                         /* “ */
    "\xef\xbd\x93\xef\xbd\x95\xef\xbd\x8d", /* ｓｕｍ */
    "mary",
    "sum",
    "\xff",
    "\xe2\x80",
    "\xf0\x9d\x90\x80", /* 𝐀 */
};

START_TEST(test_disclaimer_first_look)
{
    sc_arena *arena = sc_arena_new();
    ck_assert_ptr_nonnull(arena);
    static const struct {
        const char *text;
        bool has;
    } fixed[] = {
        {"An AI-generated summary of the story.", true},
        {"\xef\xbc\xa1\xef\xbc\xa9-generated summary", true},
        {"AI\xe2\x80\x89generated summary", true},
        {"This summary was generated by \xef\xbc\xa1I.", true},
        {"Ringkasan ini dibuat oleh AI.", true},
        {"A summary of the story, written by hand.", false},
        {"Stra\xc3\x9f"
         "e, caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x80\xa6",
         false},
    };
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        ck_assert_msg(sc_part_has_disclaimer(arena, fixed[i].text, strlen(fixed[i].text)) ==
                          fixed[i].has,
                      "%s", fixed[i].text);
    uint64_t rng = 0xd15c;
    size_t found = 0;
    for (int round = 0; round < 30000; round++) {
        sc_buf b;
        sc_buf_init(&b);
        size_t n = 1 + sc_test_random(&rng) % 14;
        for (size_t i = 0; i < n; i++) {
            sc_buf_puts(&b, pieces[sc_test_random(&rng) % (sizeof pieces / sizeof pieces[0])]);
            if (sc_test_random(&rng) % 3 != 0)
                sc_buf_putc(&b, ' ');
        }
        ck_assert(!b.failed);
        bool plain = plain_has_disclaimer(arena, b.data, b.len);
        SC_CHECK(sc_part_has_disclaimer(arena, b.data, b.len) == plain, "%s: expected %d", b.data,
                 plain);
        found += plain;
        sc_buf_release(&b);
        if (round % 1000 == 999) {
            sc_arena_free(arena);
            arena = sc_arena_new();
            ck_assert_ptr_nonnull(arena);
        }
    }
    /* Texts with a phrase are many, not a corner. */
    ck_assert_uint_gt(found, 100);
    sc_arena_free(arena);
}
END_TEST

static Suite *html_speed_suite(void)
{
    Suite *s = suite_create("html_speed");
    TCase *tc = tcase_create("fast paths");
    tcase_add_test(tc, test_tag_of);
    tcase_add_test(tc, test_lower);
    tcase_add_test(tc, test_names_match);
    tcase_add_test(tc, test_disclaimer_first_look);
    suite_add_tcase(s, tc);
    return s;
}

SC_TEST_MAIN(html_speed_suite)
