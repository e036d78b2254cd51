/* Tests for text analysis: UTF-8, normalisation, tokens, numbers,
 * sentences, entities, language detection and the language tables. */
#include "harness.h"
#include "core/arena.h"
#include "core/doc.h"
#include "core/intern.h"
#include "lang/date_names.h"
#include "lang/lang.h"
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define N(array) ((int)(sizeof(array) / sizeof((array)[0])))

/* ---- helpers ---------------------------------------------------------- */

/* Each test's arena, made and freed by the fixture so a failing assertion
 * leaks nothing even when CK_FORK=no. */
static sc_arena *test_arena;

static void arena_setup(void)
{
    test_arena = sc_arena_new();
    ck_assert_ptr_nonnull(test_arena);
}

static void arena_teardown(void)
{
    sc_arena_free(test_arena);
    test_arena = NULL;
}

/* Analyses s the way sumcheck.c does: tokenize, finish with the language,
 * split into sentences.  Entities are left to the caller, because they may
 * need a companion text.  Everything lives in arena. */
static sc_analysis *prepare(sc_arena *arena, sc_intern *stems, const char *s, const sc_lang *lang)
{
    sc_text *text = sc_arena_calloc(arena, 1, sizeof *text);
    sc_analysis *a = sc_arena_calloc(arena, 1, sizeof *a);

    ck_assert_ptr_nonnull(text);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(lang);
    text->field = SC_FIELD_SOURCE;
    text->data = s;
    text->len = strlen(s);
    a->text = text;
    ck_assert_int_eq(sc_tokenize(arena, text, &a->tokens, &a->n_tokens, &a->form_ids, &a->n_forms,
                                 &a->word_hashes),
                     SC_OK);
    ck_assert_int_eq(sc_tokens_finish(arena, lang, lang->code, stems, a->tokens, a->n_tokens,
                                      a->form_ids, a->n_forms),
                     SC_OK);
    ck_assert_int_eq(sc_split_sentences(arena, text, lang, a->tokens, a->n_tokens, &a->sentences,
                                        &a->n_sentences),
                     SC_OK);
    return a;
}

/* Only tokenizes (no language work). */
static void tokenize(sc_arena *arena, const char *s, sc_text *text, sc_token **tokens, size_t *n)
{
    memset(text, 0, sizeof *text);
    text->field = SC_FIELD_SOURCE;
    text->data = s;
    text->len = strlen(s);
    uint32_t *form_ids, n_forms;
    uint64_t *word_hashes;
    ck_assert_int_eq(sc_tokenize(arena, text, tokens, n, &form_ids, &n_forms, &word_hashes), SC_OK);
}

/* Appends s[start, end) to out with a "|" before every piece but the first. */
static void join(char *out, size_t cap, const char *s, size_t start, size_t end)
{
    size_t used = strlen(out);
    int k =
        snprintf(out + used, cap - used, "%s%.*s", used ? "|" : "", (int)(end - start), s + start);
    ck_assert_int_ge(k, 0);
    ck_assert_uint_lt(used + (size_t)k, cap);
}

static const sc_lang *lang_of(const char *code)
{
    const sc_lang *lang = sc_lang_find(code);
    ck_assert_msg(lang != NULL, "no language %s", code);
    return lang;
}

/* ---- UTF-8 ------------------------------------------------------------ */

static const struct {
    const char *bytes;
    size_t len;
    bool valid;
    size_t bad;
} utf8_cases[] = {
    {"", 0, true, 0},
    {"Apa kabar?", 10, true, 0},
    {"K\xc3\xa9t\xc3\xa9", 6, true, 0},          /* 2-byte */
    {"\xe2\x80\x9cya\xe2\x80\x9d", 8, true, 0},  /* 3-byte quotes */
    {"\xf0\x9f\x98\x80", 4, true, 0},            /* 4-byte emoji */
    {"\xef\xbf\xbd", 3, true, 0},                /* U+FFFD */
    {"\xf4\x8f\xbf\xbf", 4, true, 0},            /* U+10FFFF, the last */
    {"\xed\x9f\xbf", 3, true, 0},                /* U+D7FF, just below surrogates */
    {"\xee\x80\x80", 3, true, 0},                /* U+E000, just above them */
    {"\xef\xbf\xbe", 3, true, 0},                /* U+FFFE: a noncharacter, still UTF-8 */
    {"ab\x80", 3, false, 2},                     /* lone continuation byte */
    {"ab\xc3", 3, false, 2},                     /* truncated 2-byte */
    {"ab\xc3(", 4, false, 2},                    /* lead byte, no continuation */
    {"\xe2\x82", 2, false, 0},                   /* truncated 3-byte */
    {"xy\xf0\x9f\x98", 5, false, 2},             /* truncated 4-byte */
    {"\xc0\xaf", 2, false, 0},                   /* overlong "/" */
    {"a\xc1\xbf", 3, false, 1},                  /* overlong DEL */
    {"\xe0\x80\xaf", 3, false, 0},               /* overlong, 3 bytes */
    {"\xe0\x9f\xbf", 3, false, 0},               /* overlong U+07FF */
    {"\xf0\x80\x80\xaf", 4, false, 0},           /* overlong, 4 bytes */
    {"\xf0\x8f\xbf\xbf", 4, false, 0},           /* overlong U+FFFF */
    {"\xc0\x80", 2, false, 0},                   /* overlong NUL */
    {"x\xed\xa0\x80", 4, false, 1},              /* high surrogate U+D800 */
    {"\xed\xbf\xbf", 3, false, 0},               /* low surrogate U+DFFF */
    {"ok\xed\xa0\xbd\xed\xb8\x80", 8, false, 2}, /* CESU-8 surrogate pair */
    {"\xf4\x90\x80\x80", 4, false, 0},           /* U+110000 */
    {"\xf5\x80\x80\x80", 4, false, 0},
    {"\xfe", 1, false, 0},
    {"\xff", 1, false, 0},
    {"ab\0cd", 5, false, 2}, /* NUL byte */
    {"\0", 1, false, 0},
    {"K\xc3\xa9\0", 4, false, 3},
    {"K\xc3\xa9t\xc3\xa9\xc3", 7, false, 6}, /* valid, then truncated */
};

START_TEST(test_utf8_valid)
{
    size_t bad = 12345;
    bool valid = sc_utf8_valid(utf8_cases[_i].bytes, utf8_cases[_i].len, &bad);

    ck_assert_msg(valid == utf8_cases[_i].valid, "case %d: valid=%d, want %d", _i, valid,
                  utf8_cases[_i].valid);
    if (!valid)
        ck_assert_msg(bad == utf8_cases[_i].bad, "case %d: bad offset %zu, want %zu", _i, bad,
                      utf8_cases[_i].bad);
    /* A NULL bad pointer is allowed. */
    ck_assert(sc_utf8_valid(utf8_cases[_i].bytes, utf8_cases[_i].len, NULL) == valid);
}
END_TEST

START_TEST(test_utf8_decode)
{
    const char *s = "a\xc3\xa9\xe2\x80\x9c\xf0\x9f\x98\x80";
    static const int32_t want_cp[] = {'a', 0xE9, 0x201C, 0x1F600};
    static const size_t want_len[] = {1, 2, 3, 4};
    size_t len = strlen(s), at = 0;
    int32_t cp;

    ck_assert_uint_eq(sc_utf8_count(s, len), 4);
    for (int k = 0; k < 4; k++) {
        size_t n = sc_utf8_next(s + at, len - at, &cp);
        ck_assert_uint_eq(n, want_len[k]);
        ck_assert_int_eq(cp, want_cp[k]);
        at += n;
    }
    ck_assert_uint_eq(at, len);
    ck_assert_uint_eq(sc_utf8_next(s, 0, &cp), 0);
    ck_assert_int_eq(cp, -1);
    ck_assert_uint_eq(sc_utf8_count("", 0), 0);
}
END_TEST

/* ---- normalisation ---------------------------------------------------- */

static const struct {
    const char *in, *out;
} norm_cases[] = {
    {"\xef\xbc\xa1\xef\xbc\xa2\xef\xbc\xa3", "abc"}, /* fullwidth ＡＢＣ */
    {"Stra\xc3\x9f"
     "e",
     "strasse"},                                  /* ß folds to ss */
    {"don\xe2\x80\x99t", "don't"},                /* curly apostrophe */
    {"\xe2\x80\x98kutip\xe2\x80\x99", "'kutip'"}, /* left one too */
    {"Jakarta SELATAN", "jakarta selatan"},       /* ASCII fast path */
    {"", ""},
    {"123,5 %", "123,5 %"},
    {"e\xcc\x81", "\xc3\xa9"}, /* composed (NFC) */
    {"K\xc3\xa9t\xc3\xa9", "k\xc3\xa9t\xc3\xa9"},
    {"\xc3\x89"
     "COLE",
     "\xc3\xa9"
     "cole"},
    {"\xef\xac\x81nal", "final"}, /* ﬁ ligature */
    {"\xe2\x91\xa0", "1"},        /* circled one */
    {"x\xc2\xb2", "x2"},          /* superscript two */
    {"\xce\xa3\xce\x9f\xce\xa6\xce\x99\xce\x91", "\xcf\x83\xce\xbf\xcf\x86\xce\xb9\xce\xb1"},
};

START_TEST(test_normalize)
{
    sc_arena *arena = test_arena;
    const char *in = norm_cases[_i].in;
    size_t out_len = 999;
    char *out = sc_normalize(arena, in, strlen(in), &out_len);

    ck_assert_ptr_nonnull(out);
    ck_assert_msg(strcmp(out, norm_cases[_i].out) == 0, "\"%s\" -> \"%s\", want \"%s\"", in, out,
                  norm_cases[_i].out);
    ck_assert_uint_eq(out_len, strlen(out));
}
END_TEST

/* ---- tokens ----------------------------------------------------------- */

/* Token texts joined by "|" and their kinds: W word, N number, P punct. */
static const struct {
    const char *text, *tokens, *kinds;
} token_cases[] = {
    {"benar-benar saja", "benar-benar|saja", "WW"},
    {"Don't stop", "Don't|stop", "WW"},
    {"don\xe2\x80\x99t", "don\xe2\x80\x99t", "W"},
    {"O'Brien datang", "O'Brien|datang", "WW"},
    {"COVID-19 menyebar", "COVID-19|menyebar", "WW"},
    {"pasca-2020", "pasca-2020", "W"},
    {"Rp120.000 saja", "Rp|120.000|saja", "WNW"}, /* currency glued to the amount */
    {"Harga 1.300 rupiah", "Harga|1.300|rupiah", "WNW"},
    {"naik 1,3 persen", "naik|1,3|persen", "WNW"},
    {"rose 2.5 percent", "rose|2.5|percent", "WNW"},
    {"1.300.000 orang", "1.300.000|orang", "NW"},
    {"$1,300.50 total", "$|1,300.50|total", "PNW"},
    {"2020-2021", "2020|-|2021", "NPN"},
    {"15th", "15|th", "NW"},
    {"1.300, lalu", "1.300|,|lalu", "NPW"},
    {"naik 5.", "naik|5|.", "WNP"},
    {"pukul 10.30 WIB", "pukul|10.30|WIB", "WNW"},
    {"Selesai.", "Selesai|.", "WP"},
    {"Tunggu... apa?!", "Tunggu|...|apa|?!", "WPWP"},
    {"(kata dia)", "(|kata|dia|)", "PWWP"},
    {"Rappler.com", "Rappler|.|com", "WPW"},
    {"e.g.", "e|.|g|.", "WPWP"},
    {"pra-", "pra|-", "WP"},
    {"semi--final", "semi|-|-|final", "WPPW"},
    {"'tis", "'|tis", "PW"},
    {"\"Ya,\" katanya.", "\"|Ya|,|\"|katanya|.", "PWPPWP"},
    {"\xe2\x80\x9cYa\xe2\x80\x9d", "\xe2\x80\x9c|Ya|\xe2\x80\x9d", "PWP"},
    {"na\xc3\xafve caf\xc3\xa9", "na\xc3\xafve|caf\xc3\xa9", "WW"},
    {"Jakarta, 1 Januari", "Jakarta|,|1|Januari", "WPNW"},
    {"  \n\t ", "", ""},
    {"", "", ""},
};

