/*
 * Indonesian stemmer: dictionary-guarded confix stripping.
 *
 * Written from the published algorithm:
 *   - B. Nazief and M. Adriani (1996), "Confix-stripping: approach to
 *     stemming algorithm for Bahasa Indonesia" (internal report, Faculty of
 *     Computer Science, University of Indonesia): the steps, the prefix
 *     disambiguation rules 1-34 with their recodings, the disallowed
 *     prefix/suffix pairs, the root-word dictionary as the stop condition;
 *   - M. Adriani, J. Asian, B. Nazief, S. M. M. Tahaghoghi and H. E.
 *     Williams (2007), "Stemming Indonesian: a confix-stripping approach",
 *     ACM TALIP 6(4), and J. Asian's thesis "Effective Techniques for
 *     Indonesian Text Retrieval" (RMIT 2007), here "Asian et al.": the
 *     changed rules 12 (mempe-) and 16 (mengk-), the added rules 35 and 36,
 *     the rule-precedence adjustment for be-...-lah, be-...-an, me-...-i,
 *     di-...-i, pe-...-i, ter-...-i (prefix first), and reduplicated
 *     ("plural") words;
 *   - A. Z. Arifin, I. P. A. K. Mahendra and H. T. Ciptaningtyas (2009),
 *     "Enhanced confix stripping stemmer and ants algorithm for classifying
 *     news document in Indonesian language" (ICTS 2009), "ECS": rule 14
 *     with s, rule 19 for mempA, rule 29 for pengC, and "loop pengembalian
 *     akhiran", which puts the removed suffixes back one at a time and
 *     retries the prefixes;
 * together with the further rules the Sastrawi project
 * (github.com/sastrawi/sastrawi, MIT) documents and tests: 17c/30c (menge-,
 * penge- before one-syllable roots), 17d (mengV -> ngV), 18a/31a (menyV,
 * penyV keep "ny"), 37-40 (the infixes -er-, -el-, -em-, -in-), 41-42 (the
 * proclitics ku-, kau-), rules 14 and 27 with t, the borrowed suffixes -is,
 * -isme, -isasi, and the hyphenated forms ("kuasa-Mu",
 * "malaikat-malaikat-Nya", "meniru-nirukan").  The behaviour follows
 * Sastrawi's tests (shared/lang/id/stemmer-cases-*.tsv); no code was taken
 * from it.
 *
 * The steps, for a word not in the dictionary and longer than three letters
 * (such words are returned as they are, Nazief & Adriani step 1):
 *   1. When the word looks like one of the confixes of Asian's precedence
 *      adjustment, prefixes are stripped before suffixes; if that finds no
 *      root, the word is restored and the normal order follows.
 *   2. Suffixes: particle (-lah, -kah, -tah, -pun), then possessive (-ku,
 *      -mu, -nya), then derivational (-i, -kan, -an, -is, -isme, -isasi),
 *      stopping as soon as the dictionary knows the word.
 *   3. Prefixes: up to three, each removed by the first rule that applies
 *      (plain di-/ke-/se-, then the disambiguation rules in order, each
 *      trying its recodings and keeping the one the dictionary knows, else
 *      its last).  The outermost prefix must not form a disallowed pair with
 *      the derivational suffix removed in step 2 (Nazief & Adriani step 4a).
 *   4. Loop pengembalian akhiran (Arifin et al.): undo the prefixes, put the
 *      suffixes back from the innermost out (a removed -kan first as -k, as
 *      in "masuk" + "-kan"), and retry step 3 each time.
 *   5. The root is the word reached if the dictionary knows it, else the
 *      word itself.
 *
 * Memory and threads.  Everything works on small fixed buffers on the
 * stack: no allocation, no global state, so the stemmer is thread-safe.
 * Words longer than ID_MAX_WORD bytes, and words with any byte outside
 * [a-z0-9-] (capitals, punctuation, non-ASCII UTF-8), are returned
 * unchanged: every rule is about lower-case ASCII letters, and no root in
 * the dictionary is that long.
 */
#include "stem.h"
#include "core/once.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "id_roots.inc"

/* ------------------------------------------------------------------------
 * Dictionary: a sorted array of NUL-terminated words, searched by binary
 * search.  The built-in one is the generated table, in static storage; the
 * stemmer asks it about every candidate root (dozens per word), so it also
 * gets a hash index (see ROOT_INDEX_AFTER).
 * ------------------------------------------------------------------------ */

struct sc_id_dict {
    const char *const *words; /* sorted by bytes (strcmp order), unique */
    size_t n;
    char *storage;            /* owned copy (sc_id_dict_new), else NULL */
    const char **owned_words; /* words, when owned (sc_id_dict_new) */
};

static const sc_id_dict builtin_dict = {sc_id_roots, SC_ID_ROOTS_COUNT, NULL, NULL};

/* Open addressing over the built-in words, at most half full so that a
 * probe soon meets an empty slot: each slot holds a word's index + 1, or 0.
 * 64 Ki two-byte slots (128 KiB, zeroed storage until first use).
 *
 * Building it (about 2 M instructions) costs what some 5,000 lookups save
 * (about 540 instructions each by binary search, 110 by the index), more
 * than a short Indonesian page asks for.  So, as in ski rental, the first
 * ROOT_INDEX_AFTER lookups of a process go by binary search, and only a
 * process that keeps asking (a batch, a long article) builds the index. */
enum { ROOT_SLOTS = 1u << 16, ROOT_INDEX_AFTER = 5000 };
_Static_assert(SC_ID_ROOTS_COUNT <= ROOT_SLOTS / 2, "the root index must stay half empty");
static uint16_t root_slots[ROOT_SLOTS];
static atomic_int root_slots_state;
static atomic_size_t root_lookups;

/* FNV-1a: cheap, and spreads these short ASCII words well enough. */
static uint32_t word_hash(const char *word, size_t len)
{
    uint32_t h = 2166136261u;

    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)word[i]) * 16777619u;
    return h;
}

