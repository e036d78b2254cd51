#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int skipped;

const char *sc_test_shared_path(const char *relative)
{
    static char path[4096];
    const char *dir = getenv("SC_SHARED_DIR");
    struct stat st;

    if (dir == NULL || *dir == '\0')
        return NULL;
    if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, relative) >= sizeof path)
        return NULL;
    if (stat(path, &st) != 0)
        return NULL;
    return path;
}

void sc_test_skip(const char *what, const char *why)
{
    printf("SKIP %s: %s\n", what, why);
    skipped++;
}

char *sc_test_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0;

    if (f == NULL)
        return NULL;
    for (;;) {
        if (n + 4096 + 1 > cap) {
            size_t ncap = cap ? cap * 2 : 65536;
            char *nbuf = realloc(buf, ncap);
            if (nbuf == NULL) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nbuf;
            cap = ncap;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
    }
    fclose(f);
    buf[n] = '\0';
    if (len != NULL)
        *len = n;
    return buf;
}

const char *const sc_test_corpora[SC_TEST_N_CORPORA] = {
    "cliff",    "cogensumm_test", "factcc_val",   "frank_val",
    "polytope", "qags_cnndm",     "summeval_val", "xsumfaith"};

static const char *corpus_path(size_t index)
{
    char relative[128];
    snprintf(relative, sizeof relative, "bench/consistency/%s.jsonl", sc_test_corpora[index]);
    return sc_test_shared_path(relative);
}

bool sc_test_have_corpora(void)
{
    for (size_t i = 0; i < SC_TEST_N_CORPORA; i++)
        if (corpus_path(i) == NULL)
            return false;
    return true;
}

size_t sc_test_on_texts(const char *source, const char *summary, sc_test_pair_check check)
{
    size_t cap = strlen(source) + strlen(summary) + 64;
    char *json = malloc(cap);
    ck_assert_ptr_nonnull(json);
    snprintf(json, cap, "{\"source\": \"%s\", \"summary\": \"%s\"}", source, summary);
    size_t answer = check(json, strlen(json));
    free(json);
    return answer;
}

size_t sc_test_on_corpus(size_t index, size_t max_pairs, sc_test_pair_check check)
{
    const char *path = corpus_path(index);
    ck_assert_msg(path != NULL, "no corpus %s", sc_test_corpora[index]);
    size_t len;
    char *data = sc_test_read_file(path, &len);
    ck_assert_ptr_nonnull(data);
    size_t sum = 0, pairs = 0;
    for (char *line = data; pairs < max_pairs && line < data + len; pairs++) {
        char *nl = memchr(line, '\n', (size_t)(data + len - line));
        size_t n = nl != NULL ? (size_t)(nl - line) : (size_t)(data + len - line);
        sum += check(line, n);
        line += n + 1;
    }
    free(data);
    return sum;
}

uint64_t sc_test_random(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    *state = x;
    return x;
}

int sc_test_run(Suite *suite)
{
    SRunner *runner = srunner_create(suite);
    int run, failed;

    srunner_run_all(runner, CK_NORMAL);
    run = srunner_ntests_run(runner);
    failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    printf("RESULT passed=%d failed=%d skipped=%d\n", run - failed, failed, skipped);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