START_TEST(test_tokens)
{
    sc_arena *arena = test_arena;
    const char *s = token_cases[_i].text;
    sc_text text;
    sc_token *tokens;
    size_t n;
    char got[512] = "", kinds[64] = "";

    tokenize(arena, s, &text, &tokens, &n);
    ck_assert_uint_lt(n, sizeof kinds);
    for (size_t k = 0; k < n; k++) {
        join(got, sizeof got, s, tokens[k].start, tokens[k].end);
        kinds[k] = tokens[k].kind == SC_TOK_WORD     ? 'W'
                   : tokens[k].kind == SC_TOK_NUMBER ? 'N'
                                                     : 'P';
        ck_assert_ptr_nonnull(tokens[k].norm);
        ck_assert_uint_eq(tokens[k].norm_len, strlen(tokens[k].norm));
    }
    ck_assert_msg(strcmp(got, token_cases[_i].tokens) == 0, "\"%s\" -> \"%s\", want \"%s\"", s, got,
                  token_cases[_i].tokens);
    ck_assert_msg(strcmp(kinds, token_cases[_i].kinds) == 0, "\"%s\" kinds %s, want %s", s, kinds,
                  token_cases[_i].kinds);
}
END_TEST

/* Flags token [index] must have and must not have. */
static const struct {
    const char *text;
    size_t index;
    unsigned must, must_not;
} flag_cases[] = {
    {"Jakarta", 0, SC_TOKF_CAPITAL, SC_TOKF_ALLCAPS | SC_TOKF_AFTER_SPACE},
    {"DPR", 0, SC_TOKF_CAPITAL | SC_TOKF_ALLCAPS, 0},
    {"A", 0, SC_TOKF_CAPITAL, SC_TOKF_ALLCAPS},
    {"COVID-19", 0, SC_TOKF_CAPITAL | SC_TOKF_ALLCAPS, 0},
    {"iPhone", 0, 0, SC_TOKF_CAPITAL | SC_TOKF_ALLCAPS},
    {"O'Brien", 0, SC_TOKF_CAPITAL, SC_TOKF_ALLCAPS},
    {"\xc3\x89"
     "clair",
     0, SC_TOKF_CAPITAL, SC_TOKF_ALLCAPS},
    {"\xc3\x89"
     "COLE",
     0, SC_TOKF_CAPITAL | SC_TOKF_ALLCAPS, 0},
    {"kecil", 0, 0, SC_TOKF_CAPITAL | SC_TOKF_ALLCAPS | SC_TOKF_QUOTE},
    {"\"Ya\"", 0, SC_TOKF_QUOTE, SC_TOKF_SENT_END},
    {"\"Ya\"", 2, SC_TOKF_QUOTE, SC_TOKF_AFTER_SPACE},
    {"\xe2\x80\x9cYa\xe2\x80\x9d", 0, SC_TOKF_QUOTE, 0},
    {"\xe2\x80\x9cYa\xe2\x80\x9d", 2, SC_TOKF_QUOTE, 0},
    {"\xe2\x80\x98x\xe2\x80\x99", 0, SC_TOKF_QUOTE, 0},
    {"\xe2\x80\x98x\xe2\x80\x99", 2, SC_TOKF_QUOTE, 0},
    {"\xc2\xaboui\xc2\xbb", 0, SC_TOKF_QUOTE, 0},
    {"\xe2\x80\x9eja\xe2\x80\x9c", 0, SC_TOKF_QUOTE, 0},
    {"Ya.", 1, SC_TOKF_SENT_END, SC_TOKF_QUOTE},
    {"Ya!", 1, SC_TOKF_SENT_END, 0},
    {"Ya?", 1, SC_TOKF_SENT_END, 0},
    {"Ya\xe2\x80\xa6", 1, SC_TOKF_SENT_END, 0},
    {"a,b", 1, 0, SC_TOKF_SENT_END | SC_TOKF_QUOTE},
    {"a b", 1, SC_TOKF_AFTER_SPACE, SC_TOKF_AFTER_BREAK},
    {"a\nb", 1, SC_TOKF_AFTER_SPACE | SC_TOKF_AFTER_BREAK, 0},
    {"a\r\nb", 1, SC_TOKF_AFTER_BREAK, 0},
    {"a\xc2\xa0"
     "b",
     1, SC_TOKF_AFTER_SPACE, SC_TOKF_AFTER_BREAK}, /* no-break space */
    {"ab.", 1, 0, SC_TOKF_AFTER_SPACE},
};

START_TEST(test_token_flags)
{
    sc_arena *arena = test_arena;
    const char *s = flag_cases[_i].text;
    size_t index = flag_cases[_i].index;
    sc_text text;
    sc_token *tokens;
    size_t n;

    tokenize(arena, s, &text, &tokens, &n);
    ck_assert_msg(index < n, "\"%s\" has %zu tokens", s, n);
    unsigned flags = tokens[index].flags;
    ck_assert_msg((flags & flag_cases[_i].must) == flag_cases[_i].must,
                  "\"%s\" token %zu flags 0x%x lack 0x%x", s, index, flags, flag_cases[_i].must);
    ck_assert_msg((flags & flag_cases[_i].must_not) == 0, "\"%s\" token %zu flags 0x%x have 0x%x",
                  s, index, flags, flags & flag_cases[_i].must_not);
}
END_TEST

START_TEST(test_token_norm)
{
    static const struct {
        const char *text, *norm;
    } cases[] = {
        {"Stra\xc3\x9f"
         "e",
         "strasse"},
        {"Don\xe2\x80\x99t", "don't"},
        {"\xef\xbc\xa1\xef\xbc\xa2\xef\xbc\xa3", "abc"},
        {"BENAR-BENAR", "benar-benar"},
    };
    sc_arena *arena = test_arena;

    for (int k = 0; k < N(cases); k++) {
        sc_text text;
        sc_token *tokens;
        size_t n;
        tokenize(arena, cases[k].text, &text, &tokens, &n);
        ck_assert_msg(n == 1, "\"%s\" gives %zu tokens", cases[k].text, n);
        ck_assert_str_eq(tokens[0].norm, cases[k].norm);
        ck_assert_int_eq(tokens[0].kind, SC_TOK_WORD);
    }
}
END_TEST

/* Tokens spelt alike share one form (and one spelling id, by which
 * tokens_finish analyses a form once); spellings that fold alike get equal
 * forms of their own; the words around them still read as they should. */
START_TEST(test_token_shared_forms)
{
    sc_arena *arena = test_arena;
    sc_text text;
    sc_token *tokens;
    size_t n;
    tokenize(arena, "the cat, The cat; THE \xc3\xa9t\xc3\xa9 the \xc3\xa9t\xc3\xa9", &text, &tokens,
             &n);
    ck_assert_uint_eq(n, 10);
    ck_assert_ptr_eq(tokens[0].norm, tokens[8].norm); /* the, the */
    ck_assert_ptr_eq(tokens[1].norm, tokens[4].norm); /* cat, cat */
    ck_assert_ptr_eq(tokens[7].norm, tokens[9].norm); /* été, été */
    ck_assert_ptr_ne(tokens[0].norm, tokens[3].norm); /* the, The */
    ck_assert_str_eq(tokens[3].norm, "the");
    ck_assert_str_eq(tokens[6].norm, "the");
    ck_assert_str_eq(tokens[7].norm, "\xc3\xa9t\xc3\xa9");
    ck_assert_uint_eq(tokens[2].norm_len, 1);
    ck_assert_str_eq(tokens[5].norm, ";");
}
END_TEST

START_TEST(test_token_long_word)
{
    /* A word longer than the token limit is cut, never mid-character. */
    enum { LEN = 3000 };
    sc_arena *arena = test_arena;
    char *s = sc_arena_alloc(arena, LEN + 1);
    sc_text text;
    sc_token *tokens;
    size_t n, total = 0;

    ck_assert_ptr_nonnull(s);
    for (size_t k = 0; k + 1 < LEN; k += 2)
        memcpy(s + k, "\xc3\xa9", 2);
    s[LEN] = '\0';
    tokenize(arena, s, &text, &tokens, &n);
    ck_assert_uint_gt(n, 1);
    for (size_t k = 0; k < n; k++) {
        ck_assert_uint_eq(tokens[k].start, total);
        ck_assert_uint_eq((tokens[k].end - tokens[k].start) % 2, 0);
        ck_assert_int_eq(tokens[k].kind, SC_TOK_WORD);
        total = tokens[k].end;
    }
    ck_assert_uint_eq(total, LEN);
}
END_TEST

/* Forms are folded on the tokenizer's ASCII path when every byte of the
 * token is ASCII, by sc_normalize otherwise: either way the form is
 * sc_normalize's of the token's bytes.  The cases sit on the boundary:
 * non-ASCII at a word's start, middle and end, curly apostrophes and
 * Unicode hyphens inside words, non-ASCII digits, upper case, marks after
 * ASCII letters, punctuation runs, and words long enough for a block of
 * forms of their own. */
