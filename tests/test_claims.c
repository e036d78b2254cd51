/* Tests for the claim rules negation-flip and misquote: invented
 * Indonesian and English articles and summaries, each case either a
 * finding (its exact span and key evidence) or silence.  Pairs go through
 * sc_check as JSON (built with Jansson, since the quotes need escaping);
 * the seed page is edited the way DESIGN.md asks. */
#include "harness.h"
#include "findings.h"
#include "check/check.h"
#include "check/thresholds.h"
#include "core/doc.h"
#include "lang/lang.h"
#include "sumcheck.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Invented articles ------------------------------------------------------------------ */

#define ID_TALKS                                                                                   \
    "Rusia ingin Amerika Serikat menjamin bahwa aliansi militer itu tidak akan memperluas "        \
    "wilayahnya ke arah timur. Pemerintah kota menerima usulan warga tentang taman baru di "       \
    "tepi sungai. Harga beras naik tajam pekan ini di pasar induk. Harga cabai turun drastis "     \
    "setelah panen raya. Tim nasional menang dua gol atas Vietnam di Hanoi. Kementerian belum "    \
    "menandatangani kontrak pembangunan jembatan itu. Menteri tidak hanya meresmikan pasar, "      \
    "tetapi juga meninjau pelabuhan. Polisi tidak pernah gagal menemukan barang bukti di lokasi "  \
    "itu. Warga tak mau pindah dari bantaran sungai. Gubernur tidak datang ke rapat, dan "         \
    "wakilnya membacakan pidato. DPR menolak rancangan undang-undang penyiaran pada Senin. Tim "   \
    "penyelamat berhasil mengevakuasi warga desa. Tingkat pengangguran turun tahun ini. Harga "    \
    "gula naik, sementara harga minyak goreng turun."

#define EN_NEWS                                                                                    \
    "The council agreed to build a new bridge over the river. The mayor did not attend the "       \
    "opening ceremony on Friday. Residents never received the promised compensation. Exports "     \
    "rose sharply in March, the ministry said. The union rejected the offer from the company. "    \
    "The team won the final against Spain. Officials did not only repair the road but also "       \
    "widened it. The police did not fail to find the stolen car. The governor did not say that "   \
    "the plan was approved. Whether or not the museum reopens, the park will stay open. The "      \
    "minister did not attend the dinner, and the ambassador opened the new embassy. There was "    \
    "no agreement on the budget. The world No 2 beat her rival in the semi-final. The ship left "  \
    "the port without its captain. Sales went up in April. United lost the last four derbies."

#define EN_QUOTES                                                                                  \
    "The mayor said: \"We will rebuild every bridge that the flood destroyed, and we will do it "  \
    "before the rains return.\"\n\nShe added that the city had \"no money to waste\". Critics "    \
    "called the plan reckless.\n\n\"It is a well-known risk,\" the engineer said. \"We don't "     \
    "have time,\" he added."

#define ID_QUOTES                                                                                  \
    "“Kami akan membangun kembali semua jembatan yang rusak akibat banjir sebelum musim hujan "  \
    "tiba,” kata wali kota.\n\nIa menyebut rencana itu “tidak bisa ditawar”."

/* ---- Helpers ---------------------------------------------------------------------------- */

static sc_result *check_pair(const char *language, const char *source, const char *summary)
{
    json_t *pair =
        json_pack("{s:s, s:s, s:s}", "language", language, "source", source, "summary", summary);
    ck_assert_ptr_nonnull(pair);
    char *text = json_dumps(pair, JSON_COMPACT);
    json_decref(pair);
    ck_assert_ptr_nonnull(text);
    sc_options options;
    sc_error error;
    sc_options_init(&options);
    options.input_format = SC_INPUT_JSON;
    sc_result *r = sc_check(text, strlen(text), "claims", &options, &error);
    free(text);
    ck_assert_msg(r != NULL, "sc_check: %s", error.message);
    return r;
}

static const sc_evidence *evidence(const sc_finding *f, const char *key)
{
    for (const sc_evidence *e = f->evidence; e != NULL; e = e->next)
        if (strcmp(e->key, key) == 0)
            return e;
    return NULL;
}

static void assert_string(const sc_finding *f, const char *key, const char *want, const char *name)
{
    if (want == NULL)
        return;
    const sc_evidence *e = evidence(f, key);
    ck_assert_msg(e != NULL && e->type == SC_EV_STRING, "%s: no string evidence \"%s\"", name, key);
    ck_assert_msg(strcmp(e->string, want) == 0, "%s: %s = \"%s\", want \"%s\"", name, key,
                  e->string, want);
}

/* The source span lies in the article, and covers text. */
static void assert_source_has(const sc_result *r, const sc_finding *f, const char *text,
                              const char *name)
{
    ck_assert_msg(f->source_span.present, "%s: no source span", name);
    ck_assert_int_eq(f->source_span.field, SC_FIELD_SOURCE);
    char *under = sc_test_span_text(r, &f->source_span);
    ck_assert_msg(text == NULL || strstr(under, text) != NULL,
                  "%s: source span \"%s\" lacks \"%s\"", name, under, text);
    free(under);
}

/* ---- negation-flip ------------------------------------------------------------------------ */

typedef struct negation_case {
    const char *name;
    const char *language;
    const char *source;
    const char *summary;
    const char *span; /* text under the summary span; NULL: the rule stays quiet */
    const char *kind; /* "negation" or "contrast" */
    const char *cue;  /* evidence "cue" (negation) or "opposite" (contrast) */
    const char *summary_polarity;
    const char *source_polarity;
} negation_case;

/* A case where the rule stays quiet. */
#define NEG_QUIET NULL, NULL, NULL, NULL, NULL

