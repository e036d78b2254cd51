/* The library's entry points: the pipeline of DESIGN.md, one document at a
 * time, bytes -> page -> texts -> alignment -> findings. */
#include "sumcheck.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align/align.h"
#include "align/score.h"
#include "check/check.h"
#include "core/cache.h"
#include "core/intern.h"
#include "core/limits.h"
#include "gate.h"
#include "lang/lang.h"
#include "io/io.h"
#include "text/text.h"
#include "time/date.h"
#include "time/expr.h"
#include "time/infer.h"

void sc_options_init(sc_options *options)
{
    memset(options, 0, sizeof *options);
    options->input_format = SC_INPUT_AUTO;
}

sc_status sc_options_validate(const sc_options *options, sc_error *error)
{
    sc_date d;
    if (options->page_date != NULL &&
        !sc_date_parse_iso(options->page_date, strlen(options->page_date), &d))
        return sc_fail(error, SC_ERR_OPTION, "the page date must be a date as YYYY-MM-DD",
                       SC_NO_POS, NULL);
    if (options->language != NULL && sc_lang_find(options->language) == NULL)
        return sc_fail(error, SC_ERR_OPTION, "unknown language code (known: id, en)", SC_NO_POS,
                       NULL);
    if ((unsigned)options->input_format > SC_INPUT_JSONL)
        return sc_fail(error, SC_ERR_OPTION, "unknown input format", SC_NO_POS, NULL);
    if (options->summary_selector != NULL && !sc_html_selector_valid(options->summary_selector))
        return sc_fail(error, SC_ERR_OPTION,
                       "the summary selector is neither an XPath nor a simple CSS selector",
                       SC_NO_POS, NULL);
    if (options->article_selector != NULL && !sc_html_selector_valid(options->article_selector))
        return sc_fail(error, SC_ERR_OPTION,
                       "the article selector is neither an XPath nor a simple CSS selector",
                       SC_NO_POS, NULL);
    return sc_gate_validate(options, error);
}

/* The first byte after a BOM and white space. */
static size_t content_start(const char *s, size_t len)
{
    size_t i = 0;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    return i;
}