static const char *const form_texts[] = {
    "Hello WORLD, hello world!",
    "caf\xc3\xa9 CAF\xc3\x89 \xc3\x89t\xc3\xa9 na\xc3\xafve",
    "don't DON'T Don\xe2\x80\x99t don\xe2\x80\x98t rock'n'roll '90s",
    "COVID-19 twenty-one x\xe2\x80\x90y A\xe2\x80\x91Z benar-benar -dash- end-",
    "Rp120.000 1,300.50 \xd9\xa3\xd9\xa2 12\xd9\xa3 3.14. 2020-2021 15th",
    "e\xcc\x81t\xcc\x81 ABC\xcc\x81 Stra\xc3\x9f"
    "e \xef\xbc\xa1\xef\xbc\xa2"
    "c",
    "Wait... what?! \xe2\x80\xa6 \xc2\xab"
    "quoted\xc2\xbb \xe2\x80\x9cso\xe2\x80\x9d (a) [b] {c} @#$%^&*",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz0123456789 `~_=+|\\<>/",
    "\t\r\n\v\f tab\tline\nbreak\xe2\x80\xa8para\xe2\x80\xa9"
    "end \xc2\xa0nbsp",
};

/* The same text with long words: a form longer than an eighth of a block
 * gets its own allocation, and enough distinct words fill several blocks. */
static char *long_form_text(sc_arena *arena, int variant)
{
    enum { WORDS = 700, LONG = 600 };
    size_t cap = WORDS * 12 + 2 * LONG + 64;
    char *s = sc_arena_alloc(arena, cap), *p = s;
    ck_assert_ptr_nonnull(s);
    for (int k = 0; k < WORDS; k++)
        p += snprintf(p, 16, "%sW%dx ", variant ? "\xc3\xa9" : "", k);
    for (int k = 0; k < LONG; k++)
        *p++ = (char)('A' + k % 26);
    *p++ = ' ';
    for (int k = 0; k < LONG; k++)
        *p++ = (char)('a' + k % 26);
    *p = '\0';
    return s;
}

/* The word hash sc_tokenize gives an ASCII spelling's form, worked out
 * plainly: FNV-1a over the bytes (0 taken as 1) when they are one run of
 * lower-case letters and digits, else 0. */
static uint64_t plain_word_hash(const char *form, size_t len)
{
    uint64_t h = 0xcbf29ce484222325u;
    if (len == 0)
        return 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)form[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')))
            return 0;
        h = (h ^ c) * 0x100000001b3u;
    }
    return h != 0 ? h : 1;
}

/* Forms are sc_normalize's of the tokens' bytes, shared by tokens spelt
 * alike; spelling ids number the forms' addresses in order of first use;
 * an ASCII spelling's word hash is plain_word_hash of its form, any other
 * spelling's 0 ("Straße" folds to "strasse", cut by score.c). */
static void check_forms(sc_arena *arena, const char *s)
{
    sc_text text = {0};
    sc_token *tokens;
    size_t n;
    uint32_t *form_ids, n_forms, last_id = 0;
    uint64_t *word_hashes;
    text.field = SC_FIELD_SOURCE;
    text.data = s;
    text.len = strlen(s);
    ck_assert_int_eq(sc_tokenize(arena, &text, &tokens, &n, &form_ids, &n_forms, &word_hashes),
                     SC_OK);
    ck_assert_uint_gt(n, 0);
    ck_assert_uint_eq(word_hashes[0], 0);
    for (size_t k = 0; k < n; k++) {
        const sc_token *t = &tokens[k];
        uint32_t id = form_ids[k];
        SC_CHECK(id >= 1 && id <= last_id + 1, "token %zu: id %u after %u", k, id, last_id);
        bool seen = false, agree = true;
        for (size_t j = 0; j < k; j++) {
            agree &= (form_ids[j] == id) == (tokens[j].norm == t->norm);
            seen |= form_ids[j] == id;
        }
        SC_CHECK(agree, "token %zu \"%s\": one id, not one form", k, t->norm);
        SC_CHECK(seen == (id <= last_id), "token %zu: id %u seen %d", k, id, seen);
        if (id > last_id)
            last_id = id;
        bool ascii = true;
        for (uint32_t i = t->start; i < t->end; i++)
            ascii &= (unsigned char)s[i] < 0x80;
        uint64_t want = ascii ? plain_word_hash(t->norm, t->norm_len) : 0;
        SC_CHECK(word_hashes[id] == want, "token %zu \"%s\": word hash %llx, want %llx", k, t->norm,
                 (unsigned long long)word_hashes[id], (unsigned long long)want);
    }
    ck_assert_uint_eq(n_forms, last_id);
    for (size_t k = 0; k < n; k++) {
        const sc_token *t = &tokens[k];
        size_t len = 0;
        const char *want = sc_normalize(arena, s + t->start, t->end - t->start, &len);
        SC_CHECK(want != NULL, "token %zu: sc_normalize failed", k);
        SC_CHECK(t->norm_len == len && memcmp(t->norm, want, len) == 0 && t->norm[len] == '\0',
                 "token %zu \"%.*s\": form \"%s\", sc_normalize \"%s\"", k,
                 (int)(t->end - t->start), s + t->start, t->norm, want);
        /* Spelt alike, one form. */
        for (size_t j = 0; j < k; j++)
            if (tokens[j].end - tokens[j].start == t->end - t->start &&
                memcmp(s + tokens[j].start, s + t->start, t->end - t->start) == 0) {
                SC_CHECK(tokens[j].norm == t->norm, "tokens %zu and %zu: one spelling, two forms",
                         j, k);
                break;
            }
    }
}

START_TEST(test_token_forms_fold)
{
    check_forms(test_arena, form_texts[_i]);
}
END_TEST

START_TEST(test_token_forms_long)
{
    check_forms(test_arena, long_form_text(test_arena, _i));
}
END_TEST

/* Every ASCII byte in a word, before it and after it: the ASCII path
 * folds it as sc_normalize does. */
START_TEST(test_token_forms_every_ascii_byte)
{
    for (int b = 1; b < 0x80; b++) {
        char s[16];
        snprintf(s, sizeof s, "%cAb%cZ9%c", b, b, b);
        check_forms(test_arena, s);
    }
}
END_TEST

/* ---- tokens, worked out plainly --------------------------------------- */

/* The tokenizer's classes, a code point at a time (sumcheck reads ASCII
 * by table and stops a word's letters early: these say what it must
 * find). */
typedef enum { P_SPACE, P_BREAK, P_LETTER, P_DIGIT, P_OTHER } plain_class;

static plain_class plain_class_of(int32_t cp)
{
    if (cp == '\n' || cp == 0x85 || cp == 0x2028 || cp == 0x2029)
        return P_BREAK;
    if (cp == ' ' || cp == '\t' || cp == '\r' || cp == '\v' || cp == '\f')
        return P_SPACE;
    if (cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z' ? P_LETTER
               : cp >= '0' && cp <= '9'                 ? P_DIGIT
                                                        : P_OTHER;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return P_LETTER;
    case UTF8PROC_CATEGORY_ND:
        return P_DIGIT;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_CC:
        return P_SPACE;
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        return P_BREAK;
    default:
        return P_OTHER;
    }
}

/* The class of the code point at s[i], its value and length in *cp, *n;
 * P_SPACE past the end. */
static plain_class plain_at(const char *s, size_t len, size_t i, int32_t *cp, size_t *n)
{
    *cp = -1;
    *n = 0;
    if (i >= len)
        return P_SPACE;
    *n = sc_utf8_next(s + i, len - i, cp);
    return plain_class_of(*cp);
}

/* The end of the word at i: letters, digits after digits, and an
 * apostrophe or hyphen before a letter (a hyphen also before a digit). */
static size_t plain_word_end(const char *s, size_t len, size_t i)
{
    size_t limit = i + 256; /* SC_MAX_TOKEN_BYTES */
    plain_class prev = P_LETTER;
    while (i < len && i < limit) {
        int32_t cp, next_cp;
        size_t n, next_n;
        plain_class c = plain_at(s, len, i, &cp, &n);
        if (c == P_LETTER || (c == P_DIGIT && prev == P_DIGIT)) {
            prev = c;
            i += n;
            continue;
        }
        bool hyphen = cp == '-' || cp == 0x2010 || cp == 0x2011;
        if (hyphen || cp == '\'' || cp == 0x2019) {
            plain_class next = plain_at(s, len, i + n, &next_cp, &next_n);
            if (next == P_LETTER || (hyphen && next == P_DIGIT)) {
                prev = next == P_DIGIT ? P_DIGIT : P_LETTER;
                i += n;
                continue;
            }
        }
        break;
    }
    return i;
}

static bool plain_upper(int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

/* CAPITAL and ALLCAPS of the word s[start, end), counted over all of it. */
static unsigned plain_capital_flags(const char *s, size_t start, size_t end)
{
    int32_t cp;
    sc_utf8_next(s + start, end - start, &cp);
    if (!plain_upper(cp))
        return 0;
    size_t upper = 0, lower = 0;
    for (size_t j = start; j < end;) {
        j += sc_utf8_next(s + j, end - j, &cp);
        upper += plain_upper(cp);
        lower += utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
    }
    return SC_TOKF_CAPITAL | (lower == 0 && upper >= 2 ? SC_TOKF_ALLCAPS : 0);
}

/* Pieces of the texts below: ASCII and other letters, marks, digits,
 * apostrophes and hyphens of both kinds, spaces, breaks and marks. */
static const char *const token_pieces[] = {
    "a",
    "b",
    "Z",
    "Q",
    "The",
    "DPR",
    "\xc3\xa9",
    "\xc3\x89",
    "\xc3\x9f",
    "\xc7\x85",
    "\xcc\x81",
    "'",
    "\xe2\x80\x99",
    "-",
    "\xe2\x80\x90",
    "\xe2\x80\x91",
    "1",
    "9",
    "\xd9\xa3",
    ".",
    ",",
    " ",
    "\n",
    "\t",
    "\xc2\xa0",
    "\xe2\x80\xa8",
    "?",
    "!",
    "\"",
    "\xe2\x80\xa6",
    "$",
    "_",
    "@",
    "[",
    "`",
    "{",
    "\x01",
    "\x7f",
    "ab",
    "cd",
};

/* Text number k of the random ones: up to 60 pieces, by a fixed LCG. */
static char *random_token_text(sc_arena *arena, int k)
{
    uint32_t state = 2654435761u * (uint32_t)(k + 1);
    size_t cap = 60 * 4 + 1, used = 0;
    char *s = sc_arena_alloc(arena, cap);
    ck_assert_ptr_nonnull(s);
    state = state * 1664525u + 1013904223u;
    size_t pieces = 1 + (state >> 16) % 60;
    for (size_t p = 0; p < pieces; p++) {
        state = state * 1664525u + 1013904223u;
        const char *piece = token_pieces[(state >> 16) % N(token_pieces)];
        size_t len = strlen(piece);
        memcpy(s + used, piece, len);
        used += len;
    }
    s[used] = '\0';
    return s;
}

/* Long runs for the token limit: a word cut at SC_MAX_TOKEN_BYTES with an
 * apostrophe, a hyphen or a capital just before or after the cut. */
static char *long_token_text(sc_arena *arena, int k)
{
    static const char *const tails[] = {"'s", "-b", "-9", "B", "\xc3\xa9", "'", "-", " x"};
    size_t run = 250 + (size_t)k % 8;
    const char *tail = tails[k / 8 % N(tails)];
    char *s = sc_arena_alloc(arena, run + 8);
    ck_assert_ptr_nonnull(s);
    for (size_t i = 0; i < run; i++)
        s[i] = k >= 32 ? 'A' : 'a';
    strcpy(s + run, tail);
    return s;
}

/* sc_tokenize's spans, kinds, capital and spacing flags are the plain
 * reading's. */
static void check_plain_tokens(sc_arena *arena, const char *s)
{
    sc_text text;
    sc_token *tokens;
    size_t n, k = 0, len = strlen(s);
    unsigned after = 0; /* AFTER_SPACE and AFTER_BREAK of the next token */
    tokenize(arena, s, &text, &tokens, &n);
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t cp_len;
        plain_class c = plain_at(s, len, i, &cp, &cp_len);
        if (c == P_SPACE || c == P_BREAK) {
            after |= SC_TOKF_AFTER_SPACE | (c == P_BREAK ? SC_TOKF_AFTER_BREAK : 0);
            i += cp_len;
            continue;
        }
        size_t end = i + cp_len;
        unsigned kind = SC_TOK_PUNCT, flags = 0;
        if (c == P_LETTER) {
            kind = SC_TOK_WORD;
            end = plain_word_end(s, len, i);
            flags = plain_capital_flags(s, i, end);
        } else if (c == P_DIGIT) {
            kind = SC_TOK_NUMBER;
            end = i;
            for (size_t limit = i + 256; end < len && end < limit;) {
                int32_t d, next;
                size_t dn, next_n;
                plain_class dc = plain_at(s, len, end, &d, &dn);
                if (dc == P_DIGIT || ((d == '.' || d == ',') &&
                                      plain_at(s, len, end + dn, &next, &next_n) == P_DIGIT))
                    end += dn;
                else
                    break;
            }
        } else if (cp == '.' || cp == '!' || cp == '?' || cp == 0x2026) {
            while (end < len && (s[end] == '.' || s[end] == '!' || s[end] == '?'))
                end++;
        }
        SC_CHECK(k < n, "\"%s\": %zu tokens, want more", s, n);
        const sc_token *t = &tokens[k];
        SC_CHECK(t->start == i && t->end == end && t->kind == kind,
                 "\"%s\" token %zu: [%u, %u) kind %d, want [%zu, %zu) kind %u", s, k, t->start,
                 t->end, t->kind, i, end, kind);
        SC_CHECK((t->flags & (SC_TOKF_CAPITAL | SC_TOKF_ALLCAPS)) == flags,
                 "\"%s\" token %zu \"%.*s\": flags 0x%x, want capital flags 0x%x", s, k,
                 (int)(end - i), s + i, t->flags, flags);
        SC_CHECK((t->flags & (SC_TOKF_AFTER_SPACE | SC_TOKF_AFTER_BREAK)) == after,
                 "\"%s\" token %zu: flags 0x%x, want spacing flags 0x%x", s, k, t->flags, after);
        after = 0;
        k++;
        i = end;
    }
    SC_CHECK(k == n, "\"%s\": %zu tokens, want %zu", s, n, k);
}

START_TEST(test_token_words_plain)
{
    check_plain_tokens(test_arena, random_token_text(test_arena, _i));
}
END_TEST

START_TEST(test_token_words_plain_long)
{
    check_plain_tokens(test_arena, long_token_text(test_arena, _i));
}
END_TEST

/* ---- the tokenizer's fast paths, against the plain reading ------------- */

/* A run of 0 to 17 ASCII letters at offset 0 or 1, ended by every ASCII
 * byte (then by "\xc3\xa9", a letter of two bytes), with 0 or 12 letters
 * after it: the word scan tests eight bytes a step and must stop where the
 * plain reading does, in every lane of a step, in the bytes after the last
 * whole step and near the end of the text. */
