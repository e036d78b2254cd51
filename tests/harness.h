/* Shared by the Check suites: a main() that runs one suite and prints one
 * machine-readable line, and access to ../shared/ test data. */
#ifndef SC_TEST_HARNESS_H
#define SC_TEST_HARNESS_H

#include <check.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Path of a file under the shared data folder (env SC_SHARED_DIR, set by
 * meson test), or NULL when that folder or file is absent.  The returned
 * string is static storage, valid until the next call. */
const char *sc_test_shared_path(const char *relative);

/* Records that a test case was skipped (shared data missing).  Call it while
 * building the suite, in the parent process, instead of adding the case. */
void sc_test_skip(const char *what, const char *why);

/* Reads a whole file; NULL if it cannot.  Caller frees. */
char *sc_test_read_file(const char *path, size_t *len);

/* Runs the suite, prints "RESULT passed=N failed=M skipped=K" and returns
 * the process exit status (0 when nothing failed). */
int sc_test_run(Suite *suite);

/* The consistency corpora of the shared folder (bench/consistency/NAME.jsonl). */
enum { SC_TEST_N_CORPORA = 8 };
extern const char *const sc_test_corpora[SC_TEST_N_CORPORA];

/* True when the shared folder holds the consistency corpora. */
bool sc_test_have_corpora(void);

/* A check of one JSON pair (a line of a corpus, or made by
 * sc_test_on_texts): returns how many things it compared. */
typedef size_t (*sc_test_pair_check)(const char *json, size_t len);

/* check on the pair {"source": source, "summary": summary}, texts that hold
 * no quote or backslash; returns its answer. */
size_t sc_test_on_texts(const char *source, const char *summary, sc_test_pair_check check);

/* check on each of the first max_pairs lines of corpus
 * sc_test_corpora[index]; returns the sum of its answers. */
size_t sc_test_on_corpus(size_t index, size_t max_pairs, sc_test_pair_check check);

/* xorshift64: the same varied inputs on every run. */
uint64_t sc_test_random(uint64_t *state);

/* ck_assert_msg for tight loops.  Check's assertions tell the parent
 * process of each one that passes (a write to it apiece), so that a suite
 * of a hundred thousand of them took minutes under the sanitizers; this
 * one costs nothing until it fails. */
#define SC_CHECK(cond, ...)                                                                        \
    do {                                                                                           \
        if (!(cond))                                                                               \
            ck_abort_msg(__VA_ARGS__);                                                             \
    } while (0)

/* Each test file defines its suite builder and this line:
 *     SC_TEST_MAIN(tokens_suite)
 */
#define SC_TEST_MAIN(builder)                                                                      \
    int main(void)                                                                                 \
    {                                                                                              \
        return sc_test_run(builder());                                                             \
    }

#endif
