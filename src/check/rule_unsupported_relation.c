/* unsupported-relation: the summary puts a name or number with a word the
 * article never states it with.  Both are in the article, but in places
 * no article sentence (with its neighbours) joins: "Bristol Rovers signed
 * him from Brentford" when Brentford is in another story of the article,
 * "scored 100 goals" when the article's 100 counts matches.  The pairs come
 * from src/align/relation.c; this rule reports those with a name or a
 * number, one finding per summary sentence. */
#include "check.h"

#include <stdint.h>
#include <string.h>

#include "lang/lang.h"
#include "thresholds.h"

/* Pairs listed in the evidence of one finding. */
enum { MAX_LISTED_PAIRS = 8 };

/* A name or number the rule reports on: a capitalised name's word or a
 * number, not part of a date (the date rules judge those). */
static bool is_anchor(const sc_analysis *a, const sc_token *t)
{
    if (t->flags & SC_TOKF_DATE)
        return false;
    if (t->kind == SC_TOK_NUMBER || (t->flags & SC_TOKF_NUMWORD))
        return true;
    return t->entity != 0 && !a->entities[t->entity - 1].is_number;
}

static bool is_number(const sc_token *t)
{
    return t->kind == SC_TOK_NUMBER || (t->flags & SC_TOKF_NUMWORD);
}

/* A pair the rule judges: two names or numbers (who with whom, which
 * amount with which name), or a number and the word right after it (what
 * it counts: "100 goals").  Other pairs feed the consistency score only:
 * a summary joins ordinary words from far-apart paragraphs too often for
 * a finding to be useful. */
static bool related(const sc_analysis *a, size_t first, size_t second)
{
    const sc_token *x = &a->tokens[first], *y = &a->tokens[second];
    if (is_anchor(a, x) && is_anchor(a, y))
        return true;
    if (!is_number(x))
        return false;
    for (size_t k = first + 1; k < second; k++)
        if (a->tokens[k].kind != SC_TOK_PUNCT && a->tokens[k].entity != x->entity)
            return false;
    return true;
}

/* Whether token t is in one of the language's lists. */
static bool lang_has(const sc_word_list *list, const sc_token *t)
{
    return list->n > 0 && sc_word_list_has(list, t->norm, t->norm_len);
}

/* Whether a coordinator ("and", "dan") stands between tokens first and
 * second: "cost 14 trillion rupiah and can handle 3.5 million containers"
 * joins two facts, each the article's, without relating them. */
static bool coordinated(const sc_analysis *a, const sc_lang *lang, size_t first, size_t second)
{
    for (size_t k = first + 1; k < second; k++)
        if (lang_has(&lang->coordinators, &a->tokens[k]))
            return true;
    return false;
}

/* The text of token k as the reader sees it: its whole name or amount
 * when it is part of one.  [*start, *end) in the summary's text. */
static void anchor_extent(const sc_analysis *a, size_t k, size_t *start, size_t *end)
{
    const sc_token *t = &a->tokens[k];
    if (t->entity != 0) {
        const sc_entity *e = &a->entities[t->entity - 1];
        *start = a->tokens[e->tok_begin].start;
        *end = a->tokens[e->tok_end - 1].end;
    } else {
        *start = t->start;
        *end = t->end;
    }
}

static const char *token_text(sc_result *r, size_t k)
{
    const sc_analysis *sum = &r->summary;
    size_t start, end;
    anchor_extent(sum, k, &start, &end);
    return sc_arena_strndup(r->arena, sum->text->data + start, end - start);
}

/* Whether the article sentences around sentence best (it and its
 * neighbours) hold every word of summary name e but stopwords.  Only
 * there: the aligner may add a far sentence to a span just to cover the
 * swapped name. */
static bool near_has_name(const sc_result *r, size_t best, const sc_entity *e)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    size_t lo = best > 0 ? best - 1 : 0, hi = best + 1 < art->n_sentences ? best + 1 : best;
    for (size_t k = e->tok_begin; k < e->tok_end; k++) {
        const sc_token *t = &sum->tokens[k];
        if (t->flags & SC_TOKF_STOP)
            continue;
        bool found = false;
        for (size_t j = art->sentences[lo].tok_begin; j < art->sentences[hi].tok_end && !found; j++)
            found = art->tokens[j].stem == t->stem;
        if (!found)
            return false;
    }
    return true;
}

