/*
 * English stemmer: the Snowball "english" algorithm, better known as Porter2.
 *
 * Written from the published description: M. F. Porter, "The English
 * (Porter2) stemming algorithm", https://snowballstem.org/algorithms/english/
 * stemmer.html.  The step names below follow that page: exceptional forms,
 * prelude (leading apostrophe, y -> Y marking), regions R1/R2, steps 0, 1a,
 * 1b, 1c, 2, 3, 4, 5 and the postlude (Y -> y).
 *
 * It follows the algorithm's current revision, which Snowball's published
 * vocabulary (shared/lang/en) is stemmed with.  Beside the original rules
 * that revision has more R1 prefixes (past, univers, later, emerg, organ,
 * inter after gener, commun, arsen), hying and vying among the exceptional
 * forms, evening among the words step 1a leaves alone, "past" counting as a
 * short syllable, no undoubling in add, ebb, err, off, and -ogist in step 2.
 *
 * Representation.  Every step only ever rewrites the end of the word, so the
 * stem is kept as "the first `keep` bytes of the input" followed by a short
 * tail of letters the steps wrote.  That needs no scratch copy of the word,
 * which lets the function honour any `cap` without allocating, and leaves the
 * positions of R1 and R2 valid throughout, as the algorithm requires.  The
 * prelude's Y marks are not stored either: whether a 'y' of the input is
 * marked depends only on the letters before it, so it is worked out when
 * asked (see y_marked).
 *
 * Characters.  The algorithm counts letters, not bytes, in a few places (the
 * "fewer than three letters" rule, "preceded by more than one letter", the
 * short syllable test, R1/R2 boundaries).  Words are UTF-8, so those places
 * step over whole UTF-8 sequences; every non-ASCII character is a non-vowel
 * that matches no letter of any suffix, and malformed bytes are taken one at
 * a time so nothing ever reads outside the word.
 */
#include "stem.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* Longest tail the steps can leave: a replacement is never longer than the
 * suffix it replaces, so the tail never outgrows the longest replacement
 * ("tion", "less", ...) by more than the one 'e' step 1b may add.  Sixteen
 * leaves a wide margin; set_end still refuses to overflow it. */
enum { TAIL_CAP = 16 };

/* Words up to this many bytes are copied with their Y marks applied, so
 * that reading a letter is one load; longer ones (no English word is) work
 * out the marks when asked. */
enum { MARKED_CAP = 64 };

typedef struct {
    const char *base; /* the word after any leading apostrophe */
    size_t base_len;
    size_t keep;         /* bytes of base still part of the stem */
    char tail[TAIL_CAP]; /* letters written by the steps, after base[0..keep) */
    size_t tail_len;
    size_t p1;          /* start of R1 (base_len when R1 is empty) */
    size_t p2;          /* start of R2 */
    size_t first_vowel; /* first vowel of base after y-marking, or base_len */
    bool marked;        /* base is a copy with the prelude's Y marks applied */
} stem_state;

/* What, besides lying in the step's region, a suffix rule asks of the word. */
typedef enum {
    COND_NONE,
    COND_AFTER_L,  /* step 2 "ogi": preceded by l */
    COND_VALID_LI, /* step 2 "li": preceded by one of c d e g h k m n r t */
    COND_IN_R2,    /* step 3 "ative": also in R2 */
    COND_AFTER_S_T /* step 4 "ion": preceded by s or t */
} rule_cond;

typedef struct {
    const char *suffix; /* NULL ends a list */
    const char *replacement;
    rule_cond cond;
    unsigned char suffix_len; /* strlen(suffix): the rules run for every word */
} suffix_rule;

/* A step's rules by the last letter of their suffix ('a' to 'z'): the rules
 * ending in it, longest first, then one with a NULL suffix; NULL for a
 * letter no suffix ends in.  The last letter of the word picks the one list
 * to try, and the first rule of it that matches is the longest. */
typedef const suffix_rule *const rule_table[26];

#define R(suffix, replacement, cond)                                                               \
    {                                                                                              \
        suffix, replacement, cond, sizeof(suffix) - 1                                              \
    }