static const negation_case negation_cases[] = {
    /* The summary negates what the article asserts. */
    {"id: tidak ingin against ingin", "id", ID_TALKS,
     "Rusia tidak ingin Amerika Serikat menjamin bahwa aliansi militer itu tidak akan "
     "memperluas wilayahnya ke arah timur.",
     "tidak", "negation", "tidak", "negative", "positive"},
    {"en: did not agree against agreed", "en", EN_NEWS,
     "The council did not agree to build a new bridge over the river.", "not", "negation", "not",
     "negative", "positive"},
    /* A name spelt like the word ("Agree Holdings") is no statement of it,
     * negated or not: only the article's predicates count. */
    {"en: a negated name of the word's stem", "en",
     "The city council agreed on Monday to build a new bridge over the river, not Agree "
     "Holdings. Work starts in May.",
     "The city council did not agree to build a new bridge over the river.", "not", "negation",
     "not", "negative", "positive"},
    {"en: the n't suffix", "en", EN_NEWS, "The council didn't agree to build a new bridge.",
     "didn't", "negation", "didn't", "negative", "positive"},
    {"en: curly apostrophe in didn’t", "en", EN_NEWS,
     "The council didn’t agree to build a new bridge.", "didn’t", "negation", "didn’t", "negative",
     "positive"},
    {"en: failed to, a two-word cue", "en", EN_NEWS,
     "The council failed to agree on a new bridge over the river.", "failed to", "negation",
     "failed to", "negative", "positive"},
    {"id: gagal against berhasil", "id", ID_TALKS, "Tim penyelamat gagal mengevakuasi warga desa.",
     "gagal", "negation", "gagal", "negative", "positive"},
    /* The summary asserts what the article negates. */
    {"id: the summary drops tidak", "id", ID_TALKS,
     "Aliansi militer itu akan memperluas wilayahnya ke arah timur.", "memperluas", "negation",
     "tidak", "positive", "negative"},
    {"id: sudah against belum", "id", ID_TALKS,
     "Kementerian sudah menandatangani kontrak pembangunan jembatan itu.", "menandatangani",
     "negation", "belum", "positive", "negative"},
    {"id: the summary drops tak", "id", ID_TALKS, "Warga mau pindah dari bantaran sungai.", "mau",
     "negation", "tak", "positive", "negative"},
    {"en: the summary drops not", "en", EN_NEWS,
     "The mayor attended the opening ceremony on Friday.", "attended", "negation", "not",
     "positive", "negative"},
    {"en: the summary drops never", "en", EN_NEWS, "Residents received the promised compensation.",
     "received", "negation", "never", "positive", "negative"},
    {"en: the summary drops no", "en", EN_NEWS, "There was an agreement on the budget.",
     "agreement", "negation", "no", "positive", "negative"},
    {"en: the summary drops without", "en", EN_NEWS, "The ship left the port with its captain.",
     "captain", "negation", "without", "positive", "negative"},
    /* Double negation: two cues in a row affirm. */
    {"id: tidak pernah menemukan against tidak pernah gagal menemukan", "id", ID_TALKS,
     "Polisi tidak pernah menemukan barang bukti di lokasi itu.", "tidak pernah", "negation",
     "tidak pernah", "negative", "positive"},
    {"en: did not find against did not fail to find", "en", EN_NEWS,
     "The police did not find the stolen car.", "not", "negation", "not", "negative", "positive"},
    /* Contrasts, both directions. */
    {"id: menolak where the article says ingin (the seed's edit)", "id", ID_TALKS,
     "Rusia menolak Amerika Serikat menjamin bahwa aliansi militer itu tidak akan memperluas "
     "wilayahnya.",
     "menolak", "contrast", "ingin", "positive", "positive"},
    {"id: menolak where the article says menerima", "id", ID_TALKS,
     "Pemerintah kota menolak usulan warga tentang taman baru.", "menolak", "contrast", "menerima",
     "positive", "positive"},
    {"id: setuju where the article says menolak", "id", ID_TALKS,
     "DPR setuju rancangan undang-undang penyiaran pada Senin.", "setuju", "contrast", "menolak",
     "positive", "positive"},
    {"id: turun where the article says naik", "id", ID_TALKS, "Harga beras turun tajam pekan ini.",
     "turun", "contrast", "naik", "positive", "positive"},
    {"id: naik where the article says turun", "id", ID_TALKS,
     "Harga cabai naik drastis setelah panen raya.", "naik", "contrast", "turun", "positive",
     "positive"},
    {"id: kalah where the article says menang", "id", ID_TALKS,
     "Tim nasional kalah dua gol atas Vietnam di Hanoi.", "kalah", "contrast", "menang", "positive",
     "positive"},
    {"en: fell where the article says rose", "en", EN_NEWS,
     "Exports fell sharply in March, the ministry said.", "fell", "contrast", "rose", "positive",
     "positive"},
    {"en: accepted where the article says rejected", "en", EN_NEWS,
     "The union accepted the offer from the company.", "accepted", "contrast", "rejected",
     "positive", "positive"},
    {"en: lost where the article says won", "en", EN_NEWS, "The team lost the final against Spain.",
     "lost", "contrast", "won", "positive", "positive"},
    {"en: down where the article says up", "en", EN_NEWS, "Sales went down in April.", "down",
     "contrast", "up", "positive", "positive"},

    /* Quiet: the same polarity. */
    {"id: a copied negation", "id", ID_TALKS,
     "Aliansi militer itu tidak akan memperluas wilayahnya ke arah timur.", NEG_QUIET},
    {"id: belum copied", "id", ID_TALKS,
     "Kementerian belum menandatangani kontrak pembangunan jembatan itu.", NEG_QUIET},
    {"en: a copied negation", "en", EN_NEWS, "The mayor did not attend the opening ceremony.",
     NEG_QUIET},
    /* Quiet: "not only", "tidak hanya" affirm. */
    {"en: not only", "en", EN_NEWS, "Officials repaired the road and widened it.", NEG_QUIET},
    {"id: tidak hanya", "id", ID_TALKS, "Menteri meresmikan pasar dan meninjau pelabuhan.",
     NEG_QUIET},
    /* Quiet: double negation affirms. */
    {"en: did not fail to find", "en", EN_NEWS, "The police found the stolen car.", NEG_QUIET},
    {"id: tidak pernah gagal", "id", ID_TALKS, "Polisi menemukan barang bukti di lokasi itu.",
     NEG_QUIET},
    /* Quiet: the article's cue does not reach the word. */
    {"id: scope ends at the comma", "id", ID_TALKS, "Wakil gubernur membacakan pidato.", NEG_QUIET},
    {"en: scope ends at the comma and the clause word", "en", EN_NEWS,
     "The ambassador opened the new embassy.", NEG_QUIET},
    {"en: scope ends at a complementiser", "en", EN_NEWS,
     "The plan was approved, the governor said.", NEG_QUIET},
    {"en: whether or not", "en", EN_NEWS, "The museum reopens this week.", NEG_QUIET},
    /* Quiet: "No 2" is a rank, not a negation. */
    {"en: No 2", "en", EN_NEWS, "The world no 2 beat her rival in the semi-final.", NEG_QUIET},
    /* Quiet: a contrast with the other polarity is no contradiction. */
    {"en: did not lose against won", "en", EN_NEWS,
     "The team did not lose the final against Spain.", NEG_QUIET},
    /* Quiet: the article has both words; the summary keeps one. */
    {"id: naik and turun both in the article", "id", ID_TALKS, "Harga gula naik.", NEG_QUIET},
    {"id: tingkat is a level, not meningkat", "id", ID_TALKS,
     "Tingkat pengangguran turun tahun ini.", NEG_QUIET},
    /* Quiet: another subject, another frame ("City won" against "United
     * lost" can both be true). */
    {"en: won against lost of another subject", "en", EN_NEWS,
     "City have won the last four derbies.", NEG_QUIET},
    /* Quiet: a word the article lacks is unsupported-claim's business. */
    {"id: NATO setuju, no opposite in the article", "id", ID_TALKS,
     "Rusia ingin Amerika Serikat setuju bahwa aliansi militer itu tidak akan memperluas "
     "wilayahnya.",
     NEG_QUIET},
};