/* Whether summary sentence si has a word of article name e (but
 * stopwords). */
static bool sentence_has_name(const sc_result *r, size_t si, const sc_entity *e)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    const sc_sentence *s = &sum->sentences[si];
    for (size_t k = e->tok_begin; k < e->tok_end; k++) {
        const sc_token *t = &art->tokens[k];
        if (t->flags & SC_TOKF_STOP)
            continue;
        for (size_t j = s->tok_begin; j < s->tok_end; j++)
            if (sum->tokens[j].stem == t->stem)
                return true;
    }
    return false;
}

/* Whether every word of summary name e (but stopwords) is in the
 * article. */
static bool article_has_name(const sc_result *r, const sc_entity *e)
{
    const sc_alignment *al = &r->alignment;
    for (size_t k = e->tok_begin; k < e->tok_end; k++) {
        const sc_token *t = &r->summary.tokens[k];
        if (!(t->flags & SC_TOKF_STOP) && !sc_alignment_article_has(al, t))
            return false;
    }
    return true;
}

/* The words before a name, or after it, are the same in both texts
 * ("signed striker Jeremy Clarkson" and "signed striker Tom Jones"): the
 * two names fill the same slot.  Punctuation is skipped; a stopword
 * neighbour ("have", "from") counts only with the next word too ("have
 * signed"). */
static const sc_token *neighbour(const sc_analysis *a, size_t *k, int step, size_t lo, size_t hi)
{
    while (step < 0 ? *k > lo : *k + 1 < hi) {
        *k = step < 0 ? *k - 1 : *k + 1;
        if (a->tokens[*k].kind != SC_TOK_PUNCT)
            return &a->tokens[*k];
    }
    return NULL;
}

static bool same_side(const sc_result *r, const sc_entity *s_ent, const sc_entity *a_ent, int step)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    const sc_sentence *ss = &sum->sentences[s_ent->sentence];
    const sc_sentence *as = &art->sentences[a_ent->sentence];
    size_t sk = step < 0 ? s_ent->tok_begin : s_ent->tok_end - 1;
    size_t ak = step < 0 ? a_ent->tok_begin : a_ent->tok_end - 1;
    for (int words = 0; words < 2; words++) {
        const sc_token *x = neighbour(sum, &sk, step, ss->tok_begin, ss->tok_end);
        const sc_token *y = neighbour(art, &ak, step, as->tok_begin, as->tok_end);
        if (x == NULL || y == NULL || x->stem != y->stem)
            return false;
        if (!(x->flags & SC_TOKF_STOP))
            return true;
    }
    return true;
}

static bool same_frame(const sc_result *r, const sc_entity *s_ent, const sc_entity *a_ent)
{
    return same_side(r, s_ent, a_ent, -1) || same_side(r, s_ent, a_ent, 1);
}

/* Whether the first content word of each name appears in sentences of
 * the article at most one apart: then the two may be one thing named two
 * ways ("Arsenal" and "the Gunners", "Saracens" and "Sarries") or two
 * sides of one event, and a swap of them is not told apart from a
 * paraphrase. */
static const sc_token *head_word(const sc_analysis *a, const sc_entity *e)
{
    for (size_t k = e->tok_begin; k < e->tok_end; k++)
        if (!(a->tokens[k].flags & SC_TOKF_STOP))
            return &a->tokens[k];
    return &a->tokens[e->tok_begin];
}

static bool names_meet(const sc_result *r, const sc_entity *s_ent, const sc_entity *a_ent)
{
    const sc_analysis *art = &r->article;
    uint32_t x = head_word(&r->summary, s_ent)->stem, y = head_word(art, a_ent)->stem;
    size_t last_x = SIZE_MAX, last_y = SIZE_MAX;
    for (size_t si = 0; si < art->n_sentences; si++) {
        const sc_sentence *s = &art->sentences[si];
        for (size_t k = s->tok_begin; k < s->tok_end; k++) {
            if (art->tokens[k].stem == x)
                last_x = si;
            if (art->tokens[k].stem == y)
                last_y = si;
        }
        if (last_x != SIZE_MAX && last_y != SIZE_MAX &&
            (last_x > last_y ? last_x - last_y : last_y - last_x) <= 1)
            return true;
    }
    return false;
}