#define ENDING_IN(letter, ...)                                                                     \
    [(letter) - 'a'] = (const suffix_rule[])                                                       \
    {                                                                                              \
        __VA_ARGS__,                                                                               \
        {                                                                                          \
            NULL, NULL, COND_NONE, 0                                                               \
        }                                                                                          \
    }

static bool is_cont_byte(char c)
{
    return ((unsigned char)c & 0xC0u) == 0x80u;
}

/* The algorithm's vowels are a e i o u y; a marked 'Y' is a consonant. */
static bool is_vowel(char c)
{
    /* One bit per letter a..z: a e i o u y. */
    const unsigned vowels = 1u << 0 | 1u << 4 | 1u << 8 | 1u << 14 | 1u << 20 | 1u << 24;
    unsigned k = (unsigned char)c - (unsigned)'a';

    return k < 26 && (vowels >> k & 1u) != 0;
}

static bool in_set(char c, const char *set)
{
    return c != '\0' && strchr(set, c) != NULL;
}

/* Start of the character after the one at s[i].  A lead byte takes the
 * continuation bytes behind it; any other byte stands alone. */
static size_t next_char(const char *s, size_t n, size_t i)
{
    unsigned char lead = (unsigned char)s[i++];

    if (lead >= 0xC0u)
        while (i < n && is_cont_byte(s[i]))
            i++;
    return i;
}

/* Start of the character ending just before position i (i > 0); the mirror
 * of next_char, so a stray continuation byte is again a character alone. */
static size_t prev_char(const stem_state *st, size_t i)
{
    size_t j = i - 1, k;

    if (j >= st->keep || !is_cont_byte(st->base[j]))
        return j; /* the tail is plain ASCII */
    k = j;
    while (k > 0 && is_cont_byte(st->base[k]))
        k--;
    return (unsigned char)st->base[k] >= 0xC0u ? k : j;
}

/* The prelude marks a 'y' as 'Y' (a consonant) at the start of the word and
 * after a vowel, scanning left to right, so in a run of y's the marks
 * alternate from whatever starts the run.  Looking back over the run alone
 * gives the same answer as marking the whole word, at a cost of the run's
 * length, which in real words is a letter or two. */
static bool y_marked(const char *base, size_t i)
{
    size_t j = i;
    bool marked;

    while (j > 0 && base[j - 1] == 'y')
        j--;
    marked = j == 0 || in_set(base[j - 1], "aeiou");
    if ((i - j) % 2 == 1)
        marked = !marked;
    return marked;
}

static size_t stem_len(const stem_state *st)
{
    return st->keep + st->tail_len;
}

/* Byte i of the current stem, with the prelude's Y marks applied. */
static inline char char_at(const stem_state *st, size_t i)
{
    char c;

    if (i >= st->keep)
        return st->tail[i - st->keep];
    c = st->base[i];
    if (c == 'y' && !st->marked && y_marked(st->base, i))
        return 'Y';
    return c;
}

/* Whether the input's byte i (under the prelude's Y marks) is a vowel. */
static inline bool vowel_at(const stem_state *st, size_t i)
{
    char c = st->base[i];

    if (c == 'y' && !st->marked)
        return !y_marked(st->base, i);
    return is_vowel(c);
}

/* Whether stem[0..end) ends with suffix[0..m); compared from the end, where
 * most candidates already differ. */
static bool ends_with_n(const stem_state *st, size_t end, const char *suffix, size_t m)
{
    if (m > end)
        return false;
    for (size_t j = m; j > 0; j--)
        if (char_at(st, end - m + j - 1) != suffix[j - 1])
            return false;
    return true;
}

static bool ends_with_at(const stem_state *st, size_t end, const char *suffix)
{
    return ends_with_n(st, end, suffix, strlen(suffix));
}

static bool ends_with(const stem_state *st, const char *suffix)
{
    return ends_with_at(st, stem_len(st), suffix);
}

