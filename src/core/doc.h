/* The document model every stage shares: the page and its blocks, the
 * analysed texts (tokens, sentences), the alignment and the findings.
 * Everything here lives in the document's arena. */
#ifndef SC_CORE_DOC_H
#define SC_CORE_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sumcheck.h"
#include "arena.h"

/* Which input text a byte offset counts in (DESIGN.md, spans). */
typedef enum sc_field {
    SC_FIELD_PAGE = 0,    /* the whole input of a scraped page */
    SC_FIELD_SUMMARY = 1, /* a JSON pair's summary string */
    SC_FIELD_SOURCE = 2,  /* a JSON pair's source string */
    SC_FIELD_COUNT
} sc_field;

const char *sc_field_name(sc_field field);

typedef enum sc_role {
    SC_ROLE_PAGE_DATE,
    SC_ROLE_TITLE,
    SC_ROLE_DISCLAIMER,
    SC_ROLE_SUMMARY,
    SC_ROLE_BODY,
    SC_ROLE_DATELINE,
    SC_ROLE_CREDIT,
    SC_ROLE_EXTRANEOUS,
    SC_ROLE_BOILERPLATE,
} sc_role;

const char *sc_role_name(sc_role role);

/* A part of the page, by role, with its byte span [start, end) in field. */
typedef struct sc_block {
    sc_role role;
    sc_field field;
    size_t start;
    size_t end;
} sc_block;

/* A stretch of one field: the summary or the article as the stages see it.
 * data points at field text + base; offsets inside the text add base to
 * become offsets in the field. */
typedef struct sc_text {
    sc_field field;
    size_t base;
    const char *data;
    size_t len;
} sc_text;

/* A calendar date; 0 fields mean unknown. */
typedef struct sc_date {
    int year;
    int month;
    int day;
} sc_date;

typedef struct sc_page {
    /* The full text of each field, for line:column (NULL when absent). */
    const char *field_data[SC_FIELD_COUNT];
    size_t field_len[SC_FIELD_COUNT];

    sc_block *blocks;
    size_t n_blocks;

    const char *id;       /* from a JSON pair, or NULL */
    const char *title;    /* NULL when none */
    const char *language; /* a pair's "language" hint, or NULL */

    bool has_page_date;
    sc_date page_date;
    const char *page_date_origin; /* "text line 1", "pair page_date", ... */
    const char *page_date_text;   /* the date as written, or NULL */
    const char *page_date_time;   /* the full timestamp as written, when it has a time */

    bool has_disclaimer;
    bool has_summary; /* a summary block or field exists (may be empty) */
    sc_text summary;
    sc_text article;
} sc_page;

/* Token kinds and flags. */
typedef enum sc_token_kind {
    SC_TOK_WORD,
    SC_TOK_NUMBER,
    SC_TOK_PUNCT,
} sc_token_kind;

enum {
    SC_TOKF_CAPITAL = 1u << 0,     /* starts with an upper-case letter */
    SC_TOKF_STOP = 1u << 1,        /* a stopword of the text's language */
    SC_TOKF_SENT_START = 1u << 2,  /* first word of its sentence */
    SC_TOKF_ENTITY = 1u << 3,      /* part of a name (capitalised run) */
    SC_TOKF_QUOTE = 1u << 4,       /* a quotation mark */
    SC_TOKF_SENT_END = 1u << 5,    /* punctuation that can end a sentence */
    SC_TOKF_ALLCAPS = 1u << 6,     /* two or more letters, all upper case */
    SC_TOKF_AFTER_SPACE = 1u << 7, /* white space precedes it */
    SC_TOKF_AFTER_BREAK = 1u << 8, /* a line break precedes it */
    SC_TOKF_NUMWORD = 1u << 9,     /* a cardinal written as a word; value set */
    SC_TOKF_SCALE = 1u << 10,      /* a scale word ("juta"); value = multiplier */
    SC_TOKF_CURRENCY = 1u << 11,   /* a currency word or symbol */
    SC_TOKF_CLAUSE = 1u << 12,     /* a word that opens a clause ("and", "tetapi") */
    SC_TOKF_DATE = 1u << 13,       /* part of a temporal expression */
};

