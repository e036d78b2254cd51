/* Language knowledge: one table per language (src/lang/<code>.c); adding a
 * language means adding one file and one line in lang.c. */
#ifndef SC_LANG_LANG_H
#define SC_LANG_LANG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef size_t (*sc_stem_fn)(const char *word, size_t len, char *out, size_t cap);

/* A sorted list of case-folded words, searched with bsearch. */
typedef struct sc_word_list {
    const char *const *words;
    size_t n;
} sc_word_list;

#define SC_WORD_LIST(array)                                                                        \
    {                                                                                              \
        (array), sizeof(array) / sizeof((array)[0])                                                \
    }

/* A word with a numeric value: a cardinal ("tiga" = 3) or a scale
 * ("juta" = 1e6). */
typedef struct sc_number_word {
    const char *word;
    double value;
} sc_number_word;

/* Two sides of a contrast ("naik" / "turun", "win" / "lose"): each side is
 * words separated by '|', stemmed with the language's stemmer when a rule
 * looks them up, so one form stands for its inflections; "=word" stands
 * for that form only.  A word's stem keeps its first two letters (the
 * rule skips pairs whose prefixes the summary lacks; a test checks it). */
typedef struct sc_contrast_pair {
    const char *a;
    const char *b;
} sc_contrast_pair;

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
    /* Abbreviations that only stand before a number ("No. 5"): elsewhere
     * "no." ends a sentence. */
    sc_word_list number_abbreviations;
    /* Abbreviations that end lists ("etc.", "dll."): they end the sentence
     * when a capitalised word follows. */
    sc_word_list list_abbreviations;
    /* Case-folded phrases that announce an AI summary; any one found in a
     * paragraph makes it the disclaimer. */
    sc_word_list disclaimer_phrases;
    /* Month names, case-folded, [0] = January; full and abbreviated. */
    const char *months[12];
    const char *months_abbr[12];
    /* Weekday names, case-folded, [0] = Monday; full and abbreviated. */
    const char *weekdays[7];
    const char *weekdays_abbr[7];
    sc_stem_fn stem;
    /* Cardinals written as words, and scale words that multiply the number
     * before them ("1,3 juta", "1.3 million"); unsorted, searched once per
     * distinct word. */
    const sc_number_word *number_words;
    size_t n_number_words;
    const sc_number_word *scale_words;
    size_t n_scale_words;
    /* Currency words written before an amount ("Rp", "US$" is "us" + "$"),
     * case-folded; symbols such as "$" count in every language. */
    sc_word_list currency_words;
    /* Words that open a new clause ("and", "but", "dan", "tetapi"): a
     * summary sentence is checked clause by clause at them and at commas
     * and semicolons. */
    sc_word_list clause_words;
    /* True when a case-folded word is a common word of the language (so a
     * capitalised sentence opener is not taken for a name); NULL when the
     * language has no dictionary to ask. */
    bool (*is_common_word)(const char *word, size_t len);
    /* Temporal words.  Words before a bare year that make it a year ("pada
     * tahun 2014", "in 1991"); time units with their length in days
     * ("pekan" 7); words after a unit or weekday that make it past or
     * future ("tiga hari lalu", "Rabu depan", "two days ago"); words
     * before one that do the same ("last week", "next Wednesday"). */
    sc_word_list year_cues;
    const sc_number_word *time_units;
    size_t n_time_units;
    sc_word_list past_after;
    sc_word_list future_after;
    sc_word_list past_before;
    sc_word_list future_before;
    /* Negation (negation-flip).  Cues, case-folded: words ("tidak",
     * "never") and two-word cues ("failed to", "menolak untuk"); a word
     * ending in a negation suffix is a cue too ("didn't", tokenised "n't").
     * A cue directly followed by an exception negates nothing ("not only",
     * "tidak hanya", "tidak sedikit"). */
    sc_word_list negation_cues;
    sc_word_list negation_suffixes;
    sc_word_list negation_exceptions;
    /* A cue right after one of these negates nothing ("whether or not",
     * "apakah ... atau tidak"); a cue's scope ends before a complementiser
     * ("did not say that ...", "tidak mengatakan bahwa ..."). */
    sc_word_list negation_void_after;
    sc_word_list negation_scope_ends;
    /* Opposites and contrasts the summary may swap for the article's word
     * ("menolak" for "menerima", "fell" for "rose"). */
    const sc_contrast_pair *contrast_pairs;
    size_t n_contrast_pairs;
    /* Roles (unsupported-relation), case-folded words as written.
     * Coordinators join two clauses of their own ("and", "dan"): a summary
     * that joins two facts with one does not say the facts are related.
     * Passive cues right before a verb ("was", "were") and agent cues
     * after it ("by", "oleh") make its subject the one acted on; so does
     * passive_prefix on the verb ("di" in "dipinjamkan"; NULL: none).
     * Partner cues before a name make it a partner, not the one acted on
     * ("with", "dengan").  Symmetric verbs keep their claim when their two sides swap ("met",
     * "bertemu"). */
    sc_word_list coordinators;
    sc_word_list passive_cues;
    sc_word_list agent_cues;
    sc_word_list partner_cues;
    const char *passive_prefix;
    sc_word_list symmetric_verbs;
} sc_lang;

