/* Tokens: words (with inner apostrophes and hyphens), numbers (with group
 * and decimal separators) and single punctuation marks. */
#include "text.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#include "core/limits.h"
#include "core/swar.h"
#include "lang/date_names.h"

typedef enum cclass { C_SPACE, C_BREAK, C_LETTER, C_DIGIT, C_OTHER } cclass;

static cclass classify(int32_t cp)
{
    if (cp == '\n' || cp == 0x2028 || cp == 0x2029 || cp == 0x85)
        return C_BREAK;
    if (cp == ' ' || cp == '\t' || cp == '\r' || cp == '\v' || cp == '\f')
        return C_SPACE;
    if (cp < 0x80) {
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
            return C_LETTER;
        if (cp >= '0' && cp <= '9')
            return C_DIGIT;
        return C_OTHER;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return C_LETTER;
    case UTF8PROC_CATEGORY_ND:
        return C_DIGIT;
    case UTF8PROC_CATEGORY_ZS:
        return C_SPACE;
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        return C_BREAK;
    case UTF8PROC_CATEGORY_CC:
        return C_SPACE;
    default:
        return C_OTHER;
    }
}

static bool is_apostrophe(int32_t cp)
{
    return cp == '\'' || cp == 0x2019;
}

static bool is_hyphen(int32_t cp)
{
    return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

static bool is_quote(int32_t cp)
{
    switch (cp) {
    case '"':
    case '\'':
    case '`':
    case 0x2018: /* ‘ */
    case 0x2019: /* ’ */
    case 0x201A: /* ‚ */
    case 0x201C: /* “ */
    case 0x201D: /* ” */
    case 0x201E: /* „ */
    case 0x00AB: /* « */
    case 0x00BB: /* » */
        return true;
    default:
        return false;
    }
}

static bool is_sentence_end(int32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 /* … */;
}

/* classify() of each ASCII byte, for the bytes of running text. */
#define L C_LETTER
#define D C_DIGIT
#define S C_SPACE
#define O C_OTHER
static const unsigned char ascii_class[128] = {
    O, O, O, O, O, O, O, O, O, S, C_BREAK, S, S, S, O, O, /* \t \n \v \f \r */
    O, O, O, O, O, O, O, O, O, O, O,       O, O, O, O, O, /* */
    S, O, O, O, O, O, O, O, O, O, O,       O, O, O, O, O, /* space ! " ... / */
    D, D, D, D, D, D, D, D, D, D, O,       O, O, O, O, O, /* 0-9 */
    O, L, L, L, L, L, L, L, L, L, L,       L, L, L, L, L, /* @ A-O */
    L, L, L, L, L, L, L, L, L, L, L,       O, O, O, O, O, /* P-Z */
    O, L, L, L, L, L, L, L, L, L, L,       L, L, L, L, L, /* ` a-o */
    L, L, L, L, L, L, L, L, L, L, L,       O, O, O, O, O, /* p-z */
};
#undef L
#undef D
#undef S
#undef O

/* ASCII letters, for the loop over a word's letters: one load a byte,
 * bytes from 0x80 on are not (they take next_class). */
#define L8 1, 1, 1, 1, 1, 1, 1, 1
static const bool ascii_letter[256] = {
    ['A'] = L8, L8, L8, 1, 1, ['a'] = L8, L8, L8, 1, 1,
};
#undef L8

/* The high bit of each byte of w that is not an ASCII letter: folded to
 * lower case and cut to seven bits, a byte is a letter when adding
 * 0x80 - 'a' sets its high bit and adding 0x7F - 'z' does not; the sums
 * stay below 0x100, so no carry reaches the next byte, and a byte above
 * 0x7F is flagged by its own high bit. */
static inline uint64_t non_letters(uint64_t w)
{
    uint64_t x = (w | SC_SWAR_ONES * 0x20) & ~SC_SWAR_HIGH;
    return (~(x + SC_SWAR_ONES * (0x80u - 'a')) | (x + SC_SWAR_ONES * (0x7Fu - 'z')) | w) &
           SC_SWAR_HIGH;
}

/* The first byte of s[i..stop) that is not an ASCII letter, or stop.
 * Eight bytes a step where the lowest flagged byte is the first in
 * memory (a little-endian machine): most words end within one step, where
 * the byte loop was an eighth of tokenising. */
static inline size_t skip_ascii_letters(const unsigned char *s, size_t i, size_t stop)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (; i + 8 <= stop; i += 8) {
        uint64_t m = non_letters(sc_swar_load(s + i));
        if (m != 0)
            return i + (size_t)__builtin_ctzll(m) / 8;
    }
#endif
    while (i < stop && ascii_letter[s[i]])
        i++;
    return i;
}

/* The code point at s[0..len) (len > 0), its length and class: one table
 * load for ASCII, which is nearly all of the text. */
static inline size_t next_class(const char *s, size_t len, int32_t *cp, cclass *c)
{
    unsigned char b = (unsigned char)s[0];
    if (b < 0x80) {
        *cp = b;
        *c = (cclass)ascii_class[b];
        return 1;
    }
    size_t n = sc_utf8_next(s, len, cp);
    *c = classify(*cp);
    return n;
}