sc_input_format sc_detect_input_format(const char *input, size_t len, const char *name)
{
    if (name != NULL) {
        const char *dot = strrchr(name, '.');
        const char *slash = strrchr(name, '/');
        if (dot != NULL && (slash == NULL || dot > slash)) {
            static const struct {
                const char *ext;
                sc_input_format format;
            } exts[] = {{".html", SC_INPUT_HTML},    {".htm", SC_INPUT_HTML},
                        {".json", SC_INPUT_JSON},    {".jsonl", SC_INPUT_JSONL},
                        {".ndjson", SC_INPUT_JSONL}, {".txt", SC_INPUT_TEXT}};
            for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
                if (strcmp(dot, exts[i].ext) == 0)
                    return exts[i].format;
        }
    }
    size_t i = content_start(input, len);
    if (i < len && input[i] == '<')
        return SC_INPUT_HTML;
    if (i < len && input[i] == '{') {
        /* One object is json; an object per line is jsonl.  The first line
         * ending with "}" and more "{" lines after it is the JSON Lines
         * shape. */
        const char *nl = memchr(input + i, '\n', len - i);
        if (nl != NULL) {
            size_t rest = content_start(nl, len - (size_t)(nl - input));
            const char *after = nl + rest;
            const char *e = nl;
            while (e > input + i && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
                e--;
            if (after < input + len && *after == '{' && e > input + i && e[-1] == '}')
                return SC_INPUT_JSONL;
        }
        return SC_INPUT_JSON;
    }
    return SC_INPUT_TEXT;
}

/* Stems, sentences and time expressions of a tokenised text, its stems
 * into the table. */
static sc_status finish_text(sc_arena *arena, const sc_lang *lang, const char *date_lang,
                             sc_intern *stems, sc_analysis *a)
{
    sc_status st;
    if ((st = sc_tokens_finish(arena, lang, date_lang, stems, a->tokens, a->n_tokens, a->form_ids,
                               a->n_forms)) != SC_OK ||
        (st = sc_split_sentences(arena, a->text, lang, a->tokens, a->n_tokens, &a->sentences,
                                 &a->n_sentences)) != SC_OK)
        return st;
    return sc_find_times(arena, a, lang, date_lang);
}

static sc_status tokenize(sc_arena *arena, const sc_text *text, sc_analysis *a)
{
    return sc_tokenize(arena, text, &a->tokens, &a->n_tokens, &a->form_ids, &a->n_forms,
                       &a->word_hashes);
}

static void *copy_of(sc_arena *arena, const void *p, size_t n, size_t size)
{
    void *copy = sc_arena_alloc(arena, n * size);
    if (copy != NULL && n > 0)
        memcpy(copy, p, n * size);
    return copy;
}

/* The cached article's arrays into *to, in the result's arena.  Later
 * stages write into tokens and times only, but every array is copied: a
 * result owns each array it points to and shares only strings (token
 * forms, stems) with the entry. */
static sc_status copy_article(sc_arena *arena, const sc_cached_article *entry, sc_analysis *to)
{
    const sc_analysis *from = &entry->analysis;
    to->n_tokens = from->n_tokens;
    to->n_forms = from->n_forms;
    to->n_sentences = from->n_sentences;
    to->n_times = from->n_times;
    to->tokens = copy_of(arena, from->tokens, from->n_tokens, sizeof *from->tokens);
    to->form_ids = copy_of(arena, from->form_ids, from->n_tokens, sizeof *from->form_ids);
    to->word_hashes =
        copy_of(arena, from->word_hashes, (size_t)from->n_forms + 1, sizeof *from->word_hashes);
    to->sentences = copy_of(arena, from->sentences, from->n_sentences, sizeof *from->sentences);
    to->times = copy_of(arena, from->times, from->n_times, sizeof *from->times);
    return to->tokens != NULL && to->form_ids != NULL && to->word_hashes != NULL &&
                   to->sentences != NULL && to->times != NULL
               ? SC_OK
               : SC_ERR_NOMEM;
}

static bool same_code(const char *a, const char *b)
{
    return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

static sc_status token_limit(sc_status st, const char *message, sc_error *error)
{
    return sc_fail(error, st, st == SC_ERR_LIMIT ? message : "out of memory", SC_NO_POS, NULL);
}

/* Tokens, stems, sentences, times and entities of both texts.  The
 * article comes first, into a stems table of its own that the summary's
 * stems then join: so its analysis is the same for every summary, and
 * with a cache (pairs only) it is taken from the entry for its bytes when
 * there is one read in the same language, else, when the cache has seen
 * the article before, made in a new entry that the cache keeps.  Either
 * way the result's copy is what a fresh analysis gives: the same ids, the
 * same output (tests/test_cache.c). */
static sc_status analyse(sc_result *r, const sc_options *options, sc_cache *cache, sc_error *error)
{
    sc_arena *arena = r->arena;
    sc_page *page = &r->page;
    sc_status st;
    r->summary.text = &page->summary;
    r->article.text = &page->article;
    sc_analysis *sum = &r->summary, *art = &r->article;
    if (page->has_summary && (st = tokenize(arena, &page->summary, sum)) != SC_OK)
        return token_limit(st, "the summary has too many tokens", error);

    /* The article's tokens: the cache's, a new entry's, or the result's
     * own. */
    sc_cached_article *entry = NULL;
    bool fresh = false, seen = false;
    if (cache != NULL &&
        (entry = sc_cache_take(cache, page->article.data, page->article.len, &seen)) != NULL) {
        r->article_entry = entry;
    } else if (seen) {
        if ((entry = sc_cached_article_new(page->article.data, page->article.len)) == NULL)
            return sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, NULL);
        r->article_entry = entry;
        fresh = true;
        entry->analysis.text = &page->article;
        if ((st = tokenize(entry->arena, &page->article, &entry->analysis)) != SC_OK)
            return token_limit(st, "the article has too many tokens", error);
    } else if ((st = tokenize(arena, &page->article, art)) != SC_OK) {
        return token_limit(st, "the article has too many tokens", error);
    }

    const sc_lang *lang = NULL;
    const char *code = options->language != NULL ? options->language : page->language;
    if (code != NULL)
        lang = sc_lang_find(code);
    if (entry != NULL) {
        /* An entry keeps the article's stopword counts, for every pair
         * that shares it, even one that names its language. */
        const sc_analysis *a = &entry->analysis;
        if (fresh) {
            entry->lang_hits =
                sc_arena_calloc(entry->arena, SC_DETECT_MAX_LANGS, sizeof *entry->lang_hits);
            if (entry->lang_hits == NULL)
                return sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, NULL);
            sc_language_hits(a->tokens, a->form_ids, a->n_tokens, entry->lang_hits);
        }
        if (lang == NULL) {
            size_t hits[SC_DETECT_MAX_LANGS];
            memcpy(hits, entry->lang_hits, sizeof hits);
            sc_language_hits(sum->tokens, sum->form_ids, sum->n_tokens, hits);
            lang = sc_language_of_hits(hits);
        }
    } else if (lang == NULL) {
        const sc_token *arrays[2] = {art->tokens, sum->tokens};
        size_t counts[2] = {art->n_tokens, sum->n_tokens};
        const uint32_t *ids[2] = {art->form_ids, sum->form_ids};
        lang = sc_detect_language(arrays, ids, counts, 2);
    }
    r->language = lang != NULL ? lang->code : "und";
    /* Dates: the names of the language the page says it is in, even one
     * sumcheck has no full tables for ("es"); else of the language found;
     * else of every language. */
    const char *date_lang = lang != NULL ? lang->code : NULL;
    if (code != NULL && sc_lang_find(code) == NULL)
        date_lang = code;
    /* Text in a language we have no tables for is still checked, with
     * English's separators and stemmer: names and numbers still compare. */
    lang = sc_lang_or_english(r->language);

    if (entry != NULL && !fresh &&
        (entry->lang != lang || !same_code(entry->date_lang, date_lang))) {
        /* Read in another language before (a summary can tip detection):
         * analysed here anew, not kept. */
        sc_cached_article_release(entry);
        r->article_entry = entry = NULL;
        if ((st = tokenize(arena, &page->article, art)) != SC_OK)
            return token_limit(st, "the article has too many tokens", error);
    }
    if (fresh) {
        entry->lang = lang;
        if (date_lang != NULL && (entry->date_lang = sc_arena_strndup(entry->arena, date_lang,
                                                                      strlen(date_lang))) == NULL)
            return sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, NULL);
        if ((entry->stems = sc_intern_new_sized(entry->arena, entry->analysis.n_forms)) == NULL)
            return sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, NULL);
        if ((st = finish_text(entry->arena, lang, date_lang, entry->stems, &entry->analysis)) !=
            SC_OK)
            return sc_fail(error, st, "out of memory", SC_NO_POS, NULL);
        entry->analysis.text = NULL;
        entry->footprint = sc_arena_footprint(entry->arena);
        sc_cache_put(cache, entry);
    }
    if (entry != NULL) {
        if (copy_article(arena, entry, art) != SC_OK ||
            (r->stems = sc_intern_copy(arena, entry->stems, sum->n_forms)) == NULL)
            return sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, NULL);
    } else {
        /* A stem per form at most: a table sized for the texts' forms, not
         * for the largest, is one of a few kilobytes less to clear per
         * document (it grows past them if need be). */
        size_t forms = (size_t)art->n_forms + sum->n_forms; /* 0 without a summary */
        if ((r->stems = sc_intern_new_sized(arena, forms)) == NULL)
            return sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, NULL);
        if ((st = finish_text(arena, lang, date_lang, r->stems, art)) != SC_OK)
            return sc_fail(error, st, "out of memory", SC_NO_POS, NULL);
    }
    if (page->has_summary && (st = finish_text(arena, lang, date_lang, r->stems, sum)) != SC_OK)
        return sc_fail(error, st, "out of memory", SC_NO_POS, NULL);
    if (sum->n_sentences > SC_MAX_SUMMARY_SENTENCES)
        return sc_fail(error, SC_ERR_LIMIT, "the summary has more sentences than the limit",
                       SC_NO_POS, NULL);
    if ((st = sc_find_entities_pair(arena, page->has_summary ? sum : NULL, art, lang)) != SC_OK)
        return sc_fail(error, st, "out of memory", SC_NO_POS, NULL);
    return SC_OK;
}

