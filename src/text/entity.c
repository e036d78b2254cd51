/* Names and numbers.  A name is a run of capitalised words that are not
 * stopwords; the first word of a sentence only starts a name when the next
 * word is capitalised too or the word is never written in lower case
 * in this text or the other one (summary and article) (so "Rusia mengajukan" is a name, "The talks" not). */
#include "text.h"

#include <string.h>

static bool is_name_word(const sc_token *t)
{
    return t->kind == SC_TOK_WORD && (t->flags & SC_TOKF_CAPITAL) && !(t->flags & SC_TOKF_STOP);
}


static sc_status push(sc_arena *arena, sc_analysis *a, size_t *cap, sc_entity e)
{
    if (a->n_entities == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        sc_entity *grown = sc_arena_grow(arena, a->entities, a->n_entities, ncap, sizeof *grown);
        if (grown == NULL)
            return SC_ERR_NOMEM;
        a->entities = grown;
        *cap = ncap;
    }
    if (a->n_entities >= UINT32_MAX - 1)
        return SC_ERR_LIMIT;
    a->entities[a->n_entities++] = e;
    for (size_t k = e.tok_begin; k < e.tok_end; k++) {
        a->tokens[k].entity = (uint32_t)a->n_entities;
        if (!e.is_number)
            a->tokens[k].flags |= SC_TOKF_ENTITY;
    }
    return SC_OK;
}

sc_status sc_find_entities(sc_arena *arena, sc_analysis *a, const sc_analysis *other)
{
    size_t cap = 0;
    /* lower[stem]: the stem occurs in lower case somewhere in the text. */
    const sc_analysis *texts[2] = {a, other};
    uint32_t max_stem = 0;
    for (size_t k = 0; k < 2 && texts[k] != NULL; k++)
        for (size_t i = 0; i < texts[k]->n_tokens; i++)
            if (texts[k]->tokens[i].stem > max_stem)
                max_stem = texts[k]->tokens[i].stem;
    bool *lower = sc_arena_calloc(arena, (size_t)max_stem + 1, sizeof *lower);
    if (lower == NULL)
        return SC_ERR_NOMEM;
    for (size_t k = 0; k < 2 && texts[k] != NULL; k++)
        for (size_t i = 0; i < texts[k]->n_tokens; i++) {
            const sc_token *t = &texts[k]->tokens[i];
            if (t->kind == SC_TOK_WORD && !(t->flags & SC_TOKF_CAPITAL))
                lower[t->stem] = true;
        }
    for (size_t s = 0; s < a->n_sentences; s++) {
        const sc_sentence *sent = &a->sentences[s];
        size_t i = sent->tok_begin;
        while (i < sent->tok_end) {
            sc_token *t = &a->tokens[i];
            if (t->kind == SC_TOK_NUMBER) {
                sc_status st = push(arena, a, &cap, (sc_entity){i, i + 1, s, true});
                if (st != SC_OK)
                    return st;
                i++;
                continue;
            }
            if (!is_name_word(t)) {
                i++;
                continue;
            }
            size_t j = i + 1;
            while (j < sent->tok_end && is_name_word(&a->tokens[j]) &&
                   !(a->tokens[j].flags & SC_TOKF_AFTER_BREAK))
                j++;
            if ((t->flags & SC_TOKF_SENT_START) && j == i + 1 && lower[t->stem]) {
                i = j;
                continue;
            }
            sc_status st = push(arena, a, &cap, (sc_entity){i, j, s, false});
            if (st != SC_OK)
                return st;
            i = j;
        }
    }
    return SC_OK;
}