/* What a word says about time, read once per distinct word: month 1..12
 * and weekday 1..7 when a name, SC_TIMEW_* classes, a relative-day word's
 * offset, a time unit's length in days. */
typedef struct sc_time_word {
    uint8_t month;
    uint8_t weekday;
    uint16_t time_class;
    int8_t relative_day;
    uint16_t unit_days;
} sc_time_word;

typedef struct sc_token {
    /* Bytes in the text, [start, end).  32 bits: a text is at most
     * SC_MAX_INPUT_BYTES, and a token is the unit of per-document memory
     * (40 bytes; about 0.2 tokens per input byte). */
    uint32_t start;
    uint32_t end;
    const char *norm; /* NFKC + case folded form, NUL-terminated */
    uint32_t norm_len;
    uint32_t stem; /* interned stem id; 0 for punctuation */
    /* A token has a value or says something about time, never both: no
     * number word or scale word of any language is a temporal word
     * (tests/test_text.c checks it), so the two share their bytes and a
     * token is 40 bytes, not 48.  Read time through
     * sc_token_time. */
    union {
        double value;      /* numbers, and words flagged NUMWORD or SCALE: the
                              value read per the language's separators */
        sc_time_word time; /* other words */
    };
    uint32_t entity; /* 1-based index of its entity in the text, 0 if none */
    uint16_t flags;  /* SC_TOKF_* */
    uint8_t kind;    /* sc_token_kind */
} sc_token;

_Static_assert(sizeof(sc_token) <= 40, "a token is the unit of per-document memory");

/* The temporal reading of a token: zero for anything but a word without a
 * value. */
static inline sc_time_word sc_token_time(const sc_token *t)
{
    if (t->kind != SC_TOK_WORD || (t->flags & (SC_TOKF_NUMWORD | SC_TOKF_SCALE)))
        return (sc_time_word){0};
    return t->time;
}

/* A content word: a word that is not a stopword, or a number.  What
 * alignment, support, the score and the relations count. */
static inline bool sc_token_is_content(const sc_token *t)
{
    return (t->kind == SC_TOK_WORD && !(t->flags & SC_TOKF_STOP)) || t->kind == SC_TOK_NUMBER;
}

enum {
    SC_TIMEW_ABBREVIATED = 1u << 0, /* the month or weekday name is an abbreviation */
    SC_TIMEW_YEAR_CUE = 1u << 1,
    SC_TIMEW_PAST_BEFORE = 1u << 2,
    SC_TIMEW_FUTURE_BEFORE = 1u << 3,
    SC_TIMEW_PAST_AFTER = 1u << 4,
    SC_TIMEW_FUTURE_AFTER = 1u << 5,
    SC_TIMEW_RELATIVE_DAY = 1u << 6,   /* relative_day is set */
    SC_TIMEW_RELATIVE_FIRST = 1u << 7, /* first word of a two-word relative day */
    SC_TIMEW_NEEDS_CAPITAL = 1u << 8,  /* a name only when capitalised ("May", not "may") */
};

typedef struct sc_sentence {
    size_t tok_begin; /* token indexes, [tok_begin, tok_end) */
    size_t tok_end;
    size_t start; /* bytes in the text */
    size_t end;
} sc_sentence;

/* A name (run of capitalised words) or a number mentioned in a text. */
typedef struct sc_entity {
    size_t tok_begin;
    size_t tok_end;
    size_t sentence;
    bool is_number;
    double value; /* numbers: the amount, scale words applied */
} sc_entity;

/* A temporal expression: what it states, and the date it resolves to
 * against the reference date (the page date). */