START_TEST(test_negation)
{
    const negation_case *c = &negation_cases[_i];
    sc_result *r = check_pair(c->language, c->source, c->summary);
    char got[4096];
    sc_test_list_findings(r, got, sizeof got);
    if (c->span == NULL) {
        ck_assert_msg(sc_test_count_rule(r, "negation-flip") == 0, "%s: fired:%s", c->name, got);
        sc_result_free(r);
        return;
    }
    const sc_finding *f = sc_test_find(r, "negation-flip", c->span);
    ck_assert_msg(f != NULL, "%s: no negation-flip at \"%s\"; findings:%s", c->name, c->span, got);
    ck_assert_msg(sc_test_count_rule(r, "negation-flip") == 1, "%s: more than one:%s", c->name,
                  got);
    ck_assert_int_eq(f->severity, SC_SEVERITY_ERROR);
    ck_assert_int_eq(f->summary_span.field, SC_FIELD_SUMMARY);
    ck_assert_msg(strstr(f->message, c->span) != NULL || strcmp(c->kind, "negation") == 0,
                  "%s: message \"%s\"", c->name, f->message);
    if (strcmp(c->kind, "contrast") == 0)
        ck_assert_msg(strstr(f->message, "contradicts") != NULL, "%s: message \"%s\"", c->name,
                      f->message);
    assert_string(f, "kind", c->kind, c->name);
    assert_string(f, strcmp(c->kind, "negation") == 0 ? "cue" : "opposite", c->cue, c->name);
    assert_string(f, "summary_polarity", c->summary_polarity, c->name);
    assert_string(f, "source_polarity", c->source_polarity, c->name);
    ck_assert_ptr_nonnull(evidence(f, "word"));
    /* The source span is the aligned sentence that says the other thing. */
    assert_source_has(r, f, strcmp(c->kind, "negation") == 0 ? NULL : c->cue, c->name);
    sc_result_free(r);
}
END_TEST

/* The article's predicates are found through per-stem chains of the aligned
 * span, built per summary sentence and cleared after it.  The chains must
 * give what walking the span gives: every occurrence counted (a stated one
 * after a negated one keeps the rule quiet), the first in span order
 * reported, and nothing left over from the sentence before.  Each summary
 * sentence here asks about words an earlier sentence's span had too. */
typedef struct chain_case {
    const char *language;
    const char *source;
    const char *sentences[4]; /* the summary, sentence by sentence */
    size_t findings;          /* negation-flip findings of the whole summary */
} chain_case;

#define EN_CHAIN                                                                                   \
    "The council did not approve the budget in May, but the board approved the budget in June. "   \
    "The board did not approve the plan for the new bridge. The mayor approved the plan for the "  \
    "park. Farmers did not sell the harvest at the market, and traders sold the harvest there."

static const chain_case chain_cases[] = {
    /* "approve" negated, then "approved" stated: quiet. */
    {"en", EN_CHAIN, {"The council approved the budget in May.", NULL}, 0},
    {"en", EN_CHAIN, {"The board approved the plan for the new bridge.", NULL}, 1},
    {"en",
     EN_CHAIN,
     {"The mayor approved the plan for the park.",
      "The board approved the plan for the new bridge.", "Traders sold the harvest there.", NULL},
     1},
    {"en",
     EN_CHAIN,
     {"The board approved the budget in June.", "The council approved the budget in May.",
      "Farmers sold the harvest at the market.", NULL},
     0},
    {"en",
     EN_CHAIN,
     {"The board approved the plan for the new bridge.", "The council approved the budget in May.",
      "The mayor approved the plan for the park.", NULL},
     1},
    {"en",
     EN_NEWS,
     {"The mayor attended the opening ceremony on Friday.", "The minister attended the dinner.",
      "Residents received the promised compensation.", NULL},
     3},
    {"id",
     ID_TALKS,
     {"Kementerian menandatangani kontrak pembangunan jembatan itu.", "Gubernur datang ke rapat.",
      "Warga mau pindah dari bantaran sungai.", NULL},
     3},
};

/* The negation-flip findings of r, as " [span: message]", into out. */
static void negation_findings(const sc_result *r, char *out, size_t cap)
{
    size_t n = 0;
    out[0] = '\0';
    for (size_t i = 0; i < r->n_findings; i++) {
        const sc_finding *f = &r->findings[i];
        if (strcmp(f->rule, "negation-flip") != 0)
            continue;
        char *span = sc_test_span_text(r, &f->summary_span);
        int w = snprintf(out + n, cap - n, " [%s: %s]", span, f->message);
        free(span);
        ck_assert(w > 0 && (size_t)w < cap - n);
        n += (size_t)w;
    }
}

START_TEST(test_negation_chains)
{
    const chain_case *c = &chain_cases[_i];
    char summary[1024] = "", together[4096], alone[4096] = "";
    for (size_t i = 0; c->sentences[i] != NULL; i++) {
        char one[1024];
        strcat(strcat(summary, i > 0 ? " " : ""), c->sentences[i]);
        sc_result *r = check_pair(c->language, c->source, c->sentences[i]);
        negation_findings(r, one, sizeof one);
        strcat(alone, one);
        sc_result_free(r);
    }
    sc_result *r = check_pair(c->language, c->source, summary);
    negation_findings(r, together, sizeof together);
    ck_assert_msg(strcmp(together, alone) == 0, "case %d: together%s, alone%s", _i, together,
                  alone);
    ck_assert_msg(sc_test_count_rule(r, "negation-flip") == c->findings, "case %d:%s", _i,
                  together);
    sc_result_free(r);
}
END_TEST

/* ---- misquote ---------------------------------------------------------------------------- */

typedef struct quote_case {
    const char *name;
    const char *language;
    const char *source;
    const char *summary;
    const char *span; /* the quoted text the finding points at; NULL: quiet */
    bool scare;
    const char *passage; /* text the closest passage holds, or NULL */
    double share;        /* expected matched_share, or < 0 to skip */
} quote_case;

#define QUOTE_QUIET NULL, false, NULL, -1

