/* The failing-allocator test: every allocation made while checking and
 * reporting the seed page (sumcheck's arena and buffers, and those libxml2,
 * Jansson and utf8proc make, since the test replaces malloc for the whole
 * process) fails in turn; each run must end in a clean error or a result,
 * never a crash, and leave nothing allocated.
 *
 * malloc is replaced by symbol interposition, forwarding to glibc's
 * __libc_malloc family, so the test is built only where no sanitizer
 * replaces malloc itself (the plain build; tests/meson.build). */
#define _GNU_SOURCE
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/arena.h"
#include "harness.h"
#include "sumcheck.h"

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t size);
extern void __libc_free(void *p);

/* State of the interposed allocator.  Single-threaded by construction
 * (CK_FORK or not, the test body runs in one thread). */
static bool counting;
static long calls;   /* allocations seen while counting */
static long fail_at; /* the allocation to fail (1-based), 0 = none */
static long live;    /* outstanding allocations made while counting */

static bool should_fail(void)
{
    if (!counting)
        return false;
    calls++;
    return fail_at != 0 && calls == fail_at;
}

void *malloc(size_t size)
{
    if (should_fail())
        return NULL;
    void *p = __libc_malloc(size);
    if (p != NULL && counting)
        live++;
    return p;
}

void *calloc(size_t n, size_t size)
{
    if (should_fail())
        return NULL;
    void *p = __libc_calloc(n, size);
    if (p != NULL && counting)
        live++;
    return p;
}

void *realloc(void *old, size_t size)
{
    if (should_fail())
        return NULL;
    void *p = __libc_realloc(old, size);
    if (p != NULL && old == NULL && counting)
        live++;
    return p;
}

void free(void *p)
{
    if (p != NULL && counting)
        live--;
    __libc_free(p);
}

static int discard(void *context, const char *data, size_t len)
{
    (void)context;
    (void)data;
    (void)len;
    return 0;
}

static char *seed;
static size_t seed_len;

/* One check and its report in every format (text, JSON, JSON Lines, SARIF,
 * JUnit, GitHub, HTML); returns true when it produced a result.  cached:
 * with an article cache, freed before the report is written (the result
 * keeps its entry), the input checked three times: the second makes an
 * entry (the cache keeps articles it has seen before), the third copies
 * it. */
static bool run_once(sc_input_format format, const char *input, size_t len, bool cached)
{
    sc_options options;
    sc_options_init(&options);
    options.input_format = format;
    if (cached && (options.cache = sc_cache_new((size_t)1 << 24)) == NULL)
        return false;
    sc_error error;
    sc_result *r = NULL;
    for (int k = 0; k < (cached ? 3 : 1); k++) {
        sc_result_free(r);
        r = sc_check(input, len, "seed", &options, &error);
        if (r == NULL && error.code == SC_OK)
            ck_abort_msg("sc_check returned NULL without an error code");
    }
    sc_cache_free(options.cache);
    for (int f = SC_REPORT_TEXT; f <= SC_REPORT_HTML; f++) {
        sc_report *report = sc_report_new((sc_report_format)f, NULL, discard, NULL);
        if (report == NULL)
            continue;
        if (r != NULL)
            (void)sc_report_add(report, r);
        else
            (void)sc_report_add_error(report, "seed", &error);
        (void)sc_report_finish(report);
        sc_report_free(report);
    }
    bool ok = r != NULL;
    sc_result_free(r);
    return ok;
}

