/* Tests for the alignment: each summary sentence to the article span that
 * supports it, its support score, and which of its words the span has.
 * Inputs are JSON pairs built here from invented Indonesian and English
 * articles, so sentence indexes are known. */
#include "harness.h"
#include "align/align.h"
#include "align/score.h"
#include "core/doc.h"
#include "check/check.h"
#include "check/thresholds.h"
#include "lang/lang.h"
#include "sumcheck.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Invented articles, one sentence per entry; joined by single spaces. */
static const char *const id_article[] = {
    "Banjir merendam 1.300 rumah di Kota Bekasi setelah hujan deras semalaman.",
    "Petugas mengevakuasi warga lanjut usia dengan perahu karet menuju masjid terdekat.",
    "Pemerintah kota membuka empat tempat pengungsian di dekat sungai.",
    "Badan meteorologi memperkirakan hujan lebat berlanjut hingga akhir pekan.",
    "Sekolah di kecamatan timur diliburkan selama tiga hari.",
    "Wali kota meminta warga membersihkan saluran air dari sampah.",
};
static const char *const en_article[] = {
    "Heavy rain flooded 1,300 houses in Bekasi on Tuesday night.",
    "Rescue teams used rubber boats to evacuate elderly residents to a nearby mosque.",
    "The city government opened four temporary shelters near the river.",
    "Forecasters expect more storms until the weekend.",
    "Schools in the eastern district will stay closed for three days.",
    "The mayor asked residents to keep drainage channels clear of rubbish.",
    /* Near-duplicates: only the last word tells them apart. */
    "The council opened a public kitchen beside the market.",
    "The council opened a public kitchen beside the stadium.",
};
#define N_ID (sizeof id_article / sizeof id_article[0])
#define N_EN (sizeof en_article / sizeof en_article[0])

/* ---- Helpers ------------------------------------------------------------ */

typedef struct buf {
    char *data;
    size_t len, cap;
} buf;

static void buf_add(buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (b->len + n + 1 > cap)
            cap *= 2;
        b->data = realloc(b->data, cap);
        ck_assert_ptr_nonnull(b->data);
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void buf_str(buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

/* s as a JSON string body (the texts here are UTF-8 without control
 * characters). */
static void buf_json_string(buf *b, const char *s)
{
    buf_str(b, "\"");
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            buf_add(b, "\\", 1);
        buf_add(b, s, 1);
    }
    buf_str(b, "\"");
}

static char *join(const char *const *sentences, size_t n)
{
    buf b = {0};
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            buf_str(&b, " ");
        buf_str(&b, sentences[i]);
    }
    return b.data;
}

static sc_result *check_pair(const char *source, const char *summary, const char *language)
{
    buf b = {0};
    sc_options options;
    sc_error error;

    buf_str(&b, "{\"language\": ");
    buf_json_string(&b, language);
    buf_str(&b, ", \"source\": ");
    buf_json_string(&b, source);
    buf_str(&b, ", \"summary\": ");
    buf_json_string(&b, summary);
    buf_str(&b, "}");
    sc_options_init(&options);
    options.input_format = SC_INPUT_JSON;
    sc_result *r = sc_check(b.data, b.len, "pair", &options, &error);
    ck_assert_msg(r != NULL, "sc_check: %s at %s", error.message, error.path);
    free(b.data);
    return r;
}

/* The alignment's invariants, for every result. */
static void check_invariants(const sc_result *r)
{
    const sc_alignment *al = &r->alignment;
    ck_assert_uint_eq(al->n_sentences, r->summary.n_sentences);
    for (size_t i = 0; i < al->n_sentences; i++) {
        const sc_sentence_alignment *s = &al->sentences[i];
        ck_assert_double_ge(s->support, 0.0);
        ck_assert_double_le(s->support, 1.0);
        ck_assert_double_ge(s->coverage, 0.0);
        ck_assert_double_le(s->coverage, 1.0);
        ck_assert_uint_le(s->n_aligned, SC_ALIGN_MAX_SPAN);
        for (size_t k = 0; k < s->n_aligned; k++) {
            ck_assert_uint_lt(s->aligned[k], r->article.n_sentences);
            if (k > 0)
                ck_assert_uint_lt(s->aligned[k - 1], s->aligned[k]);
        }
        ck_assert_ptr_nonnull(s->token_supported);
    }
}

/* Whether the summary token spelled word (in sentence si) is supported;
 * fails when no such token. */
static bool word_supported(const sc_result *r, size_t si, const char *word)
{
    const sc_sentence *s = &r->summary.sentences[si];
    const char *text = r->summary.text->data;
    for (size_t k = s->tok_begin; k < s->tok_end; k++) {
        const sc_token *t = &r->summary.tokens[k];
        if (t->end - t->start == strlen(word) && memcmp(text + t->start, word, strlen(word)) == 0)
            return r->alignment.sentences[si].token_supported[k - s->tok_begin];
    }
    ck_abort_msg("no token \"%s\" in summary sentence %zu", word, si);
    return false;
}

/* ---- A copied sentence ----------------------------------------------------- */

static void check_copied(const char *const *article, size_t n, const char *language, size_t i)
{
    char *source = join(article, n);
    sc_result *r = check_pair(source, article[i], language);
    check_invariants(r);
    ck_assert_uint_eq(r->summary.n_sentences, 1);
    const sc_sentence_alignment *s = &r->alignment.sentences[0];
    ck_assert_msg(s->n_aligned == 1 && s->aligned[0] == i,
                  "\"%s\": aligned to %zu sentences, first %zu; want only %zu", article[i],
                  s->n_aligned, s->n_aligned ? s->aligned[0] : (size_t)-1, i);
    ck_assert_msg(s->support > 0.99, "\"%s\": support %.3f", article[i], s->support);
    ck_assert_double_eq_tol(s->coverage, 1.0, 1e-9);
    ck_assert_double_eq_tol(s->bigram, 1.0, 1e-9);
    ck_assert_double_eq_tol(s->entity_agreement, 1.0, 1e-9);
    const sc_sentence *ss = &r->summary.sentences[0];
    for (size_t k = ss->tok_begin; k < ss->tok_end; k++)
        ck_assert_msg(s->token_supported[k - ss->tok_begin], "\"%s\": token %zu unsupported",
                      article[i], k);
    /* The trained model (src/align/score.h) judges a copy consistent. */
    ck_assert_double_gt(sc_result_consistency(r), 0.5);
    sc_result_free(r);
    free(source);
}

START_TEST(test_copied_id)
{
    check_copied(id_article, N_ID, "id", (size_t)_i);
}
END_TEST

START_TEST(test_copied_en)
{
    check_copied(en_article, N_EN, "en", (size_t)_i);
}
END_TEST

/* ---- A sentence merging two article sentences -------------------------------- */

