/* The document's consistency: a logistic model over features of the whole
 * summary, read from the alignment, the analysed texts and the rules'
 * findings.
 *
 *     consistency = 1 / (1 + exp(-(w . x + b)))
 *
 * x is the feature vector below (sc_score_feature_name gives the names, in
 * order); w and b come from score_weights.inc, which
 * bench/train_consistency.py writes (training runs outside CI).  The
 * committed weights are trained on planted-error pairs only
 * (bench/synth_errors.py, FactCC's way), so the labelled corpora in
 * ../shared/bench/consistency/ all measure it unseen; the script's
 * MODEL_FEATURES picks the features that carry weight (the others are
 * computed, written by --emit-features for research, and weigh 0).
 * Every feature is a plain property of a summary and its article that
 * means the same on any page: nothing is keyed to one corpus's form (case,
 * tokenisation, quote marks).
 *
 * Features, in order (share = a number in [0, 1]; log1p(n) = ln(1 + n)):
 *   support_min, support_mean     the summary sentences' support (align.c)
 *   support_wmean                 the same, weighted by content words
 *   coverage_min, coverage_mean   IDF-weighted content coverage by the span
 *   bigram_min, bigram_mean       share of bigrams the span has
 *   entity_min, entity_mean       share of names and numbers the article has
 *   unsupported_share             summary content words their span lacks
 *   unsupported_max               log1p of the most such words in a sentence
 *   novel_share, novel            content words nowhere in the article:
 *                                 share, log1p of the count
 *   article_bigram, article_trigram, article_fourgram
 *                                 share of the summary's word n-grams
 *                                 (stems, punctuation skipped, at least one
 *                                 content word) found adjacent anywhere in
 *                                 the article
 *   article_trigram_min           the lowest such share of trigrams of one
 *                                 summary sentence
 *   lexical_bigram, lexical_bigram_min, lexical_trigram
 *                                 the same over surface words (folded forms
 *                                 cut at every non-letter, non-digit; no
 *                                 stems, no stopword test): shares of the
 *                                 summary's bigrams and trigrams found in one
 *                                 article sentence, the lowest bigram share
 *                                 of one summary sentence
 *   lexical_novel_share           share of the summary's content words
 *                                 (their surface words) the article lacks
 *   lexical_trigram_missing       log1p of the summary's surface trigrams
 *                                 that no article sentence has (a count:
 *                                 each one is a place to check)
 *   lexical_one_sentence_min      per summary sentence, the share of its
 *                                 distinct surface bigrams that its best
 *                                 article sentence alone has; the lowest
 *                                 over the first 64 sentences (a sentence
 *                                 stitched from several article sentences
 *                                 can join one's subject to another's
 *                                 predicate)
 *   pair_apart_share, pairs_apart two content words near each other in a
 *                                 summary sentence, both in the article,
 *                                 that no article sentence holds with its
 *                                 neighbours: share of such pairs, log1p of
 *                                 their count (a relation the article does
 *                                 not state)
 *   repeated_words                log1p of content words repeated within a
 *                                 few words ("pension pension scheme")
 *   novel_name_share              share of the summary's names with a word
 *                                 the article lacks (their count is
 *                                 finding_unsupported_entity)
 *   novel_numbers, novel_number_share
 *                                 amounts the article never states: log1p of
 *                                 the count, share of the summary's amounts
 *   finding_<rule>                log1p of the findings the rule gave, for
 *                                 number-mismatch, unsupported-entity,
 *                                 date-mismatch, negation-flip, misquote
 *                                 and unsupported-claim (as the rule judged:
 *                                 --min-support's stricter bar adds none; a
 *                                 disabled rule gives none)
 *   sentences, words              log1p of the summary's sentences and
 *                                 content words
 *   length_ratio                  ln((summary words + 1) / (article words + 1))
 */
#ifndef SC_ALIGN_SCORE_H
#define SC_ALIGN_SCORE_H

#include "core/doc.h"

enum { SC_SCORE_N_FEATURES = 38 };

/* The name of feature i (< SC_SCORE_N_FEATURES), as the JSON report's
 * "features" member and score_weights.inc write it. */
const char *sc_score_feature_name(size_t i);

/* Fills features[0..SC_SCORE_N_FEATURES) for the checked summary of
 * result (analysed, aligned).  rule_findings[i] is the number of findings
 * sc_rules[i] gave (sc_run_rules).  SC_OK or SC_ERR_NOMEM. */
sc_status sc_score_features(sc_result *result, const size_t *rule_findings, double *features);

/* The logistic model over features: a number in [0, 1]. */
double sc_score_consistency(const double *features);

/* The committed weights, for tests: their count, the feature name each
 * was trained for, the weight and the bias. */
size_t sc_score_weight_count(void);
const char *sc_score_weight_name(size_t i);
double sc_score_weight(size_t i);
double sc_score_bias(void);

#endif