/* The class of the code point at i, or C_SPACE past the end. */
static cclass class_at(const sc_text *text, size_t i, int32_t *cp_out)
{
    int32_t cp = -1;
    cclass c = C_SPACE;
    if (i < text->len)
        next_class(text->data + i, text->len - i, &cp, &c);
    if (cp_out != NULL)
        *cp_out = cp;
    return c;
}

static bool is_upper(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static bool is_lower(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

/* End of a word starting at i: letters, digits, marks, and an apostrophe or
 * hyphen between two of them ("don't", "benar-benar", "COVID-19").  Digits
 * right after letters start a number ("Rp120.000" is "Rp" + 120000, as
 * Indonesian writes amounts), so the amount is read and compared. */
static size_t scan_word(const sc_text *text, size_t i, bool *ascii)
{
    size_t limit = i + SC_MAX_TOKEN_BYTES;
    cclass prev = C_LETTER;
    /* ASCII letters first, nearly all of a word, in a tight loop; the loop
     * below takes them the same way. */
    const unsigned char *s = (const unsigned char *)text->data;
    size_t stop = text->len < limit ? text->len : limit;
    i = skip_ascii_letters(s, i, stop);
    /* Nearly every word ends at a space or an ASCII mark, where the loop
     * below would stop at once: only an apostrophe or a hyphen may join
     * what follows (a digit right after letters does not). */
    if (i == stop || (s[i] < 0x80 && s[i] != '\'' && s[i] != '-'))
        return i;
    while (i < text->len && i < limit) {
        int32_t cp;
        cclass c;
        size_t n = next_class(text->data + i, text->len - i, &cp, &c);
        if (c == C_LETTER || (c == C_DIGIT && prev == C_DIGIT)) {
            *ascii &= cp < 0x80;
            i += n;
            prev = c;
            continue;
        }
        if (is_apostrophe(cp) || is_hyphen(cp)) {
            cclass next = class_at(text, i + n, NULL);
            if (next == C_LETTER || (is_hyphen(cp) && next == C_DIGIT)) {
                *ascii &= cp < 0x80;
                i += n;
                prev = next == C_DIGIT ? C_DIGIT : C_LETTER;
                continue;
            }
        }
        break;
    }
    return i;
}

/* SC_TOKF_CAPITAL for the word s[0..len), which starts with an upper-case
 * letter, and SC_TOKF_ALLCAPS when it has two or more upper-case letters
 * and no lower-case one. */
static uint16_t capital_flags(const char *s, size_t len)
{
    size_t upper = 0;
    for (size_t j = 0; j < len;) {
        int32_t cp = (unsigned char)s[j];
        if (cp < 0x80)
            j++;
        else
            j += sc_utf8_next(s + j, len - j, &cp);
        /* Most capitalised words are "The", "Jakarta": the first lower-case
         * letter decides. */
        if (is_lower(cp))
            return SC_TOKF_CAPITAL;
        if (is_upper(cp))
            upper++;
    }
    return upper >= 2 ? SC_TOKF_CAPITAL | SC_TOKF_ALLCAPS : SC_TOKF_CAPITAL;
}

/* End of a number starting at i: digits, with '.' or ',' between digits.
 * Letters right after digits start a new token ("15th" is 15 + "th"); a
 * hyphen does not join numbers ("2020-2021" is two). */
static size_t scan_number(const sc_text *text, size_t i, bool *ascii)
{
    size_t limit = i + SC_MAX_TOKEN_BYTES;
    while (i < text->len && i < limit) {
        int32_t cp;
        cclass c;
        size_t n = next_class(text->data + i, text->len - i, &cp, &c);
        if (c == C_DIGIT) {
            *ascii &= cp < 0x80;
            i += n;
            continue;
        }
        if ((cp == '.' || cp == ',') && class_at(text, i + n, NULL) == C_DIGIT) {
            i += n;
            continue;
        }
        break;
    }
    return i;
}

typedef struct spelling_forms spelling_forms;
static sc_status tokenize(sc_arena *arena, spelling_forms *forms, const sc_text *text,
                          sc_token **tokens, size_t *n_tokens, uint32_t **form_ids);

/* The normalised forms of a text's distinct spellings, so that each is
 * normalised and stored once however often the text repeats it: the forms
 * were a sixth of a long article's memory.  An open-addressing
 * table in a scratch arena, freed when the text is tokenised. */
typedef struct spelling {
    uint32_t start; /* its first occurrence in the text */
    uint32_t len;
    uint32_t hash;
    uint32_t norm_len;
    uint64_t head;      /* spelling_head of its bytes */
    const char *norm;   /* its form, in the document's arena */
    uint64_t word_hash; /* see sc_tokenize */
} spelling;

struct spelling_forms {
    sc_arena *scratch;
    uint32_t *slot; /* 0: empty, else 1 + an index in spellings */
    size_t n_slots; /* a power of two, at least twice count */
    unsigned shift; /* 32 - log2(n_slots): a hash's slot is its top bits */
    spelling *spellings;
    size_t count, cap;
    /* ASCII forms are cut from blocks of the document's arena: a call to
     * the arena per distinct spelling was 8% of tokenising. */
    char *block;
    size_t block_left;
};

/* Bytes of a block of forms; a longer form gets its own allocation, so a
 * text wastes at most this much. */
enum { FORM_BLOCK = 4096 };

static sc_status forms_init(spelling_forms *f, size_t text_len)
{
    memset(f, 0, sizeof *f);
    f->scratch = sc_arena_new();
    if (f->scratch == NULL)
        return SC_ERR_NOMEM;
    /* A distinct spelling per 7 bytes of a short text, per 10 of a news
     * article (200 frank_val pairs): room for one per 8 bytes, so that the
     * table seldom grows, and grows at most once on a longer text. */
    f->n_slots = 64;
    f->shift = 32 - 6;
    while (f->n_slots < text_len / 4 && f->n_slots < 16384) {
        f->n_slots *= 2;
        f->shift--;
    }
    f->cap = f->n_slots / 2;
    f->slot = sc_arena_calloc(f->scratch, f->n_slots, sizeof *f->slot);
    f->spellings = sc_arena_alloc(f->scratch, f->cap * sizeof *f->spellings);
    return f->slot != NULL && f->spellings != NULL ? SC_OK : SC_ERR_NOMEM;
}

static sc_status forms_grow(spelling_forms *f)
{
    size_t n = f->n_slots * 2;
    uint32_t *slot = sc_arena_calloc(f->scratch, n, sizeof *slot);
    spelling *grown = sc_arena_grow(f->scratch, f->spellings, f->count, n / 2, sizeof *grown);
    if (slot == NULL || grown == NULL)
        return SC_ERR_NOMEM;
    f->shift--;
    for (size_t k = 0; k < f->count; k++) {
        size_t i = grown[k].hash >> f->shift;
        while (slot[i] != 0)
            i = (i + 1) & (n - 1);
        slot[i] = (uint32_t)k + 1;
    }
    f->slot = slot;
    f->n_slots = n;
    f->spellings = grown;
    f->cap = n / 2;
    return SC_OK;
}

/* A-Z lower-cased, every other ASCII byte as it is: sc_normalize's
 * folding of ASCII. */
#define ROW(x) x, x + 1, x + 2, x + 3, x + 4, x + 5, x + 6, x + 7
static const char ascii_lower[128] = {
    ROW(0), ROW(8),   ROW(16),  ROW(24),  ROW(32),  ROW(40),  ROW(48),  ROW(56),
    '@',    ROW('a'), ROW('i'), ROW('q'), 'y',      'z',      '[',      '\\',
    ']',    '^',      '_',      ROW(96),  ROW(104), ROW(112), ROW(120),
};
#undef ROW

#define RUN_OF_8(x)                                                                                \
    [x] = true, [x + 1] = true, [x + 2] = true, [x + 3] = true, [x + 4] = true, [x + 5] = true,    \
    [x + 6] = true, [x + 7] = true
const bool sc_word_byte[256] = {
    RUN_OF_8('0'), ['8'] = true, ['9'] = true, RUN_OF_8('a'), RUN_OF_8('i'),
    RUN_OF_8('q'), ['y'] = true, ['z'] = true, RUN_OF_8('A'), RUN_OF_8('I'),
    RUN_OF_8('Q'), ['Y'] = true, ['Z'] = true,
};
#undef RUN_OF_8

/* The form of an ASCII spelling, as sc_normalize folds it, without its
 * pass to find that the bytes are ASCII: the tokenizer knows.  Its word
 * hash into *word_hash (0 unless the form is one run of letters and
 * digits), in the same pass: once per spelling, where score.c would hash
 * every occurrence. */
static const char *fold_ascii(spelling_forms *f, sc_arena *arena, const char *s, size_t len,
                              uint64_t *word_hash)
{
    char *out;
    if (len + 1 <= f->block_left) {
        out = f->block;
        f->block += len + 1;
        f->block_left -= len + 1;
    } else if (len + 1 > FORM_BLOCK / 8) {
        out = sc_arena_alloc_chars(arena, len + 1);
    } else {
        out = sc_arena_alloc_chars(arena, FORM_BLOCK);
        if (out == NULL)
            return NULL;
        f->block = out + len + 1;
        f->block_left = FORM_BLOCK - (len + 1);
    }
    if (out == NULL)
        return NULL;
    uint64_t h = SC_WORD_HASH_SEED;
    bool word = len > 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        out[i] = ascii_lower[c];
        word &= sc_word_byte[c];
        h = sc_word_hash_step(h, (unsigned char)out[i]);
    }
    out[len] = '\0';
    *word_hash = !word ? 0 : h != 0 ? h : 1;
    return out;
}

/* The first min(len, 8) bytes of s as a number, the others zero; avail:
 * the bytes readable from s (at least len).  Nearly every spelling is at
 * most eight bytes, which this number and the length then tell apart
 * from every other: the spellings table hashes and compares it, with no
 * pass over the bytes and no call to memcmp. */
static inline uint64_t spelling_head(const char *s, size_t len, size_t avail)
{
    /* keep + 8 - n: n bytes of 0xFF, then zeros, in memory order, so that
     * the mask is right whatever the byte order. */
    static const unsigned char keep[16] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
    size_t n = len < 8 ? len : 8;
    uint64_t w = 0, mask;
    if (avail >= 8) {
        memcpy(&w, s, 8);
    } else {
        unsigned char b[8] = {0};
        memcpy(b, s, n);
        memcpy(&w, b, 8);
    }
    memcpy(&mask, keep + 8 - n, 8);
    return w & mask;
}

/* The spellings table's hash of a spelling s[0..len) with that head: a
 * multiplicative hash, whose top bits pick the slot.  Ids go by order of
 * first use, so the hash decides no output. */
static inline uint32_t spelling_hash(uint64_t head, const char *s, size_t len)
{
    const uint64_t k = 0x9E3779B97F4A7C15u;
    uint64_t h = (head ^ len) * k;
    if (len > 8)
        h = (h ^ sc_hash_bytes(s + 8, len - 8)) * k;
    return (uint32_t)(h >> 32);
}

/* The form of the token's bytes into t, normalised on their first use,
 * and its spelling's id (1 + its index in spellings) into *id; ascii:
 * every byte is below 0x80. */
static sc_status form_of(spelling_forms *f, sc_arena *arena, const sc_text *text, sc_token *t,
                         bool ascii, uint32_t *id)
{
    const char *raw = text->data + t->start;
    uint32_t len = t->end - t->start;
    uint64_t head = spelling_head(raw, len, text->len - t->start);
    uint32_t h = spelling_hash(head, raw, len);
    size_t i = h >> f->shift;
    for (uint32_t k; (k = f->slot[i]) != 0; i = (i + 1) & (f->n_slots - 1)) {
        const spelling *e = &f->spellings[k - 1];
        if (e->head == head && e->len == len &&
            (len <= 8 || sc_same_bytes(text->data + e->start + 8, raw + 8, len - 8))) {
            t->norm = e->norm;
            t->norm_len = e->norm_len;
            *id = k;
            return SC_OK;
        }
    }
    size_t norm_len = len;
    uint64_t word_hash = 0;
    const char *norm = ascii ? fold_ascii(f, arena, raw, len, &word_hash)
                             : sc_normalize(arena, raw, len, &norm_len);
    if (norm == NULL)
        return SC_ERR_NOMEM;
    f->spellings[f->count] =
        (spelling){t->start, len, h, (uint32_t)norm_len, head, norm, word_hash};
    f->slot[i] = *id = (uint32_t)++f->count;
    t->norm = norm;
    t->norm_len = (uint32_t)norm_len;
    /* Grown when full, so count < cap at the next insertion, and the
     * load of the slots stays under a half. */
    return f->count == f->cap ? forms_grow(f) : SC_OK;
}

sc_status sc_tokenize(sc_arena *arena, const sc_text *text, sc_token **tokens, size_t *n_tokens,
                      uint32_t **form_ids, uint32_t *n_forms, uint64_t **word_hashes)
{
    spelling_forms forms;
    sc_status st = forms_init(&forms, text->len);
    if (st != SC_OK) {
        sc_arena_free(forms.scratch);
        return st;
    }
    /* A copy the tokenizer reads its bytes through: a token's stores
     * cannot change it, so its fields stay in registers. */
    const sc_text copy = *text;
    st = tokenize(arena, &forms, &copy, tokens, n_tokens, form_ids);
    *n_forms = (uint32_t)forms.count;
    uint64_t *hashes = NULL;
    if (st == SC_OK && (hashes = sc_arena_alloc(arena, (forms.count + 1) * sizeof *hashes)) == NULL)
        st = SC_ERR_NOMEM;
    if (st == SC_OK) {
        hashes[0] = 0;
        for (size_t k = 0; k < forms.count; k++)
            hashes[k + 1] = forms.spellings[k].word_hash;
    }
    *word_hashes = hashes;
    sc_arena_free(forms.scratch);
    return st;
}

static sc_status tokenize(sc_arena *arena, spelling_forms *forms, const sc_text *text,
                          sc_token **tokens, size_t *n_tokens, uint32_t **form_ids)
{
    size_t cap = 64 + text->len / 4, n = 0;
    if (cap > SC_MAX_TOKENS)
        cap = SC_MAX_TOKENS;
    sc_token *toks = sc_arena_alloc(arena, cap * sizeof *toks);
    uint32_t *ids = sc_arena_alloc(arena, cap * sizeof *ids);
    if (toks == NULL || ids == NULL)
        return SC_ERR_NOMEM;
    uint16_t pending = 0; /* AFTER_SPACE / AFTER_BREAK for the next token */
    size_t i = 0;
    while (i < text->len) {
        int32_t cp;
        cclass c;
        size_t len = next_class(text->data + i, text->len - i, &cp, &c);
        if (c == C_SPACE || c == C_BREAK) {
            pending |= SC_TOKF_AFTER_SPACE;
            if (c == C_BREAK)
                pending |= SC_TOKF_AFTER_BREAK;
            i += len;
            continue;
        }
        if (n == cap) {
            if (cap >= SC_MAX_TOKENS)
                return SC_ERR_LIMIT;
            size_t ncap = cap * 2 > SC_MAX_TOKENS ? SC_MAX_TOKENS : cap * 2;
            toks = sc_arena_grow(arena, toks, n, ncap, sizeof *toks);
            ids = sc_arena_grow(arena, ids, n, ncap, sizeof *ids);
            if (toks == NULL || ids == NULL)
                return SC_ERR_NOMEM;
            cap = ncap;
        }
        /* Written where it goes, not copied there. */
        sc_token *t = &toks[n];
        memset(t, 0, sizeof *t);
        t->start = (uint32_t)i;
        t->flags = pending;
        pending = 0;
        bool ascii = true;
        if (c == C_LETTER) {
            t->kind = SC_TOK_WORD;
            t->end = (uint32_t)scan_word(text, i, &ascii);
            if (is_upper(cp))
                t->flags |= capital_flags(text->data + i, t->end - i);
        } else if (c == C_DIGIT) {
            t->kind = SC_TOK_NUMBER;
            t->end = (uint32_t)scan_number(text, i, &ascii);
        } else {
            t->kind = SC_TOK_PUNCT;
            t->end = (uint32_t)(i + len);
            ascii = cp < 0x80;
            if (is_quote(cp))
                t->flags |= SC_TOKF_QUOTE;
            if (is_sentence_end(cp)) {
                t->flags |= SC_TOKF_SENT_END;
                /* "..." and "?!" are one mark. */
                while (t->end < text->len && is_sentence_end((unsigned char)text->data[t->end]))
                    t->end++;
            }
        }
        sc_status st = form_of(forms, arena, text, t, ascii, &ids[n]);
        if (st != SC_OK)
            return st;
        n++;
        i = t->end;
        /* Most tokens are followed by one space and the next token: taken
         * here, not by a turn of the loop. */
        if (i < text->len && text->data[i] == ' ') {
            pending = SC_TOKF_AFTER_SPACE;
            i++;
        }
    }
    *tokens = toks;
    *n_tokens = n;
    *form_ids = ids;
    return SC_OK;
}

bool sc_number_value(const char *s, size_t len, const sc_lang *lang, double *value)
{
    /* Which separator is the decimal one: a single separator followed by
     * exactly three digits is a group separator when it is the language's
     * group mark ("1.300" in Indonesian, "1,300" in English), else a decimal
     * point; repeated separators group ("1.300.000"); with both, the last
     * one is the decimal point ("1.300,5"). */
    size_t n_dot = 0, n_comma = 0, last_sep = SIZE_MAX;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '.')
            n_dot++, last_sep = i;
        else if (s[i] == ',')
            n_comma++, last_sep = i;
        else if (s[i] < '0' || s[i] > '9')
            return false;
    }
    if (len == 0)
        return false;
    char decimal = 0;
    if (n_dot + n_comma == 0) {
        decimal = 0;
    } else if (n_dot > 0 && n_comma > 0) {
        decimal = s[last_sep];
    } else {
        char sep = n_dot ? '.' : ',';
        size_t count = n_dot ? n_dot : n_comma;
        size_t tail = len - last_sep - 1;
        char group = lang != NULL ? lang->group_separator : ',';
        if (count > 1)
            decimal = 0;
        else if (tail == 3 && sep == group)
            decimal = 0;
        else
            decimal = sep;
    }
    double v = 0, scale = 0;
    for (size_t i = 0; i < len; i++) {
        char ch = s[i];
        if (ch == decimal) {
            scale = 1;
            continue;
        }
        if (ch == '.' || ch == ',')
            continue;
        if (scale > 0) {
            scale /= 10;
            v += (ch - '0') * scale;
        } else {
            v = v * 10 + (ch - '0');
        }
    }
    *value = v;
    return true;
}

