/* Tests of the Indonesian confix-stripping stemmer (src/lang/stem_id.c).
 *
 * Three kinds of cases:
 *   - hand-written words with the built-in dictionary (one per affix
 *     pattern the algorithm handles);
 *   - Sastrawi's own test vectors, read from ../shared/lang/id/ at run time:
 *     the integration cases with the full dictionary, and the functional
 *     cases against the small dictionary shipped beside them.  Each vector
 *     is its own test, so the RESULT line counts them;
 *   - robustness: long words, odd bytes, small output buffers, NULLs.
 *
 * Sastrawi stems text: it lower-cases it and splits it at spaces (one
 * functional vector is three words, some are capitalised).  The stemmer
 * takes one case-folded word, so stem_text() below does that part, as the
 * project's tokenizer does before calling it.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/stem.h"

/* ------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------ */

static size_t stem(const sc_id_dict *dict, const char *word, char *out, size_t cap)
{
    return sc_stem_id(dict, word, strlen(word), out, cap);
}

/* Lower-cases ASCII, splits at spaces, stems each word and joins the stems
 * with one space, as Sastrawi's Stemmer::stem does with a text. */
static void stem_text(const sc_id_dict *dict, const char *text, char *out, size_t cap)
{
    size_t used = 0;

    out[0] = '\0';
    while (*text != '\0') {
        char word[256], root[256];
        size_t n = 0, r;

        while (*text == ' ')
            text++;
        while (*text != '\0' && *text != ' ' && n < sizeof word - 1) {
            char ch = *text++;
            word[n++] = (ch >= 'A' && ch <= 'Z') ? (char)(ch - 'A' + 'a') : ch;
        }
        if (n == 0)
            break;
        r = sc_stem_id(dict, word, n, root, sizeof root);
        ck_assert_uint_le(r, n);
        if (used != 0 && used + 1 < cap)
            out[used++] = ' ';
        if (used + r < cap) {
            memcpy(out + used, root, r);
            used += r;
        }
        out[used < cap ? used : cap - 1] = '\0';
    }
}

/* ------------------------------------------------------------------------
 * Hand-written cases, built-in dictionary
 * ------------------------------------------------------------------------ */

typedef struct {
    const char *word;
    const char *root;
} stem_case;

static const stem_case hand_cases[] = {
    /* root words and short words stay */
    {"buku", "buku"},
    {"dia", "dia"},
    {"ke", "ke"},
    /* particles and possessives */
    {"siapakah", "siapa"},
    {"rumahnya", "rumah"},
    {"bukumu", "buku"},
    {"makanlah", "makan"},
    /* derivational suffixes */
    {"minuman", "minum"},
    {"tuliskan", "tulis"},
    /* plain prefixes and confixes */
    {"kebijakan", "bijak"},
    {"kesehatan", "sehat"},
    {"sebaiknya", "baik"},
    {"diinginkannya", "ingin"},
    /* me-/pe- nasal assimilation (recoding) */
    {"mengajukan", "aju"},
    {"membaca", "baca"},
    {"menulis", "tulis"},
    {"menyampaikan", "sampai"},
    {"mengembangkan", "kembang"},
    {"memukuli", "pukul"},
    {"penulis", "tulis"},
    {"pendidikan", "didik"},
    {"penggunaan", "guna"},
    {"pemerintahan", "perintah"},
    /* ber-/ter-/per- */
    {"berlari", "lari"},
    {"bermain", "main"},
    {"terbaik", "baik"},
    {"pertemuan", "temu"},
    {"perjalanan", "jalan"},
    /* two and three prefixes */
    {"keberhasilan", "hasil"},
    {"diperkenalkan", "kenal"},
    {"mempertahankan", "tahan"},
    /* restore loop: -kan that was root k + -an */
    {"masukan", "masuk"},
    /* reduplication */
    {"buku-buku", "buku"},
    {"anak-anaknya", "anak"},
    {"berlari-lari", "lari"},
    {"sayur-mayur", "sayur-mayur"},
    /* a hyphenated root stays whole (see stem_word) */
    {"kupu-kupu", "kupu-kupu"},
};

START_TEST(test_hand_case)
{
    const stem_case *c = &hand_cases[_i];
    char out[64];

    stem(sc_id_dict_builtin(), c->word, out, sizeof out);
    ck_assert_msg(strcmp(out, c->root) == 0, "%s -> %s, expected %s", c->word, out, c->root);
}
END_TEST

