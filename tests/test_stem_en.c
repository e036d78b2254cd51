/* Tests for the Snowball English (Porter2) stemmer: a hand-checked table,
 * Snowball's own vocabulary and expected output from ../shared, and
 * hostile inputs that must neither crash nor write past the buffer. */
#include "harness.h"
#include "lang/stem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Each row exercises one rule, so a failure points at the step to read. */
static const struct {
    const char *word;
    const char *stem;
} hand_cases[] = {
    {"a", "a"}, /* two letters or fewer: untouched */
    {"is", "is"},
    {"consign", "consign"},
    {"consigned", "consign"},   /* 1b: -ed */
    {"consignment", "consign"}, /* 4: -ment in R2 */
    {"generously", "generous"}, /* R1 starts after "gener" */
    {"communism", "communism"}, /* R1 starts after "commun" */
    {"skies", "sky"},           /* exceptional forms */
    {"dying", "die"},
    {"news", "news"},
    {"skis", "ski"},
    {"running", "run"},       /* 1b: undouble */
    {"hoping", "hope"},       /* 1b: short word gets its e back */
    {"luxuriated", "luxuri"}, /* 1b: at -> ate, then 4 */
    {"happily", "happili"},   /* 1c: y -> i after a non-vowel */
    {"cry", "cri"},
    {"say", "say"},         /* 1c: y after a vowel stays */
    {"yelling", "yell"},    /* initial y is a consonant (Y) */
    {"cries", "cri"},       /* 1a: ies after two or more letters */
    {"ties", "tie"},        /* 1a: ies after one letter */
    {"caresses", "caress"}, /* 1a: sses */
    {"gaps", "gap"},        /* 1a: s after a vowel further back */
    {"gas", "gas"},
    {"kiwis", "kiwi"},
    {"inning", "inning"}, /* left alone after step 1a */
    {"innings", "inning"},
    {"relational", "relat"},  /* 2: ational -> ate, then 4 */
    {"hopeful", "hope"},      /* 3: -ful */
    {"adjustable", "adjust"}, /* 4: -able */
    {"adoption", "adopt"},    /* 4: -ion after t */
    {"controll", "control"},  /* 5: ll in R2 */
    {"rate", "rate"},         /* 5: e after a short syllable stays */
    {"generate", "generat"},  /* 5: e in R2 goes */
    {"dog's", "dog"},         /* 0: possessive */
    {"'tis", "tis"},          /* prelude: leading apostrophe */
};

START_TEST(test_hand_table)
{
    const char *word = hand_cases[_i].word;
    const char *want = hand_cases[_i].stem;
    size_t len = strlen(word);
    char out[64];
    size_t n = sc_stem_en(word, len, out, sizeof out);

    ck_assert_msg(strcmp(out, want) == 0, "%s -> \"%s\", want \"%s\"", word, out, want);
    ck_assert_uint_eq(n, strlen(want));
    ck_assert_uint_le(n, len);
}
END_TEST

/* Splits the next line off *cursor (end exclusive), dropping a CR. */
static bool next_line(char **cursor, const char **line, size_t *len)
{
    char *s = *cursor, *nl;

    if (*s == '\0')
        return false;
    nl = strchr(s, '\n');
    *line = s;
    *len = nl != NULL ? (size_t)(nl - s) : strlen(s);
    *cursor = nl != NULL ? nl + 1 : s + *len;
    if (*len > 0 && s[*len - 1] == '\r')
        (*len)--;
    return true;
}

