/* misquote: text the summary puts in quotation marks that the article does
 * not have.
 *
 * Quotes are compared on the letters and digits of the tokens' norms (NFKC,
 * case folded), so quote marks, case, white space, punctuation, hyphens and
 * apostrophes do not count ("I'm" = "I 'm"), and a match starts and ends at
 * word boundaries.  A trimmed quote ("a ... b", "a … b") is fine when its
 * pieces appear in that order in one article passage (a line of the
 * article, each piece at most SC_QUOTE_MAX_GAP words after the one
 * before).  A quote of at most SC_QUOTE_SCARE_WORDS words is a scare quote
 * or a title ("called it 'reckless'"): each of its words, by stem, must be
 * somewhere in the article.
 *
 * Quote marks pair by kind: “ ” and „ “ (German), ‘ ’ and ‚ ‘, « », " ",
 * ' ' and `` '' (and ` ') as plain text and tokenised text write them; a
 * straight mark opens after a space and closes before one.  An apostrophe
 * that starts a contraction ("team 's", "'90s") opens nothing. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "thresholds.h"
#include <utf8proc.h>

#include "core/intern.h"
#include "text/text.h"

/* Open quote marks tracked at once; a further one drops the oldest, so
 * stray opening marks (never closed) cannot hide the quotations after
 * them. */
enum { MAX_QUOTE_DEPTH = 4 };

typedef enum mark_kind {
    MARK_NONE,
    MARK_DOUBLE,     /* " */
    MARK_SINGLE,     /* ' */
    MARK_BACKTICK,   /* ` */
    MARK_BACKTICK2,  /* `` */
    MARK_APOS2,      /* '' */
    MARK_LDQUO,      /* “ */
    MARK_RDQUO,      /* ” */
    MARK_LSQUO,      /* ‘ */
    MARK_RSQUO,      /* ’ */
    MARK_LOW_DOUBLE, /* „ */
    MARK_LOW_SINGLE, /* ‚ */
    MARK_LGUILLEMET, /* « */
    MARK_RGUILLEMET, /* » */
} mark_kind;

/* A quotation: the tokens inside the marks, [begin, end). */
typedef struct quote {
    size_t begin;
    size_t end;
} quote;

static mark_kind mark_of(const sc_analysis *a, size_t k)
{
    const sc_token *t = &a->tokens[k];
    if (!(t->flags & SC_TOKF_QUOTE))
        return MARK_NONE;
    const unsigned char *s = (const unsigned char *)a->text->data + t->start;
    size_t n = t->end - t->start;
    if (n == 1)
        return s[0] == '"' ? MARK_DOUBLE : s[0] == '\'' ? MARK_SINGLE : MARK_BACKTICK;
    if (n == 2 && s[0] == 0xC2)
        return s[1] == 0xAB ? MARK_LGUILLEMET : MARK_RGUILLEMET;
    if (n == 3 && s[0] == 0xE2 && s[1] == 0x80) {
        switch (s[2]) {
        case 0x98:
            return MARK_LSQUO;
        case 0x99:
            return MARK_RSQUO;
        case 0x9A:
            return MARK_LOW_SINGLE;
        case 0x9C:
            return MARK_LDQUO;
        case 0x9D:
            return MARK_RDQUO;
        case 0x9E:
            return MARK_LOW_DOUBLE;
        default:
            break;
        }
    }
    return MARK_NONE;
}

/* True when the token is directly attached to the one before it. */
static bool attached_before(const sc_analysis *a, size_t k, size_t begin)
{
    return k > begin && !(a->tokens[k].flags & SC_TOKF_AFTER_SPACE);
}

static bool attached_after(const sc_analysis *a, size_t k, size_t end)
{
    return k + 1 < end && !(a->tokens[k + 1].flags & SC_TOKF_AFTER_SPACE);
}

/* An apostrophe that begins a contraction or a decade, not a quote. */
static bool starts_contraction(const sc_analysis *a, size_t k, size_t end)
{
    static const char *const rests[] = {"d", "em", "ll", "m", "re", "s", "t", "ve"};
    if (k + 1 >= end)
        return false;
    const sc_token *t = &a->tokens[k + 1];
    if (t->kind == SC_TOK_NUMBER)
        return true;
    for (size_t i = 0; i < sizeof rests / sizeof rests[0]; i++)
        if (t->norm_len == strlen(rests[i]) && memcmp(t->norm, rests[i], t->norm_len) == 0)
            return true;
    return false;
}