static bool build_root_slots(void)
{
    for (size_t i = 0; i < SC_ID_ROOTS_COUNT; i++) {
        size_t at = word_hash(sc_id_roots[i], strlen(sc_id_roots[i]));
        while (root_slots[at & (ROOT_SLOTS - 1)] != 0)
            at++;
        root_slots[at & (ROOT_SLOTS - 1)] = (uint16_t)(i + 1);
    }
    return true;
}

/* Whether the index is there to use, building it once enough lookups have
 * gone without. */
static bool root_slots_ready(void)
{
    if (atomic_load_explicit(&root_slots_state, memory_order_acquire) == SC_ONCE_READY)
        return true;
    if (atomic_fetch_add_explicit(&root_lookups, 1, memory_order_relaxed) < ROOT_INDEX_AFTER)
        return false;
    return sc_once_ready(&root_slots_state, build_root_slots);
}

/* Whether entry is exactly word[0..len), stopping at the entry's end. */
static bool entry_equals(const char *entry, const char *word, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (entry[i] != word[i] || entry[i] == '\0')
            return false;
    return entry[len] == '\0';
}

static bool builtin_has(const char *word, size_t len)
{
    for (size_t at = word_hash(word, len);; at++) {
        unsigned slot = root_slots[at & (ROOT_SLOTS - 1)];
        if (slot == 0)
            return false;
        if (entry_equals(sc_id_roots[slot - 1], word, len))
            return true;
    }
}

const sc_id_dict *sc_id_dict_builtin(void)
{
    return &builtin_dict;
}

/* Compares a dictionary entry with word[0..len) in byte order; an entry
 * that is a proper prefix of the word sorts first, as with strcmp. */
static int entry_cmp(const char *entry, const char *word, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char a = (unsigned char)entry[i];
        unsigned char b = (unsigned char)word[i];
        if (a == 0)
            return -1;
        if (a != b)
            return a < b ? -1 : 1;
    }
    return entry[len] == '\0' ? 0 : 1;
}

bool sc_id_dict_has(const sc_id_dict *dict, const char *word, size_t len)
{
    size_t lo = 0, hi;

    if (dict == NULL || word == NULL || len == 0)
        return false;
    if (dict == &builtin_dict && root_slots_ready())
        return builtin_has(word, len);
    hi = dict->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = entry_cmp(dict->words[mid], word, len);
        if (c == 0)
            return true;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

static int cmp_str_ptr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

sc_id_dict *sc_id_dict_new(const char *const *words, size_t n)
{
    sc_id_dict *dict;
    const char **index;
    size_t bytes = 0, kept = 0;
    char *p;

    if (words == NULL)
        n = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len;
        if (words[i] == NULL || words[i][0] == '\0')
            continue;
        len = strlen(words[i]) + 1;
        if (len >= SIZE_MAX - bytes)
            return NULL;
        bytes += len;
    }
    if (n > (SIZE_MAX - sizeof *dict) / sizeof *index)
        return NULL;

    dict = malloc(sizeof *dict);
    if (dict == NULL)
        return NULL;
    /* One block for the index, one for the text; +1 so that an empty
     * dictionary still gets real (non-NULL) blocks. */
    index = malloc((n + 1) * sizeof *index);
    dict->storage = malloc(bytes + 1);
    if (index == NULL || dict->storage == NULL) {
        free(index);
        free(dict->storage);
        free(dict);
        return NULL;
    }

    p = dict->storage;
    for (size_t i = 0; i < n; i++) {
        size_t len;
        if (words[i] == NULL || words[i][0] == '\0')
            continue;
        len = strlen(words[i]) + 1;
        memcpy(p, words[i], len);
        index[kept++] = p;
        p += len;
    }
    qsort(index, kept, sizeof *index, cmp_str_ptr);

    /* Drop duplicates so that the binary search sees each word once. */
    if (kept > 1) {
        size_t out = 1;
        for (size_t i = 1; i < kept; i++)
            if (strcmp(index[i], index[out - 1]) != 0)
                index[out++] = index[i];
        kept = out;
    }
    dict->words = index;
    dict->owned_words = index;
    dict->n = kept;
    return dict;
}

void sc_id_dict_free(sc_id_dict *dict)
{
    if (dict == NULL || dict == &builtin_dict)
        return;
    free(dict->owned_words);
    free(dict->storage);
    free(dict);
}

/* ------------------------------------------------------------------------
 * Small strings.
 * ------------------------------------------------------------------------ */

/* Longest word stemmed; longer ones are returned unchanged.  The longest
 * root is 20 letters and real affixed forms stay well under 40 (the
 * longest, "dipertanggungjawabkannya", has 24); a reduplicated pair of them
 * still fits. */
enum { ID_MAX_WORD = 96 };

/* Room for the longest string ever built from a word of ID_MAX_WORD bytes:
 * "me" + the part after a hyphen (reduplication) adds at most one byte; the
 * rest only shorten. */
enum { ID_BUF = ID_MAX_WORD + 4 };

typedef struct {
    char s[ID_BUF];
    size_t n;
} id_str;

static void str_set(id_str *d, const char *s, size_t n)
{
    if (n >= ID_BUF)
        n = ID_BUF - 1; /* cannot happen (see ID_BUF); keeps memcpy in bounds */
    memmove(d->s, s, n);
    d->n = n;
    d->s[n] = '\0';
}

/* d = head + tail; tail may point into d. */
static void str_set2(id_str *d, const char *head, size_t hn, const char *tail, size_t tn)
{
    char tmp[ID_BUF];

    if (hn + tn >= ID_BUF)
        tn = hn < ID_BUF - 1 ? ID_BUF - 1 - hn : 0;
    if (hn >= ID_BUF)
        hn = ID_BUF - 1;
    memcpy(tmp, head, hn);
    memcpy(tmp + hn, tail, tn);
    str_set(d, tmp, hn + tn);
}

static bool str_eq(const id_str *a, const id_str *b)
{
    return a->n == b->n && memcmp(a->s, b->s, a->n) == 0;
}

