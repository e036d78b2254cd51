/* negation-flip: the summary negates what its aligned article span
 * asserts, or asserts what the span negates ("Rusia tidak ingin" against
 * "Rusia ingin"; "did not agree" against "agreed"; "sudah" against
 * "belum"), or puts a word's opposite in its place ("menolak" where the
 * article says "ingin", "fell" where it says "rose").
 *
 * Negation is read with the language's tables (sc_lang negation_cues and
 * the lists beside them).  A cue governs the words after it up to a clause
 * break or SC_NEGATION_SCOPE_WORDS content words; a word governed by two
 * cues is affirmed ("did not fail to win"); "not only" and "whether or
 * not" negate nothing.
 *
 * A summary word and an article word are compared only in the same frame
 * (same_frame: the summary word's neighbours are the article word's,
 * SC_NEGATION_CONTEXT_WORDS), so the same word negated in another part of
 * the sentence is another claim.  A word the article lacks altogether is
 * unsupported-claim's business, not this rule's: "NATO setuju" on the seed
 * page, where the aligned sentence says "menjamin", has no opposite here. */
#include <stdatomic.h>
#include <string.h>

#include "check.h"
#include "thresholds.h"
#include "core/intern.h"
#include "lang/lang.h"

/* Longest two-word cue looked up ("declining to"); longer pairs of words
 * cannot be cues. */
enum { MAX_CUE_BYTES = 64, MAX_STEM_BYTES = 128 };

/* The polarity of every token of a text. */
typedef struct polarity {
    bool *negated;    /* governed by an odd number of cues */
    bool *governed;   /* governed by at least one cue */
    bool *head;       /* the first content word a cue governs: its predicate */
    size_t *cue;      /* governed words: first token of the last cue governing them */
    uint8_t *cue_len; /* at a cue's first token: its length in tokens; else 0 */
    bool *in_cue;     /* part of a cue */
} polarity;

/* A first look at a token before the cue list is searched (every token of
 * the article is looked at): the first bytes of the cues and the length of
 * their longest first word; per first byte, the lengths (bit min(len, 63))
 * of the cues, and the lengths of the words before a space in them, so
 * that a lookup that cannot succeed is not made; the negation suffixes'
 * lengths. */
enum { LEN_BITS = 63, MAX_SUFFIXES = 8 };

typedef struct cue_filter {
    bool first_byte[256];
    size_t max_len;
    uint64_t whole_len[256];
    uint64_t first_word_len[256];
    uint64_t start_len[256]; /* whole_len | first_word_len: may_start_cue's one test */
    size_t n_suffixes;       /* SIZE_MAX: more than MAX_SUFFIXES, measured per token */
    size_t suffix_len[MAX_SUFFIXES];
    bool suffix_last[256]; /* the last bytes of the suffixes */
    bool empty_suffix;     /* a suffix is "": every word ends with it */
} cue_filter;

static unsigned len_bit(size_t len)
{
    return len < LEN_BITS ? (unsigned)len : LEN_BITS;
}

static void cue_filter_init(const sc_lang *lang, cue_filter *f)
{
    memset(f, 0, sizeof *f);
    for (size_t i = 0; i < lang->negation_cues.n; i++) {
        const char *w = lang->negation_cues.words[i];
        size_t n = strcspn(w, " ");
        unsigned char b = (unsigned char)w[0];
        f->first_byte[b] = true;
        if (n > f->max_len)
            f->max_len = n;
        size_t len = strlen(w);
        f->whole_len[b] |= 1ull << len_bit(len);
        for (size_t p = 0; p < len; p++)
            if (w[p] == ' ')
                f->first_word_len[b] |= 1ull << len_bit(p);
        f->start_len[b] = f->whole_len[b] | f->first_word_len[b];
    }
    for (size_t i = 0; i < lang->negation_suffixes.n; i++) {
        const char *suffix = lang->negation_suffixes.words[i];
        size_t n = strlen(suffix);
        if (n == 0)
            f->empty_suffix = true;
        else
            f->suffix_last[(unsigned char)suffix[n - 1]] = true;
    }
    f->n_suffixes = lang->negation_suffixes.n;
    if (f->n_suffixes > MAX_SUFFIXES)
        f->n_suffixes = SIZE_MAX;
    else
        for (size_t i = 0; i < f->n_suffixes; i++)
            f->suffix_len[i] = strlen(lang->negation_suffixes.words[i]);
}

/* False when no cue starts at t, cue_at's answer for most words in two
 * table reads: cue_at finds a cue only where a cue's (first) word has t's
 * first byte and length, or a suffix t's last byte.  mark_cues reads every
 * token of the aligned sentences, and cue_at was most of this rule. */
static bool may_start_cue(const cue_filter *f, const sc_token *t)
{
    if (t->kind != SC_TOK_WORD)
        return false;
    unsigned char first = (unsigned char)t->norm[0];
    return (f->start_len[first] >> len_bit(t->norm_len) & 1) || f->empty_suffix ||
           (t->norm_len > 0 && f->suffix_last[(unsigned char)t->norm[t->norm_len - 1]]);
}