static bool closes(mark_kind open, mark_kind close)
{
    switch (open) {
    case MARK_DOUBLE:
        return close == MARK_DOUBLE;
    case MARK_SINGLE:
        return close == MARK_SINGLE || close == MARK_RSQUO;
    case MARK_BACKTICK:
        return close == MARK_SINGLE || close == MARK_RSQUO;
    case MARK_BACKTICK2:
        return close == MARK_APOS2 || close == MARK_RDQUO || close == MARK_DOUBLE;
    case MARK_LDQUO:
        return close == MARK_RDQUO || close == MARK_DOUBLE;
    case MARK_LSQUO:
        return close == MARK_RSQUO || close == MARK_SINGLE;
    case MARK_LOW_DOUBLE:
        return close == MARK_LDQUO || close == MARK_RDQUO;
    case MARK_LOW_SINGLE:
        return close == MARK_LSQUO || close == MARK_RSQUO;
    case MARK_LGUILLEMET:
        return close == MARK_RGUILLEMET;
    default:
        return false;
    }
}

static int compare_quotes(const void *a, const void *b)
{
    const quote *x = a, *y = b;
    if (x->begin != y->begin)
        return x->begin < y->begin ? -1 : 1;
    return x->end > y->end ? -1 : x->end < y->end;
}

static size_t words_between(const sc_analysis *a, size_t begin, size_t end)
{
    size_t n = 0;
    for (size_t k = begin; k < end; k++)
        n += a->tokens[k].kind != SC_TOK_PUNCT;
    return n;
}

/* The outermost quotations of tokens [begin, end), in order. */
static sc_status find_quotes(sc_arena *arena, const sc_analysis *a, size_t begin, size_t end,
                             quote **out, size_t *n_out)
{
    size_t cap = 8, n = 0;
    quote *q = sc_arena_alloc(arena, cap * sizeof *q);
    if (q == NULL)
        return SC_ERR_NOMEM;
    struct {
        mark_kind kind;
        size_t after; /* first token inside */
    } stack[MAX_QUOTE_DEPTH];
    size_t depth = 0;
    for (size_t k = begin; k < end; k++) {
        mark_kind m = mark_of(a, k);
        if (m == MARK_NONE)
            continue;
        size_t width = 1;
        /* `` and '' are one mark. */
        if ((m == MARK_BACKTICK || m == MARK_SINGLE) && k + 1 < end && mark_of(a, k + 1) == m &&
            attached_after(a, k, end)) {
            m = m == MARK_BACKTICK ? MARK_BACKTICK2 : MARK_APOS2;
            width = 2;
        }
        bool before = attached_before(a, k, begin);
        bool after = attached_after(a, k + width - 1, end);
        /* Close the innermost open quote this mark can close. */
        size_t d = depth;
        while (d > 0 && !closes(stack[d - 1].kind, m))
            d--;
        bool can_close = d > 0 && (before || !after || (m != MARK_DOUBLE && m != MARK_SINGLE));
        if (can_close) {
            size_t inside = stack[d - 1].after;
            if (inside < k && words_between(a, inside, k) <= SC_QUOTE_MAX_WORDS) {
                if (n == cap) {
                    q = sc_arena_grow(arena, q, n, cap * 2, sizeof *q);
                    if (q == NULL)
                        return SC_ERR_NOMEM;
                    cap *= 2;
                }
                q[n++] = (quote){inside, k};
            }
            depth = d - 1;
            k += width - 1;
            continue;
        }
        bool opener = m == MARK_DOUBLE || m == MARK_SINGLE || m == MARK_BACKTICK ||
                      m == MARK_BACKTICK2 || m == MARK_LDQUO || m == MARK_LSQUO ||
                      m == MARK_LOW_DOUBLE || m == MARK_LOW_SINGLE || m == MARK_LGUILLEMET;
        if ((m == MARK_DOUBLE || m == MARK_SINGLE) && (before || !after))
            opener = false;
        if (m == MARK_SINGLE && starts_contraction(a, k, end))
            opener = false;
        if (opener && depth == MAX_QUOTE_DEPTH) {
            /* The oldest open mark is the likeliest stray one. */
            memmove(stack, stack + 1, (MAX_QUOTE_DEPTH - 1) * sizeof stack[0]);
            depth--;
        }
        if (opener) {
            stack[depth].kind = m;
            stack[depth].after = k + width;
            depth++;
        }
        k += width - 1;
    }
    /* Keep the outermost: a quotation inside another is checked with it.
     * Pairs made on a stack nest or are disjoint, so after sorting by start
     * (longest first) an inner one ends before the last kept one does.  An
     * opener that never closes pairs with nothing, so a stray mark does not
     * hide the quotations after it. */
    qsort(q, n, sizeof *q, compare_quotes);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (kept == 0 || q[i].begin >= q[kept - 1].end)
            q[kept++] = q[i];
    *out = q;
    *n_out = kept;
    return SC_OK;
}