/* Byte loops, not strlen + memcmp: the prefixes are two to five letters
 * and the rules ask thousands of times per text. */
static bool starts(const char *w, size_t n, const char *prefix)
{
    for (size_t i = 0; prefix[i] != '\0'; i++)
        if (i >= n || w[i] != prefix[i])
            return false;
    return true;
}

static bool ends(const char *w, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && memcmp(w + n - k, suffix, k) == 0;
}

static bool is_vowel(char c)
{
    return c == 'a' || c == 'i' || c == 'u' || c == 'e' || c == 'o';
}

static bool is_letter(char c)
{
    return c >= 'a' && c <= 'z';
}

static bool is_consonant(char c)
{
    return is_letter(c) && !is_vowel(c);
}

/* Consonants other than r, w, y, l, m, n: the C1 of rules 35 and 36
 * (Asian et al.), letters that "pe-"/"ter-" attach to without change. */
static bool is_plain_consonant(char c)
{
    return is_consonant(c) && strchr("rwylmn", c) == NULL;
}

/* ------------------------------------------------------------------------
 * Prefix disambiguation rules.  Each returns false when it does not apply
 * (or its condition excludes the word), else writes the candidate root.
 * Numbers are those of Nazief & Adriani and Asian et al.; letters a/b/c/d
 * are the alternative recodings of one rule, tried in order.
 * ------------------------------------------------------------------------ */

typedef bool (*rule_fn)(const char *w, size_t n, id_str *out);

/* out = w[from..n) */
static bool cut(const char *w, size_t n, size_t from, id_str *out)
{
    str_set(out, w + from, n - from);
    return true;
}

/* out = head + w[from..n): the recoded first letter of the root. */
static bool recode(const char *w, size_t n, size_t from, const char *head, id_str *out)
{
    str_set2(out, head, strlen(head), w + from, n - from);
    return true;
}

/* The letter at i, or NUL past the end. */
static char at(const char *w, size_t n, size_t i)
{
    return i < n ? w[i] : '\0';
}

/* be- (rules 1-5) */
static bool rule_1a(const char *w, size_t n, id_str *o)
{
    return starts(w, n, "ber") && is_vowel(at(w, n, 3)) && cut(w, n, 3, o);
}
static bool rule_1b(const char *w, size_t n, id_str *o)
{
    return starts(w, n, "ber") && is_vowel(at(w, n, 3)) && recode(w, n, 3, "r", o);
}
static bool rule_2(const char *w, size_t n, id_str *o)
{
    /* berCAP -> ber-CAP where P != 'er' */
    if (!starts(w, n, "ber") || !is_consonant(at(w, n, 3)) || !is_letter(at(w, n, 4)))
        return false;
    if (starts(w + 5, n - 5, "er"))
        return false;
    return cut(w, n, 3, o);
}
static bool rule_3(const char *w, size_t n, id_str *o)
{
    /* berCAerV -> ber-CAerV where C != 'r' */
    if (!starts(w, n, "ber") || !is_consonant(at(w, n, 3)) || !is_letter(at(w, n, 4)) ||
        !starts(w + 5, n - 5, "er") || !is_vowel(at(w, n, 7)))
        return false;
    return w[3] != 'r' && cut(w, n, 3, o);
}
static bool rule_4(const char *w, size_t n, id_str *o)
{
    /* belajar -> bel-ajar, the one root where be- becomes bel- */
    if (n != 7 || memcmp(w, "belajar", 7) != 0)
        return false;
    str_set(o, "ajar", 4);
    return true;
}
static bool rule_5(const char *w, size_t n, id_str *o)
{
    /* beC1erC2 -> be-C1erC2 where C1 != 'r' */
    return starts(w, n, "be") && is_consonant(at(w, n, 2)) && w[2] != 'r' &&
           starts(w + 3, n - 3, "er") && is_consonant(at(w, n, 5)) && cut(w, n, 2, o);
}

/* te- (rules 6-9, 35) */
static bool rule_6a(const char *w, size_t n, id_str *o)
{
    return starts(w, n, "ter") && is_vowel(at(w, n, 3)) && cut(w, n, 3, o);
}
static bool rule_6b(const char *w, size_t n, id_str *o)
{
    return starts(w, n, "ter") && is_vowel(at(w, n, 3)) && recode(w, n, 3, "r", o);
}
static bool rule_7(const char *w, size_t n, id_str *o)
{
    /* terCerV -> ter-CerV where C != 'r' */
    if (!starts(w, n, "ter") || !is_consonant(at(w, n, 3)) || !starts(w + 4, n - 4, "er") ||
        !is_vowel(at(w, n, 6)))
        return false;
    return w[3] != 'r' && cut(w, n, 3, o);
}
static bool rule_8(const char *w, size_t n, id_str *o)
{
    /* terCP -> ter-CP where C != 'r' and P != 'er' */
    if (!starts(w, n, "ter") || !is_consonant(at(w, n, 3)))
        return false;
    return w[3] != 'r' && !starts(w + 4, n - 4, "er") && cut(w, n, 3, o);
}
static bool rule_9(const char *w, size_t n, id_str *o)
{
    /* teC1erC2 -> te-C1erC2 where C1 != 'r' */
    if (!starts(w, n, "te") || !is_consonant(at(w, n, 2)) || !starts(w + 3, n - 3, "er") ||
        !is_consonant(at(w, n, 5)))
        return false;
    return w[2] != 'r' && cut(w, n, 2, o);
}
static bool rule_35(const char *w, size_t n, id_str *o)
{
    /* terC1erC2 -> ter-C1erC2 where C1 not in {r,w,y,l,m,n} (Asian) */
    return starts(w, n, "ter") && is_plain_consonant(at(w, n, 3)) && starts(w + 4, n - 4, "er") &&
           is_consonant(at(w, n, 6)) && cut(w, n, 3, o);
}

