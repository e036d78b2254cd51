/* Tests for the article cache (src/core/cache.c, sc_options.cache): a
 * pair's report is the same byte for byte whether its article's analysis
 * is made afresh, made into a new entry, or copied from an entry another
 * pair made; on the first pairs of each consistency corpus, on invented
 * pairs whose summaries tip the language, on pairs that name their
 * language, across threads, and with results that outlive the cache. */
#include "harness.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sumcheck.h"

/* The pairs of each corpus read. */
enum { CORPUS_PAIRS = 60 };

static const size_t BIG_BUDGET = (size_t)64 << 20;

static int write_to(void *context, const char *data, size_t len)
{
    return fwrite(data, 1, len, (FILE *)context) == len ? 0 : -1;
}

/* The JSON Lines report of r, with the article's text and the features
 * (all a result holds that a report shows); the caller frees it. */
static char *render(const sc_result *r)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    ck_assert_ptr_nonnull(f);
    sc_render_options ro = {.include_text = true, .emit_features = true};
    sc_report *report = sc_report_new(SC_REPORT_JSONL, &ro, write_to, f);
    ck_assert_ptr_nonnull(report);
    ck_assert_int_eq(sc_report_add(report, r), SC_OK);
    ck_assert_int_eq(sc_report_finish(report), SC_OK);
    sc_report_free(report);
    ck_assert_int_eq(fclose(f), 0);
    return text;
}

static sc_result *check_json(const char *json, size_t len, sc_cache *cache, const char *language)
{
    sc_options options;
    sc_options_init(&options);
    options.input_format = SC_INPUT_JSON;
    options.cache = cache;
    options.language = language;
    sc_error error;
    sc_result *r = sc_check(json, len, "pair", &options, &error);
    ck_assert_msg(r != NULL, "sc_check: %s", error.message);
    return r;
}

static char *report_of(const char *json, size_t len, sc_cache *cache, const char *language)
{
    sc_result *r = check_json(json, len, cache, language);
    char *text = render(r);
    sc_result_free(r);
    return text;
}

static sc_cache *shared_cache; /* the cache compare_pair uses */
static const char *pair_language;

/* Checks with the cache per pair: the cache makes an entry for an article
 * the second time it sees it, so the third is from an entry whatever the
 * cache held before. */
enum { PASSES = 3 };

/* The pair's report without a cache, then PASSES times with shared_cache:
 * all the same. */
static size_t compare_pair(const char *json, size_t len)
{
    char *plain = report_of(json, len, NULL, pair_language);
    for (int k = 0; k < PASSES; k++) {
        char *cached = report_of(json, len, shared_cache, pair_language);
        ck_assert_msg(strcmp(plain, cached) == 0, "with the cache (pass %d):\n%s\nwithout:\n%s", k,
                      cached, plain);
        free(cached);
    }
    free(plain);
    return 1;
}

START_TEST(test_corpora)
{
    if (!sc_test_have_corpora()) {
        sc_test_skip("the cache on the corpora", "shared corpora not found");
        return;
    }
    shared_cache = sc_cache_new(BIG_BUDGET);
    ck_assert_ptr_nonnull(shared_cache);
    size_t pairs = 0;
    for (size_t i = 0; i < SC_TEST_N_CORPORA; i++)
        pairs += sc_test_on_corpus(i, CORPUS_PAIRS, compare_pair);
    size_t lookups, hits;
    sc_cache_counts(shared_cache, &lookups, &hits);
    ck_assert_uint_eq(lookups, PASSES * pairs);
    ck_assert_uint_ge(hits, pairs); /* every third look at least */
    sc_cache_free(shared_cache);
    shared_cache = NULL;
}
END_TEST

/* One article, summaries in two languages: few stopwords in the article,
 * so the summary decides what it is read in, and an entry made for one
 * language must not serve the other. */
static const char ARTICLE[] = "Jakarta, 15 Desember 2021. Budi Santoso, PT Maju, Rp 5 miliar.";
static const char *const SUMMARIES[] = {
    "The company paid the money to the bank in Jakarta on Wednesday, 15 December.",
    "Perusahaan itu membayar uang kepada bank di Jakarta pada hari Rabu, 15 Desember.",
    "The company paid the money to the bank in Jakarta.",
    "",
    "Budi Santoso dari PT Maju membayar Rp 5 miliar dan tidak ada yang lain.",
};

