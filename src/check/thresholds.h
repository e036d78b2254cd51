/* Every threshold and weight the alignment and the rules use, in one place.
 *
 * How they were chosen: by hand on the project's own fixtures (copied
 * sentences score near 1, invented ones under a half) and then checked
 * against the shared corpora with bench/score_consistency.py; none is
 * fitted to one corpus.  Change them here and rerun that script. */
#ifndef SC_CHECK_THRESHOLDS_H
#define SC_CHECK_THRESHOLDS_H

/* support = coverage, bigram and entity agreement, weighted.  Coverage of
 * the content words carries most of the meaning; bigrams catch words that
 * are all present but recombined; names and numbers are what readers act
 * on. */
#define SC_WEIGHT_COVERAGE 0.55
#define SC_WEIGHT_BIGRAM 0.25
#define SC_WEIGHT_ENTITY 0.20

/* Article sentences considered per summary sentence (the best by shared
 * IDF weight), and how many of them a span may join. */
#define SC_ALIGN_CANDIDATES 8

/* A further sentence joins the span only if it covers at least this share
 * of the summary sentence's weight that the span does not yet cover. */
#define SC_ALIGN_MIN_GAIN 0.15

/* unsupported-claim fires below this support. */
#define SC_CLAIM_MIN_SUPPORT 0.5

#endif
