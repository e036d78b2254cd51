/* Language knowledge: one table per language (src/lang/<code>.c); adding a
 * language means adding one file and one line in lang.c. */
#ifndef SC_LANG_LANG_H
#define SC_LANG_LANG_H

#include <stdbool.h>
#include <stddef.h>

typedef size_t (*sc_stem_fn)(const char *word, size_t len, char *out, size_t cap);

/* A sorted list of case-folded words, searched with bsearch. */
typedef struct sc_word_list {
    const char *const *words;
    size_t n;
} sc_word_list;

#define SC_WORD_LIST(array) {(array), sizeof(array) / sizeof((array)[0])}

typedef struct sc_lang {
    const char *code; /* ISO 639-1 */
    const char *name; /* English name */
    /* Number separators as written in this language's news: Indonesian
     * "1.300,5", English "1,300.5". */
    char group_separator;
    char decimal_separator;
    sc_word_list stopwords;
    /* Words that end with a period without ending the sentence ("dr",
     * "mr", "jl"), case-folded, without the period. */
    sc_word_list abbreviations;
    /* Case-folded phrases that announce an AI summary; any one found in a
     * paragraph makes it the disclaimer. */
    sc_word_list disclaimer_phrases;
    /* Month names, case-folded, [0] = January; full and abbreviated. */
    const char *months[12];
    const char *months_abbr[12];
    sc_stem_fn stem;
} sc_lang;

/* Every language, in detection order.  Static storage. */
extern const sc_lang *const sc_languages[];
extern const size_t sc_language_count;

/* The language of an ISO 639-1 code, or NULL. */
const sc_lang *sc_lang_find(const char *code);

/* True when word[0..len) (case-folded) is in the list. */
bool sc_word_list_has(const sc_word_list *list, const char *word, size_t len);

/* Month 1..12 of a case-folded name in any language's tables (full or
 * abbreviated, a trailing period allowed), or 0. */
int sc_lang_month(const char *word, size_t len);

#endif