/* ---- Matching: letters and digits only ------------------------------------------- */

/* The letters and digits of a run of tokens' norms, concatenated, so that
 * white space, punctuation, hyphens and apostrophes do not count ("I'm" =
 * "I 'm", "well-known" = "well known"); a match must start and end at
 * token boundaries. */
typedef struct stream {
    char *s;
    size_t len;
    size_t *start; /* per kept token: where it starts in s */
    size_t *token; /* per kept token: its index in the text */
    size_t n;
} stream;

static sc_status make_stream(sc_arena *arena, const sc_analysis *a, size_t begin, size_t end,
                             stream *st)
{
    size_t bytes = 0, count = 0;
    for (size_t k = begin; k < end; k++)
        if (a->tokens[k].kind != SC_TOK_PUNCT) {
            bytes += a->tokens[k].norm_len;
            count++;
        }
    st->s = sc_arena_alloc(arena, bytes + 1);
    st->start = sc_arena_alloc(arena, (count + 1) * sizeof *st->start);
    st->token = sc_arena_alloc(arena, (count + 1) * sizeof *st->token);
    if (st->s == NULL || st->start == NULL || st->token == NULL)
        return SC_ERR_NOMEM;
    st->len = st->n = 0;
    for (size_t k = begin; k < end; k++) {
        const sc_token *t = &a->tokens[k];
        if (t->kind == SC_TOK_PUNCT)
            continue;
        size_t at = st->len;
        for (size_t i = 0; i < t->norm_len;) {
            /* ASCII, nearly every byte: a letter or digit is kept, and
             * utf8proc is not asked (a call per byte was most of the
             * rule's time on summeval_val). */
            unsigned char b = (unsigned char)t->norm[i];
            if (b < 0x80) {
                if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9'))
                    st->s[st->len++] = (char)b;
                i++;
                continue;
            }
            int32_t cp;
            size_t w = sc_utf8_next(t->norm + i, t->norm_len - i, &cp);
            utf8proc_category_t c = utf8proc_category(cp);
            /* Letters, marks and numbers of any script. */
            if ((c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME) ||
                (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO)) {
                memcpy(st->s + st->len, t->norm + i, w);
                st->len += w;
            }
            i += w;
        }
        if (st->len > at) {
            st->start[st->n] = at;
            st->token[st->n] = k;
            st->n++;
        }
    }
    st->start[st->n] = st->len;
    st->s[st->len] = '\0';
    return SC_OK;
}