static bool equals(const stem_state *st, const char *word)
{
    /* The first letter rules out most words before any strlen. */
    if (stem_len(st) == 0 || char_at(st, 0) != word[0])
        return false;
    return stem_len(st) == strlen(word) && ends_with(st, word);
}

/* Cuts the stem at pos and appends replacement. */
static void set_end(stem_state *st, size_t pos, const char *replacement)
{
    size_t m = strlen(replacement);

    if (pos < st->keep) {
        st->keep = pos;
        st->tail_len = 0;
    } else {
        st->tail_len = pos - st->keep;
    }
    /* Cannot trigger (see TAIL_CAP); kept so a future rule cannot overflow. */
    if (m > TAIL_CAP - st->tail_len)
        m = TAIL_CAP - st->tail_len;
    memcpy(st->tail + st->tail_len, replacement, m);
    st->tail_len += m;
}

/* Whether stem[0..hi) holds a vowel.  Step 1a and 1b ask this about nearly
 * the whole word, so the part that is still input uses the precomputed
 * first vowel instead of rescanning (and re-deriving Y marks). */
static bool has_vowel_before(const stem_state *st, size_t hi)
{
    size_t base_hi = hi < st->keep ? hi : st->keep;

    if (st->first_vowel < base_hi)
        return true;
    for (size_t i = st->keep; i < hi; i++)
        if (is_vowel(st->tail[i - st->keep]))
            return true;
    return false;
}

/* A short syllable ends at `end`: a non-vowel, a vowel, then a non-vowel
 * other than w, x or Y; or a vowel at the start of the word followed by a
 * non-vowel. */
static bool short_syllable_before(const stem_state *st, size_t end)
{
    size_t last, mid;
    char c;

    if (end == 0)
        return false;
    /* The word "past" counts as short, so pasted, pasting -> paste and
     * paste keeps its e. */
    if (end == 4 && ends_with_at(st, end, "past"))
        return true;
    last = prev_char(st, end);
    c = char_at(st, last);
    if (is_vowel(c) || last == 0)
        return false;
    mid = prev_char(st, last);
    if (!is_vowel(char_at(st, mid)))
        return false;
    if (mid == 0)
        return true;
    if (c == 'w' || c == 'x' || c == 'Y')
        return false;
    return !is_vowel(char_at(st, prev_char(st, mid)));
}

/* The longest rule of the table whose suffix ends the stem, or NULL.  The
 * algorithm picks the longest suffix first and only then checks its
 * conditions; a failed condition does not fall back to a shorter suffix.
 * Inline: it runs four times a word, and as a call its entry and exit were
 * a fifth of its cost. */
static inline const suffix_rule *longest_suffix(const stem_state *st, const rule_table rules)
{
    size_t len = stem_len(st);

    if (len == 0)
        return NULL;
    unsigned char last = (unsigned char)char_at(st, len - 1);
    if (last < 'a' || last > 'z')
        return NULL;
    const suffix_rule *r = rules[last - 'a'];
    if (r == NULL)
        return NULL;
    for (; r->suffix != NULL; r++)
        /* The last letter is known to match; compare the rest. */
        if (r->suffix_len <= len && ends_with_n(st, len - 1, r->suffix, r->suffix_len - 1u))
            return r;
    return NULL;
}

static bool cond_holds(const stem_state *st, rule_cond cond, size_t pos)
{
    char before = pos > 0 ? char_at(st, pos - 1) : '\0';

    switch (cond) {
    case COND_NONE:
        return true;
    case COND_AFTER_L:
        return before == 'l';
    case COND_VALID_LI:
        return in_set(before, "cdeghkmnrt");
    case COND_IN_R2:
        return pos >= st->p2;
    case COND_AFTER_S_T:
        return before == 's' || before == 't';
    }
    return false;
}

/* Steps 2, 3 and 4 share one shape: find the longest listed suffix; if it
 * starts inside the region and its condition holds, replace it.  No suffix
 * is shorter than two letters, so a region holding fewer than that (most
 * short words' R2) cannot change anything.  Inline: it runs three times a
 * word, and as a call its entry and exit were a fifth of the stemmer. */
