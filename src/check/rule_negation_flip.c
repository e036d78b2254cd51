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
 * their longest first word. */
typedef struct cue_filter {
    bool first_byte[256];
    size_t max_len;
} cue_filter;

static void cue_filter_init(const sc_lang *lang, cue_filter *f)
{
    memset(f, 0, sizeof *f);
    for (size_t i = 0; i < lang->negation_cues.n; i++) {
        const char *w = lang->negation_cues.words[i];
        size_t n = strcspn(w, " ");
        f->first_byte[(unsigned char)w[0]] = true;
        if (n > f->max_len)
            f->max_len = n;
    }
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
    bool listed = t->norm_len <= f->max_len && f->first_byte[(unsigned char)t->norm[0]];
    size_t len = 0;
    if (listed && k + 1 < end && toks[k + 1].kind == SC_TOK_WORD) {
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
    if (listed && len == 0 && sc_word_list_has(&lang->negation_cues, t->norm, t->norm_len))
        len = 1;
    for (size_t i = 0; len == 0 && i < lang->negation_suffixes.n; i++) {
        const char *suffix = lang->negation_suffixes.words[i];
        size_t n = strlen(suffix);
        if (t->norm_len >= n && memcmp(t->norm + t->norm_len - n, suffix, n) == 0)
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

static sc_status polarity_of(sc_arena *arena, const sc_lang *lang, const cue_filter *f,
                             const sc_analysis *a, polarity *p)
{
    size_t n = a->n_tokens ? a->n_tokens : 1;
    p->negated = sc_arena_calloc(arena, n, sizeof *p->negated);
    p->governed = sc_arena_calloc(arena, n, sizeof *p->governed);
    p->head = sc_arena_calloc(arena, n, sizeof *p->head);
    p->cue = sc_arena_calloc(arena, n, sizeof *p->cue);
    p->cue_len = sc_arena_calloc(arena, n, sizeof *p->cue_len);
    p->in_cue = sc_arena_calloc(arena, n, sizeof *p->in_cue);
    if (!p->negated || !p->governed || !p->head || !p->cue || !p->cue_len || !p->in_cue)
        return SC_ERR_NOMEM;
    for (size_t s = 0; s < a->n_sentences; s++) {
        const sc_sentence *sent = &a->sentences[s];
        for (size_t k = sent->tok_begin; k < sent->tok_end; k++) {
            size_t len = cue_at(lang, f, a->tokens, sent->tok_begin, k, sent->tok_end);
            if (len == 0)
                continue;
            p->cue_len[k] = (uint8_t)len;
            for (size_t j = k; j < k + len; j++)
                p->in_cue[j] = true;
        }
    }
    for (size_t s = 0; s < a->n_sentences; s++) {
        const sc_sentence *sent = &a->sentences[s];
        for (size_t k = sent->tok_begin; k < sent->tok_end; k++) {
            if (p->cue_len[k] == 0)
                continue;
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

static occurrences find_occurrences(const sc_result *r, const polarity *ps, const polarity *pa,
                                    size_t si, size_t k_left, size_t k, bool need_head)
{
    const sc_sentence_alignment *al = &r->alignment.sentences[si];
    const sc_analysis *art = &r->article;
    uint32_t stem = r->summary.tokens[k].stem;
    occurrences o = {0, 0, 0, 0, false};
    for (size_t i = 0; i < al->n_aligned; i++) {
        const sc_sentence *s = &art->sentences[al->aligned[i]];
        for (size_t u = s->tok_begin; u < s->tok_end; u++) {
            if (art->tokens[u].stem != stem || !is_predicate(pa, art->tokens, u))
                continue;
            if (pa->negated[u] == ps->negated[k]) {
                o.same++;
                continue;
            }
            o.opposite++;
            if (!o.found && (!need_head || pa->head[u]) &&
                same_frame(r, ps, pa, si, k_left, k, al->aligned[i], u)) {
                o.found = true;
                o.sentence = al->aligned[i];
                o.token = u;
            }
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

/* True when a word of the side starts like a summary word (bits of
 * starts). */
static bool side_may_match(const char *spec, const uint8_t *starts)
{
    for (const char *c = spec; *c;) {
        if (*c == '=')
            c++;
        size_t len = strcspn(c, "|");
        unsigned key = prefix_key(c, len);
        if (starts[key / 8] & (1u << (key % 8)))
            return true;
        c += len;
        if (*c == '|')
            c++;
    }
    return false;
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
                           const polarity *ps, const polarity *pa, const contrast *pairs,
                           size_t n_pairs, size_t si, size_t k, bool *reported)
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
        occurrences o = find_occurrences(r, ps, pa, si, k, j, false);
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
                               const polarity *pa, size_t si, size_t k, bool *reported)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    const sc_sentence *sent = &sum->sentences[si];
    occurrences o = find_occurrences(r, ps, pa, si, k, k, true);
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
    const sc_lang *lang = sc_lang_find(r->language);
    /* Text in a language without tables was analysed with English's. */
    if (lang == NULL)
        lang = sc_lang_find("en");
    const sc_analysis *sum = &r->summary;
    polarity ps, pa;
    cue_filter filter;
    cue_filter_init(lang, &filter);
    sc_status st;
    if ((st = polarity_of(r->arena, lang, &filter, sum, &ps)) != SC_OK ||
        (st = polarity_of(r->arena, lang, &filter, &r->article, &pa)) != SC_OK)
        return st;
    /* Contrast pairs, stemmed only when the summary has a word that starts
     * like one of theirs (sc_contrast_pair: a stem keeps its word's first
     * two letters): most pairs concern no summary. */
    size_t n_pairs = lang->n_contrast_pairs;
    contrast *pairs = sc_arena_calloc(r->arena, n_pairs ? n_pairs : 1, sizeof *pairs);
    uint8_t *starts = sc_arena_calloc(r->arena, 65536 / 8, 1);
    if (pairs == NULL || starts == NULL)
        return SC_ERR_NOMEM;
    for (size_t k = 0; k < sum->n_tokens; k++) {
        const sc_token *t = &sum->tokens[k];
        if (t->kind != SC_TOK_WORD)
            continue;
        size_t len;
        const char *stem = sc_intern_str(r->stems, t->stem, &len);
        unsigned key = prefix_key(t->norm, t->norm_len);
        starts[key / 8] |= (uint8_t)(1u << (key % 8));
        key = prefix_key(stem, len);
        starts[key / 8] |= (uint8_t)(1u << (key % 8));
    }
    for (size_t c = 0; c < n_pairs; c++) {
        if (!side_may_match(lang->contrast_pairs[c].a, starts) &&
            !side_may_match(lang->contrast_pairs[c].b, starts))
            continue;
        if ((st = prepare_side(r, lang, lang->contrast_pairs[c].a, &pairs[c].side[0],
                               &pairs[c].n[0])) != SC_OK ||
            (st = prepare_side(r, lang, lang->contrast_pairs[c].b, &pairs[c].side[1],
                               &pairs[c].n[1])) != SC_OK)
            return st;
    }

    for (size_t si = 0; si < r->alignment.n_sentences; si++) {
        const sc_sentence *sent = &sum->sentences[si];
        if (r->alignment.sentences[si].n_aligned == 0)
            continue;
        size_t n = sent->tok_end - sent->tok_begin;
        bool *reported = sc_arena_calloc(r->arena, n ? n : 1, sizeof *reported);
        if (reported == NULL)
            return SC_ERR_NOMEM;
        for (size_t k = sent->tok_begin; k < sent->tok_end; k++)
            if (ps.cue_len[k] > 0 &&
                (st = check_cue(rule, r, lang, &ps, &pa, pairs, n_pairs, si, k, reported)) != SC_OK)
                return st;
        for (size_t k = sent->tok_begin; k < sent->tok_end; k++)
            if (!reported[k - sent->tok_begin] && !ps.governed[k] &&
                is_predicate(&ps, sum->tokens, k) &&
                (st = check_dropped(rule, r, &ps, &pa, si, k, reported)) != SC_OK)
                return st;
        for (size_t k = sent->tok_begin; k < sent->tok_end; k++)
            if (!reported[k - sent->tok_begin] &&
                (st = check_contrast(rule, r, &ps, &pa, pairs, n_pairs, si, k, reported)) != SC_OK)
                return st;
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