/* The kept token starting exactly at offset, or SIZE_MAX. */
static size_t token_starting_at(const stream *st, size_t offset)
{
    size_t lo = 0, hi = st->n + 1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (st->start[mid] < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo <= st->n && st->start[lo] == offset ? lo : SIZE_MAX;
}

/* The first match of piece in article at or after kept token from, starting
 * and ending at token boundaries: its first kept token, and in *past the
 * kept token after it.  SIZE_MAX when none. */
static size_t find_piece(const stream *article, const stream *piece, size_t from, size_t within,
                         size_t *past)
{
    size_t offset = article->start[from < article->n ? from : article->n];
    /* Only matches starting at most within kept tokens on: a trimmed quote's
     * later pieces are looked for near the earlier ones, never across the
     * whole article once per earlier match. */
    size_t stop = article->len;
    if (within != SIZE_MAX && from + within < article->n &&
        article->start[from + within] + piece->len < stop)
        stop = article->start[from + within] + piece->len;
    while (piece->len > 0 && offset + piece->len <= stop) {
        const char *hit = sc_find_bytes(article->s + offset, stop - offset, piece->s, piece->len);
        if (hit == NULL)
            return SIZE_MAX;
        size_t at = (size_t)(hit - article->s);
        size_t first = token_starting_at(article, at);
        size_t next = first != SIZE_MAX ? token_starting_at(article, at + piece->len) : SIZE_MAX;
        if (next != SIZE_MAX) {
            *past = next;
            return first;
        }
        offset = at + 1;
    }
    return SIZE_MAX;
}

/* The article's stream, with the line (passage) of each kept token. */
typedef struct article_text {
    stream st;
    size_t *line;
} article_text;

static sc_status article_text_of(sc_arena *arena, const sc_analysis *art, article_text *at)
{
    sc_status status = make_stream(arena, art, 0, art->n_tokens, &at->st);
    if (status != SC_OK)
        return status;
    at->line = sc_arena_alloc(arena, (at->st.n + 1) * sizeof *at->line);
    if (at->line == NULL)
        return SC_ERR_NOMEM;
    size_t line = 0, k = 0;
    for (size_t i = 0; i < at->st.n; i++) {
        for (; k <= at->st.token[i]; k++)
            if (art->tokens[k].flags & SC_TOKF_AFTER_BREAK)
                line++;
        at->line[i] = line;
    }
    at->line[at->st.n] = line + 1;
    return SC_OK;
}

static bool is_ellipsis(const sc_analysis *a, size_t k)
{
    const sc_token *t = &a->tokens[k];
    if (t->kind != SC_TOK_PUNCT || t->end - t->start < 3)
        return false;
    const char *s = a->text->data + t->start;
    return memcmp(s, "...", 3) == 0 || memcmp(s, "\xE2\x80\xA6", 3) == 0;
}

/* True when the pieces of the quote appear in that order in one passage of
 * the article, each at most SC_QUOTE_MAX_GAP words after the one before. */
static bool pieces_found(const article_text *at, const stream *pieces, size_t n_pieces)
{
    size_t p0 = 0;
    while (p0 < n_pieces && pieces[p0].len == 0)
        p0++;
    if (p0 == n_pieces)
        return true;
    size_t past;
    for (size_t first = find_piece(&at->st, &pieces[p0], 0, SIZE_MAX, &past); first != SIZE_MAX;
         first = find_piece(&at->st, &pieces[p0], first + 1, SIZE_MAX, &past)) {
        size_t line = at->line[first], pos = past;
        bool ok = true;
        for (size_t p = p0 + 1; p < n_pieces && ok; p++) {
            if (pieces[p].len == 0)
                continue;
            size_t next = find_piece(&at->st, &pieces[p], pos, SC_QUOTE_MAX_GAP + 1, &past);
            ok = next != SIZE_MAX && next - pos <= SC_QUOTE_MAX_GAP && at->line[past - 1] == line;
            pos = past;
        }
        if (ok)
            return true;
    }
    return false;
}

/* ---- Evidence ----------------------------------------------------------------------- */

/* The article passage closest to the quote [qb, qe) of the summary: the
 * article quotation sharing the most of its distinct words (by stem), else
 * the sentence that does.  Its token range, and the share of the quote's
 * words (repeats counted) it has. */
static sc_status closest_passage(sc_result *r, const quote *aq, size_t n_aq, size_t qb, size_t qe,
                                 size_t *begin, size_t *end, double *share)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    size_t n_ids = (size_t)sc_intern_count(r->stems) + 1;
    bool *wanted = sc_arena_calloc(r->arena, n_ids, sizeof *wanted);
    size_t *seen = sc_arena_calloc(r->arena, n_ids, sizeof *seen);
    if (wanted == NULL || seen == NULL)
        return SC_ERR_NOMEM;
    size_t words = 0;
    for (size_t k = qb; k < qe; k++)
        if (sum->tokens[k].kind != SC_TOK_PUNCT) {
            wanted[sum->tokens[k].stem] = true;
            words++;
        }
    *begin = *end = 0;
    *share = 0;
    size_t best = 0, stamp = 0;
    for (int pass = 0; pass < 2 && best == 0; pass++) {
        size_t n = pass == 0 ? n_aq : art->n_sentences;
        for (size_t c = 0; c < n; c++) {
            size_t b = pass == 0 ? aq[c].begin : art->sentences[c].tok_begin;
            size_t e = pass == 0 ? aq[c].end : art->sentences[c].tok_end;
            size_t shared = 0;
            stamp++;
            for (size_t k = b; k < e; k++) {
                uint32_t id = art->tokens[k].stem;
                if (art->tokens[k].kind != SC_TOK_PUNCT && wanted[id] && seen[id] != stamp) {
                    seen[id] = stamp;
                    shared++;
                }
            }
            if (shared > best) {
                best = shared;
                *begin = b;
                *end = e;
            }
        }
    }
    if (best == 0 || words == 0)
        return SC_OK;
    stamp++;
    for (size_t k = *begin; k < *end; k++)
        seen[art->tokens[k].stem] = stamp;
    size_t matched = 0;
    for (size_t k = qb; k < qe; k++)
        matched += sum->tokens[k].kind != SC_TOK_PUNCT && seen[sum->tokens[k].stem] == stamp;
    *share = (double)matched / (double)words;
    return SC_OK;
}

