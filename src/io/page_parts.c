/* The parts of a news page both readers look for in its text: the AI
 * disclaimer, the dateline that opens an article ("MOSKOW, Rusia – ") and
 * the credit that closes it ("– Rappler.com", "(Reuters)").  Every function
 * takes one paragraph as s[0..len). */
#include <string.h>

#include "io.h"
#include "lang/lang.h"
#include "text/text.h"

/* A dateline is a short prefix: "WASHINGTON, D.C., United States (Reuters) –". */
enum { DATELINE_MAX_BYTES = 100 };
/* A credit is a few words after a dash at the end of the article. */
enum { CREDIT_MAX_BYTES = 60 };

bool sc_part_has_disclaimer(sc_arena *arena, const char *s, size_t len)
{
    size_t n;
    char *folded = sc_normalize(arena, s, len, &n);
    if (folded == NULL)
        return false;
    for (size_t l = 0; l < sc_language_count; l++) {
        const sc_word_list *phrases = &sc_languages[l]->disclaimer_phrases;
        for (size_t k = 0; k < phrases->n; k++)
            if (strstr(folded, phrases->words[k]) != NULL)
                return true;
    }
    return false;
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