START_TEST(test_language_tips)
{
    shared_cache = sc_cache_new(BIG_BUDGET);
    ck_assert_ptr_nonnull(shared_cache);
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; k < sizeof SUMMARIES / sizeof *SUMMARIES; k++)
            sc_test_on_texts(ARTICLE, SUMMARIES[k], compare_pair);
    /* The same pairs in a language the options name, "id" then "en". */
    const char *const named[] = {"id", "en"};
    for (size_t n = 0; n < 2; n++) {
        pair_language = named[n];
        for (size_t k = 0; k < sizeof SUMMARIES / sizeof *SUMMARIES; k++)
            sc_test_on_texts(ARTICLE, SUMMARIES[k], compare_pair);
    }
    /* A pair that says it is Spanish, which sumcheck has no tables for:
     * read as English with Spanish date names, another entry's. */
    char json[512];
    snprintf(json, sizeof json, "{\"language\": \"es\", \"source\": \"%s\", \"summary\": \"%s\"}",
             ARTICLE, SUMMARIES[0]);
    compare_pair(json, strlen(json));
    pair_language = NULL;
    size_t lookups, hits;
    sc_cache_counts(shared_cache, &lookups, &hits);
    ck_assert_uint_eq(lookups, PASSES * (2 * 5 + 2 * 5 + 1));
    ck_assert_uint_gt(hits, 0);
    sc_cache_free(shared_cache);
    shared_cache = NULL;
}
END_TEST

/* An article of its own for index k, about 1.5 KB. */
static char *article_json(size_t k, const char *summary)
{
    char *json = malloc(4096);
    ck_assert_ptr_nonnull(json);
    int n =
        snprintf(json, 4096, "{\"id\": \"a%zu\", \"summary\": \"%s\", \"source\": \"", k, summary);
    for (int s = 0; s < 12; s++)
        n += snprintf(json + n, 4096 - (size_t)n,
                      "Council %zu met on day %d and voted %d to %d for the bridge plan. ", k, s,
                      s + 3, s % 3);
    snprintf(json + n, 4096 - (size_t)n, "\"}");
    return json;
}

static size_t hits_of(sc_cache *cache)
{
    size_t lookups, hits;
    sc_cache_counts(cache, &lookups, &hits);
    return hits;
}

/* Checks article k's pair with the cache; true when it came from it. */
/* How many of n checks of article k's pair came from the cache. */
static size_t cached_checks(sc_cache *cache, size_t k, int n)
{
    size_t before = hits_of(cache);
    char *json = article_json(k, "The council voted for the bridge plan.");
    for (int i = 0; i < n; i++)
        free(report_of(json, strlen(json), cache, NULL));
    free(json);
    return hits_of(cache) - before;
}

START_TEST(test_budget)
{
    size_t lookups = 1, hits = 1;
    sc_cache_counts(NULL, &lookups, &hits);
    ck_assert(lookups == 0 && hits == 0);
    /* No budget: nothing is kept, every look misses. */
    sc_cache *none = sc_cache_new(0);
    ck_assert_ptr_nonnull(none);
    ck_assert_uint_eq(cached_checks(none, 0, 4), 0);
    sc_cache_free(none);
    /* An article seen once gets no entry; seen again, it gets one, which
     * serves from the third check on. */
    sc_cache *small = sc_cache_new((size_t)512 << 10);
    ck_assert_ptr_nonnull(small);
    ck_assert_uint_eq(cached_checks(small, 0, 1), 0);
    ck_assert_uint_eq(cached_checks(small, 0, 1), 0);
    ck_assert_uint_eq(cached_checks(small, 0, 3), 3);
    /* 512 KiB holds a score of entries (each about 22 KB for these
     * articles of 800 bytes): after 40 other articles with entries, the
     * first has none left. */
    for (size_t k = 1; k <= 40; k++)
        ck_assert_uint_eq(cached_checks(small, k, 2), 0);
    ck_assert_uint_eq(cached_checks(small, 40, 1), 1);
    ck_assert_uint_eq(cached_checks(small, 0, 1), 0);
    sc_cache_free(small);
    /* A large one keeps all 41. */
    sc_cache *large = sc_cache_new(BIG_BUDGET);
    ck_assert_ptr_nonnull(large);
    for (size_t k = 0; k <= 40; k++)
        ck_assert_uint_eq(cached_checks(large, k, 2), 0);
    for (size_t k = 0; k <= 40; k++)
        ck_assert_uint_eq(cached_checks(large, k, 1), 1);
    sc_cache_free(large);
}
END_TEST

/* Results keep their entries: the cache is freed, and entries dropped
 * from a full one, while results that share their strings live on. */