/* Whether a word of one name begins a word of the other, or a part of
 * it after a hyphen, as folded text and at least three letters long:
 * "Lib Dem" and "Liberal Democrat", "African" and "African-Americans" are
 * one name written two ways. */
static bool part_of(const sc_token *x, const sc_token *y)
{
    if (x->norm_len < 3 || x->norm_len > y->norm_len)
        return false;
    for (size_t i = 0; i + x->norm_len <= y->norm_len; i++)
        if ((i == 0 || y->norm[i - 1] == '-') && memcmp(y->norm + i, x->norm, x->norm_len) == 0)
            return true;
    return false;
}

static bool names_overlap(const sc_result *r, const sc_entity *s_ent, const sc_entity *a_ent)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    for (size_t i = s_ent->tok_begin; i < s_ent->tok_end; i++)
        for (size_t j = a_ent->tok_begin; j < a_ent->tok_end; j++) {
            const sc_token *x = &sum->tokens[i], *y = &art->tokens[j];
            if (x->kind == SC_TOK_PUNCT || y->kind == SC_TOK_PUNCT ||
                ((x->flags | y->flags) & SC_TOKF_STOP))
                continue;
            if (part_of(x, y) || part_of(y, x))
                return true;
        }
    return false;
}

/* True when the summary sentence is one substitutions reads. */
static bool substitutable(const sc_sentence_alignment *sa)
{
    return sa->n_aligned > 0 && sa->support >= SC_RELATION_MIN_SUPPORT;
}

/* True when name_at looks the stem of summary word u up in name_stem. */
static bool may_ask(const sc_result *r, const sc_token *u)
{
    return u->kind == SC_TOK_WORD && !(u->flags & (SC_TOKF_STOP | SC_TOKF_DATE)) &&
           u->entity == 0 && u->stem <= r->alignment.n_stems;
}

/* How the article writes a stem name_at asks about (name_stems). */
enum { STEM_ASKED = 1, STEM_LOWER = 2, STEM_NAME = 4 };

/* True when the article has the stem as part of a name and never writes
 * it in lower case. */
static bool is_name_stem(uint8_t how)
{
    return (how & (STEM_LOWER | STEM_NAME)) == STEM_NAME;
}

/* The names of a summary sentence: its capitalised names, and in text
 * written without capitals ("sergio aguero scored ...") runs of words the
 * article writes only as names (name_stem: part of a name there, never
 * written in lower case).  From token *k on: the next name, as *run, and
 * *k after it; false (and *k one on) when token *k starts none. */
static bool name_at(const sc_result *r, const uint8_t *name_stem, size_t si, size_t *k,
                    sc_entity *run)
{
    const sc_analysis *sum = &r->summary;
    const sc_sentence *sent = &sum->sentences[si];
    const sc_token *t = &sum->tokens[*k];
    if (t->entity != 0) {
        const sc_entity *e = &sum->entities[t->entity - 1];
        *k = e->tok_end > *k ? e->tok_end : *k + 1;
        if (e->is_number)
            return false;
        *run = *e;
        return true;
    }
    size_t b = *k, e = b;
    while (e < sent->tok_end) {
        const sc_token *u = &sum->tokens[e];
        if (!may_ask(r, u) || !is_name_stem(name_stem[u->stem]))
            break;
        e++;
    }
    *k = e > b ? e : b + 1;
    if (e == b)
        return false;
    *run = (sc_entity){.tok_begin = b, .tok_end = e, .sentence = si, .is_number = false};
    return true;
}

/* name_stem[s], per stem s of the document: STEM_ASKED for the stems of
 * the words name_at may ask about (may_ask, in the sentences substitutions
 * reads), and for those how the article writes them: in lower case
 * (STEM_LOWER), as part of a name (STEM_NAME).  Only the asked stems are
 * looked for in the article, and no pass over all stems makes the answer:
 * a summary asks about a few dozen of the article's thousand.  NULL when
 * out of memory. */
