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

#endif
