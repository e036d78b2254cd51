/* The parts of a news page both readers look for in its text: the AI
 * disclaimer, the dateline that opens an article ("MOSKOW, Rusia – ") and
 * the credit that closes it ("– Rappler.com", "(Reuters)").  Every function
 * takes one paragraph as s[0..len). */
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "io.h"
#include "core/once.h"
#include "lang/lang.h"
#include "text/text.h"

/* A dateline is a short prefix: "WASHINGTON, D.C., United States (Reuters) –". */
enum { DATELINE_MAX_BYTES = 100 };
/* A credit is a few words after a dash at the end of the article. */
enum { CREDIT_MAX_BYTES = 60 };

bool sc_disclaimer_phrase_in(const char *folded)
{
    for (size_t l = 0; l < sc_language_count; l++) {
        const sc_word_list *phrases = &sc_languages[l]->disclaimer_phrases;
        for (size_t k = 0; k < phrases->n; k++)
            if (strstr(folded, phrases->words[k]) != NULL)
                return true;
    }
    return false;
}

/* ---- a first look for the disclaimer's phrases ----
 *
 * sc_normalize (NFKC, case folded) runs utf8proc over every stretch of
 * non-ASCII text, and most texts hold no phrase, which a cheaper folding
 * shows: ASCII lower-cased, a character whose folding is all ASCII
 * ("ß", "ﬁ", a full-width "Ａ", a thin space) written as that, any other
 * as a byte no phrase holds.  A phrase in the true folding is then in the
 * cheap one too: no character folds to nothing, and composition only ever
 * makes a non-ASCII character out of an ASCII one.  A character that
 * folds to a phrase's bytes beside non-ASCII ones ("¨" is a space and a
 * diaeresis), or bytes that are not UTF-8, leave the answer to the full
 * folding. */

/* The bytes of every phrase; built once.  A phrase with a non-ASCII byte
 * would never be found in the cheap folding: then it is not used. */
static bool phrase_byte[128];
static atomic_int phrase_bytes_state = SC_ONCE_EMPTY;

static bool build_phrase_bytes(void)
{
    for (size_t l = 0; l < sc_language_count; l++) {
        const sc_word_list *phrases = &sc_languages[l]->disclaimer_phrases;
        for (size_t k = 0; k < phrases->n; k++)
            for (const unsigned char *c = (const unsigned char *)phrases->words[k]; *c; c++) {
                if (*c >= 0x80)
                    return false;
                phrase_byte[*c] = true;
            }
    }
    return true;
}

/* The cheap folding of one non-ASCII character, remembered per text (a
 * text repeats its few accented letters and quotes). */
enum { FOLD_MEMO_SLOTS = 64, FOLD_MAX = 8 };
typedef struct fold_memo {
    int32_t cp; /* 0: empty */
    int n;      /* bytes of out, -1: fold the text in full */
    char out[FOLD_MAX];
} fold_memo;

/* sc_normalize's mapping. */
enum { FOLD_OPTIONS = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD };

/* The character s[0..m) folded as sc_normalize folds it (decomposed and
 * composed again: "é" stays one character, "Ａ" is "a"), cheaply: its
 * bytes in out, or -1. */
static int fold_char(const char *s, size_t m, char out[FOLD_MAX])
{
    utf8proc_int32_t d[FOLD_MAX];
    utf8proc_ssize_t n = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)m, d,
                                            FOLD_MAX, (utf8proc_option_t)FOLD_OPTIONS);
    if (n <= 0 || n > FOLD_MAX)
        return -1;
    n = utf8proc_normalize_utf32(d, n, (utf8proc_option_t)FOLD_OPTIONS);
    if (n <= 0 || n > FOLD_MAX)
        return -1;
    bool ascii = true, phrase = false;
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        if (d[i] >= 0x80)
            ascii = false;
        else if (phrase_byte[d[i]])
            phrase = true;
    }
    if (ascii) {
        for (utf8proc_ssize_t i = 0; i < n; i++)
            out[i] = (char)d[i];
        return (int)n;
    }
    if (phrase)
        return -1;
    out[0] = (char)0x80;
    return 1;
}

/* Whether s[0..len) may hold a phrase: false only when the cheap folding
 * holds none. */
static bool may_have_disclaimer(sc_arena *arena, const char *s, size_t len)
{
    if (!sc_once_ready(&phrase_bytes_state, build_phrase_bytes))
        return true;
    /* Room for a few characters that fold longer ("ⅷ" is "viii"). */
    size_t cap = len + 2 * FOLD_MAX;
    char *folded = sc_arena_alloc_chars(arena, cap + 1);
    if (folded == NULL)
        return true;
    fold_memo *memo = NULL;
    size_t k = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            folded[k++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            i++;
            continue;
        }
        int32_t cp;
        size_t bad, m = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (m > len - i || !sc_utf8_valid(s + i, m, &bad))
            return true;
        sc_utf8_next(s + i, m, &cp);
        if (memo == NULL && (memo = sc_arena_calloc(arena, FOLD_MEMO_SLOTS, sizeof *memo)) == NULL)
            return true;
        fold_memo *f = &memo[(uint32_t)cp % FOLD_MEMO_SLOTS];
        if (f->cp != cp) {
            f->cp = cp;
            f->n = fold_char(s + i, m, f->out);
        }
        if (f->n < 0 || (size_t)f->n > cap - k)
            return true;
        memcpy(folded + k, f->out, (size_t)f->n);
        k += (size_t)f->n;
        i += m;
    }
    folded[k] = '\0';
    return sc_disclaimer_phrase_in(folded);
}

