#include "lang.h"
#include "core/intern.h"
#include "core/once.h"

#include <stddef.h>
#include <stdint.h>
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

const sc_lang *sc_lang_or_english(const char *code)
{
    const sc_lang *lang = sc_lang_find(code);
    return lang != NULL ? lang : &sc_lang_en;
}

typedef struct key {
    const char *s;
    size_t len;
} key;

/* Byte order of key against a NUL-terminated word, without strlen. */
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

static bool list_search(const sc_word_list *list, const char *word, size_t len)
{
    key k = {word, len};
    return list->n > 0 &&
           bsearch(&k, list->words, list->n, sizeof *list->words, compare_key) != NULL;
}

/* ---- One hash of every language's words ----------------------------------------------------
 *
 * The lists are searched for every distinct word of every document, and
 * the negation rule searches them for every token: a binary search per list
 * was a tenth of the run.  So, once, every word of every language's lists
 * goes into one open-addressing table keyed by (language, word), whose
 * entry says which of that language's lists hold it (a bit per sc_lang
 * field) and where it sits in its number-word tables.  A lookup is then one
 * hash and, mostly, one probe.
 *
 * The table is static storage, filled by the first lookup (a compare-and-
 * swap elects one builder; lookups meanwhile, and any list the table does
 * not know, such as one a test makes, use the binary search), and never
 * written again: thread-safe, nothing allocated, nothing to free.  A list
 * that is not strictly sorted is left out too, so the answers are the
 * binary search's exactly. */

/* The sc_lang fields that are word lists, by sc_list_id; one bit each in
 * an entry. */
static const size_t list_fields[SC_LIST_COUNT] = {
    [SC_LIST_STOPWORDS] = offsetof(sc_lang, stopwords),
    [SC_LIST_ABBREVIATIONS] = offsetof(sc_lang, abbreviations),
    [SC_LIST_NUMBER_ABBREVIATIONS] = offsetof(sc_lang, number_abbreviations),
    [SC_LIST_LIST_ABBREVIATIONS] = offsetof(sc_lang, list_abbreviations),
    [SC_LIST_DISCLAIMER_PHRASES] = offsetof(sc_lang, disclaimer_phrases),
    [SC_LIST_CURRENCY_WORDS] = offsetof(sc_lang, currency_words),
    [SC_LIST_CLAUSE_WORDS] = offsetof(sc_lang, clause_words),
    [SC_LIST_YEAR_CUES] = offsetof(sc_lang, year_cues),
    [SC_LIST_PAST_AFTER] = offsetof(sc_lang, past_after),
    [SC_LIST_FUTURE_AFTER] = offsetof(sc_lang, future_after),
    [SC_LIST_PAST_BEFORE] = offsetof(sc_lang, past_before),
    [SC_LIST_FUTURE_BEFORE] = offsetof(sc_lang, future_before),
    [SC_LIST_NEGATION_CUES] = offsetof(sc_lang, negation_cues),
    [SC_LIST_NEGATION_SUFFIXES] = offsetof(sc_lang, negation_suffixes),
    [SC_LIST_NEGATION_EXCEPTIONS] = offsetof(sc_lang, negation_exceptions),
    [SC_LIST_NEGATION_VOID_AFTER] = offsetof(sc_lang, negation_void_after),
    [SC_LIST_NEGATION_SCOPE_ENDS] = offsetof(sc_lang, negation_scope_ends),
};
_Static_assert(SC_LIST_COUNT <= 32, "an entry holds one bit per list");
enum { N_LIST_FIELDS = SC_LIST_COUNT, ALL_LISTS = (int)((1ull << SC_LIST_COUNT) - 1) };

/* The list id of the sc_word_list at each byte offset of sc_lang, or
 * NO_LIST: a list pointer's id without a search. */
enum { NO_LIST = 0xFF };
static uint8_t list_at_offset[sizeof(sc_lang)];

/* The number-word tables: number_words, scale_words, time_units. */
enum { NUM_CARDINAL, NUM_SCALE, NUM_UNIT, N_NUM_KINDS };

/* Languages the table holds; more are searched with the binary search. */
enum { HASH_MAX_LANGS = 32 };

/* Slots: a power of two, at least twice the words of all lists (about
 * 1,000 today); a build that would fill more than half gives up and leaves
 * every lookup to the binary search. */
enum { HASH_SLOTS = 8192 };

typedef struct word_slot {
    const char *word; /* NULL: empty */
    uint32_t hash;
    uint16_t len;
    uint8_t lang;
    uint8_t unused;
    uint32_t lists;               /* bit f: list_fields[f] holds the word */
    uint16_t number[N_NUM_KINDS]; /* 1 + index in that table, 0 when absent */
} word_slot;

