/* Stemmers.  Input words are already NFKC case-folded UTF-8. */
#ifndef SC_LANG_STEM_H
#define SC_LANG_STEM_H

#include <stdbool.h>
#include <stddef.h>

/* Snowball English (Porter2).  Writes the stem of word[0..len) to out and
 * returns its length in bytes.  The stem is never longer than the word; out
 * must hold at least len + 1 bytes and is NUL-terminated.  Pure function,
 * thread-safe. */
size_t sc_stem_en(const char *word, size_t len, char *out, size_t cap);

/* A set of Indonesian root words. */
typedef struct sc_id_dict sc_id_dict;

/* The built-in root-word dictionary (generated from Sastrawi's kata-dasar
 * list).  Static storage; never NULL; thread-safe. */
const sc_id_dict *sc_id_dict_builtin(void);

/* A dictionary of the given words (copied).  NULL when out of memory.
 * Free with sc_id_dict_free (NULL-safe). */
sc_id_dict *sc_id_dict_new(const char *const *words, size_t n);
void sc_id_dict_free(sc_id_dict *dict);
bool sc_id_dict_has(const sc_id_dict *dict, const char *word, size_t len);

/* Indonesian confix-stripping stemmer (Nazief & Adriani 1996, with the
 * improvements of Asian et al. 2007 and Arifin et al. 2009, as Sastrawi
 * implements them) guarded by dict.  Same contract as sc_stem_en: out holds
 * at least len + 1 bytes, the stem is NUL-terminated, its length returned.
 * A word whose root is not found stems to itself. */
size_t sc_stem_id(const sc_id_dict *dict, const char *word, size_t len, char *out, size_t cap);

#endif