static const quote_case quote_cases[] = {
    {"en: a changed word inside straight quotes", "en", EN_QUOTES,
     "The mayor said: \"We will rebuild every road that the flood destroyed.\"",
     "We will rebuild every road that the flood destroyed.", false, "We will rebuild every bridge",
     8.0 / 9.0},
    {"en: curly quotes, words the article never says", "en", EN_QUOTES,
     "The mayor promised “to rebuild every bridge within a year”.",
     "to rebuild every bridge within a year", false, "We will rebuild every bridge", -1},
    {"id: a changed word inside curly quotes", "id", ID_QUOTES,
     "Wali kota berkata, “Kami akan membangun kembali semua jalan yang rusak akibat banjir.”",
     "Kami akan membangun kembali semua jalan yang rusak akibat banjir.", false,
     "Kami akan membangun kembali", 9.0 / 10.0},
    {"id: guillemets", "id", ID_QUOTES, "Wali kota berkata «kami akan membangun jembatan baru».",
     "kami akan membangun jembatan baru", false, NULL, -1},
    {"en: German-style „ “ quotes", "en", EN_QUOTES,
     "The mayor said „we will rebuild every road“ after the flood.", "we will rebuild every road",
     false, NULL, -1},
    {"en: a scare quote the article never uses", "en", EN_QUOTES,
     "Critics called the plan \"dangerous\".", "dangerous", true, NULL, -1},
    {"en: an ellipsis with the pieces out of order", "en", EN_QUOTES,
     "\"We will do it before the rains return ... We will rebuild every bridge\"",
     "We will do it before the rains return ... We will rebuild every bridge", false, NULL, -1},
    {"en: single quotes, one word changed", "en", EN_QUOTES,
     "The mayor said the city had 'no money to spend'.", "no money to spend", false,
     "no money to waste", 3.0 / 4.0},

    {"en: exact copy", "en", EN_QUOTES,
     "The mayor said: \"We will rebuild every bridge that the flood destroyed.\"", QUOTE_QUIET},
    {"en: case and white space differ", "en", EN_QUOTES,
     "\"WE WILL  rebuild every   bridge that the flood destroyed\"", QUOTE_QUIET},
    {"en: curly quotes around the article's words", "en", EN_QUOTES,
     "The mayor said “we will rebuild every bridge that the flood destroyed”.", QUOTE_QUIET},
    {"en: a trimmed quote with ...", "en", EN_QUOTES,
     "\"We will rebuild every bridge ... before the rains return.\"", QUOTE_QUIET},
    {"en: a trimmed quote with …", "en", EN_QUOTES,
     "“We will rebuild every bridge … before the rains return”", QUOTE_QUIET},
    {"en: a scare quote the article uses", "en", EN_QUOTES, "Critics called the plan \"reckless\".",
     QUOTE_QUIET},
    {"en: a two-word scare quote", "en", EN_QUOTES, "The city has \"no money\" for it.",
     QUOTE_QUIET},
    {"id: copy with curly quotes", "id", ID_QUOTES,
     "“Kami akan membangun kembali semua jembatan yang rusak akibat banjir,” kata wali kota.",
     QUOTE_QUIET},
    {"id: a short quote copied", "id", ID_QUOTES,
     "Wali kota menyebut rencana itu “tidak bisa ditawar”.", QUOTE_QUIET},
    {"en: 's is an apostrophe, not a quote", "en", EN_QUOTES,
     "The city 's plan was called reckless by critics 'in the end.", QUOTE_QUIET},
    {"en: a hyphen counts as a space", "en", EN_QUOTES, "\"It is a well known risk\"", QUOTE_QUIET},
    {"en: a contraction split by a tokeniser", "en", EN_QUOTES,
     "The engineer said: \"We do n't have time\".", QUOTE_QUIET},
    {"en: single quotes around the article's words", "en", EN_QUOTES,
     "The mayor said the city had 'no money to waste'.", QUOTE_QUIET},
};

START_TEST(test_misquote)
{
    const quote_case *c = &quote_cases[_i];
    sc_result *r = check_pair(c->language, c->source, c->summary);
    char got[4096];
    sc_test_list_findings(r, got, sizeof got);
    if (c->span == NULL) {
        ck_assert_msg(sc_test_count_rule(r, "misquote") == 0, "%s: fired:%s", c->name, got);
        sc_result_free(r);
        return;
    }
    const sc_finding *f = sc_test_find(r, "misquote", c->span);
    ck_assert_msg(f != NULL, "%s: no misquote at \"%s\"; findings:%s", c->name, c->span, got);
    ck_assert_msg(sc_test_count_rule(r, "misquote") == 1, "%s: more than one:%s", c->name, got);
    ck_assert_int_eq(f->severity, SC_SEVERITY_ERROR);
    ck_assert_msg(strstr(f->message, c->span) != NULL, "%s: message \"%s\"", c->name, f->message);
    assert_string(f, "quote", c->span, c->name);
    const sc_evidence *scare = evidence(f, "scare_quote");
    ck_assert_msg(scare != NULL && scare->integer == c->scare, "%s: scare_quote", c->name);
    const sc_evidence *passage = evidence(f, "closest_passage");
    ck_assert_ptr_nonnull(passage);
    if (c->passage != NULL) {
        ck_assert_msg(strstr(passage->string, c->passage) != NULL,
                      "%s: closest passage \"%s\" lacks \"%s\"", c->name, passage->string,
                      c->passage);
        assert_source_has(r, f, c->passage, c->name);
    }
    const sc_evidence *share = evidence(f, "matched_share");
    ck_assert_ptr_nonnull(share);
    ck_assert(share->number >= 0 && share->number <= 1);
    if (c->share >= 0)
        ck_assert_msg(fabs(share->number - c->share) < 1e-9, "%s: matched_share %g, want %g",
                      c->name, share->number, c->share);
    if (c->scare) {
        const sc_evidence *missing = evidence(f, "missing_words");
        ck_assert_msg(missing != NULL && missing->n_items >= 1, "%s: missing_words", c->name);
    }
    sc_result_free(r);
}
END_TEST

/* Text in quotation marks that spans two summary sentences is one quote. */
START_TEST(test_quote_across_sentences)
{
    sc_result *r = check_pair("en", EN_QUOTES,
                              "\"We will rebuild every bridge. We will do it soon,\" she said.");
    const sc_finding *f =
        sc_test_find(r, "misquote", "We will rebuild every bridge. We will do it soon,");
    ck_assert_ptr_nonnull(f);
    sc_result_free(r);
}
END_TEST

/* An opening mark that never closes pairs with nothing and hides nothing. */
START_TEST(test_unclosed_quote)
{
    sc_result *r = check_pair("en", EN_QUOTES,
                              "Critics were \"unhappy. The mayor said the city had "
                              "\"no money to spend\".");
    char got[4096];
    sc_test_list_findings(r, got, sizeof got);
    ck_assert_msg(sc_test_count_rule(r, "misquote") == 1, "findings:%s", got);
    sc_result_free(r);
}
END_TEST