static inline void apply_rules(stem_state *st, const rule_table rules, size_t region)
{
    const suffix_rule *r;
    size_t pos;

    if (stem_len(st) < region + 2)
        return;
    r = longest_suffix(st, rules);
    if (r == NULL)
        return;
    pos = stem_len(st) - r->suffix_len;
    if (pos >= region && cond_holds(st, r->cond, pos))
        set_end(st, pos, r->replacement);
}

/* R1 is the part after the first non-vowel that follows a vowel, R2 the
 * same taken again inside R1.  A few prefixes end R1 themselves, so that
 * e.g. generous/general, communism/community keep apart. */
static void mark_regions(stem_state *st)
{
    /* No two start with the same letter, so the first letter picks the
     * one to compare. */
    static const char *const prefixes[] = {
        ['g'] = "gener", ['c'] = "commun", ['a'] = "arsen", ['p'] = "past",  ['u'] = "univers",
        ['l'] = "later", ['e'] = "emerg",  ['o'] = "organ", ['i'] = "inter",
    };
    const char *s = st->base;
    size_t n = st->base_len, i = 0;

    st->p1 = n;
    st->p2 = n;
    const char *prefix = n > 0 && (unsigned char)s[0] < sizeof prefixes / sizeof prefixes[0]
                             ? prefixes[(unsigned char)s[0]]
                             : NULL;
    if (prefix != NULL) {
        /* Compared in place: most words differ by the second letter, before
         * a strlen and a memcmp would have started. */
        size_t m = 0;
        while (prefix[m] != '\0' && m < n && s[m] == prefix[m])
            m++;
        if (prefix[m] != '\0')
            prefix = NULL;
        else
            st->p1 = m;
    }
    /* The first vowel, then (unless a prefix set it) R1 after the
     * non-vowel that follows, then R2 the same way from R1 on. */
    while (i < n && !vowel_at(st, i))
        i = next_char(s, n, i);
    st->first_vowel = i;
    if (prefix == NULL) {
        while (i < n && vowel_at(st, i))
            i = next_char(s, n, i);
        if (i >= n)
            return;
        st->p1 = next_char(s, n, i);
    }
    i = st->p1;
    while (i < n && !vowel_at(st, i))
        i = next_char(s, n, i);
    while (i < n && vowel_at(st, i))
        i = next_char(s, n, i);
    if (i < n)
        st->p2 = next_char(s, n, i);
}

/* Step 1a's suffixes; step_1a tells them apart by length. */
static const rule_table plurals = {
    ENDING_IN('d', R("ied", "", COND_NONE)),
    ENDING_IN('s', R("sses", "ss", COND_NONE), R("ies", "", COND_NONE), R("us", "", COND_NONE),
              R("ss", "", COND_NONE), R("s", "", COND_NONE)),
};

/* Step 0 (possessive apostrophes) and step 1a (plural s). */
static void step_1a(stem_state *st)
{
    const suffix_rule *r;
    size_t len = stem_len(st), pos;
    char c = len > 0 ? char_at(st, len - 1) : '\0';

    /* Step 0: the longest of ', 's, 's' goes. */
    if (c == '\'')
        set_end(st, len >= 3 && ends_with_n(st, len, "'s'", 3) ? len - 3 : len - 1, "");
    else if (c == 's' && len >= 2 && char_at(st, len - 2) == '\'')
        set_end(st, len - 2, "");

    r = longest_suffix(st, plurals);
    if (r == NULL)
        return;
    pos = stem_len(st) - r->suffix_len;
    switch (r->suffix_len) {
    case 4: /* sses */
        set_end(st, pos, "ss");
        break;
    case 3: /* ied, ies */
        /* ties -> tie but cries -> cri: "i" needs two letters before it. */
        if (pos > 0 && prev_char(st, pos) > 0)
            set_end(st, pos, "i");
        else
            set_end(st, pos, "ie");
        break;
    case 1: /* s */
        /* gaps -> gap but gas, this stay: the vowel must not be the letter
         * right before the s. */
        if (pos > 0 && has_vowel_before(st, prev_char(st, pos)))
            set_end(st, pos, "");
        break;
    default:
        /* "us", "ss" stay, and being longer they keep "s" from matching. */
        break;
    }
}