static uint8_t *name_stems(sc_result *r)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    size_t n = (size_t)r->alignment.n_stems + 1;
    uint8_t *name = sc_arena_calloc(r->arena, n, sizeof *name);
    if (name == NULL)
        return NULL;
    bool asked = false;
    for (size_t si = 0; si < r->alignment.n_sentences; si++) {
        const sc_sentence *sent = &sum->sentences[si];
        if (!substitutable(&r->alignment.sentences[si]))
            continue;
        for (size_t k = sent->tok_begin; k < sent->tok_end; k++)
            if (may_ask(r, &sum->tokens[k])) {
                name[sum->tokens[k].stem] = STEM_ASKED;
                asked = true;
            }
    }
    for (size_t k = 0; asked && k < art->n_tokens; k++) {
        const sc_token *t = &art->tokens[k];
        if (t->kind != SC_TOK_WORD || t->stem >= n || name[t->stem] == 0)
            continue;
        if (!(t->flags & SC_TOKF_CAPITAL))
            name[t->stem] |= STEM_LOWER;
        else if (t->entity != 0 && !art->entities[t->entity - 1].is_number &&
                 !(t->flags & SC_TOKF_STOP))
            name[t->stem] |= STEM_NAME;
    }
    return name;
}

/* A name swapped for another of the article: the summary sentence, well
 * supported otherwise, has a name of the article that its best sentence
 * (with its neighbours) does not have, and that sentence has a name the
 * summary sentence lacks, in the same slot ("Bristol Rovers have signed striker Jeremy Clarkson"
 * when the sentence says St Mirren, and Bristol Rovers is in another paragraph). An error: the
 * sentence says who did it, and the article says someone else did.  Returns SC_OK, adding at most
 * one finding per name. */
static sc_status substitutions(const sc_rule *rule, sc_result *r, const uint8_t *name_stem,
                               size_t si)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    const sc_sentence_alignment *sa = &r->alignment.sentences[si];
    if (!substitutable(sa))
        return SC_OK;
    const sc_sentence *best = &art->sentences[sa->aligned[0]];
    const sc_sentence *sent = &sum->sentences[si];
    for (size_t at = sent->tok_begin; at < sent->tok_end;) {
        sc_entity run;
        if (!name_at(r, name_stem, si, &at, &run))
            continue;
        const sc_entity *ent = &run;
        if (!article_has_name(r, ent) || near_has_name(r, sa->aligned[0], ent))
            continue;
        const sc_entity *other = NULL;
        for (size_t k = best->tok_begin; k < best->tok_end && other == NULL; k++) {
            const sc_token *t = &art->tokens[k];
            if (t->entity == 0)
                continue;
            const sc_entity *cand = &art->entities[t->entity - 1];
            if (!cand->is_number && cand->tok_begin == k && !sentence_has_name(r, si, cand) &&
                same_frame(r, ent, cand))
                other = cand;
        }
        if (other == NULL || names_meet(r, ent, other) || names_overlap(r, ent, other))
            continue;
        size_t start = sum->tokens[ent->tok_begin].start, end = sum->tokens[ent->tok_end - 1].end;
        size_t os = art->tokens[other->tok_begin].start, oe = art->tokens[other->tok_end - 1].end;
        const char *message = sc_arena_printf(
            r->arena,
            "the summary has \"%.*s\" where the article's sentence has \"%.*s\"; the article "
            "names \"%.*s\" only elsewhere",
            (int)(end - start), sum->text->data + start, (int)(oe - os), art->text->data + os,
            (int)(end - start), sum->text->data + start);
        sc_finding *f = message ? sc_finding_add(r, rule, message) : NULL;
        if (f == NULL)
            return SC_ERR_NOMEM;
        f->severity = SC_SEVERITY_ERROR;
        f->summary_span = sc_span_in(sum->text, start, end);
        f->source_span = sc_span_in(art->text, best->start, best->end);
        if (sc_evidence_string(r, f, "kind", "substitution", strlen("substitution")) ||
            sc_evidence_string(r, f, "name", sum->text->data + start, end - start) ||
            sc_evidence_string(r, f, "source_name", art->text->data + os, oe - os) ||
            sc_evidence_number(r, f, "support", sa->support))
            return SC_ERR_NOMEM;
    }
    return SC_OK;
}

/* ---- Roles swapped ----------------------------------------------------------------------- */

/* The most words between a clause's word and its second name (its frame:
 * "lent [most of the money to] Indonesia"). */
enum { ROLE_MAX_FRAME = 8 };

/* A bound on the work of the roles check, whatever the input: the tokens
 * its searches may visit per document.  A real summary needs a few
 * thousand; a page built to repeat one word everywhere would otherwise
 * cost summary tokens x article tokens.  Past it, the check stops. */
#define ROLE_MAX_WORK ((size_t)1 << 24)