/* What a distinct spelling is, computed once per document and language:
 * what finish gives each token spelt so. */
typedef struct word_info {
    uint32_t stem;
    uint16_t flags; /* SC_TOKF_STOP, _NUMWORD, _SCALE, _CURRENCY, _CLAUSE */
    double value;
    sc_time_word time;
} word_info;

/* The temporal classes of a distinct word. */
static void time_words(const char *date_lang, const sc_token *t, const sc_word_class *c,
                       word_info *w)
{
    sc_date_name name;
    /* A possessive names the day too: "Sunday's match" (the apostrophe is
     * inside the word, so the word is "sunday's"). */
    size_t len = t->norm_len;
    sc_date_word dw;
    sc_date_word_lookup(date_lang, t->norm, len, &dw);
    bool found = dw.is_name;
    name = dw.name;
    if (!found && len > 2 && memcmp(t->norm + len - 2, "'s", 2) == 0)
        found = sc_date_name_lookup(date_lang, t->norm, len -= 2, &name);
    else if (!found && len > 4 && memcmp(t->norm + len - 4, "\xe2\x80\x99s", 4) == 0)
        found = sc_date_name_lookup(date_lang, t->norm, len -= 4, &name);
    if (found) {
        w->time.month = (uint8_t)name.month;
        w->time.weekday = (uint8_t)name.weekday;
        if (name.abbreviated)
            w->time.time_class |= SC_TIMEW_ABBREVIATED;
        if (sc_date_name_needs_capital(date_lang, t->norm, len))
            w->time.time_class |= SC_TIMEW_NEEDS_CAPITAL;
    }
    static const struct {
        sc_list_id list;
        uint16_t bit;
    } lists[] = {
        {SC_LIST_YEAR_CUES, SC_TIMEW_YEAR_CUE},
        {SC_LIST_PAST_BEFORE, SC_TIMEW_PAST_BEFORE},
        {SC_LIST_FUTURE_BEFORE, SC_TIMEW_FUTURE_BEFORE},
        {SC_LIST_PAST_AFTER, SC_TIMEW_PAST_AFTER},
        {SC_LIST_FUTURE_AFTER, SC_TIMEW_FUTURE_AFTER},
    };
    for (size_t k = 0; k < sizeof lists / sizeof lists[0]; k++)
        if (c->lists & SC_LIST_BIT(lists[k].list))
            w->time.time_class |= lists[k].bit;
    if (dw.is_relative) {
        w->time.time_class |= SC_TIMEW_RELATIVE_DAY;
        w->time.relative_day = (int8_t)dw.days;
    }
    if (dw.relative_first)
        w->time.time_class |= SC_TIMEW_RELATIVE_FIRST;
    if (c->is_unit)
        w->time.unit_days = (uint16_t)c->unit;
}