/* ------------------------------------------------------------------------
 * Dictionaries
 * ------------------------------------------------------------------------ */

START_TEST(test_builtin_dict)
{
    const sc_id_dict *d = sc_id_dict_builtin();

    ck_assert_ptr_nonnull(d);
    ck_assert_ptr_eq(d, sc_id_dict_builtin());
    ck_assert(sc_id_dict_has(d, "aba", 3)); /* first word */
    ck_assert(sc_id_dict_has(d, "zus", 3)); /* last word */
    ck_assert(sc_id_dict_has(d, "temu", 4));
    ck_assert(sc_id_dict_has(d, "temukan", 4)); /* only len bytes count */
    ck_assert(!sc_id_dict_has(d, "temukan", 7));
    ck_assert(!sc_id_dict_has(d, "temuk", 5));
    ck_assert(!sc_id_dict_has(d, "", 0));
    ck_assert(!sc_id_dict_has(d, NULL, 3));
    ck_assert(!sc_id_dict_has(NULL, "temu", 4));
    ck_assert(!sc_id_dict_has(d, "temu\0", 5));
    ck_assert(sc_id_dict_has(sc_id_dict_builtin(), "temu", 4));
}
END_TEST

START_TEST(test_custom_dict)
{
    const char *words[] = {"tulis", "baca", NULL, "", "tulis", "ajar", "baca"};
    sc_id_dict *d = sc_id_dict_new(words, sizeof words / sizeof words[0]);
    char out[32];

    ck_assert_ptr_nonnull(d);
    ck_assert(sc_id_dict_has(d, "ajar", 4));
    ck_assert(sc_id_dict_has(d, "baca", 4));
    ck_assert(sc_id_dict_has(d, "tulis", 5));
    ck_assert(!sc_id_dict_has(d, "temu", 4));
    ck_assert(!sc_id_dict_has(d, "", 0));

    stem(d, "membaca", out, sizeof out);
    ck_assert_str_eq(out, "baca");
    stem(d, "pelajar", out, sizeof out);
    ck_assert_str_eq(out, "ajar");
    stem(d, "pertemuan", out, sizeof out); /* "temu" is not in this one */
    ck_assert_str_eq(out, "pertemuan");
    sc_id_dict_free(d);

    d = sc_id_dict_new(NULL, 0);
    ck_assert_ptr_nonnull(d);
    ck_assert(!sc_id_dict_has(d, "baca", 4));
    stem(d, "membaca", out, sizeof out);
    ck_assert_str_eq(out, "membaca");
    sc_id_dict_free(d);
    sc_id_dict_free(NULL);
}
END_TEST

/* ------------------------------------------------------------------------
 * Sastrawi's vectors (shared data)
 * ------------------------------------------------------------------------ */

typedef struct {
    const char *word;
    const char *root;
} vector;

typedef struct {
    char *text; /* the file, cut into NUL-terminated fields in place */
    vector *rows;
    size_t n;
} vector_set;

static vector_set integration, functional;
static sc_id_dict *functional_dict;

/* Reads "word<TAB>expected" lines after the header; false when the file
 * cannot be read or holds no vectors. */
static bool load_vectors(const char *path, vector_set *set)
{
    size_t len, lines = 0;
    char *line;

    set->text = sc_test_read_file(path, &len);
    if (set->text == NULL)
        return false;
    for (size_t i = 0; i < len; i++)
        lines += set->text[i] == '\n';
    set->rows = calloc(lines + 1, sizeof *set->rows);
    if (set->rows == NULL)
        return false;

    line = set->text;
    for (bool header = true; *line != '\0'; header = false) {
        char *end = strchr(line, '\n');
        char *tab;

        if (end != NULL)
            *end = '\0';
        if (end != NULL && end > line && end[-1] == '\r')
            end[-1] = '\0';
        tab = strchr(line, '\t');
        if (tab != NULL && !header) {
            *tab = '\0';
            set->rows[set->n].word = line;
            set->rows[set->n].root = tab + 1;
            set->n++;
        }
        if (end == NULL)
            break;
        line = end + 1;
    }
    return set->n > 0;
}