static const struct {
    const char *language;
    const char *summary;
    size_t first, second; /* article sentences, in text order */
} merge_cases[] = {
    {"id",
     "Petugas mengevakuasi warga lanjut usia dengan perahu karet, dan sekolah di kecamatan "
     "timur diliburkan selama tiga hari.",
     1, 4},
    {"id",
     "Banjir merendam 1.300 rumah di Kota Bekasi sehingga pemerintah kota membuka empat "
     "tempat pengungsian di dekat sungai.",
     0, 2},
    {"en",
     "Rescue teams used rubber boats to evacuate elderly residents, while forecasters expect "
     "more storms until the weekend.",
     1, 3},
    {"en",
     "The city government opened four temporary shelters near the river and the mayor asked "
     "residents to keep drainage channels clear of rubbish.",
     2, 5},
};

START_TEST(test_merged)
{
    bool id = strcmp(merge_cases[_i].language, "id") == 0;
    char *source = id ? join(id_article, N_ID) : join(en_article, N_EN);
    sc_result *r = check_pair(source, merge_cases[_i].summary, merge_cases[_i].language);
    check_invariants(r);
    ck_assert_uint_eq(r->summary.n_sentences, 1);
    const sc_sentence_alignment *s = &r->alignment.sentences[0];
    ck_assert_msg(s->n_aligned == 2 && s->aligned[0] == merge_cases[_i].first &&
                      s->aligned[1] == merge_cases[_i].second,
                  "case %d: span of %zu (%zu, %zu), want (%zu, %zu)", _i, s->n_aligned,
                  s->n_aligned > 0 ? s->aligned[0] : (size_t)-1,
                  s->n_aligned > 1 ? s->aligned[1] : (size_t)-1, merge_cases[_i].first,
                  merge_cases[_i].second);
    ck_assert_msg(s->support >= SC_CLAIM_MIN_SUPPORT + 0.3, "case %d: support %.3f", _i,
                  s->support);
    ck_assert_double_gt(s->coverage, 0.9);
    sc_result_free(r);
    free(source);
}
END_TEST

/* ---- Invented content ------------------------------------------------------- */

static const struct {
    const char *language;
    const char *summary;
    const char *novel[6]; /* words the article lacks: unsupported */
    const char *known[6]; /* content words the best span has: supported */
    bool low;             /* support below the claim threshold */
    const char *stopword; /* a function word in it: always supported */
} invented_cases[] = {
    {"en",
     "A famous chef donated frozen pizzas to hungry volunteers at the stadium.",
     {"famous", "chef", "donated", "frozen", "pizzas", "hungry"},
     {NULL},
     true,
     "to"},
    {"id",
     "Presiden meresmikan bandara internasional baru di Kalimantan Utara.",
     {"Presiden", "meresmikan", "bandara", "internasional", "Kalimantan", "Utara"},
     {NULL},
     true,
     "di"},
    {"en",
     "Rescue teams used helicopters to evacuate elderly residents to a nearby mosque.",
     {"helicopters", NULL},
     {"Rescue", "teams", "evacuate", "elderly", "residents", "mosque"},
     false,
     "to"},
    {"id",
     "Petugas mengevakuasi warga lanjut usia dengan helikopter menuju masjid terdekat.",
     {"helikopter", NULL},
     {"Petugas", "mengevakuasi", "warga", "masjid", "terdekat", NULL},
     false,
     "dengan"},
    /* Inflected copies: the stem carries support across affixes. */
    {"en",
     "Forecasters expected more storms until the weekend.",
     {NULL},
     {"Forecasters", "expected", "storms", "weekend", NULL},
     false,
     "until"},
    {"id",
     "Warga lanjut usia dievakuasi petugas dengan perahu karet.",
     {NULL},
     {"Warga", "dievakuasi", "petugas", "perahu", "karet", NULL},
     false,
     "dengan"},
};

START_TEST(test_invented)
{
    bool id = strcmp(invented_cases[_i].language, "id") == 0;
    char *source = id ? join(id_article, N_ID) : join(en_article, N_EN);
    sc_result *r = check_pair(source, invented_cases[_i].summary, invented_cases[_i].language);
    check_invariants(r);
    ck_assert_uint_eq(r->summary.n_sentences, 1);
    const sc_sentence_alignment *s = &r->alignment.sentences[0];
    if (invented_cases[_i].low)
        ck_assert_msg(s->support < SC_CLAIM_MIN_SUPPORT, "\"%s\": support %.3f",
                      invented_cases[_i].summary, s->support);
    else
        ck_assert_msg(s->support >= SC_CLAIM_MIN_SUPPORT, "\"%s\": support %.3f",
                      invented_cases[_i].summary, s->support);
    for (size_t k = 0; k < 6 && invented_cases[_i].novel[k] != NULL; k++)
        ck_assert_msg(!word_supported(r, 0, invented_cases[_i].novel[k]), "\"%s\" marked supported",
                      invented_cases[_i].novel[k]);
    for (size_t k = 0; k < 6 && invented_cases[_i].known[k] != NULL; k++)
        ck_assert_msg(word_supported(r, 0, invented_cases[_i].known[k]),
                      "\"%s\" marked unsupported", invented_cases[_i].known[k]);
    /* Stopwords carry no content and are never held against a sentence. */
    ck_assert(word_supported(r, 0, invented_cases[_i].stopword));
    sc_result_free(r);
    free(source);
}
END_TEST

/* A summary of several sentences: each aligned on its own. */
START_TEST(test_several_sentences)
{
    char *source = join(en_article, N_EN);
    const char *summary = "Schools in the eastern district will stay closed for three days. "
                          "A famous chef donated frozen pizzas to hungry volunteers. "
                          "Heavy rain flooded 1,300 houses in Bekasi on Tuesday night.";
    sc_result *r = check_pair(source, summary, "en");
    check_invariants(r);
    ck_assert_uint_eq(r->summary.n_sentences, 3);
    const sc_sentence_alignment *s = r->alignment.sentences;
    ck_assert_uint_eq(s[0].n_aligned, 1);
    ck_assert_uint_eq(s[0].aligned[0], 4);
    ck_assert_double_gt(s[0].support, 0.99);
    ck_assert_double_lt(s[1].support, SC_CLAIM_MIN_SUPPORT);
    ck_assert_uint_eq(s[2].n_aligned, 1);
    ck_assert_uint_eq(s[2].aligned[0], 0);
    ck_assert_double_gt(s[2].support, 0.99);
    /* The invented sentence costs the document: without it, the same
     * summary scores higher. */
    sc_result *kept = check_pair(source,
                                 "Schools in the eastern district will stay closed for three days. "
                                 "Heavy rain flooded 1,300 houses in Bekasi on Tuesday night.",
                                 "en");
    ck_assert_double_lt(sc_result_consistency(r), sc_result_consistency(kept));
    sc_result_free(kept);
    sc_result_free(r);
    free(source);
}
END_TEST

