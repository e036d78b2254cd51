/* Analysis of a text: UTF-8, normalisation, tokens, sentences, entities. */
#ifndef SC_TEXT_TEXT_H
#define SC_TEXT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/doc.h"
#include "core/intern.h"
#include "lang/lang.h"

/* Whether data starts with a UTF-16 byte-order mark (FF FE or FE FF). */
static inline bool sc_utf16_bom(const char *data, size_t len)
{
    const unsigned char *u = (const unsigned char *)data;
    return len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF));
}

/* The first occurrence of needle[0..m) in hay[0..n), or NULL (memmem is
 * not in C17).  Found by needle's first byte: a caller with a rarer byte
 * further in searches from there (html_cut.c). */
static inline const char *sc_find_bytes(const char *hay, size_t n, const char *needle, size_t m)
{
    if (m == 0 || m > n)
        return NULL;
    for (const char *p = hay, *last = hay + (n - m); p <= last;) {
        p = memchr(p, needle[0], (size_t)(last - p) + 1);
        if (p == NULL)
            return NULL;
        if (memcmp(p, needle, m) == 0)
            return p;
        p++;
    }
    return NULL;
}

/* Length of the well-formed UTF-8 sequence at p[0..avail) (lead byte
 * >= 0x80), or 0: what utf8proc_iterate accepts (no overlong form, no
 * surrogate, nothing past U+10FFFF), without its call per character.
 * Inline: the validators and the JSON reader call it per non-ASCII
 * character. */
static inline size_t sc_utf8_sequence_length(const unsigned char *p, size_t avail)
{
    unsigned char c = p[0];
    size_t n;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2, cp = c & 0x1Fu;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3, cp = c & 0x0Fu;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4, cp = c & 0x07u;
    else
        return 0;
    if (avail < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0u) != 0x80u)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3Fu);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

/* Whether a[0..len) and b[0..len) are the same bytes, for short words:
 * loads of eight, four or one byte that may overlap but stay within the
 * words, where a call to memcmp cost as much as the rest of a look-up
 * (the tokenizer's spellings table and word memo). */
static inline bool sc_same_bytes(const char *a, const char *b, size_t len)
{
    uint64_t x, y;
    uint32_t u, v;
    if (len >= 8) {
        for (size_t i = 0; i + 8 < len; i += 8) {
            memcpy(&x, a + i, 8);
            memcpy(&y, b + i, 8);
            if (x != y)
                return false;
        }
        memcpy(&x, a + len - 8, 8);
        memcpy(&y, b + len - 8, 8);
        return x == y;
    }
    if (len >= 4) {
        uint32_t u2, v2;
        memcpy(&u, a, 4);
        memcpy(&v, b, 4);
        memcpy(&u2, a + len - 4, 4);
        memcpy(&v2, b + len - 4, 4);
        return u == v && u2 == v2;
    }
    /* Bytes 0, len / 2 and len - 1 are all of them. */
    return len == 0 || (a[0] == b[0] && a[len / 2] == b[len / 2] && a[len - 1] == b[len - 1]);
}

/* True when s[0..len) is valid UTF-8 without NUL bytes; else false with the
 * offset of the first bad byte in *bad. */
bool sc_utf8_valid(const char *s, size_t len, size_t *bad);

/* Decodes the code point at s[0..len) (valid UTF-8), returns its length. */
size_t sc_utf8_next(const char *s, size_t len, int32_t *cp);

/* Code points in s[0..len). */
size_t sc_utf8_count(const char *s, size_t len);

/* NFKC + case folding of s[0..len) into the arena (NUL-terminated); ASCII
 * takes a fast path.  Curly apostrophes become "'".  NULL when out of memory. */
char *sc_normalize(sc_arena *arena, const char *s, size_t len, size_t *out_len);

/* The hash of a surface word, FNV-1a over its folded bytes (64 bits), a
 * byte at a time: SC_WORD_HASH_SEED, then sc_word_hash_step per byte; 0 is
 * taken as 1, so a word's hash is never 0.  align/score.c cuts forms into
 * words and hashes them; sc_tokenize hashes the forms that are one word. */
#define SC_WORD_HASH_SEED 0xcbf29ce484222325u