/* me- (rules 10-19): the nasal assimilation of meN- */
static bool rule_10(const char *w, size_t n, id_str *o)
{
    /* me{l|r|w|y}V -> me-{l|r|w|y}V */
    return starts(w, n, "me") && strchr("lrwy", at(w, n, 2)) != NULL && at(w, n, 2) != '\0' &&
           is_vowel(at(w, n, 3)) && cut(w, n, 2, o);
}
static bool rule_11(const char *w, size_t n, id_str *o)
{
    /* mem{b|f|v} -> mem-{b|f|v} */
    char c = at(w, n, 3);
    return starts(w, n, "mem") && (c == 'b' || c == 'f' || c == 'v') && cut(w, n, 3, o);
}
static bool rule_12(const char *w, size_t n, id_str *o)
{
    /* mempe -> mem-pe (Asian's generalisation of mempe{r|l}) */
    return starts(w, n, "mempe") && cut(w, n, 3, o);
}
static bool rule_13a(const char *w, size_t n, id_str *o)
{
    /* memV -> me-mV */
    return starts(w, n, "mem") && is_vowel(at(w, n, 3)) && cut(w, n, 2, o);
}
static bool rule_13b(const char *w, size_t n, id_str *o)
{
    /* memV -> me-pV: p assimilated to m */
    return starts(w, n, "mem") && is_vowel(at(w, n, 3)) && recode(w, n, 3, "p", o);
}
static bool rule_14(const char *w, size_t n, id_str *o)
{
    /* men{c|d|j|s|t|z} -> men-{c|d|j|s|t|z} (s: ECS, t: Sastrawi) */
    char c = at(w, n, 3);
    return starts(w, n, "men") && c != '\0' && strchr("cdjstz", c) != NULL && cut(w, n, 3, o);
}
static bool rule_15a(const char *w, size_t n, id_str *o)
{
    /* menV -> me-nV */
    return starts(w, n, "men") && is_vowel(at(w, n, 3)) && cut(w, n, 2, o);
}
static bool rule_15b(const char *w, size_t n, id_str *o)
{
    /* menV -> me-tV: t assimilated to n */
    return starts(w, n, "men") && is_vowel(at(w, n, 3)) && recode(w, n, 3, "t", o);
}
static bool rule_16(const char *w, size_t n, id_str *o)
{
    /* meng{g|h|q|k} -> meng-{g|h|q|k} (k: Asian, for "mengkritik") */
    char c = at(w, n, 4);
    return starts(w, n, "meng") && (c == 'g' || c == 'h' || c == 'q' || c == 'k') &&
           cut(w, n, 4, o);
}
static bool rule_17a(const char *w, size_t n, id_str *o)
{
    /* mengV -> meng-V */
    return starts(w, n, "meng") && is_vowel(at(w, n, 4)) && cut(w, n, 4, o);
}
static bool rule_17b(const char *w, size_t n, id_str *o)
{
    /* mengV -> meng-kV: k assimilated to ng */
    return starts(w, n, "meng") && is_vowel(at(w, n, 4)) && recode(w, n, 4, "k", o);
}
static bool rule_17c(const char *w, size_t n, id_str *o)
{
    /* menge- before a one-syllable root: "mengebom" */
    return starts(w, n, "menge") && cut(w, n, 5, o);
}
static bool rule_17d(const char *w, size_t n, id_str *o)
{
    /* mengV -> me-ngV: roots that begin with ng ("menganga") */
    return starts(w, n, "meng") && is_vowel(at(w, n, 4)) && cut(w, n, 2, o);
}
static bool rule_18a(const char *w, size_t n, id_str *o)
{
    /* menyV -> me-nyV: roots that begin with ny ("menyanyi") */
    return starts(w, n, "meny") && is_vowel(at(w, n, 4)) && cut(w, n, 2, o);
}
static bool rule_18b(const char *w, size_t n, id_str *o)
{
    /* menyV -> meny-sV: s assimilated to ny */
    return starts(w, n, "meny") && is_vowel(at(w, n, 4)) && recode(w, n, 4, "s", o);
}
static bool rule_19(const char *w, size_t n, id_str *o)
{
    /* mempA -> mem-pA where A is neither e nor n (ECS, "memproteksi") */
    char c = at(w, n, 4);
    return starts(w, n, "memp") && is_letter(c) && c != 'e' && c != 'n' && cut(w, n, 3, o);
}