/* ---- Determinism -------------------------------------------------------------- */

static void assert_same_alignment(const sc_result *a, const sc_result *b)
{
    ck_assert_uint_eq(a->alignment.n_sentences, b->alignment.n_sentences);
    ck_assert_uint_eq(a->summary.n_tokens, b->summary.n_tokens);
    for (size_t i = 0; i < a->alignment.n_sentences; i++) {
        const sc_sentence_alignment *x = &a->alignment.sentences[i],
                                    *y = &b->alignment.sentences[i];
        ck_assert_uint_eq(x->n_aligned, y->n_aligned);
        for (size_t k = 0; k < x->n_aligned; k++)
            ck_assert_uint_eq(x->aligned[k], y->aligned[k]);
        /* Bit-identical, not merely close. */
        ck_assert(memcmp(&x->support, &y->support, sizeof x->support) == 0);
        ck_assert(memcmp(&x->coverage, &y->coverage, sizeof x->coverage) == 0);
        ck_assert(memcmp(&x->bigram, &y->bigram, sizeof x->bigram) == 0);
        ck_assert(memcmp(&x->entity_agreement, &y->entity_agreement, sizeof x->entity_agreement) ==
                  0);
        const sc_sentence *s = &a->summary.sentences[i];
        size_t n = s->tok_end - s->tok_begin;
        ck_assert(memcmp(x->token_supported, y->token_supported, n * sizeof *x->token_supported) ==
                  0);
    }
    ck_assert(memcmp(&a->consistency, &b->consistency, sizeof a->consistency) == 0);
}

START_TEST(test_deterministic)
{
    char *source = join(id_article, N_ID);
    const char *summary = "Banjir merendam 1.300 rumah di Kota Bekasi. Petugas membuka dapur umum "
                          "di dekat pasar. Sekolah di kecamatan timur diliburkan dan hujan lebat "
                          "berlanjut hingga akhir pekan.";
    sc_result *a = check_pair(source, summary, "id");
    /* Another document in between must not leave a trace. */
    char *other_source = join(en_article, N_EN);
    sc_result *other = check_pair(other_source, "The council opened a public kitchen.", "en");
    sc_result *b = check_pair(source, summary, "id");
    check_invariants(a);
    assert_same_alignment(a, b);
    sc_result_free(a);
    sc_result_free(b);
    sc_result_free(other);
    free(other_source);
    free(source);
}
END_TEST

/* Near-duplicate article sentences: the one that says what the summary
 * says wins, whichever comes first. */
START_TEST(test_near_duplicates)
{
    char *source = join(en_article, N_EN);
    sc_result *r =
        check_pair(source, "The council opened a public kitchen beside the stadium.", "en");
    ck_assert_uint_eq(r->alignment.sentences[0].n_aligned, 1);
    ck_assert_uint_eq(r->alignment.sentences[0].aligned[0], 7);
    sc_result_free(r);
    r = check_pair(source, "The council opened a public kitchen beside the market.", "en");
    ck_assert_uint_eq(r->alignment.sentences[0].n_aligned, 1);
    ck_assert_uint_eq(r->alignment.sentences[0].aligned[0], 6);
    sc_result_free(r);
    free(source);
}
END_TEST

/* ---- A long article -------------------------------------------------------------- */

enum { LONG_SENTENCES = 4000 };

/* A made-up word for number n: syllables from a fixed table, so every n
 * gives a different word and the stemmers have no suffix to strip. */
static void pseudo_word(unsigned n, char *out)
{
    static const char cons[] = "bdgklmnprstz";
    static const char vow[] = "aiou";
    size_t o = 0;
    for (int k = 0; k < 4; k++) {
        out[o++] = cons[n % 12];
        n /= 12;
        out[o++] = vow[n % 4];
        n /= 4;
    }
    out[o++] = 'x'; /* a closing consonant keeps stemmers off the vowels */
    out[o] = '\0';
}

/* Sentence i of the long article: shared words plus four of its own. */
static void long_sentence(size_t i, buf *b)
{
    char w[4][16];
    char line[256];
    for (int k = 0; k < 4; k++)
        pseudo_word((unsigned)(i * 4 + (size_t)k), w[k]);
    snprintf(line, sizeof line,
             "The regional council said farmers near %s planted %s seeds while the %s "
             "cooperative sold %s harvest.",
             w[0], w[1], w[2], w[3]);
    buf_str(b, line);
}

START_TEST(test_long_article)
{
    buf source = {0}, summary = {0};
    for (size_t i = 0; i < LONG_SENTENCES; i++) {
        if (i > 0)
            buf_str(&source, " ");
        long_sentence(i, &source);
    }
    /* Sentence 0: a copy of article sentence 3210.  Sentence 1: words of
     * sentences 17 and 3999 together. */
    long_sentence(3210, &summary);
    {
        char a[16], b[16], c[16], d[16], line[256];
        pseudo_word(17 * 4 + 0, a);
        pseudo_word(17 * 4 + 1, b);
        pseudo_word(3999 * 4 + 2, c);
        pseudo_word(3999 * 4 + 3, d);
        snprintf(line, sizeof line,
                 " Farmers near %s planted %s seeds and the %s cooperative sold %s harvest.", a, b,
                 c, d);
        buf_str(&summary, line);
    }
    sc_result *r = check_pair(source.data, summary.data, "en");
    check_invariants(r);
    ck_assert_uint_eq(r->article.n_sentences, LONG_SENTENCES);
    ck_assert_uint_eq(r->summary.n_sentences, 2);
    const sc_sentence_alignment *s = r->alignment.sentences;
    ck_assert_uint_eq(s[0].n_aligned, 1);
    ck_assert_uint_eq(s[0].aligned[0], 3210);
    ck_assert_double_gt(s[0].support, 0.99);
    ck_assert_msg(s[1].n_aligned == 2 && s[1].aligned[0] == 17 && s[1].aligned[1] == 3999,
                  "span of %zu: %zu %zu", s[1].n_aligned, s[1].aligned[0],
                  s[1].n_aligned > 1 ? s[1].aligned[1] : (size_t)-1);
    ck_assert_double_gt(s[1].support, SC_CLAIM_MIN_SUPPORT);
    sc_result_free(r);
    free(source.data);
    free(summary.data);
}
END_TEST

/* The bigram share of summary sentence si, walked the plain way: each
 * adjacent pair of its words (punctuation skipped, at least one a content
 * word) is found when some sentence of the span has the two stems next to
 * each other.  align.c puts the sentence's pairs in a set and marks those
 * it meets walking the span once. */