START_TEST(test_token_letter_runs)
{
    int b = _i + 1;
    for (int lead = 0; lead < 2; lead++)
        for (int run = 0; run < 18; run++)
            for (int tail = 0; tail <= 12; tail += 12) {
                char s[64], *p = s;
                for (int k = 0; k < lead; k++)
                    *p++ = ' ';
                for (int k = 0; k < run; k++)
                    *p++ = (char)((k % 3 == 1 ? 'A' : 'a') + (k * 7 + b) % 26);
                if (b < 0x80) {
                    *p++ = (char)b;
                } else {
                    *p++ = '\xc3';
                    *p++ = '\xa9';
                }
                for (int k = 0; k < tail; k++)
                    *p++ = (char)('z' - k % 26);
                *p = '\0';
                check_plain_tokens(test_arena, s);
                if (run > 0 && tail > 0)
                    check_forms(test_arena, s);
            }
}
END_TEST

/* Text number k of 1 to 60 words of "a"s, each with at most one other
 * letter, of lengths on either side of 4, 8, 16 and 32 bytes: words of
 * one length differ in a byte or two, at any place, or not at all. */
static char *shared_head_text(sc_arena *arena, int k)
{
    static const size_t lengths[] = {1,  2,  3,  4,  5,  7,  8,  9,  10, 11,
                                     12, 15, 16, 17, 19, 24, 25, 33, 40};
    static const char others[] = "bAB'-";
    uint32_t state = 2246822519u * (uint32_t)(k + 1);
    char *s = sc_arena_alloc(arena, 60 * 41 + 1), *p = s;
    ck_assert_ptr_nonnull(s);
    state = state * 1664525u + 1013904223u;
    size_t words = 1 + (state >> 16) % 60;
    for (size_t w = 0; w < words; w++) {
        state = state * 1664525u + 1013904223u;
        size_t len = lengths[(state >> 16) % (sizeof lengths / sizeof lengths[0])];
        state = state * 1664525u + 1013904223u;
        size_t other = (state >> 16) % (2 * len), which = (state >> 8) % (sizeof others - 1);
        for (size_t i = 0; i < len; i++)
            *p++ = i == other ? others[which] : 'a';
        *p++ = w + 1 < words ? ' ' : '\0';
    }
    return s;
}

/* Two tokens have one spelling id exactly when their bytes are the same:
 * the spellings table compares a spelling's first eight bytes as one
 * number, and the rest with loads that may overlap. */
START_TEST(test_token_spelling_ids)
{
    const char *s = shared_head_text(test_arena, _i);
    sc_text text = {0};
    sc_token *tokens;
    size_t n;
    uint32_t *form_ids, n_forms;
    uint64_t *word_hashes;
    text.field = SC_FIELD_SOURCE;
    text.data = s;
    text.len = strlen(s);
    ck_assert_int_eq(sc_tokenize(test_arena, &text, &tokens, &n, &form_ids, &n_forms, &word_hashes),
                     SC_OK);
    for (size_t k = 0; k < n; k++)
        for (size_t j = 0; j < k; j++) {
            uint32_t len = tokens[k].end - tokens[k].start;
            bool same = tokens[j].end - tokens[j].start == len &&
                        memcmp(s + tokens[j].start, s + tokens[k].start, len) == 0;
            SC_CHECK(same == (form_ids[j] == form_ids[k]), "\"%.*s\" and \"%.*s\": ids %u and %u",
                     (int)len, s + tokens[k].start, (int)(tokens[j].end - tokens[j].start),
                     s + tokens[j].start, form_ids[k], form_ids[j]);
        }
    check_forms(test_arena, s);
}
END_TEST

/* sc_same_bytes is memcmp's answer: words of _i bytes alike, then
 * differing at each place in turn, in the lowest, the highest or every
 * bit, read at each alignment. */
START_TEST(test_same_bytes)
{
    size_t len = (size_t)_i;
    char a[48], b[48];
    for (size_t shift = 0; shift < 8; shift++) {
        char *x = a + shift, *y = b + (7 - shift);
        for (size_t i = 0; i < len; i++)
            x[i] = y[i] = (char)('a' + i % 26);
        SC_CHECK(sc_same_bytes(x, y, len), "length %zu, shift %zu: alike", len, shift);
        for (size_t at = 0; at < len; at++)
            for (int f = 0; f < 3; f++) {
                static const unsigned char flips[] = {0x01, 0x80, 0xFF};
                y[at] = (char)(x[at] ^ flips[f]);
                SC_CHECK(!sc_same_bytes(x, y, len), "length %zu, byte %zu differs", len, at);
                SC_CHECK(!sc_same_bytes(y, x, len), "length %zu, byte %zu differs", len, at);
                y[at] = x[at];
            }
    }
}
END_TEST

/* Words of _i + 1 "a"s, and the same with a "b" at each place in turn,
 * before and after it: every place of a word, whichever way the table
 * compares it, tells two spellings apart. */
START_TEST(test_token_spelling_one_byte)
{
    size_t len = (size_t)_i + 1;
    for (size_t at = 0; at < len; at++)
        for (int order = 0; order < 2; order++) {
            char *s = sc_arena_alloc(test_arena, 3 * (len + 1)), *p = s;
            ck_assert_ptr_nonnull(s);
            for (int w = 0; w < 3; w++) {
                for (size_t i = 0; i < len; i++)
                    *p++ = w == 1 + order && i == at ? 'b' : 'a';
                *p++ = w < 2 ? ' ' : '\0';
            }
            sc_text text;
            sc_token *tokens;
            size_t n;
            uint32_t *form_ids, n_forms;
            uint64_t *word_hashes;
            memset(&text, 0, sizeof text);
            text.field = SC_FIELD_SOURCE;
            text.data = s;
            text.len = strlen(s);
            ck_assert_int_eq(
                sc_tokenize(test_arena, &text, &tokens, &n, &form_ids, &n_forms, &word_hashes),
                SC_OK);
            ck_assert_uint_eq(n, 3);
            SC_CHECK(n_forms == 2 && form_ids[0] == form_ids[order ? 1 : 2] &&
                         form_ids[1 + order] != form_ids[0],
                     "\"%s\": ids %u %u %u", s, form_ids[0], form_ids[1], form_ids[2]);
        }
}
END_TEST

/* ---- finishing, spelling by spelling ------------------------------------ */

/* Texts that repeat spellings of every kind: words in three cases,
 * stopwords, words with a stem of their own, month names that need their
 * capital, numbers with separators, number and scale words, currency
 * signs and words, clause words. */
static const struct {
    const char *lang, *text;
} finish_cases[] = {
    {"en", "The the THE running Running runs May may MAY Monday's monday $ $ \xe2\x82\xac "
           "1,300 1.300 1,300 3.5 three Three million Million dollars And and but , . ? ! "
           "\" ' running the $ 1,300"},
    {"id", "Yang yang YANG berlari Berlari Rp 1.300 1,3 1.300 tiga Tiga juta Juta rupiah "
           "Mei mei Minggu minggu tetapi Tetapi , . berlari yang Rp 1.300"},
};

/* The stem's text of t (an empty string for none). */
static const char *stem_text(const sc_intern *stems, const sc_token *t)
{
    return t->stem != 0 ? sc_intern_str(stems, t->stem, NULL) : "";
}

/* sc_tokens_finish reads each distinct spelling once (and a word from the
 * thread's memo when met before): every token of a text gets what the
 * token alone gets, in a text of its own. */
START_TEST(test_finish_per_spelling)
{
    sc_arena *arena = test_arena;
    const sc_lang *lang = lang_of(finish_cases[_i].lang);
    const unsigned finish_flags = SC_TOKF_CAPITAL | SC_TOKF_STOP | SC_TOKF_NUMWORD | SC_TOKF_SCALE |
                                  SC_TOKF_CURRENCY | SC_TOKF_CLAUSE;
    sc_intern *stems = sc_intern_new(arena);
    ck_assert_ptr_nonnull(stems);
    const char *s = finish_cases[_i].text;
    const sc_analysis *all = prepare(arena, stems, s, lang);
    for (size_t k = 0; k < all->n_tokens; k++) {
        const sc_token *t = &all->tokens[k];
        char *alone_text = sc_arena_strndup(arena, s + t->start, t->end - t->start);
        sc_intern *alone_stems = sc_intern_new(arena);
        ck_assert_ptr_nonnull(alone_text);
        ck_assert_ptr_nonnull(alone_stems);
        const sc_analysis *alone = prepare(arena, alone_stems, alone_text, lang);
        ck_assert_uint_eq(alone->n_tokens, 1);
        const sc_token *a = &alone->tokens[0];
        ck_assert_int_eq(a->kind, t->kind);
        ck_assert_msg((a->flags & finish_flags) == (t->flags & finish_flags),
                      "\"%s\": flags 0x%x in the text, 0x%x alone", alone_text, t->flags, a->flags);
        ck_assert_str_eq(stem_text(stems, t), stem_text(alone_stems, a));
        if (t->kind == SC_TOK_NUMBER || (t->flags & (SC_TOKF_NUMWORD | SC_TOKF_SCALE)))
            ck_assert_msg(a->value == t->value, "\"%s\": value %g in the text, %g alone",
                          alone_text, t->value, a->value);
        sc_time_word tt = sc_token_time(t), at = sc_token_time(a);
        ck_assert_msg(tt.month == at.month && tt.weekday == at.weekday &&
                          tt.time_class == at.time_class && tt.relative_day == at.relative_day &&
                          tt.unit_days == at.unit_days,
                      "\"%s\": another temporal reading alone", alone_text);
    }
}
END_TEST

/* ---- numbers ---------------------------------------------------------- */

static const struct {
    const char *lang, *s;
    bool ok;
    double value;
} number_cases[] = {
    {"id", "1.300", true, 1300},
    {"id", "1,3", true, 1.3},
    {"id", "1.300.000", true, 1300000},
    {"id", "1.300,5", true, 1300.5},
    {"id", "1.300.000,25", true, 1300000.25},
    {"id", "0,75", true, 0.75},
    {"id", "2.5", true, 2.5}, /* one digit after "." cannot be a group */
    {"id", "12", true, 12},
    {"id", "2024", true, 2024},
    {"en", "1,300", true, 1300},
    {"en", "1.5", true, 1.5},
    {"en", "2.5", true, 2.5},
    {"en", "1,300.50", true, 1300.5},
    {"en", "1,300,000", true, 1300000},
    {"en", "1.300,5", true, 1300.5}, /* both separators: the last is the decimal one */
    {"en", "0.75", true, 0.75},
    {"en", "7", true, 7},
    {"en", "", false, 0},
    {"en", "12a", false, 0},
    {"en", "1-2", false, 0},
    {"id", "abc", false, 0},
    {"id", "-5", false, 0},
};

START_TEST(test_number_value)
{
    const sc_lang *lang = lang_of(number_cases[_i].lang);
    const char *s = number_cases[_i].s;
    double value = -12345;
    bool ok = sc_number_value(s, strlen(s), lang, &value);

    ck_assert_msg(ok == number_cases[_i].ok, "%s \"%s\": ok=%d", number_cases[_i].lang, s, ok);
    if (ok)
        ck_assert_msg(value > number_cases[_i].value - 1e-9 &&
                          value < number_cases[_i].value + 1e-9,
                      "%s \"%s\" = %.17g, want %.17g", number_cases[_i].lang, s, value,
                      number_cases[_i].value);
}
END_TEST

/* The value a number token gets once the language is known. */
static const struct {
    const char *lang, *text;
    double value;
} number_token_cases[] = {
    {"id", "Harga naik menjadi 1.300 rupiah.", 1300},
    {"id", "Inflasi naik 1,3 persen.", 1.3},
    {"id", "Sebanyak 1.300.000 warga terdampak.", 1300000},
    {"en", "Prices rose to 1,300 dollars.", 1300},
    {"en", "Growth was 1.5 percent.", 1.5},
    {"en", "It cost 1,300.50 dollars.", 1300.5},
    /* Indonesian news writes the currency against the amount. */
    {"id", "Nilai proyek itu Rp1,3 triliun.", 1.3},
};

