/* Language identification by stopword hits: each language's function words
 * are frequent and nearly disjoint across our languages (Grefenstette 1995,
 * "Comparing two language identification schemes"), which is enough to tell
 * Indonesian from English in a paragraph. */
#include "text/text.h"

/* Fewer stopword hits than this and we do not guess. */
enum { DETECT_MIN_HITS = 3 };

/* Words read per text: a few thousand decide any real text, and the rest
 * of a long article would only cost time. */
enum { DETECT_MAX_WORDS = 2000 };

const sc_lang *sc_detect_language(const sc_token *const *token_arrays, const size_t *counts,
                                  size_t n_arrays)
{
    size_t best_hits = 0;
    const sc_lang *best = NULL;
    for (size_t l = 0; l < sc_language_count; l++) {
        const sc_lang *lang = sc_languages[l];
        size_t hits = 0;
        for (size_t a = 0; a < n_arrays; a++)
            for (size_t i = 0; i < counts[a]; i++) {
                const sc_token *t = &token_arrays[a][i];
                if (t->kind == SC_TOK_WORD &&
                    sc_word_list_has(&lang->stopwords, t->norm, t->norm_len))
                    hits++;
            }
        if (hits > best_hits) {
            best_hits = hits;
            best = lang;
        }
    }
    return best_hits >= DETECT_MIN_HITS ? best : NULL;
}