static double walked_bigram(const sc_result *r, size_t si)
{
    const sc_sentence_alignment *al = &r->alignment.sentences[si];
    const sc_sentence *sent = &r->summary.sentences[si];
    size_t bigrams = 0, found = 0;
    const sc_token *prev = NULL;
    for (size_t k = sent->tok_begin; k < sent->tok_end; k++) {
        const sc_token *t = &r->summary.tokens[k];
        if (t->kind == SC_TOK_PUNCT)
            continue;
        if (prev != NULL && (sc_token_is_content(prev) || sc_token_is_content(t))) {
            bigrams++;
            bool hit = false;
            for (size_t a = 0; a < al->n_aligned && !hit; a++) {
                const sc_sentence *as = &r->article.sentences[al->aligned[a]];
                uint32_t before = 0;
                for (size_t u = as->tok_begin; u < as->tok_end && !hit; u++) {
                    const sc_token *x = &r->article.tokens[u];
                    if (x->kind == SC_TOK_PUNCT)
                        continue;
                    hit = before == prev->stem && x->stem == t->stem;
                    before = x->stem;
                }
            }
            found += hit;
        }
        prev = t;
    }
    return bigrams > 0 ? (double)found / (double)bigrams : al->coverage;
}

/* The English pair's bigram share of every summary sentence against the
 * walk; frees both texts. */
static void assert_bigrams_walked(buf *source, buf *summary, int case_no)
{
    sc_result *r = check_pair(source->data, summary->data, "en");
    check_invariants(r);
    for (size_t si = 0; si < r->alignment.n_sentences; si++)
        ck_assert_msg(r->alignment.sentences[si].bigram == walked_bigram(r, si),
                      "case %d, sentence %zu: bigram %g, walked %g", case_no, si,
                      r->alignment.sentences[si].bigram, walked_bigram(r, si));
    sc_result_free(r);
    free(source->data);
    free(summary->data);
}

/* Article sentences of these many words (pseudo words, a stopword every
 * fifth), so that spans fit the set a document starts with, outgrow it, and
 * then fit again; the summary has one sentence per article sentence, its
 * words in the article's order but for a swapped pair and a new word.
 * "gerbil marmot" is a pair of the even article sentences only (the odd
 * ones part the two words) and of every summary sentence: a pair left over
 * from the span before must not be found. */
static const size_t span_lengths[][4] = {
    {6, 12, 20, 9},
    {40, 140, 30, 300},
    {700, 10, 260, 5},
    {129, 128, 127, 255},
};

static void span_words(size_t sentence, size_t words, size_t swap, bool summary, buf *b)
{
    char w[16];
    for (size_t j = 0; j < words; j++) {
        size_t at = j == swap ? j + 1 : j == swap + 1 ? j - 1 : j;
        if (j > 0)
            buf_str(b, " ");
        if (at % 5 == 4) {
            buf_str(b, at % 10 == 4 ? "the" : "of");
            continue;
        }
        pseudo_word((unsigned)(sentence * 1000 + at), w);
        if (j == 0)
            w[0] = (char)(w[0] - 'a' + 'A');
        buf_str(b, w);
        if (j == 0)
            buf_str(b, summary || sentence % 2 == 0 ? " gerbil marmot" : " gerbil");
        if (summary && j == words / 2)
            buf_str(b, " zozoluxa");
    }
    buf_str(b, !summary && sentence % 2 == 1 ? " marmot." : ".");
}

START_TEST(test_bigram_span_set)
{
    buf source = {0}, summary = {0};
    for (size_t i = 0; i < 4; i++) {
        size_t n = span_lengths[_i][i];
        if (i > 0) {
            buf_str(&source, " ");
            buf_str(&summary, " ");
        }
        span_words(i, n, SIZE_MAX, false, &source);
        span_words(i, n < 4 ? n : n / 2 > 6 ? 6 : n / 2, n > 3 ? 1 : SIZE_MAX, true, &summary);
    }
    assert_bigrams_walked(&source, &summary, _i);
}
END_TEST

/* Summary sentences of many words, and bigrams repeated in one sentence
 * (each counts), against the walk: the set of a sentence's bigrams is
 * sized for a document's longest summary sentence.  Per case: the words
 * of the article sentences and of the summary sentences copied from them,
 * and how many times "gerbil marmot" ends each summary sentence. */
static const size_t summary_lengths[][3] = {
    {40, 40, 0}, {300, 280, 3}, {10, 9, 40}, {700, 650, 1}, {200, 7, 100},
};

START_TEST(test_bigram_summary_set)
{
    buf source = {0}, summary = {0};
    for (size_t i = 0; i < 3; i++) {
        if (i > 0) {
            buf_str(&source, " ");
            buf_str(&summary, " ");
        }
        span_words(i, summary_lengths[_i][0], SIZE_MAX, false, &source);
        /* The sentence's end: one more pair to repeat before it. */
        span_words(i, summary_lengths[_i][1], 2, true, &summary);
        summary.data[--summary.len] = '\0';
        for (size_t k = 0; k < summary_lengths[_i][2] * (i + 1); k++)
            buf_str(&summary, " gerbil marmot");
        buf_str(&summary, ".");
    }
    assert_bigrams_walked(&source, &summary, _i);
}
END_TEST

/* ---- Relations: src/align/relation.c ---------------------------------------- */

/* RELATION_WINDOW and RELATION_SLACK of relation.c. */
enum { WALK_WINDOW = 4, WALK_SLACK = 1 };

/* Whether some article sentences at most WALK_SLACK apart have content
 * words of stems a and b, walked over every pair of sentences. */
static bool walked_held(const sc_result *r, uint32_t a, uint32_t b)
{
    const sc_analysis *art = &r->article;
    for (size_t i = 0; i < art->n_sentences; i++)
        for (size_t j = i > WALK_SLACK ? i - WALK_SLACK : 0;
             j <= i + WALK_SLACK && j < art->n_sentences; j++) {
            bool has_a = false, has_b = false;
            for (size_t k = art->sentences[i].tok_begin; k < art->sentences[i].tok_end; k++)
                has_a |= sc_token_is_content(&art->tokens[k]) && art->tokens[k].stem == a;
            for (size_t k = art->sentences[j].tok_begin; k < art->sentences[j].tok_end; k++)
                has_b |= sc_token_is_content(&art->tokens[k]) && art->tokens[k].stem == b;
            if (has_a && has_b)
                return true;
        }
    return false;
}

/* The pairs and the pairs apart of each summary sentence, walked the plain
 * way, against the alignment's (the sentence lists it shares with the
 * relations); returns how many pairs were apart. */
