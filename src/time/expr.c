/* Finding temporal expressions in a text, token by token.
 *
 * Shapes read (names of months and weekdays in the text's language and in
 * English, from the CLDR tables of date_names.c):
 *   weekday? day month year?      "Rabu, 15 Desember", "Wednesday, 15 December 2021"
 *   weekday? month day year?      "Wednesday, December 15", "Dec. 15, 2021"
 *   weekday? d/m/y, m/d/y, y-m-d  "Senin (4/5/2020)", "15/12/2021", "2021-12-15", "15.12.2021"
 *   weekday? d/m                  only after a weekday: "Rabu (15/12)"
 *   month year                    "Desember 2021"
 *   cue year                      "pada tahun 2014", "in 1991"
 *   weekday                       "pada hari Rabu", "last Wednesday", "Rabu lalu"
 *   relative                      "kemarin", "yesterday", "tiga hari lalu", "two weeks ago",
 *                                 "pekan lalu", "last year"
 * Abbreviated weekday names count only before a date ("Wed, Dec 15"), and
 * month names only next to a number, so "may" and "Sun" in prose are not
 * dates. */
#include "expr.h"

#include <string.h>

#include "lang/date_names.h"

typedef struct scan {
    const sc_analysis *a;
    const sc_lang *lang;
    const char *date_lang;
    size_t end; /* end of the current sentence (token index) */
} scan;

static const sc_token *tok(const scan *s, size_t i)
{
    return i < s->end ? &s->a->tokens[i] : NULL;
}

/* The single punctuation character of token i, or 0. */
static char punct(const scan *s, size_t i)
{
    const sc_token *t = tok(s, i);
    if (t == NULL || t->kind != SC_TOK_PUNCT || t->end - t->start != 1)
        return 0;
    return s->a->text->data[t->start];
}

static bool name_at(const scan *s, size_t i, sc_date_name *name)
{
    const sc_token *t = tok(s, i);
    if (t == NULL)
        return false;
    sc_time_word w = sc_token_time(t);
    if (w.month == 0 && w.weekday == 0)
        return false;
    name->month = w.month;
    name->weekday = w.weekday;
    name->abbreviated = (w.time_class & SC_TIMEW_ABBREVIATED) != 0;
    return true;
}