static void fail_each(sc_input_format format, const char *input, size_t len, bool cached)
{
    /* Freed arenas' chunks are otherwise kept for the next run, which
     * would then never ask malloc for them. */
    sc_arena_keep_spares(false);
    /* libxml2 sets up its per-thread state on first use and keeps it:
     * one run outside the count. */
    (void)run_once(format, input, len, cached);
    /* Nothing may reach stderr however the allocations fail: the library
     * never prints (libxml2 would say "Memory allocation failed"). */
    fflush(stderr);
    FILE *captured = tmpfile();
    ck_assert_ptr_nonnull(captured);
    int saved = dup(2);
    ck_assert_int_ge(saved, 0);
    ck_assert_int_ge(dup2(fileno(captured), 2), 0);
    /* How many allocations one clean run makes. */
    counting = true;
    calls = live = 0;
    fail_at = 0;
    ck_assert(run_once(format, input, len, cached));
    long total = calls;
    ck_assert_msg(live == 0, "a clean run leaves %ld allocations", live);
    counting = false;
    ck_assert_int_gt(total, 10);
    long refused = 0;
    for (long n = 1; n <= total; n++) {
        counting = true;
        calls = live = 0;
        fail_at = n;
        refused += !run_once(format, input, len, cached);
        counting = false;
        ck_assert_msg(live == 0, "failing allocation %ld of %ld leaves %ld allocations", n, total,
                      live);
    }
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    long printed = ftell(captured) >= 0 ? (fseek(captured, 0, SEEK_END), ftell(captured)) : -1;
    fclose(captured);
    ck_assert_msg(printed == 0, "the library printed %ld bytes to stderr", printed);
    /* Most failures must surface as a refused document (the others hit a
     * report, which drops that report only). */
    ck_assert_msg(refused > 0, "no failing allocation made sc_check fail (of %ld)", total);
    printf("failing allocator: %ld allocations, each failed in turn; %ld runs ended in a clean "
           "error\n",
           total, refused);
}

START_TEST(test_seed_page)
{
    fail_each(SC_INPUT_TEXT, seed, seed_len, false);
}
END_TEST

START_TEST(test_json_pair)
{
    const char pair[] =
        "{\"id\": \"p\", \"page_date\": \"2024-11-24\", \"source\": \"MOSKOW, Rusia "
        "– Rusia mengajukan proposal pada Rabu, 15 Desember, kata Kremlin. Harga "
        "naik menjadi Rp1.300 per kilogram.\", \"summary\": \"Rusia mengajukan "
        "proposal pada Kamis, 16 Desember. Harga naik menjadi Rp1.500.\"}";
    fail_each(SC_INPUT_JSON, pair, sizeof pair - 1, false);
    /* With an article cache: the entry's allocations fail in turn too. */
    fail_each(SC_INPUT_JSON, pair, sizeof pair - 1, true);
}
END_TEST

/* An HTML page whose script and style bodies libxml2 parses cut
 * (src/io/html_cut.c), one of them (JSON-LD) put back into the tree: the
 * cut text, the body list and the restored node fail in turn too.
 * libxml2's own allocations for the page come from the page's arena
 * (src/io/html_memory.c), so only its chunks fail here; without it,
 * libxml2 2.9.14 leaked what htmlCreateMemoryParserCtxt had allocated when
 * a later allocation of its own failed, and with one allocation failed
 * htmlParseDocument could loop in xmlNextChar. */
START_TEST(test_html_page)
{
    const char page[] =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Council approves bridge</title>\n"
        "<style>\nbody { margin: 0 }\n.ad { display: none }\n</style>\n"
        "<script>\nvar tracker = {id: 42};\nfunction f() { return \"<b>\"; }\n</script>\n"
        "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
        "\"datePublished\": \"2024-11-24T08:00:00+07:00\"}</script>\n"
        "</head><body><article><h1>Council approves bridge</h1>\n"
        "<div class=\"summary\"><p>The council approved a new bridge on Monday.</p></div>\n"
        "<p>The council approved a new bridge over the river on Monday. Work will start in "
        "May and cost 12 million dollars.</p>\n<script>\ndocument.write(1);\n</script>\n"
        "<p>The mayor said the bridge would open in two years.</p></article></body></html>\n";
    fail_each(SC_INPUT_HTML, page, sizeof page - 1, false);
}
END_TEST

static Suite *alloc_suite(void)
{
    Suite *s = suite_create("alloc");
    TCase *tc = tcase_create("failing allocator");
    tcase_set_timeout(tc, 600);
    const char *path = sc_test_shared_path("seed/000_bfe9fd162f1e20d5.txt");
    if (path != NULL)
        seed = sc_test_read_file(path, &seed_len);
    if (seed != NULL)
        tcase_add_test(tc, test_seed_page);
    else
        sc_test_skip("failing allocator on the seed page", "shared data not found");
    tcase_add_test(tc, test_json_pair);
    tcase_add_test(tc, test_html_page);
    suite_add_tcase(s, tc);
    return s;
}

SC_TEST_MAIN(alloc_suite)