bool sc_part_has_disclaimer(sc_arena *arena, const char *s, size_t len)
{
    if (!may_have_disclaimer(arena, s, len))
        return false;
    size_t n;
    char *folded = sc_normalize(arena, s, len, &n);
    return folded != NULL && sc_disclaimer_phrase_in(folded);
}

/* Length of the dash at s[i] ("-", "–", "—"), or 0. */
static size_t dash_at(const char *s, size_t len, size_t i)
{
    if (i < len && s[i] == '-')
        return 1;
    if (i + 2 < len && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94))
        return 3;
    return 0;
}

size_t sc_part_dateline_end(const char *s, size_t len)
{
    size_t i = 0, limit = len < DATELINE_MAX_BYTES ? len : DATELINE_MAX_BYTES;
    /* The first word: at least two capitals and no lower-case letter. */
    size_t caps = 0;
    while (i < limit &&
           ((s[i] >= 'A' && s[i] <= 'Z') || (unsigned char)s[i] >= 0x80 || s[i] == '.')) {
        caps += s[i] >= 'A' && s[i] <= 'Z';
        i++;
    }
    if (caps < 2 || i >= limit || !(s[i] == ' ' || s[i] == ','))
        return 0;
    for (; i < limit; i++) {
        /* A line break or sentence punctuation before any dash: not a
         * dateline. */
        if (s[i] == '\n' || s[i] == '!' || s[i] == '?')
            return 0;
        if (s[i] == ' ') {
            size_t d = dash_at(s, len, i + 1);
            if (d > 0 && i + 1 + d < len && s[i + 1 + d] == ' ')
                return i + 1 + d;
        }
    }
    return 0;
}

static bool ascii_lower_equal(const char *a, size_t n, const char *b)
{
    if (strlen(b) != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = a[i] >= 'A' && a[i] <= 'Z' ? (char)(a[i] - 'A' + 'a') : a[i];
        if (c != b[i])
            return false;
    }
    return true;
}

/* News agencies that sign articles without a web domain. */
static const char *const agencies[] = {"afp",     "ant",    "antara",    "ap",  "bernama", "dpa",
                                       "reuters", "xinhua", "bloomberg", "pna", "kyodo"};

/* A web domain as a signature: a name, a dot, and a top-level domain of
 * two to six lower-case letters ("Rappler.com", "Tempo.co"). */
static bool is_domain(const char *w, size_t n)
{
    const char *dot = NULL;
    for (size_t i = 0; i < n; i++)
        if (w[i] == '.')
            dot = w + i;
    if (dot == NULL || dot == w)
        return false;
    size_t tld = n - (size_t)(dot + 1 - w);
    if (tld < 2 || tld > 6)
        return false;
    for (const char *c = dot + 1; c < w + n; c++)
        if (*c < 'a' || *c > 'z')
            return false;
    for (const char *c = w; c < dot; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
              *c == '-' || *c == '.'))
            return false;
    return true;
}

/* A credit: a few words on one line, one of them a web domain or an agency
 * name, with no sentence in it. */
static bool credit_words(const char *s, size_t a, size_t b)
{
    if (b <= a || b - a > CREDIT_MAX_BYTES || memchr(s + a, '\n', b - a) != NULL)
        return false;
    size_t words = 0;
    bool signed_by = false;
    size_t i = a;
    while (i < b) {
        while (i < b && (s[i] == ' ' || s[i] == '(' || s[i] == ')' || s[i] == '/' || s[i] == ','))
            i++;
        size_t w = i;
        while (i < b && s[i] != ' ' && s[i] != '(' && s[i] != ')' && s[i] != '/' && s[i] != ',')
            i++;
        if (i == w)
            break;
        words++;
        if (is_domain(s + w, i - w))
            signed_by = true;
        for (size_t k = 0; k < sizeof agencies / sizeof agencies[0]; k++)
            if (ascii_lower_equal(s + w, i - w, agencies[k]))
                signed_by = true;
    }
    return words >= 1 && words <= 5 && signed_by;
}

size_t sc_part_credit_start(const char *s, size_t len)
{
    size_t from = len > CREDIT_MAX_BYTES + 4 ? len - CREDIT_MAX_BYTES - 4 : 0;
    for (size_t i = from; i < len; i++) {
        size_t d = dash_at(s, len, i);
        if (d == 0 || (i > 0 && s[i - 1] != ' ' && s[i - 1] != '.'))
            continue;
        size_t w = i + d;
        while (w < len && s[w] == ' ')
            w++;
        if (credit_words(s, w, len))
            return i;
    }
    /* A paragraph that is only a credit: "(Reuters)", "Rappler.com". */
    if (credit_words(s, 0, len))
        return 0;
    return SIZE_MAX;
}