START_TEST(test_number_tokens)
{
    sc_arena *arena = test_arena;
    sc_intern *stems = sc_intern_new(arena);
    const sc_analysis *a =
        prepare(arena, stems, number_token_cases[_i].text, lang_of(number_token_cases[_i].lang));
    size_t numbers = 0;

    for (size_t k = 0; k < a->n_tokens; k++) {
        if (a->tokens[k].kind != SC_TOK_NUMBER)
            continue;
        numbers++;
        double v = a->tokens[k].value, want = number_token_cases[_i].value;
        ck_assert_msg(v > want - 1e-9 && v < want + 1e-9,
                      "\"%s\": number token \"%.*s\" = %g, want %g", number_token_cases[_i].text,
                      (int)(a->tokens[k].end - a->tokens[k].start),
                      number_token_cases[_i].text + a->tokens[k].start, v, want);
        ck_assert_uint_ne(a->tokens[k].stem, 0);
    }
    ck_assert_uint_eq(numbers, 1);
}
END_TEST

/* ---- sentences -------------------------------------------------------- */

/* Sentences as their text, joined by "|". */
static const struct {
    const char *lang, *text, *sentences;
} sentence_cases[] = {
    /* Abbreviations and initials. */
    {"id", "Dr. Budi datang pagi ini. Dia pulang sore.",
     "Dr. Budi datang pagi ini.|Dia pulang sore."},
    {"id", "Kantornya di Jl. Merdeka No. 5. Gedungnya tinggi.",
     "Kantornya di Jl. Merdeka No. 5.|Gedungnya tinggi."},
    {"en", "Mr. Smith met Dr. Jones. They talked.", "Mr. Smith met Dr. Jones.|They talked."},
    {"en", "George W. Bush visited Texas. He spoke briefly.",
     "George W. Bush visited Texas.|He spoke briefly."},
    {"en", "J.K. Rowling wrote it. Fans agreed.", "J.K. Rowling wrote it.|Fans agreed."},
    /* "no" is an abbreviation before a number only. */
    {"en", "Voters said no. The plan failed.", "Voters said no.|The plan failed."},
    /* List-closing abbreviations end a sentence before a capitalised word. */
    {"id", "Mereka membeli beras, gula, dll. Setelah itu mereka pulang.",
     "Mereka membeli beras, gula, dll.|Setelah itu mereka pulang."},
    {"en", "They sell rice, sugar, etc. The shop opens daily.",
     "They sell rice, sugar, etc.|The shop opens daily."},
    /* Decimals. */
    {"id", "Inflasi naik 2,5 persen. Harga stabil.", "Inflasi naik 2,5 persen.|Harga stabil."},
    {"en", "The rate was 2.5 percent. Prices held.", "The rate was 2.5 percent.|Prices held."},
    {"id", "Suhunya 36.6 derajat. Dia demam.", "Suhunya 36.6 derajat.|Dia demam."},
    /* Closing quotes and brackets after the mark. */
    {"id", "Dia berkata, \"Kami siap.\" Lalu dia pergi.",
     "Dia berkata, \"Kami siap.\"|Lalu dia pergi."},
    {"id", "\xe2\x80\x9cKami siap.\xe2\x80\x9d Lalu dia pergi.",
     "\xe2\x80\x9cKami siap.\xe2\x80\x9d|Lalu dia pergi."},
    {"en", "He said, 'We won.' Then he left.", "He said, 'We won.'|Then he left."},
    {"id", "(Ini catatan.) Berikutnya berita.", "(Ini catatan.)|Berikutnya berita."},
    /* Other end marks. */
    {"id", "Benarkah itu? Ya, benar!", "Benarkah itu?|Ya, benar!"},
    {"id", "Apa?! Tidak mungkin.", "Apa?!|Tidak mungkin."},
    {"id", "Dia ragu... Lalu dia pergi.", "Dia ragu...|Lalu dia pergi."},
    {"id", "Dia ragu\xe2\x80\xa6 Lalu dia pergi.", "Dia ragu\xe2\x80\xa6|Lalu dia pergi."},
    {"id", "Tunggu...lalu pergi.", "Tunggu...lalu pergi."},
    /* Line breaks. */
    {"id", "Judul Berita Hari Ini\nPemerintah mengumumkan rencana baru.",
     "Judul Berita Hari Ini|Pemerintah mengumumkan rencana baru."},
    {"id", "Harga beras naik karena\npasokan berkurang.",
     "Harga beras naik karena\npasokan berkurang."},
    {"id", "Harga naik.\nharga turun.", "Harga naik.|harga turun."},
    {"id", "\xe2\x80\xa2 Poin pertama\n\xe2\x80\xa2 Poin kedua",
     "\xe2\x80\xa2 Poin pertama|\xe2\x80\xa2 Poin kedua"},
    {"id", "Paragraf satu.\n\nParagraf dua.", "Paragraf satu.|Paragraf dua."},
    /* A web domain is not a boundary. */
    {"id", "Laporan itu dimuat Rappler.com pada Senin. Isinya singkat.",
     "Laporan itu dimuat Rappler.com pada Senin.|Isinya singkat."},
    {"id", "Baca di Rappler.com. Terima kasih.", "Baca di Rappler.com.|Terima kasih."},
    /* No end mark at all. */
    {"en", "no end mark here", "no end mark here"},
};

START_TEST(test_sentences)
{
    sc_arena *arena = test_arena;
    sc_intern *stems = sc_intern_new(arena);
    const char *s = sentence_cases[_i].text;
    const sc_analysis *a = prepare(arena, stems, s, lang_of(sentence_cases[_i].lang));
    char got[512] = "";

    for (size_t k = 0; k < a->n_sentences; k++) {
        const sc_sentence *sent = &a->sentences[k];
        join(got, sizeof got, s, sent->start, sent->end);
        ck_assert_uint_lt(sent->tok_begin, sent->tok_end);
        ck_assert_uint_eq(sent->start, a->tokens[sent->tok_begin].start);
        ck_assert_uint_eq(sent->end, a->tokens[sent->tok_end - 1].end);
        /* Sentences tile the tokens. */
        ck_assert_uint_eq(sent->tok_begin, k == 0 ? 0 : a->sentences[k - 1].tok_end);
    }
    if (a->n_sentences > 0)
        ck_assert_uint_eq(a->sentences[a->n_sentences - 1].tok_end, a->n_tokens);
    ck_assert_msg(strcmp(got, sentence_cases[_i].sentences) == 0,
                  "%s \"%s\"\n  -> \"%s\"\n  want \"%s\"", sentence_cases[_i].lang, s, got,
                  sentence_cases[_i].sentences);
}
END_TEST

START_TEST(test_sentence_start_flags)
{
    sc_arena *arena = test_arena;
    sc_intern *stems = sc_intern_new(arena);
    const char *s = "\"Kami siap,\" kata dia. (Lalu) dia pergi.";
    const sc_analysis *a = prepare(arena, stems, s, lang_of("id"));
    char starts[128] = "";

    ck_assert_uint_eq(a->n_sentences, 2);
    for (size_t k = 0; k < a->n_tokens; k++)
        if (a->tokens[k].flags & SC_TOKF_SENT_START)
            join(starts, sizeof starts, s, a->tokens[k].start, a->tokens[k].end);
    ck_assert_str_eq(starts, "Kami|Lalu");
}
END_TEST

START_TEST(test_sentences_empty)
{
    static const char *const texts[] = {"", "   ", "\n\n"};
    sc_arena *arena = test_arena;
    sc_intern *stems = sc_intern_new(arena);

    for (int k = 0; k < N(texts); k++) {
        const sc_analysis *a = prepare(arena, stems, texts[k], lang_of("id"));
        ck_assert_uint_eq(a->n_tokens, 0);
        ck_assert_uint_eq(a->n_sentences, 0);
    }
}
END_TEST

START_TEST(test_sentences_long_run)
{
    /* A run of words with no end mark is cut into bounded pieces. */
    enum { WORDS = 1000 };
    sc_arena *arena = test_arena;
    char *s = sc_arena_alloc(arena, WORDS * 5 + 1);
    sc_intern *stems = sc_intern_new(arena);

    ck_assert_ptr_nonnull(s);
    for (int k = 0; k < WORDS; k++)
        memcpy(s + k * 5, "kata ", 5);
    s[WORDS * 5] = '\0';
    const sc_analysis *a = prepare(arena, stems, s, lang_of("id"));
    ck_assert_uint_eq(a->n_tokens, WORDS);
    ck_assert_uint_eq(a->n_sentences, 3);
    ck_assert_uint_eq(a->sentences[0].tok_end, 400);
    ck_assert_uint_eq(a->sentences[1].tok_end, 800);
    ck_assert_uint_eq(a->sentences[2].tok_end, WORDS);
}
END_TEST

/* sentence.c finds ends by skipping the tokens that cannot end a sentence;
 * the plain walk below looks at every token, as the rules in sentence.c
 * state them.  Both must cut random texts of words, abbreviations, marks,
 * closers and line breaks alike, long ones (past 128 sentences, where the
 * list has grown several times, and the 400-token cap) too. */

static bool plain_closer(const sc_text *text, const sc_token *t)
{
    char c = text->data[t->start];
    return (t->flags & SC_TOKF_QUOTE) || (t->end - t->start == 1 && (c == ')' || c == ']'));
}

static bool plain_after_abbreviation(const sc_text *text, const sc_lang *lang,
                                     const sc_token *tokens, size_t i, const sc_token *next)
{
    if (i == 0 || text->data[tokens[i].start] != '.' || tokens[i].end - tokens[i].start != 1)
        return false;
    const sc_token *prev = &tokens[i - 1];
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
    return prev->norm_len == 1 && (prev->flags & SC_TOKF_CAPITAL);
}

/* Whether a sentence that began at tokens[begin] ends before tokens[i]. */
static bool plain_boundary(const sc_text *text, const sc_lang *lang, const sc_token *tokens,
                           size_t begin, size_t i)
{
    const sc_token *t = &tokens[i];
    size_t j = i - 1;
    while (j > begin && plain_closer(text, &tokens[j]) && !(tokens[j].flags & SC_TOKF_AFTER_SPACE))
        j--;
    bool ended =
        (tokens[j].flags & SC_TOKF_SENT_END) && !plain_after_abbreviation(text, lang, tokens, j, t);
    bool boundary = false;
    if (t->flags & SC_TOKF_AFTER_BREAK)
        boundary = ended || !(t->kind == SC_TOK_WORD && !(t->flags & SC_TOKF_CAPITAL));
    else if (t->flags & SC_TOKF_AFTER_SPACE)
        boundary = ended;
    return boundary || i - begin >= 400;
}

/* A random text of pieces that make and unmake sentence ends. */
static char *random_sentences(sc_arena *arena, unsigned seed, size_t pieces)
{
    static const char *const words[] = {
        "Dr",
        "dr",
        "Mr",
        "Jl",
        "No",
        "no",
        "etc",
        "dll",
        "J",
        "W",
        "rain",
        "Budi",
        "kata",
        "the",
        "Desember",
        "am",
        "15",
        "5",
        "2.5",
        "1,3",
        ".",
        ".",
        ".",
        "!",
        "?",
        "...",
        "?!",
        "\"",
        "'",
        ")",
        "]",
        "(",
        ",",
        "\xe2\x80\x9d",
        "\xe2\x80\x9c",
        "\xe2\x80\xa6",
        "x",
    };
    static const char *const gaps[] = {" ", " ", " ", "", "", "\n", "\n\n", "  "};
    char *s = sc_arena_alloc(arena, pieces * 12 + 1), *p = s;
    ck_assert_ptr_nonnull(s);
    unsigned x = seed * 2654435761u + 1;
    for (size_t k = 0; k < pieces; k++) {
        x = x * 1103515245u + 12345u;
        const char *w = words[(x >> 16) % N(words)];
        x = x * 1103515245u + 12345u;
        const char *g = gaps[(x >> 16) % N(gaps)];
        /* Now and then a long run of words without marks. */
        if (seed % 7 == 0 && k > pieces / 3 && k < pieces / 3 + 450)
            w = "kata", g = " ";
        p += sprintf(p, "%s%s", w, g);
    }
    *p = '\0';
    return s;
}

