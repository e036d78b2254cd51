/* UTF-8 validation and NFKC case folding (utf8proc). */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

bool sc_utf8_valid(const char *s, size_t len, size_t *bad)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        if (p[i] < 0x80) {
            if (p[i] == 0)
                goto invalid;
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0 || cp < 0)
            goto invalid;
        i += (size_t)n;
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
        char *out = sc_arena_alloc(arena, len + 1);
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
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t n =
        utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &mapped,
                     UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
    if (n < 0) {
        free(mapped);
        return NULL;
    }
    /* Curly apostrophes (U+2019, U+2018) spell the same word as "'". */
    char *out = sc_arena_alloc(arena, (size_t)n + 1);
    if (out == NULL) {
        free(mapped);
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
    free(mapped);
    *out_len = j;
    return out;
}