/* The document's consistency: the trained model of src/align/score.h over
 * the summary's features, the rules' findings among them.  A summary with
 * no sentence claims nothing: 1. */
static sc_status score(sc_result *r, const size_t *rule_findings)
{
    double *features = sc_arena_calloc(r->arena, SC_SCORE_N_FEATURES, sizeof *features);
    if (features == NULL || sc_score_features(r, rule_findings, features) != SC_OK)
        return SC_ERR_NOMEM;
    r->features = features;
    r->consistency = r->alignment.n_sentences > 0 ? sc_score_consistency(features) : 1.0;
    return SC_OK;
}

/* Everything after reading: the page date override, the id, analysis,
 * alignment, the rules and the gate.  The page is read. */
static sc_status check_page(sc_result *r, const sc_options *options, sc_cache *cache,
                            const char *id, sc_error *error)
{
    sc_arena *arena = r->arena;
    sc_page *page = &r->page;
    if (options->page_date != NULL) {
        sc_date override;
        sc_date_parse_iso(options->page_date, strlen(options->page_date), &override);
        page->has_page_date = true;
        page->page_date = override;
        page->page_date_origin = "--page-date";
        page->page_date_text =
            sc_arena_strndup(arena, options->page_date, strlen(options->page_date));
        if (page->page_date_text == NULL)
            return sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, NULL);
    }
    const char *name = page->id != NULL ? page->id : id != NULL ? id : "-";
    if ((r->id = sc_arena_strndup(arena, name, strlen(name))) == NULL)
        return sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, NULL);
    sc_status st = analyse(r, options, cache, error);
    if (st != SC_OK)
        return st;
    /* Dates resolve against the page's own date; the article's inferred
     * date comes from them. */
    sc_resolve_times(&r->article, page->has_page_date, page->page_date);
    sc_resolve_times(&r->summary, page->has_page_date, page->page_date);
    sc_infer_article_date(r);
    if (page->has_summary && sc_align(r) != SC_OK)
        return sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, NULL);
    bool disabled[SC_MAX_RULES];
    size_t rule_findings[SC_MAX_RULES];
    sc_gate_disabled(options, disabled);
    if (sc_run_rules(r, disabled, options->min_support, rule_findings) != SC_OK ||
        (page->has_summary && score(r, rule_findings) != SC_OK) ||
        sc_gate_apply(r, options) != SC_OK)
        return sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, NULL);
    return SC_OK;
}

