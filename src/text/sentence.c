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
    if (sc_word_list_has(&lang->abbreviations, prev->norm, prev->norm_len))
        return true;
    if (sc_word_list_has(&lang->number_abbreviations, prev->norm, prev->norm_len))
        return next != NULL && next->kind == SC_TOK_NUMBER;
    if (sc_word_list_has(&lang->list_abbreviations, prev->norm, prev->norm_len))
        return next != NULL && !(next->flags & SC_TOKF_CAPITAL);
    /* A single capital letter: an initial ("George W. Bush"). */
    return prev->norm_len == 1 && (prev->flags & SC_TOKF_CAPITAL);
}

static bool starts_lower(const sc_token *t)
{
    return t->kind == SC_TOK_WORD && !(t->flags & SC_TOKF_CAPITAL);
}

static sc_status split(sc_arena *arena, const sc_text *text, const sc_lang *lang, sc_token *tokens,
                       size_t n_tokens, sc_sentence **sentences, size_t *n_sentences);

sc_status sc_split_sentences(sc_arena *arena, const sc_text *text, const sc_lang *lang,
                             sc_token *tokens, size_t n_tokens, sc_sentence **sentences,
                             size_t *n_sentences)
{
    /* The list grows by doubling in an arena of its own, then is kept at
     * its final size, so its outgrown copies do not stay with the
     * document. */
    sc_arena *temp = sc_arena_new();
    if (temp == NULL)
        return SC_ERR_NOMEM;
    sc_sentence *grown = NULL;
    size_t n = 0;
    sc_status st = split(temp, text, lang, tokens, n_tokens, &grown, &n);
    sc_sentence *kept = NULL;
    if (st == SC_OK && (kept = sc_arena_alloc(arena, (n ? n : 1) * sizeof *kept)) == NULL)
        st = SC_ERR_NOMEM;
    if (st == SC_OK) {
        if (n > 0)
            memcpy(kept, grown, n * sizeof *kept);
        *sentences = kept;
        *n_sentences = n;
    }
    sc_arena_free(temp);
    return st;
}

static sc_status split(sc_arena *arena, const sc_text *text, const sc_lang *lang, sc_token *tokens,
                       size_t n_tokens, sc_sentence **sentences, size_t *n_sentences)
{
    size_t cap = 16, n = 0;
    sc_sentence *out = sc_arena_alloc(arena, cap * sizeof *out);
    if (out == NULL)
        return SC_ERR_NOMEM;
    size_t begin = 0;
    for (size_t i = 0; i <= n_tokens; i++) {
        bool boundary = false;
        if (i == n_tokens) {
            boundary = begin < n_tokens;
        } else if (i > begin) {
            const sc_token *t = &tokens[i];
            /* The last token before any closers. */
            size_t j = i - 1;
            while (j > begin && is_closer(text, &tokens[j]) &&
                   !(tokens[j].flags & SC_TOKF_AFTER_SPACE))
                j--;
            bool ended = (tokens[j].flags & SC_TOKF_SENT_END) &&
                         !after_abbreviation(text, lang, tokens, j, t);
            if (t->flags & SC_TOKF_AFTER_BREAK)
                boundary = ended || !starts_lower(t);
            else if (t->flags & SC_TOKF_AFTER_SPACE)
                boundary = ended;
            if (i - begin >= SC_MAX_SENTENCE_TOKENS)
                boundary = true;
        }
        if (!boundary)
            continue;
        if (n == cap) {
            if (n >= SC_MAX_TOKENS)
                return SC_ERR_LIMIT;
            out = sc_arena_grow(arena, out, n, cap * 2, sizeof *out);
            if (out == NULL)
                return SC_ERR_NOMEM;
            cap *= 2;
        }
        out[n].tok_begin = begin;
        out[n].tok_end = i;
        out[n].start = tokens[begin].start;
        out[n].end = tokens[i - 1].end;
        n++;
        begin = i;
    }
    for (size_t s = 0; s < n; s++) {
        for (size_t k = out[s].tok_begin; k < out[s].tok_end; k++) {
            if (tokens[k].kind != SC_TOK_PUNCT) {
                tokens[k].flags |= SC_TOKF_SENT_START;
                break;
            }
        }
    }
    *sentences = out;
    *n_sentences = n;
    return SC_OK;
}
