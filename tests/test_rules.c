/* Tests for the rules: for each, invented cases where it fires (its id,
 * severity, the exact text under its span and its key evidence) and cases
 * where it must stay quiet.  Pairs go through sc_check as JSON; page cases
 * as scraped text. */
#include "harness.h"
#include "findings.h"
#include "check/check.h"
#include "check/thresholds.h"
#include "core/doc.h"
#include "text/text.h"
#include "sumcheck.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Invented articles ------------------------------------------------------ */

#define SRC_EN                                                                                     \
    "Russia sent a written proposal on security guarantees to the United States on "               \
    "Wednesday, the Kremlin said. Moscow wants NATO to halt its expansion to the east. A "         \
    "senior American diplomat discussed the proposal with Russian officials in Moscow. The "       \
    "talks could begin in Geneva next month."
#define SRC_EN_POSSESSIVE                                                                          \
    "Russia's written proposal on security guarantees reached the United States on "               \
    "Wednesday. The talks could begin in Geneva next month."
#define SRC_ID                                                                                     \
    "Rusia mengirim usulan tertulis tentang jaminan keamanan kepada Amerika Serikat pada "         \
    "hari Rabu, kata Kremlin. Moskow ingin aliansi militer Barat berhenti memperluas "             \
    "wilayahnya ke arah timur. Seorang diplomat senior Amerika membahas usulan itu dengan "        \
    "pejabat Rusia di Moskow. Perundingan bisa dimulai di Jenewa bulan depan."
#define SRC_ID_FLOOD                                                                               \
    "Banjir merendam 1.300 rumah di Kota Bekasi setelah hujan deras semalaman. Petugas "           \
    "membuka empat tempat pengungsian di dekat sungai. Harga beras naik 2,5 persen pekan "         \
    "ini. Pemerintah menyiapkan bantuan senilai Rp 1.300.000 untuk setiap keluarga."
#define SRC_EN_FLOOD                                                                               \
    "Heavy rain flooded 1,300 houses in Bekasi on Tuesday night. Officials opened four "           \
    "shelters near the river. Rice prices rose 2.5 percent this week. The government "             \
    "prepared aid worth 1,300,000 rupiah for each family."

#define SRC_EN_SCHOOLS                                                                             \
    "Floods closed 12 schools in the eastern district on Monday. About 40 volunteers "             \
    "cleaned the streets of mud. The talks could begin in Geneva next month."
/* Numbers inside hyphenated words: "three-year" states 3, "10-feet-tall"
 * 10, "five-day" 5. */
#define SRC_EN_HYPHENS                                                                             \
    "The city began a three-year plan to repair the old bridge on Monday. Workers built "          \
    "10-feet-tall walls along the river. Officials expect a five-day festival in the square."

/* Digit groups written apart, as word-tokenised text has them. */
#define SRC_EN_SPACED                                                                              \
    "The city counted 800, 000 visitors during the festival. The average stay was 2 . 5 days, "    \
    "officials said."
#define SRC_ID_SCHOOLS                                                                             \
    "Banjir menutup 12 sekolah di kecamatan timur pada hari Senin. Sekitar 40 relawan "            \
    "membersihkan lumpur di jalan. Perundingan bisa dimulai di Jenewa bulan depan."

/* ---- Helpers ------------------------------------------------------------------ */

static char *pair_json(const char *language, const char *source, const char *summary)
{
    size_t cap = strlen(source) + strlen(summary) + 128;
    char *json = malloc(cap);
    ck_assert_ptr_nonnull(json);
    /* The texts here hold no quotes or backslashes. */
    if (language != NULL)
        snprintf(json, cap, "{\"language\": \"%s\", \"source\": \"%s\", \"summary\": \"%s\"}",
                 language, source, summary);
    else
        snprintf(json, cap, "{\"source\": \"%s\", \"summary\": \"%s\"}", source, summary);
    return json;
}

static sc_result *check_input(const char *input, size_t len, sc_input_format format)
{
    sc_options options;
    sc_error error;
    sc_options_init(&options);
    options.input_format = format;
    sc_result *r = sc_check(input, len, "rules", &options, &error);
    ck_assert_msg(r != NULL, "sc_check: %s at %s (byte %zu)", error.message, error.path,
                  error.byte);
    return r;
}

static sc_result *check_pair(const char *language, const char *source, const char *summary)
{
    char *json = pair_json(language, source, summary);
    sc_result *r = check_input(json, strlen(json), SC_INPUT_JSON);
    free(json);
    return r;
}

