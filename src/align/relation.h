/* Relations the article does not state (relation.c). */
#ifndef SC_ALIGN_RELATION_H
#define SC_ALIGN_RELATION_H

#include "core/doc.h"

/* The article sentences of each stem of the summary's content words: those
 * of stem s are sentence[offset[s] .. offset[s + 1]), increasing, each
 * once; every other stem has none.  32-bit: a text has at most
 * SC_MAX_TOKENS tokens, and this is a long article's largest scratch
 * array.  Built by sc_align, which shares it with the relations. */
typedef struct sc_stem_sentences {
    const uint32_t *offset; /* n_stems + 2 entries */
    const uint32_t *sentence;
    size_t n_sentences; /* the article's */
} sc_stem_sentences;

/* Fills n_pairs, apart and n_apart of each summary sentence's alignment
 * (result->alignment, already aligned) from the article's sentences per
 * stem (lists): the pairs of content words near each other in the
 * sentence, both in the article, and those of them that no article
 * sentence holds together with its neighbours.  SC_OK or SC_ERR_NOMEM. */
sc_status sc_align_relations(sc_result *result, const sc_stem_sentences *lists);

#endif