/* The tokens of the cue starting at k (0 when none), within [begin, end). */
static size_t cue_at(const sc_lang *lang, const cue_filter *f, const sc_token *toks, size_t begin,
                     size_t k, size_t end)
{
    const sc_token *t = &toks[k];
    if (t->kind != SC_TOK_WORD)
        return 0;
    /* "No Man's Land", "Mission: No Return": part of a name. */
    if ((t->flags & SC_TOKF_ENTITY) ||
        ((t->flags & SC_TOKF_CAPITAL) && !(t->flags & SC_TOKF_SENT_START)))
        return 0;
    unsigned char first = (unsigned char)t->norm[0];
    bool listed = t->norm_len <= f->max_len && f->first_byte[first];
    size_t len = 0;
    if (listed && (f->first_word_len[first] >> len_bit(t->norm_len) & 1) && k + 1 < end &&
        toks[k + 1].kind == SC_TOK_WORD) {
        char two[MAX_CUE_BYTES];
        size_t a = t->norm_len, b = toks[k + 1].norm_len;
        if (a + 1 + b <= sizeof two) {
            memcpy(two, t->norm, a);
            two[a] = ' ';
            memcpy(two + a + 1, toks[k + 1].norm, b);
            if (sc_word_list_has(&lang->negation_cues, two, a + 1 + b))
                len = 2;
        }
    }
    if (listed && len == 0 && (f->whole_len[first] >> len_bit(t->norm_len) & 1) &&
        sc_word_list_has(&lang->negation_cues, t->norm, t->norm_len))
        len = 1;
    bool may_end = f->empty_suffix ||
                   (t->norm_len > 0 && f->suffix_last[(unsigned char)t->norm[t->norm_len - 1]]);
    for (size_t i = 0; len == 0 && may_end && i < lang->negation_suffixes.n; i++) {
        const char *suffix = lang->negation_suffixes.words[i];
        size_t n = f->n_suffixes != SIZE_MAX ? f->suffix_len[i] : strlen(suffix);
        if (t->norm_len >= n && (n == 0 || t->norm[t->norm_len - 1] == suffix[n - 1]) &&
            memcmp(t->norm + t->norm_len - n, suffix, n) == 0)
            len = 1;
    }
    if (len == 0)
        return 0;
    /* "whether or not": no negation. */
    if (k > begin && toks[k - 1].kind == SC_TOK_WORD &&
        sc_word_list_has(&lang->negation_void_after, toks[k - 1].norm, toks[k - 1].norm_len))
        return 0;
    if (k + len >= end)
        return len;
    /* "not only", "tidak hanya": an affirmation; "No 1", "world No 8": a
     * number sign. */
    const sc_token *next = &toks[k + len];
    if (next->kind == SC_TOK_NUMBER ||
        (next->kind == SC_TOK_WORD &&
         sc_word_list_has(&lang->negation_exceptions, next->norm, next->norm_len)))
        return 0;
    return len;
}

/* The end of the scope of the cue [k, k + len) in a sentence ending at end:
 * a clause break (punctuation other than quote marks, a clause word, a
 * complementiser), SC_NEGATION_SCOPE_WORDS content words ("has not found
 * evidence of survivors or bodies") or another cue after a content word
 * ("was not listening, and pleaded not guilty").  A cue at most a word
 * after the cue is negated by it ("did not fail to win", "tidak pernah
 * gagal menemukan"). */
static size_t scope_end(const sc_lang *lang, const polarity *p, const sc_token *toks, size_t k,
                        size_t len, size_t end)
{
    size_t words = 0, seen = 0, j;
    for (j = k + len; j < end; j++) {
        const sc_token *t = &toks[j];
        if (t->kind == SC_TOK_PUNCT) {
            if (t->flags & SC_TOKF_QUOTE)
                continue;
            break;
        }
        if ((t->flags & SC_TOKF_CLAUSE) ||
            sc_word_list_has(&lang->negation_scope_ends, t->norm, t->norm_len))
            break;
        if (p->in_cue[j]) {
            if (seen > 1)
                break;
            continue;
        }
        seen++;
        if (!(t->flags & SC_TOKF_STOP) && ++words > SC_NEGATION_SCOPE_WORDS)
            break;
    }
    return j;
}

/* A word that can carry a claim's polarity: a content word, not a name or
 * a number, not part of a cue. */
static bool is_predicate(const polarity *p, const sc_token *toks, size_t k)
{
    const sc_token *t = &toks[k];
    return t->kind == SC_TOK_WORD &&
           !(t->flags & (SC_TOKF_STOP | SC_TOKF_ENTITY | SC_TOKF_NUMWORD)) && !p->in_cue[k] &&
           t->norm_len >= 2;
}

/* The cues of sentence sent into p (cue_len, in_cue), their first tokens
 * into starts; returns how many. */
static size_t mark_cues(const sc_lang *lang, const cue_filter *f, const sc_analysis *a,
                        const sc_sentence *sent, polarity *p, size_t *starts)
{
    size_t n = 0;
    for (size_t k = sent->tok_begin; k < sent->tok_end; k++) {
        if (!may_start_cue(f, &a->tokens[k]))
            continue;
        size_t len = cue_at(lang, f, a->tokens, sent->tok_begin, k, sent->tok_end);
        if (len == 0)
            continue;
        p->cue_len[k] = (uint8_t)len;
        for (size_t j = k; j < k + len; j++)
            p->in_cue[j] = true;
        starts[n++] = k;
    }
    return n;
}

/* The polarity of the tokens of a's sentences, of those needed marks
 * (NULL: of all).  A cue and its scope lie within one sentence, so each
 * sentence is read alone; the tokens of the others are left unset, and the
 * rule reads the article's only in the sentences aligned with the summary.
 * cue is left unset outside the cues' scopes: it is read only where a cue
 * governs (a head). */