START_TEST(test_shared_vectors)
{
    enum { SHOW = 10 };
    char *voc, *want;
    size_t voc_len, want_len, total = 0, bad = 0, used = 0;
    char *voc_at, *want_at, *out;
    char report[2048] = "";
    const char *path, *w, *e;
    size_t wl, el;

    path = sc_test_shared_path("lang/en/porter2-voc.txt");
    ck_assert_ptr_nonnull(path);
    voc = sc_test_read_file(path, &voc_len);
    ck_assert_ptr_nonnull(voc);
    path = sc_test_shared_path("lang/en/porter2-output.txt");
    ck_assert_ptr_nonnull(path);
    want = sc_test_read_file(path, &want_len);
    ck_assert_ptr_nonnull(want);
    /* No word is longer than the file that holds it. */
    out = malloc(voc_len + 1);
    ck_assert_ptr_nonnull(out);

    voc_at = voc;
    want_at = want;
    for (;;) {
        bool has_w = next_line(&voc_at, &w, &wl);
        bool has_e = next_line(&want_at, &e, &el);

        ck_assert_msg(has_w == has_e, "vocabulary and output differ in length at line %zu",
                      total + 1);
        if (!has_w)
            break;
        total++;
        size_t n = sc_stem_en(w, wl, out, wl + 1);
        if (n != el || memcmp(out, e, el) != 0 || out[n] != '\0' || n > wl) {
            if (bad < SHOW && used < sizeof report) {
                int k = snprintf(report + used, sizeof report - used, " %.*s->%s(want %.*s)",
                                 (int)wl, w, out, (int)el, e);
                if (k > 0)
                    used += (size_t)k;
            }
            bad++;
        }
    }
    free(out);
    free(want);
    free(voc);
    ck_assert_uint_gt(total, 0);
    ck_assert_msg(bad == 0, "%zu of %zu vectors differ; first:%s", bad, total, report);
}
END_TEST

/* Stems word with the output placed in a buffer of cap bytes followed by
 * guard bytes, and checks the guard, the NUL and the length bounds. */
static void check_bounded(const char *word, size_t len, size_t cap)
{
    enum { GUARD = 32 };
    char *buf = malloc(cap + GUARD);
    size_t n;

    ck_assert_ptr_nonnull(buf);
    memset(buf, 0x5a, cap + GUARD);
    n = sc_stem_en(word, len, buf, cap);
    for (size_t i = cap; i < cap + GUARD; i++)
        ck_assert_msg(buf[i] == 0x5a, "wrote past cap %zu at %zu", cap, i);
    if (cap == 0) {
        ck_assert_uint_eq(n, 0);
    } else {
        ck_assert_uint_lt(n, cap);
        ck_assert_uint_le(n, len);
        ck_assert_int_eq(buf[n], '\0');
    }
    free(buf);
}

START_TEST(test_long_word)
{
    enum { LONG = 1000 };
    /* Suffix-bearing, y-heavy and vowel-free shapes walk different paths. */
    static const char *const fills[] = {"a", "y", "b", "ay"};
    static const char *const ends[] = {"", "ational", "ing", "ies", "sses", "ly"};
    char *word = malloc(LONG + 1);

    ck_assert_ptr_nonnull(word);
    for (size_t f = 0; f < sizeof fills / sizeof fills[0]; f++) {
        for (size_t e = 0; e < sizeof ends / sizeof ends[0]; e++) {
            size_t el = strlen(ends[e]), fl = strlen(fills[f]);

            for (size_t i = 0; i < LONG - el; i++)
                word[i] = fills[f][i % fl];
            memcpy(word + LONG - el, ends[e], el);
            word[LONG] = '\0';
            check_bounded(word, LONG, LONG + 1);
            check_bounded(word, LONG, 10);
            check_bounded(word, LONG, 1);
            check_bounded(word, LONG, 0);
        }
    }
    free(word);
}
END_TEST