/* Words that step 1a leaves in a form the later steps would spoil. */
static bool is_exception2(const stem_state *st)
{
    static const char *const words[] = {
        "inning",  "outing", "canning", "herring", "earring",
        "proceed", "exceed", "succeed", "evening",
    };
    size_t len = stem_len(st);

    /* All are six or seven letters ending -ing or -eed. */
    if (len < 6 || len > 7 || (char_at(st, len - 1) != 'g' && char_at(st, len - 1) != 'd'))
        return false;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (equals(st, words[i]))
            return true;
    return false;
}

/* Step 1b's suffixes: -eed and -eedly are the ones replaced by "ee". */
static const rule_table step_1b_rules = {
    ENDING_IN('d', R("eed", "ee", COND_NONE), R("ed", "", COND_NONE)),
    ENDING_IN('g', R("ing", "", COND_NONE)),
    ENDING_IN('y', R("eedly", "ee", COND_NONE), R("ingly", "", COND_NONE),
              R("edly", "", COND_NONE)),
};

/* Whether stem[0..len) ends in "at", "bl" or "iz": the last two letters
 * read once, not three suffix compares (this runs for most -ed and -ing
 * words). */
static bool ends_in_at_bl_iz(const stem_state *st, size_t len)
{
    if (len < 2)
        return false;
    char a = char_at(st, len - 2), b = char_at(st, len - 1);
    return (a == 'a' && b == 't') || (a == 'b' && b == 'l') || (a == 'i' && b == 'z');
}

/* Step 1b: -eed, -ed, -ing and their -ly forms, then tidy the new end. */
static void step_1b(stem_state *st)
{
    const suffix_rule *r = longest_suffix(st, step_1b_rules);
    size_t pos, len;

    if (r == NULL)
        return;
    pos = stem_len(st) - r->suffix_len;
    if (r->replacement[0] != '\0') {
        /* Only inside R1, so that e.g. feed and need stay whole. */
        if (pos >= st->p1)
            set_end(st, pos, r->replacement);
        return;
    }
    /* Only when something word-like is left: bed, sing keep their ending. */
    if (!has_vowel_before(st, pos))
        return;
    set_end(st, pos, "");
    len = stem_len(st);
    if (ends_in_at_bl_iz(st, len)) {
        set_end(st, len, "e"); /* luxuriat -> luxuriate */
    } else if (len >= 2 && char_at(st, len - 1) == char_at(st, len - 2) &&
               in_set(char_at(st, len - 1), "bdfgmnprt")) {
        /* hopp -> hop; but a, e or o then the double and nothing more
         * (add, ebb, err, off) would stop being a word, so it stays. */
        if (!(len == 3 && in_set(char_at(st, 0), "aeo")))
            set_end(st, len - 1, "");
    } else if (len == st->p1 && short_syllable_before(st, len)) {
        /* A short word (R1 empty, short final syllable) lost an e: hop ->
         * hope. */
        set_end(st, len, "e");
    }
}

/* Step 1c: a final y/Y after a non-vowel that is not the first letter
 * becomes i (cry -> cri, but by, say stay). */
static void step_1c(stem_state *st)
{
    size_t len = stem_len(st), y, before;
    char c;

    if (len < 2)
        return;
    c = char_at(st, len - 1);
    if (c != 'y' && c != 'Y')
        return;
    y = len - 1;
    before = prev_char(st, y);
    if (before > 0 && !is_vowel(char_at(st, before)))
        set_end(st, y, "i");
}