/* The small dictionary of the functional vectors, one word a line. */
static sc_id_dict *load_dict(const char *path)
{
    size_t len, n = 0;
    char *text = sc_test_read_file(path, &len);
    const char **words;
    sc_id_dict *dict;

    if (text == NULL)
        return NULL;
    words = calloc(len + 1, sizeof *words);
    if (words == NULL) {
        free(text);
        return NULL;
    }
    for (char *line = strtok(text, "\r\n"); line != NULL; line = strtok(NULL, "\r\n"))
        words[n++] = line;
    dict = n > 0 ? sc_id_dict_new(words, n) : NULL;
    free(words);
    free(text);
    return dict;
}

static void check_vector(const sc_id_dict *dict, const vector *v)
{
    char out[512];

    stem_text(dict, v->word, out, sizeof out);
    ck_assert_msg(strcmp(out, v->root) == 0, "%s -> %s, expected %s", v->word, out, v->root);
}

START_TEST(test_integration_vector)
{
    check_vector(sc_id_dict_builtin(), &integration.rows[_i]);
}
END_TEST

START_TEST(test_functional_vector)
{
    check_vector(functional_dict, &functional.rows[_i]);
}
END_TEST

/* ------------------------------------------------------------------------
 * Robustness
 * ------------------------------------------------------------------------ */

enum { CANARY = 0x5a };

/* Stems word[0..len) into a buffer of exactly cap bytes followed by canary
 * bytes, and checks the contract: NUL-terminated, no longer than the word
 * or than cap - 1, nothing written past cap.  (Plain tests, then one
 * ck_abort_msg: every ck_assert reports to the runner, which is slow over
 * the 64,000 words of test_vocabulary.) */
static size_t stem_guarded(const sc_id_dict *dict, const char *word, size_t len, size_t cap,
                           char *copy, size_t copy_cap)
{
    unsigned char *buf = malloc(cap + 16);
    const char *problem = NULL;
    size_t r;

    if (buf == NULL)
        ck_abort_msg("out of memory");
    memset(buf, CANARY, cap + 16);
    r = sc_stem_id(dict, word, len, (char *)buf, cap);
    for (size_t i = cap; i < cap + 16; i++)
        if (buf[i] != CANARY)
            problem = "wrote past cap";
    if (cap == 0 && r != 0)
        problem = "returned a length with cap 0";
    if (cap != 0 && (r > len || r >= cap || buf[r] != 0))
        problem = "stem too long or not NUL-terminated";
    if (problem != NULL) {
        free(buf);
        ck_abort_msg("%s (word of %zu bytes, cap %zu, returned %zu)", problem, len, cap, r);
    }
    if (copy != NULL && copy_cap > 0) {
        size_t n = r < copy_cap - 1 ? r : copy_cap - 1;
        memcpy(copy, buf, n);
        copy[n] = '\0';
    }
    free(buf);
    return r;
}

START_TEST(test_long_words)
{
    const sc_id_dict *d = sc_id_dict_builtin();
    size_t big = 5000;
    char *word = malloc(big + 1);
    char out[64];

    ck_assert_ptr_nonnull(word);
    /* A very long word of affixes and a very long reduplication. */
    for (size_t i = 0; i < big; i++)
        word[i] = "memper"[i % 6];
    word[big] = '\0';
    ck_assert_uint_eq(stem_guarded(d, word, big, big + 1, NULL, 0), big);
    for (size_t i = 0; i < big; i++)
        word[i] = (i % 5 == 4) ? '-' : "buku"[i % 5];
    ck_assert_uint_eq(stem_guarded(d, word, big, big + 1, NULL, 0), big);
    /* Lengths around the stemmer's internal limit, all prefixes. */
    for (size_t n = 1; n <= 200; n++) {
        for (size_t i = 0; i < n; i++)
            word[i] = "dipertanggungjawabkannya"[i % 24];
        stem_guarded(d, word, n, n + 1, NULL, 0);
    }
    /* Many hyphens and clitics. */
    stem_guarded(d, "----", 4, 5, NULL, 0);
    stem_guarded(d, "-nya", 4, 5, out, sizeof out);
    stem_guarded(d, "buku-", 5, 6, out, sizeof out);
    ck_assert_str_eq(out, "buku-");
    stem_guarded(d, "-buku", 5, 6, out, sizeof out);
    stem_guarded(d, "a-b-c-d-nya", 11, 12, NULL, 0);
    stem_guarded(d, "buku-buku-buku-nya", 18, 19, NULL, 0);
    free(word);
}
END_TEST

