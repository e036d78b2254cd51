/* Each hard limit of src/core/limits.h, hit: a clean error naming it, or
 * the documented cut, never a crash or a hang. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "core/doc.h"
#include "core/limits.h"
#include "sumcheck.h"

static char *repeat(const char *unit, size_t times, size_t *len)
{
    size_t n = strlen(unit);
    char *s = malloc(n * times + 1);
    ck_assert_ptr_nonnull(s);
    for (size_t i = 0; i < times; i++)
        memcpy(s + i * n, unit, n);
    s[n * times] = '\0';
    *len = n * times;
    return s;
}

START_TEST(test_input_bytes)
{
    size_t len = SC_MAX_INPUT_BYTES + 1;
    char *s = malloc(len);
    ck_assert_ptr_nonnull(s);
    memset(s, 'a', len);
    sc_error e;
    ck_assert_ptr_null(sc_check(s, len, "big", NULL, &e));
    ck_assert_int_eq(e.code, SC_ERR_LIMIT);
    ck_assert_ptr_nonnull(strstr(e.message, "limit"));
    free(s);
}
END_TEST

START_TEST(test_article_tokens)
{
    /* Two bytes a token: just over the token limit, well under the byte
     * limit. */
    size_t len;
    char *body = repeat("a ", SC_MAX_TOKENS + 8, &len);
    sc_options o;
    sc_options_init(&o);
    o.input_format = SC_INPUT_TEXT;
    sc_error e;
    ck_assert_ptr_null(sc_check(body, len, "tokens", &o, &e));
    ck_assert_int_eq(e.code, SC_ERR_LIMIT);
    ck_assert_ptr_nonnull(strstr(e.message, "too many tokens"));
    free(body);
}
END_TEST

START_TEST(test_summary_sentences)
{
    size_t len;
    char *sentences = repeat("Warga pulang. ", SC_MAX_SUMMARY_SENTENCES + 1, &len);
    size_t cap = len + 128;
    char *pair = malloc(cap);
    ck_assert_ptr_nonnull(pair);
    snprintf(pair, cap, "{\"source\": \"Warga pulang.\", \"summary\": \"%s\"}", sentences);
    sc_error e;
    ck_assert_ptr_null(sc_check(pair, strlen(pair), "sentences", NULL, &e));
    ck_assert_int_eq(e.code, SC_ERR_LIMIT);
    ck_assert_ptr_nonnull(strstr(e.message, "sentences"));
    free(sentences);
    free(pair);
}
END_TEST

START_TEST(test_sentence_tokens_cut)
{
    /* One sentence of 3 x the limit is read as pieces of at most the limit. */
    size_t len;
    char *words = repeat("kata ", SC_MAX_SENTENCE_TOKENS * 3, &len);
    size_t cap = len + 128;
    char *pair = malloc(cap);
    ck_assert_ptr_nonnull(pair);
    snprintf(pair, cap, "{\"source\": \"Warga pulang.\", \"summary\": \"%s\"}", words);
    sc_result *r = sc_check(pair, strlen(pair), "long", NULL, NULL);
    ck_assert_ptr_nonnull(r);
    ck_assert_uint_ge(r->summary.n_sentences, 3);
    for (size_t i = 0; i < r->summary.n_sentences; i++)
        ck_assert_uint_le(r->summary.sentences[i].tok_end - r->summary.sentences[i].tok_begin,
                          SC_MAX_SENTENCE_TOKENS);
    sc_result_free(r);
    free(words);
    free(pair);
}
END_TEST

START_TEST(test_token_bytes_cut)
{
    size_t len;
    char *word = repeat("a", SC_MAX_TOKEN_BYTES * 4 + 3, &len);
    size_t cap = len + 128;
    char *pair = malloc(cap);
    ck_assert_ptr_nonnull(pair);
    snprintf(pair, cap, "{\"source\": \"%s\", \"summary\": \"Warga pulang.\"}", word);
    sc_result *r = sc_check(pair, strlen(pair), "word", NULL, NULL);
    ck_assert_ptr_nonnull(r);
    ck_assert_uint_eq(r->article.n_tokens, 5);
    for (size_t i = 0; i < r->article.n_tokens; i++)
        ck_assert_uint_le(r->article.tokens[i].end - r->article.tokens[i].start,
                          SC_MAX_TOKEN_BYTES);
    sc_result_free(r);
    free(word);
    free(pair);
}
END_TEST

START_TEST(test_json_depth)
{
    /* Jansson stops nesting at 2048 levels: a clean input error. */
    size_t open_len, close_len;
    char *open = repeat("[", 100000, &open_len);
    char *close = repeat("]", 100000, &close_len);
    char *doc = malloc(open_len + close_len + 1);
    ck_assert_ptr_nonnull(doc);
    memcpy(doc, open, open_len);
    memcpy(doc + open_len, close, close_len + 1);
    sc_options o;
    sc_options_init(&o);
    o.input_format = SC_INPUT_JSON;
    sc_error e;
    ck_assert_ptr_null(sc_check(doc, open_len + close_len, "deep", &o, &e));
    ck_assert_int_eq(e.code, SC_ERR_INPUT);
    free(open);
    free(close);
    free(doc);
}
END_TEST

static Suite *limits_suite(void)
{
    Suite *s = suite_create("limits");
    TCase *tc = tcase_create("limits");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_input_bytes);
    tcase_add_test(tc, test_article_tokens);
    tcase_add_test(tc, test_summary_sentences);
    tcase_add_test(tc, test_sentence_tokens_cut);
    tcase_add_test(tc, test_token_bytes_cut);
    tcase_add_test(tc, test_json_depth);
    suite_add_tcase(s, tc);
    return s;
}

SC_TEST_MAIN(limits_suite)