static const rule_table step_2_rules = {
    ENDING_IN(
        'i', R("biliti", "ble", COND_NONE), R("lessli", "less", COND_NONE),
        R("entli", "ent", COND_NONE), R("aliti", "al", COND_NONE), R("ousli", "ous", COND_NONE),
        R("iviti", "ive", COND_NONE), R("fulli", "ful", COND_NONE), R("enci", "ence", COND_NONE),
        R("anci", "ance", COND_NONE), R("abli", "able", COND_NONE), R("alli", "al", COND_NONE),
        R("bli", "ble", COND_NONE), R("ogi", "og", COND_AFTER_L), R("li", "", COND_VALID_LI)),
    ENDING_IN('l', R("ational", "ate", COND_NONE), R("tional", "tion", COND_NONE)),
    ENDING_IN('m', R("alism", "al", COND_NONE)),
    ENDING_IN('n', R("ization", "ize", COND_NONE), R("ation", "ate", COND_NONE)),
    ENDING_IN('r', R("izer", "ize", COND_NONE), R("ator", "ate", COND_NONE)),
    ENDING_IN('s', R("fulness", "ful", COND_NONE), R("ousness", "ous", COND_NONE),
              R("iveness", "ive", COND_NONE)),
    ENDING_IN('t', R("ogist", "og", COND_AFTER_L)),
};

static const rule_table step_3_rules = {
    ENDING_IN('e', R("alize", "al", COND_NONE), R("icate", "ic", COND_NONE),
              R("ative", "", COND_IN_R2)),
    ENDING_IN('i', R("iciti", "ic", COND_NONE)),
    ENDING_IN('l', R("ational", "ate", COND_NONE), R("tional", "tion", COND_NONE),
              R("ical", "ic", COND_NONE), R("ful", "", COND_NONE)),
    ENDING_IN('s', R("ness", "", COND_NONE)),
};

static const rule_table step_4_rules = {
    ENDING_IN('c', R("ic", "", COND_NONE)),
    ENDING_IN('e', R("ance", "", COND_NONE), R("ence", "", COND_NONE), R("able", "", COND_NONE),
              R("ible", "", COND_NONE), R("ate", "", COND_NONE), R("ive", "", COND_NONE),
              R("ize", "", COND_NONE)),
    ENDING_IN('i', R("iti", "", COND_NONE)),
    ENDING_IN('l', R("al", "", COND_NONE)),
    ENDING_IN('m', R("ism", "", COND_NONE)),
    ENDING_IN('n', R("ion", "", COND_AFTER_S_T)),
    ENDING_IN('r', R("er", "", COND_NONE)),
    ENDING_IN('s', R("ous", "", COND_NONE)),
    ENDING_IN('t', R("ement", "", COND_NONE), R("ment", "", COND_NONE), R("ant", "", COND_NONE),
              R("ent", "", COND_NONE)),
};

/* Step 5: a final e in R2, or in R1 unless it follows a short syllable; a
 * final l in R2 after another l. */
static void step_5(stem_state *st)
{
    size_t len = stem_len(st), pos;
    char c;

    if (len == 0)
        return;
    pos = len - 1;
    c = char_at(st, pos);
    if (c == 'e') {
        if (pos >= st->p2 || (pos >= st->p1 && !short_syllable_before(st, pos)))
            set_end(st, pos, "");
    } else if (c == 'l') {
        if (pos >= st->p2 && pos > 0 && char_at(st, pos - 1) == 'l')
            set_end(st, pos, "");
    }
}

/* How many bytes of an n-byte result fit in cap with the NUL, cut back to a
 * character boundary so a too-small buffer never ends in half a character.
 * Only the first first_len bytes can be non-ASCII. */
static size_t fit(size_t n, size_t cap, const char *first, size_t first_len)
{
    size_t m;

    if (n < cap)
        return n;
    m = cap - 1;
    while (m > 0 && m < first_len && is_cont_byte(first[m]))
        m--;
    return m;
}

static size_t write_plain(const char *s, size_t n, char *out, size_t cap)
{
    size_t m = fit(n, cap, s, n);

    if (m > 0) /* s may be NULL when n is 0 */
        memcpy(out, s, m);
    out[m] = '\0';
    return m;
}

