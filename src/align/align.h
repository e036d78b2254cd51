/* Alignment: each summary sentence to the article span that best supports
 * it, with a support score and per-token support. */
#ifndef SC_ALIGN_ALIGN_H
#define SC_ALIGN_ALIGN_H

#include "core/doc.h"

/* Fills result->alignment from result->summary and result->article (both
 * analysed, sharing result->stems).  SC_OK or SC_ERR_NOMEM. */
sc_status sc_align(sc_result *result);

/* True when the article has a number equal to value. */
bool sc_align_article_has_number(const sc_alignment *alignment, double value);

/* The numbers a hyphenated word holds, in digits or as number words of
 * lang (which may be NULL: digits only): "three-year" states 3 as "three
 * years" does, "10-feet-tall" 10.  Writes at most max values to out and
 * returns their count; 0 for a word without a hyphen. */
struct sc_lang;
size_t sc_align_hyphen_numbers(const struct sc_lang *lang, const sc_token *token, double *out,
                               size_t max);

#endif
