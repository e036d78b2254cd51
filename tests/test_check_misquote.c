/* Tests for misquote's make_stream, which keeps an ASCII byte that is a
 * letter or digit without asking utf8proc, against the plain computation
 * (every code point's category asked), on invented texts in several
 * scripts and on the first pairs of each consistency corpus.  The rule's
 * file is compiled in here (its rule renamed), so its static functions
 * are reachable. */
#include "harness.h"

#define sc_rule_misquote test_misquote_rule
#include "check/rule_misquote.c"
#undef sc_rule_misquote

#include "sumcheck.h"

#include <stdio.h>
#include <stdlib.h>

/* The pairs of the corpora read, from each. */
enum { CORPUS_PAIRS = 40 };

/* Whether the code point is kept: a letter, mark or number of any script
 * (ASCII included, through utf8proc). */
static bool plain_keeps(int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

/* make_stream's stream of the text's tokens against the plain one. */
static void compare_text(const sc_analysis *a)
{
    sc_arena *arena = sc_arena_new();
    ck_assert_ptr_nonnull(arena);
    stream st;
    ck_assert_int_eq(make_stream(arena, a, 0, a->n_tokens, &st), SC_OK);
    size_t len = 0, n = 0;
    for (size_t k = 0; k < a->n_tokens; k++) {
        const sc_token *t = &a->tokens[k];
        if (t->kind == SC_TOK_PUNCT)
            continue;
        size_t at = len;
        for (size_t i = 0; i < t->norm_len;) {
            int32_t cp;
            size_t w = sc_utf8_next(t->norm + i, t->norm_len - i, &cp);
            if (plain_keeps(cp)) {
                SC_CHECK(len + w <= st.len && memcmp(st.s + len, t->norm + i, w) == 0,
                         "token %zu (\"%s\"): byte %zu of the stream differs", k, t->norm, len);
                len += w;
            }
            i += w;
        }
        if (len > at) {
            SC_CHECK(n < st.n && st.start[n] == at && st.token[n] == k,
                     "token %zu (\"%s\"): kept token %zu differs", k, t->norm, n);
            n++;
        }
    }
    SC_CHECK(st.len == len && st.n == n && st.start[n] == len && st.s[len] == '\0',
             "stream of %zu bytes and %zu tokens, expected %zu and %zu", st.len, st.n, len, n);
    sc_arena_free(arena);
}

static size_t compare_pair(const char *json, size_t len)
{
    sc_options options;
    sc_error error;
    sc_options_init(&options);
    options.input_format = SC_INPUT_JSON;
    sc_result *r = sc_check(json, len, "misquote", &options, &error);
    ck_assert_msg(r != NULL, "sc_check: %s", error.message);
    compare_text(&r->summary);
    compare_text(&r->article);
    size_t tokens = r->summary.n_tokens + r->article.n_tokens;
    sc_result_free(r);
    return tokens;
}

/* JSON string bodies: a quote mark is escaped. */
static const char *const invented[][2] = {
    {"\\\"I'm well-known,\\\" said O'Neill on 3-4 May; the e-mail cost $1,200.50 (about 10%).",
     "\\\"I am well known,\\\" O'Neill said."},
    {"Presiden Jokowi mengatakan, \\\"Kita harus bekerja 24 jam.\\\" Harga naik 5,5 persen.",
     "\\\"Kita harus bekerja,\\\" kata Jokowi."},
    {"Le café naïve à Zürich: « Ça coûte 3½ €. » Ελλάδα, 東京 ① ² ⅷ Ⅻ.",
     "\\\"Ça coûte 3½ €\\\", dit le café de Zürich."},
    {"Straße ÆØÅ ǅ ﬁ İstanbul ŉ ΐ — \\\"quoted\\\" ‘single’ “curly” words.",
     "“Curly” and ‘single’ quotes in İstanbul."},
};

START_TEST(test_invented)
{
    size_t tokens = 0;
    for (size_t i = 0; i < sizeof invented / sizeof *invented; i++)
        tokens += sc_test_on_texts(invented[i][0], invented[i][1], compare_pair);
    ck_assert_uint_gt(tokens, 100);
}
END_TEST

START_TEST(test_corpus)
{
    if (!sc_test_have_corpora()) {
        sc_test_skip("make_stream on the corpora", "shared corpora not found");
        return;
    }
    ck_assert_uint_gt(sc_test_on_corpus((size_t)_i, CORPUS_PAIRS, compare_pair), 0);
}
END_TEST

static Suite *misquote_suite(void)
{
    Suite *s = suite_create("check_misquote");
    TCase *tc = tcase_create("make_stream");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_invented);
    tcase_add_loop_test(tc, test_corpus, 0, SC_TEST_N_CORPORA);
    suite_add_tcase(s, tc);
    return s;
}

SC_TEST_MAIN(misquote_suite)