/* SC_QUOTE_MAX_GAP: a trimmed quote's pieces stand near each other in one
 * passage; farther apart, they are two quotes glued together. */
static char *gap_article(size_t filler)
{
    size_t cap = 256 + filler * 8;
    char *s = malloc(cap);
    ck_assert_ptr_nonnull(s);
    strcpy(s, "The minister said the harbour will reopen in spring");
    for (size_t i = 0; i < filler; i++)
        strcat(s, " and then");
    strcat(s, " the ferries will run every hour.");
    return s;
}

START_TEST(test_quote_gap_limit)
{
    static const char summary[] =
        "The minister said \"the harbour will reopen ... the ferries will run every hour\".";
    char *near = gap_article(SC_QUOTE_MAX_GAP / 4);
    char *far = gap_article(SC_QUOTE_MAX_GAP);
    sc_result *r = check_pair("en", near, summary);
    ck_assert_uint_eq(sc_test_count_rule(r, "misquote"), 0);
    sc_result_free(r);
    r = check_pair("en", far, summary);
    ck_assert_uint_eq(sc_test_count_rule(r, "misquote"), 1);
    sc_result_free(r);
    free(near);
    free(far);
}
END_TEST

/* SC_QUOTE_MAX_WORDS: marks farther apart than that do not pair. */
START_TEST(test_quote_length_limit)
{
    char summary[8192];
    for (int words = SC_QUOTE_MAX_WORDS - 10, k = 0; k < 2; k++, words += 20) {
        strcpy(summary, "The mayor said \"");
        for (int i = 0; i < words; i++)
            strcat(summary, i ? " invented" : "invented");
        strcat(summary, "\" yesterday.");
        sc_result *r = check_pair("en", EN_QUOTES, summary);
        ck_assert_uint_eq(sc_test_count_rule(r, "misquote"), k == 0 ? 1 : 0);
        sc_result_free(r);
    }
}
END_TEST

/* Stray opening marks beyond the tracked depth do not hide a later quote. */
START_TEST(test_quote_depth_limit)
{
    sc_result *r = check_pair("en", EN_QUOTES,
                              "Critics were \"angry, \"upset, “sad, ‘tired, «cold and \"lost. "
                              "The mayor said the city had \"no money to spend\".");
    char got[4096];
    sc_test_list_findings(r, got, sizeof got);
    ck_assert_msg(sc_test_find(r, "misquote", "no money to spend") != NULL, "findings:%s", got);
    sc_result_free(r);
}
END_TEST

/* ---- The seed page, edited as DESIGN.md asks -------------------------------------------- */

static char *seed_page(size_t *len)
{
    const char *dir = getenv("SC_SOURCE_DIR");
    if (dir == NULL)
        return NULL;
    char path[4096];
    snprintf(path, sizeof path, "%s/fixtures/seed-rappler-id/page.txt", dir);
    return sc_test_read_file(path, len);
}

#define SEED_SUMMARY "Rusia ingin Amerika Serikat dan NATO menjamin"

/* The seed page with the first occurrence (the summary) of SEED_SUMMARY
 * replaced; caller frees. */
static char *edited_seed(const char *page, const char *replacement)
{
    const char *at = strstr(page, SEED_SUMMARY);
    ck_assert_ptr_nonnull(at);
    size_t head = (size_t)(at - page), old = strlen(SEED_SUMMARY), add = strlen(replacement);
    size_t total = strlen(page) - old + add;
    char *out = malloc(total + 1);
    ck_assert_ptr_nonnull(out);
    memcpy(out, page, head);
    memcpy(out + head, replacement, add);
    strcpy(out + head + add, at + old);
    return out;
}

static sc_result *check_page(const char *page)
{
    sc_options options;
    sc_error error;
    sc_options_init(&options);
    options.input_format = SC_INPUT_TEXT;
    sc_result *r = sc_check(page, strlen(page), "seed", &options, &error);
    ck_assert_msg(r != NULL, "sc_check: %s", error.message);
    return r;
}

static const struct {
    const char *replacement;
    const char *span; /* NULL: no negation-flip */
    const char *kind;
} seed_edits[] = {
    {SEED_SUMMARY, NULL, NULL},
    {"Rusia menolak Amerika Serikat dan NATO menjamin", "menolak", "contrast"},
    {"Rusia tidak ingin Amerika Serikat dan NATO menjamin", "tidak", "negation"},
    /* "setuju" has no opposite in the aligned sentence (it says
     * "menjamin"): nothing for this rule to contradict. */
    {"Rusia ingin Amerika Serikat dan NATO setuju", NULL, NULL},
};

START_TEST(test_seed_edits)
{
    size_t len;
    char *page = seed_page(&len);
    ck_assert_ptr_nonnull(page);
    char *edited = edited_seed(page, seed_edits[_i].replacement);
    sc_result *r = check_page(edited);
    char got[4096];
    sc_test_list_findings(r, got, sizeof got);
    ck_assert_msg(sc_test_count_rule(r, "misquote") == 0, "misquote:%s", got);
    if (seed_edits[_i].span == NULL) {
        ck_assert_msg(sc_test_count_rule(r, "negation-flip") == 0, "fired:%s", got);
    } else {
        ck_assert_msg(sc_test_count_rule(r, "negation-flip") == 1, "findings:%s", got);
        const sc_finding *f = &r->findings[0];
        for (size_t i = 0; i < r->n_findings; i++)
            if (strcmp(r->findings[i].rule, "negation-flip") == 0)
                f = &r->findings[i];
        ck_assert_int_eq(f->summary_span.field, SC_FIELD_PAGE);
        char *under = sc_test_span_text(r, &f->summary_span);
        ck_assert_str_eq(under, seed_edits[_i].span);
        free(under);
        /* It points at the summary, not at the article's copy. */
        ck_assert_uint_eq(f->summary_span.start,
                          (size_t)(strstr(edited, seed_edits[_i].replacement) - edited) +
                              (size_t)(strstr(seed_edits[_i].replacement, seed_edits[_i].span) -
                                       seed_edits[_i].replacement));
        assert_string(f, "kind", seed_edits[_i].kind, "seed");
        char *source = sc_test_span_text(r, &f->source_span);
        ck_assert_msg(strstr(source, "Rusia ingin Amerika Serikat dan NATO menjamin") != NULL,
                      "source span: %s", source);
        free(source);
    }
    sc_result_free(r);
    free(edited);
    free(page);
}
END_TEST

/* ---- Language tables ---------------------------------------------------------------------- */