/* Why a text page is not UTF-8, for its error: a NUL byte is binary data;
 * a UTF-16 byte-order mark says which encoding it is in instead. */
static const char *not_utf8_why(const char *input, size_t len, size_t bad)
{
    if (input[bad] == '\0')
        return "NUL byte: binary data, not page text";
    if (bad == 0 && sc_utf16_bom(input, len))
        return "UTF-16 text (it starts with a UTF-16 byte-order mark): the page must be UTF-8 text";
    return "invalid UTF-8: the page must be UTF-8 text";
}

sc_result *sc_check(const char *input, size_t len, const char *id, const sc_options *options,
                    sc_error *error)
{
    sc_options defaults;
    if (options == NULL) {
        sc_options_init(&defaults);
        options = &defaults;
    }
    if (input == NULL && len > 0) {
        sc_fail(error, SC_ERR_OPTION, "no input", SC_NO_POS, NULL);
        return NULL;
    }
    if (len > SC_MAX_INPUT_BYTES) {
        sc_fail(error, SC_ERR_LIMIT, "input larger than the 64 MiB limit", SC_MAX_INPUT_BYTES,
                NULL);
        return NULL;
    }
    if (sc_options_validate(options, error) != SC_OK)
        return NULL;
    if (content_start(input, len) == len) {
        sc_fail(error, SC_ERR_INPUT, "the input is empty", 0, NULL);
        return NULL;
    }
    sc_input_format format = options->input_format;
    if (format == SC_INPUT_AUTO)
        format = sc_detect_input_format(input, len, NULL);

    sc_arena *arena = sc_arena_new();
    sc_result *r = arena != NULL ? sc_arena_calloc(arena, 1, sizeof *r) : NULL;
    if (r == NULL) {
        sc_arena_free(arena);
        sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, NULL);
        return NULL;
    }
    r->arena = arena;
    r->consistency = -1;
    sc_page *page = &r->page;
    sc_status st = SC_OK;
    switch (format) {
    case SC_INPUT_TEXT: {
        size_t bad;
        if (!sc_utf8_valid(input, len, &bad)) {
            sc_fail_at(error, SC_ERR_INPUT, not_utf8_why(input, len, bad), input, len, bad);
            goto fail;
        }
        page->field_data[SC_FIELD_PAGE] = input;
        page->field_len[SC_FIELD_PAGE] = len;
        st = sc_read_text_page(arena, input, len, page, error);
        break;
    }
    case SC_INPUT_JSON:
    case SC_INPUT_JSONL:
        st = sc_read_json_pair(arena, input, len, page, error);
        break;
    case SC_INPUT_HTML:
        st = sc_read_html_page_with(arena, input, len, options->summary_selector,
                                    options->article_selector, page, error);
        break;
    default:
        st = sc_fail(error, SC_ERR_OPTION, "unknown input format", SC_NO_POS, NULL);
        break;
    }
    if (st != SC_OK)
        goto fail;

    /* A text page's spans point into the caller's input; keep our own copy
     * so the result outlives it. */
    if (format == SC_INPUT_TEXT) {
        char *copy = sc_arena_strndup(arena, input, len);
        if (copy == NULL) {
            sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, NULL);
            goto fail;
        }
        page->field_data[SC_FIELD_PAGE] = copy;
        page->summary.data = copy + page->summary.base;
        page->article.data = copy + page->article.base;
    }
    /* Only pairs use the cache: pages seldom share an article. */
    bool pair = format == SC_INPUT_JSON || format == SC_INPUT_JSONL;
    if (check_page(r, options, pair ? options->cache : NULL, id, error) != SC_OK)
        goto fail;
    return r;