static size_t check_relations_walked(const sc_result *r)
{
    const sc_analysis *sum = &r->summary;
    const sc_alignment *al = &r->alignment;
    size_t apart_total = 0;
    for (size_t si = 0; si < al->n_sentences; si++) {
        const sc_sentence *s = &sum->sentences[si];
        const sc_sentence_alignment *sa = &al->sentences[si];
        size_t content[4096], n = 0, pairs = 0, apart = 0;
        for (size_t k = s->tok_begin; k < s->tok_end; k++)
            if (sc_token_is_content(&sum->tokens[k]) && n < 4096)
                content[n++] = k;
        for (size_t i = 0; i < n; i++) {
            const sc_token *t = &sum->tokens[content[i]];
            for (size_t j = i > WALK_WINDOW ? i - WALK_WINDOW : 0; j < i; j++) {
                const sc_token *u = &sum->tokens[content[j]];
                if (u->stem == t->stem || !sc_alignment_article_has(al, t) ||
                    !sc_alignment_article_has(al, u))
                    continue;
                pairs++;
                if (walked_held(r, t->stem, u->stem))
                    continue;
                ck_assert_uint_lt(apart, sa->n_apart);
                ck_assert_uint_eq(sa->apart[apart].first, content[j]);
                ck_assert_uint_eq(sa->apart[apart].second, content[i]);
                apart++;
            }
        }
        ck_assert_uint_eq(sa->n_pairs, pairs);
        ck_assert_uint_eq(sa->n_apart, apart);
        apart_total += apart;
    }
    return apart_total;
}

/* Articles whose words come back in one sentence and in others, and
 * summaries that join words of sentences near and far apart. */
static const struct {
    const char *article, *summary, *language;
} relation_cases[] = {
    {"The river flooded the river bank near the old river mill. Residents left the river. "
     "Officials said the bank was closed. Volunteers cleaned the mill on Sunday. The mosque "
     "opened its doors near the bank. Farmers sold grain at the market.",
     "The river bank flooded and the mosque closed the bank. Farmers cleaned the mosque near the "
     "river mill and sold the bank.",
     "en"},
    {NULL,
     "Heavy rain flooded the mosque near the river, and the mayor asked schools to stay "
     "closed. Rescue teams opened shelters for the council kitchen beside the stadium.",
     "en"},
    {NULL,
     "Wali kota membuka tempat pengungsian di Kota Bekasi setelah hujan deras. Sekolah di "
     "kecamatan timur mengevakuasi warga dengan perahu karet.",
     "id"},
};

START_TEST(test_relations_walked)
{
    char *source = relation_cases[_i].article != NULL ? strdup(relation_cases[_i].article)
                   : strcmp(relation_cases[_i].language, "id") == 0 ? join(id_article, N_ID)
                                                                    : join(en_article, N_EN);
    sc_result *r = check_pair(source, relation_cases[_i].summary, relation_cases[_i].language);
    check_invariants(r);
    size_t pairs = 0;
    for (size_t si = 0; si < r->alignment.n_sentences; si++)
        pairs += r->alignment.sentences[si].n_pairs;
    size_t apart = check_relations_walked(r);
    /* Not vacuous: some pairs held, some apart. */
    ck_assert_uint_gt(apart, 0);
    ck_assert_uint_gt(pairs, apart);
    sc_result_free(r);
    free(source);
}
END_TEST

/* The same over the span cases' pseudo words, many sentences apart. */
START_TEST(test_relations_span_words)
{
    buf source = {0}, summary = {0};
    for (size_t i = 0; i < 4; i++) {
        size_t n = span_lengths[_i][i];
        if (i > 0) {
            buf_str(&source, " ");
            buf_str(&summary, " ");
        }
        span_words(i, n, SIZE_MAX, false, &source);
        span_words((i + 1) % 4, n < 4 ? n : n / 2 > 6 ? 6 : n / 2, 1, true, &summary);
    }
    sc_result *r = check_pair(source.data, summary.data, "en");
    check_relations_walked(r);
    sc_result_free(r);
    free(source.data);
    free(summary.data);
}
END_TEST

/* ---- The article's numbers ------------------------------------------------- */

/* The article's numbers, listed the plain way: each number entity's
 * amount, then each numeral and the numbers of each hyphenated word, in
 * text order. */
static size_t walked_numbers(const sc_result *r, double *out, size_t max)
{
    const sc_analysis *art = &r->article;
    const sc_lang *lang = sc_lang_find(r->language);
    size_t n = 0;
    for (size_t e = 0; e < art->n_entities; e++)
        if (art->entities[e].is_number && n < max)
            out[n++] = art->entities[e].value;
    for (size_t i = 0; i < art->n_tokens; i++) {
        const sc_token *t = &art->tokens[i];
        if (t->kind == SC_TOK_NUMBER && n < max)
            out[n++] = t->value;
        else if (t->kind == SC_TOK_WORD)
            n += sc_align_hyphen_numbers(lang, t, out + n, max - n);
    }
    return n;
}

/* Few numbers, more than the list starts with, and a hyphenated word of
 * more parts than it has room for. */
static const char *const number_articles[] = {
    "The bridge opened in spring. Nobody counted the cars.",
    "A three-year plan built 10-feet-tall walls for 1,300 houses and 2 schools.",
    "one-two-three-four-five-six-seven-eight-nine-ten-eleven-twelve-thirteen-fourteen-fifteen-"
    "sixteen-seventeen-eighteen-nineteen-twenty boats sailed.",
    NULL, /* many numerals: made in the test */
};

START_TEST(test_article_numbers)
{
    buf source = {0};
    if (number_articles[_i] != NULL) {
        buf_str(&source, number_articles[_i]);
    } else {
        for (int k = 1; k <= 120; k++) {
            char line[64];
            snprintf(line, sizeof line, "Team %d scored %d.%d points in a %d-minute game. ", k,
                     k * 7, k % 10, k + 5);
            buf_str(&source, line);
        }
    }
    sc_result *r = check_pair(source.data, "The teams played.", "en");
    double want[1024];
    size_t n = walked_numbers(r, want, 1024);
    const sc_alignment *al = &r->alignment;
    ck_assert_uint_lt(n, 1024);
    ck_assert_uint_eq(al->n_article_numbers, n);
    for (size_t i = 0; i < n; i++)
        ck_assert_msg(al->article_numbers[i] == want[i], "number %zu: %g, walked %g", i,
                      al->article_numbers[i], want[i]);
    sc_result_free(r);
    free(source.data);
}
END_TEST

/* ---- Consistency: the trained model of src/align/score.h ------------------- */

/* The committed weights (score_weights.inc) load: one per feature, trained
 * for the feature of the same name, all finite. */
