/* The article's own date, from its text. */
#ifndef SC_TIME_INFER_H
#define SC_TIME_INFER_H

#include "core/doc.h"

/* Sets result->has_inferred_date and its fields from the article's
 * resolved temporal expressions. */
void sc_infer_article_date(sc_result *result);

#endif