START_TEST(test_sentences_plain)
{
    sc_arena *arena = test_arena;
    sc_intern *stems = sc_intern_new(arena);
    const sc_lang *lang = lang_of(_i % 2 ? "en" : "id");
    size_t pieces = _i % 5 == 0 ? 2500 : 40 + (size_t)_i * 3;
    const char *s = random_sentences(arena, (unsigned)_i, pieces);
    const sc_analysis *a = prepare(arena, stems, s, lang);

    size_t begin = 0, n = 0;
    for (size_t i = 1; i <= a->n_tokens; i++) {
        if (i < a->n_tokens && !plain_boundary(a->text, lang, a->tokens, begin, i))
            continue;
        ck_assert_uint_lt(n, a->n_sentences);
        ck_assert_msg(a->sentences[n].tok_begin == begin && a->sentences[n].tok_end == i,
                      "case %d, sentence %zu: [%zu, %zu), plain [%zu, %zu)", _i, n,
                      a->sentences[n].tok_begin, a->sentences[n].tok_end, begin, i);
        ck_assert_uint_eq(a->sentences[n].start, a->tokens[begin].start);
        ck_assert_uint_eq(a->sentences[n].end, a->tokens[i - 1].end);
        /* The first token that is no punctuation, and only it, starts it. */
        bool first = true;
        for (size_t k = begin; k < i; k++) {
            bool start = first && a->tokens[k].kind != SC_TOK_PUNCT;
            first = first && !start;
            ck_assert_int_eq((a->tokens[k].flags & SC_TOKF_SENT_START) != 0, start);
        }
        n++;
        begin = i;
    }
    ck_assert_uint_eq(n, a->n_sentences);
    if (pieces > 2000)
        ck_assert_uint_gt(n, 128);
}
END_TEST

/* ---- entities --------------------------------------------------------- */

/* Names joined by "|" and the count of number entities. */
static const struct {
    const char *lang, *text, *other, *names;
    size_t numbers;
} entity_cases[] = {
    {"id", "Presiden Joko Widodo bertemu Sri Mulyani di Jakarta.", NULL,
     "Presiden Joko Widodo|Sri Mulyani|Jakarta", 0},
    /* A sentence opener seen in lower case elsewhere is a common word. */
    {"id", "Pemerintah menaikkan harga. Menurut pemerintah, harga naik.", NULL, "", 0},
    /* ... but never seen in lower case, it is a name. */
    {"id", "Rusia mengajukan protes keras.", NULL, "Rusia", 0},
    /* The lower-case sighting may come from the other text. */
    {"id", "Pemerintah menaikkan harga.", "Harga naik, kata pemerintah.", "", 0},
    {"id", "Zorbanik menaikkan harga.", "Harga naik, kata zorbanik.", "", 0},
    {"id", "Zorbanik menaikkan harga.", NULL, "Zorbanik", 0},
    {"id", "Harga naik, kata zorbanik.", "Zorbanik menaikkan harga.", "", 0},
    /* A weekday or month named alone is a date word, not a name. */
    {"en", "Officials met in Geneva on Monday. The officials agreed.", NULL, "Geneva", 0},
    {"id", "Kapal pertama bersandar sebelum akhir Mei di Patimban.", NULL, "Patimban", 0},
    /* An abbreviation may well be a name ("the Sun"). */
    {"en", "The story was first reported by the Sun in London.", NULL, "Sun|London", 0},
    /* An opener never seen in lower case: a name unless the dictionary
     * knows it ("Pemerintah" is "perintah"). */
    {"id", "Pemerintah menaikkan harga.", NULL, "", 0},
    /* An opener written capitalised mid-sentence elsewhere is a name. */
    {"id", "Rusia mengajukan protes. Mereka menyebut Rusia dirugikan.", NULL, "Rusia|Rusia", 0},
    {"en", "Reuters reported the deal. It was confirmed to Reuters.", NULL, "Reuters|Reuters", 0},
    /* A capitalised opener followed by another capital starts a name. */
    {"id", "Anggota DPR RI hadir kemarin.", NULL, "Anggota DPR RI", 0},
    {"id", "Kami bertemu Menteri Keuangan kemarin.", NULL, "Menteri Keuangan", 0},
    {"id", "\"Rusia siap,\" kata Menteri.", NULL, "Rusia|Menteri", 0},
    /* Numbers are entities of their own. */
    {"id", "Pada 2024 harga naik 1.300 rupiah.", NULL, "", 2},
    {"en", "In 2024, Acme hired 1,300 people.", NULL, "Acme", 2},
};

/* The entities of a and b, and the tokens' marks of them, are the same. */
static void same_entities(const sc_analysis *a, const sc_analysis *b)
{
    ck_assert_uint_eq(a->n_entities, b->n_entities);
    for (size_t k = 0; k < a->n_entities; k++) {
        const sc_entity *x = &a->entities[k], *y = &b->entities[k];
        ck_assert_uint_eq(x->tok_begin, y->tok_begin);
        ck_assert_uint_eq(x->tok_end, y->tok_end);
        ck_assert_uint_eq(x->sentence, y->sentence);
        ck_assert_int_eq(x->is_number, y->is_number);
        ck_assert(x->value == y->value);
    }
    ck_assert_uint_eq(a->n_tokens, b->n_tokens);
    for (size_t k = 0; k < a->n_tokens; k++) {
        ck_assert_uint_eq(a->tokens[k].entity, b->tokens[k].entity);
        ck_assert_uint_eq(a->tokens[k].flags, b->tokens[k].flags);
    }
}

/* sc_find_entities_pair finds what sc_find_entities finds in each text
 * with the other as companion: each case's other text as the summary
 * (none when NULL), its text as the article. */
START_TEST(test_entities_pair)
{
    sc_arena *arena = test_arena;
    const sc_lang *lang = lang_of(entity_cases[_i].lang);
    const char *summary = entity_cases[_i].other, *article = entity_cases[_i].text;
    sc_analysis *one[2] = {NULL, NULL}, *pair[2] = {NULL, NULL};
    /* Stems interned in one order, as sumcheck.c does: the same ids. */
    sc_intern *stems_one = sc_intern_new(arena), *stems_pair = sc_intern_new(arena);
    if (summary != NULL) {
        one[0] = prepare(arena, stems_one, summary, lang);
        pair[0] = prepare(arena, stems_pair, summary, lang);
    }
    one[1] = prepare(arena, stems_one, article, lang);
    pair[1] = prepare(arena, stems_pair, article, lang);
    if (summary != NULL)
        ck_assert_int_eq(sc_find_entities(arena, one[0], one[1], lang), SC_OK);
    ck_assert_int_eq(sc_find_entities(arena, one[1], one[0], lang), SC_OK);
    ck_assert_int_eq(sc_find_entities_pair(arena, pair[0], pair[1], lang), SC_OK);
    if (summary != NULL)
        same_entities(one[0], pair[0]);
    same_entities(one[1], pair[1]);
}
END_TEST

/* Stems past a pair's tokens (interned before it, as sumcheck.c never
 * does) take entity.c's pass for the largest stem rather than its table of
 * one entry per token: the same entities as a pair's own stems give. */
START_TEST(test_entities_past_stems)
{
    sc_arena *arena = test_arena;
    const sc_lang *lang = lang_of(entity_cases[_i].lang);
    const char *summary = entity_cases[_i].other, *article = entity_cases[_i].text;
    sc_intern *own = sc_intern_new(arena), *past = sc_intern_new(arena);
    ck_assert(own != NULL && past != NULL);
    for (int k = 0; k < 500; k++) {
        char stem[32];
        int n = snprintf(stem, sizeof stem, "unused%d", k);
        ck_assert_uint_ne(sc_intern_add(past, stem, (size_t)n), 0);
    }
    sc_analysis *a[2] = {NULL, NULL}, *b[2] = {NULL, NULL};
    if (summary != NULL) {
        a[0] = prepare(arena, own, summary, lang);
        b[0] = prepare(arena, past, summary, lang);
    }
    a[1] = prepare(arena, own, article, lang);
    b[1] = prepare(arena, past, article, lang);
    ck_assert_int_eq(sc_find_entities_pair(arena, a[0], a[1], lang), SC_OK);
    ck_assert_int_eq(sc_find_entities_pair(arena, b[0], b[1], lang), SC_OK);
    if (summary != NULL)
        same_entities(a[0], b[0]);
    same_entities(a[1], b[1]);
}
END_TEST

START_TEST(test_entities)
{
    sc_arena *arena = test_arena;
    sc_intern *stems = sc_intern_new(arena);
    const sc_lang *lang = lang_of(entity_cases[_i].lang);
    const char *s = entity_cases[_i].text;
    sc_analysis *a = prepare(arena, stems, s, lang);
    sc_analysis *other = NULL;
    char names[512] = "";
    size_t numbers = 0;

    if (entity_cases[_i].other != NULL)
        other = prepare(arena, stems, entity_cases[_i].other, lang);
    ck_assert_int_eq(sc_find_entities(arena, a, other, lang), SC_OK);
    for (size_t k = 0; k < a->n_entities; k++) {
        const sc_entity *e = &a->entities[k];
        ck_assert_uint_lt(e->tok_begin, e->tok_end);
        ck_assert_uint_le(e->tok_end, a->n_tokens);
        ck_assert_uint_lt(e->sentence, a->n_sentences);
        for (size_t t = e->tok_begin; t < e->tok_end; t++) {
            ck_assert_uint_eq(a->tokens[t].entity, k + 1);
            ck_assert(((a->tokens[t].flags & SC_TOKF_ENTITY) != 0) == !e->is_number);
        }
        if (e->is_number) {
            numbers++;
            ck_assert_uint_eq(e->tok_end - e->tok_begin, 1);
            ck_assert_int_eq(a->tokens[e->tok_begin].kind, SC_TOK_NUMBER);
        } else {
            join(names, sizeof names, s, a->tokens[e->tok_begin].start,
                 a->tokens[e->tok_end - 1].end);
        }
    }
    /* Tokens outside every entity carry no entity index. */
    for (size_t t = 0; t < a->n_tokens; t++)
        if (a->tokens[t].entity == 0)
            ck_assert(!(a->tokens[t].flags & SC_TOKF_ENTITY));
    ck_assert_msg(strcmp(names, entity_cases[_i].names) == 0, "\"%s\" -> names \"%s\", want \"%s\"",
                  s, names, entity_cases[_i].names);
    ck_assert_uint_eq(numbers, entity_cases[_i].numbers);
}
END_TEST

/* Number entities: their text (currency and scale words taken in) and
 * their amount. */
static const struct {
    const char *lang, *text, *span;
    double value;
} amount_cases[] = {
    {"id", "Nilai proyek itu Rp1,3 triliun.", "Rp1,3 triliun", 1.3e12},
    {"id", "Harganya Rp120.000 per orang.", "Rp120.000", 120000},
    {"id", "Sebanyak 1.300 warga mengungsi.", "1.300", 1300},
    {"id", "Korban bertambah dua juta orang.", "dua juta", 2e6},
    {"id", "Ada tiga kapal tenggelam.", "tiga", 3},
    {"en", "The fund holds $5 in cash.", "$5", 5},
    {"en", "The deal is worth US$5 billion.", "US$5 billion", 5e9},
    {"en", "About 1.3 million people voted.", "1.3 million", 1.3e6},
    {"en", "Exports fell 1,300 tonnes.", "1,300", 1300},
};

START_TEST(test_amounts)
{
    sc_arena *arena = test_arena;
    sc_intern *stems = sc_intern_new(arena);
    const sc_lang *lang = lang_of(amount_cases[_i].lang);
    const char *s = amount_cases[_i].text;
    sc_analysis *a = prepare(arena, stems, s, lang);
    char spans[256] = "";
    size_t numbers = 0;
    double value = 0;

    ck_assert_int_eq(sc_find_entities(arena, a, NULL, lang), SC_OK);
    for (size_t k = 0; k < a->n_entities; k++) {
        const sc_entity *e = &a->entities[k];
        if (!e->is_number)
            continue;
        numbers++;
        value = e->value;
        join(spans, sizeof spans, s, a->tokens[e->tok_begin].start, a->tokens[e->tok_end - 1].end);
    }
    ck_assert_msg(numbers == 1 && strcmp(spans, amount_cases[_i].span) == 0,
                  "\"%s\" -> numbers \"%s\", want \"%s\"", s, spans, amount_cases[_i].span);
    ck_assert_msg(value > amount_cases[_i].value * (1 - 1e-12) &&
                      value < amount_cases[_i].value * (1 + 1e-12),
                  "\"%s\" -> %.17g, want %.17g", s, value, amount_cases[_i].value);
}
END_TEST