static sc_status report(const sc_rule *rule, sc_result *r, const quote *q, const quote *aq,
                        size_t n_aq, bool scare, const char **missing, size_t n_missing)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    size_t start = sum->tokens[q->begin].start, end = sum->tokens[q->end - 1].end;
    const char *text = sum->text->data + start;
    size_t cut = sc_utf8_prefix(text, end - start, 200);
    size_t pb, pe;
    double share;
    if (closest_passage(r, aq, n_aq, q->begin, q->end, &pb, &pe, &share) != SC_OK)
        return SC_ERR_NOMEM;
    if (pe == pb) {
        /* No article passage shares a word: show where the summary
         * sentence holding the quote is aligned. */
        for (size_t si = 0; si < sum->n_sentences && si < r->alignment.n_sentences; si++) {
            const sc_sentence_alignment *al = &r->alignment.sentences[si];
            if (q->begin >= sum->sentences[si].tok_begin && q->begin < sum->sentences[si].tok_end &&
                al->n_aligned > 0) {
                pb = art->sentences[al->aligned[0]].tok_begin;
                pe = art->sentences[al->aligned[0]].tok_end;
            }
        }
    }
    const char *message;
    if (scare)
        message = sc_arena_printf(r->arena,
                                  "the quoted \"%.*s\" is not in the article: it never uses \"%s\"",
                                  (int)cut, text, missing[0]);
    else
        message = sc_arena_printf(r->arena,
                                  "the quotation \"%.*s%s\" is not in the article (the closest "
                                  "passage has %.0f%% of its words)",
                                  (int)cut, text, cut < end - start ? "…" : "", share * 100);
    sc_finding *f = message != NULL ? sc_finding_add(r, rule, message) : NULL;
    if (f == NULL)
        return SC_ERR_NOMEM;
    f->summary_span = sc_span_in(sum->text, start, end);
    const char *passage = "";
    size_t passage_len = 0;
    if (pe > pb) {
        size_t ps = art->tokens[pb].start, pz = art->tokens[pe - 1].end;
        f->source_span = sc_span_in(art->text, ps, pz);
        passage = art->text->data + ps;
        passage_len = pz - ps;
    }
    if (sc_evidence_string(r, f, "quote", text, end - start) ||
        sc_evidence_string(r, f, "closest_passage", passage, passage_len) ||
        sc_evidence_number(r, f, "matched_share", share) ||
        sc_evidence_bool(r, f, "scare_quote", scare) ||
        (scare && sc_evidence_strings(r, f, "missing_words", missing, n_missing)))
        return SC_ERR_NOMEM;
    return SC_OK;
}

