/* A growable byte buffer on the heap, for rendering reports. */
#ifndef SC_CORE_BUF_H
#define SC_CORE_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct sc_buf {
    char *data; /* NUL-terminated when len > 0 */
    size_t len;
    size_t cap;
    bool failed; /* an append ran out of memory; later appends do nothing */
} sc_buf;

void sc_buf_init(sc_buf *buf);
void sc_buf_release(sc_buf *buf);
void sc_buf_clear(sc_buf *buf);
void sc_buf_append(sc_buf *buf, const char *data, size_t len);
void sc_buf_puts(sc_buf *buf, const char *s);
void sc_buf_putc(sc_buf *buf, char c);
__attribute__((format(printf, 2, 3))) void sc_buf_printf(sc_buf *buf, const char *fmt, ...);

#endif