START_TEST(test_score_weights)
{
    ck_assert_uint_eq(sc_score_weight_count(), SC_SCORE_N_FEATURES);
    for (size_t i = 0; i < SC_SCORE_N_FEATURES; i++) {
        ck_assert_ptr_nonnull(sc_score_feature_name(i));
        ck_assert_str_eq(sc_score_weight_name(i), sc_score_feature_name(i));
        ck_assert_msg(isfinite(sc_score_weight(i)), "weight of %s", sc_score_feature_name(i));
        for (size_t j = 0; j < i; j++)
            ck_assert_str_ne(sc_score_feature_name(j), sc_score_feature_name(i));
    }
    ck_assert_ptr_null(sc_score_feature_name(SC_SCORE_N_FEATURES));
    ck_assert(isfinite(sc_score_bias()));
    /* Not a constant: some weight is not zero. */
    size_t nonzero = 0;
    for (size_t i = 0; i < SC_SCORE_N_FEATURES; i++)
        nonzero += sc_score_weight(i) != 0;
    ck_assert_uint_gt(nonzero, 1);
}
END_TEST

/* The result's consistency is the model over the result's features. */
START_TEST(test_score_used)
{
    char *source = join(en_article, N_EN);
    sc_result *r = check_pair(source,
                              "Heavy rain flooded 1,300 houses in Bekasi on Tuesday night. "
                              "A famous chef donated frozen pizzas to hungry volunteers.",
                              "en");
    ck_assert_ptr_nonnull(r->features);
    for (size_t i = 0; i < SC_SCORE_N_FEATURES; i++)
        ck_assert_msg(isfinite(r->features[i]), "%s", sc_score_feature_name(i));
    ck_assert_double_eq_tol(sc_result_consistency(r), sc_score_consistency(r->features), 1e-15);
    /* Moving one feature moves the score by the sign of its weight. */
    double x[SC_SCORE_N_FEATURES];
    memcpy(x, r->features, sizeof x);
    for (size_t i = 0; i < SC_SCORE_N_FEATURES; i++) {
        if (sc_score_weight(i) == 0)
            continue;
        x[i] += 0.5;
        double moved = sc_score_consistency(x);
        x[i] -= 0.5;
        ck_assert_msg(sc_score_weight(i) > 0 ? moved > sc_score_consistency(x)
                                             : moved < sc_score_consistency(x),
                      "%s", sc_score_feature_name(i));
    }
    sc_result_free(r);
    free(source);
}
END_TEST

/* The value of the feature named name in r. */
static double feature(const sc_result *r, const char *name)
{
    for (size_t i = 0; i < SC_SCORE_N_FEATURES; i++)
        if (strcmp(sc_score_feature_name(i), name) == 0)
            return r->features[i];
    ck_abort_msg("no feature %s", name);
    return NAN;
}

/* lexical_one_sentence_min and lexical_trigram_missing on summaries of
 * en_article: copied, two sentences each copied from its own sentence,
 * and one sentence stitched from two ("heavy rain flooded 1,300 houses in"
 * from sentence 0, "in the eastern district" from sentence 4: 6 of its 9
 * bigrams in sentence 0, and "houses in the" in none). */
static const struct {
    const char *summary;
    double one_sentence_min;
    size_t trigrams_missing;
} one_sentence_cases[] = {
    {"Heavy rain flooded 1,300 houses in Bekasi on Tuesday night.", 1.0, 0},
    {"The city government opened four temporary shelters near the river. "
     "Schools in the eastern district will stay closed for three days.",
     1.0, 0},
    {"Heavy rain flooded 1,300 houses in the eastern district.", 6.0 / 9.0, 1},
    {"Schools in the eastern district will stay closed for three days. "
     "Heavy rain flooded 1,300 houses in the eastern district.",
     6.0 / 9.0, 1},
};

START_TEST(test_score_one_sentence)
{
    char *source = join(en_article, N_EN);
    sc_result *r = check_pair(source, one_sentence_cases[_i].summary, "en");
    ck_assert_ptr_nonnull(r->features);
    ck_assert_double_eq_tol(feature(r, "lexical_one_sentence_min"),
                            one_sentence_cases[_i].one_sentence_min, 1e-12);
    ck_assert_double_eq_tol(feature(r, "lexical_trigram_missing"),
                            log1p((double)one_sentence_cases[_i].trigrams_missing), 1e-12);
    sc_result_free(r);
    free(source);
}
END_TEST

/* Only the first 64 summary sentences are followed for
 * lexical_one_sentence_min: a stitched sentence after 64 copied ones
 * leaves it at 1, the same sentence first lowers it. */
START_TEST(test_score_one_sentence_limit)
{
    char *source = join(en_article, N_EN);
    static const char stitched[] = "Heavy rain flooded 1,300 houses in the eastern district.";
    for (int first = 0; first < 2; first++) {
        buf summary = {0};
        if (first)
            buf_str(&summary, stitched);
        for (size_t i = 0; i < 64; i++) {
            if (summary.len > 0)
                buf_str(&summary, " ");
            buf_str(&summary, en_article[i % 6]);
        }
        if (!first) {
            buf_str(&summary, " ");
            buf_str(&summary, stitched);
        }
        sc_result *r = check_pair(source, summary.data, "en");
        ck_assert_uint_eq(r->summary.n_sentences, 65);
        double v = feature(r, "lexical_one_sentence_min");
        if (first)
            ck_assert_double_eq_tol(v, 6.0 / 9.0, 1e-12);
        else
            ck_assert_double_eq(v, 1.0);
        sc_result_free(r);
        free(summary.data);
    }
    free(source);
}
END_TEST

/* score.c works out what each article spelling is to the summary (its
 * stem, its surface word) at the spelling's first token and reuses it for
 * the others.  Given a spelling of its own for every token, it works token
 * by token, the plain way: every feature must come out the same.  The
 * summaries share words with the article in various ways; the article
 * repeats words, in other cases, and has forms of several surface words
 * ("20-year-old", "1,300", a non-ASCII "cafe-bar" with an accent). */
static const char *const spelling_extra[] = {
    "The 20-year-old chef said the rain, the RAIN and the flood closed the caf\xc3\xa9-bar.",
    "Rain fell; rain fell again, and the river rose 1,300 millimetres in Bekasi.",
    "A 20 year old resident said the city government opened four shelters.",
};
static const char *const spelling_summaries[] = {
    "Heavy rain flooded 1,300 houses in Bekasi on Tuesday night.",
    "The 20-year-old chef said the rain closed the caf\xc3\xa9-bar. The river rose.",
    "Rain fell again and the city government opened four shelters near the river.",
    "The council opened a public kitchen beside the stadium. Rescue teams used boats.",
    "Forecasters expect snow. The mayor resigned. Nobody knows why.",
    "rain rain rain the the the",
};

/* The article of the spelling tests: en_article, then spelling_extra. */
static void spelling_article(buf *source)
{
    for (size_t i = 0; i < N_EN; i++) {
        buf_str(source, en_article[i]);
        buf_str(source, " ");
    }
    for (size_t i = 0; i < sizeof spelling_extra / sizeof spelling_extra[0]; i++) {
        buf_str(source, spelling_extra[i]);
        buf_str(source, " ");
    }
}

