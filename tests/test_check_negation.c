/* Tests for negation-flip's fast paths, against the plain computation on
 * invented pairs and on the first pairs of each consistency corpus: the
 * cue filter (may_start_cue) never hides a cue cue_at finds, and
 * polarity_of gives the polarities of the plain two passes over every
 * token of the sentences it reads.  The rule's file is compiled in here
 * (its rule renamed), so its static functions are reachable. */
#include "harness.h"

#define sc_rule_negation_flip test_negation_flip_rule
#include "check/rule_negation_flip.c"
#undef sc_rule_negation_flip

#include "sumcheck.h"

#include <stdio.h>
#include <stdlib.h>

/* The pairs of the corpora read, from each. */
enum { CORPUS_PAIRS = 12 };

static const char *const invented[][2] = {
    {"Russia did not agree to the plan. The talks never began, and nobody came.",
     "Russia agreed to the plan. The talks began."},
    {"He refused to sign. She declined to comment, whether or not it mattered. No 1 seed lost.",
     "He signed. She commented. The seed won."},
    {"Rusia tidak ingin memperluas wilayahnya. Mereka belum setuju, tidak hanya itu.",
     "Rusia ingin memperluas wilayahnya. Mereka sudah setuju."},
    {"It wasn't over. They didn't fail to win. Not only did prices rise; none fell. No Man's "
     "Land Fort stood.",
     "It was over. They failed to win. Prices fell. Some rose."},
};

/* The polarity of a's sentences marked needed (NULL: all), the plain way:
 * every token looked up by cue_at, then every token's cue read. */
static void plain_polarity(const sc_lang *lang, const cue_filter *f, const sc_analysis *a,
                           const bool *needed, polarity *p)
{
    size_t n = a->n_tokens ? a->n_tokens : 1;
    bool *flags = calloc(n, 4 * sizeof *flags);
    p->cue = calloc(n, sizeof *p->cue);
    p->cue_len = calloc(n, sizeof *p->cue_len);
    ck_assert(flags != NULL && p->cue != NULL && p->cue_len != NULL);
    p->negated = flags;
    p->governed = flags + n;
    p->head = flags + 2 * n;
    p->in_cue = flags + 3 * n;
    for (size_t s = 0; s < a->n_sentences; s++) {
        const sc_sentence *sent = &a->sentences[s];
        if (needed != NULL && !needed[s])
            continue;
        for (size_t k = sent->tok_begin; k < sent->tok_end; k++) {
            size_t len = cue_at(lang, f, a->tokens, sent->tok_begin, k, sent->tok_end);
            p->cue_len[k] = (uint8_t)len;
            for (size_t j = k; j < k + len; j++)
                p->in_cue[j] = true;
        }
    }
    for (size_t s = 0; s < a->n_sentences; s++) {
        const sc_sentence *sent = &a->sentences[s];
        if (needed != NULL && !needed[s])
            continue;
        for (size_t k = sent->tok_begin; k < sent->tok_end; k++) {
            if (p->cue_len[k] == 0)
                continue;
            size_t end = scope_end(lang, p, a->tokens, k, p->cue_len[k], sent->tok_end);
            bool first = true;
            for (size_t j = k + p->cue_len[k]; j < end; j++) {
                p->negated[j] = !p->negated[j];
                p->governed[j] = true;
                p->cue[j] = k;
                if (first && is_predicate(p, a->tokens, j)) {
                    p->head[j] = true;
                    first = false;
                }
            }
        }
    }
}

static void plain_free(polarity *p)
{
    free(p->negated);
    free(p->cue);
    free(p->cue_len);
}

/* polarity_of against plain_polarity on a's needed sentences; returns the
 * cues found. */
static size_t compare_polarity(sc_arena *arena, const sc_lang *lang, const cue_filter *f,
                               const sc_analysis *a, const bool *needed)
{
    polarity fast, plain;
    ck_assert_int_eq(polarity_of(arena, lang, f, a, needed, &fast), SC_OK);
    plain_polarity(lang, f, a, needed, &plain);
    size_t cues = 0;
    for (size_t s = 0; s < a->n_sentences; s++) {
        const sc_sentence *sent = &a->sentences[s];
        if (needed != NULL && !needed[s])
            continue;
        for (size_t k = sent->tok_begin; k < sent->tok_end; k++) {
            size_t len = cue_at(lang, f, a->tokens, sent->tok_begin, k, sent->tok_end);
            ck_assert_msg(len == 0 || may_start_cue(f, &a->tokens[k]),
                          "the filter hides the cue \"%s\"", a->tokens[k].norm);
            cues += len > 0;
            ck_assert_int_eq(fast.negated[k], plain.negated[k]);
            ck_assert_int_eq(fast.governed[k], plain.governed[k]);
            ck_assert_int_eq(fast.head[k], plain.head[k]);
            ck_assert_int_eq(fast.in_cue[k], plain.in_cue[k]);
            ck_assert_int_eq(fast.cue_len[k], plain.cue_len[k]);
            /* cue is read only where a cue governs. */
            if (plain.governed[k])
                ck_assert_uint_eq(fast.cue[k], plain.cue[k]);
        }
    }
    plain_free(&plain);
    return cues;
}

/* Both texts of the pair in json, every sentence and every other one;
 * returns the cues found. */
static size_t compare_pair(const char *json, size_t len)
{
    sc_options options;
    sc_error error;
    sc_options_init(&options);
    options.input_format = SC_INPUT_JSON;
    sc_result *r = sc_check(json, len, "negation", &options, &error);
    ck_assert_msg(r != NULL, "sc_check: %s", error.message);
    const sc_lang *lang = sc_lang_or_english(r->language);
    cue_filter f;
    cue_filter_init(lang, &f);
    size_t cues = 0;
    const sc_analysis *texts[2] = {&r->summary, &r->article};
    for (int x = 0; x < 2; x++) {
        const sc_analysis *a = texts[x];
        cues += compare_polarity(r->arena, lang, &f, a, NULL);
        bool *every_other = sc_arena_calloc(r->arena, a->n_sentences + 1, sizeof *every_other);
        ck_assert_ptr_nonnull(every_other);
        for (size_t s = 0; s < a->n_sentences; s += 2)
            every_other[s] = true;
        compare_polarity(r->arena, lang, &f, a, every_other);
    }
    sc_result_free(r);
    return cues;
}

START_TEST(test_polarity_invented)
{
    ck_assert_uint_gt(sc_test_on_texts(invented[_i][0], invented[_i][1], compare_pair), 0);
}
END_TEST

START_TEST(test_polarity_corpus)
{
    ck_assert_uint_gt(sc_test_on_corpus((size_t)_i, CORPUS_PAIRS, compare_pair), 0);
}
END_TEST

static Suite *check_negation_suite(void)
{
    Suite *s = suite_create("check_negation");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, test_polarity_invented, 0, (int)(sizeof invented / sizeof invented[0]));
    if (sc_test_have_corpora())
        tcase_add_loop_test(tc, test_polarity_corpus, 0, SC_TEST_N_CORPORA);
    else
        sc_test_skip("check_negation corpus pairs", "the consistency corpora are absent");
    suite_add_tcase(s, tc);
    return s;
}

SC_TEST_MAIN(check_negation_suite)