static void check_sorted(const sc_lang *lang, const char *what, const sc_word_list *list)
{
    for (size_t k = 0; k < list->n; k++) {
        if (k > 0)
            ck_assert_msg(strcmp(list->words[k - 1], list->words[k]) < 0,
                          "%s %s: \"%s\" before \"%s\"", lang->code, what, list->words[k - 1],
                          list->words[k]);
        ck_assert_msg(sc_word_list_has(list, list->words[k], strlen(list->words[k])),
                      "%s %s: \"%s\" not found", lang->code, what, list->words[k]);
    }
}

START_TEST(test_lang_tables)
{
    const sc_lang *lang = sc_languages[_i];
    check_sorted(lang, "negation_cues", &lang->negation_cues);
    check_sorted(lang, "negation_suffixes", &lang->negation_suffixes);
    check_sorted(lang, "negation_exceptions", &lang->negation_exceptions);
    check_sorted(lang, "negation_void_after", &lang->negation_void_after);
    check_sorted(lang, "negation_scope_ends", &lang->negation_scope_ends);
    check_sorted(lang, "coordinators", &lang->coordinators);
    check_sorted(lang, "passive_cues", &lang->passive_cues);
    check_sorted(lang, "agent_cues", &lang->agent_cues);
    check_sorted(lang, "partner_cues", &lang->partner_cues);
    check_sorted(lang, "symmetric_verbs", &lang->symmetric_verbs);
    ck_assert_uint_gt(lang->negation_cues.n, 0);
    ck_assert_uint_gt(lang->n_contrast_pairs, 0);
    /* Every contrast side is non-empty, with no empty word. */
    for (size_t i = 0; i < lang->n_contrast_pairs; i++) {
        const char *sides[2] = {lang->contrast_pairs[i].a, lang->contrast_pairs[i].b};
        for (int s = 0; s < 2; s++) {
            ck_assert_ptr_nonnull(sides[s]);
            ck_assert_uint_gt(strlen(sides[s]), 0);
            ck_assert_msg(strstr(sides[s], "||") == NULL && sides[s][0] != '|' &&
                              sides[s][strlen(sides[s]) - 1] != '|',
                          "%s: empty word in \"%s\"", lang->code, sides[s]);
            /* The rule skips pairs by their words' first two letters, so a
             * stemmed word's stem must keep them ("tolak", not "menolak"). */
            for (const char *c = sides[s]; *c;) {
                size_t len = strcspn(c, "|");
                if (c[0] != '=') {
                    char stem[128];
                    ck_assert_uint_lt(len, sizeof stem);
                    size_t n = lang->stem(c, len, stem, sizeof stem);
                    ck_assert_msg(n >= 2 && memcmp(stem, c, 2) == 0,
                                  "%s: the stem \"%.*s\" of \"%.*s\" changes its start", lang->code,
                                  (int)n, stem, (int)len, c);
                }
                c += len;
                if (*c == '|')
                    c++;
            }
        }
    }
}
END_TEST

/* Both rules are registered once, after unsupported-claim, as errors. */
START_TEST(test_registered)
{
    static const char *const ids[] = {"negation-flip", "misquote"};
    size_t claim = SIZE_MAX;
    for (size_t k = 0; k < sc_rule_count; k++)
        if (strcmp(sc_rules[k]->id, "unsupported-claim") == 0)
            claim = k;
    ck_assert_uint_ne(claim, SIZE_MAX);
    for (size_t i = 0; i < 2; i++) {
        size_t seen = 0;
        for (size_t k = 0; k < sc_rule_count; k++)
            if (strcmp(sc_rules[k]->id, ids[i]) == 0) {
                seen++;
                ck_assert_uint_gt(k, claim);
                ck_assert_int_eq(sc_rules[k]->severity, SC_SEVERITY_ERROR);
                ck_assert_ptr_nonnull(sc_rules[k]->summary);
            }
        ck_assert_uint_eq(seen, 1);
    }
}
END_TEST

/* ---- unsupported-relation and numbers inside words ----------------------------------------- */

#define EN_CLUBS                                                                                   \
    "Rovers signed striker Tom Jones from Brentford on Monday. Jones scored 12 goals for "         \
    "Brentford last season. The fee was not disclosed by either club. The club also confirmed "    \
    "new seats for the stadium. Ticket prices stay the same for next year. In other news, City "   \
    "lost 2-1 to Dundee on Saturday. Dundee scored twice in the second half. The full back "       \
    "Mark Hill signed a three-year contract with City, and the six-time champion Anna Berg "       \
    "joined the coaching staff."

#define ID_CITY                                                                                    \
    "Gubernur Budi Santoso meresmikan jembatan baru di Kota Bekasi pada Senin. Jembatan itu "      \
    "dibangun selama dua tahun. Warga menyambut peresmian dengan gembira. Harga beras di pasar "   \
    "induk naik pekan ini. Pedagang mengeluhkan pasokan yang berkurang. Di tempat lain, Wali "     \
    "Kota Rina Wati membuka pasar murah di Kota Depok."

#define EN_SWAP                                                                                    \
    "St Mirren have signed striker Jeremy Clarkson on loan from Dundee until the end of the "      \
    "season. The 24-year-old scored nine goals last season. Manager Jim Goodwin said he was "      \
    "delighted. Elsewhere, Bristol Rovers lost 2-0 at home to Brentford on Saturday. Rovers "      \
    "remain bottom of the table. Arsenal drew 0-0 with Chelsea at the Emirates on Sunday. The "    \
    "Gunners are third."

#define EN_LOAN                                                                                    \
    "Japan lent Indonesia most of the money for the new port. The port opened in June after "      \
    "three years of work. Indonesia was lent the rest by South Korea. Spain met Italy in the "     \
    "final in Jakarta. Officials said the police closed the road."

#define ID_LOAN                                                                                    \
    "Jepang meminjamkan sebagian besar dana kepada Indonesia untuk pelabuhan baru itu. Pelabuhan " \
    "itu dibuka pada Juni setelah tiga tahun pembangunan. Indonesia dipinjami sisanya oleh Korea " \
    "Selatan. Spanyol bertemu Italia di final di Jakarta."

#define EN_PARAPHRASE                                                                              \
    "Arsenal have signed Mesut Ozil from Real Madrid for a club record fee. Chelsea manager Jose " \
    "Mourinho criticised the referee after the match. Apple chief executive Tim Cook unveiled "    \
    "the new phone in California. Indonesia received a loan from Japan for the port. Liverpool "   \
    "suffered a 2-0 defeat against Chelsea at Anfield. Germany borders France along the Rhine."

#define ID_PARAPHRASE                                                                              \
    "Indonesia meminjam dana dari Jepang untuk membangun pelabuhan baru di Jakarta. Pelabuhan "    \
    "itu dibuka pada Juni."

typedef struct relation_case {
    const char *language;
    const char *article;
    const char *name;
    const char *summary;
    const char *pair; /* a pair the finding lists, or NULL: no finding */
} relation_case;