static const sc_evidence *evidence(const sc_finding *f, const char *key)
{
    for (const sc_evidence *e = f->evidence; e != NULL; e = e->next)
        if (strcmp(e->key, key) == 0)
            return e;
    return NULL;
}

typedef enum ev_check {
    EV_NONE,
    EV_STRING,     /* string equal to text */
    EV_NUMBER,     /* number equal to number */
    EV_BELOW,      /* number below number */
    EV_HAS_STRING, /* a list of strings holding text */
    EV_HAS_NUMBER, /* a list of numbers holding number */
} ev_check;

typedef struct ev_want {
    ev_check check;
    const char *key;
    const char *text;
    double number;
} ev_want;

static void assert_evidence(const sc_finding *f, const ev_want *w, const char *name)
{
    if (w->check == EV_NONE)
        return;
    const sc_evidence *e = evidence(f, w->key);
    ck_assert_msg(e != NULL, "%s: no evidence \"%s\"", name, w->key);
    switch (w->check) {
    case EV_STRING:
        ck_assert_int_eq(e->type, SC_EV_STRING);
        ck_assert_msg(strcmp(e->string, w->text) == 0, "%s: %s = \"%s\", want \"%s\"", name, w->key,
                      e->string, w->text);
        break;
    case EV_NUMBER:
        ck_assert_msg(e->type == SC_EV_NUMBER && fabs(e->number - w->number) < 1e-9,
                      "%s: %s = %g, want %g", name, w->key, e->number, w->number);
        break;
    case EV_BELOW:
        ck_assert_msg(e->type == SC_EV_NUMBER && e->number < w->number, "%s: %s = %g, want < %g",
                      name, w->key, e->number, w->number);
        break;
    case EV_HAS_STRING: {
        bool found = false;
        ck_assert_int_eq(e->type, SC_EV_STRINGS);
        for (size_t i = 0; i < e->n_items && !found; i++)
            found = strcmp(e->strings[i], w->text) == 0;
        ck_assert_msg(found, "%s: \"%s\" not in %s", name, w->text, w->key);
        break;
    }
    case EV_HAS_NUMBER: {
        bool found = false;
        ck_assert_int_eq(e->type, SC_EV_NUMBERS);
        for (size_t i = 0; i < e->n_items && !found; i++)
            found = fabs(e->numbers[i] - w->number) < 1e-9;
        ck_assert_msg(found, "%s: %g not in %s", name, w->number, w->key);
        break;
    }
    case EV_NONE:
        break;
    }
}

/* ---- Pair cases where a rule fires ---------------------------------------------- */

typedef struct fire_case {
    const char *name;
    const char *language; /* the pair's hint, or NULL to detect */
    const char *source;
    const char *summary;
    const char *rule;
    sc_severity severity;
    const char *span; /* exact text under the summary span */
    bool quoted;      /* the message quotes that text */
    ev_want evidence[3];
} fire_case;