START_TEST(test_results_outlive_cache)
{
    /* Room for about five of these entries. */
    sc_cache *cache = sc_cache_new((size_t)128 << 10);
    ck_assert_ptr_nonnull(cache);
    enum { N = 36 };
    sc_result *results[N];
    char *expected[N];
    for (size_t k = 0; k < N; k++) {
        /* Each article three times (the last from the entry the second
         * made), then on to others that push it out. */
        char *json = article_json(k / 3, k % 2 ? "The council met." : "It voted 3 to 0.");
        expected[k] = report_of(json, strlen(json), NULL, NULL);
        results[k] = check_json(json, strlen(json), cache, NULL);
        free(json);
    }
    sc_cache_free(cache);
    for (size_t k = 0; k < N; k++) {
        char *text = render(results[k]);
        ck_assert_str_eq(text, expected[k]);
        free(text);
        sc_result_free(results[k]);
        free(expected[k]);
    }
}
END_TEST

/* Threads sharing one cache: each checks the same pairs in its own order
 * and gets the reports of a check without it. */
enum { THREAD_PAIRS = 16, THREADS = 4 };

typedef struct thread_work {
    sc_cache *cache;
    char **pairs;
    char **expected;
    size_t offset;
    size_t failures;
} thread_work;

static void *check_in_thread(void *arg)
{
    thread_work *w = arg;
    for (size_t round = 0; round < 3; round++) {
        for (size_t i = 0; i < THREAD_PAIRS; i++) {
            size_t k = (i + w->offset) % THREAD_PAIRS;
            sc_options options;
            sc_options_init(&options);
            options.input_format = SC_INPUT_JSON;
            options.cache = w->cache;
            sc_error error;
            sc_result *r = sc_check(w->pairs[k], strlen(w->pairs[k]), "pair", &options, &error);
            if (r == NULL) {
                w->failures++;
                continue;
            }
            /* Differences are counted, and asserted on the test's own
             * thread (render asserts only when out of memory). */
            char *text = render(r);
            w->failures += strcmp(text, w->expected[k]) != 0;
            free(text);
            sc_result_free(r);
        }
    }
    return NULL;
}

START_TEST(test_threads)
{
    char *pairs[THREAD_PAIRS], *expected[THREAD_PAIRS];
    for (size_t k = 0; k < THREAD_PAIRS; k++) {
        pairs[k] = article_json(k % 5, k % 2 ? "The council voted 3 to 0." : "Council 2 met.");
        expected[k] = report_of(pairs[k], strlen(pairs[k]), NULL, NULL);
    }
    sc_cache *cache = sc_cache_new((size_t)1 << 20);
    ck_assert_ptr_nonnull(cache);
    pthread_t threads[THREADS];
    thread_work work[THREADS];
    for (size_t t = 0; t < THREADS; t++) {
        work[t] = (thread_work){cache, pairs, expected, t * 3, 0};
        ck_assert_int_eq(pthread_create(&threads[t], NULL, check_in_thread, &work[t]), 0);
    }
    for (size_t t = 0; t < THREADS; t++) {
        ck_assert_int_eq(pthread_join(threads[t], NULL), 0);
        ck_assert_uint_eq(work[t].failures, 0);
    }
    ck_assert_uint_gt(hits_of(cache), 0);
    sc_cache_free(cache);
    for (size_t k = 0; k < THREAD_PAIRS; k++) {
        free(pairs[k]);
        free(expected[k]);
    }
}
END_TEST

/* sc_check_pair uses the cache as sc_check does. */
START_TEST(test_check_pair)
{
    sc_cache *cache = sc_cache_new(BIG_BUDGET);
    ck_assert_ptr_nonnull(cache);
    sc_options options;
    sc_options_init(&options);
    const char *summary = SUMMARIES[0];
    char *first = NULL;
    for (int k = 0; k < 1 + PASSES; k++) {
        options.cache = k == 0 ? NULL : cache;
        sc_error error;
        sc_result *r = sc_check_pair(summary, strlen(summary), ARTICLE, strlen(ARTICLE), "p",
                                     &options, &error);
        ck_assert_ptr_nonnull(r);
        char *text = render(r);
        sc_result_free(r);
        if (first == NULL) {
            first = text;
            continue;
        }
        ck_assert_str_eq(text, first);
        free(text);
    }
    free(first);
    ck_assert_uint_eq(hits_of(cache), 1);
    sc_cache_free(cache);
}
END_TEST

static Suite *cache_suite(void)
{
    Suite *s = suite_create("cache");
    TCase *tc = tcase_create("article cache");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_corpora);
    tcase_add_test(tc, test_language_tips);
    tcase_add_test(tc, test_budget);
    tcase_add_test(tc, test_results_outlive_cache);
    tcase_add_test(tc, test_threads);
    tcase_add_test(tc, test_check_pair);
    suite_add_tcase(s, tc);
    return s;
}

SC_TEST_MAIN(cache_suite)