/* An integer written with digits only, and how many. */
static bool integer_at(const scan *s, size_t i, int *value, size_t *digits)
{
    const sc_token *t = tok(s, i);
    if (t == NULL || t->kind != SC_TOK_NUMBER || t->norm_len > 4)
        return false;
    int v = 0;
    for (size_t k = 0; k < t->norm_len; k++) {
        char c = t->norm[k];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    *value = v;
    *digits = t->norm_len;
    return true;
}

static bool day_at(const scan *s, size_t i, int *day)
{
    size_t digits;
    return integer_at(s, i, day, &digits) && digits <= 2 && *day >= 1 && *day <= 31;
}

static bool year_at(const scan *s, size_t i, int *year)
{
    size_t digits;
    return integer_at(s, i, year, &digits) && digits == 4 && *year >= 1000 && *year <= 2999;
}

/* Skips an English ordinal suffix after a day ("15th"), a period after an
 * abbreviation ("Dec."), or a comma; returns the next index. */
static size_t skip_word(const scan *s, size_t i, const char *const *words)
{
    const sc_token *t = tok(s, i);
    if (t == NULL || t->kind != SC_TOK_WORD)
        return i;
    for (size_t k = 0; words[k] != NULL; k++)
        if (strlen(words[k]) == t->norm_len && memcmp(words[k], t->norm, t->norm_len) == 0)
            return i + 1;
    return i;
}

static size_t skip_ordinal(const scan *s, size_t i)
{
    static const char *const ordinals[] = {"st", "nd", "rd", "th", "er", NULL};
    const sc_token *t = tok(s, i);
    if (t == NULL || i == 0 || s->a->tokens[i - 1].end != t->start)
        return i;
    return skip_word(s, i, ordinals);
}

static size_t skip_punct(const scan *s, size_t i, const char *set)
{
    char c = punct(s, i);
    return c != 0 && strchr(set, c) != NULL ? i + 1 : i;
}

/* "of" between day and month ("15th of December"), "de" in Spanish and
 * Portuguese ("15 de diciembre"). */
static size_t skip_of(const scan *s, size_t i)
{
    static const char *const words[] = {"of", "de", NULL};
    return skip_word(s, i, words);
}

typedef struct found {
    size_t end; /* token after the expression */
    int year, month, day;
} found;

/* day month [year] */
static bool day_month(const scan *s, size_t i, found *f)
{
    int day;
    sc_date_name name;
    if (!day_at(s, i, &day))
        return false;
    /* "15. Dezember" (German), "1er décembre", "15th of December". */
    size_t j = skip_of(s, skip_ordinal(s, i + 1));
    const sc_token *dot = tok(s, j);
    if (punct(s, j) == '.' && dot != NULL && dot->start == s->a->tokens[i].end)
        j++;
    if (!name_at(s, j, &name) || name.month == 0)
        return false;
    *f = (found){j + 1, 0, name.month, day};
    size_t k = skip_punct(s, skip_of(s, skip_punct(s, j + 1, ".")), ",");
    int year;
    if (year_at(s, k, &year)) {
        f->year = year;
        f->end = k + 1;
    }
    return true;
}

/* month day [, year] */
static bool month_day(const scan *s, size_t i, found *f)
{
    sc_date_name name;
    int day;
    if (!name_at(s, i, &name) || name.month == 0)
        return false;
    size_t j = skip_punct(s, i + 1, ".");
    if (!day_at(s, j, &day))
        return false;
    /* "December 2021" is a month, and "May 15" must not take "15,000". */
    *f = (found){skip_ordinal(s, j + 1), 0, name.month, day};
    size_t k = skip_punct(s, f->end, ",");
    int year;
    if (year_at(s, k, &year)) {
        f->year = year;
        f->end = k + 1;
    }
    return true;
}

/* A numeric date: d/m/y or m/d/y by the language, y-m-d, or d.m.y in one
 * token; with two parts only when a weekday came before. */
static bool numeric(const scan *s, size_t i, bool after_weekday, found *f)
{
    const sc_token *t = tok(s, i);
    if (t == NULL || t->kind != SC_TOK_NUMBER)
        return false;
    /* "15.12.2021" is one token. */
    int parts[3] = {0, 0, 0};
    size_t lens[3] = {0, 0, 0}, n = 0;
    for (size_t k = 0; k < t->norm_len && n < 3; k++) {
        char c = t->norm[k];
        if (c == '.') {
            n++;
            continue;
        }
        /* No date part is longer than a year; a long run of digits is
         * some other number (and would overflow). */
        if (c < '0' || c > '9' || ++lens[n] > 4)
            return false;
        parts[n] = parts[n] * 10 + (c - '0');
    }
    if (n == 2 && lens[0] <= 2 && lens[1] <= 2 && lens[2] == 4) {
        *f = (found){i + 1, parts[2], parts[1], parts[0]};
        return true;
    }
    int a, b, c;
    size_t da, db, dc;
    if (!integer_at(s, i, &a, &da))
        return false;
    char sep = punct(s, i + 1);
    if (sep != '/' && sep != '-')
        return false;
    if (!integer_at(s, i + 2, &b, &db) || db > 2)
        return false;
    bool three = punct(s, i + 3) == sep && integer_at(s, i + 4, &c, &dc) && (dc == 2 || dc == 4);
    /* Parts must hug their separators: "2020 - 21" is a range. */
    const sc_token *ta = tok(s, i), *ts = tok(s, i + 1), *tb = tok(s, i + 2);
    if (ta == NULL || ts == NULL || tb == NULL || ta->end != ts->start || ts->end != tb->start)
        return false;
    if (three && da == 4 && sep == '-') {
        *f = (found){i + 5, a, b, c};
        return true;
    }
    if (da > 2)
        return false;
    if (!three && !after_weekday)
        return false;
    int year = 0;
    if (three)
        year = dc == 2 ? 2000 + c : c;
    bool day_first = sc_date_day_first(s->date_lang);
    int day = day_first ? a : b, month = day_first ? b : a;
    /* A first number over 12 can only be a day. */
    if (month > 12 && day <= 12) {
        int tmp = day;
        day = month;
        month = tmp;
    }
    *f = (found){three ? i + 5 : i + 3, year, month, day};
    return true;
}

/* The token's temporal class (read once per distinct word in token.c). */
static bool is_class(const sc_token *t, unsigned bit)
{
    return t != NULL && (sc_token_time(t).time_class & bit) != 0;
}

static bool unit_at(const scan *s, size_t i, int *days)
{
    const sc_token *t = tok(s, i);
    if (t == NULL || sc_token_time(t).unit_days == 0)
        return false;
    *days = sc_token_time(t).unit_days;
    return true;
}

/* The amount before a unit: a numeral or a number word ("tiga", "two"). */
static bool amount_at(const scan *s, size_t i, int *amount)
{
    const sc_token *t = tok(s, i);
    if (t == NULL)
        return false;
    if ((t->kind == SC_TOK_NUMBER || (t->flags & SC_TOKF_NUMWORD)) && t->value >= 1 &&
        t->value <= 1000 && t->value == (double)(int)t->value) {
        *amount = (int)t->value;
        return true;
    }
    return false;
}

/* A relative expression at i; fills offset (in units) and unit. */
static bool relative(const scan *s, size_t i, size_t *end, int *offset, int *unit)
{
    const sc_token *t = tok(s, i);
    if (t == NULL || (t->kind != SC_TOK_WORD && t->kind != SC_TOK_NUMBER))
        return false;
    int days;
    /* "tiga hari lalu", "5 hari lalu", "two days ago", "tiga tahun yang lalu" */
    int amount;
    if (amount_at(s, i, &amount) && unit_at(s, i + 1, unit)) {
        size_t k = i + 2;
        static const char *const yang[] = {"yang", NULL};
        size_t k2 = skip_word(s, k, yang);
        if (is_class(tok(s, k2), SC_TIMEW_PAST_AFTER)) {
            *offset = -amount;
            *end = k2 + 1;
            return true;
        }
        if (is_class(tok(s, k), SC_TIMEW_FUTURE_AFTER)) {
            *offset = amount;
            *end = k + 1;
            return true;
        }
    }
    if (t->kind != SC_TOK_WORD)
        return false;
    /* "kemarin", "yesterday"; "hari ini" as two words. */
    sc_time_word w = sc_token_time(t);
    if (w.time_class & SC_TIMEW_RELATIVE_DAY) {
        *end = i + 1;
        *offset = w.relative_day;
        *unit = 1;
        return true;
    }
    const sc_token *u = tok(s, i + 1);
    if ((w.time_class & SC_TIMEW_RELATIVE_FIRST) && u != NULL && u->kind == SC_TOK_WORD &&
        u->start == t->end + 1) {
        char two[64];
        if (t->norm_len + 1 + u->norm_len < sizeof two) {
            memcpy(two, t->norm, t->norm_len);
            two[t->norm_len] = ' ';
            memcpy(two + t->norm_len + 1, u->norm, u->norm_len);
            if (sc_date_relative_day(s->date_lang, two, t->norm_len + 1 + u->norm_len, &days)) {
                *end = i + 2;
                *offset = days;
                *unit = 1;
                return true;
            }
        }
    }
    /* "last week", "next year" */
    if ((is_class(t, SC_TIMEW_PAST_BEFORE) || is_class(t, SC_TIMEW_FUTURE_BEFORE)) &&
        unit_at(s, i + 1, unit)) {
        *offset = is_class(t, SC_TIMEW_PAST_BEFORE) ? -1 : 1;
        *end = i + 2;
        return true;
    }
    /* "pekan lalu", "tahun depan" */
    if (unit_at(s, i, unit) && (is_class(tok(s, i + 1), SC_TIMEW_PAST_AFTER) ||
                                is_class(tok(s, i + 1), SC_TIMEW_FUTURE_AFTER))) {
        *offset = is_class(tok(s, i + 1), SC_TIMEW_PAST_AFTER) ? -1 : 1;
        *end = i + 2;
        return true;
    }
    return false;
}

static sc_status push(sc_arena *arena, sc_analysis *a, size_t *cap, const sc_time_expr *e)
{
    if (a->n_times == *cap) {
        size_t ncap = *cap ? *cap * 2 : 8;
        sc_time_expr *grown = sc_arena_grow(arena, a->times, a->n_times, ncap, sizeof *grown);
        if (grown == NULL)
            return SC_ERR_NOMEM;
        a->times = grown;
        *cap = ncap;
    }
    a->times[a->n_times++] = *e;
    for (size_t k = e->tok_begin; k < e->tok_end; k++)
        a->tokens[k].flags |= SC_TOKF_DATE;
    return SC_OK;
}

static bool valid_day_month(int month, int day)
{
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1];
}

