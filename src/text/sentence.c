/* Sentence boundaries over tokens.
 *
 * A sentence ends at ".", "!", "?" or "..." followed by white space, with
 * any closing quotes and brackets that hug the mark; not after an
 * abbreviation of the language ("Dr.", "Jl.") or an initial ("J. Smith").
 * A line break ends a sentence too (paragraphs, bullets, headlines), unless
 * the line runs on: no end mark before it and a lower-case word after it. */
#include "text.h"

#include <string.h>

#include "core/limits.h"

static bool is_closer(const sc_text *text, const sc_token *t)
{
    if (t->flags & SC_TOKF_QUOTE)
        return true;
    char c = text->data[t->start];
    return t->end - t->start == 1 && (c == ')' || c == ']');
}

/* True when the "." at tokens[i] follows an abbreviation or an initial, so
 * it does not end the sentence before next (NULL at the end). */
static bool after_abbreviation(const sc_text *text, const sc_lang *lang, const sc_token *tokens,
                               size_t i, const sc_token *next)
{
    if (i == 0 || text->data[tokens[i].start] != '.' || tokens[i].end - tokens[i].start != 1)
        return false;
    const sc_token *prev = &tokens[i - 1];
    /* A German ordinal day: "am 15. Dezember". */
    if (prev->end == tokens[i].start && prev->kind == SC_TOK_NUMBER && prev->norm_len <= 2 &&
        next != NULL && sc_token_time(next).month != 0)
        return true;
    if (prev->end != tokens[i].start || prev->kind != SC_TOK_WORD)
        return false;
    /* The three lists in one lookup (a "." after a word ends most
     * sentences). */
    sc_word_class word;
    sc_lang_classify_word(lang, prev->norm, prev->norm_len, &word);
    if (word.lists & SC_LIST_BIT(SC_LIST_ABBREVIATIONS))
        return true;
    if (word.lists & SC_LIST_BIT(SC_LIST_NUMBER_ABBREVIATIONS))
        return next != NULL && next->kind == SC_TOK_NUMBER;
    if (word.lists & SC_LIST_BIT(SC_LIST_LIST_ABBREVIATIONS))
        return next != NULL && !(next->flags & SC_TOKF_CAPITAL);
    /* A single capital letter: an initial ("George W. Bush"). */
    return prev->norm_len == 1 && (prev->flags & SC_TOKF_CAPITAL);
}

static bool starts_lower(const sc_token *t)
{
    return t->kind == SC_TOK_WORD && !(t->flags & SC_TOKF_CAPITAL);
}

/* True when the sentence that began at tokens[begin] ends before
 * tokens[i], white space before it (begin < i). */
static bool ends_before(const sc_text *text, const sc_lang *lang, const sc_token *tokens,
                        size_t begin, size_t i)
{
    const sc_token *t = &tokens[i];
    /* The last token before any closers; a token after white space is
     * none (its flag is tested first: it spares reading the text). */
    size_t j = i - 1;
    while (j > begin && !(tokens[j].flags & SC_TOKF_AFTER_SPACE) && is_closer(text, &tokens[j]))
        j--;
    bool ended =
        (tokens[j].flags & SC_TOKF_SENT_END) && !after_abbreviation(text, lang, tokens, j, t);
    if (t->flags & SC_TOKF_AFTER_BREAK)
        return ended || !starts_lower(t);
    return ended;
}

/* The end of the sentence that begins at tokens[begin] (< n_tokens): the
 * first boundary after it, at most SC_MAX_SENTENCE_TOKENS on. */
static size_t sentence_end(const sc_text *text, const sc_lang *lang, const sc_token *tokens,
                           size_t n_tokens, size_t begin)
{
    size_t last =
        n_tokens - begin > SC_MAX_SENTENCE_TOKENS ? begin + SC_MAX_SENTENCE_TOKENS : n_tokens;
    /* Most tokens are words after a space and a word, which end nothing:
     * no mark, and no closer hugs one.  They are skipped on the flags
     * alone, walking a pointer (an index beside it was a second counter in
     * a loop that reads every token of the text). */
    const sc_token *stop = tokens + last;
    for (const sc_token *t = tokens + begin + 1; t < stop; t++) {
        unsigned flags = t->flags;
        if (!(flags & (SC_TOKF_AFTER_SPACE | SC_TOKF_AFTER_BREAK)))
            continue;
        if (!(flags & SC_TOKF_AFTER_BREAK) &&
            (t[-1].flags & (SC_TOKF_SENT_END | SC_TOKF_AFTER_SPACE)) == SC_TOKF_AFTER_SPACE)
            continue;
        size_t i = (size_t)(t - tokens);
        if (ends_before(text, lang, tokens, begin, i))
            return i;
    }
    return last;
}

/* The list of sentences being found, in an arena of its own, growing by
 * doubling: the document keeps a copy of its final size, so no outgrown
 * copy stays with it. */
typedef struct sentence_list {
    sc_sentence *items;
    size_t n, cap;
    sc_arena *temp;
} sentence_list;

static sc_status push(sentence_list *list, const sc_sentence *s)
{
    if (list->n == list->cap) {
        if (list->n >= SC_MAX_TOKENS)
            return SC_ERR_LIMIT;
        sc_sentence *grown =
            sc_arena_grow(list->temp, list->items, list->n, list->cap * 2, sizeof *grown);
        if (grown == NULL)
            return SC_ERR_NOMEM;
        list->items = grown;
        list->cap *= 2;
    }
    list->items[list->n++] = *s;
    return SC_OK;
}

static sc_status split(sentence_list *list, const sc_text *text, const sc_lang *lang,
                       sc_token *tokens, size_t n_tokens);

sc_status sc_split_sentences(sc_arena *arena, const sc_text *text, const sc_lang *lang,
                             sc_token *tokens, size_t n_tokens, sc_sentence **sentences,
                             size_t *n_sentences)
{
    sentence_list list = {NULL, 0, 16, sc_arena_new()};
    if (list.temp == NULL ||
        (list.items = sc_arena_alloc(list.temp, list.cap * sizeof *list.items)) == NULL) {
        sc_arena_free(list.temp);
        return SC_ERR_NOMEM;
    }
    sc_status st = split(&list, text, lang, tokens, n_tokens);
    sc_sentence *kept = NULL;
    size_t n = list.n;
    if (st == SC_OK && (kept = sc_arena_alloc(arena, (n ? n : 1) * sizeof *kept)) == NULL)
        st = SC_ERR_NOMEM;
    if (st == SC_OK) {
        if (n > 0)
            memcpy(kept, list.items, n * sizeof *kept);
        *sentences = kept;
        *n_sentences = n;
    }
    sc_arena_free(list.temp);
    return st;
}

static sc_status split(sentence_list *list, const sc_text *text, const sc_lang *lang,
                       sc_token *tokens, size_t n_tokens)
{
    for (size_t begin = 0; begin < n_tokens;) {
        size_t end = sentence_end(text, lang, tokens, n_tokens, begin);
        sc_sentence s = {begin, end, tokens[begin].start, tokens[end - 1].end};
        sc_status st = push(list, &s);
        if (st != SC_OK)
            return st;
        begin = end;
    }
    const sc_sentence *out = list->items;
    for (size_t s = 0; s < list->n; s++) {
        for (size_t k = out[s].tok_begin; k < out[s].tok_end; k++) {
            if (tokens[k].kind != SC_TOK_PUNCT) {
                tokens[k].flags |= SC_TOKF_SENT_START;
                break;
            }
        }
    }
    return SC_OK;
}
