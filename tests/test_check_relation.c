/* Tests for unsupported-relation's name_stems, which looks in the article
 * only for the stems the summary asks name_at about, against the plain
 * table of every stem, on invented pairs and on the first pairs of each
 * consistency corpus.  The rule's file is compiled in here (its rule
 * renamed), so its static functions are reachable. */
#include "harness.h"

#define sc_rule_unsupported_relation test_unsupported_relation_rule
#include "check/rule_unsupported_relation.c"
#undef sc_rule_unsupported_relation

#include "sumcheck.h"

#include <stdio.h>
#include <stdlib.h>

/* The pairs of the corpora read, from each. */
enum { CORPUS_PAIRS = 40 };

static const char *const invented[][2] = {
    {"Sergio Aguero scored twice for Manchester City. City beat Everton at home on Sunday.",
     "sergio aguero scored twice for manchester city against everton."},
    {"Bristol Rovers signed striker Jeremy Clarkson. St Mirren sold Paul Smith to Rovers.",
     "Bristol Rovers have signed striker Paul Smith from St Mirren."},
    {"The mayor of Paris met the mayor of Rome. Paris and rome agreed a deal.",
     "the mayor of paris met the mayor of rome and agreed a deal."},
};

/* The plain table: per stem of the document, true when the article has
 * the word as part of a name and never writes it in lower case. */
static bool *plain_name_stems(const sc_result *r)
{
    const sc_analysis *art = &r->article;
    size_t n = (size_t)r->alignment.n_stems + 1;
    bool *name = calloc(n, sizeof *name), *lower = calloc(n, sizeof *lower);
    ck_assert(name != NULL && lower != NULL);
    for (size_t k = 0; k < art->n_tokens; k++) {
        const sc_token *t = &art->tokens[k];
        if (t->kind != SC_TOK_WORD || t->stem >= n)
            continue;
        if (!(t->flags & SC_TOKF_CAPITAL))
            lower[t->stem] = true;
        else if (t->entity != 0 && !art->entities[t->entity - 1].is_number &&
                 !(t->flags & SC_TOKF_STOP))
            name[t->stem] = true;
    }
    for (size_t s = 0; s < n; s++)
        name[s] = name[s] && !lower[s];
    free(lower);
    return name;
}

/* name_stems against the plain table for every stem name_at may ask
 * about; returns how many stems were asked. */
static size_t compare_pair(const char *json, size_t len)
{
    sc_options options;
    sc_error error;
    sc_options_init(&options);
    options.input_format = SC_INPUT_JSON;
    sc_result *r = sc_check(json, len, "relation", &options, &error);
    ck_assert_msg(r != NULL, "sc_check: %s", error.message);
    size_t asked = 0;
    if (r->alignment.n_sentences > 0) {
        const uint8_t *fast = name_stems(r);
        bool *plain = plain_name_stems(r);
        ck_assert_ptr_nonnull(fast);
        for (size_t si = 0; si < r->alignment.n_sentences; si++) {
            const sc_sentence *sent = &r->summary.sentences[si];
            if (!substitutable(&r->alignment.sentences[si]))
                continue;
            for (size_t k = sent->tok_begin; k < sent->tok_end; k++) {
                const sc_token *u = &r->summary.tokens[k];
                if (!may_ask(r, u))
                    continue;
                asked++;
                ck_assert_msg(is_name_stem(fast[u->stem]) == plain[u->stem],
                              "\"%s\": name_stems says %d, the plain table %d", u->norm,
                              is_name_stem(fast[u->stem]), plain[u->stem]);
            }
        }
        free(plain);
    }
    sc_result_free(r);
    return asked;
}

START_TEST(test_name_stems_invented)
{
    ck_assert_uint_gt(sc_test_on_texts(invented[_i][0], invented[_i][1], compare_pair), 0);
}
END_TEST

START_TEST(test_name_stems_corpus)
{
    ck_assert_uint_gt(sc_test_on_corpus((size_t)_i, CORPUS_PAIRS, compare_pair), 0);
}
END_TEST

static Suite *check_relation_suite(void)
{
    Suite *s = suite_create("check_relation");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, test_name_stems_invented, 0,
                        (int)(sizeof invented / sizeof invented[0]));
    if (sc_test_have_corpora())
        tcase_add_loop_test(tc, test_name_stems_corpus, 0, SC_TEST_N_CORPORA);
    else
        sc_test_skip("check_relation corpus pairs", "the consistency corpora are absent");
    suite_add_tcase(s, tc);
    return s;
}

SC_TEST_MAIN(check_relation_suite)