fail:
    sc_result_free(r);
    return NULL;
}

/* A text of a pair: UTF-8 without NUL, copied into the arena.  error->path
 * names which text is at fault. */
static sc_status pair_text(sc_arena *arena, const char *s, size_t len, const char *which,
                           const char **copy, sc_error *error)
{
    size_t bad;
    if (s == NULL && len > 0)
        return sc_fail(error, SC_ERR_OPTION, "no text", SC_NO_POS, which);
    if (len > SC_MAX_INPUT_BYTES)
        return sc_fail(error, SC_ERR_LIMIT, "text larger than the 64 MiB limit", SC_MAX_INPUT_BYTES,
                       which);
    if (len > 0 && !sc_utf8_valid(s, len, &bad)) {
        sc_fail_at(error, SC_ERR_INPUT,
                   s[bad] == '\0' ? "NUL byte: binary data, not text"
                                  : "invalid UTF-8: the text must be UTF-8",
                   s, len, bad);
        if (error != NULL)
            snprintf(error->path, sizeof error->path, "%s", which);
        return SC_ERR_INPUT;
    }
    if ((*copy = sc_arena_strndup(arena, len > 0 ? s : "", len)) == NULL)
        return sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, NULL);
    return SC_OK;
}

sc_result *sc_check_pair(const char *summary, size_t summary_len, const char *source,
                         size_t source_len, const char *id, const sc_options *options,
                         sc_error *error)
{
    sc_options defaults;
    if (options == NULL) {
        sc_options_init(&defaults);
        options = &defaults;
    }
    if (sc_options_validate(options, error) != SC_OK)
        return NULL;
    sc_arena *arena = sc_arena_new();
    sc_result *r = arena != NULL ? sc_arena_calloc(arena, 1, sizeof *r) : NULL;
    if (r == NULL) {
        sc_arena_free(arena);
        sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, NULL);
        return NULL;
    }
    r->arena = arena;
    r->consistency = -1;
    sc_page *page = &r->page;
    const char *sum = NULL, *src = NULL;
    if (pair_text(arena, summary, summary_len, "summary", &sum, error) != SC_OK ||
        pair_text(arena, source, source_len, "source", &src, error) != SC_OK)
        goto fail;
    if (content_start(src, source_len) == source_len) {
        sc_fail(error, SC_ERR_INPUT, "the article (source) is empty", 0, "source");
        goto fail;
    }
    /* As the JSON pair reader lays out a pair. */
    page->field_data[SC_FIELD_SUMMARY] = sum;
    page->field_len[SC_FIELD_SUMMARY] = summary_len;
    page->field_data[SC_FIELD_SOURCE] = src;
    page->field_len[SC_FIELD_SOURCE] = source_len;
    page->has_summary = true;
    page->summary = (sc_text){SC_FIELD_SUMMARY, 0, sum, summary_len};
    page->article = (sc_text){SC_FIELD_SOURCE, 0, src, source_len};
    if (sc_page_add_block(arena, page, SC_ROLE_SUMMARY, SC_FIELD_SUMMARY, 0, summary_len) !=
            SC_OK ||
        sc_page_add_block(arena, page, SC_ROLE_BODY, SC_FIELD_SOURCE, 0, source_len) != SC_OK) {
        sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, NULL);
        goto fail;
    }
    if (check_page(r, options, options->cache, id, error) != SC_OK)
        goto fail;
    return r;