/* pe- (rules 20-34, 36): the nasal assimilation of peN- and per- */
static bool rule_20(const char *w, size_t n, id_str *o)
{
    /* pe{w|y}V -> pe-{w|y}V */
    char c = at(w, n, 2);
    return starts(w, n, "pe") && (c == 'w' || c == 'y') && is_vowel(at(w, n, 3)) && cut(w, n, 2, o);
}
static bool rule_21a(const char *w, size_t n, id_str *o)
{
    /* perV -> per-V */
    return starts(w, n, "per") && is_vowel(at(w, n, 3)) && cut(w, n, 3, o);
}
static bool rule_21b(const char *w, size_t n, id_str *o)
{
    /* perV -> pe-rV */
    return starts(w, n, "per") && is_vowel(at(w, n, 3)) && cut(w, n, 2, o);
}
static bool rule_23(const char *w, size_t n, id_str *o)
{
    /* perCAP -> per-CAP where P != 'er' */
    if (!starts(w, n, "per") || !is_consonant(at(w, n, 3)) || !is_letter(at(w, n, 4)))
        return false;
    return !starts(w + 5, n - 5, "er") && cut(w, n, 3, o);
}
static bool rule_24(const char *w, size_t n, id_str *o)
{
    /* perCAerV -> per-CAerV where C != 'r' */
    if (!starts(w, n, "per") || !is_consonant(at(w, n, 3)) || !is_letter(at(w, n, 4)) ||
        !starts(w + 5, n - 5, "er") || !is_vowel(at(w, n, 7)))
        return false;
    return w[3] != 'r' && cut(w, n, 3, o);
}
static bool rule_25(const char *w, size_t n, id_str *o)
{
    /* pem{b|f|v} -> pem-{b|f|v} */
    char c = at(w, n, 3);
    return starts(w, n, "pem") && (c == 'b' || c == 'f' || c == 'v') && cut(w, n, 3, o);
}
static bool rule_26a(const char *w, size_t n, id_str *o)
{
    /* pemV -> pe-mV */
    return starts(w, n, "pem") && is_vowel(at(w, n, 3)) && cut(w, n, 2, o);
}
static bool rule_26b(const char *w, size_t n, id_str *o)
{
    /* pemV -> pe-pV */
    return starts(w, n, "pem") && is_vowel(at(w, n, 3)) && recode(w, n, 3, "p", o);
}
static bool rule_27(const char *w, size_t n, id_str *o)
{
    /* pen{c|d|j|s|t|z} -> pen-{c|d|j|s|t|z} ("penstabilan") */
    char c = at(w, n, 3);
    return starts(w, n, "pen") && c != '\0' && strchr("cdjstz", c) != NULL && cut(w, n, 3, o);
}
static bool rule_28a(const char *w, size_t n, id_str *o)
{
    /* penV -> pe-nV */
    return starts(w, n, "pen") && is_vowel(at(w, n, 3)) && cut(w, n, 2, o);
}
static bool rule_28b(const char *w, size_t n, id_str *o)
{
    /* penV -> pe-tV */
    return starts(w, n, "pen") && is_vowel(at(w, n, 3)) && recode(w, n, 3, "t", o);
}
static bool rule_29(const char *w, size_t n, id_str *o)
{
    /* pengC -> peng-C (ECS generalisation of peng{g|h|q}) */
    return starts(w, n, "peng") && is_consonant(at(w, n, 4)) && cut(w, n, 4, o);
}
static bool rule_30a(const char *w, size_t n, id_str *o)
{
    /* pengV -> peng-V */
    return starts(w, n, "peng") && is_vowel(at(w, n, 4)) && cut(w, n, 4, o);
}
static bool rule_30b(const char *w, size_t n, id_str *o)
{
    /* pengV -> peng-kV */
    return starts(w, n, "peng") && is_vowel(at(w, n, 4)) && recode(w, n, 4, "k", o);
}
static bool rule_30c(const char *w, size_t n, id_str *o)
{
    /* penge- before a one-syllable root: "pengebom" */
    return starts(w, n, "penge") && cut(w, n, 5, o);
}
static bool rule_31a(const char *w, size_t n, id_str *o)
{
    /* penyV -> pe-nyV */
    return starts(w, n, "peny") && is_vowel(at(w, n, 4)) && cut(w, n, 2, o);
}
static bool rule_31b(const char *w, size_t n, id_str *o)
{
    /* penyV -> peny-sV */
    return starts(w, n, "peny") && is_vowel(at(w, n, 4)) && recode(w, n, 4, "s", o);
}
static bool rule_32(const char *w, size_t n, id_str *o)
{
    /* pelV -> pe-lV, except pelajar -> ajar */
    if (n == 7 && memcmp(w, "pelajar", 7) == 0) {
        str_set(o, "ajar", 4);
        return true;
    }
    return starts(w, n, "pel") && is_vowel(at(w, n, 3)) && cut(w, n, 2, o);
}
static bool rule_34(const char *w, size_t n, id_str *o)
{
    /* peCP -> pe-CP where P != 'er' */
    if (!starts(w, n, "pe") || !is_consonant(at(w, n, 2)))
        return false;
    return !starts(w + 3, n - 3, "er") && cut(w, n, 2, o);
}
static bool rule_36(const char *w, size_t n, id_str *o)
{
    /* peC1erC2 -> pe-C1erC2 where C1 not in {r,w,y,l,m,n} (Asian) */
    return starts(w, n, "pe") && is_plain_consonant(at(w, n, 2)) && starts(w + 3, n - 3, "er") &&
           is_consonant(at(w, n, 5)) && cut(w, n, 2, o);
}

/* Infixes -er-, -el-, -em-, -in- after the first consonant (rules 37-40).
 * The "a" form keeps the word; it only wins when the word itself is a root,
 * which is checked before the rules run, so in effect the "b" form (infix
 * removed) is the candidate. */
static bool infix_keep(const char *w, size_t n, const char *infix, id_str *o)
{
    return is_consonant(at(w, n, 0)) && starts(w + 1, n - 1, infix) && is_vowel(at(w, n, 3)) &&
           cut(w, n, 0, o);
}
static bool infix_drop(const char *w, size_t n, const char *infix, id_str *o)
{
    if (!is_consonant(at(w, n, 0)) || !starts(w + 1, n - 1, infix) || !is_vowel(at(w, n, 3)))
        return false;
    str_set2(o, w, 1, w + 3, n - 3);
    return true;
}
static bool rule_37a(const char *w, size_t n, id_str *o)
{
    return infix_keep(w, n, "er", o);
}
static bool rule_37b(const char *w, size_t n, id_str *o)
{
    return infix_drop(w, n, "er", o);
}
static bool rule_38a(const char *w, size_t n, id_str *o)
{
    return infix_keep(w, n, "el", o);
}
static bool rule_38b(const char *w, size_t n, id_str *o)
{
    return infix_drop(w, n, "el", o);
}
static bool rule_39a(const char *w, size_t n, id_str *o)
{
    return infix_keep(w, n, "em", o);
}
static bool rule_39b(const char *w, size_t n, id_str *o)
{
    return infix_drop(w, n, "em", o);
}
static bool rule_40a(const char *w, size_t n, id_str *o)
{
    return infix_keep(w, n, "in", o);
}
static bool rule_40b(const char *w, size_t n, id_str *o)
{
    return infix_drop(w, n, "in", o);
}

/* Proclitic pronouns ku- and kau- ("kupukul", "kauhajar"). */
static bool rule_41(const char *w, size_t n, id_str *o)
{
    return starts(w, n, "ku") && cut(w, n, 2, o);
}
static bool rule_42(const char *w, size_t n, id_str *o)
{
    return starts(w, n, "kau") && cut(w, n, 3, o);
}