static sc_status polarity_of(sc_arena *arena, const sc_lang *lang, const cue_filter *f,
                             const sc_analysis *a, const bool *needed, polarity *p)
{
    size_t n = a->n_tokens ? a->n_tokens : 1;
    /* The four flag arrays in one allocation; the first tokens of a
     * sentence's cues in starts. */
    bool *flags = sc_arena_alloc(arena, n * 4 * sizeof *flags);
    p->cue = sc_arena_alloc(arena, n * sizeof *p->cue);
    p->cue_len = sc_arena_alloc(arena, n * sizeof *p->cue_len);
    size_t *starts = sc_arena_alloc(arena, n * sizeof *starts);
    if (flags == NULL || p->cue == NULL || p->cue_len == NULL || starts == NULL)
        return SC_ERR_NOMEM;
    p->negated = flags;
    p->governed = flags + n;
    p->head = flags + 2 * n;
    p->in_cue = flags + 3 * n;
    for (size_t s = 0; s < a->n_sentences; s++) {
        const sc_sentence *sent = &a->sentences[s];
        size_t b = sent->tok_begin, m = sent->tok_end - sent->tok_begin;
        if ((needed != NULL && !needed[s]) || m == 0)
            continue;
        for (int k = 0; k < 4; k++)
            memset(flags + (size_t)k * n + b, 0, m * sizeof *flags);
        memset(p->cue_len + b, 0, m * sizeof *p->cue_len);
        size_t n_cues = mark_cues(lang, f, a, sent, p, starts);
        for (size_t c = 0; c < n_cues; c++) {
            size_t k = starts[c];
            size_t end = scope_end(lang, p, a->tokens, k, p->cue_len[k], sent->tok_end);
            bool first = true;
            for (size_t j = k + p->cue_len[k]; j < end; j++) {
                p->negated[j] = !p->negated[j];
                p->governed[j] = true;
                p->cue[j] = k;
                if (first && is_predicate(p, a->tokens, j)) {
                    p->head[j] = true;
                    first = false;
                }
            }
        }
    }
    return SC_OK;
}

/* Up to max content stems next to token k in [begin, end), going back
 * (dir < 0) or forward, cues skipped. */
static size_t context(const sc_analysis *a, const polarity *p, size_t begin, size_t end, size_t k,
                      int dir, uint32_t *out, size_t max)
{
    size_t n = 0;
    for (size_t j = k; n < max;) {
        if (dir < 0) {
            if (j == begin)
                break;
            j--;
        } else {
            if (j + 1 >= end)
                break;
            j++;
        }
        const sc_token *t = &a->tokens[j];
        bool content =
            (t->kind == SC_TOK_WORD && !(t->flags & SC_TOKF_STOP)) || t->kind == SC_TOK_NUMBER;
        if (content && !p->in_cue[j] && t->stem != 0)
            out[n++] = t->stem;
    }
    return n;
}

static bool share_any(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (a[i] == b[j])
                return true;
    return false;
}

/* True when summary token k and article token u stand in the same frame:
 * the summary word's nearest content word on each side (where it has one)
 * is among the article word's SC_NEGATION_CONTEXT_WORDS nearest on either
 * side.  "Rusia menolak Amerika" against "Rusia ingin Amerika" is one
 * frame; "City have won the last four" against "United have lost the last
 * four" is not.  A word a summary cue governs looks left from the cue: the
 * words between belong to the negated predicate ("he's not a terror
 * victim" is not framed by "victims of terror"). */
static bool same_frame(const sc_result *r, const polarity *ps, const polarity *pa, size_t si,
                       size_t k_left, size_t k, size_t as, size_t u)
{
    const sc_sentence *s = &r->summary.sentences[si], *t = &r->article.sentences[as];
    uint32_t near[2 * SC_NEGATION_CONTEXT_WORDS];
    size_t n =
        context(&r->article, pa, t->tok_begin, t->tok_end, u, -1, near, SC_NEGATION_CONTEXT_WORDS);
    n += context(&r->article, pa, t->tok_begin, t->tok_end, u, 1, near + n,
                 SC_NEGATION_CONTEXT_WORDS);
    size_t matched = 0;
    for (int dir = -1; dir <= 1; dir += 2) {
        uint32_t x;
        if (context(&r->summary, ps, s->tok_begin, s->tok_end, dir < 0 ? k_left : k, dir, &x, 1) ==
            0)
            continue;
        if (!share_any(&x, 1, near, n))
            return false;
        matched++;
    }
    return matched > 0;
}

static const char *polarity_name(bool negated)
{
    return negated ? "negative" : "positive";
}

static const char *token_text(sc_result *r, const sc_analysis *a, size_t begin, size_t end)
{
    size_t start = a->tokens[begin].start, stop = a->tokens[end - 1].end;
    return sc_arena_strndup(r->arena, a->text->data + start, stop - start);
}

/* How the article states summary token k: its occurrences (same stem) in
 * the aligned sentences, counted by polarity against k's. */
typedef struct occurrences {
    size_t same;
    size_t opposite;
    size_t sentence; /* an opposite one in the same frame: its sentence and token */
    size_t token;
    bool found; /* such an opposite one exists */
} occurrences;

/* The predicates of the article span aligned with one summary sentence,
 * in the order find_occurrences reads them (aligned sentence, then token),
 * chained by stem: a summary sentence asks about several of its words, and
 * each ask walked every predicate of the span.  Links are an index + 1 (0
 * ends a chain); an index fits in 32 bits (SC_MAX_TOKENS). */
typedef struct span_predicates {
    uint32_t *stem;
    size_t *token;
    size_t *sentence; /* the article sentence of each */
    size_t n;
    uint32_t *first; /* per stem id: its first predicate's link; all 0 between spans */
    uint32_t *next;  /* per predicate: the link of the next one of its stem */
} span_predicates;

/* The span of summary sentence si into sp, whose first must be all 0 (as
 * span_predicates_clear leaves it). */
