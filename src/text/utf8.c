/* UTF-8 validation and NFKC case folding (utf8proc). */
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core/buf.h"
#include "core/swar.h"

bool sc_utf8_valid(const char *s, size_t len, size_t *bad)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        /* Sixteen, then eight ASCII bytes at a time, none of them NUL:
         * most of a page.  v - 1 in each byte sets the high bit of a NUL,
         * and v's own high bits flag the bytes above 0x7F; a borrow can
         * flag only a byte above a NUL, so the lowest flagged byte is one
         * to look at, and the loop below starts from it. */
        while (len - i >= 16) {
            uint64_t v = sc_swar_load(p + i), u = sc_swar_load(p + i + 8);
            if ((((v - SC_SWAR_ONES) | v | (u - SC_SWAR_ONES) | u) & SC_SWAR_HIGH) != 0)
                break;
            i += 16;
        }
        while (len - i >= 8) {
            uint64_t v = sc_swar_load(p + i);
            uint64_t m = ((v - SC_SWAR_ONES) | v) & SC_SWAR_HIGH;
            if (m != 0) {
                i += sc_swar_first_flagged(m);
                break;
            }
            i += 8;
        }
        if (i >= len)
            break;
        if (p[i] < 0x80) {
            if (p[i] == 0)
                goto invalid;
            i++;
            continue;
        }
        size_t n = sc_utf8_sequence_length(p + i, len - i);
        if (n == 0)
            goto invalid;
        i += n;
    }
    return true;
invalid:
    if (bad != NULL)
        *bad = i;
    return false;
}

size_t sc_utf8_next(const char *s, size_t len, int32_t *cp)
{
    if (len == 0) {
        *cp = -1;
        return 0;
    }
    if ((unsigned char)s[0] < 0x80) {
        *cp = (unsigned char)s[0];
        return 1;
    }
    utf8proc_int32_t c;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &c);
    if (n <= 0) {
        /* Only reached on text that skipped validation: step one byte. */
        *cp = 0xFFFD;
        return 1;
    }
    *cp = c;
    return (size_t)n;
}

size_t sc_utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

char *sc_normalize(sc_arena *arena, const char *s, size_t len, size_t *out_len)
{
    bool ascii = true;
    for (size_t i = 0; i < len && ascii; i++)
        ascii = (unsigned char)s[i] < 0x80;
    if (ascii) {
        char *out = sc_arena_alloc_chars(arena, len + 1);
        if (out == NULL)
            return NULL;
        for (size_t i = 0; i < len; i++) {
            char c = s[i];
            out[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
        }
        out[len] = '\0';
        *out_len = len;
        return out;
    }
    /* utf8proc maps only the runs that hold non-ASCII characters, each with
     * the ASCII character before it (a combining mark may compose with it);
     * ASCII between them is only lower-cased.  No composition pairs an
     * ASCII character with the one before it, so the result is the mapping
     * of the whole text; a long page's mostly ASCII paragraphs no longer
     * pay for utf8proc's decomposition of every character. */
    sc_buf mapped_buf;
    sc_buf_init(&mapped_buf);
    for (size_t i = 0; i < len;) {
        size_t k = i;
        while (k < len && (unsigned char)s[k] < 0x80)
            k++;
        size_t start = k < len && k > i ? k - 1 : k; /* the run's starter */
        if (start > i) {
            /* The ASCII run in one append, lower-cased where it lands. */
            size_t at = mapped_buf.len;
            sc_buf_append(&mapped_buf, s + i, start - i);
            if (!mapped_buf.failed)
                for (char *c = mapped_buf.data + at, *end = mapped_buf.data + mapped_buf.len;
                     c < end; c++)
                    if (*c >= 'A' && *c <= 'Z')
                        *c = (char)(*c - 'A' + 'a');
        }
        if (k == len)
            break;
        size_t end = k;
        while (end < len && (unsigned char)s[end] >= 0x80)
            end++;
        utf8proc_uint8_t *part = NULL;
        utf8proc_ssize_t m = utf8proc_map(
            (const utf8proc_uint8_t *)s + start, (utf8proc_ssize_t)(end - start), &part,
            UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
        if (m < 0) {
            free(part);
            sc_buf_release(&mapped_buf);
            return NULL;
        }
        sc_buf_append(&mapped_buf, (const char *)part, (size_t)m);
        free(part);
        i = end;
    }
    if (mapped_buf.failed) {
        sc_buf_release(&mapped_buf);
        return NULL;
    }
    utf8proc_uint8_t *mapped = (utf8proc_uint8_t *)mapped_buf.data;
    utf8proc_ssize_t n = (utf8proc_ssize_t)mapped_buf.len;
    /* Curly apostrophes (U+2019, U+2018) spell the same word as "'". */
    char *out = sc_arena_alloc_chars(arena, (size_t)n + 1);
    if (out == NULL) {
        sc_buf_release(&mapped_buf);
        return NULL;
    }
    size_t j = 0;
    for (size_t i = 0; i < (size_t)n;) {
        if (i + 2 < (size_t)n && mapped[i] == 0xE2 && mapped[i + 1] == 0x80 &&
            (mapped[i + 2] == 0x99 || mapped[i + 2] == 0x98)) {
            out[j++] = '\'';
            i += 3;
        } else {
            out[j++] = (char)mapped[i++];
        }
    }
    out[j] = '\0';
    sc_buf_release(&mapped_buf);
    *out_len = j;
    return out;
}