/* Plain prefixes di-, ke-, se- (no recoding). */
static bool plain_prefix(const char *w, size_t n, id_str *o)
{
    return (starts(w, n, "di") || starts(w, n, "ke") || starts(w, n, "se")) && cut(w, n, 2, o);
}

/* The prefix a step removes, for the disallowed-pair check. */
typedef enum { PFX_NONE, PFX_DI, PFX_KE, PFX_SE, PFX_BE, PFX_TE, PFX_ME, PFX_PE } prefix_kind;

enum { MAX_ALTS = 4 };

/* One prefix step: alternative recodings, tried in order. */
typedef struct {
    prefix_kind kind;
    rule_fn alts[MAX_ALTS];
} prefix_step;

/* Order matters: the first step that applies removes the prefix.  The
 * numbering is Sastrawi's, which has no rule 22 and leaves out rule 33
 * (peCerV -> per-erV) for want of an example word. */
static const prefix_step prefix_steps[] = {
    {PFX_NONE, {plain_prefix}}, /* kind from the word, see step_kind */
    {PFX_BE, {rule_1a, rule_1b}},
    {PFX_BE, {rule_2}},
    {PFX_BE, {rule_3}},
    {PFX_BE, {rule_4}},
    {PFX_BE, {rule_5}},
    {PFX_TE, {rule_6a, rule_6b}},
    {PFX_TE, {rule_7}},
    {PFX_TE, {rule_8}},
    {PFX_TE, {rule_9}},
    {PFX_ME, {rule_10}},
    {PFX_ME, {rule_11}},
    {PFX_ME, {rule_12}},
    {PFX_ME, {rule_13a, rule_13b}},
    {PFX_ME, {rule_14}},
    {PFX_ME, {rule_15a, rule_15b}},
    {PFX_ME, {rule_16}},
    {PFX_ME, {rule_17a, rule_17b, rule_17c, rule_17d}},
    {PFX_ME, {rule_18a, rule_18b}},
    {PFX_ME, {rule_19}},
    {PFX_PE, {rule_20}},
    {PFX_PE, {rule_21a, rule_21b}},
    {PFX_PE, {rule_23}},
    {PFX_PE, {rule_24}},
    {PFX_PE, {rule_25}},
    {PFX_PE, {rule_26a, rule_26b}},
    {PFX_PE, {rule_27}},
    {PFX_PE, {rule_28a, rule_28b}},
    {PFX_PE, {rule_29}},
    {PFX_PE, {rule_30a, rule_30b, rule_30c}},
    {PFX_PE, {rule_31a, rule_31b}},
    {PFX_PE, {rule_32}},
    {PFX_PE, {rule_34}},
    {PFX_TE, {rule_35}},
    {PFX_PE, {rule_36}},
    {PFX_NONE, {rule_37a, rule_37b}},
    {PFX_NONE, {rule_38a, rule_38b}},
    {PFX_NONE, {rule_39a, rule_39b}},
    {PFX_NONE, {rule_40a, rule_40b}},
    {PFX_NONE, {rule_41}},
    {PFX_NONE, {rule_42}},
};

enum { N_PREFIX_STEPS = sizeof prefix_steps / sizeof prefix_steps[0] };

/* ------------------------------------------------------------------------
 * The stemming context.
 * ------------------------------------------------------------------------ */

/* What a removal took off: a particle, a possessive pronoun, a
 * derivational suffix or a derivational prefix. */
typedef enum { AFFIX_P, AFFIX_PP, AFFIX_DS, AFFIX_DP } affix_type;

typedef struct {
    affix_type type;
    id_str subject;    /* the word before the removal */
    size_t result_len; /* suffixes: the word after is subject[0..result_len) */
} removal;

/* At most three suffix and three prefix removals are recorded at a time:
 * the prefix-first attempt forgets its own before the main pass, and the
 * restore loop records nothing. */
enum { MAX_REMOVALS = 8 };

typedef enum { SUF_NONE, SUF_I, SUF_KAN, SUF_AN } guard_suffix;

typedef struct {
    const sc_id_dict *dict;
    id_str cur;
    removal removals[MAX_REMOVALS];
    size_t n_removals;
    bool record;        /* record removals (not inside the restore loop) */
    guard_suffix guard; /* derivational suffix the first prefix must pair with */
    bool first_prefix;  /* no prefix removed yet in this prefix pass */
    bool blocked;       /* a disallowed pair ended this prefix pass */
} id_ctx;

static bool has_str(const id_ctx *c, const id_str *s)
{
    return sc_id_dict_has(c->dict, s->s, s->n);
}

static bool found(const id_ctx *c)
{
    return has_str(c, &c->cur);
}

static void add_removal(id_ctx *c, affix_type type, size_t result_len)
{
    removal *r;

    if (!c->record || c->n_removals >= MAX_REMOVALS)
        return;
    r = &c->removals[c->n_removals++];
    r->type = type;
    r->subject = c->cur;
    r->result_len = result_len;
}

/* Removes the longest of the given suffixes, optionally with any hyphens
 * before it ("kuasa-mu", "allah-lah"). */
static void strip_suffix(id_ctx *c, const char *const *suffixes, bool hyphens, affix_type type)
{
    size_t best = 0;

    for (size_t i = 0; suffixes[i] != NULL; i++) {
        size_t k = strlen(suffixes[i]);
        if (k > best && ends(c->cur.s, c->cur.n, suffixes[i]))
            best = k;
    }
    if (best == 0)
        return;
    best = c->cur.n - best;
    while (hyphens && best > 0 && c->cur.s[best - 1] == '-')
        best--;
    add_removal(c, type, best);
    c->cur.n = best;
    c->cur.s[best] = '\0';
}

