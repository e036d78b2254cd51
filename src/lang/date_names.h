/* Month and weekday names, numeric date order and relative-day words of the
 * locales sumcheck reads (id, en, en-GB, fil, ms, es, fr, de, pt, pt-PT, nl,
 * it), from the Unicode CLDR (generated: date_names.inc, gen_date_names.py).
 *
 * lang is a language code or tag: its primary subtag picks the language
 * ("en-GB" and "en_US" search English; CLDR's aliases "in" and "tl" stand
 * for "id" and "fil").  Words are NFKC case-folded UTF-8 and need not be
 * NUL-terminated. */
#ifndef SC_LANG_DATE_NAMES_H
#define SC_LANG_DATE_NAMES_H

#include <stdbool.h>
#include <stddef.h>

typedef struct sc_date_name {
    int month;        /* 1..12, or 0 */
    int weekday;      /* 1 (Monday)..7, or 0 */
    bool abbreviated; /* an abbreviation ("Des", "Wed") rather than a full name */
} sc_date_name;

/* Looks up a case-folded word (a trailing "." allowed) among the month and
 * weekday names of the locales of language code lang ("id" also covers
 * nothing else; "en" covers en and en-GB; "pt" covers pt and pt-PT; "ms",
 * "fil", "es", "fr", "de", "nl", "it") and always English as well (news in
 * every language writes English dates).  lang NULL or "und": every locale.
 * True and *name filled when the word is a month or a weekday name; a word
 * that is both in the searched locales prefers the one from lang itself,
 * then the month.  Thread-safe, no allocation.
 *
 * Of *name, only month or weekday is set (the other is 0).  An empty lang
 * counts as "und"; any other language without tables searches English
 * only.  name may be NULL to test membership. */
bool sc_date_name_lookup(const char *lang, const char *word, size_t len, sc_date_name *name);

/* True when numeric dates in lang put the day first (d/M/y: id, ms, es,
 * pt, fr, it, de, nl, en-GB), false for month first (en = en-US, fil).
 * Unknown or NULL: day first.
 *
 * A tag with a region the tables lack takes its language's default
 * ("en-US", "en-AU": month first; "pt-BR": day first). */
bool sc_date_day_first(const char *lang);

/* The relative-day word of lang ("kemarin", "yesterday", "hari ini",
 * "today", ...): its offset in days (-1, 0, +1) in *days.  A two-word
 * form like "hari ini" is matched against word[0..len) as written with one
 * space.
 *
 * Searches the same locales as sc_date_name_lookup (lang's, then English;
 * NULL or "und": every locale).  word is case-folded; days may be NULL.
 * Thread-safe, no allocation. */
bool sc_date_relative_day(const char *lang, const char *word, size_t len, int *days);

/* True when word is the first word of a two-word relative-day form of
 * lang ("hari" of "hari ini"), so callers try the pair only then.
 * Thread-safe, no allocation. */
bool sc_date_relative_first_word(const char *lang, const char *word, size_t len);

/* What word[0..len) is among lang's date words: sc_date_name_lookup,
 * sc_date_relative_day and sc_date_relative_first_word in one search (a
 * tokeniser asks all three of each distinct word). */
typedef struct sc_date_word {
    bool is_name; /* sc_date_name_lookup's answer, name filled when true */
    sc_date_name name;
    bool is_relative; /* sc_date_relative_day's, days filled when true */
    int days;
    bool relative_first; /* sc_date_relative_first_word's */
} sc_date_word;

void sc_date_word_lookup(const char *lang, const char *word, size_t len, sc_date_word *out);

/* The same answers found by searching each locale's tables rather than the
 * hash table of every locale's words that sc_date_word_lookup reads: the
 * reference that table is tested against. */
void sc_date_word_search(const char *lang, const char *word, size_t len, sc_date_word *out);

/* True when a month or weekday name of lang is also a common word of it
 * ("march", "may" in English; "minggu", week, in Indonesian), so that it
 * names a date only when capitalised. */
bool sc_date_name_needs_capital(const char *lang, const char *word, size_t len);

#endif
