#include "lang.h"

#include <stdlib.h>
#include <string.h>

extern const sc_lang sc_lang_id;
extern const sc_lang sc_lang_en;

/* Indonesian first: a tie in detection goes to it, the seed's language. */
const sc_lang *const sc_languages[] = {&sc_lang_id, &sc_lang_en};
const size_t sc_language_count = sizeof sc_languages / sizeof sc_languages[0];

const sc_lang *sc_lang_find(const char *code)
{
    for (size_t i = 0; i < sc_language_count; i++)
        if (strcmp(sc_languages[i]->code, code) == 0)
            return sc_languages[i];
    return NULL;
}

typedef struct key {
    const char *s;
    size_t len;
} key;

/* Byte order of key against a NUL-terminated word, without strlen: the
 * lists are searched for every token. */
static int compare_key(const void *a, const void *b)
{
    const key *k = a;
    const unsigned char *w = *(const unsigned char *const *)b;
    const unsigned char *s = (const unsigned char *)k->s;
    for (size_t i = 0; i < k->len; i++) {
        if (w[i] == '\0')
            return 1;
        if (s[i] != w[i])
            return s[i] < w[i] ? -1 : 1;
    }
    return w[k->len] == '\0' ? 0 : -1;
}

bool sc_word_list_has(const sc_word_list *list, const char *word, size_t len)
{
    key k = {word, len};
    return list->n > 0 &&
           bsearch(&k, list->words, list->n, sizeof *list->words, compare_key) != NULL;
}

static bool equal(const char *a, size_t len, const char *b)
{
    return b != NULL && strlen(b) == len && memcmp(a, b, len) == 0;
}

int sc_lang_month(const char *word, size_t len)
{
    if (len > 0 && word[len - 1] == '.')
        len--;
    if (len < 3)
        return 0;
    for (size_t l = 0; l < sc_language_count; l++)
        for (int m = 0; m < 12; m++)
            if (equal(word, len, sc_languages[l]->months[m]) ||
                equal(word, len, sc_languages[l]->months_abbr[m]))
                return m + 1;
    return 0;
}

bool sc_number_word_find(const sc_number_word *list, size_t n, const char *word, size_t len,
                         double *value)
{
    for (size_t i = 0; i < n; i++)
        if (len > 0 && list[i].word[0] == word[0] && equal(word, len, list[i].word)) {
            *value = list[i].value;
            return true;
        }
    return false;
}

int sc_lang_weekday(const char *word, size_t len)
{
    if (len > 0 && word[len - 1] == '.')
        len--;
    if (len < 3)
        return 0;
    for (size_t l = 0; l < sc_language_count; l++)
        for (int d = 0; d < 7; d++)
            if (equal(word, len, sc_languages[l]->weekdays[d]) ||
                equal(word, len, sc_languages[l]->weekdays_abbr[d]))
                return d + 1;
    return 0;
}