static word_slot slots[HASH_SLOTS];
/* Per language, which list fields are in the table (sorted, registered). */
static uint32_t registered[HASH_MAX_LANGS];
static bool numbers_registered[HASH_MAX_LANGS][N_NUM_KINDS];
/* Per language, every list and number table is in the table: one test per
 * sc_lang_classify_word rather than four. */
static bool all_registered[HASH_MAX_LANGS];

static atomic_int table_state = SC_ONCE_EMPTY;

/* The documents' word hash (eight bytes at a time: FNV-1a, a byte at a
 * time, was half the cost of a lookup), the language mixed in after so
 * that a word of two languages takes two slots apart. */
static inline uint32_t word_hash(size_t lang, const char *word, size_t len)
{
    return sc_hash_bytes(word, len) ^ (uint32_t)lang * 0x9E3779B9u;
}

/* The slot of (lang, word), or the empty slot where it would go; NULL
 * when the table is full. */
static word_slot *find_slot(size_t lang, const char *word, size_t len, uint32_t h)
{
    for (size_t i = 0, at = h; i < HASH_SLOTS; i++, at++) {
        word_slot *s = &slots[at & (HASH_SLOTS - 1)];
        if (s->word == NULL)
            return s;
        if (s->hash == h && s->len == len && s->lang == lang && memcmp(s->word, word, len) == 0)
            return s;
    }
    return NULL;
}

static size_t table_words;

static word_slot *insert(size_t lang, const char *word)
{
    size_t len = strlen(word);
    if (len > UINT16_MAX)
        return NULL;
    uint32_t h = word_hash(lang, word, len);
    word_slot *s = find_slot(lang, word, len, h);
    if (s == NULL)
        return NULL;
    if (s->word == NULL) {
        if (++table_words > HASH_SLOTS / 2)
            return NULL;
        *s = (word_slot){.word = word, .hash = h, .len = (uint16_t)len, .lang = (uint8_t)lang};
    }
    return s;
}

/* The table answers for a list as its binary search would: the list is
 * strictly sorted and holds no empty word. */
static bool hashable(const sc_word_list *list)
{
    for (size_t k = 0; k < list->n; k++)
        if (list->words[k][0] == '\0' || (k > 0 && strcmp(list->words[k - 1], list->words[k]) >= 0))
            return false;
    return true;
}

static bool build_table(void)
{
    memset(list_at_offset, NO_LIST, sizeof list_at_offset);
    for (size_t f = 0; f < N_LIST_FIELDS; f++)
        list_at_offset[list_fields[f]] = (uint8_t)f;
    for (size_t l = 0; l < sc_language_count && l < HASH_MAX_LANGS; l++) {
        const sc_lang *lang = sc_languages[l];
        for (size_t f = 0; f < N_LIST_FIELDS; f++) {
            const sc_word_list *list =
                (const sc_word_list *)(const void *)((const char *)lang + list_fields[f]);
            if (!hashable(list))
                continue;
            for (size_t k = 0; k < list->n; k++) {
                word_slot *s = insert(l, list->words[k]);
                if (s == NULL)
                    return false;
                s->lists |= 1u << f;
            }
            registered[l] |= 1u << f;
        }
        const sc_number_word *tables[N_NUM_KINDS] = {lang->number_words, lang->scale_words,
                                                     lang->time_units};
        const size_t counts[N_NUM_KINDS] = {lang->n_number_words, lang->n_scale_words,
                                            lang->n_time_units};
        for (size_t kind = 0; kind < N_NUM_KINDS; kind++) {
            if (counts[kind] >= UINT16_MAX)
                continue;
            for (size_t k = 0; k < counts[kind]; k++) {
                if (tables[kind][k].word[0] == '\0')
                    continue;
                word_slot *s = insert(l, tables[kind][k].word);
                if (s == NULL)
                    return false;
                /* The first of equal words wins, as in a scan. */
                if (s->number[kind] == 0)
                    s->number[kind] = (uint16_t)(k + 1);
            }
            numbers_registered[l][kind] = true;
        }
        all_registered[l] = registered[l] == (uint32_t)ALL_LISTS &&
                            numbers_registered[l][NUM_CARDINAL] &&
                            numbers_registered[l][NUM_SCALE] && numbers_registered[l][NUM_UNIT];
    }
    return true;
}

/* True when the table answers; builds it on first use. */
static inline bool table_ready(void)
{
    return sc_once_ready(&table_state, build_table);
}

/* The language and list bit of a list that is a field of a language's
 * table: *lang and *bit set and true, else false. */