START_TEST(test_score_spellings)
{
    buf source = {0};
    spelling_article(&source);
    sc_result *r = check_pair(source.data, spelling_summaries[_i], "en");
    size_t findings[SC_MAX_RULES] = {0};
    double memo[SC_SCORE_N_FEATURES], plain[SC_SCORE_N_FEATURES];
    ck_assert_int_eq(sc_score_features(r, findings, memo), SC_OK);

    sc_analysis *art = &r->article;
    uint32_t *ids = art->form_ids, n_forms = art->n_forms;
    uint64_t *hashes = art->word_hashes;
    ck_assert_uint_lt(n_forms, art->n_tokens); /* some spelling is shared */
    uint32_t *own = malloc(art->n_tokens * sizeof *own);
    uint64_t *own_hashes = malloc((art->n_tokens + 1) * sizeof *own_hashes);
    ck_assert(own != NULL && own_hashes != NULL);
    own_hashes[0] = 0;
    for (size_t k = 0; k < art->n_tokens; k++) {
        own[k] = (uint32_t)k + 1;
        own_hashes[k + 1] = hashes[ids[k]];
    }
    art->form_ids = own;
    art->n_forms = (uint32_t)art->n_tokens;
    art->word_hashes = own_hashes;
    ck_assert_int_eq(sc_score_features(r, findings, plain), SC_OK);
    art->form_ids = ids;
    art->n_forms = n_forms;
    art->word_hashes = hashes;
    free(own);
    free(own_hashes);

    for (size_t i = 0; i < SC_SCORE_N_FEATURES; i++)
        ck_assert_msg(memo[i] == plain[i], "case %d, %s: %.17g by spelling, %.17g by token", _i,
                      sc_score_feature_name(i), memo[i], plain[i]);
    sc_result_free(r);
    free(source.data);
}
END_TEST

/* The n-gram features walked the plain way, against score.c's one walk
 * over the article (which skips the article words the summary lacks, and
 * starts its n-grams afresh after each) and its hashed keys: every n-gram of
 * each summary sentence is looked for in every article sentence, words
 * compared rather than hashed. */

/* A word of a sentence: a token's stem and, for the surface words, a run
 * of letters and digits of its folded form (the texts here cut nowhere
 * else: no punctuation outside ASCII). */
typedef struct walked_word {
    uint32_t stem;
    bool content;
    const char *surface;
    size_t len;
} walked_word;