/* ---- language detection ----------------------------------------------- */

static const struct {
    const char *text, *code; /* code NULL: undetermined */
} detect_cases[] = {
    {"Pemerintah mengatakan bahwa harga beras akan turun pada bulan depan karena pasokan dari "
     "petani sudah cukup.",
     "id"},
    {"Warga yang tinggal di tepi sungai diminta untuk tetap waspada terhadap banjir.", "id"},
    {"The government said that rice prices will fall next month because the supply from farmers "
     "is enough.",
     "en"},
    {"Residents who live along the river were asked to stay alert for floods.", "en"},
    {"Jakarta Bandung Surabaya", NULL},
    {"Halo dunia", NULL},
    {"the cat", NULL},
    {"", NULL},
};

START_TEST(test_detect_language)
{
    sc_arena *arena = test_arena;
    sc_text text;
    sc_token *tokens;
    size_t n;

    tokenize(arena, detect_cases[_i].text, &text, &tokens, &n);
    const sc_token *arrays[1] = {tokens};
    const sc_lang *lang = sc_detect_language(arrays, NULL, &n, 1);
    const char *want = detect_cases[_i].code;
    ck_assert_msg(want == NULL ? lang == NULL : lang != NULL && strcmp(lang->code, want) == 0,
                  "\"%s\" -> %s, want %s", detect_cases[_i].text, lang ? lang->code : "NULL",
                  want ? want : "NULL");
}
END_TEST

START_TEST(test_detect_language_arrays)
{
    /* Two short texts, each too short alone, decide together. */
    sc_arena *arena = test_arena;
    sc_text t1, t2;
    sc_token *a, *b;
    size_t na, nb;

    tokenize(arena, "Dia pergi ke pasar", &t1, &a, &na);
    tokenize(arena, "dan membeli sayur", &t2, &b, &nb);
    const sc_token *arrays[2] = {a, b};
    size_t counts[2] = {na, nb};
    ck_assert_ptr_null(sc_detect_language(arrays, NULL, counts, 1));
    const sc_lang *lang = sc_detect_language(arrays, NULL, counts, 2);
    ck_assert_ptr_nonnull(lang);
    ck_assert_str_eq(lang->code, "id");
    ck_assert_ptr_null(sc_detect_language(arrays, NULL, counts, 0));
}
END_TEST

/* With spelling ids each spelling is looked up once: the same answer as
 * token by token, for repeated stopwords (each use counts), ids that
 * restart in the second array, spellings folded alike ("The", "the"), and
 * a text with more spellings than the memo keeps (NULL: made by
 * many_spellings). */
static const struct {
    const char *first, *second, *want;
} detect_memo_cases[] = {
    {"the the the cat", "", "en"},  {"the cat sat", "dan dan dan kucing", "id"},
    {"The THE the, dog", "", "en"}, {"yang yang", "the and of", "en"},
    {"kucing anjing", "", NULL},    {NULL, "", "en"},
};

/* 2,100 distinct words, then English stopwords, each repeated. */
static char *many_spellings(sc_arena *arena)
{
    enum { WORDS = 2100 };
    char *s = sc_arena_alloc(arena, WORDS * 8 + 64), *p = s;
    ck_assert_ptr_nonnull(s);
    for (int k = 0; k < WORDS; k++)
        p += sprintf(p, "w%dx ", k);
    strcpy(p, "the and of the and of");
    return s;
}

START_TEST(test_detect_language_memo)
{
    sc_arena *arena = test_arena;
    sc_text texts[2] = {{0}, {0}};
    sc_token *tokens[2];
    size_t counts[2];
    uint32_t *ids[2], n_forms;
    uint64_t *word_hashes;
    const char *src[2] = {detect_memo_cases[_i].first, detect_memo_cases[_i].second};
    if (src[0] == NULL)
        src[0] = many_spellings(arena);
    for (int k = 0; k < 2; k++) {
        texts[k].field = SC_FIELD_SOURCE;
        texts[k].data = src[k];
        texts[k].len = strlen(src[k]);
        ck_assert_int_eq(
            sc_tokenize(arena, &texts[k], &tokens[k], &counts[k], &ids[k], &n_forms, &word_hashes),
            SC_OK);
    }
    const sc_token *arrays[2] = {tokens[0], tokens[1]};
    const uint32_t *form_ids[2] = {ids[0], ids[1]};
    const sc_lang *plain = sc_detect_language(arrays, NULL, counts, 2);
    const sc_lang *memo = sc_detect_language(arrays, form_ids, counts, 2);
    const char *want = detect_memo_cases[_i].want;
    ck_assert_ptr_eq(memo, plain);
    ck_assert_msg(want == NULL ? memo == NULL : memo != NULL && strcmp(memo->code, want) == 0,
                  "case %d -> %s, want %s", _i, memo ? memo->code : "NULL", want ? want : "NULL");
}
END_TEST

/* detect.c looks stopwords up in one table of every language's, keyed by a
 * word's shape and filtered by a bitmap of the shapes, and stops once the
 * answer is decided; the plain count asks each language's list
 * (sc_word_list_has) for every word.  Random texts of stopwords, words
 * like them and other words must get the same answer both ways. */
static const sc_lang *plain_detect(const sc_token *const *arrays, const size_t *counts,
                                   size_t n_arrays)
{
    const sc_lang *best = NULL;
    size_t best_hits = 0;
    for (size_t l = 0; l < sc_language_count; l++) {
        size_t hits = 0;
        for (size_t a = 0; a < n_arrays; a++)
            for (size_t i = 0; i < counts[a]; i++) {
                const sc_token *t = &arrays[a][i];
                hits += t->kind == SC_TOK_WORD &&
                        sc_word_list_has(&sc_languages[l]->stopwords, t->norm, t->norm_len);
            }
        if (hits > best_hits) {
            best_hits = hits;
            best = sc_languages[l];
        }
    }
    return best_hits >= 3 ? best : NULL;
}

/* Tokenizes s into one of a call's arrays. */
static void detect_array(sc_arena *arena, const char *s, sc_token **tokens, size_t *n,
                         uint32_t **ids)
{
    sc_text *text = sc_arena_calloc(arena, 1, sizeof *text);
    uint32_t n_forms;
    uint64_t *word_hashes;
    ck_assert_ptr_nonnull(text);
    text->field = SC_FIELD_SOURCE;
    text->data = s;
    text->len = strlen(s);
    ck_assert_int_eq(sc_tokenize(arena, text, tokens, n, ids, &n_forms, &word_hashes), SC_OK);
}

/* Every stopword of every language, three times: the plain answer. */
START_TEST(test_detect_every_stopword)
{
    sc_arena *arena = test_arena;
    const sc_word_list *list = &sc_languages[_i]->stopwords;
    for (size_t k = 0; k < list->n; k++) {
        const char *w = list->words[k];
        char *s = sc_arena_alloc(arena, 3 * strlen(w) + 4);
        ck_assert_ptr_nonnull(s);
        sprintf(s, "%s %s %s", w, w, w);
        sc_token *tokens;
        size_t n;
        uint32_t *ids;
        detect_array(arena, s, &tokens, &n, &ids);
        const sc_token *arrays[1] = {tokens};
        const uint32_t *form_ids[1] = {ids};
        const sc_lang *plain = plain_detect(arrays, &n, 1);
        ck_assert_msg(sc_detect_language(arrays, form_ids, &n, 1) == plain, "\"%s\" (%s)", w,
                      sc_languages[_i]->code);
        ck_assert_msg(sc_detect_language(arrays, NULL, &n, 1) == plain, "\"%s\" (%s)", w,
                      sc_languages[_i]->code);
    }
}
END_TEST

/* A random text: stopwords of each language, words of their shapes that
 * are none ("thw", "yamg"), other words, numbers and marks. */
static char *random_detect_text(sc_arena *arena, unsigned *x, size_t words)
{
    static const char *const others[] = {
        "thw", "yamg", "tha", "ant",         "bukan-nya", "rain", "Bekasi", "kucing", "12",
        ",",   ".",    "\"",  "caf\xc3\xa9", "ANd",       "The",  "DAN",    "x",      "",
    };
    char *s = sc_arena_alloc(arena, words * 32 + 1), *p = s;
    ck_assert_ptr_nonnull(s);
    for (size_t k = 0; k < words; k++) {
        *x = *x * 1103515245u + 12345u;
        unsigned r = *x >> 8;
        const char *w;
        if (r % 3 == 0) {
            w = others[(r / 3) % N(others)];
        } else {
            const sc_word_list *list = &sc_languages[(r / 3) % sc_language_count]->stopwords;
            w = list->words[(r / 7) % list->n];
        }
        p += sprintf(p, "%.30s ", w);
    }
    *p = '\0';
    return s;
}

START_TEST(test_detect_plain)
{
    sc_arena *arena = test_arena;
    unsigned x = (unsigned)_i * 2654435761u + 7;
    /* From a few words (undecided, or decided by the second array) to a
     * page (decided early). */
    size_t sizes[2] = {(size_t)_i % 9, (size_t)(_i * 37) % 700};
    sc_token *tokens[2];
    size_t counts[2];
    uint32_t *ids[2];
    for (int a = 0; a < 2; a++)
        detect_array(arena, random_detect_text(arena, &x, sizes[a]), &tokens[a], &counts[a],
                     &ids[a]);
    const sc_token *arrays[2] = {tokens[0], tokens[1]};
    const uint32_t *form_ids[2] = {ids[0], ids[1]};
    const sc_lang *plain = plain_detect(arrays, counts, 2);
    ck_assert_ptr_eq(sc_detect_language(arrays, form_ids, counts, 2), plain);
    ck_assert_ptr_eq(sc_detect_language(arrays, NULL, counts, 2), plain);
}
END_TEST

/* ---- language tables -------------------------------------------------- */

/* bsearch over the lists needs them strictly increasing in byte order, and
 * lookups use case-folded words, so every entry must be case-folded. */
static void check_list(const sc_lang *lang, const char *what, const sc_word_list *list)
{
    sc_arena *arena = test_arena;

    ck_assert_msg(list->n > 0 || strcmp(what, "stopwords") != 0, "%s has no stopwords", lang->code);
    for (size_t k = 0; k < list->n; k++) {
        const char *w = list->words[k];
        size_t nl;
        ck_assert_ptr_nonnull(w);
        if (k > 0)
            ck_assert_msg(strcmp(list->words[k - 1], w) < 0,
                          "%s %s: \"%s\" before \"%s\" (index %zu)", lang->code, what,
                          list->words[k - 1], w, k);
        const char *norm = sc_normalize(arena, w, strlen(w), &nl);
        ck_assert_ptr_nonnull(norm);
        ck_assert_msg(strcmp(norm, w) == 0, "%s %s: \"%s\" is not case-folded", lang->code, what,
                      w);
        ck_assert_msg(sc_word_list_has(list, w, strlen(w)), "%s %s: \"%s\" not found", lang->code,
                      what, w);
    }
}

START_TEST(test_word_lists_sorted)
{
    const sc_lang *lang = sc_languages[_i];

    ck_assert_ptr_nonnull(lang);
    check_list(lang, "stopwords", &lang->stopwords);
    check_list(lang, "abbreviations", &lang->abbreviations);
    check_list(lang, "disclaimer_phrases", &lang->disclaimer_phrases);
    check_list(lang, "currency_words", &lang->currency_words);
    check_list(lang, "clause_words", &lang->clause_words);
    ck_assert_ptr_eq(sc_lang_find(lang->code), lang);
}
END_TEST

/* A token keeps a value or a temporal reading in the same bytes
 * (sc_token in core/doc.h): no number word or scale word of a language may
 * be a temporal word, whatever the date language. */