/* Numbers of equal value share one stem ("#1300" for "1.300", "1,300" and
 * "1300"; "#3" for "tiga" and "3"), so support and bigrams see them as
 * the same word. */
static uint32_t number_stem(sc_intern *stems, double value)
{
    char key[40];
    int n;
    if (value >= 0 && !signbit(value) && value < 1e15 && value == (double)(uint64_t)value) {
        /* A whole number of at most 15 digits, as "%.15g" writes it (no
         * exponent, no point) without snprintf's cost, a tenth of the
         * analysis of a word. */
        char digits[20];
        size_t d = 0;
        for (uint64_t v = (uint64_t)value; d == 0 || v > 0; v /= 10)
            digits[d++] = (char)('0' + v % 10);
        key[0] = '#';
        for (size_t k = 0; k < d; k++)
            key[1 + k] = digits[d - 1 - k];
        n = (int)d + 1;
    } else {
        n = snprintf(key, sizeof key, "#%.15g", value);
    }
    return n > 0 ? sc_intern_add(stems, key, (size_t)n) : 0;
}

static bool is_currency_symbol(const sc_token *t)
{
    /* $ and the Unicode currency signs (category Sc). */
    int32_t cp;
    sc_utf8_next(t->norm, t->norm_len, &cp);
    return t->norm_len > 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_SC;
}