static sc_status span_predicates_of(sc_arena *arena, const sc_result *r, const polarity *pa,
                                    size_t si, span_predicates *sp)
{
    const sc_sentence_alignment *al = &r->alignment.sentences[si];
    const sc_analysis *art = &r->article;
    size_t cap = 0;
    for (size_t i = 0; i < al->n_aligned; i++)
        cap += art->sentences[al->aligned[i]].tok_end - art->sentences[al->aligned[i]].tok_begin;
    sp->n = 0;
    sp->stem = sc_arena_alloc(arena, (cap ? cap : 1) * sizeof *sp->stem);
    sp->token = sc_arena_alloc(arena, (cap ? cap : 1) * sizeof *sp->token);
    sp->sentence = sc_arena_alloc(arena, (cap ? cap : 1) * sizeof *sp->sentence);
    sp->next = sc_arena_alloc(arena, (cap ? cap : 1) * sizeof *sp->next);
    if (sp->stem == NULL || sp->token == NULL || sp->sentence == NULL || sp->next == NULL)
        return SC_ERR_NOMEM;
    for (size_t i = 0; i < al->n_aligned; i++) {
        const sc_sentence *s = &art->sentences[al->aligned[i]];
        for (size_t u = s->tok_begin; u < s->tok_end; u++)
            if (is_predicate(pa, art->tokens, u)) {
                sp->stem[sp->n] = art->tokens[u].stem;
                sp->token[sp->n] = u;
                sp->sentence[sp->n++] = al->aligned[i];
            }
    }
    /* Linked from the last back, so each chain runs in span order. */
    for (size_t e = sp->n; e-- > 0;) {
        sp->next[e] = sp->first[sp->stem[e]];
        sp->first[sp->stem[e]] = (uint32_t)(e + 1);
    }
    return SC_OK;
}

/* Sets sp->first back to all 0 for the next span. */
static void span_predicates_clear(span_predicates *sp)
{
    for (size_t e = 0; e < sp->n; e++)
        sp->first[sp->stem[e]] = 0;
}

static occurrences find_occurrences(const sc_result *r, const polarity *ps, const polarity *pa,
                                    const span_predicates *sp, size_t si, size_t k_left, size_t k,
                                    bool need_head)
{
    uint32_t stem = r->summary.tokens[k].stem;
    occurrences o = {0, 0, 0, 0, false};
    for (uint32_t link = sp->first[stem]; link != 0; link = sp->next[link - 1]) {
        size_t e = link - 1;
        size_t u = sp->token[e];
        if (pa->negated[u] == ps->negated[k]) {
            o.same++;
            continue;
        }
        o.opposite++;
        if (!o.found && (!need_head || pa->head[u]) &&
            same_frame(r, ps, pa, si, k_left, k, sp->sentence[e], u)) {
            o.found = true;
            o.sentence = sp->sentence[e];
            o.token = u;
        }
    }
    return o;
}

static sc_status add_finding(const sc_rule *rule, sc_result *r, const char *message,
                             size_t span_begin, size_t span_end, size_t source_sentence,
                             const char *kind)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    sc_finding *f = message != NULL ? sc_finding_add(r, rule, message) : NULL;
    if (f == NULL)
        return SC_ERR_NOMEM;
    f->summary_span =
        sc_span_in(sum->text, sum->tokens[span_begin].start, sum->tokens[span_end - 1].end);
    const sc_sentence *s = &art->sentences[source_sentence];
    f->source_span = sc_span_in(art->text, s->start, s->end);
    return sc_evidence_string(r, f, "kind", kind, strlen(kind));
}

static sc_status add_polarity_evidence(sc_result *r, bool summary_negated, bool source_negated)
{
    sc_finding *f = &r->findings[r->n_findings - 1];
    const char *a = polarity_name(summary_negated), *b = polarity_name(source_negated);
    if (sc_evidence_string(r, f, "summary_polarity", a, strlen(a)) ||
        sc_evidence_string(r, f, "source_polarity", b, strlen(b)))
        return SC_ERR_NOMEM;
    return SC_OK;
}

/* ---- Contrasts ----------------------------------------------------------------------- */

/* One word of a contrast side: a stem id in this document (0 when no token
 * has that stem), or an exact form. */
typedef struct side_word {
    bool exact;
    const char *word;
    size_t len;
    uint32_t stem;
} side_word;

typedef struct contrast {
    side_word *side[2];
    size_t n[2];
} contrast;

static sc_status prepare_side(sc_result *r, const sc_lang *lang, const char *spec, side_word **out,
                              size_t *n_out)
{
    size_t n = 1;
    for (const char *c = spec; *c; c++)
        n += *c == '|';
    side_word *words = sc_arena_calloc(r->arena, n, sizeof *words);
    if (words == NULL)
        return SC_ERR_NOMEM;
    size_t m = 0;
    for (const char *c = spec; *c;) {
        const char *bar = strchr(c, '|');
        size_t len = bar != NULL ? (size_t)(bar - c) : strlen(c);
        side_word *w = &words[m];
        w->exact = len > 0 && c[0] == '=';
        w->word = w->exact ? c + 1 : c;
        w->len = w->exact ? len - 1 : len;
        if (!w->exact && w->len < MAX_STEM_BYTES) {
            char stem[MAX_STEM_BYTES];
            size_t sl = lang->stem(w->word, w->len, stem, sizeof stem);
            w->stem = sc_intern_find(r->stems, stem, sl);
        }
        if (w->exact || w->stem != 0)
            m++;
        c += len;
        if (*c == '|')
            c++;
    }
    *out = words;
    *n_out = m;
    return SC_OK;
}

/* The first two bytes of a word as a key into a 65536-bit set. */
static unsigned prefix_key(const char *s, size_t len)
{
    unsigned a = len > 0 ? (unsigned char)s[0] : 0, b = len > 1 ? (unsigned char)s[1] : 0;
    return a << 8 | b;
}

/* The prefix keys of the summary's words and stems: a small set (about
 * two keys per summary word) rather than a 65536-bit map to clear for
 * every document.  Slots hold key + 1; 0 is empty. */
typedef struct prefix_set {
    uint32_t *slots;
    size_t mask;
} prefix_set;

static size_t prefix_slot(unsigned key, size_t mask)
{
    uint32_t h = (uint32_t)key * 2654435761u;
    return (size_t)(h ^ (h >> 15)) & mask;
}

static void prefix_add(prefix_set *s, unsigned key)
{
    for (size_t i = prefix_slot(key, s->mask);; i = (i + 1) & s->mask)
        if (s->slots[i] == key + 1 || s->slots[i] == 0) {
            s->slots[i] = key + 1;
            return;
        }
}

