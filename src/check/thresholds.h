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

/* A further sentence joins the span only if it adds at least this share of
 * the summary sentence's total weight to what the span covers. */
#define SC_ALIGN_MIN_GAIN 0.15

/* An article sentence is about the same thing as a summary sentence (its
 * numbers count as the summary's context) when it has at least this share
 * of the summary sentence's weight, numbers left out: "Floods closed 40
 * schools" is not backed by "About 40 volunteers helped". */
#define SC_RELATED_MIN_SHARE 0.3

/* unsupported-claim fires below this support. */
#define SC_CLAIM_MIN_SUPPORT 0.5

/* Clause level: in a sentence that is supported as a whole, a clause of at
 * least SC_CLAUSE_MIN_WORDS content words of which at least this share is
 * not in the span is an invented clause ("..., and fares will double"). */
#define SC_CLAUSE_MIN_WORDS 3
#define SC_CLAUSE_MAX_UNSUPPORTED 0.6

/* negation-flip: a cue governs the words after it up to a clause break or
 * this many content words ("did not formally agree to the deal", "tidak
 * akan memperluas wilayahnya lebih jauh"); further on, a word belongs to
 * another predicate. */
#define SC_NEGATION_SCOPE_WORDS 4

/* negation-flip: the summary's word and the article's are about the same
 * thing only when the summary word's nearest content word on each side is
 * among the article word's this many nearest ("Rusia menolak Amerika"
 * against "Rusia ingin Amerika Serikat"): the same word negated in another
 * part of the sentence is another claim. */
#define SC_NEGATION_CONTEXT_WORDS 2

/* misquote: a quote of at most this many words is a scare quote, checked
 * word by word ("called the plan 'reckless'"). */
#define SC_QUOTE_SCARE_WORDS 2

/* misquote: quote marks further apart than this many words do not pair up
 * (an unclosed mark would otherwise swallow the summary). */
#define SC_QUOTE_MAX_WORDS 150

/* misquote: pieces of a trimmed quote ("a ... b") lie in one article
 * passage, at most this many words apart. */
#define SC_QUOTE_MAX_GAP 80

/* unsupported-relation: a name swapped for another is judged only in a
 * sentence its span supports at least this well (below, the sentence is
 * unsupported-claim's, and its span says little about which name is
 * right). */
#define SC_RELATION_MIN_SUPPORT 0.6

#endif
