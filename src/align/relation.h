/* Relations the article does not state (relation.c). */
#ifndef SC_ALIGN_RELATION_H
#define SC_ALIGN_RELATION_H

#include "core/doc.h"

/* Fills n_pairs, apart and n_apart of each summary sentence's alignment
 * (result->alignment, already aligned): the pairs of content words near
 * each other in the sentence, both in the article, and those of them that
 * no article sentence holds together with its neighbours.  SC_OK or
 * SC_ERR_NOMEM. */
sc_status sc_align_relations(sc_result *result);

#endif