static bool same_word(const sc_token *x, const sc_token *y)
{
    return x->stem == y->stem && x->norm_len == y->norm_len &&
           memcmp(x->norm, y->norm, x->norm_len) == 0;
}

static bool is_comma(const sc_analysis *a, const sc_token *t)
{
    return t->kind == SC_TOK_PUNCT && t->end - t->start == 1 && a->text->data[t->start] == ',';
}

/* A clause "A (stopwords) word frame B" of text a, by token index: tail
 * is A's last word, word the clause's word, frame_end the first token of
 * B (the frame is (word, frame_end)). */
typedef struct role_clause {
    size_t tail, word, frame_end;
} role_clause;

/* The clause whose word is token w, if token w is one: before it, over
 * stopwords and commas only ("the owner, Carlos Lim, testified"), the
 * last word of a name (c.tail); after it, over at most
 * ROLE_MAX_FRAME words and no punctuation, the word whose stem is
 * head_after (c.frame_end; with head_after 0, the first word that is part
 * of a name).  Tokens [lo, hi) bound the search. */
static bool clause_at(const sc_analysis *a, size_t w, size_t lo, size_t hi, uint32_t head_after,
                      role_clause *c)
{
    size_t t = w;
    do {
        if (t == lo)
            return false;
        t--;
    } while ((a->tokens[t].kind == SC_TOK_WORD && (a->tokens[t].flags & SC_TOKF_STOP) &&
              a->tokens[t].entity == 0) ||
             is_comma(a, &a->tokens[t]));
    if (a->tokens[t].kind != SC_TOK_WORD)
        return false;
    c->tail = t;
    c->word = w;
    for (size_t k = w + 1; k < hi && k <= w + ROLE_MAX_FRAME + 1; k++) {
        const sc_token *u = &a->tokens[k];
        if (u->kind == SC_TOK_PUNCT)
            return false;
        if (head_after != 0 ? u->stem == head_after : u->entity != 0) {
            c->frame_end = k;
            return true;
        }
    }
    return false;
}

/* Whether two clauses have the same frame, word for word. */
static bool same_frame_words(const sc_analysis *a, const role_clause *x, const sc_analysis *b,
                             const role_clause *y)
{
    if (x->frame_end - x->word != y->frame_end - y->word)
        return false;
    for (size_t k = 1; x->word + k < x->frame_end; k++)
        if (!same_word(&a->tokens[x->word + k], &b->tokens[y->word + k]))
            return false;
    return true;
}

/* Whether clause c of text a leaves its two sides' roles open to a swap:
 * a passive cue before its word ("Hernandez is linked"), the language's
 * passive prefix on it ("dipinjamkan", whose stem lacks the prefix), an
 * agent or partner cue in its frame ("lent by Japan", "win the title with
 * Arsenal"), a coordinator there (two clauses, not one), or a symmetric
 * word ("met", "bertemu"). */
static bool roles_open(const sc_lang *lang, const sc_analysis *a, const role_clause *c)
{
    for (size_t k = c->tail + 1; k < c->word; k++)
        if (lang_has(&lang->passive_cues, &a->tokens[k]))
            return true;
    const sc_token *t = &a->tokens[c->word];
    size_t plen = lang->passive_prefix != NULL ? strlen(lang->passive_prefix) : 0;
    if ((plen > 0 && t->norm_len > plen + 2 && memcmp(t->norm, lang->passive_prefix, plen) == 0) ||
        lang_has(&lang->symmetric_verbs, t))
        return true;
    for (size_t k = c->word + 1; k < c->frame_end; k++)
        if (lang_has(&lang->agent_cues, &a->tokens[k]) ||
            lang_has(&lang->partner_cues, &a->tokens[k]) ||
            lang_has(&lang->coordinators, &a->tokens[k]))
            return true;
    return false;
}

/* An article clause "A word frame B" among tokens [lo, hi): its word the
 * same word as the summary clause's, its frame the same words, A ending
 * with stem a_tail and B starting with stem b_head, read actively.
 * Returns the clause's word index, or SIZE_MAX. */