START_TEST(test_number_words_are_not_time_words)
{
    const sc_lang *lang = sc_languages[_i];
    static const char *const date_langs[] = {NULL, "en", "id", "ms", "fil", "tl", "es",
                                             "fr", "de", "pt", "nl", "it",  "xx"};
    const sc_number_word *lists[2] = {lang->number_words, lang->scale_words};
    size_t counts[2] = {lang->n_number_words, lang->n_scale_words};
    const unsigned time_lists = SC_LIST_BIT(SC_LIST_YEAR_CUES) | SC_LIST_BIT(SC_LIST_PAST_BEFORE) |
                                SC_LIST_BIT(SC_LIST_FUTURE_BEFORE) |
                                SC_LIST_BIT(SC_LIST_PAST_AFTER) | SC_LIST_BIT(SC_LIST_FUTURE_AFTER);
    for (size_t l = 0; l < 2; l++)
        for (size_t k = 0; k < counts[l]; k++) {
            const char *w = lists[l][k].word;
            size_t len = strlen(w);
            sc_word_class c;
            sc_lang_classify_word(lang, w, len, &c);
            ck_assert_msg(!c.is_unit && (c.lists & time_lists) == 0,
                          "%s: \"%s\" is a number and a temporal word", lang->code, w);
            for (size_t d = 0; d < N(date_langs); d++) {
                sc_date_name name;
                int days;
                ck_assert_msg(!sc_date_name_lookup(date_langs[d], w, len, &name) &&
                                  !sc_date_relative_day(date_langs[d], w, len, &days) &&
                                  !sc_date_relative_first_word(date_langs[d], w, len),
                              "%s: \"%s\" is a number and a date word in %s", lang->code, w,
                              date_langs[d] ? date_langs[d] : "every language");
            }
        }
}
END_TEST

/* sc_date_word_lookup answers as the three lookups it stands for. */
static const char *const date_word_cases[] = {
    "desember", "des.",  "des",   "dec.", "march", "may",  "minggu", "kemarin", "hari",
    "hari ini", "today", "besok", "wed",  "rabu",  "word", ".",      "mañana",  "ayer",
};

START_TEST(test_date_word_lookup)
{
    static const char *const date_langs[] = {NULL, "en", "id", "en-GB", "es", "und", "xx"};
    const char *w = date_word_cases[_i];
    size_t len = strlen(w);
    for (size_t d = 0; d < N(date_langs); d++) {
        sc_date_word dw;
        sc_date_word_lookup(date_langs[d], w, len, &dw);
        sc_date_name name = {0};
        int days = 0;
        ck_assert_int_eq(dw.is_name, sc_date_name_lookup(date_langs[d], w, len, &name));
        if (dw.is_name) {
            ck_assert_int_eq(dw.name.month, name.month);
            ck_assert_int_eq(dw.name.weekday, name.weekday);
            ck_assert_int_eq(dw.name.abbreviated, name.abbreviated);
        }
        ck_assert_int_eq(dw.is_relative, sc_date_relative_day(date_langs[d], w, len, &days));
        if (dw.is_relative)
            ck_assert_int_eq(dw.days, days);
        ck_assert_int_eq(dw.relative_first, sc_date_relative_first_word(date_langs[d], w, len));
    }
}
END_TEST

/* Every word list of a language, in SC_LIST_* order, then the lists the
 * word-class bits do not cover. */
static size_t lists_of(const sc_lang *lang, const sc_word_list *lists[])
{
    const sc_word_list *all[] = {
        &lang->stopwords,           &lang->abbreviations,       &lang->number_abbreviations,
        &lang->list_abbreviations,  &lang->disclaimer_phrases,  &lang->currency_words,
        &lang->clause_words,        &lang->year_cues,           &lang->past_after,
        &lang->future_after,        &lang->past_before,         &lang->future_before,
        &lang->negation_cues,       &lang->negation_suffixes,   &lang->negation_exceptions,
        &lang->negation_void_after, &lang->negation_scope_ends, &lang->coordinators,
        &lang->passive_cues,        &lang->agent_cues,          &lang->partner_cues,
        &lang->symmetric_verbs,
    };
    memcpy(lists, all, sizeof all);
    return sizeof all / sizeof all[0];
}

/* Membership the plain way: a scan comparing len bytes and the end. */
static bool scan_has(const sc_word_list *list, const char *word, size_t len)
{
    for (size_t k = 0; k < list->n; k++)
        if (strlen(list->words[k]) == len && memcmp(list->words[k], word, len) == 0)
            return true;
    return false;
}

/* The one hash of every language's lists answers as a scan of each list
 * for every word of every list of every language (so a word of another
 * language's list is absent unless listed here too), and for near misses:
 * the word less its last byte, with its last byte changed, with an s
 * after.  sc_lang_classify_word's list bits agree as well. */
START_TEST(test_word_list_table)
{
    const sc_lang *lang = sc_languages[_i];
    const sc_word_list *lists[32];
    size_t n_lists = lists_of(lang, lists);
    for (size_t l = 0; l < sc_language_count; l++) {
        const sc_word_list *sources[32];
        size_t n_sources = lists_of(sc_languages[l], sources);
        for (size_t src = 0; src < n_sources; src++)
            for (size_t k = 0; k < sources[src]->n; k++) {
                const char *w = sources[src]->words[k];
                size_t len = strlen(w);
                char probe[4][128];
                size_t probe_len[4] = {len, len - (len > 0), len, len + 1};
                ck_assert_uint_lt(len + 1, sizeof probe[0]);
                for (int v = 0; v < 4; v++)
                    memcpy(probe[v], w, len);
                if (len > 0)
                    probe[2][len - 1] = w[len - 1] == 'z' ? 'a' : 'z';
                probe[3][len] = 's';
                for (int v = 0; v < 4; v++) {
                    uint32_t want_bits = 0;
                    for (size_t f = 0; f < n_lists; f++) {
                        bool want = scan_has(lists[f], probe[v], probe_len[v]);
                        ck_assert_msg(sc_word_list_has(lists[f], probe[v], probe_len[v]) == want,
                                      "%s list %zu: \"%.*s\" %s", lang->code, f, (int)probe_len[v],
                                      probe[v], want ? "missed" : "found");
                        if (want && f < SC_LIST_COUNT)
                            want_bits |= SC_LIST_BIT(f);
                    }
                    sc_word_class c;
                    sc_lang_classify_word(lang, probe[v], probe_len[v], &c);
                    ck_assert_msg(c.lists == want_bits, "%s: \"%.*s\" in lists 0x%x, want 0x%x",
                                  lang->code, (int)probe_len[v], probe[v], (unsigned)c.lists,
                                  (unsigned)want_bits);
                }
            }
    }
}
END_TEST

START_TEST(test_word_list_lookup)
{
    const sc_lang *id = lang_of("id"), *en = lang_of("en");

    ck_assert(sc_word_list_has(&id->stopwords, "yang", 4));
    ck_assert(sc_word_list_has(&id->stopwords, "yangx", 4)); /* only len bytes count */
    ck_assert(!sc_word_list_has(&id->stopwords, "yan", 3));
    ck_assert(!sc_word_list_has(&id->stopwords, "yangg", 5));
    ck_assert(sc_word_list_has(&en->stopwords, "don't", 5));
    ck_assert(!sc_word_list_has(&en->stopwords, "The", 3)); /* lists are case-folded */
    ck_assert(sc_word_list_has(&en->abbreviations, "dr", 2));
    ck_assert(sc_word_list_has(&id->abbreviations, "jl", 2));
    ck_assert(!sc_word_list_has(&id->stopwords, "", 0));
    ck_assert_ptr_null(sc_lang_find("xx"));
    ck_assert_int_eq(sc_lang_month("desember", 8), 12);
    ck_assert_int_eq(sc_lang_month("nov.", 4), 11);
    ck_assert_int_eq(sc_lang_month("agustus", 7), 8);
    ck_assert_int_eq(sc_lang_month("mei", 3), 5);
    ck_assert_int_eq(sc_lang_month("senin", 5), 0);
}
END_TEST

static Suite *text_suite(void)
{
    Suite *s = suite_create("text");
    TCase *tc;

    tc = tcase_create("utf8");
    tcase_add_checked_fixture(tc, arena_setup, arena_teardown);
    tcase_add_loop_test(tc, test_utf8_valid, 0, N(utf8_cases));
    tcase_add_test(tc, test_utf8_decode);
    suite_add_tcase(s, tc);

    tc = tcase_create("normalize");
    tcase_add_checked_fixture(tc, arena_setup, arena_teardown);
    tcase_add_loop_test(tc, test_normalize, 0, N(norm_cases));
    suite_add_tcase(s, tc);

    tc = tcase_create("tokens");
    tcase_add_checked_fixture(tc, arena_setup, arena_teardown);
    tcase_add_loop_test(tc, test_tokens, 0, N(token_cases));
    tcase_add_loop_test(tc, test_token_flags, 0, N(flag_cases));
    tcase_add_test(tc, test_token_norm);
    tcase_add_test(tc, test_token_shared_forms);
    tcase_add_test(tc, test_token_long_word);
    tcase_add_loop_test(tc, test_token_forms_fold, 0, N(form_texts));
    tcase_add_loop_test(tc, test_token_forms_long, 0, 2);
    tcase_add_test(tc, test_token_forms_every_ascii_byte);
    tcase_add_loop_test(tc, test_token_words_plain, 0, 400);
    tcase_add_loop_test(tc, test_token_words_plain_long, 0, 64);
    tcase_add_loop_test(tc, test_token_letter_runs, 0, 128);
    tcase_add_loop_test(tc, test_token_spelling_ids, 0, 100);
    tcase_add_loop_test(tc, test_token_spelling_one_byte, 0, 40);
    tcase_add_loop_test(tc, test_same_bytes, 0, 41);
    tcase_add_loop_test(tc, test_finish_per_spelling, 0, N(finish_cases));
    suite_add_tcase(s, tc);

    tc = tcase_create("numbers");
    tcase_add_checked_fixture(tc, arena_setup, arena_teardown);
    tcase_add_loop_test(tc, test_number_value, 0, N(number_cases));
    tcase_add_loop_test(tc, test_number_tokens, 0, N(number_token_cases));
    suite_add_tcase(s, tc);

    tc = tcase_create("sentences");
    tcase_add_checked_fixture(tc, arena_setup, arena_teardown);
    tcase_add_loop_test(tc, test_sentences, 0, N(sentence_cases));
    tcase_add_test(tc, test_sentence_start_flags);
    tcase_add_test(tc, test_sentences_empty);
    tcase_add_test(tc, test_sentences_long_run);
    tcase_add_loop_test(tc, test_sentences_plain, 0, 60);
    suite_add_tcase(s, tc);

    tc = tcase_create("entities");
    tcase_add_checked_fixture(tc, arena_setup, arena_teardown);
    tcase_add_loop_test(tc, test_entities, 0, N(entity_cases));
    tcase_add_loop_test(tc, test_entities_pair, 0, N(entity_cases));
    tcase_add_loop_test(tc, test_entities_past_stems, 0, N(entity_cases));
    tcase_add_loop_test(tc, test_amounts, 0, N(amount_cases));
    suite_add_tcase(s, tc);

    tc = tcase_create("language");
    tcase_add_checked_fixture(tc, arena_setup, arena_teardown);
    tcase_add_loop_test(tc, test_detect_language, 0, N(detect_cases));
    tcase_add_loop_test(tc, test_detect_language_memo, 0, N(detect_memo_cases));
    tcase_add_test(tc, test_detect_language_arrays);
    tcase_add_loop_test(tc, test_detect_every_stopword, 0, (int)sc_language_count);
    tcase_add_loop_test(tc, test_detect_plain, 0, 200);
    tcase_add_loop_test(tc, test_word_lists_sorted, 0, (int)sc_language_count);
    tcase_add_loop_test(tc, test_number_words_are_not_time_words, 0, (int)sc_language_count);
    tcase_add_test(tc, test_word_list_lookup);
    tcase_add_loop_test(tc, test_word_list_table, 0, (int)sc_language_count);
    tcase_add_loop_test(tc, test_date_word_lookup, 0, N(date_word_cases));
    suite_add_tcase(s, tc);
    return s;
}

SC_TEST_MAIN(text_suite)