START_TEST(test_odd_bytes)
{
    const sc_id_dict *d = sc_id_dict_builtin();
    static const char *const odd[] = {
        "pérusahaan",       /* UTF-8 letters: returned unchanged */
        "\xff\xfe\xfd\xfc", /* not UTF-8 at all */
        "mem\xc3",          /* truncated sequence */
        "Membaca",          /* not case-folded */
        "ber'lari",         "di\tbaca", "1234567", "meng-", "memper-", "ku-ku",
    };
    char out[64];

    for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++)
        stem_guarded(d, odd[i], strlen(odd[i]), strlen(odd[i]) + 1, NULL, 0);
    stem_guarded(d, "pérusahaan", strlen("pérusahaan"), 64, out, sizeof out);
    ck_assert_str_eq(out, "pérusahaan");
    stem_guarded(d, "Membaca", 7, 64, out, sizeof out);
    ck_assert_str_eq(out, "Membaca");
    /* An embedded NUL: the length, not the NUL, bounds the word. */
    ck_assert_uint_eq(stem_guarded(d, "mem\0baca", 8, 9, NULL, 0), 8);
    /* Empty and NULL words. */
    ck_assert_uint_eq(stem_guarded(d, "", 0, 1, out, sizeof out), 0);
    ck_assert_uint_eq(stem_guarded(d, NULL, 5, 8, out, sizeof out), 0);
    ck_assert_str_eq(out, "");
    /* No dictionary: nothing is a root, the word stays. */
    stem_guarded(NULL, "membaca", 7, 8, out, sizeof out);
    ck_assert_str_eq(out, "membaca");
}
END_TEST

START_TEST(test_small_cap)
{
    const sc_id_dict *d = sc_id_dict_builtin();
    char out[16];

    ck_assert_uint_eq(sc_stem_id(d, "membaca", 7, NULL, 8), 0);
    stem_guarded(d, "membaca", 7, 0, NULL, 0);
    ck_assert_uint_eq(stem_guarded(d, "membaca", 7, 1, out, sizeof out), 0);
    ck_assert_str_eq(out, "");
    ck_assert_uint_eq(stem_guarded(d, "membaca", 7, 3, out, sizeof out), 2);
    ck_assert_str_eq(out, "ba");
    ck_assert_uint_eq(stem_guarded(d, "membaca", 7, 5, out, sizeof out), 4);
    ck_assert_str_eq(out, "baca");
    ck_assert_uint_eq(stem_guarded(d, "xyzzyx", 6, 4, out, sizeof out), 3);
    ck_assert_str_eq(out, "xyz");
    ck_assert_uint_eq(stem_guarded(d, "buku-buku", 9, 10, out, sizeof out), 4);
    ck_assert_str_eq(out, "buku");
}
END_TEST

START_TEST(test_in_place)
{
    char buf[32] = "mempertahankan";

    ck_assert_uint_eq(sc_stem_id(sc_id_dict_builtin(), buf, strlen(buf), buf, sizeof buf), 5);
    ck_assert_str_eq(buf, "tahan");
}
END_TEST

/* Every word of Snowball's Indonesian vocabulary (64,000 words of news
 * text), when present: the contract holds and stemming a root changes
 * nothing. */
static char *vocabulary;

START_TEST(test_vocabulary)
{
    const sc_id_dict *d = sc_id_dict_builtin();
    size_t words = 0;

    for (char *p = vocabulary; *p != '\0';) {
        char *end = strchr(p, '\n');
        size_t n = end != NULL ? (size_t)(end - p) : strlen(p);
        char root[128];

        if (n > 0 && n < 100) {
            size_t r = stem_guarded(d, p, n, n + 1, root, sizeof root);
            if (r != n || memcmp(root, p, n) != 0) {
                char again[128];
                stem_guarded(d, root, r, r + 1, again, sizeof again);
                if (strcmp(again, root) != 0)
                    ck_abort_msg("%.*s -> %s -> %s", (int)n, p, root, again);
            }
            words++;
        }
        if (end == NULL)
            break;
        p = end + 1;
    }
    ck_assert_uint_gt(words, 1000);
}
END_TEST