/* Everything about a distinct word but its stem's id: *w (stem left 0)
 * and the stem's text, in *stem_text[0..*stem_len) (small holds it when
 * it is not the word itself; a number word has none). */
static void analyse_word(const sc_lang *lang, const char *date_lang, const sc_token *t,
                         word_info *w, char *small, size_t small_cap, const char **stem_text,
                         size_t *stem_len)
{
    sc_word_class c;
    sc_lang_classify_word(lang, t->norm, t->norm_len, &c);
    bool stop = (c.lists & SC_LIST_BIT(SC_LIST_STOPWORDS)) != 0;
    *stem_text = NULL;
    *stem_len = 0;
    if (c.is_number) {
        w->value = c.number;
        w->flags |= SC_TOKF_NUMWORD;
    } else {
        *stem_text = t->norm;
        *stem_len = t->norm_len;
        /* Stopwords stand for themselves: stemming them would cost the
         * most-repeated words the stemmer's time for nothing. */
        if (!stop && t->norm_len < small_cap) {
            *stem_len = lang->stem(t->norm, t->norm_len, small, small_cap);
            *stem_text = small;
        }
        if (c.is_scale) {
            w->value = c.scale;
            w->flags |= SC_TOKF_SCALE;
        }
    }
    if (stop)
        w->flags |= SC_TOKF_STOP;
    if (c.lists & SC_LIST_BIT(SC_LIST_CURRENCY_WORDS))
        w->flags |= SC_TOKF_CURRENCY;
    if (c.lists & SC_LIST_BIT(SC_LIST_CLAUSE_WORDS))
        w->flags |= SC_TOKF_CLAUSE;
    time_words(date_lang, t, &c, w);
}

