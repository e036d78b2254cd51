#include "io.h"

#include <string.h>

#include "text/text.h"

sc_status sc_fail(sc_error *error, sc_status code, const char *message, size_t byte,
                  const char *path)
{
    if (error != NULL) {
        memset(error, 0, sizeof *error);
        error->code = code;
        error->message = message;
        error->byte = byte;
        if (path != NULL) {
            size_t n = strlen(path);
            if (n >= sizeof error->path)
                n = sizeof error->path - 1;
            memcpy(error->path, path, n);
            error->path[n] = '\0';
        }
    }
    return code;
}

sc_status sc_fail_at(sc_error *error, sc_status code, const char *message, const char *text,
                     size_t len, size_t byte)
{
    sc_fail(error, code, message, byte, NULL);
    if (error != NULL && byte <= len) {
        size_t line = 1, line_start = 0;
        for (size_t i = 0; i < byte; i++)
            if (text[i] == '\n')
                line++, line_start = i + 1;
        error->line = line;
        error->column = sc_utf8_count(text + line_start, byte - line_start) + 1;
    }
    return code;
}

sc_status sc_page_add_block(sc_arena *arena, sc_page *page, sc_role role, sc_field field,
                            size_t start, size_t end)
{
    size_t n = page->n_blocks;
    /* Capacity is implicit: the array is full when n is 0 or a power of two
     * of at least 8, and then doubles. */
    if (n == 0 || (n >= 8 && (n & (n - 1)) == 0)) {
        sc_block *blocks =
            sc_arena_grow(arena, page->blocks, n, n == 0 ? 8 : n * 2, sizeof *blocks);
        if (blocks == NULL)
            return SC_ERR_NOMEM;
        page->blocks = blocks;
    }
    page->blocks[page->n_blocks++] = (sc_block){role, field, start, end};
    return SC_OK;
}