static const char *const particles[] = {"lah", "kah", "tah", "pun", NULL};
static const char *const possessives[] = {"ku", "mu", "nya", NULL};
/* -is, -isme, -isasi: borrowed suffixes ("idealis", "finalisasi"), as in
 * Sastrawi; the longest match wins ("kan" over "an", "isasi" over "i"). */
static const char *const derivationals[] = {"i", "kan", "an", "is", "isme", "isasi", NULL};

/* Step 2: particle, possessive, derivational suffix; stops at a root. */
static void remove_suffixes(id_ctx *c)
{
    strip_suffix(c, particles, true, AFFIX_P);
    if (found(c))
        return;
    strip_suffix(c, possessives, true, AFFIX_PP);
    if (found(c))
        return;
    strip_suffix(c, derivationals, false, AFFIX_DS);
}

static prefix_kind step_kind(const prefix_step *step, const id_str *w)
{
    if (step->kind != PFX_NONE || step->alts[0] != plain_prefix)
        return step->kind;
    if (starts(w->s, w->n, "di"))
        return PFX_DI;
    if (starts(w->s, w->n, "ke"))
        return PFX_KE;
    return PFX_SE;
}

/* Nazief & Adriani's disallowed prefix/suffix pairs, as Asian et al.
 * (2007, table II) list them: be-...-i, di-...-an, ke-...-i, ke-...-kan,
 * me-...-an, se-...-i, se-...-kan.  "ketahui" is the one ke-...-i word.
 *
 * Checked (step 4a) for the outermost prefix only, and only while the
 * derivational suffix is off, i.e. in the main suffix-then-prefix pass; a
 * disallowed pair ends that pass and the restore loop retries with the
 * suffix back on, where "be-ramai" finds "ramai" instead of "ber-am-ai"
 * finding "ama".  Sastrawi keeps this table but never applies it, so the
 * two differ on some words: on Snowball's 64,586-word Indonesian vocabulary
 * 187 stems change, mostly for the better (berapi -> api not rap,
 * kerusakan -> rusak not rusa, ditelan -> telan not tel, seandainya ->
 * andai not anda), a few for the worse (kehendaki, kesampingkan, and
 * run-together "di" + noun such as "dikalangan" stay as they are). */
static bool pair_disallowed(prefix_kind p, guard_suffix s, const id_str *w)
{
    switch (p) {
    case PFX_BE:
        return s == SUF_I;
    case PFX_DI:
        return s == SUF_AN;
    case PFX_KE:
        if (s == SUF_I)
            return !(w->n == 6 && memcmp(w->s, "ketahu", 6) == 0);
        return s == SUF_KAN;
    case PFX_ME:
        return s == SUF_AN;
    case PFX_SE:
        return s == SUF_I || s == SUF_KAN;
    default:
        return false;
    }
}

/* The letter every rule of a step needs the word to start with, or NUL
 * when the step's rules start with various letters. */
static char step_first_letter(const prefix_step *step)
{
    switch (step->kind) {
    case PFX_BE:
        return 'b';
    case PFX_TE:
        return 't';
    case PFX_ME:
        return 'm';
    case PFX_PE:
        return 'p';
    default:
        return '\0';
    }
}

/* One prefix removal: the first step that applies.  Within a step the
 * recodings are tried in order and the first the dictionary knows is kept;
 * if none is known, the last one's answer stands (none, if it does not
 * apply).  Returns true when a prefix was removed. */
static bool remove_one_prefix(id_ctx *c)
{
    for (size_t i = 0; i < N_PREFIX_STEPS; i++) {
        const prefix_step *step = &prefix_steps[i];
        char first = step_first_letter(step);
        id_str cand;
        bool have = false;

        if (first != '\0' && (c->cur.n == 0 || c->cur.s[0] != first))
            continue;

        for (size_t k = 0; k < MAX_ALTS && step->alts[k] != NULL; k++) {
            have = step->alts[k](c->cur.s, c->cur.n, &cand);
            if (have && has_str(c, &cand))
                break;
        }
        if (!have)
            continue;
        if (c->first_prefix && c->guard != SUF_NONE &&
            pair_disallowed(step_kind(step, &c->cur), c->guard, &c->cur)) {
            c->blocked = true;
            return false;
        }
        add_removal(c, AFFIX_DP, 0);
        c->cur = cand;
        c->first_prefix = false;
        return true;
    }
    return false;
}

/* Step 3: up to three prefixes, stopping at a root. */
static void remove_prefixes(id_ctx *c)
{
    c->first_prefix = true;
    c->blocked = false;
    for (int i = 0; i < 3; i++) {
        remove_one_prefix(c);
        if (c->blocked || found(c))
            return;
    }
}

static guard_suffix last_derivational(const id_ctx *c)
{
    for (size_t i = c->n_removals; i-- > 0;) {
        const removal *r = &c->removals[i];
        const char *part;
        size_t n;
        if (r->type != AFFIX_DS)
            continue;
        part = r->subject.s + r->result_len;
        n = r->subject.n - r->result_len;
        if (n == 1 && part[0] == 'i')
            return SUF_I;
        if (n == 3 && memcmp(part, "kan", 3) == 0)
            return SUF_KAN;
        if (n == 2 && memcmp(part, "an", 2) == 0)
            return SUF_AN;
        return SUF_NONE;
    }
    return SUF_NONE;
}

/* Step 4, Arifin et al.'s "loop pengembalian akhiran": undo the prefixes
 * (back to the word as it was before the first one went), then put the
 * suffixes back one at a time, innermost first, and retry the prefixes on
 * each form.  A removed -kan is first tried as -k, since it may have been
 * the -an of a root that ends in k ("bisikan" = bisik + -an). */