static const fire_case fire_cases[] = {
    /* number-mismatch: a hyphenated word's number is read, and differs. */
    {"en: 4 years where the source writes three-year",
     "en",
     SRC_EN_HYPHENS,
     "The city began a plan of 4 years to repair the old bridge on Monday.",
     "number-mismatch",
     SC_SEVERITY_ERROR,
     "4",
     true,
     {{EV_NUMBER, "value", NULL, 4}}},
    /* unsupported-entity */
    {"en: Joe Biden absent",
     "en",
     SRC_EN,
     "Joe Biden welcomed the written proposal on security guarantees that Russia sent on "
     "Wednesday.",
     "unsupported-entity",
     SC_SEVERITY_ERROR,
     "Joe Biden",
     true,
     {{EV_STRING, "name", "Joe Biden", 0},
      {EV_HAS_STRING, "missing_words", "Joe", 0},
      {EV_HAS_STRING, "missing_words", "Biden", 0}}},
    {"id: Joe Biden absent",
     "id",
     SRC_ID,
     "Rusia mengirim usulan tertulis tentang jaminan keamanan kepada Joe Biden pada hari Rabu.",
     "unsupported-entity",
     SC_SEVERITY_ERROR,
     "Joe Biden",
     true,
     {{EV_STRING, "name", "Joe Biden", 0}, {EV_HAS_STRING, "missing_words", "Biden", 0}}},
    {"id: Joe Biden absent, language detected",
     NULL,
     SRC_ID,
     "Rusia mengirim usulan tertulis tentang jaminan keamanan kepada Joe Biden pada hari Rabu.",
     "unsupported-entity",
     SC_SEVERITY_ERROR,
     "Joe Biden",
     true,
     {{EV_STRING, "name", "Joe Biden", 0}}},
    {"id: NATO absent, opening the sentence",
     "id",
     SRC_ID,
     "NATO setuju membahas usulan tertulis Rusia tentang jaminan keamanan.",
     "unsupported-entity",
     SC_SEVERITY_ERROR,
     "NATO",
     true,
     {{EV_STRING, "name", "NATO", 0}, {EV_HAS_STRING, "missing_words", "NATO", 0}}},
    {"en: a place the article never names",
     "en",
     SRC_EN,
     "The talks could begin in Vienna next month.",
     "unsupported-entity",
     SC_SEVERITY_ERROR,
     "Vienna",
     true,
     {{EV_STRING, "name", "Vienna", 0}}},

    /* number-mismatch */
    {"id: 1.500 for 1.300",
     "id",
     SRC_ID_FLOOD,
     "Banjir merendam 1.500 rumah di Kota Bekasi.",
     "number-mismatch",
     SC_SEVERITY_ERROR,
     "1.500",
     true,
     {{EV_STRING, "number", "1.500", 0},
      {EV_NUMBER, "value", NULL, 1500},
      {EV_HAS_NUMBER, "source_numbers", NULL, 1300}}},
    {"en: 1,800 for 1,300",
     "en",
     SRC_EN_FLOOD,
     "Heavy rain flooded 1,800 houses in Bekasi.",
     "number-mismatch",
     SC_SEVERITY_ERROR,
     "1,800",
     true,
     {{EV_STRING, "number", "1,800", 0},
      {EV_NUMBER, "value", NULL, 1800},
      {EV_HAS_NUMBER, "source_numbers", NULL, 1300}}},
    {"id: decimal comma 3,5 for 2,5",
     "id",
     SRC_ID_FLOOD,
     "Harga beras naik 3,5 persen pekan ini.",
     "number-mismatch",
     SC_SEVERITY_ERROR,
     "3,5",
     true,
     {{EV_NUMBER, "value", NULL, 3.5}, {EV_HAS_NUMBER, "source_numbers", NULL, 2.5}}},
    {"en: decimal point 3.5 for 2.5",
     "en",
     SRC_EN_FLOOD,
     "Rice prices rose 3.5 percent this week.",
     "number-mismatch",
     SC_SEVERITY_ERROR,
     "3.5",
     true,
     {{EV_NUMBER, "value", NULL, 3.5}, {EV_HAS_NUMBER, "source_numbers", NULL, 2.5}}},
    {"id: the wrong count of shelters",
     "id",
     SRC_ID_FLOOD,
     "Petugas membuka 7 tempat pengungsian di dekat sungai.",
     "number-mismatch",
     SC_SEVERITY_ERROR,
     "7",
     true,
     {{EV_NUMBER, "value", NULL, 7}}},

    /* DESIGN.md: the number differs from the aligned source.  A number
     * the article uses elsewhere (40 volunteers) does not make "40
     * schools" right. */
    {"en: 40 schools where the aligned source says 12",
     "en",
     SRC_EN_SCHOOLS,
     "Floods closed 40 schools in the eastern district on Monday.",
     "number-mismatch",
     SC_SEVERITY_ERROR,
     "40",
     true,
     {{EV_NUMBER, "value", NULL, 40}, {EV_HAS_NUMBER, "source_numbers", NULL, 12}}},
    /* The same digits in other groups are another number. */
    {"en: 80,000 where the source writes 800, 000",
     "en",
     SRC_EN_SPACED,
     "The city counted 80,000 visitors during the festival.",
     "number-mismatch",
     SC_SEVERITY_ERROR,
     "80,000",
     true,
     {{EV_NUMBER, "value", NULL, 80000}}},
    /* A list "1, 5 and 9" is not the numeral "1.5" written apart. */
    {"en: 1.5 where the source lists 1, 5 and 9",
     "en",
     SRC_EN_SPACED,
     "Hotels were full for 1.5 nights, officials said.",
     "number-mismatch",
     SC_SEVERITY_ERROR,
     "1.5",
     true,
     {{EV_NUMBER, "value", NULL, 1.5}}},
    {"id: 40 sekolah where the aligned source says 12",
     "id",
     SRC_ID_SCHOOLS,
     "Banjir menutup 40 sekolah di kecamatan timur pada hari Senin.",
     "number-mismatch",
     SC_SEVERITY_ERROR,
     "40",
     true,
     {{EV_NUMBER, "value", NULL, 40}, {EV_HAS_NUMBER, "source_numbers", NULL, 12}}},

    /* unsupported-claim */
    {"en: an invented sentence",
     "en",
     SRC_EN_FLOOD,
     "A famous chef donated frozen pizzas to hungry volunteers at the stadium.",
     "unsupported-claim",
     SC_SEVERITY_ERROR,
     "A famous chef donated frozen pizzas to hungry volunteers at the stadium.",
     false,
     {{EV_BELOW, "support", NULL, SC_CLAIM_MIN_SUPPORT},
      {EV_HAS_STRING, "unsupported_words", "chef", 0},
      {EV_NUMBER, "threshold", NULL, SC_CLAIM_MIN_SUPPORT}}},
    {"id: an invented sentence",
     "id",
     SRC_ID_FLOOD,
     "Presiden meresmikan bandara internasional baru di Kalimantan Utara.",
     "unsupported-claim",
     SC_SEVERITY_ERROR,
     "Presiden meresmikan bandara internasional baru di Kalimantan Utara.",
     false,
     {{EV_BELOW, "support", NULL, SC_CLAIM_MIN_SUPPORT},
      {EV_HAS_STRING, "unsupported_words", "bandara", 0}}},
    {"id: the second of two sentences is invented",
     "id",
     SRC_ID_FLOOD,
     "Banjir merendam 1.300 rumah di Kota Bekasi. Presiden meresmikan bandara internasional di "
     "Kalimantan Utara.",
     "unsupported-claim",
     SC_SEVERITY_ERROR,
     "Presiden meresmikan bandara internasional di Kalimantan Utara.",
     false,
     {{EV_HAS_STRING, "unsupported_words", "meresmikan", 0}}},

    /* missing-summary */
    {"empty summary",
     "id",
     SRC_ID_FLOOD,
     "",
     "missing-summary",
     SC_SEVERITY_WARNING,
     "",
     false,
     {{EV_NONE, NULL, NULL, 0}}},
    {"blank summary",
     "en",
     SRC_EN_FLOOD,
     "   ",
     "missing-summary",
     SC_SEVERITY_WARNING,
     "   ",
     false,
     {{EV_NONE, NULL, NULL, 0}}},
};