static bool prefix_has(const prefix_set *s, unsigned key)
{
    for (size_t i = prefix_slot(key, s->mask);; i = (i + 1) & s->mask) {
        if (s->slots[i] == key + 1)
            return true;
        if (s->slots[i] == 0)
            return false;
    }
}

/* True when a word of the side starts like a summary word (keys of
 * starts). */
static bool side_may_match(const char *spec, const prefix_set *starts)
{
    for (const char *c = spec; *c;) {
        if (*c == '=')
            c++;
        size_t len = strcspn(c, "|");
        if (prefix_has(starts, prefix_key(c, len)))
            return true;
        c += len;
        if (*c == '|')
            c++;
    }
    return false;
}

/* ---- The contrast pairs' stems and the cue filter, once per language -------------------
 *
 * Stemming every word of the pairs a summary might use was a tenth of this
 * rule; the stems depend only on the language's tables, and so does the
 * cue filter (made per document, it was 0.5% of a JSON Lines run).  So
 * each language's pairs are parsed and stemmed once, by the first document
 * that needs them (a compare-and-swap elects the builder; documents
 * meanwhile, and languages beyond the cache's fixed room, stem and make
 * the filter as before), into static storage never written again:
 * thread-safe, nothing allocated.  A document then only looks each stem up
 * in its own stem table. */
enum { CACHE_LANGS = 4, CACHE_PAIRS = 128, CACHE_WORDS = 512, CACHE_STEM_BYTES = 8192 };

typedef struct cached_word {
    const char *word; /* without the "=" of an exact form */
    uint16_t len;
    uint16_t key;      /* prefix_key of the word, as side_may_match reads it */
    uint16_t stem_off; /* in stem_text, when stemmed */
    uint8_t stem_len;
    bool exact;
    bool stemmed; /* not exact, and short enough to stem */
} cached_word;

typedef struct contrast_cache {
    atomic_int state;
    cue_filter filter;
    uint16_t first[CACHE_PAIRS][2]; /* the side's first word in words */
    uint16_t count[CACHE_PAIRS][2];
    cached_word words[CACHE_WORDS];
    char stem_text[CACHE_STEM_BYTES];
} contrast_cache;

static contrast_cache contrast_caches[CACHE_LANGS];

enum { CACHE_EMPTY, CACHE_BUILDING, CACHE_READY, CACHE_FAILED };

/* Parses and stems one side into the cache at *n_words, *n_text. */
static bool cache_side(const sc_lang *lang, contrast_cache *cc, const char *spec, size_t *n_words,
                       size_t *n_text)
{
    for (const char *c = spec; *c;) {
        if (*n_words >= CACHE_WORDS)
            return false;
        const char *bar = strchr(c, '|');
        size_t len = bar != NULL ? (size_t)(bar - c) : strlen(c);
        cached_word *w = &cc->words[*n_words];
        w->exact = len > 0 && c[0] == '=';
        w->word = w->exact ? c + 1 : c;
        size_t word_len = w->exact ? len - 1 : len;
        if (word_len > UINT16_MAX)
            return false;
        w->len = (uint16_t)word_len;
        w->key = (uint16_t)prefix_key(w->word, word_len);
        w->stemmed = !w->exact && word_len < MAX_STEM_BYTES;
        if (w->stemmed) {
            char stem[MAX_STEM_BYTES];
            size_t sl = lang->stem(w->word, word_len, stem, sizeof stem);
            if (sl >= sizeof stem || sl > UINT8_MAX || *n_text + sl > CACHE_STEM_BYTES)
                return false;
            memcpy(cc->stem_text + *n_text, stem, sl);
            w->stem_off = (uint16_t)*n_text;
            w->stem_len = (uint8_t)sl;
            *n_text += sl;
        }
        (*n_words)++;
        c += len;
        if (*c == '|')
            c++;
    }
    return true;
}

static bool cache_build(const sc_lang *lang, contrast_cache *cc)
{
    cue_filter_init(lang, &cc->filter);
    if (lang->n_contrast_pairs > CACHE_PAIRS || CACHE_STEM_BYTES > UINT16_MAX)
        return false;
    size_t n_words = 0, n_text = 0;
    for (size_t c = 0; c < lang->n_contrast_pairs; c++) {
        const char *sides[2] = {lang->contrast_pairs[c].a, lang->contrast_pairs[c].b};
        for (int x = 0; x < 2; x++) {
            cc->first[c][x] = (uint16_t)n_words;
            if (!cache_side(lang, cc, sides[x], &n_words, &n_text))
                return false;
            cc->count[c][x] = (uint16_t)(n_words - cc->first[c][x]);
        }
    }
    return true;
}

/* The cache of lang, built on first use; NULL when it cannot answer. */
static const contrast_cache *contrast_cache_of(const sc_lang *lang)
{
    size_t l = 0;
    while (l < sc_language_count && sc_languages[l] != lang)
        l++;
    if (l >= sc_language_count || l >= CACHE_LANGS)
        return NULL;
    contrast_cache *cc = &contrast_caches[l];
    int state = atomic_load_explicit(&cc->state, memory_order_acquire);
    if (state == CACHE_READY)
        return cc;
    if (state != CACHE_EMPTY)
        return NULL;
    int expected = CACHE_EMPTY;
    if (!atomic_compare_exchange_strong(&cc->state, &expected, CACHE_BUILDING))
        return NULL;
    bool ok = cache_build(lang, cc);
    atomic_store_explicit(&cc->state, ok ? CACHE_READY : CACHE_FAILED, memory_order_release);
    return ok ? cc : NULL;
}

/* side_may_match over the cached side x of pair c. */
static bool cached_side_may_match(const contrast_cache *cc, size_t c, int x,
                                  const prefix_set *starts)
{
    for (size_t i = cc->first[c][x], e = i + cc->count[c][x]; i < e; i++)
        if (prefix_has(starts, cc->words[i].key))
            return true;
    return false;
}