START_TEST(test_odd_bytes)
{
    /* Invalid UTF-8, lone apostrophes and non-ASCII around suffixes. */
    static const char *const words[] = {
        "\xff",        "\xff\xff\xff",  "'",
        "''",          "'''",           "''''''",
        "'s'",         "\xffing",       "\xffies",
        "\xc3\xa9ies", "na\xc3\xafve",  "caf\xc3\xa9s",
        "\xc3",        "a\x80\x80s",    "\x80\x80\x80",
        "y'y'y",       "\xe2\x80\x99s", "\xf0\x9f\x98\x80ing",
    };

    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t len = strlen(words[i]);

        for (size_t cap = 0; cap <= len + 1; cap++)
            check_bounded(words[i], len, cap);
    }
    /* A truncated result never ends in half a character. */
    {
        char out[3];
        size_t n = sc_stem_en("\xc3\xa9\xc3\xa9\xc3\xa9", 6, out, sizeof out);
        ck_assert_uint_eq(n, 2);
        ck_assert_str_eq(out, "\xc3\xa9");
    }
    /* Three apostrophes lose the leading one and then the trailing one. */
    {
        char out[8];
        ck_assert_uint_eq(sc_stem_en("'''", 3, out, sizeof out), 1);
        ck_assert_str_eq(out, "'");
    }
    /* An empty word, even without a pointer, gives an empty stem. */
    {
        char out[1] = {'x'};
        ck_assert_uint_eq(sc_stem_en(NULL, 0, out, sizeof out), 0);
        ck_assert_int_eq(out[0], '\0');
    }
}
END_TEST

/* Characters of word[0..len) as the stemmer counts them: a byte from 0xC0
 * up takes the continuation bytes behind it, any other byte stands alone. */
static size_t count_chars(const char *word, size_t len)
{
    size_t chars = 0;

    for (size_t i = 0; i < len; chars++) {
        unsigned char lead = (unsigned char)word[i++];
        if (lead >= 0xC0u)
            while (i < len && ((unsigned char)word[i] & 0xC0u) == 0x80u)
                i++;
    }
    return chars;
}

/* Words of fewer than three characters come back as they are, whichever
 * bytes they hold: checks sc_stem_en's shortcut for three leading bytes
 * below 0xC0 against the plain count, on every word of two to four bytes
 * over letters, an apostrophe (step 0 would cut it) and bytes about the
 * lead-byte boundary. */
START_TEST(test_short_words_unchanged)
{
    static const char alphabet[] = {'a',    'e',    's',    'y',    '\'',   '\x80', '\xa9',
                                    '\xbf', '\xc0', '\xc3', '\xe2', '\xf0', '\xff'};
    enum { K = sizeof alphabet };
    char word[5], out[16];

    for (size_t len = 2; len <= 4; len++) {
        size_t total = 1;
        for (size_t i = 0; i < len; i++)
            total *= K;
        for (size_t code = 0; code < total; code++) {
            size_t c = code;
            for (size_t i = 0; i < len; i++, c /= K)
                word[i] = alphabet[c % K];
            word[len] = '\0';
            if (count_chars(word, len) >= 3)
                continue;
            size_t n = sc_stem_en(word, len, out, sizeof out);
            ck_assert_msg(n == len && memcmp(out, word, len) == 0,
                          "a word of %zu bytes, fewer than three characters, was changed", len);
        }
    }
}
END_TEST

static Suite *stem_en_suite(void)
{
    Suite *s = suite_create("stem_en");
    TCase *tc;

    tc = tcase_create("hand");
    tcase_add_loop_test(tc, test_hand_table, 0, (int)(sizeof hand_cases / sizeof hand_cases[0]));
    tcase_add_test(tc, test_short_words_unchanged);
    suite_add_tcase(s, tc);

    if (sc_test_shared_path("lang/en/porter2-voc.txt") == NULL ||
        sc_test_shared_path("lang/en/porter2-output.txt") == NULL) {
        sc_test_skip("porter2 vectors", "shared data not found");
    } else {
        tc = tcase_create("vectors");
        tcase_set_timeout(tc, 60);
        tcase_add_test(tc, test_shared_vectors);
        suite_add_tcase(s, tc);
    }

    tc = tcase_create("robustness");
    tcase_add_test(tc, test_long_word);
    tcase_add_test(tc, test_odd_bytes);
    suite_add_tcase(s, tc);
    return s;
}

SC_TEST_MAIN(stem_en_suite)