/* ---- The word memo ---------------------------------------------------------------------------
 *
 * A word's analysis (stem, lists, date names) depends only on the word, the
 * language and the date language, and news repeats its vocabulary from one
 * document to the next: after the per-document cache above, most of the
 * analysis time went to words the previous documents had already analysed.
 * So each thread keeps the analyses of the last words it met, in a fixed
 * table of thread storage: nothing is allocated or freed, no lock is taken,
 * and since an entry is only ever a copy of what the analysis computes, the
 * results do not depend on what the table holds.  Short words only (nearly
 * every word of running text).
 *
 * Two ways per set, the last used first: a direct-mapped table of the same
 * size lost a sixth of its words to collisions on 200 news pairs (10,300
 * distinct words), and a corpus of 18,000 distinct words overflowed it.  An
 * entry names its (language, date language) by a small index into
 * memo_contexts rather than by a pointer and a copied string, so that it
 * is 64 bytes, not 104. */
enum {
    MEMO_SETS = 16384,   /* a power of two; 2 ways of 64 bytes: 2 MB per thread */
    MEMO_WORD = 20,      /* longest word (and stem) kept, in bytes */
    MEMO_DATE_LANG = 16, /* longest date language kept, with its NUL */
    MEMO_CONTEXTS = 32,  /* (language, date language) pairs a thread keeps words for */
};