/* Most tokens start nothing: punctuation, and words that are no name, no
 * temporal word and no number word (every shape below needs one of those
 * at i).  A scale word that is no number word reads as no temporal word
 * (sc_token_time). */
static bool starts_nothing(const sc_token *t)
{
    if (t->kind != SC_TOK_WORD)
        return t->kind == SC_TOK_PUNCT;
    if (t->flags & (SC_TOKF_NUMWORD | SC_TOKF_SCALE))
        return !(t->flags & SC_TOKF_NUMWORD);
    return t->time.month == 0 && t->time.weekday == 0 && t->time.time_class == 0 &&
           t->time.unit_days == 0;
}

/* The first token in [i, end) that may start an expression, or end. */
static size_t next_start(const sc_token *tokens, size_t i, size_t end)
{
    const sc_token *t = tokens + i, *last = tokens + end;
    while (t < last && starts_nothing(t))
        t++;
    return (size_t)(t - tokens);
}

sc_status sc_find_times(sc_arena *arena, sc_analysis *a, const sc_lang *lang, const char *date_lang)
{
    size_t cap = 0;
    for (size_t si = 0; si < a->n_sentences; si++) {
        scan s = {a, lang, date_lang, a->sentences[si].tok_end};
        size_t i = a->sentences[si].tok_begin;
        while ((i = next_start(a->tokens, i, s.end)) < s.end) {
            sc_time_expr e = {.tok_begin = i, .sentence = si};
            size_t j = i;
            sc_date_name name = {0, 0, false};
            bool have = false;
            /* A weekday first: full names anywhere, abbreviations only
             * before a date. */
            if (name_at(&s, i, &name) && name.weekday != 0) {
                e.weekday = name.weekday;
                j = skip_punct(&s, skip_punct(&s, skip_punct(&s, i + 1, "."), ","), "(");
            }
            found f;
            if (day_month(&s, j, &f) || month_day(&s, j, &f) ||
                numeric(&s, j, e.weekday != 0, &f)) {
                if (valid_day_month(f.month, f.day)) {
                    e.kind = SC_TIME_DATE;
                    e.year = f.year;
                    e.month = f.month;
                    e.day = f.day;
                    e.tok_end = skip_punct(&s, f.end, ")");
                    if (e.tok_end > f.end && punct(&s, j - 1) != '(')
                        e.tok_end = f.end;
                    have = true;
                }
            }
            if (!have && e.weekday != 0 && !name.abbreviated) {
                /* A weekday alone, maybe with "last"/"lalu"/"depan". */
                e.kind = SC_TIME_WEEKDAY;
                e.tok_end = i + 1;
                if (i > a->sentences[si].tok_begin &&
                    is_class(tok(&s, i - 1), SC_TIMEW_PAST_BEFORE)) {
                    e.tok_begin = i - 1;
                    e.offset = -1;
                } else if (i > a->sentences[si].tok_begin &&
                           is_class(tok(&s, i - 1), SC_TIMEW_FUTURE_BEFORE)) {
                    e.tok_begin = i - 1;
                    e.offset = 1;
                } else if (is_class(tok(&s, i + 1), SC_TIMEW_PAST_AFTER)) {
                    e.tok_end = i + 2;
                    e.offset = -1;
                } else if (is_class(tok(&s, i + 1), SC_TIMEW_FUTURE_AFTER)) {
                    e.tok_end = i + 2;
                    e.offset = 1;
                }
                have = true;
            }
            if (!have && e.weekday == 0) {
                int year, offset, unit;
                size_t end;
                if (name_at(&s, i, &name) && name.month != 0 &&
                    year_at(&s, skip_of(&s, skip_punct(&s, i + 1, ".")), &year)) {
                    e.kind = SC_TIME_MONTH;
                    e.month = name.month;
                    e.year = year;
                    e.tok_end = skip_of(&s, skip_punct(&s, i + 1, ".")) + 1;
                    have = true;
                } else if (is_class(tok(&s, i), SC_TIMEW_YEAR_CUE) && year_at(&s, i + 1, &year) &&
                           !numeric(&s, i + 1, false, &f)) {
                    e.kind = SC_TIME_YEAR;
                    e.year = year;
                    e.tok_begin = i + 1;
                    e.tok_end = i + 2;
                    have = true;
                } else if (relative(&s, i, &end, &offset, &unit)) {
                    e.kind = SC_TIME_RELATIVE;
                    e.offset = offset;
                    e.unit_days = unit;
                    e.tok_end = end;
                    have = true;
                }
            }
            if (!have) {
                i++;
                continue;
            }
            e.start = a->tokens[e.tok_begin].start;
            e.end = a->tokens[e.tok_end - 1].end;
            sc_status st = push(arena, a, &cap, &e);
            if (st != SC_OK)
                return st;
            i = e.tok_end;
        }
    }
    return SC_OK;
}