static inline uint64_t sc_word_hash_step(uint64_t h, unsigned char byte)
{
    return (h ^ byte) * 0x100000001b3u;
}

/* The ASCII bytes of such a word, letters and digits (true), by byte:
 * a form of only these is one word. */
extern const bool sc_word_byte[256];

/* Splits text into tokens with spans, kinds, capital and quote flags and
 * normalised forms; tokens spelt alike share one form (the same address).
 * *form_ids (in the arena): per token, the id of its spelling, 1..*n_forms
 * in order of first use; two tokens have one id exactly when they share a
 * form's address.  *word_hashes (in the arena, 1 + *n_forms entries, the
 * first unused): per spelling id, the word hash of its form when the
 * spelling is ASCII and its form one run of letters and digits, else 0.
 * Language-dependent work (numbers, stopwords, stems) is left to
 * sc_tokens_finish.  Returns SC_OK, SC_ERR_NOMEM or SC_ERR_LIMIT. */
sc_status sc_tokenize(sc_arena *arena, const sc_text *text, sc_token **tokens, size_t *n_tokens,
                      uint32_t **form_ids, uint32_t *n_forms, uint64_t **word_hashes);

/* Reads numbers per the language, marks stopwords, interns stems and reads
 * temporal words; date_lang is the language whose month and weekday names
 * count (a code the date tables know, such as "es", even when lang is only
 * the fallback; NULL: every language's).  stems may keep the tokens' forms
 * (sc_tokenize's, in the document's arena) rather than copies: they must
 * last as long as stems.  Each distinct spelling is analysed once:
 * form_ids and n_forms are sc_tokenize's. */
sc_status sc_tokens_finish(sc_arena *arena, const sc_lang *lang, const char *date_lang,
                           sc_intern *stems, sc_token *tokens, size_t n_tokens,
                           const uint32_t *form_ids, uint32_t n_forms);

/* The value of a number written s[0..len) with the language's separators
 * ("1.300" is 1300 in Indonesian, "1,3" is 1.3).  False when not a number. */
bool sc_number_value(const char *s, size_t len, const sc_lang *lang, double *value);

/* Splits tokens into sentences (abbreviations, initials, decimals, closing
 * quotes, line breaks).  Sets SC_TOKF_SENT_START. */
sc_status sc_split_sentences(sc_arena *arena, const sc_text *text, const sc_lang *lang,
                             sc_token *tokens, size_t n_tokens, sc_sentence **sentences,
                             size_t *n_sentences);

/* Finds names (capitalised runs) and numbers (with their currency and
 * scale words); sets token entity indexes.  other (may be NULL) is the
 * companion text, whose words also tell a capitalised sentence opener from
 * a name. */
sc_status sc_find_entities(sc_arena *arena, sc_analysis *analysis, const sc_analysis *other,
                           const sc_lang *lang);

/* sc_find_entities of each text of a pair, the other as its companion
 * (summary may be NULL: none), reading the words of both once. */
sc_status sc_find_entities_pair(sc_arena *arena, sc_analysis *summary, sc_analysis *article,
                                const sc_lang *lang);

/* The language whose stopwords the tokens use most, or NULL (undetermined)
 * when there are too few words to tell.  form_ids (NULL, or NULL for an
 * array: none) are sc_tokenize's for each array, so that each spelling is
 * looked up once; the answer is the same without them. */
const sc_lang *sc_detect_language(const sc_token *const *token_arrays,
                                  const uint32_t *const *form_ids, const size_t *counts,
                                  size_t n_arrays);

/* The most languages sc_language_hits counts for. */
enum { SC_DETECT_MAX_LANGS = 32 };

/* sc_detect_language in two steps, for a text whose counts are kept (the
 * article cache, src/core/cache.h): each language's stopwords among the
 * tokens, all of them, added to hits[0..sc_language_count) (at most
 * SC_DETECT_MAX_LANGS); then the language of counts added up over every
 * text, the same answer sc_detect_language gives for those texts. */
void sc_language_hits(const sc_token *tokens, const uint32_t *form_ids, size_t n, size_t *hits);
const sc_lang *sc_language_of_hits(const size_t *hits);

#endif
