/* Byte-parallel tests on eight bytes at once (SWAR), for the loops that
 * pass over runs of plain text: the JSON reader, the JSON writer and the
 * tokenizer step a word at a time until a byte needs a look of its own. */
#ifndef SC_CORE_SWAR_H
#define SC_CORE_SWAR_H

#include <stdint.h>
#include <string.h>

#define SC_SWAR_ONES 0x0101010101010101u
#define SC_SWAR_HIGH 0x8080808080808080u

/* The eight bytes at p (p[0..8) readable), in any byte order: the tests
 * below say whether some byte qualifies, not which. */
static inline uint64_t sc_swar_load(const void *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
}

/* Nonzero (high bits only) exactly when some byte of w is below n
 * (n <= 0x80).  A borrow can only flag a byte above one that qualifies, so
 * the answer to "is there one" is exact (Bit Twiddling Hacks, "Determine
 * if a word has a byte less than n"). */
static inline uint64_t sc_swar_has_byte_below(uint64_t w, unsigned n)
{
    return (w - SC_SWAR_ONES * n) & ~w & SC_SWAR_HIGH;
}

/* Nonzero (high bits only) exactly when some byte of w equals b. */
static inline uint64_t sc_swar_has_byte(uint64_t w, unsigned char b)
{
    return sc_swar_has_byte_below(w ^ (SC_SWAR_ONES * b), 1);
}

/* The high bit of each byte of w that a JSON string cannot hold as it is
 * or that needs a look of its own: a control character, the quote, the
 * backslash, or a byte above 0x7F (UTF-8 to check).  The tests above each
 * drop bytes above 0x7F from their answer (their "& ~w"); here those are
 * flagged anyway, so the subtractions alone do: a byte is flagged when it
 * is special or a borrow from a special byte below it reaches it, never
 * otherwise.  Used by the JSON reader and the JSON writer. */
static inline uint64_t sc_swar_json_special(uint64_t w)
{
    uint64_t control = w - SC_SWAR_ONES * 0x20;
    uint64_t quote = (w ^ (SC_SWAR_ONES * '"')) - SC_SWAR_ONES;
    uint64_t backslash = (w ^ (SC_SWAR_ONES * '\\')) - SC_SWAR_ONES;
    return (control | quote | backslash | w) & SC_SWAR_HIGH;
}

/* The offset in its word of the first byte sc_swar_json_special flagged
 * in m (m != 0): the lowest flagged byte, since a borrow only flags bytes
 * above a true hit.  On a big-endian machine, where the lowest byte in
 * memory is not the lowest in m, 0: the caller then looks at the bytes one
 * by one. */
static inline size_t sc_swar_first_flagged(uint64_t m)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return (size_t)__builtin_ctzll(m) / 8;
#else
    (void)m;
    return 0;
#endif
}

#endif