START_TEST(test_fires)
{
    const fire_case *c = &fire_cases[_i];
    sc_result *r = check_pair(c->language, c->source, c->summary);
    char got[2048];
    sc_test_list_findings(r, got, sizeof got);

    const sc_finding *f = sc_test_find(r, c->rule, c->span);
    ck_assert_msg(f != NULL, "%s: no %s at \"%s\"; findings:%s", c->name, c->rule, c->span, got);
    ck_assert_msg(sc_test_count_rule(r, c->rule) == 1, "%s: %zu %s findings:%s", c->name,
                  sc_test_count_rule(r, c->rule), c->rule, got);
    ck_assert_int_eq(f->severity, c->severity);
    ck_assert(f->summary_span.present);
    ck_assert_int_eq(f->summary_span.field, SC_FIELD_SUMMARY);
    ck_assert_ptr_nonnull(f->message);
    if (c->quoted)
        ck_assert_msg(strstr(f->message, c->span) != NULL, "%s: message \"%s\"", c->name,
                      f->message);
    /* The source span, when there is one, lies in the article. */
    if (f->source_span.present) {
        ck_assert_int_eq(f->source_span.field, SC_FIELD_SOURCE);
        ck_assert_uint_le(f->source_span.end, r->page.field_len[SC_FIELD_SOURCE]);
    }
    for (size_t k = 0; k < 3; k++)
        assert_evidence(f, &c->evidence[k], c->name);
    ck_assert_uint_ge(sc_result_count_at_least(r, c->severity), 1);
    sc_result_free(r);
}
END_TEST

/* ---- Pair cases where a rule stays quiet --------------------------------------------- */

typedef struct quiet_case {
    const char *name;
    const char *language;
    const char *source;
    const char *summary;
    const char *rule;
} quiet_case;