static size_t article_clause(const sc_lang *lang, const sc_result *r, const role_clause *sc,
                             size_t lo, size_t hi, uint32_t a_tail, uint32_t b_head,
                             role_clause *found, size_t *work)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    const sc_token *word = &sum->tokens[sc->word];
    /* *work > 0 at each step's start, so the step's charge never wraps. */
    for (size_t w = lo; *work > 0 && w < hi; w++) {
        --*work;
        if (!same_word(&art->tokens[w], word))
            continue;
        *work -= *work < ROLE_MAX_FRAME ? *work : ROLE_MAX_FRAME;
        role_clause c;
        if (clause_at(art, w, lo, hi, b_head, &c) && art->tokens[c.tail].stem == a_tail &&
            same_frame_words(sum, sc, art, &c) && !roles_open(lang, art, &c)) {
            *found = c;
            return w;
        }
    }
    return SIZE_MAX;
}

/* The whole name a token of text a belongs to, as [*begin, *end). */
static void name_extent(const sc_analysis *a, size_t k, size_t *begin, size_t *end)
{
    if (a->tokens[k].entity != 0) {
        const sc_entity *e = &a->entities[a->tokens[k].entity - 1];
        *begin = e->tok_begin;
        *end = e->tok_end;
    } else {
        *begin = k;
        *end = k + 1;
    }
}

/* The last word of name e but stopwords. */
static const sc_token *tail_word(const sc_analysis *a, const sc_entity *e)
{
    for (size_t k = e->tok_end; k > e->tok_begin; k--)
        if (!(a->tokens[k - 1].flags & SC_TOKF_STOP))
            return &a->tokens[k - 1];
    return &a->tokens[e->tok_end - 1];
}

/* Roles swapped: a summary clause "X word frame Y" (X and Y names of the
 * article, the word the first after X but stopwords, the frame at most a
 * few words) where a sentence of the span (or its neighbours) has "Y word
 * frame X" with the same word and frame, and no sentence of the article
 * has it the summary's way.  "Indonesia lent Japan the money" when the
 * article says "Japan lent Indonesia the money".  An error: the sentence
 * says who did what to whom, the other way round.  Passives ("Indonesia
 * was lent money by Japan"), partners ("won the title with Arsenal") and
 * symmetric words ("met", "bertemu") are left alone; a different frame
 * ("signed for Arsenal" against "Arsenal signed Ozil") is another clause,
 * not a swap.  At most one finding per sentence. */
