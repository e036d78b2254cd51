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

static int compare_key(const void *a, const void *b)
{
    const key *k = a;
    const char *w = *(const char *const *)b;
    size_t wl = strlen(w);
    int c = memcmp(k->s, w, k->len < wl ? k->len : wl);
    if (c != 0)
        return c;
    return k->len < wl ? -1 : k->len > wl;
}

bool sc_word_list_has(const sc_word_list *list, const char *word, size_t len)
{
    key k = {word, len};
    return list->n > 0 && bsearch(&k, list->words, list->n, sizeof *list->words, compare_key) != NULL;
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
