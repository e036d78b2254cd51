#include "doc.h"

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
    while (i < offset) {
        /* Eight bytes at a time while they hold no line break: each byte
         * but a UTF-8 continuation byte (10xxxxxx) is a code point. */
        if (offset - i >= 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            uint64_t nl = w ^ 0x0A0A0A0A0A0A0A0Au;
            if (((nl - 0x0101010101010101u) & ~nl & 0x8080808080808080u) == 0) {
                uint64_t cont = (w & ~(w << 1) & 0x8080808080808080u) >> 7;
                col += 8 - (size_t)((cont * 0x0101010101010101u) >> 56);
                i += 8;
                continue;
            }
        }
        unsigned char c = (unsigned char)s[i++];
        if (c == '\n') {
            l++;
            col = 1;
        } else if ((c & 0xC0) != 0x80) {
            col++;
        }
    }
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