/* The word lists of sc_lang, to name them in a sc_word_class. */
typedef enum sc_list_id {
    SC_LIST_STOPWORDS,
    SC_LIST_ABBREVIATIONS,
    SC_LIST_NUMBER_ABBREVIATIONS,
    SC_LIST_LIST_ABBREVIATIONS,
    SC_LIST_DISCLAIMER_PHRASES,
    SC_LIST_CURRENCY_WORDS,
    SC_LIST_CLAUSE_WORDS,
    SC_LIST_YEAR_CUES,
    SC_LIST_PAST_AFTER,
    SC_LIST_FUTURE_AFTER,
    SC_LIST_PAST_BEFORE,
    SC_LIST_FUTURE_BEFORE,
    SC_LIST_NEGATION_CUES,
    SC_LIST_NEGATION_SUFFIXES,
    SC_LIST_NEGATION_EXCEPTIONS,
    SC_LIST_NEGATION_VOID_AFTER,
    SC_LIST_NEGATION_SCOPE_ENDS,
    SC_LIST_COUNT
} sc_list_id;

#define SC_LIST_BIT(id) (1u << (id))

/* What a language's tables say about one case-folded word. */
typedef struct sc_word_class {
    uint32_t lists;                    /* SC_LIST_BIT(id) for each list that holds the word */
    bool is_number, is_scale, is_unit; /* in number_words, scale_words, time_units */
    double number, scale, unit;        /* the values there */
} sc_word_class;

/* Fills *out with what sc_word_list_has and sc_number_word_find would say
 * of word[0..len) for each of lang's lists and number tables, in one hash
 * lookup.  Thread-safe. */
void sc_lang_classify_word(const sc_lang *lang, const char *word, size_t len, sc_word_class *out);

/* The value of a case-folded word in the list, or false. */
bool sc_number_word_find(const sc_number_word *list, size_t n, const char *word, size_t len,
                         double *value);

/* Every language, in detection order.  Static storage. */
extern const sc_lang *const sc_languages[];
extern const size_t sc_language_count;

/* The language of an ISO 639-1 code, or NULL. */
const sc_lang *sc_lang_find(const char *code);

/* The tables a text of that code was analysed with: its language's, or
 * English's for a language without tables (names and numbers still
 * compare). */
const sc_lang *sc_lang_or_english(const char *code);

/* True when word[0..len) (case-folded) is in the list. */
bool sc_word_list_has(const sc_word_list *list, const char *word, size_t len);

/* Weekday 1 (Monday) .. 7 (Sunday) of a case-folded name in any
 * language's tables (full or abbreviated, a trailing period allowed), or 0. */
int sc_lang_weekday(const char *word, size_t len);

/* Month 1..12 of a case-folded name in any language's tables (full or
 * abbreviated, a trailing period allowed), or 0. */
int sc_lang_month(const char *word, size_t len);

#endif