/* The postlude turns every Y back into y; since the marks were never
 * stored, only a literal 'Y' of the input is left to lower. */
static size_t write_stem(const stem_state *st, char *out, size_t cap)
{
    size_t m = fit(stem_len(st), cap, st->base, st->keep);
    size_t from_base = m < st->keep ? m : st->keep;

    /* The input part, then the tail: two plain loops, not a test per byte
     * of which part it is in. */
    for (size_t i = 0; i < from_base; i++)
        out[i] = st->base[i] == 'Y' ? 'y' : st->base[i];
    for (size_t i = from_base; i < m; i++)
        out[i] = st->tail[i - st->keep] == 'Y' ? 'y' : st->tail[i - st->keep];
    out[m] = '\0';
    return m;
}

/* Whole words the rules would get wrong, checked before anything else. */
static const char *exceptional_form(const char *word, size_t len)
{
    static const struct {
        const char *word;
        const char *stem;
    } forms[] = {
        {"skis", "ski"},     {"skies", "sky"},     {"dying", "die"},   {"lying", "lie"},
        {"tying", "tie"},    {"hying", "hie"},     {"vying", "vie"},   {"idly", "idl"},
        {"gently", "gentl"}, {"ugly", "ugli"},     {"early", "earli"}, {"only", "onli"},
        {"singly", "singl"}, {"sky", "sky"},       {"news", "news"},   {"howe", "howe"},
        {"atlas", "atlas"},  {"cosmos", "cosmos"}, {"bias", "bias"},   {"andes", "andes"},
    };

    if (len < 3 || len > 6)
        return NULL;
    /* Each ends in e, g, s or y. */
    switch (word[len - 1]) {
    case 'e':
    case 'g':
    case 's':
    case 'y':
        break;
    default:
        return NULL;
    }
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        if (forms[i].word[0] == word[0] && strlen(forms[i].word) == len &&
            memcmp(word, forms[i].word, len) == 0)
            return forms[i].stem;
    return NULL;
}

size_t sc_stem_en(const char *word, size_t len, char *out, size_t cap)
{
    stem_state st;
    char marked[MARKED_CAP];
    const char *form;
    size_t chars = 0;

    if (out == NULL || cap == 0)
        return 0;
    if (word == NULL)
        len = 0;

    form = exceptional_form(word, len);
    if (form != NULL)
        return write_plain(form, strlen(form), out, cap);

    /* Words of fewer than three letters are left as they are.  A byte
     * below 0xC0 is a character of its own (next_char), so three of them
     * need no count. */
    if (len >= 3 && (unsigned char)word[0] < 0xC0u && (unsigned char)word[1] < 0xC0u &&
        (unsigned char)word[2] < 0xC0u)
        chars = 3;
    for (size_t i = 0; i < len && chars < 3; i = next_char(word, len, i))
        chars++;
    if (chars < 3)
        return write_plain(word, len, out, cap);

    memset(&st, 0, sizeof st);
    st.base = word;
    st.base_len = len;
    if (word[0] == '\'') {
        st.base++;
        st.base_len--;
    }
    st.keep = st.base_len;
    if (st.base_len <= MARKED_CAP) {
        /* The prelude: y at the start or after a vowel is a consonant.  The
         * word is copied whole, then each y is marked in turn: most words
         * have none, and a test per byte cost more than the copy. */
        memcpy(marked, st.base, st.base_len);
        for (char *y = memchr(marked, 'y', st.base_len); y != NULL;
             y = memchr(y + 1, 'y', st.base_len - (size_t)(y + 1 - marked)))
            if (y == marked || is_vowel(y[-1]))
                *y = 'Y';
        st.base = marked;
        st.marked = true;
    }
    mark_regions(&st);

    step_1a(&st);
    if (!is_exception2(&st)) {
        step_1b(&st);
        step_1c(&st);
        apply_rules(&st, step_2_rules, st.p1);
        apply_rules(&st, step_3_rules, st.p1);
        apply_rules(&st, step_4_rules, st.p2);
        step_5(&st);
    }
    return write_stem(&st, out, cap);
}