typedef enum sc_time_kind {
    SC_TIME_DATE,     /* a day: "Rabu, 15 Desember", "December 15, 2021", "15/12/2021" */
    SC_TIME_MONTH,    /* a month: "Desember 2021" */
    SC_TIME_YEAR,     /* a year in context: "pada tahun 2014", "in 1991" */
    SC_TIME_WEEKDAY,  /* a weekday alone: "pada hari Rabu", "last Wednesday" */
    SC_TIME_RELATIVE, /* "kemarin", "two days ago", "pekan lalu" */
} sc_time_kind;

enum { SC_TIME_MAX_CANDIDATES = 8 };

typedef struct sc_time_expr {
    size_t tok_begin; /* tokens [tok_begin, tok_end) of the text */
    size_t tok_end;
    size_t start; /* bytes in the text */
    size_t end;
    size_t sentence;
    sc_time_kind kind;
    /* What the text states; 0 = not stated.  weekday: 1 Monday .. 7 Sunday. */
    int year;
    int month;
    int day;
    int weekday;
    /* Relative expressions: the offset from the reference, and its unit's
     * length in days (1 day, 7 week, 30 month, 365 year). */
    int offset;
    int unit_days;
    /* Resolution: the first and last day it can mean (equal for a day). */
    bool resolved;
    sc_date date;
    sc_date date_last;
    /* A day stated with a weekday but no year: the years (nearest the
     * reference first) in which that day falls on that weekday, and
     * whether the reference's own placement of the day fits the weekday. */
    int candidate_years[SC_TIME_MAX_CANDIDATES];
    size_t n_candidate_years;
    bool weekday_fits_reference;
    bool slip;         /* one weekday off near the reference: resolved there anyway */
    sc_date placement; /* the day's nearest placement around the reference (year 0: none) */
} sc_time_expr;

/* A text after analysis. */
typedef struct sc_analysis {
    const sc_text *text;
    sc_token *tokens;
    size_t n_tokens;
    /* Per token, the id of its spelling (1..n_forms): tokens with one id
     * share one form, so what depends only on the form is worked out once
     * per id (sc_tokenize). */
    uint32_t *form_ids;
    uint32_t n_forms;
    uint64_t *word_hashes; /* per spelling id: its form's word hash, or 0 (sc_tokenize) */
    sc_sentence *sentences;
    size_t n_sentences;
    sc_entity *entities;
    size_t n_entities;
    sc_time_expr *times;
    size_t n_times;
} sc_analysis;

/* Two tokens of one text, by index, first before second. */
typedef struct sc_token_pair {
    size_t first, second;
} sc_token_pair;

/* The best-supporting article span of one summary sentence. */
enum { SC_ALIGN_MAX_SPAN = 3, SC_ALIGN_MAX_RELATED = 8 };

typedef struct sc_sentence_alignment {
    size_t aligned[SC_ALIGN_MAX_SPAN]; /* article sentence indexes, in text order */
    size_t n_aligned;
    double support;          /* in [0, 1] */
    double coverage;         /* IDF-weighted content-stem coverage by the span */
    double bigram;           /* share of the sentence's content bigrams the span has */
    double entity_agreement; /* share of its names and numbers the article has */
    bool *token_supported;   /* per token of the sentence */
    /* Article sentences about the same thing, beyond the span: those that
     * share a real part of its words other than numbers (for the number
     * rule, which looks for the summary's numbers in their context). */
    size_t related[SC_ALIGN_MAX_RELATED];
    size_t n_related;
    /* Relations (src/align/relation.c): n_pairs pairs of content words near
     * each other, both in the article; apart[0..n_apart) those no article
     * sentence holds together with its neighbours. */
    size_t n_pairs;
    struct sc_token_pair *apart;
    size_t n_apart;
} sc_sentence_alignment;