static inline bool list_field(const sc_word_list *list, size_t *lang, uint32_t *bit)
{
    const char *p = (const char *)list;
    for (size_t l = 0; l < sc_language_count && l < HASH_MAX_LANGS; l++) {
        /* As integers: one compare, and none between unrelated pointers. */
        size_t at = (size_t)((uintptr_t)p - (uintptr_t)sc_languages[l]);
        if (at >= sizeof(sc_lang))
            continue;
        unsigned f = list_at_offset[at];
        if (f == NO_LIST)
            return false;
        *lang = l;
        *bit = 1u << f;
        return (registered[l] & *bit) != 0;
    }
    return false;
}

/* The entry of (lang, word), or NULL: the probe of find_slot, for reading
 * (the table is at most half full, so an empty slot ends it). */
static inline const word_slot *lookup(size_t lang, const char *word, size_t len)
{
    if (len == 0 || len > UINT16_MAX)
        return NULL;
    uint32_t h = word_hash(lang, word, len);
    for (size_t at = h;; at++) {
        const word_slot *s = &slots[at & (HASH_SLOTS - 1)];
        if (s->word == NULL)
            return NULL;
        if (s->hash != h || s->len != len || s->lang != lang)
            continue;
        size_t i = 0;
        while (i < len && s->word[i] == word[i])
            i++;
        if (i == len)
            return s;
    }
}

bool sc_word_list_has(const sc_word_list *list, const char *word, size_t len)
{
    size_t lang;
    uint32_t bit;
    if (!table_ready() || !list_field(list, &lang, &bit))
        return list_search(list, word, len);
    const word_slot *s = lookup(lang, word, len);
    return s != NULL && (s->lists & bit) != 0;
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

static bool number_word_scan(const sc_number_word *list, size_t n, const char *word, size_t len,
                             double *value)
{
    for (size_t i = 0; i < n; i++)
        if (len > 0 && list[i].word[0] == word[0] && equal(word, len, list[i].word)) {
            *value = list[i].value;
            return true;
        }
    return false;
}

void sc_lang_classify_word(const sc_lang *lang, const char *word, size_t len, sc_word_class *out)
{
    *out = (sc_word_class){0};
    if (table_ready())
        for (size_t l = 0; l < sc_language_count && l < HASH_MAX_LANGS; l++) {
            if (sc_languages[l] != lang)
                continue;
            if (!all_registered[l])
                break;
            const word_slot *s = lookup(l, word, len);
            if (s == NULL)
                return;
            out->lists = s->lists;
            if (s->number[NUM_CARDINAL] != 0) {
                out->is_number = true;
                out->number = lang->number_words[s->number[NUM_CARDINAL] - 1].value;
            }
            if (s->number[NUM_SCALE] != 0) {
                out->is_scale = true;
                out->scale = lang->scale_words[s->number[NUM_SCALE] - 1].value;
            }
            if (s->number[NUM_UNIT] != 0) {
                out->is_unit = true;
                out->unit = lang->time_units[s->number[NUM_UNIT] - 1].value;
            }
            return;
        }
    /* A language the table lacks: ask each list. */
    for (size_t f = 0; f < N_LIST_FIELDS; f++) {
        const sc_word_list *list =
            (const sc_word_list *)(const void *)((const char *)lang + list_fields[f]);
        if (list_search(list, word, len))
            out->lists |= 1u << f;
    }
    out->is_number =
        number_word_scan(lang->number_words, lang->n_number_words, word, len, &out->number);
    out->is_scale =
        number_word_scan(lang->scale_words, lang->n_scale_words, word, len, &out->scale);
    out->is_unit = number_word_scan(lang->time_units, lang->n_time_units, word, len, &out->unit);
}

bool sc_number_word_find(const sc_number_word *list, size_t n, const char *word, size_t len,
                         double *value)
{
    if (table_ready())
        for (size_t l = 0; l < sc_language_count && l < HASH_MAX_LANGS; l++) {
            const sc_lang *lang = sc_languages[l];
            size_t kind = list == lang->number_words && n == lang->n_number_words ? NUM_CARDINAL
                          : list == lang->scale_words && n == lang->n_scale_words ? NUM_SCALE
                          : list == lang->time_units && n == lang->n_time_units   ? NUM_UNIT
                                                                                  : N_NUM_KINDS;
            if (kind == N_NUM_KINDS || !numbers_registered[l][kind])
                continue;
            const word_slot *s = lookup(l, word, len);
            if (s == NULL || s->number[kind] == 0)
                return false;
            *value = list[s->number[kind] - 1].value;
            return true;
        }
    return number_word_scan(list, n, word, len, value);
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