typedef struct memo_entry {
    char norm[MEMO_WORD];
    char stem[MEMO_WORD];
    double value;
    sc_time_word time;
    uint16_t flags;
    uint8_t context; /* 1 + its index in memo_contexts; 0: an empty slot */
    uint8_t norm_len;
    uint8_t stem_len;
    bool stem_is_word; /* the stem is spelt as the word: no comparison to tell */
} memo_entry;

_Static_assert(sizeof(memo_entry) == 64, "two entries a set, 2 MB per thread");

typedef struct memo_context {
    const sc_lang *lang;
    bool has_date_lang;
    char date_lang[MEMO_DATE_LANG];
} memo_context;

static _Thread_local memo_entry memo[MEMO_SETS][2];
static _Thread_local memo_context memo_contexts[MEMO_CONTEXTS];
static _Thread_local size_t memo_n_contexts;

/* The memo's index for a text's language and date language (1-based), or
 * 0 when its words cannot be kept: a date language too long, or a thread
 * that met more pairs than it keeps (the contexts are never forgotten, so
 * an index always means one pair). */
static uint8_t memo_context_of(const sc_lang *lang, const char *date_lang)
{
    size_t len = date_lang != NULL ? strlen(date_lang) : 0;
    if (len >= MEMO_DATE_LANG)
        return 0;
    for (size_t k = 0; k < memo_n_contexts; k++) {
        const memo_context *c = &memo_contexts[k];
        if (c->lang == lang && c->has_date_lang == (date_lang != NULL) &&
            (date_lang == NULL || strcmp(c->date_lang, date_lang) == 0))
            return (uint8_t)(k + 1);
    }
    if (memo_n_contexts == MEMO_CONTEXTS)
        return 0;
    memo_context *c = &memo_contexts[memo_n_contexts++];
    c->lang = lang;
    c->has_date_lang = date_lang != NULL;
    if (date_lang != NULL)
        memcpy(c->date_lang, date_lang, len + 1);
    return (uint8_t)memo_n_contexts;
}

static bool memo_matches(const memo_entry *m, uint8_t context, const sc_token *t)
{
    return m->context == context && m->norm_len == t->norm_len &&
           sc_same_bytes(m->norm, t->norm, t->norm_len);
}

/* The entry holding t's analysis in set, moved to the set's first way, or
 * NULL. */
static const memo_entry *memo_find(memo_entry set[2], uint8_t context, const sc_token *t)
{
    if (memo_matches(&set[0], context, t))
        return &set[0];
    if (!memo_matches(&set[1], context, t))
        return NULL;
    memo_entry hit = set[1];
    set[1] = set[0];
    set[0] = hit;
    return &set[0];
}

/* Keeps an analysis in set's first way, the least recently used entry
 * going. */
static void memo_store(memo_entry set[2], uint8_t context, const sc_token *t, const word_info *w,
                       const char *stem, size_t stem_len, bool stem_is_word)
{
    if (stem_len > MEMO_WORD)
        return;
    set[1] = set[0];
    memo_entry *m = &set[0];
    m->context = context;
    m->value = w->value;
    m->flags = w->flags;
    m->time = w->time;
    m->norm_len = (uint8_t)t->norm_len;
    memcpy(m->norm, t->norm, t->norm_len);
    m->stem_len = (uint8_t)stem_len;
    if (stem_len > 0)
        memcpy(m->stem, stem, stem_len);
    m->stem_is_word = stem_is_word;
}

/* The analysis an entry keeps (stem left 0). */
static word_info memo_info(const memo_entry *m)
{
    return (word_info){.flags = m->flags, .value = m->value, .time = m->time};
}

/* What finish reads a text's words with. */
typedef struct finisher {
    const sc_lang *lang;
    const char *date_lang;
    sc_intern *stems;
    uint8_t context;                        /* the memo's, or 0: words are not kept */
    char small[SC_MAX_TOKEN_BYTES * 4 + 8]; /* a stem */
} finisher;

static sc_status finish(finisher *f, sc_arena *scratch, sc_token *tokens, size_t n_tokens,
                        const uint32_t *form_ids, uint32_t n_forms);

/* The id of a word's stem, 0 when out of memory.  A stem spelt as the word
 * itself (stopwords, names, words that are their own stem) is interned as
 * the word's form, which the document keeps, rather than copied;
 * norm_hash: the form's sc_hash_bytes, when has_hash (the memo's set was
 * found by it). */