typedef struct sc_alignment {
    sc_sentence_alignment *sentences; /* one per summary sentence */
    size_t n_sentences;
    /* What the whole article has, for the rules: stems (indexed by stem
     * id, n_stems + 1 entries) and number values. */
    const bool *article_has_stem;
    uint32_t n_stems;
    const double *article_numbers;
    size_t n_article_numbers;
} sc_alignment;

/* Whether the article has token t's stem (a summary or article token). */
static inline bool sc_alignment_article_has(const sc_alignment *al, const sc_token *t)
{
    return t->stem <= al->n_stems && al->article_has_stem[t->stem];
}

/* Machine-readable evidence of a finding, rendered as a JSON object. */
typedef enum sc_evidence_type {
    SC_EV_STRING,
    SC_EV_NUMBER,
    SC_EV_INTEGER,
    SC_EV_STRINGS,
    SC_EV_NUMBERS,
    SC_EV_BOOL, /* in integer: 0 or 1 */
} sc_evidence_type;

typedef struct sc_evidence {
    struct sc_evidence *next;
    const char *key;
    sc_evidence_type type;
    const char *string;
    double number;
    long long integer;
    const char **strings;
    const double *numbers;
    size_t n_items;
} sc_evidence;

/* A byte span in one field; present false renders as null. */
typedef struct sc_span {
    bool present;
    sc_field field;
    size_t start;
    size_t end;
} sc_span;

typedef struct sc_finding {
    const char *rule;
    sc_severity severity;
    const char *message;
    sc_span summary_span;
    sc_span source_span;
    sc_evidence *evidence; /* in order of addition */
    sc_evidence *evidence_last;
    /* Set after the rules (src/gate.c): the fingerprint (sc_finding_info),
     * the reason of the suppression it matches (NULL when none), whether
     * the baseline has it. */
    char fingerprint[17];
    const char *suppressed;
    bool in_baseline;
} sc_finding;

/* Per-document interning of strings to small ids (stems), so comparisons
 * and IDF are integer work.  Id 0 is never used. */
typedef struct sc_intern sc_intern;

/* The whole checked document. */
struct sc_result {
    sc_arena *arena;
    const char *id;
    const char *language; /* ISO 639-1 or "und" */
    sc_page page;
    sc_intern *stems;
    sc_analysis summary;
    sc_analysis article;
    sc_alignment alignment;
    sc_finding *findings;
    size_t n_findings;
    size_t cap_findings;
    double consistency; /* < 0 when no summary */
    /* The features consistency is computed from (src/align/score.h), or
     * NULL when no summary was checked. */
    const double *features;
    bool baseline_checked; /* checked against a baseline (sc_options.baseline) */
    /* The article's own date, inferred from its text (has_inferred_date). */
    bool has_inferred_date;
    sc_date inferred_date;
    const char *inferred_why; /* the expression it rests on */
    double inferred_confidence;
    size_t inferred_time; /* index in article.times */
    /* The cache's entry the article's analysis was copied from, whose
     * strings the result shares: a reference, dropped by sc_result_free
     * (src/core/cache.h).  NULL when none. */
    struct sc_cached_article *article_entry;
};

/* 1-based line and column (in code points) of byte offset in field. */
void sc_page_line_column(const sc_page *page, sc_field field, size_t offset, size_t *line,
                         size_t *column);

/* The same, resuming from the last position asked for in that field when
 * the offset lies after it: writers ask in increasing order mostly, and a
 * long single-line text would otherwise cost a rescan per span. */
typedef struct sc_position_cache {
    size_t offset[SC_FIELD_COUNT];
    size_t line[SC_FIELD_COUNT];
    size_t column[SC_FIELD_COUNT];
} sc_position_cache;

void sc_position_cache_init(sc_position_cache *cache);
void sc_page_line_column_cached(const sc_page *page, sc_position_cache *cache, sc_field field,
                                size_t offset, size_t *line, size_t *column);

/* The text of [start, end) of a text: data + start. */
static inline const char *sc_text_at(const sc_text *text, size_t offset)
{
    return text->data + offset;
}

#endif