fail:
    sc_result_free(r);
    return NULL;
}

void sc_result_free(sc_result *result)
{
    if (result != NULL) {
        sc_cached_article_release(result->article_entry);
        sc_arena_free(result->arena);
    }
}

const char *sc_result_id(const sc_result *result)
{
    return result->id;
}

size_t sc_result_finding_count(const sc_result *result)
{
    return result->n_findings;
}

size_t sc_result_count_at_least(const sc_result *result, sc_severity severity)
{
    size_t n = 0;
    for (size_t i = 0; i < result->n_findings; i++)
        n += result->findings[i].severity >= severity;
    return n;
}

double sc_result_consistency(const sc_result *result)
{
    return result->consistency;
}

bool sc_severity_parse(const char *name, sc_severity *severity)
{
    static const struct {
        const char *name;
        sc_severity severity;
    } names[] = {
        {"error", SC_SEVERITY_ERROR}, {"warning", SC_SEVERITY_WARNING}, {"note", SC_SEVERITY_NOTE}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i].name) == 0) {
            *severity = names[i].severity;
            return true;
        }
    return false;
}

const char *sc_severity_name(sc_severity severity)
{
    switch (severity) {
    case SC_SEVERITY_ERROR:
        return "error";
    case SC_SEVERITY_WARNING:
        return "warning";
    case SC_SEVERITY_NOTE:
        return "note";
    default:
        return "note";
    }
}