static const quiet_case quiet_cases[] = {
    /* number-mismatch: a number stated inside a hyphenated word. */
    {"en: 3 years where the source writes three-year", "en", SRC_EN_HYPHENS,
     "The city began a plan of 3 years to repair the old bridge on Monday.", "number-mismatch"},
    {"en: 10 feet where the source writes 10-feet-tall", "en", SRC_EN_HYPHENS,
     "Workers built walls 10 feet tall along the river.", "number-mismatch"},
    {"en: 5 days where the source writes five-day", "en", SRC_EN_HYPHENS,
     "Officials expect a festival of 5 days in the square.", "number-mismatch"},
    /* number-mismatch: "800,000" is "800, 000" with its groups apart. */
    {"en: 800,000 where the source writes 800, 000", "en", SRC_EN_SPACED,
     "The city counted 800,000 visitors during the festival.", "number-mismatch"},
    /* unsupported-entity */
    {"en: possessive Russia's, article says Russia", "en", SRC_EN,
     "Russia's written proposal on security guarantees reached the United States on Wednesday.",
     "unsupported-entity"},
    {"en: curly possessive Russia’s", "en", SRC_EN,
     "Russia’s written proposal on security guarantees reached the United States on Wednesday.",
     "unsupported-entity"},
    {"en: article has the possessive, summary the bare name", "en", SRC_EN_POSSESSIVE,
     "Russia sent a written proposal on security guarantees to the United States.",
     "unsupported-entity"},
    {"id: every name is in the article", "id", SRC_ID,
     "Diplomat Amerika membahas usulan Rusia di Moskow, dan perundingan bisa dimulai di Jenewa.",
     "unsupported-entity"},
    {"id: a capitalised sentence opener is not a name", "id", SRC_ID_FLOOD,
     "Banjir merendam 1.300 rumah di Kota Bekasi.", "unsupported-entity"},
    {"en: names in another sentence of the article", "en", SRC_EN,
     "The Kremlin expects talks in Geneva.", "unsupported-entity"},
    /* Capitalised only because they open the sentence: discourse words,
     * not names. */
    {"en: However, opening a sentence", "en", SRC_EN_SCHOOLS,
     "However, the talks could begin in Geneva next month.", "unsupported-entity"},
    {"en: Additionally, opening a sentence", "en", SRC_EN_SCHOOLS,
     "Additionally, about 40 volunteers cleaned the streets of mud.", "unsupported-entity"},
    {"id: Sebelumnya, opening a sentence", "id", SRC_ID_SCHOOLS,
     "Sebelumnya, sekitar 40 relawan membersihkan lumpur di jalan.", "unsupported-entity"},

    /* number-mismatch */
    {"id: 1.300 and 1.300", "id", SRC_ID_FLOOD, "Banjir merendam 1.300 rumah di Kota Bekasi.",
     "number-mismatch"},
    {"id: 1.300 and 1.300, language detected", NULL, SRC_ID_FLOOD,
     "Banjir merendam 1.300 rumah di Kota Bekasi.", "number-mismatch"},
    {"en: 1,300 and 1,300", "en", SRC_EN_FLOOD, "Heavy rain flooded 1,300 houses in Bekasi.",
     "number-mismatch"},
    {"en: 1,300 and 1,300, language detected", NULL, SRC_EN_FLOOD,
     "Heavy rain flooded 1,300 houses in Bekasi.", "number-mismatch"},
    {"id: 1300 written without a group mark", "id", SRC_ID_FLOOD,
     "Banjir merendam 1300 rumah di Kota Bekasi.", "number-mismatch"},
    {"en: 1300 written without a group mark", "en", SRC_EN_FLOOD,
     "Heavy rain flooded 1300 houses in Bekasi.", "number-mismatch"},
    {"id: decimal comma 2,5", "id", SRC_ID_FLOOD, "Harga beras naik 2,5 persen pekan ini.",
     "number-mismatch"},
    {"en: decimal point 2.5", "en", SRC_EN_FLOOD, "Rice prices rose 2.5 percent this week.",
     "number-mismatch"},
    {"id: Rp 1.300.000", "id", SRC_ID_FLOOD,
     "Pemerintah menyiapkan bantuan Rp 1.300.000 untuk setiap keluarga.", "number-mismatch"},
    {"en: 1,300,000 rupiah", "en", SRC_EN_FLOOD,
     "The government prepared aid worth 1,300,000 rupiah for each family.", "number-mismatch"},
    /* The same amount with a scale word: values compare, not spellings. */
    {"id: Rp 1,3 juta for Rp 1.300.000", "id", SRC_ID_FLOOD,
     "Pemerintah menyiapkan bantuan Rp 1,3 juta untuk setiap keluarga.", "number-mismatch"},
    {"en: 1.3 million rupiah for 1,300,000 rupiah", "en", SRC_EN_FLOOD,
     "The government prepared aid worth 1.3 million rupiah for each family.", "number-mismatch"},

    /* unsupported-claim */
    {"id: a copied sentence", "id", SRC_ID_FLOOD,
     "Petugas membuka empat tempat pengungsian di dekat sungai.", "unsupported-claim"},
    {"en: a copied sentence", "en", SRC_EN, "Moscow wants NATO to halt its expansion to the east.",
     "unsupported-claim"},
    {"en: two sentences merged", "en", SRC_EN_FLOOD,
     "Heavy rain flooded 1,300 houses in Bekasi, and officials opened four shelters near the "
     "river.",
     "unsupported-claim"},

    /* missing-summary */
    {"id: a summary is there", "id", SRC_ID_FLOOD, "Banjir merendam 1.300 rumah.",
     "missing-summary"},
    /* extraneous-content never fires on a pair: it has no page around it */
    {"en: a pair has no page", "en", SRC_EN_FLOOD, "Rice prices rose 2.5 percent this week.",
     "extraneous-content"},
};