/* prepare_side from the cached side x of pair c. */
static sc_status cached_prepare_side(sc_result *r, const contrast_cache *cc, size_t c, int x,
                                     side_word **out, size_t *n_out)
{
    size_t n = cc->count[c][x];
    side_word *words = sc_arena_calloc(r->arena, n ? n : 1, sizeof *words);
    if (words == NULL)
        return SC_ERR_NOMEM;
    size_t m = 0;
    for (size_t i = cc->first[c][x], e = i + n; i < e; i++) {
        const cached_word *cw = &cc->words[i];
        side_word *w = &words[m];
        w->exact = cw->exact;
        w->word = cw->word;
        w->len = cw->len;
        if (cw->stemmed)
            w->stem = sc_intern_find(r->stems, cc->stem_text + cw->stem_off, cw->stem_len);
        if (w->exact || w->stem != 0)
            m++;
    }
    *out = words;
    *n_out = m;
    return SC_OK;
}

/* True when token t is a word of the side.  A stopword matches only a form
 * listed exactly ("up"), so "tentang" (about) is not "menentang". */
static bool side_has(const side_word *words, size_t n, const sc_token *t)
{
    if (t->kind != SC_TOK_WORD)
        return false;
    for (size_t i = 0; i < n; i++) {
        const side_word *w = &words[i];
        if (w->exact ? (t->norm_len == w->len && memcmp(t->norm, w->word, w->len) == 0)
                     : (t->stem == w->stem && !(t->flags & SC_TOKF_STOP)))
            return true;
    }
    return false;
}

static bool sentence_has_stem(const sc_analysis *a, size_t s, uint32_t stem)
{
    const sc_sentence *sent = &a->sentences[s];
    for (size_t k = sent->tok_begin; k < sent->tok_end; k++)
        if (a->tokens[k].stem == stem)
            return true;
    return false;
}

/* True when a summary word in [begin, end) is one side of a contrast
 * whose other side an aligned sentence uses: "did not lose" against "won"
 * says the same thing. */
static bool negated_opposite(const sc_result *r, const contrast *pairs, size_t n_pairs, size_t si,
                             size_t begin, size_t end)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    const sc_sentence_alignment *al = &r->alignment.sentences[si];
    for (size_t j = begin; j < end; j++)
        for (size_t c = 0; c < n_pairs; c++)
            for (int x = 0; x < 2; x++) {
                if (!side_has(pairs[c].side[x], pairs[c].n[x], &sum->tokens[j]))
                    continue;
                for (size_t i = 0; i < al->n_aligned; i++) {
                    const sc_sentence *s = &art->sentences[al->aligned[i]];
                    for (size_t u = s->tok_begin; u < s->tok_end; u++)
                        if (side_has(pairs[c].side[1 - x], pairs[c].n[1 - x], &art->tokens[u]))
                            return true;
                }
            }
    return false;
}

/* True when an aligned sentence has the summary's cue and the word after
 * it, but reads them as no negation ("no man's land" in the article's "No
 * Man's Land Fort"): the same words, so no contradiction. */
static bool cue_in_span(const sc_result *r, const polarity *pa, size_t si, size_t k, size_t len)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    const sc_sentence *sent = &sum->sentences[si];
    if (k + len >= sent->tok_end)
        return false;
    const sc_token *a = &sum->tokens[k], *b = &sum->tokens[k + len];
    const sc_sentence_alignment *al = &r->alignment.sentences[si];
    for (size_t i = 0; i < al->n_aligned; i++) {
        const sc_sentence *s = &art->sentences[al->aligned[i]];
        for (size_t u = s->tok_begin; u + len < s->tok_end; u++) {
            const sc_token *x = &art->tokens[u], *y = &art->tokens[u + len];
            if (pa->cue_len[u] == 0 && x->norm_len == a->norm_len && y->norm_len == b->norm_len &&
                memcmp(x->norm, a->norm, a->norm_len) == 0 &&
                memcmp(y->norm, b->norm, b->norm_len) == 0)
                return true;
        }
    }
    return false;
}

/* The summary's cue at k negates a predicate the article states the other
 * way round: some word it governs is in the aligned span only with the
 * other polarity, in the same frame, and none is there with the same
 * polarity ("did not seem remorseful" against "seemed not remorseful"). */
static sc_status check_cue(const sc_rule *rule, sc_result *r, const sc_lang *lang,
                           const polarity *ps, const polarity *pa, const span_predicates *sp,
                           const contrast *pairs, size_t n_pairs, size_t si, size_t k,
                           bool *reported)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    const sc_sentence *sent = &sum->sentences[si];
    size_t len = ps->cue_len[k];
    size_t end = scope_end(lang, ps, sum->tokens, k, len, sent->tok_end);
    if (cue_in_span(r, pa, si, k, len) || negated_opposite(r, pairs, n_pairs, si, k + len, end))
        return SC_OK;
    size_t word = SIZE_MAX;
    occurrences hit = {0, 0, 0, 0, false};
    for (size_t j = k + len; j < end; j++) {
        if (!is_predicate(ps, sum->tokens, j))
            continue;
        occurrences o = find_occurrences(r, ps, pa, sp, si, k, j, false);
        if (o.same > 0)
            return SC_OK;
        if (o.found && word == SIZE_MAX) {
            word = j;
            hit = o;
        }
    }
    if (word == SIZE_MAX)
        return SC_OK;
    const char *cue = token_text(r, sum, k, k + len);
    const char *text = token_text(r, sum, word, word + 1);
    const char *source_word = token_text(r, art, hit.token, hit.token + 1);
    const char *message =
        cue == NULL || text == NULL || source_word == NULL
            ? NULL
            : sc_arena_printf(
                  r->arena, "\"%s\" negates \"%s\", but the article states it %s: \"%s\"", cue,
                  text, ps->negated[word] ? "without negation" : "negated", source_word);
    sc_status st = add_finding(rule, r, message, k, k + len, hit.sentence, "negation");
    if (st != SC_OK)
        return st;
    sc_finding *f = &r->findings[r->n_findings - 1];
    if (sc_evidence_string(r, f, "cue", cue, strlen(cue)) ||
        sc_evidence_string(r, f, "word", text, strlen(text)) ||
        sc_evidence_string(r, f, "source_word", source_word, strlen(source_word)) ||
        add_polarity_evidence(r, ps->negated[word], pa->negated[hit.token]))
        return SC_ERR_NOMEM;
    for (size_t i = k; i < end; i++)
        reported[i - sent->tok_begin] = true;
    return SC_OK;
}