/* The built-in dictionary answers from a hash index; a dictionary of the
 * same words made with sc_id_dict_new answers by binary search.  They must
 * agree on every word of the vocabulary and on each of its prefixes (the
 * stemmer's candidate roots are mostly cuts of the word). */
static sc_id_dict *kata_dasar;

START_TEST(test_builtin_index)
{
    const sc_id_dict *d = sc_id_dict_builtin();
    size_t asked = 0, known = 0;

    for (char *p = vocabulary; *p != '\0';) {
        char *end = strchr(p, '\n');
        size_t n = end != NULL ? (size_t)(end - p) : strlen(p);

        for (size_t k = 1; k <= n; k++) {
            bool has = sc_id_dict_has(d, p, k);
            if (has != sc_id_dict_has(kata_dasar, p, k))
                ck_abort_msg("%.*s: built-in says %d", (int)k, p, has);
            asked++;
            known += has;
        }
        if (end == NULL)
            break;
        p = end + 1;
    }
    ck_assert_uint_gt(asked, 100000);
    ck_assert_uint_gt(known, 10000);
}
END_TEST

/* ------------------------------------------------------------------------
 * Suite
 * ------------------------------------------------------------------------ */

static Suite *stem_id_suite(void)
{
    Suite *s = suite_create("stem_id");
    TCase *tc;
    const char *path;

    tc = tcase_create("hand");
    tcase_add_loop_test(tc, test_hand_case, 0, (int)(sizeof hand_cases / sizeof hand_cases[0]));
    tcase_add_test(tc, test_builtin_dict);
    tcase_add_test(tc, test_custom_dict);
    suite_add_tcase(s, tc);

    tc = tcase_create("robustness");
    tcase_add_test(tc, test_long_words);
    tcase_add_test(tc, test_odd_bytes);
    tcase_add_test(tc, test_small_cap);
    tcase_add_test(tc, test_in_place);
    suite_add_tcase(s, tc);

    path = sc_test_shared_path("lang/id/stemmer-cases-integration.tsv");
    if (path == NULL) {
        sc_test_skip("stem_id integration vectors", "lang/id/stemmer-cases-integration.tsv absent");
    } else if (!load_vectors(path, &integration)) {
        sc_test_skip("stem_id integration vectors", "cannot read the vectors");
    } else {
        tc = tcase_create("integration");
        tcase_add_loop_test(tc, test_integration_vector, 0, (int)integration.n);
        suite_add_tcase(s, tc);
    }

    path = sc_test_shared_path("lang/id/stemmer-cases-functional.dictionary.txt");
    if (path != NULL)
        functional_dict = load_dict(path);
    path = sc_test_shared_path("lang/id/stemmer-cases-functional.tsv");
    if (path == NULL || functional_dict == NULL) {
        sc_test_skip("stem_id functional vectors",
                     "lang/id/stemmer-cases-functional.tsv or its dictionary absent");
    } else if (!load_vectors(path, &functional)) {
        sc_test_skip("stem_id functional vectors", "cannot read the vectors");
    } else {
        tc = tcase_create("functional");
        tcase_add_loop_test(tc, test_functional_vector, 0, (int)functional.n);
        suite_add_tcase(s, tc);
    }

    path = sc_test_shared_path("lang/id/snowball-voc.txt");
    if (path != NULL)
        vocabulary = sc_test_read_file(path, NULL);
    if (vocabulary == NULL) {
        sc_test_skip("stem_id vocabulary", "lang/id/snowball-voc.txt absent");
    } else {
        tc = tcase_create("vocabulary");
        tcase_set_timeout(tc, 120);
        tcase_add_test(tc, test_vocabulary);
        suite_add_tcase(s, tc);
    }

    path = sc_test_shared_path("lang/id/kata-dasar.txt");
    if (path != NULL)
        kata_dasar = load_dict(path);
    if (vocabulary == NULL || kata_dasar == NULL) {
        sc_test_skip("stem_id built-in index", "lang/id/kata-dasar.txt or snowball-voc.txt absent");
    } else {
        tc = tcase_create("builtin-index");
        tcase_set_timeout(tc, 120);
        tcase_add_test(tc, test_builtin_index);
        suite_add_tcase(s, tc);
    }
    return s;
}

SC_TEST_MAIN(stem_id_suite)