static const relation_case relation_cases[] = {
    {"en", EN_CLUBS, "copied", "Rovers signed striker Tom Jones from Brentford on Monday.", NULL},
    {"en", EN_CLUBS, "two neighbouring sentences",
     "Tom Jones, who scored 12 goals last season, joined Rovers.", NULL},
    {"en", EN_CLUBS, "other story", "City lost to Dundee on Saturday.", NULL},
    {"en", EN_CLUBS, "name moved", "Rovers signed Tom Jones from Dundee on Monday.",
     "=Dundee=Brentford"},
    {"en", EN_CLUBS, "name moved, same frame", "Tom Jones joined Dundee on Monday.",
     "=Dundee=Brentford"},
    {"en", EN_CLUBS, "name moved, other frame", "Tom Jones, like Dundee, changed clubs.",
     "Tom Jones / Dundee"},
    {"en", EN_CLUBS, "number moved", "Tom Jones scored 2 goals last season.", "2 / goals"},
    {"en", EN_CLUBS, "names swapped", "Anna Berg signed a contract with Rovers.",
     "Anna Berg / Rovers"},
    {"en", EN_SWAP, "name swapped", "Bristol Rovers have signed striker Jeremy Clarkson on loan.",
     "=Bristol Rovers=St Mirren"},
    {"en", EN_SWAP, "name swapped, lower case",
     "bristol rovers have signed striker jeremy clarkson on loan .", "=bristol rovers=St Mirren"},
    {"en", EN_SWAP, "lower case, the same name",
     "st mirren have signed striker jeremy clarkson on loan .", NULL},
    {"en", EN_SWAP, "alias", "The Gunners drew 0-0 with Chelsea at the Emirates.", NULL},
    {"en", EN_SWAP, "the same name", "St Mirren have signed striker Jeremy Clarkson on loan.",
     NULL},
    {"id", ID_CITY, "id copied", "Gubernur Budi Santoso meresmikan jembatan baru di Kota Bekasi.",
     NULL},
    {"id", ID_CITY, "id name moved", "Budi Santoso membuka pasar murah di Depok.",
     "Budi Santoso / Depok"},
    /* Roles: who did what to whom, the other way round. */
    {"en", EN_LOAN, "roles swapped", "Indonesia lent Japan most of the money for the new port.",
     "=Indonesia=Japan"},
    {"en", EN_LOAN, "roles kept", "Japan lent Indonesia most of the money for the port.", NULL},
    {"en", EN_LOAN, "roles, summary passive", "Indonesia was lent most of the money by Japan.",
     NULL},
    {"en", EN_LOAN, "roles, article passive", "South Korea lent Indonesia the rest.", NULL},
    {"en", EN_LOAN, "roles, symmetric verb", "Italy met Spain in the final in Jakarta.", NULL},
    /* Paraphrases that reorder two names around another frame (the
     * words after the clause's word differ): not swaps. */
    {"en", EN_PARAPHRASE, "signed for",
     "Ozil signed for Arsenal from Real Madrid for a record fee.", NULL},
    {"en", EN_PARAPHRASE, "manager of",
     "Jose Mourinho, manager of Chelsea, criticised the referee.", NULL},
    {"en", EN_PARAPHRASE, "chief executive of",
     "Tim Cook, the chief executive of Apple, unveiled the new phone.", NULL},
    {"en", EN_PARAPHRASE, "loan to, loan from", "Japan gave a loan to Indonesia for the port.",
     NULL},
    {"en", EN_PARAPHRASE, "defeat on", "Chelsea inflicted a 2-0 defeat on Liverpool at Anfield.",
     NULL},
    {"en", EN_PARAPHRASE, "symmetric borders", "France borders Germany along the Rhine.", NULL},
    {"id", ID_PARAPHRASE, "id meminjamkan kepada, meminjam dari",
     "Jepang meminjamkan dana kepada Indonesia untuk membangun pelabuhan baru.", NULL},
    {"id", ID_LOAN, "id roles swapped",
     "Indonesia meminjamkan sebagian besar dana kepada Jepang untuk pelabuhan baru itu.",
     "=Indonesia=Jepang"},
    {"id", ID_LOAN, "id roles kept", "Jepang meminjamkan sebagian besar dana kepada Indonesia.",
     NULL},
    {"id", ID_LOAN, "id roles, article passive",
     "Korea Selatan meminjamkan sisanya kepada Indonesia.", NULL},
    {"id", ID_LOAN, "id roles, symmetric verb", "Italia bertemu Spanyol di final di Jakarta.",
     NULL},
};

/* A sentence's first word the article lacks, where the article's sentence
 * has a name before the same next word, is a name (unsupported-entity);
 * a common word there, or a word the article has, is not. */
static const struct {
    const char *language;
    const char *article;
    const char *summary;
    const char *name; /* the finding's name, or NULL: none */
} opener_cases[] = {
    /* English has no dictionary of common words: "China lent" cannot be
     * told from "Police said" at a sentence's start, so neither is a name
     * (a name the article lacks inside a sentence still is). */
    {"en", EN_LOAN, "China lent Indonesia most of the money for the new port.", NULL},
    {"en", EN_LOAN, "Police said the police closed the road.", NULL},
    {"en", EN_LOAN, "Japan lent Indonesia and China most of the money.", "China"},
    {"en", EN_LOAN, "Japan lent Indonesia most of the money for the new port.", NULL},
    /* The article's "Officials" is written in lower case nowhere, but the
     * summary's word comes before another next word. */
    {"en", EN_LOAN, "Residents complained the police closed the road.", NULL},
    {"id", ID_LOAN, "Tiongkok meminjamkan sebagian besar dana kepada Indonesia.", "Tiongkok"},
    {"id", ID_LOAN, "Pemerintah meminjamkan sebagian besar dana kepada Indonesia.", NULL},
};

/* The roles check's work is bounded per document (ROLE_MAX_WORK): 1,000
 * swapped sentences against an article of 4,000 copies of the right one
 * cost a whole-article search each, and past the budget the check stops.
 * Each search costs 44,000 tokens or more, so fewer than half of them
 * run; a budget that wrapped below zero (as one did) reported 999. */
