#include "doc.h"

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
    static const char *const names[] = {"page-date", "title",    "disclaimer", "summary",
                                        "body",      "dateline", "credit",     "extraneous",
                                        "boilerplate"};
    return (size_t)role < sizeof names / sizeof names[0] ? names[role] : "unknown";
}

void sc_page_line_column(const sc_page *page, sc_field field, size_t offset, size_t *line,
                         size_t *column)
{
    const char *s = page->field_data[field];
    size_t len = page->field_len[field];
    size_t l = 1, col = 1;
    if (s == NULL || offset > len)
        offset = 0;
    for (size_t i = 0; i < offset; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n') {
            l++;
            col = 1;
        } else if ((c & 0xC0) != 0x80) {
            col++;
        }
    }
    *line = l;
    *column = col;
}