static void restore_loop(id_ctx *c)
{
    removal suffixes[MAX_REMOVALS];
    size_t n = 0;
    id_str base;

    for (size_t i = 0; i < c->n_removals; i++) {
        if (c->removals[i].type == AFFIX_DP) {
            c->cur = c->removals[i].subject;
            break;
        }
    }
    for (size_t i = 0; i < c->n_removals; i++)
        if (c->removals[i].type != AFFIX_DP)
            suffixes[n++] = c->removals[i];

    base = c->cur;
    c->record = false;
    c->guard = SUF_NONE;
    for (size_t i = n; i-- > 0;) {
        const removal *r = &suffixes[i];
        size_t removed = r->subject.n - r->result_len;

        if (removed == 3 && memcmp(r->subject.s + r->result_len, "kan", 3) == 0) {
            str_set2(&c->cur, r->subject.s, r->result_len, "k", 1);
            remove_prefixes(c);
            if (found(c))
                return;
        }
        c->cur = r->subject;
        remove_prefixes(c);
        if (found(c))
            return;
        c->cur = base;
    }
}

/* Asian et al.'s rule-precedence adjustment: these confixes have their
 * prefix removed first ("bertahan": ber-tahan, not ber-tah-an). */
static bool prefix_first(const char *w, size_t n)
{
    static const char *const pairs[][2] = {
        {"be", "lah"}, {"be", "an"}, {"me", "i"}, {"di", "i"}, {"pe", "i"}, {"ter", "i"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        size_t k = strlen(pairs[i][0]) + strlen(pairs[i][1]);
        if (n >= k && starts(w, n, pairs[i][0]) && ends(w, n, pairs[i][1]))
            return true;
    }
    return false;
}

/* The root of a word without reduplication, or the word itself. */
static void stem_singular(const sc_id_dict *dict, const char *w, size_t n, id_str *out)
{
    id_ctx c;

    if (n <= 3 || sc_id_dict_has(dict, w, n)) {
        str_set(out, w, n);
        return;
    }
    memset(&c, 0, sizeof c);
    c.dict = dict;
    c.record = true;
    str_set(&c.cur, w, n);

    if (prefix_first(w, n)) {
        remove_prefixes(&c);
        if (found(&c))
            goto done;
        remove_suffixes(&c);
        if (found(&c))
            goto done;
        str_set(&c.cur, w, n);
        c.n_removals = 0;
    }

    remove_suffixes(&c);
    if (found(&c))
        goto done;
    c.guard = last_derivational(&c);
    remove_prefixes(&c);
    c.guard = SUF_NONE;
    if (found(&c))
        goto done;
    restore_loop(&c);

done:
    if (found(&c))
        *out = c.cur;
    else
        str_set(out, w, n);
}

static bool is_clitic(const char *s, size_t n)
{
    static const char *const clitics[] = {"ku", "mu", "nya", "lah", "kah", "tah", "pun"};
    for (size_t i = 0; i < sizeof clitics / sizeof clitics[0]; i++)
        if (strlen(clitics[i]) == n && memcmp(s, clitics[i], n) == 0)
            return true;
    return false;
}

static const char *last_hyphen(const char *w, size_t n)
{
    for (size_t i = n; i-- > 0;)
        if (w[i] == '-')
            return w + i;
    return NULL;
}

/* Reduplication (Asian 2007, pp. 76-77): "buku-buku" -> buku when both
 * halves stem alike; "kuasa-mu" and "malaikat-malaikat-nya" keep the clitic
 * with the half it belongs to; "meniru-nirukan" retries the bare second
 * half with me- put back.  Halves that stem apart keep the whole word
 * ("bolak-balik"). */
static void stem_word(const sc_id_dict *dict, const char *w, size_t n, id_str *out)
{
    const char *h = last_hyphen(w, n);
    const char *h1;
    const char *second;
    size_t n1, n2;
    id_str r1, r2;

    /* A word the dictionary knows is a root, hyphen or not: "kupu-kupu"
     * (butterfly) stays whole.  This is Nazief & Adriani's step 1; Sastrawi
     * splits hyphenated roots too ("kupu").  No test vector has one. */
    if (h == NULL || sc_id_dict_has(dict, w, n)) {
        stem_singular(dict, w, n, out);
        return;
    }
    h1 = last_hyphen(w, (size_t)(h - w));
    if (is_clitic(h + 1, n - (size_t)(h - w) - 1)) {
        if (h1 == NULL) {
            /* "kuasa-mu": one word with a clitic, not a reduplication. */
            stem_singular(dict, w, n, out);
            return;
        }
        h = h1; /* "malaikat-malaikat-nya" -> "malaikat" + "malaikat-nya" */
    }
    n1 = (size_t)(h - w);
    second = h + 1;
    n2 = n - n1 - 1;

    stem_singular(dict, w, n1, &r1);
    stem_singular(dict, second, n2, &r2);
    if (r2.n == n2 && memcmp(r2.s, second, n2) == 0 && !sc_id_dict_has(dict, second, n2)) {
        id_str me;
        str_set2(&me, "me", 2, second, n2);
        stem_singular(dict, me.s, me.n, &r2);
    }
    if (str_eq(&r1, &r2) && r1.n <= n)
        *out = r1;
    else
        str_set(out, w, n);
}

static size_t write_out(const char *s, size_t n, char *out, size_t cap)
{
    if (n > cap - 1)
        n = cap - 1;
    memmove(out, s, n);
    out[n] = '\0';
    return n;
}

size_t sc_stem_id(const sc_id_dict *dict, const char *word, size_t len, char *out, size_t cap)
{
    id_str stem;

    if (out == NULL || cap == 0)
        return 0;
    if (word == NULL)
        return write_out("", 0, out, cap);
    /* Without a dictionary no root can be confirmed: the word stays. */
    if (len > ID_MAX_WORD || dict == NULL)
        return write_out(word, len, out, cap);
    for (size_t i = 0; i < len; i++) {
        char ch = word[i];
        if (!is_letter(ch) && !(ch >= '0' && ch <= '9') && ch != '-')
            return write_out(word, len, out, cap);
    }
    stem_word(dict, word, len, &stem);
    if (stem.n > len) /* cannot happen: every step shortens */
        return write_out(word, len, out, cap);
    return write_out(stem.s, stem.n, out, cap);
}