/* Summary word k, governed by no cue, is the predicate of a negation in the
 * article: the summary dropped the negation. */
static sc_status check_dropped(const sc_rule *rule, sc_result *r, const polarity *ps,
                               const polarity *pa, const span_predicates *sp, size_t si, size_t k,
                               bool *reported)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    const sc_sentence *sent = &sum->sentences[si];
    occurrences o = find_occurrences(r, ps, pa, sp, si, k, k, true);
    if (o.same > 0 || !o.found)
        return SC_OK;
    size_t cue_at_source = pa->cue[o.token];
    const char *cue = token_text(r, art, cue_at_source, cue_at_source + pa->cue_len[cue_at_source]);
    const char *word = token_text(r, sum, k, k + 1);
    const char *message =
        cue == NULL || word == NULL
            ? NULL
            : sc_arena_printf(r->arena,
                              "\"%s\" is stated without the negation the article gives it "
                              "(\"%s\")",
                              word, cue);
    sc_status st = add_finding(rule, r, message, k, k + 1, o.sentence, "negation");
    if (st != SC_OK)
        return st;
    sc_finding *f = &r->findings[r->n_findings - 1];
    const char *source_word = token_text(r, art, o.token, o.token + 1);
    if (source_word == NULL || sc_evidence_string(r, f, "cue", cue, strlen(cue)) ||
        sc_evidence_string(r, f, "word", word, strlen(word)) ||
        sc_evidence_string(r, f, "source_word", source_word, strlen(source_word)) ||
        add_polarity_evidence(r, ps->negated[k], pa->negated[o.token]))
        return SC_ERR_NOMEM;
    reported[k - sent->tok_begin] = true;
    return SC_OK;
}

/* Summary word k is one side of a contrast whose other side the aligned
 * article sentence uses, in the same frame and with the same polarity,
 * while neither text has the other's word. */
static sc_status check_contrast(const sc_rule *rule, sc_result *r, const polarity *ps,
                                const polarity *pa, const contrast *pairs, size_t n_pairs,
                                size_t si, size_t k, bool *reported)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    const sc_sentence_alignment *al = &r->alignment.sentences[si];
    const sc_token *t = &sum->tokens[k];
    for (size_t c = 0; c < n_pairs; c++) {
        for (int x = 0; x < 2; x++) {
            if (!side_has(pairs[c].side[x], pairs[c].n[x], t))
                continue;
            int y = 1 - x;
            for (size_t i = 0; i < al->n_aligned; i++) {
                size_t as = al->aligned[i];
                if (sentence_has_stem(art, as, t->stem))
                    continue;
                const sc_sentence *s = &art->sentences[as];
                for (size_t u = s->tok_begin; u < s->tok_end; u++) {
                    const sc_token *o = &art->tokens[u];
                    if (!side_has(pairs[c].side[y], pairs[c].n[y], o) ||
                        sentence_has_stem(sum, si, o->stem) || pa->negated[u] != ps->negated[k] ||
                        !same_frame(r, ps, pa, si, k, k, as, u))
                        continue;
                    const char *word = token_text(r, sum, k, k + 1);
                    const char *opposite = token_text(r, art, u, u + 1);
                    const char *message =
                        word == NULL || opposite == NULL
                            ? NULL
                            : sc_arena_printf(r->arena,
                                              "\"%s\" contradicts the article, which says \"%s\"",
                                              word, opposite);
                    sc_status st = add_finding(rule, r, message, k, k + 1, as, "contrast");
                    if (st != SC_OK)
                        return st;
                    sc_finding *f = &r->findings[r->n_findings - 1];
                    if (sc_evidence_string(r, f, "word", word, strlen(word)) ||
                        sc_evidence_string(r, f, "opposite", opposite, strlen(opposite)) ||
                        add_polarity_evidence(r, ps->negated[k], pa->negated[u]))
                        return SC_ERR_NOMEM;
                    reported[k - sum->sentences[si].tok_begin] = true;
                    return SC_OK;
                }
            }
        }
    }
    return SC_OK;
}