static bool walked_word_byte(unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The words of sentence s of a, punctuation skipped: by token (surface
 * false) or by surface word.  Returns their count; *out is malloc'd. */
static size_t walked_words(const sc_analysis *a, size_t s, bool surface, walked_word **out)
{
    const sc_sentence *sent = &a->sentences[s];
    size_t cap = 1;
    for (size_t k = sent->tok_begin; k < sent->tok_end; k++)
        cap += a->tokens[k].norm_len + 1;
    walked_word *w = malloc(cap * sizeof *w);
    ck_assert_ptr_nonnull(w);
    size_t n = 0;
    for (size_t k = sent->tok_begin; k < sent->tok_end; k++) {
        const sc_token *t = &a->tokens[k];
        if (t->kind == SC_TOK_PUNCT)
            continue;
        if (!surface) {
            w[n++] = (walked_word){t->stem, sc_token_is_content(t), NULL, 0};
            continue;
        }
        for (size_t i = 0; i < t->norm_len;) {
            size_t start = i;
            while (i < t->norm_len && walked_word_byte((unsigned char)t->norm[i]))
                i++;
            if (i > start)
                w[n++] = (walked_word){0, false, t->norm + start, i - start};
            else
                i++;
        }
    }
    *out = w;
    return n;
}

static bool walked_same(const walked_word *a, const walked_word *b, bool surface)
{
    if (!surface)
        return a->stem == b->stem;
    return a->len == b->len && memcmp(a->surface, b->surface, a->len) == 0;
}

/* Whether some article sentence has the words gram[0..n) adjacent. */
static bool walked_in_article(const sc_analysis *art, const walked_word *gram, size_t n,
                              bool surface)
{
    bool hit = false;
    for (size_t s = 0; s < art->n_sentences && !hit; s++) {
        walked_word *w;
        size_t len = walked_words(art, s, surface, &w);
        for (size_t i = 0; i + n <= len && !hit; i++) {
            hit = true;
            for (size_t j = 0; j < n && hit; j++)
                hit = walked_same(&w[i + j], &gram[j], surface);
        }
        free(w);
    }
    return hit;
}

/* The summary's n-grams of 2 to max_n words found in the article: total[n
 * - 2] and found[n - 2], and the lowest share of one sentence's n-grams of
 * min_n words (1 when no sentence has one).  Stem n-grams need a content
 * word; surface n-grams do not. */
static double walked_ngrams(const sc_result *r, bool surface, size_t max_n, size_t min_n,
                            size_t *total, size_t *found)
{
    double lowest = 1.0;
    for (size_t s = 0; s < r->summary.n_sentences; s++) {
        walked_word *w;
        size_t len = walked_words(&r->summary, s, surface, &w);
        size_t before_total = total[min_n - 2], before_found = found[min_n - 2];
        for (size_t end = 1; end < len; end++)
            for (size_t n = 2; n <= max_n && n <= end + 1; n++) {
                const walked_word *gram = &w[end + 1 - n];
                bool content = surface;
                for (size_t j = 0; j < n; j++)
                    content |= gram[j].content;
                if (!content)
                    continue;
                total[n - 2]++;
                found[n - 2] += walked_in_article(&r->article, gram, n, surface);
            }
        if (total[min_n - 2] > before_total)
            lowest = fmin(lowest, (double)(found[min_n - 2] - before_found) /
                                      (double)(total[min_n - 2] - before_total));
        free(w);
    }
    return lowest;
}

static size_t walked_content_words(const sc_analysis *a)
{
    size_t n = 0;
    for (size_t k = 0; k < a->n_tokens; k++)
        n += sc_token_is_content(&a->tokens[k]);
    return n;
}

/* Each feature of r named names[i] against want[i]. */
static void assert_features(const sc_result *r, const char *const *names, const double *want,
                            size_t n, int case_no)
{
    for (size_t i = 0; i < n; i++)
        ck_assert_msg(feature(r, names[i]) == want[i], "case %d, %s: %.17g, walked %.17g", case_no,
                      names[i], feature(r, names[i]), want[i]);
}

/* Summaries whose words the article has apart (a word of its own between
 * them), in another order, repeated, and copied; the article is
 * en_article and spelling_extra. */
static const char *const walked_summaries[] = {
    "Heavy rain flooded houses in Bekasi. The rain flooded the river.",
    "Rescue teams used boats to evacuate residents to the mosque.",
    "Rain fell again; the river rose in Bekasi, and rain fell.",
    "The mayor asked the council to open a kitchen beside the stadium near the river.",
    "Shelters opened near the river. Schools stay closed. The 20-year-old chef said so.",
    "Forecasters expect storms until the weekend and more storms after it.",
};

START_TEST(test_score_ngrams_walked)
{
    buf source = {0};
    spelling_article(&source);
    sc_result *r = check_pair(source.data, walked_summaries[_i], "en");
    ck_assert_ptr_nonnull(r->features);

    size_t total[3] = {0}, found[3] = {0};
    double trigram_min = walked_ngrams(r, false, 4, 3, total, found);
    double bigram = total[0] > 0 ? (double)found[0] / (double)total[0] : 1.0;
    double trigram = total[1] > 0 ? (double)found[1] / (double)total[1] : bigram;
    double content = (double)walked_content_words(&r->summary);
    const char *const stem_names[] = {"article_bigram", "article_trigram", "article_trigram_min",
                                      "article_fourgram", "length_ratio"};
    const double stem_want[] = {
        bigram, trigram, total[1] > 0 ? trigram_min : bigram,
        total[2] > 0 ? (double)found[2] / (double)total[2] : trigram,
        log((content + 1.0) / ((double)walked_content_words(&r->article) + 1.0))};
    assert_features(r, stem_names, stem_want, 5, _i);

    size_t lex_total[2] = {0}, lex_found[2] = {0};
    double bigram_min = walked_ngrams(r, true, 3, 2, lex_total, lex_found);
    double lex_bigram = lex_total[0] > 0 ? (double)lex_found[0] / (double)lex_total[0] : 1.0;
    const char *const lex_names[] = {"lexical_bigram", "lexical_bigram_min", "lexical_trigram",
                                     "lexical_trigram_missing"};
    const double lex_want[] = {lex_bigram, bigram_min,
                               lex_total[1] > 0 ? (double)lex_found[1] / (double)lex_total[1]
                                                : lex_bigram,
                               log1p((double)(lex_total[1] - lex_found[1]))};
    assert_features(r, lex_names, lex_want, 4, _i);
    sc_result_free(r);
    free(source.data);
}
END_TEST

/* The project's own fixture pages: each copied summary scores above every
 * summary of the same language with a planted error. */
static double fixture_consistency(const char *name)
{
    const char *dir = getenv("SC_SOURCE_DIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/fixtures/%s/page.txt", dir != NULL ? dir : ".", name);
    size_t len;
    char *page = sc_test_read_file(path, &len);
    ck_assert_msg(page != NULL, "cannot read %s (set SC_SOURCE_DIR to the project root)", path);
    sc_result *r = sc_check(page, len, name, NULL, NULL);
    ck_assert_msg(r != NULL, "%s not checked", path);
    double c = sc_result_consistency(r);
    ck_assert_msg(c >= 0.0 && c <= 1.0, "%s: consistency %f", name, c);
    sc_result_free(r);
    free(page);
    return c;
}

START_TEST(test_score_fixtures)
{
    static const struct {
        const char *copied;
        const char *planted[4];
    } cases[] = {
        {"en-copied-summary-supported", {"en-invented-name", "en-invented-clause", "en-misquote"}},
        {"id-copied-summary-supported",
         {"id-invented-sentence", "id-negation-flipped", "id-number-changed",
          "id-summary-date-changed"}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double copied = fixture_consistency(cases[i].copied);
        ck_assert_msg(copied > 0.5, "%s: %f", cases[i].copied, copied);
        for (size_t k = 0; k < 4 && cases[i].planted[k] != NULL; k++) {
            double planted = fixture_consistency(cases[i].planted[k]);
            ck_assert_msg(planted < copied, "%s %f not below %s %f", cases[i].planted[k], planted,
                          cases[i].copied, copied);
        }
    }
}
END_TEST

static Suite *align_suite(void)
{
    Suite *s = suite_create("align");
    TCase *tc;

    tc = tcase_create("copied");
    tcase_add_loop_test(tc, test_copied_id, 0, (int)N_ID);
    tcase_add_loop_test(tc, test_copied_en, 0, (int)N_EN);
    tcase_add_test(tc, test_near_duplicates);
    suite_add_tcase(s, tc);

    tc = tcase_create("merged");
    tcase_add_loop_test(tc, test_merged, 0, (int)(sizeof merge_cases / sizeof merge_cases[0]));
    suite_add_tcase(s, tc);

    tc = tcase_create("invented");
    tcase_add_loop_test(tc, test_invented, 0,
                        (int)(sizeof invented_cases / sizeof invented_cases[0]));
    tcase_add_test(tc, test_several_sentences);
    suite_add_tcase(s, tc);

    tc = tcase_create("bigrams");
    tcase_add_loop_test(tc, test_bigram_span_set, 0,
                        (int)(sizeof span_lengths / sizeof span_lengths[0]));
    tcase_add_loop_test(tc, test_bigram_summary_set, 0,
                        (int)(sizeof summary_lengths / sizeof summary_lengths[0]));
    suite_add_tcase(s, tc);

    tc = tcase_create("relations");
    tcase_add_loop_test(tc, test_relations_walked, 0,
                        (int)(sizeof relation_cases / sizeof relation_cases[0]));
    tcase_add_loop_test(tc, test_relations_span_words, 0,
                        (int)(sizeof span_lengths / sizeof span_lengths[0]));
    suite_add_tcase(s, tc);

    tc = tcase_create("numbers");
    tcase_add_loop_test(tc, test_article_numbers, 0,
                        (int)(sizeof number_articles / sizeof number_articles[0]));
    suite_add_tcase(s, tc);

    tc = tcase_create("determinism");
    tcase_add_test(tc, test_deterministic);
    suite_add_tcase(s, tc);

    tc = tcase_create("score");
    tcase_add_test(tc, test_score_weights);
    tcase_add_test(tc, test_score_used);
    tcase_add_loop_test(tc, test_score_one_sentence, 0,
                        (int)(sizeof one_sentence_cases / sizeof one_sentence_cases[0]));
    tcase_add_test(tc, test_score_one_sentence_limit);
    tcase_add_loop_test(tc, test_score_spellings, 0,
                        (int)(sizeof spelling_summaries / sizeof spelling_summaries[0]));
    tcase_add_loop_test(tc, test_score_ngrams_walked, 0,
                        (int)(sizeof walked_summaries / sizeof walked_summaries[0]));
    tcase_add_test(tc, test_score_fixtures);
    suite_add_tcase(s, tc);

    tc = tcase_create("long");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_long_article);
    suite_add_tcase(s, tc);
    return s;
}

SC_TEST_MAIN(align_suite)
