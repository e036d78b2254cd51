/* Rules: each rule is one file with a stable id, a default severity and a
 * short doc; it reads the analysed texts and the alignment and adds
 * findings.  Rules never print. */
#ifndef SC_CHECK_CHECK_H
#define SC_CHECK_CHECK_H

#include "core/doc.h"

typedef struct sc_rule {
    const char *id; /* stable, never reused */
    sc_severity severity;
    const char *summary; /* one line: what it checks */
    /* --explain RULE: what it checks, an example, how to fix, the evidence
     * keys of its findings. */
    const char *doc;
    sc_status (*run)(const struct sc_rule *rule, sc_result *result);
} sc_rule;

extern const sc_rule sc_rule_missing_summary;
extern const sc_rule sc_rule_unsupported_claim;
extern const sc_rule sc_rule_negation_flip;
extern const sc_rule sc_rule_misquote;
extern const sc_rule sc_rule_unsupported_entity;
extern const sc_rule sc_rule_unsupported_relation;
extern const sc_rule sc_rule_number_mismatch;
extern const sc_rule sc_rule_extraneous_content;
extern const sc_rule sc_rule_page_date_mismatch;
extern const sc_rule sc_rule_weekday_mismatch;
extern const sc_rule sc_rule_date_mismatch;

/* Room for every rule in per-rule flag arrays (rules.c asserts the
 * registry fits). */
#define SC_MAX_RULES 64

/* Every rule, in the order they run and report. */
extern const sc_rule *const sc_rules[];
extern const size_t sc_rule_count;

/* Runs every rule but those disabled (disabled[i] for sc_rules[i]; NULL
 * runs all), then, right after unsupported-claim, sc_check_min_support
 * with min_support.  When counts is not NULL, counts[i] is the number of
 * findings sc_rules[i] gave itself (0 when disabled; --min-support's are
 * not counted).  SC_OK or SC_ERR_NOMEM. */
sc_status sc_run_rules(sc_result *result, const bool *disabled, double min_support, size_t *counts);

/* The stricter --min-support: every summary sentence whose support is
 * below min_support but not below SC_CLAIM_MIN_SUPPORT (which the rule
 * itself reports) gets a finding of rule, placed among the rule's other
 * findings in text order.  SC_OK or SC_ERR_NOMEM. */
sc_status sc_check_min_support(const sc_rule *rule, sc_result *result, double min_support);

/* Adds a finding of rule with message (copied); NULL when out of memory. */
sc_finding *sc_finding_add(sc_result *result, const sc_rule *rule, const char *message);

/* Evidence, in order of addition.  Strings are copied.  SC_OK or NOMEM. */
sc_status sc_evidence_string(sc_result *r, sc_finding *f, const char *key, const char *value,
                             size_t len);
sc_status sc_evidence_number(sc_result *r, sc_finding *f, const char *key, double value);
sc_status sc_evidence_integer(sc_result *r, sc_finding *f, const char *key, long long value);
sc_status sc_evidence_bool(sc_result *r, sc_finding *f, const char *key, bool value);
sc_status sc_evidence_strings(sc_result *r, sc_finding *f, const char *key, const char **values,
                              size_t n);
sc_status sc_evidence_numbers(sc_result *r, sc_finding *f, const char *key, const double *values,
                              size_t n);

/* The span of text[start, end) in its field. */
sc_span sc_span_in(const sc_text *text, size_t start, size_t end);

/* The length of the longest prefix of s[0..len) of at most max bytes that
 * does not cut a UTF-8 character, for quoting text in messages. */
size_t sc_utf8_prefix(const char *s, size_t len, size_t max);

/* Words listed in an unsupported-claim message and its evidence. */
enum { SC_MAX_LISTED_WORDS = 12 };

/* The distinct words of summary tokens [begin, end) (of the sentence
 * starting at token sentence_begin, aligned as al) that its span does not
 * support, at most SC_MAX_LISTED_WORDS, into words[] (*n_words of them),
 * and the same quoted and joined with ", " as the return value (arena
 * storage).  NULL when out of memory. */
const char *sc_unsupported_words(sc_result *r, const sc_sentence_alignment *al,
                                 size_t sentence_begin, size_t begin, size_t end,
                                 const char **words, size_t *n_words);

/* The summary sentence's text (copied, NUL-terminated). */
const char *sc_sentence_text(sc_arena *arena, const sc_analysis *analysis, size_t sentence);

#endif