static sc_status roles(const sc_rule *rule, sc_result *r, const sc_lang *lang, size_t si,
                       size_t *work)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    const sc_sentence_alignment *sa = &r->alignment.sentences[si];
    if (sa->n_aligned == 0 || sa->support < SC_RELATION_MIN_SUPPORT)
        return SC_OK;
    const sc_sentence *sent = &sum->sentences[si];
    size_t lo = sa->aligned[0] > 0 ? sa->aligned[0] - 1 : 0;
    size_t hi = sa->aligned[sa->n_aligned - 1] + 1;
    if (hi >= art->n_sentences)
        hi = art->n_sentences - 1;
    for (size_t w = sent->tok_begin; *work > 0 && w < sent->tok_end; w++) {
        --*work;
        const sc_token *wt = &sum->tokens[w];
        if (wt->kind != SC_TOK_WORD || (wt->flags & (SC_TOKF_STOP | SC_TOKF_DATE)) ||
            wt->entity != 0 || !sc_alignment_article_has(&r->alignment, wt))
            continue;
        role_clause sc;
        if (!clause_at(sum, w, sent->tok_begin, sent->tok_end, 0, &sc))
            continue;
        const sc_token *xt = &sum->tokens[sc.tail], *yt = &sum->tokens[sc.frame_end];
        if (xt->entity == 0 || yt->entity == 0 || xt->entity == yt->entity)
            continue;
        const sc_entity *x = &sum->entities[xt->entity - 1];
        const sc_entity *y = &sum->entities[yt->entity - 1];
        if (x->is_number || y->is_number || y->tok_begin != sc.frame_end ||
            !article_has_name(r, x) || !article_has_name(r, y) || roles_open(lang, sum, &sc))
            continue;
        uint32_t x_head = head_word(sum, x)->stem, x_tail = tail_word(sum, x)->stem;
        uint32_t y_head = head_word(sum, y)->stem, y_tail = tail_word(sum, y)->stem;
        if (x_head == y_head || x_tail == y_tail)
            continue;
        role_clause ac, same;
        size_t at = article_clause(lang, r, &sc, art->sentences[lo].tok_begin,
                                   art->sentences[hi].tok_end, y_tail, x_head, &ac, work);
        if (at == SIZE_MAX ||
            article_clause(lang, r, &sc, 0, art->n_tokens, x_tail, y_head, &same, work) !=
                SIZE_MAX ||
            *work == 0)
            continue;
        size_t start = sum->tokens[x->tok_begin].start, end = sum->tokens[y->tok_end - 1].end;
        size_t ab, ae, bb, be;
        name_extent(art, ac.tail, &ab, &ae);
        name_extent(art, ac.frame_end, &bb, &be);
        size_t as = art->tokens[ab].start, aend = art->tokens[be - 1].end;
        const sc_sentence *where = &art->sentences[lo];
        for (size_t k = lo; k <= hi; k++)
            if (art->sentences[k].tok_begin <= at && at < art->sentences[k].tok_end)
                where = &art->sentences[k];
        size_t x_end = sum->tokens[x->tok_end - 1].end, y_start = sum->tokens[y->tok_begin].start;
        const char *xs = sc_arena_strndup(r->arena, sum->text->data + start, x_end - start);
        const char *ys = sc_arena_strndup(r->arena, sum->text->data + y_start, end - y_start);
        const char *ws =
            sc_arena_strndup(r->arena, sum->text->data + wt->start, wt->end - wt->start);
        const char *message =
            xs && ys && ws
                ? sc_arena_printf(r->arena,
                                  "the summary has \"%.*s\", the other way round from the "
                                  "article's \"%.*s\": it swaps \"%s\" and \"%s\"",
                                  (int)(end - start), sum->text->data + start, (int)(aend - as),
                                  art->text->data + as, xs, ys)
                : NULL;
        sc_finding *f = message ? sc_finding_add(r, rule, message) : NULL;
        if (f == NULL)
            return SC_ERR_NOMEM;
        f->severity = SC_SEVERITY_ERROR;
        f->summary_span = sc_span_in(sum->text, start, end);
        f->source_span = sc_span_in(art->text, where->start, where->end);
        if (sc_evidence_string(r, f, "kind", "roles", strlen("roles")) ||
            sc_evidence_string(r, f, "first", xs, strlen(xs)) ||
            sc_evidence_string(r, f, "word", ws, strlen(ws)) ||
            sc_evidence_string(r, f, "second", ys, strlen(ys)) ||
            sc_evidence_string(r, f, "source_clause", art->text->data + as, aend - as) ||
            sc_evidence_number(r, f, "support", sa->support))
            return SC_ERR_NOMEM;
        return SC_OK;
    }
    return SC_OK;
}

static sc_status run(const sc_rule *rule, sc_result *r)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    const sc_alignment *al = &r->alignment;
    const uint8_t *name_stem = al->n_sentences > 0 ? name_stems(r) : NULL;
    if (al->n_sentences > 0 && name_stem == NULL)
        return SC_ERR_NOMEM;
    const sc_lang *lang = sc_lang_or_english(r->language);
    size_t work = ROLE_MAX_WORK;
    for (size_t si = 0; si < al->n_sentences; si++) {
        const sc_sentence_alignment *sa = &al->sentences[si];
        size_t before = r->n_findings;
        sc_status st = substitutions(rule, r, name_stem, si);
        if (st == SC_OK && r->n_findings == before)
            st = roles(rule, r, lang, si, &work);
        if (st != SC_OK)
            return st;
        if (r->n_findings > before)
            continue; /* the error says it; no pair warning besides */
        const char *pairs[MAX_LISTED_PAIRS];
        size_t n_listed = 0, first = 0, second = 0;
        for (size_t i = 0; i < sa->n_apart && n_listed < MAX_LISTED_PAIRS; i++) {
            size_t a = sa->apart[i].first, b = sa->apart[i].second;
            const sc_token *ta = &sum->tokens[a], *tb = &sum->tokens[b];
            if (!related(sum, a, b))
                continue;
            /* Two words of one name or amount are not a relation. */
            if (ta->entity != 0 && ta->entity == tb->entity)
                continue;
            if ((ta->flags | tb->flags) & SC_TOKF_DATE)
                continue;
            if (coordinated(sum, lang, a, b))
                continue;
            const char *x = token_text(r, a), *y = token_text(r, b);
            if (x == NULL || y == NULL)
                return SC_ERR_NOMEM;
            if (n_listed == 0) {
                first = a;
                second = b;
            }
            pairs[n_listed] = sc_arena_printf(r->arena, "%s / %s", x, y);
            if (pairs[n_listed] == NULL)
                return SC_ERR_NOMEM;
            n_listed++;
        }
        if (n_listed == 0)
            continue;
        size_t start, end, s2, e2;
        anchor_extent(sum, first, &start, &s2);
        anchor_extent(sum, second, &e2, &end);
        const char *x = token_text(r, first), *y = token_text(r, second);
        const char *message =
            x != NULL && y != NULL
                ? sc_arena_printf(r->arena,
                                  "the article has \"%s\" and \"%s\", but never together: no "
                                  "sentence of it (with its neighbours) joins them as this "
                                  "summary sentence does",
                                  x, y)
                : NULL;
        sc_finding *f = message ? sc_finding_add(r, rule, message) : NULL;
        if (f == NULL)
            return SC_ERR_NOMEM;
        f->summary_span = sc_span_in(sum->text, start, end > start ? end : s2);
        if (sa->n_aligned > 0) {
            const sc_sentence *best = &art->sentences[sa->aligned[0]];
            f->source_span = sc_span_in(art->text, best->start, best->end);
        }
        if (sc_evidence_string(r, f, "kind", "pairs", strlen("pairs")) ||
            sc_evidence_strings(r, f, "pairs", pairs, n_listed) ||
            sc_evidence_integer(r, f, "word_pairs", (long long)sa->n_pairs) ||
            sc_evidence_integer(r, f, "pairs_apart", (long long)sa->n_apart))
            return SC_ERR_NOMEM;
    }
    return SC_OK;
}