static uint32_t stem_id(sc_intern *stems, const sc_token *t, const char *stem, size_t stem_len,
                        bool stem_is_word, bool has_hash, uint32_t norm_hash)
{
    if (stem_is_word)
        return has_hash ? sc_intern_add_kept_hashed(stems, t->norm, t->norm_len, norm_hash)
                        : sc_intern_add_kept(stems, t->norm, t->norm_len);
    return sc_intern_add(stems, stem, stem_len);
}

/* *w for a word's spelling: the memo's when it has the word, else
 * analysed (and kept there).  False when out of memory. */
static bool word_spelling(finisher *f, const sc_token *t, word_info *w)
{
    memo_entry *set = NULL;
    const memo_entry *m = NULL;
    uint32_t h = 0;
    if (f->context != 0 && t->norm_len <= MEMO_WORD) {
        h = sc_hash_bytes(t->norm, t->norm_len);
        set = memo[h & (MEMO_SETS - 1)];
        m = memo_find(set, f->context, t);
    }
    const char *stem;
    size_t stem_len;
    bool stem_is_word;
    if (m != NULL) {
        *w = memo_info(m);
        stem = m->stem;
        stem_len = m->stem_len;
        stem_is_word = m->stem_is_word;
    } else {
        analyse_word(f->lang, f->date_lang, t, w, f->small, sizeof f->small, &stem, &stem_len);
        stem_is_word = stem_len == t->norm_len && memcmp(stem, t->norm, stem_len) == 0;
        if (set != NULL)
            memo_store(set, f->context, t, w, stem, stem_len, stem_is_word);
    }
    w->stem = (w->flags & SC_TOKF_NUMWORD)
                  ? number_stem(f->stems, w->value)
                  : stem_id(f->stems, t, stem, stem_len, stem_is_word, set != NULL, h);
    return w->stem != 0;
}

/* *w for t's spelling, of whatever kind.  False when out of memory. */
static bool spelling_info(finisher *f, const sc_token *t, word_info *w)
{
    *w = (word_info){0};
    switch (t->kind) {
    case SC_TOK_PUNCT:
        if (is_currency_symbol(t))
            w->flags = SC_TOKF_CURRENCY;
        return true;
    case SC_TOK_NUMBER:
        if (!sc_number_value(t->norm, t->norm_len, f->lang, &w->value))
            w->value = 0;
        return (w->stem = number_stem(f->stems, w->value)) != 0;
    default:
        return word_spelling(f, t, w);
    }
}

/* Gives t what its spelling is. */
static void apply_spelling(sc_token *t, const word_info *w)
{
    t->stem = w->stem;
    t->flags |= w->flags;
    if (t->kind == SC_TOK_NUMBER || (w->flags & (SC_TOKF_NUMWORD | SC_TOKF_SCALE))) {
        t->value = w->value;
        return;
    }
    if (t->kind != SC_TOK_WORD)
        return;
    t->time = w->time;
    /* "march", "may", "minggu" (week) are dates only when written as
     * names. */
    if ((w->time.time_class & SC_TIMEW_NEEDS_CAPITAL) && !(t->flags & SC_TOKF_CAPITAL))
        t->time.month = t->time.weekday = 0;
}

sc_status sc_tokens_finish(sc_arena *arena, const sc_lang *lang, const char *date_lang,
                           sc_intern *stems, sc_token *tokens, size_t n_tokens,
                           const uint32_t *form_ids, uint32_t n_forms)
{
    /* The per-word table is needed only here: a scratch arena, freed on
     * return, keeps it out of the document's peak memory. */
    (void)arena; /* what lasts (the stems) goes to the stems table's arena */
    sc_arena *scratch = sc_arena_new();
    if (scratch == NULL)
        return SC_ERR_NOMEM;
    finisher f = {lang, date_lang, stems, memo_context_of(lang, date_lang), {0}};
    sc_status st = finish(&f, scratch, tokens, n_tokens, form_ids, n_forms);
    sc_arena_free(scratch);
    return st;
}

static sc_status finish(finisher *f, sc_arena *scratch, sc_token *tokens, size_t n_tokens,
                        const uint32_t *form_ids, uint32_t n_forms)
{
    /* Stemming, the list searches and the reading of numbers are done once
     * per distinct spelling: a news article repeats its words, and the
     * stemmer is the costliest step of the analysis.  sc_tokenize's
     * spelling ids index seen (two spellings of one word, "The" and "the",
     * are two entries analysed alike); analysed[id]: seen[id] is filled. */
    word_info *seen = sc_arena_alloc(scratch, ((size_t)n_forms + 1) * sizeof *seen);
    bool *analysed = sc_arena_calloc(scratch, (size_t)n_forms + 1, sizeof *analysed);
    if (seen == NULL || analysed == NULL)
        return SC_ERR_NOMEM;
    for (size_t i = 0; i < n_tokens; i++) {
        uint32_t id = form_ids[i];
        if (!analysed[id]) {
            analysed[id] = true;
            if (!spelling_info(f, &tokens[i], &seen[id]))
                return SC_ERR_NOMEM;
        }
        apply_spelling(&tokens[i], &seen[id]);
    }
    return SC_OK;
}