START_TEST(test_quiet)
{
    const quiet_case *c = &quiet_cases[_i];
    sc_result *r = check_pair(c->language, c->source, c->summary);
    char got[2048];
    sc_test_list_findings(r, got, sizeof got);
    ck_assert_msg(sc_test_count_rule(r, c->rule) == 0, "%s: %s fired:%s", c->name, c->rule, got);
    sc_result_free(r);
}
END_TEST

/* The message states the source's number as a reader writes it, never in
 * exponent notation ("1.3e+06"). */
START_TEST(test_number_message_readable)
{
    sc_result *r = check_pair(
        "en", SRC_EN_FLOOD, "The government prepared aid worth 1,800,000 rupiah for each family.");
    const sc_finding *f = sc_test_find(r, "number-mismatch", "1,800,000");
    ck_assert_ptr_nonnull(f);
    ck_assert_msg(strstr(f->message, "e+") == NULL, "message: %s", f->message);
    ck_assert_msg(strstr(f->message, "1,300,000") != NULL || strstr(f->message, "1300000") != NULL,
                  "message: %s", f->message);
    sc_result_free(r);
}
END_TEST

/* Copied summaries in both languages raise nothing at all. */
START_TEST(test_clean_pairs)
{
    static const struct {
        const char *language, *source, *summary;
    } cases[] = {
        {"id", SRC_ID,
         "Rusia mengirim usulan tertulis tentang jaminan keamanan kepada Amerika "
         "Serikat pada hari Rabu, kata Kremlin."},
        {"en", SRC_EN_FLOOD,
         "Heavy rain flooded 1,300 houses in Bekasi on Tuesday night. Rice "
         "prices rose 2.5 percent this week."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sc_result *r = check_pair(cases[i].language, cases[i].source, cases[i].summary);
        char got[2048];
        sc_test_list_findings(r, got, sizeof got);
        ck_assert_msg(sc_result_finding_count(r) == 0, "case %zu:%s", i, got);
        ck_assert_double_gt(sc_result_consistency(r), 0.5);
        sc_result_free(r);
    }
}
END_TEST

/* ---- Page cases: missing-summary and extraneous-content ------------------------------ */

#define P_TITLE "Banjir merendam ratusan rumah di Bekasi"
#define P_DISCLAIMER                                                                               \
    "Ini adalah ringkasan yang dibuat oleh AI, yang mungkin memiliki kesalahan. Untuk "            \
    "konteksnya, selalu rujuk artikel selengkapnya."
#define P_SUMMARY "Banjir merendam 1.300 rumah di Kota Bekasi setelah hujan deras semalaman."
#define P_BODY                                                                                     \
    "JAKARTA, Indonesia – Banjir merendam 1.300 rumah di Kota Bekasi setelah hujan deras "       \
    "semalaman, kata Badan Penanggulangan Bencana Daerah pada hari Selasa.\n\n"                    \
    "Petugas membuka empat tempat pengungsian di dekat sungai.\n\n"                                \
    "Wali kota meminta warga tetap waspada hingga akhir pekan."
#define P_CREDIT "– Rappler.com"
#define P_JUNK "Daftar Togel Online Terpercaya"
#define P_JUNK2 "Klik di sini untuk hadiah"
#define EN_P_DISCLAIMER                                                                            \
    "This is AI generated summarization, which may have errors. For context, always refer "        \
    "to the full article."
#define EN_P_BODY                                                                                  \
    "MANILA, Philippines – Volunteers planted 5,000 mangrove seedlings along the coast of "      \
    "Manila Bay on Saturday, the environment department said.\n\n"                                 \
    "Organizers plan a second planting drive in June."

static sc_result *check_page(const char *page)
{
    return check_input(page, strlen(page), SC_INPUT_TEXT);
}

static void assert_page_finding(const sc_result *r, const char *page, const char *rule,
                                sc_severity severity, const char *text)
{
    char got[2048];
    sc_test_list_findings(r, got, sizeof got);
    const sc_finding *f = sc_test_find(r, rule, text);
    ck_assert_msg(f != NULL, "no %s at \"%s\"; findings:%s", rule, text, got);
    ck_assert_int_eq(f->severity, severity);
    /* Page findings point into the page, at the one place the text is. */
    const sc_span *span = f->summary_span.present ? &f->summary_span : &f->source_span;
    ck_assert_int_eq(span->field, SC_FIELD_PAGE);
    ck_assert_uint_eq(span->start, (size_t)(strstr(page, text) - page));
}

START_TEST(test_page_missing_summary)
{
    /* A disclaimer straight before the article: nothing it could announce. */
    static const char *const pages[] = {
        P_TITLE "\n\n" P_TITLE "\n\n" P_DISCLAIMER "\n\n" P_BODY " " P_CREDIT "\n",
        "• March 3, 2023\nVolunteers plant mangroves\n\n" EN_P_DISCLAIMER "\n\n" EN_P_BODY
        " " P_CREDIT "\n",
    };
    static const char *const disclaimers[] = {P_DISCLAIMER, EN_P_DISCLAIMER};
    for (size_t i = 0; i < 2; i++) {
        sc_result *r = check_page(pages[i]);
        ck_assert(r->page.has_disclaimer);
        ck_assert(!r->page.has_summary);
        assert_page_finding(r, pages[i], "missing-summary", SC_SEVERITY_WARNING, disclaimers[i]);
        ck_assert_uint_eq(sc_test_count_rule(r, "missing-summary"), 1);
        /* Nothing else to say: no summary, so no claim to check. */
        ck_assert_uint_eq(sc_test_count_rule(r, "unsupported-claim"), 0);
        ck_assert_double_lt(sc_result_consistency(r), 0.0);
        sc_result_free(r);
    }
}
END_TEST

START_TEST(test_page_no_disclaimer_quiet)
{
    static const char page[] = P_TITLE "\n\n" P_BODY " " P_CREDIT "\n";
    sc_result *r = check_page(page);
    ck_assert_uint_eq(sc_result_finding_count(r), 0);
    ck_assert_double_lt(sc_result_consistency(r), 0.0);
    sc_result_free(r);
}
END_TEST

START_TEST(test_page_summary_quiet)
{
    static const char page[] = "• November 24, 2024\n" P_TITLE "\n\n" P_TITLE "\n\n" P_DISCLAIMER
                               "\n\n" P_SUMMARY "\n\n" P_BODY " " P_CREDIT "\n";
    sc_result *r = check_page(page);
    char got[2048];
    sc_test_list_findings(r, got, sizeof got);
    ck_assert(r->page.has_summary);
    ck_assert_msg(sc_result_finding_count(r) == 0, "findings:%s", got);
    ck_assert_double_gt(sc_result_consistency(r), 0.5);
    sc_result_free(r);
}
END_TEST

START_TEST(test_page_extraneous)
{
    static const char page[] =
        "• November 24, 2024\n" P_TITLE "\n\n" P_TITLE "\n\n" P_DISCLAIMER "\n\n" P_SUMMARY
        "\n\n" P_BODY " " P_CREDIT "\n\n" P_JUNK "\n\n" P_JUNK2 "\n";
    sc_result *r = check_page(page);
    ck_assert_uint_eq(sc_test_count_rule(r, "extraneous-content"), 2);
    assert_page_finding(r, page, "extraneous-content", SC_SEVERITY_WARNING, P_JUNK);
    assert_page_finding(r, page, "extraneous-content", SC_SEVERITY_WARNING, P_JUNK2);
    const sc_finding *f = sc_test_find(r, "extraneous-content", P_JUNK);
    ck_assert(!f->summary_span.present);
    ck_assert(f->source_span.present);
    ck_assert_ptr_nonnull(strstr(f->message, P_JUNK));
    ev_want text = {EV_STRING, "text", P_JUNK, 0};
    ev_want where = {EV_STRING, "where", "after the credit line", 0};
    assert_evidence(f, &text, "extraneous");
    assert_evidence(f, &where, "extraneous");
    /* The junk is not part of the article the summary is checked against. */
    size_t junk_at = (size_t)(strstr(page, P_JUNK) - page);
    ck_assert_uint_le(r->page.article.base + r->page.article.len, junk_at);
    /* Only warnings: the default gate (error) passes. */
    ck_assert_uint_eq(sc_result_count_at_least(r, SC_SEVERITY_ERROR), 0);
    ck_assert_uint_eq(sc_result_count_at_least(r, SC_SEVERITY_WARNING), 2);
    sc_result_free(r);
}
END_TEST

START_TEST(test_page_summary_findings_in_page)
{
    /* Summary findings on a page point into the page, at the summary. */
    static const char page[] = P_TITLE
        "\n\n" P_DISCLAIMER "\n\n"
        "Banjir merendam 1.500 rumah di Kota Bekasi, kata Joe Biden.\n\n" P_BODY " " P_CREDIT "\n";
    sc_result *r = check_page(page);
    assert_page_finding(r, page, "number-mismatch", SC_SEVERITY_ERROR, "1.500");
    assert_page_finding(r, page, "unsupported-entity", SC_SEVERITY_ERROR, "Joe Biden");
    sc_result_free(r);
}
END_TEST

/* Every rule is registered once, with the id and severity DESIGN.md gives. */
START_TEST(test_rule_table)
{
    static const struct {
        const char *id;
        sc_severity severity;
    } want[] = {
        {"missing-summary", SC_SEVERITY_WARNING},    {"unsupported-claim", SC_SEVERITY_ERROR},
        {"unsupported-entity", SC_SEVERITY_ERROR},   {"number-mismatch", SC_SEVERITY_ERROR},
        {"extraneous-content", SC_SEVERITY_WARNING},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        size_t seen = 0;
        for (size_t k = 0; k < sc_rule_count; k++)
            if (strcmp(sc_rules[k]->id, want[i].id) == 0) {
                seen++;
                ck_assert_int_eq(sc_rules[k]->severity, want[i].severity);
                ck_assert_ptr_nonnull(sc_rules[k]->summary);
            }
        ck_assert_msg(seen == 1, "%s registered %zu times", want[i].id, seen);
    }
}
END_TEST

/* A finding quotes page text, which may hold stray bytes of a legacy
 * charset: its message and evidence are stored as valid UTF-8 (U+FFFD per
 * stray byte), so every report can write them. */
START_TEST(test_finding_text_made_utf8)
{
    sc_result *r = check_pair("en", "The council met on Monday.", "The council met on Monday.");
    size_t before = r->n_findings;
    sc_finding *f = sc_finding_add(r, &sc_rule_extraneous_content,
                                   "\"Stra\xdf"
                                   "e 5\" follows");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(r->n_findings, before + 1);
    static const char raw[] = "caf\xe9 \xff\xfe ok";
    const char *list[] = {"\xc3", "fine"};
    ck_assert_int_eq(sc_evidence_string(r, f, "text", raw, sizeof raw - 1), SC_OK);
    ck_assert_int_eq(sc_evidence_strings(r, f, "words", list, 2), SC_OK);
    size_t bad;
    ck_assert_str_eq(f->message, "\"Stra\xef\xbf\xbd"
                                 "e 5\" follows");
    ck_assert_str_eq(f->evidence->string, "caf\xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd ok");
    ck_assert(
        sc_utf8_valid(f->evidence->next->strings[0], strlen(f->evidence->next->strings[0]), &bad));
    ck_assert_str_eq(f->evidence->next->strings[1], "fine");
    sc_result_free(r);
}
END_TEST

static Suite *rules_suite(void)
{
    Suite *s = suite_create("rules");
    TCase *tc;

    tc = tcase_create("pairs");
    tcase_add_loop_test(tc, test_fires, 0, (int)(sizeof fire_cases / sizeof fire_cases[0]));
    tcase_add_loop_test(tc, test_quiet, 0, (int)(sizeof quiet_cases / sizeof quiet_cases[0]));
    tcase_add_test(tc, test_clean_pairs);
    tcase_add_test(tc, test_number_message_readable);
    tcase_add_test(tc, test_rule_table);
    tcase_add_test(tc, test_finding_text_made_utf8);
    suite_add_tcase(s, tc);

    tc = tcase_create("pages");
    tcase_add_test(tc, test_page_missing_summary);
    tcase_add_test(tc, test_page_no_disclaimer_quiet);
    tcase_add_test(tc, test_page_summary_quiet);
    tcase_add_test(tc, test_page_extraneous);
    tcase_add_test(tc, test_page_summary_findings_in_page);
    suite_add_tcase(s, tc);
    return s;
}

SC_TEST_MAIN(rules_suite)
