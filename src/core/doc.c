#include "doc.h"
#include "swar.h"

#include <string.h>

const char *sc_field_name(sc_field field)
{
    switch (field) {
    case SC_FIELD_PAGE:
        return "page";
    case SC_FIELD_SUMMARY:
        return "summary";
    case SC_FIELD_SOURCE:
        return "source";
    default:
        return "page";
    }
}

const char *sc_role_name(sc_role role)
{
    static const char *const names[] = {"page-date", "title",  "disclaimer", "summary",    "body",
                                        "dateline",  "credit", "extraneous", "boilerplate"};
    return (size_t)role < sizeof names / sizeof names[0] ? names[role] : "unknown";
}

void sc_position_cache_init(sc_position_cache *cache)
{
    for (int f = 0; f < SC_FIELD_COUNT; f++) {
        cache->offset[f] = 0;
        cache->line[f] = 1;
        cache->column[f] = 1;
    }
}

/* Code points in s[0..n): every byte but a UTF-8 continuation byte
 * (10xxxxxx) starts one.  Eight bytes at a time, each continuation byte
 * adding one to its lane of a sum (w & ~(w << 1) keeps bit 7 of a byte
 * exactly when its bits 7 and 6 are 10); the lanes are added up, by one
 * multiply, every 31 words, before their total could pass 255. */
static size_t code_points(const char *s, size_t n)
{
    size_t count = n, words = n / 8;
    while (words > 0) {
        size_t block = words < 31 ? words : 31;
        words -= block;
        uint64_t lanes = 0;
        for (const char *end = s + 8 * block; s < end; s += 8) {
            uint64_t w = sc_swar_load(s);
            lanes += (w & ~(w << 1) & SC_SWAR_HIGH) >> 7;
        }
        count -= (size_t)((lanes * SC_SWAR_ONES) >> 56);
    }
    for (size_t i = 0; i < n % 8; i++)
        count -= ((unsigned char)s[i] & 0xC0) == 0x80;
    return count;
}

void sc_page_line_column_cached(const sc_page *page, sc_position_cache *cache, sc_field field,
                                size_t offset, size_t *line, size_t *column)
{
    const char *s = page->field_data[field];
    size_t len = page->field_len[field];
    if (s == NULL || offset > len)
        offset = 0;
    size_t i = 0, l = 1, col = 1;
    if (offset >= cache->offset[field]) {
        i = cache->offset[field];
        l = cache->line[field];
        col = cache->column[field];
    }
    /* Line breaks are rare: memchr finds each, and only the part after the
     * last one is counted for the column. */
    const char *nl;
    while (i < offset && (nl = memchr(s + i, '\n', offset - i)) != NULL) {
        l++;
        col = 1;
        i = (size_t)(nl - s) + 1;
    }
    if (i < offset)
        col += code_points(s + i, offset - i);
    cache->offset[field] = offset;
    cache->line[field] = l;
    cache->column[field] = col;
    *line = l;
    *column = col;
}

void sc_page_line_column(const sc_page *page, sc_field field, size_t offset, size_t *line,
                         size_t *column)
{
    sc_position_cache cache;
    sc_position_cache_init(&cache);
    sc_page_line_column_cached(page, &cache, field, offset, line, column);
}