START_TEST(test_roles_budget)
{
    const char *right = "Japan lent Indonesia most of the money for the port. ";
    const char *swapped = "Indonesia lent Japan most of the money for the port. ";
    size_t n_art = 4000, n_sum = 1000;
    char *article = malloc(strlen(right) * n_art + 1),
         *summary = malloc(strlen(swapped) * n_sum + 1);
    ck_assert_ptr_nonnull(article);
    ck_assert_ptr_nonnull(summary);
    article[0] = summary[0] = '\0';
    for (size_t i = 0, at = 0; i < n_art; i++, at += strlen(right))
        memcpy(article + at, right, strlen(right) + 1);
    for (size_t i = 0, at = 0; i < n_sum; i++, at += strlen(swapped))
        memcpy(summary + at, swapped, strlen(swapped) + 1);
    sc_result *r = check_pair("en", article, summary);
    size_t roles = 0;
    for (size_t i = 0; i < r->n_findings; i++)
        for (const sc_evidence *e = r->findings[i].evidence; e != NULL; e = e->next)
            roles +=
                strcmp(e->key, "kind") == 0 && e->string != NULL && strcmp(e->string, "roles") == 0;
    ck_assert_msg(roles > 0 && roles < n_sum / 2, "roles findings: %zu of %zu", roles, n_sum);
    sc_result_free(r);
    free(article);
    free(summary);
}
END_TEST

START_TEST(test_opener_name)
{
    sc_result *r =
        check_pair(opener_cases[_i].language, opener_cases[_i].article, opener_cases[_i].summary);
    char got[2048];
    sc_test_list_findings(r, got, sizeof got);
    if (opener_cases[_i].name == NULL) {
        ck_assert_msg(sc_test_count_rule(r, "unsupported-entity") == 0, "%s: fired:%s",
                      opener_cases[_i].summary, got);
    } else {
        ck_assert_msg(sc_test_count_rule(r, "unsupported-entity") == 1, "%s: findings:%s",
                      opener_cases[_i].summary, got);
        ck_assert_msg(sc_test_find(r, "unsupported-entity", opener_cases[_i].name) != NULL,
                      "%s: findings:%s", opener_cases[_i].summary, got);
    }
    sc_result_free(r);
}
END_TEST

START_TEST(test_relation)
{
    const relation_case *c = &relation_cases[_i];
    sc_result *r = check_pair(c->language, c->article, c->summary);
    char got[2048];
    sc_test_list_findings(r, got, sizeof got);
    if (c->pair == NULL) {
        ck_assert_msg(sc_test_count_rule(r, "unsupported-relation") == 0, "%s: fired:%s", c->name,
                      got);
        sc_result_free(r);
        return;
    }
    ck_assert_msg(sc_test_count_rule(r, "unsupported-relation") == 1, "%s: findings:%s", c->name,
                  got);
    const sc_finding *f = NULL;
    for (size_t i = 0; i < r->n_findings; i++)
        if (strcmp(r->findings[i].rule, "unsupported-relation") == 0)
            f = &r->findings[i];
    ck_assert_ptr_nonnull(f);
    if (f == NULL)
        return;
    if (c->pair[0] == '=') {
        /* A swap ("=summary name=article name"): an error naming both. */
        char want[2][64];
        const char *sep = strchr(c->pair + 1, '=');
        ck_assert_ptr_nonnull(sep);
        snprintf(want[0], sizeof want[0], "\"%.*s\"", (int)(sep - c->pair - 1), c->pair + 1);
        snprintf(want[1], sizeof want[1], "\"%s\"", sep + 1);
        ck_assert_int_eq(f->severity, SC_SEVERITY_ERROR);
        ck_assert_msg(strstr(f->message, want[0]) != NULL && strstr(f->message, want[1]) != NULL,
                      "%s:%s", c->name, got);
        sc_result_free(r);
        return;
    }
    ck_assert_int_eq(f->severity, SC_SEVERITY_WARNING);
    bool listed = false;
    for (const sc_evidence *e = f->evidence; e != NULL; e = e->next)
        if (strcmp(e->key, "pairs") == 0)
            for (size_t k = 0; k < e->n_items; k++)
                listed |= strcmp(e->strings[k], c->pair) == 0;
    ck_assert_msg(listed, "%s: \"%s\" not among the pairs:%s", c->name, c->pair, got);
    sc_result_free(r);
}
END_TEST

/* "three-year" states 3 and "six-time" 6: a summary that says "three
 * years" or "six" is not a number-mismatch; "four years" is. */
START_TEST(test_numbers_in_words)
{
    static const struct {
        const char *summary;
        size_t findings;
    } cases[] = {
        {"Mark Hill signed a contract with City for three years.", 0},
        {"Anna Berg, a champion six times, joined the coaching staff.", 0},
        {"Mark Hill signed a contract with City for four years.", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sc_result *r = check_pair("en", EN_CLUBS, cases[i].summary);
        char got[2048];
        sc_test_list_findings(r, got, sizeof got);
        ck_assert_msg(sc_test_count_rule(r, "number-mismatch") == cases[i].findings, "\"%s\":%s",
                      cases[i].summary, got);
        sc_result_free(r);
    }
}
END_TEST

static Suite *claims_suite(void)
{
    Suite *s = suite_create("claims");
    TCase *tc = tcase_create("negation-flip");
    tcase_add_loop_test(tc, test_negation, 0,
                        (int)(sizeof negation_cases / sizeof negation_cases[0]));
    tcase_add_loop_test(tc, test_negation_chains, 0,
                        (int)(sizeof chain_cases / sizeof chain_cases[0]));
    suite_add_tcase(s, tc);
    tc = tcase_create("misquote");
    tcase_add_loop_test(tc, test_misquote, 0, (int)(sizeof quote_cases / sizeof quote_cases[0]));
    tcase_add_test(tc, test_quote_across_sentences);
    tcase_add_test(tc, test_unclosed_quote);
    tcase_add_test(tc, test_quote_gap_limit);
    tcase_add_test(tc, test_quote_length_limit);
    tcase_add_test(tc, test_quote_depth_limit);
    suite_add_tcase(s, tc);
    tc = tcase_create("unsupported-relation");
    tcase_add_loop_test(tc, test_relation, 0,
                        (int)(sizeof relation_cases / sizeof relation_cases[0]));
    tcase_add_test(tc, test_roles_budget);
    tcase_add_loop_test(tc, test_opener_name, 0,
                        (int)(sizeof opener_cases / sizeof opener_cases[0]));
    tcase_add_test(tc, test_numbers_in_words);
    suite_add_tcase(s, tc);
    tc = tcase_create("seed");
    if (getenv("SC_SOURCE_DIR") != NULL)
        tcase_add_loop_test(tc, test_seed_edits, 0,
                            (int)(sizeof seed_edits / sizeof seed_edits[0]));
    else
        sc_test_skip("seed edits", "SC_SOURCE_DIR not set");
    suite_add_tcase(s, tc);
    tc = tcase_create("tables");
    tcase_add_loop_test(tc, test_lang_tables, 0, (int)sc_language_count);
    tcase_add_test(tc, test_registered);
    suite_add_tcase(s, tc);
    return s;
}

SC_TEST_MAIN(claims_suite)