static sc_status run(const sc_rule *rule, sc_result *r)
{
    if (r->alignment.n_sentences == 0)
        return SC_OK;
    const sc_lang *lang = sc_lang_or_english(r->language);
    const sc_analysis *sum = &r->summary;
    polarity ps, pa;
    const contrast_cache *cc = contrast_cache_of(lang);
    cue_filter own_filter;
    const cue_filter *filter = &own_filter;
    if (cc != NULL)
        filter = &cc->filter;
    else
        cue_filter_init(lang, &own_filter);
    sc_status st;
    /* The article's polarity is read only in the sentences aligned with a
     * summary sentence (find_occurrences, cue_in_span, check_contrast). */
    bool *aligned = sc_arena_calloc(r->arena, r->article.n_sentences ? r->article.n_sentences : 1,
                                    sizeof *aligned);
    if (aligned == NULL)
        return SC_ERR_NOMEM;
    for (size_t si = 0; si < r->alignment.n_sentences; si++) {
        const sc_sentence_alignment *al = &r->alignment.sentences[si];
        for (size_t i = 0; i < al->n_aligned; i++)
            if (al->aligned[i] < r->article.n_sentences)
                aligned[al->aligned[i]] = true;
    }
    if ((st = polarity_of(r->arena, lang, filter, sum, NULL, &ps)) != SC_OK ||
        (st = polarity_of(r->arena, lang, filter, &r->article, aligned, &pa)) != SC_OK)
        return st;
    /* Contrast pairs, looked up only when the summary has a word that
     * starts like one of theirs (sc_contrast_pair: a stem keeps its word's
     * first two letters): most pairs concern no summary.  Their stems come
     * from the language's cache (contrast_cache_of), made once. */
    size_t n_pairs = lang->n_contrast_pairs;
    contrast *pairs = sc_arena_calloc(r->arena, n_pairs ? n_pairs : 1, sizeof *pairs);
    size_t n_words = 0;
    for (size_t k = 0; k < sum->n_tokens; k++)
        n_words += sum->tokens[k].kind == SC_TOK_WORD;
    size_t cap = 16;
    while (cap < 4 * n_words + 2)
        cap *= 2;
    prefix_set starts_set = {sc_arena_calloc(r->arena, cap, sizeof(uint32_t)), cap - 1};
    const prefix_set *starts = &starts_set;
    if (pairs == NULL || starts_set.slots == NULL)
        return SC_ERR_NOMEM;
    for (size_t k = 0; k < sum->n_tokens; k++) {
        const sc_token *t = &sum->tokens[k];
        if (t->kind != SC_TOK_WORD)
            continue;
        size_t len;
        const char *stem = sc_intern_str(r->stems, t->stem, &len);
        prefix_add(&starts_set, prefix_key(t->norm, t->norm_len));
        prefix_add(&starts_set, prefix_key(stem, len));
    }
    /* Only the pairs prepared (the others match no word) go on, in order. */
    size_t n_prepared = 0;
    for (size_t c = 0; c < n_pairs; c++) {
        contrast *p = &pairs[n_prepared];
        if (cc != NULL) {
            if (!cached_side_may_match(cc, c, 0, starts) &&
                !cached_side_may_match(cc, c, 1, starts))
                continue;
            if ((st = cached_prepare_side(r, cc, c, 0, &p->side[0], &p->n[0])) != SC_OK ||
                (st = cached_prepare_side(r, cc, c, 1, &p->side[1], &p->n[1])) != SC_OK)
                return st;
        } else {
            if (!side_may_match(lang->contrast_pairs[c].a, starts) &&
                !side_may_match(lang->contrast_pairs[c].b, starts))
                continue;
            if ((st = prepare_side(r, lang, lang->contrast_pairs[c].a, &p->side[0], &p->n[0])) !=
                    SC_OK ||
                (st = prepare_side(r, lang, lang->contrast_pairs[c].b, &p->side[1], &p->n[1])) !=
                    SC_OK)
                return st;
        }
        if (p->n[0] > 0 || p->n[1] > 0)
            n_prepared++;
    }
    n_pairs = n_prepared;

    span_predicates sp;
    sp.first = sc_arena_calloc(r->arena, (size_t)sc_intern_count(r->stems) + 1, sizeof *sp.first);
    if (sp.first == NULL)
        return SC_ERR_NOMEM;
    for (size_t si = 0; si < r->alignment.n_sentences; si++) {
        const sc_sentence *sent = &sum->sentences[si];
        if (r->alignment.sentences[si].n_aligned == 0)
            continue;
        size_t n = sent->tok_end - sent->tok_begin;
        bool *reported = sc_arena_calloc(r->arena, n ? n : 1, sizeof *reported);
        if (reported == NULL || span_predicates_of(r->arena, r, &pa, si, &sp) != SC_OK)
            return SC_ERR_NOMEM;
        for (size_t k = sent->tok_begin; k < sent->tok_end; k++)
            if (ps.cue_len[k] > 0 && (st = check_cue(rule, r, lang, &ps, &pa, &sp, pairs, n_pairs,
                                                     si, k, reported)) != SC_OK)
                return st;
        for (size_t k = sent->tok_begin; k < sent->tok_end; k++)
            if (!reported[k - sent->tok_begin] && !ps.governed[k] &&
                is_predicate(&ps, sum->tokens, k) &&
                (st = check_dropped(rule, r, &ps, &pa, &sp, si, k, reported)) != SC_OK)
                return st;
        for (size_t k = sent->tok_begin; k < sent->tok_end; k++)
            if (!reported[k - sent->tok_begin] &&
                (st = check_contrast(rule, r, &ps, &pa, pairs, n_pairs, si, k, reported)) != SC_OK)
                return st;
        span_predicates_clear(&sp);
    }
    return SC_OK;
}

const sc_rule sc_rule_negation_flip = {
    .id = "negation-flip",
    .severity = SC_SEVERITY_ERROR,
    .summary = "the summary negates what the source asserts, or the reverse, or says the "
               "opposite word",
    .doc = "Checks that the summary keeps the polarity of its aligned article sentence: it must "
           "not negate what the article asserts, assert what it negates, or put a word's "
           "opposite in its place. Negation is read with the language's cues (\"not\", "
           "\"never\", \"tidak\", \"bukan\", \"belum\"); \"not only\" and \"tidak hanya\" "
           "negate nothing. Words are compared only in the same frame (the same neighbours), so "
           "a word negated elsewhere in the sentence is another claim.\n"
           "\n"
           "Example: article \"Rusia ingin memperluas wilayahnya\"; summary \"Rusia tidak ingin "
           "memperluas wilayahnya\". Or article \"prices rose\", summary \"prices fell\".\n"
           "\n"
           "How to fix: make the summary say what the article says, with the article's "
           "polarity.\n"
           "\n"
           "Evidence: kind (negation or contrast); for a negation: cue (the negating word), "
           "word (the summary's word), source_word (the article's), summary_polarity and "
           "source_polarity (positive or negative); for a contrast: word, opposite and the "
           "two polarities.",
    .run = run,
};