static sc_status check_quote(const sc_rule *rule, sc_result *r, const quote *q, const quote *aq,
                             size_t n_aq, const article_text *at)
{
    const sc_analysis *sum = &r->summary;
    const sc_alignment *al = &r->alignment;
    size_t words = 0, n_pieces = 1;
    for (size_t k = q->begin; k < q->end; k++) {
        words += sum->tokens[k].kind != SC_TOK_PUNCT;
        n_pieces += is_ellipsis(sum, k);
    }
    if (words == 0)
        return SC_OK;
    if (n_pieces == 1 && words <= SC_QUOTE_SCARE_WORDS) {
        /* A scare quote: its words, by stem, anywhere in the article. */
        const char *missing[SC_QUOTE_SCARE_WORDS];
        size_t n_missing = 0;
        for (size_t k = q->begin; k < q->end; k++) {
            const sc_token *t = &sum->tokens[k];
            if (t->kind == SC_TOK_PUNCT ||
                (t->stem != 0 && t->stem <= al->n_stems && al->article_has_stem[t->stem]))
                continue;
            missing[n_missing] =
                sc_arena_strndup(r->arena, sum->text->data + t->start, t->end - t->start);
            if (missing[n_missing++] == NULL)
                return SC_ERR_NOMEM;
        }
        return n_missing == 0 ? SC_OK : report(rule, r, q, aq, n_aq, true, missing, n_missing);
    }
    stream *pieces = sc_arena_alloc(r->arena, n_pieces * sizeof *pieces);
    if (pieces == NULL)
        return SC_ERR_NOMEM;
    size_t p = 0, b = q->begin;
    for (size_t k = q->begin; k <= q->end; k++) {
        if (k < q->end && !is_ellipsis(sum, k))
            continue;
        sc_status st = make_stream(r->arena, sum, b, k, &pieces[p++]);
        if (st != SC_OK)
            return st;
        b = k + 1;
    }
    if (pieces_found(at, pieces, n_pieces))
        return SC_OK;
    return report(rule, r, q, aq, n_aq, false, NULL, 0);
}

static sc_status run(const sc_rule *rule, sc_result *r)
{
    const sc_analysis *sum = &r->summary, *art = &r->article;
    if (!r->page.has_summary || sum->n_tokens == 0 || r->alignment.n_sentences == 0)
        return SC_OK;
    quote *sq, *aq = NULL;
    size_t n_sq, n_aq = 0;
    sc_status st = find_quotes(r->arena, sum, 0, sum->n_tokens, &sq, &n_sq);
    if (st != SC_OK || n_sq == 0)
        return st;
    article_text at;
    if ((st = article_text_of(r->arena, art, &at)) != SC_OK ||
        (st = find_quotes(r->arena, art, 0, art->n_tokens, &aq, &n_aq)) != SC_OK)
        return st;
    for (size_t i = 0; i < n_sq; i++)
        if ((st = check_quote(rule, r, &sq[i], aq, n_aq, &at)) != SC_OK)
            return st;
    return SC_OK;
}

const sc_rule sc_rule_misquote = {
    .id = "misquote",
    .severity = SC_SEVERITY_ERROR,
    .summary = "text quoted in the summary is not in the article",
    .doc = "Checks that text in quotation marks in the summary is in the article. Quote marks, "
           "case, white space and punctuation do not count; a quote trimmed with \"...\" or "
           "\"…\" passes when its pieces stand in order in one article passage; a quote of "
           "one or two words is a scare quote, checked word by word anywhere in the article.\n"
           "\n"
           "Example: article: \"We did not expect this,\" said the director. Summary: the "
           "director said \"we expected this\".\n"
           "\n"
           "How to fix: quote the article word for word, trim with an ellipsis, or paraphrase "
           "without quotation marks.\n"
           "\n"
           "Evidence: quote, closest_passage (the article passage most like it), matched_share "
           "(the share of its words found there, 0 to 1), scare_quote (true for one or two "
           "words), missing_words (for a scare quote).",
    .run = run,
};
