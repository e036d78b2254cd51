/* Hard limits.  Each bounds the work or memory one document can demand;
 * hitting one is an input error (exit 2) that names the limit. */
#ifndef SC_CORE_LIMITS_H
#define SC_CORE_LIMITS_H

/* Largest input document.  Ten times the longest real article page we know,
 * and keeps peak memory (about 16x input) under a few GB. */
#define SC_MAX_INPUT_BYTES ((size_t)64 * 1024 * 1024)

/* Tokens per text: bounds token arrays and the alignment's work. */
#define SC_MAX_TOKENS ((size_t)4 * 1024 * 1024)

/* Summary sentences aligned: each costs a pass over its candidates. */
#define SC_MAX_SUMMARY_SENTENCES ((size_t)10000)

/* Tokens in one sentence: longer runs are cut into pieces so per-sentence
 * work (bigrams, greedy span choice) stays linear. */
#define SC_MAX_SENTENCE_TOKENS ((size_t)400)

/* Length of one token in bytes: longer ones are cut, so normalisation and
 * stemming buffers stay small. */
#define SC_MAX_TOKEN_BYTES ((size_t)256)

#endif