const sc_rule sc_rule_unsupported_relation = {
    .id = "unsupported-relation",
    .severity = SC_SEVERITY_WARNING,
    .summary = "the summary swaps a name for another of the article, or joins a name or number "
               "with words the article never states it with",
    .doc = "Checks who did what to whom, and which number goes with which noun, in two ways.\n"
           "\n"
           "A name swapped for another (an error): a summary sentence its span supports well "
           "has a name of the article that the span does not have, in the slot where the "
           "span's first sentence has another name (the word before or after is the same), and "
           "the article never names the two within a sentence of each other (which would "
           "make them one thing named two ways, or two sides of one event).  In a summary "
           "written without capitals, a name is a run of words the article writes only as "
           "a name.\n"
           "\n"
           "Roles swapped (an error): a summary sentence its span supports well has two "
           "names of the article around a word of the article, the first after the first "
           "name but stopwords (\"Indonesia lent Japan\"), "
           "and a sentence of the span or its neighbours has them the other way round "
           "(\"Japan lent Indonesia\"), while no sentence of the article has them the "
           "summary's way: the same word, and the same words between it and the second name. "
           "Passives (\"was lent ... by\", \"dipinjamkan ... oleh\"), "
           "partners (\"won the title with Arsenal\") and symmetric verbs (\"met\", "
           "\"bertemu\") are left alone.\n"
           "\n"
           "Pairs the article keeps apart (a warning): two names or numbers, or a number and "
           "the word after it, within a few words of each other in the summary, both in the "
           "article, but no article sentence (nor two neighbouring sentences) has them "
           "together: a name, number or role taken from one part of the article and put in "
           "another.  Two facts joined by a coordinator (\"and\", \"dan\") are not a pair.  "
           "Dates are left to date-mismatch.\n"
           "\n"
           "Example: article \"St Mirren have signed striker Tom Jones on loan. ... Rovers "
           "lost to Dundee.\"; summary \"Rovers have signed striker Tom Jones on loan.\" (a "
           "swap: \"Rovers\" where the article has \"St Mirren\").\n"
           "\n"
           "How to fix: check the sentence against the article and restore the relation the "
           "article states.  A summary that rightly joins facts from far-apart paragraphs can "
           "get the pair warning: it is a warning, not an error, for that reason.\n"
           "\n"
           "Evidence: kind (substitution, roles or pairs).  Substitution: name, source_name "
           "(the span's name in its place), support.  Roles: first, word, second (as the "
           "summary has them), source_clause (the article's), support.  Pairs: pairs (\"A / B\" "
           "for each pair the "
           "article never joins, at most 8), word_pairs (pairs of nearby content words in the "
           "sentence that are both in the article), pairs_apart (how many of them the article "
           "never joins).",
    .run = run,
};
