/* Tests for the core building blocks: the arena, the heap buffer, string
 * interning and line:column of a byte offset. */
#include "harness.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/doc.h"
#include "core/intern.h"
#include "core/swar.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- arena ------------------------------------------------------------ */

static bool aligned(const void *p)
{
    return (uintptr_t)p % _Alignof(max_align_t) == 0;
}

/* Odd sizes on purpose: each must still start on a max_align_t boundary. */
static const size_t alloc_sizes[] = {0, 1, 2, 3, 7, 8, 9, 13, 15, 16, 17, 31, 33, 100, 255, 1000};

START_TEST(test_arena_alignment)
{
    enum { REPEAT = 8 };
    size_t size = alloc_sizes[_i];
    sc_arena *arena = sc_arena_new();
    unsigned char *blocks[REPEAT];

    ck_assert_ptr_nonnull(arena);
    for (int k = 0; k < REPEAT; k++) {
        blocks[k] = sc_arena_alloc(arena, size);
        ck_assert_ptr_nonnull(blocks[k]);
        ck_assert_msg(aligned(blocks[k]), "size %zu block %d at %p is misaligned", size, k,
                      (void *)blocks[k]);
        memset(blocks[k], 0x40 + k, size);
        /* Mixing in a one-byte block must not spoil the next alignment. */
        ck_assert_ptr_nonnull(sc_arena_alloc(arena, 1));
    }
    /* The blocks do not overlap: each still holds its own pattern. */
    for (int k = 0; k < REPEAT; k++)
        for (size_t b = 0; b < size; b++)
            ck_assert_int_eq(blocks[k][b], 0x40 + k);
    /* Even zero-byte blocks are distinct. */
    for (int k = 1; k < REPEAT; k++)
        ck_assert_ptr_ne(blocks[k], blocks[k - 1]);
    sc_arena_free(arena);
}
END_TEST

/* Strings take no padding; an aligned block after them is still aligned
 * and neither overwrites the other. */
START_TEST(test_arena_chars)
{
    sc_arena *arena = sc_arena_new();
    ck_assert_ptr_nonnull(arena);
    char *a = sc_arena_alloc_chars(arena, 3);
    char *b = sc_arena_alloc_chars(arena, 5);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    ck_assert_ptr_eq(b, a + 3);
    memcpy(a, "ab", 3);
    memcpy(b, "cdef", 5);
    double *d = sc_arena_alloc(arena, sizeof *d);
    ck_assert_ptr_nonnull(d);
    ck_assert(aligned(d));
    *d = 1.5;
    char *e = sc_arena_strndup(arena, "xyz", 3);
    ck_assert_ptr_eq(e, (char *)d + 16);
    ck_assert_str_eq(a, "ab");
    ck_assert_str_eq(b, "cdef");
    ck_assert_str_eq(e, "xyz");
    ck_assert(*d == 1.5);
    /* A zero-byte string block is still a block of its own. */
    char *z = sc_arena_alloc_chars(arena, 0);
    ck_assert_ptr_nonnull(z);
    ck_assert_ptr_ne(z, e);
    sc_arena_free(arena);
}
END_TEST

START_TEST(test_arena_large_blocks)
{
    /* Larger than the first chunk, than the largest chunk, and mixed with
     * small ones before and after. */
    static const size_t sizes[] = {64 * 1024,       64 * 1024 + 1,        1024 * 1024,
                                   9 * 1024 * 1024, 20 * 1024 * 1024 + 3, 5};
    sc_arena *arena = sc_arena_new();
    unsigned char *small = sc_arena_alloc(arena, 10);
    size_t before;

    ck_assert_ptr_nonnull(small);
    memset(small, 's', 10);
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        before = sc_arena_used(arena);
        unsigned char *p = sc_arena_alloc(arena, sizes[k]);
        ck_assert_ptr_nonnull(p);
        ck_assert(aligned(p));
        p[0] = 1;
        p[sizes[k] - 1] = 2;
        memset(p, 0x7e, sizes[k]);
        ck_assert_uint_ge(sc_arena_used(arena), before + sizes[k]);
        unsigned char *after = sc_arena_alloc(arena, 24);
        ck_assert_ptr_nonnull(after);
        ck_assert(aligned(after));
        memset(after, 'a', 24);
        ck_assert_int_eq(p[sizes[k] - 1], 0x7e);
    }
    for (int b = 0; b < 10; b++)
        ck_assert_int_eq(small[b], 's');
    sc_arena_free(arena);
}
END_TEST

START_TEST(test_arena_absurd_sizes)
{
    sc_arena *arena = sc_arena_new();

    ck_assert_ptr_null(sc_arena_alloc(arena, SIZE_MAX));
    ck_assert_ptr_null(sc_arena_alloc(arena, SIZE_MAX - 15));
    ck_assert_ptr_null(sc_arena_alloc(arena, SIZE_MAX / 2 + 1));
    /* The arena is still usable afterwards. */
    char *p = sc_arena_alloc(arena, 8);
    ck_assert_ptr_nonnull(p);
    memcpy(p, "masih ok", 8);
    sc_arena_free(arena);
    /* Freeing nothing is allowed. */
    sc_arena_free(NULL);
}
END_TEST

/* n * size overflows size_t, or is beyond any sane request: NULL, and no
 * attempt to allocate. */
static const struct {
    size_t n, size;
} calloc_overflow[] = {
    {SIZE_MAX, 2},
    {2, SIZE_MAX},
    {SIZE_MAX, SIZE_MAX},
    {SIZE_MAX / 2 + 1, 2},
    {SIZE_MAX / 3 + 1, 3},
    {SIZE_MAX / 16 + 1, 16},
    {(size_t)1 << (sizeof(size_t) * 4), (size_t)1 << (sizeof(size_t) * 4)},
    {SIZE_MAX / 4 + 1, 2}, /* no overflow, but more than half the address space */
};

START_TEST(test_arena_calloc_overflow)
{
    sc_arena *arena = sc_arena_new();
    size_t n = calloc_overflow[_i].n, size = calloc_overflow[_i].size;

    ck_assert_msg(sc_arena_calloc(arena, n, size) == NULL, "calloc(%zu, %zu) should fail", n, size);
    ck_assert_ptr_nonnull(sc_arena_calloc(arena, 3, 4));
    sc_arena_free(arena);
}
END_TEST

START_TEST(test_arena_calloc_zeroed)
{
    sc_arena *arena = sc_arena_new();

    /* Dirty some memory first so zeroing has something to do in a chunk. */
    for (int k = 0; k < 50; k++) {
        char *junk = sc_arena_alloc(arena, 100);
        ck_assert_ptr_nonnull(junk);
        memset(junk, 0xff, 100);
    }
    for (size_t n = 0; n < 40; n += 7) {
        unsigned char *p = sc_arena_calloc(arena, n, sizeof(double));
        ck_assert_ptr_nonnull(p);
        ck_assert(aligned(p));
        for (size_t b = 0; b < n * sizeof(double); b++)
            ck_assert_int_eq(p[b], 0);
    }
    ck_assert_ptr_nonnull(sc_arena_calloc(arena, 0, 8));
    ck_assert_ptr_nonnull(sc_arena_calloc(arena, 8, 0));
    unsigned char *big = sc_arena_calloc(arena, 1024, 1024);
    ck_assert_ptr_nonnull(big);
    ck_assert_int_eq(big[0], 0);
    ck_assert_int_eq(big[1024 * 1024 - 1], 0);
    sc_arena_free(arena);
}
END_TEST

static const struct {
    const char *s;
    size_t len;
    const char *want;
} strndup_cases[] = {
    {"Jakarta Selatan", 7, "Jakarta"},
    {"Jakarta Selatan", 15, "Jakarta Selatan"},
    {"Jakarta", 0, ""},
    {"", 0, ""},
    {"K\xc3\xa9t\xc3\xa9 bagus", 6, "K\xc3\xa9t\xc3\xa9"},
    {"abc\0def", 7, "abc"}, /* embedded NUL copied; C string view stops there */
};

START_TEST(test_arena_strndup)
{
    sc_arena *arena = sc_arena_new();
    const char *s = strndup_cases[_i].s;
    size_t len = strndup_cases[_i].len;
    char *copy = sc_arena_strndup(arena, s, len);

    ck_assert_ptr_nonnull(copy);
    ck_assert_ptr_ne(copy, s);
    ck_assert_str_eq(copy, strndup_cases[_i].want);
    ck_assert_int_eq(memcmp(copy, s, len), 0);
    ck_assert_int_eq(copy[len], '\0');
    sc_arena_free(arena);
}
END_TEST

START_TEST(test_arena_strndup_unterminated)
{
    /* The source need not be NUL-terminated: only len bytes are read. */
    const char raw[4] = {'b', 'u', 'k', 'u'};
    sc_arena *arena = sc_arena_new();
    char *copy = sc_arena_strndup(arena, raw, sizeof raw);

    ck_assert_ptr_nonnull(copy);
    ck_assert_str_eq(copy, "buku");
    ck_assert_ptr_null(sc_arena_strndup(arena, raw, SIZE_MAX));
    sc_arena_free(arena);
}
END_TEST

START_TEST(test_arena_grow)
{
    sc_arena *arena = sc_arena_new();
    int *a = sc_arena_alloc(arena, 10 * sizeof *a);

    ck_assert_ptr_nonnull(a);
    for (int k = 0; k < 10; k++)
        a[k] = k * 11;
    /* Growing keeps the old elements. */
    int *b = sc_arena_grow(arena, a, 10, 100000, sizeof *b);
    ck_assert_ptr_nonnull(b);
    ck_assert(aligned(b));
    for (int k = 0; k < 10; k++)
        ck_assert_int_eq(b[k], k * 11);
    b[99999] = 7;
    /* Growing again, from an already grown block. */
    int *c = sc_arena_grow(arena, b, 100000, 200000, sizeof *c);
    ck_assert_ptr_nonnull(c);
    ck_assert_int_eq(c[9], 99);
    ck_assert_int_eq(c[99999], 7);
    /* Shrinking copies only what fits. */
    int *d = sc_arena_grow(arena, c, 200000, 4, sizeof *d);
    ck_assert_ptr_nonnull(d);
    for (int k = 0; k < 4; k++)
        ck_assert_int_eq(d[k], k * 11);
    /* No old block: a fresh one. */
    int *e = sc_arena_grow(arena, NULL, 0, 16, sizeof *e);
    ck_assert_ptr_nonnull(e);
    e[15] = 1;
    /* Overflow of new_n * size. */
    ck_assert_ptr_null(sc_arena_grow(arena, a, 10, SIZE_MAX / 2, sizeof *a));
    ck_assert_ptr_null(sc_arena_grow(arena, a, 10, SIZE_MAX, 2));
    /* The old block is untouched by a failed grow. */
    ck_assert_int_eq(a[9], 99);
    sc_arena_free(arena);
}
END_TEST

START_TEST(test_arena_printf)
{
    sc_arena *arena = sc_arena_new();
    char *s = sc_arena_printf(arena, "%s-%d-%.2f", "hari", 42, 1.5);

    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s, "hari-42-1.50");
    s = sc_arena_printf(arena, "%s", "");
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s, "");
    s = sc_arena_printf(arena, "%s %s", "Kété",
                        "\xe2\x80\x9c"
                        "dikutip\xe2\x80\x9d");
    ck_assert_str_eq(s, "Kété \xe2\x80\x9c"
                        "dikutip\xe2\x80\x9d");
    /* Longer than the first chunk. */
    s = sc_arena_printf(arena, "<%0*d>", 100000, 7);
    ck_assert_ptr_nonnull(s);
    ck_assert_uint_eq(strlen(s), 100002);
    ck_assert_int_eq(s[0], '<');
    ck_assert_int_eq(s[1], '0');
    ck_assert_int_eq(s[100000], '7');
    ck_assert_int_eq(s[100001], '>');
    sc_arena_free(arena);
}
END_TEST

START_TEST(test_arena_used)
{
    sc_arena *arena = sc_arena_new();
    size_t last = sc_arena_used(arena);

    ck_assert_uint_eq(last, 0);
    for (size_t k = 1; k < 2000; k += 37) {
        ck_assert_ptr_nonnull(sc_arena_alloc(arena, k));
        ck_assert_uint_ge(sc_arena_used(arena), last + k);
        last = sc_arena_used(arena);
    }
    sc_arena_free(arena);
}
END_TEST

/* Arenas freed on a thread leave their chunks for its next arenas
 * (arena.c, spares).  Documents after documents, as a batch thread checks
 * them: arenas that overlap in time, blocks from a few bytes to past the
 * largest spare, blocks grown in place; every block must keep its own
 * bytes, as with chunks fresh from malloc. */
static const size_t spare_sizes[] = {24,       5000,        70 * 1024,   1,          300 * 1024,
                                     3 * 1024, 1500 * 1024, 2560 * 1024, 200 * 1024, 40};

enum { N_SPARE_SIZES = sizeof spare_sizes / sizeof spare_sizes[0] };
enum { SPARE_ROUNDS = 8, SPARE_LIVE = 3 };

typedef struct spare_block {
    unsigned char *p;
    size_t size;
    unsigned char fill;
} spare_block;

typedef struct spare_doc {
    sc_arena *arena;
    spare_block blocks[N_SPARE_SIZES];
    size_t n;
} spare_doc;

static void spare_doc_check(const spare_doc *d)
{
    for (size_t k = 0; k < d->n; k++) {
        /* One assertion per block: Check records each one it passes. */
        const spare_block *block = &d->blocks[k];
        size_t b = 0;
        while (b < block->size && block->p[b] == block->fill)
            b++;
        ck_assert_msg(b == block->size, "block %zu byte %zu overwritten", k, b);
    }
}

/* Runs the rounds on the calling thread; the arg is unused (a thread's
 * start routine). */
static void *spare_rounds(void *arg)
{
    (void)arg;
    spare_doc docs[SPARE_LIVE];
    memset(docs, 0, sizeof docs);
    for (int round = 0; round < SPARE_ROUNDS; round++) {
        spare_doc *d = &docs[round % SPARE_LIVE];
        if (d->arena != NULL) {
            spare_doc_check(d);
            sc_arena_free(d->arena);
        }
        d->arena = sc_arena_new();
        d->n = 0;
        ck_assert_ptr_nonnull(d->arena);
        for (size_t k = 0; k < N_SPARE_SIZES; k++) {
            size_t size = spare_sizes[(k + (size_t)round) % N_SPARE_SIZES];
            unsigned char *p = sc_arena_alloc(d->arena, size);
            ck_assert_ptr_nonnull(p);
            ck_assert(aligned(p));
            if (k % 4 == 3) { /* the newest block grows where it is, or moves */
                p = sc_arena_grow(d->arena, p, size, size + 4096, 1);
                ck_assert_ptr_nonnull(p);
                size += 4096;
            }
            unsigned char fill = (unsigned char)(round * 16 + (int)k);
            memset(p, fill, size);
            d->blocks[d->n++] = (spare_block){p, size, fill};
        }
    }
    for (int k = 0; k < SPARE_LIVE; k++) {
        spare_doc_check(&docs[k]);
        sc_arena_free(docs[k].arena);
    }
    return NULL;
}

START_TEST(test_arena_spares)
{
    spare_rounds(NULL);
    /* On a thread of its own too: its spares go when it ends (ASan and
     * valgrind see no leak). */
    pthread_t thread;
    ck_assert_int_eq(pthread_create(&thread, NULL, spare_rounds, NULL), 0);
    ck_assert_int_eq(pthread_join(thread, NULL), 0);
}
END_TEST

/* The next arena on the thread takes the chunk the last one left. */
START_TEST(test_arena_spare_reused)
{
    sc_arena *a = sc_arena_new();
    char *p = sc_arena_alloc(a, 100);
    ck_assert_ptr_nonnull(p);
    sc_arena_free(a);
    /* Were the chunk given back, malloc would hand it out here. */
    void *volatile taker = malloc(64 * 1024); /* volatile: not optimised away */
    sc_arena *b = sc_arena_new();
    char *q = sc_arena_alloc(b, 100);
    ck_assert_ptr_eq(p, q);
    sc_arena_free(b);
    free(taker);
}
END_TEST

/* ---- buf -------------------------------------------------------------- */

START_TEST(test_buf_append)
{
    sc_buf buf;

    sc_buf_init(&buf);
    ck_assert_uint_eq(buf.len, 0);
    ck_assert(!buf.failed);
    sc_buf_puts(&buf, "Harga ");
    sc_buf_append(&buf, "beras naik", 5);
    sc_buf_putc(&buf, '.');
    sc_buf_append(&buf, NULL, 0);
    ck_assert_uint_eq(buf.len, 12);
    ck_assert_str_eq(buf.data, "Harga beras.");
    ck_assert_uint_gt(buf.cap, buf.len);
    /* Embedded NUL bytes count in len. */
    sc_buf_append(&buf, "a\0b", 3);
    ck_assert_uint_eq(buf.len, 15);
    ck_assert_int_eq(memcmp(buf.data + 12, "a\0b", 4), 0);
    /* Clearing keeps the storage. */
    size_t cap = buf.cap;
    sc_buf_clear(&buf);
    ck_assert_uint_eq(buf.len, 0);
    ck_assert_uint_eq(buf.cap, cap);
    ck_assert_str_eq(buf.data, "");
    sc_buf_puts(&buf, "lagi");
    ck_assert_str_eq(buf.data, "lagi");
    sc_buf_release(&buf);
    ck_assert_ptr_null(buf.data);
    ck_assert_uint_eq(buf.len, 0);
    ck_assert_uint_eq(buf.cap, 0);
    /* A released buffer can be used again. */
    sc_buf_putc(&buf, 'x');
    ck_assert_str_eq(buf.data, "x");
    sc_buf_release(&buf);
}
END_TEST

START_TEST(test_buf_append_growth)
{
    enum { ROUNDS = 100000 };
    sc_buf buf;

    sc_buf_init(&buf);
    for (int k = 0; k < ROUNDS; k++) {
        sc_buf_putc(&buf, (char)('a' + k % 26));
        ck_assert_uint_lt(buf.len, buf.cap);
    }
    ck_assert_uint_eq(buf.len, ROUNDS);
    ck_assert_uint_eq(strlen(buf.data), ROUNDS);
    for (int k = 0; k < ROUNDS; k++)
        ck_assert_int_eq(buf.data[k], 'a' + k % 26);
    ck_assert(!buf.failed);
    sc_buf_release(&buf);
}
END_TEST

/* Output lengths around the 256-byte stack buffer of sc_buf_printf. */
static const size_t printf_lengths[] = {0, 1, 100, 254, 255, 256, 257, 511, 1000, 70000};

START_TEST(test_buf_printf_growth)
{
    size_t n = printf_lengths[_i];
    char *arg = malloc(n + 1);
    sc_buf buf;

    ck_assert_ptr_nonnull(arg);
    for (size_t k = 0; k < n; k++)
        arg[k] = (char)('A' + k % 26);
    arg[n] = '\0';
    sc_buf_init(&buf);
    sc_buf_puts(&buf, "x=");
    sc_buf_printf(&buf, "%s|%zu", arg, n);
    char tail[32];
    int tl = snprintf(tail, sizeof tail, "|%zu", n);
    ck_assert_uint_eq(buf.len, 2 + n + (size_t)tl);
    ck_assert_int_eq(memcmp(buf.data, "x=", 2), 0);
    ck_assert_int_eq(memcmp(buf.data + 2, arg, n), 0);
    ck_assert_str_eq(buf.data + 2 + n, tail);
    ck_assert_uint_lt(buf.len, buf.cap);
    /* And appending after it goes on from the right place. */
    sc_buf_printf(&buf, "%c", '!');
    ck_assert_uint_eq(buf.len, 2 + n + (size_t)tl + 1);
    ck_assert_int_eq(buf.data[buf.len - 1], '!');
    ck_assert_int_eq(buf.data[buf.len], '\0');
    ck_assert(!buf.failed);
    sc_buf_release(&buf);
    free(arg);
}
END_TEST

/* ---- intern ----------------------------------------------------------- */

START_TEST(test_intern_basic)
{
    sc_arena *arena = sc_arena_new();
    sc_intern *t = sc_intern_new(arena);
    size_t len = 99;

    ck_assert_ptr_nonnull(t);
    ck_assert_uint_eq(sc_intern_count(t), 0);
    ck_assert_uint_eq(sc_intern_find(t, "makan", 5), 0);
    ck_assert_uint_eq(sc_intern_add(t, "makan", 5), 1);
    ck_assert_uint_eq(sc_intern_add(t, "minum", 5), 2);
    ck_assert_uint_eq(sc_intern_add(t, "makan", 5), 1);
    ck_assert_uint_eq(sc_intern_add(t, "makanan enak", 5), 1); /* only len bytes count */
    ck_assert_uint_eq(sc_intern_add(t, "mak", 3), 3);          /* a prefix is its own */
    ck_assert_uint_eq(sc_intern_add(t, "", 0), 4);
    ck_assert_uint_eq(sc_intern_add(t, "a\0b", 3), 5);
    ck_assert_uint_eq(sc_intern_add(t, "a", 1), 6);
    ck_assert_uint_eq(sc_intern_add(t, "k\xc3\xa9t\xc3\xa9", 6), 7);
    ck_assert_uint_eq(sc_intern_count(t), 7);

    ck_assert_uint_eq(sc_intern_find(t, "minum", 5), 2);
    ck_assert_uint_eq(sc_intern_find(t, "mak", 3), 3);
    ck_assert_uint_eq(sc_intern_find(t, "", 0), 4);
    ck_assert_uint_eq(sc_intern_find(t, "a\0b", 3), 5);
    ck_assert_uint_eq(sc_intern_find(t, "tidur", 5), 0);
    ck_assert_uint_eq(sc_intern_find(t, "maka", 4), 0);

    ck_assert_str_eq(sc_intern_str(t, 1, &len), "makan");
    ck_assert_uint_eq(len, 5);
    ck_assert_str_eq(sc_intern_str(t, 2, NULL), "minum");
    ck_assert_str_eq(sc_intern_str(t, 4, &len), "");
    ck_assert_uint_eq(len, 0);
    ck_assert_int_eq(memcmp(sc_intern_str(t, 5, &len), "a\0b", 4), 0);
    ck_assert_uint_eq(len, 3);
    ck_assert_str_eq(sc_intern_str(t, 7, NULL), "k\xc3\xa9t\xc3\xa9");
    /* Ids outside 1..count: the empty string. */
    len = 99;
    ck_assert_str_eq(sc_intern_str(t, 0, &len), "");
    ck_assert_uint_eq(len, 0);
    len = 99;
    ck_assert_str_eq(sc_intern_str(t, 8, &len), "");
    ck_assert_uint_eq(len, 0);
    sc_arena_free(arena);
}
END_TEST

/* sc_intern_add_kept_hashed, given sc_hash_bytes of its string, gives the
 * id sc_intern_add and sc_intern_add_kept give, whichever adds it first;
 * lengths around the hash's 8-byte steps and its 4-byte tail. */
static const char *const hashed_words[] = {
    "",
    "a",
    "ab",
    "abc",
    "abcd",
    "abcdefg",
    "abcdefgh",
    "abcdefghi",
    "abcdefghijklmnop",
    "abcdefghijklmnopq",
    "a\0b",
    "k\xc3\xa9t\xc3\xa9",
    "makan",
    "Makan",
};

START_TEST(test_intern_hashed)
{
    const char *word = hashed_words[_i];
    size_t len = _i == 10 ? 3 : strlen(word);
    sc_arena *arena = sc_arena_new();
    sc_intern *plain = sc_intern_new(arena), *hashed = sc_intern_new(arena);
    ck_assert_ptr_nonnull(plain);
    ck_assert_ptr_nonnull(hashed);
    /* The same adds to both tables, the word's among the others. */
    for (size_t k = 0; k < sizeof hashed_words / sizeof hashed_words[0]; k++) {
        const char *w = hashed_words[k];
        size_t n = k == 10 ? 3 : strlen(w);
        uint32_t want = sc_intern_add_kept(plain, w, n);
        uint32_t got = k == (size_t)_i
                           ? sc_intern_add_kept_hashed(hashed, w, n, sc_hash_bytes(w, n))
                           : sc_intern_add(hashed, w, n);
        ck_assert_uint_eq(got, want);
    }
    uint32_t id = sc_intern_find(plain, word, len);
    ck_assert_uint_eq(id, (uint32_t)_i + 1);
    /* Found again by each way of adding, and by a find. */
    ck_assert_uint_eq(sc_intern_add_kept_hashed(hashed, word, len, sc_hash_bytes(word, len)), id);
    ck_assert_uint_eq(sc_intern_add(hashed, word, len), id);
    ck_assert_uint_eq(sc_intern_find(hashed, word, len), id);
    ck_assert_uint_eq(sc_intern_count(hashed), sc_intern_count(plain));
    size_t got_len;
    ck_assert_int_eq(memcmp(sc_intern_str(hashed, id, &got_len), word, len + 1), 0);
    ck_assert_uint_eq(got_len, len);
    sc_arena_free(arena);
}
END_TEST

/* Enough strings to grow the entry array and rehash the slots many times. */
static const uint32_t intern_counts[] = {511, 512, 513, 1024, 1025, 20000};

START_TEST(test_intern_many)
{
    uint32_t count = intern_counts[_i];
    sc_arena *arena = sc_arena_new();
    sc_intern *t = sc_intern_new(arena);
    char word[32];

    ck_assert_ptr_nonnull(t);
    for (uint32_t k = 0; k < count; k++) {
        int n = snprintf(word, sizeof word, "kata%05u", k);
        ck_assert_uint_eq(sc_intern_add(t, word, (size_t)n), k + 1);
    }
    ck_assert_uint_eq(sc_intern_count(t), count);
    for (uint32_t k = 0; k < count; k++) {
        int n = snprintf(word, sizeof word, "kata%05u", k);
        size_t len;
        ck_assert_uint_eq(sc_intern_find(t, word, (size_t)n), k + 1);
        ck_assert_uint_eq(sc_intern_add(t, word, (size_t)n), k + 1);
        ck_assert_str_eq(sc_intern_str(t, k + 1, &len), word);
        ck_assert_uint_eq(len, (size_t)n);
    }
    ck_assert_uint_eq(sc_intern_count(t), count);
    ck_assert_uint_eq(sc_intern_find(t, "kata99999x", 10), 0);
    ck_assert_uint_eq(sc_intern_add(t, "baru", 4), count + 1);
    sc_arena_free(arena);
}
END_TEST

/* ---- line and column -------------------------------------------------- */

/* Lines: "Satu" / "dua kété é" / "" / "emoji 😀 x\r" / "akhir". */
static const char lc_text[] = "Satu\n"
                              "dua k\xc3\xa9t\xc3\xa9 e\xcc\x81\n"
                              "\n"
                              "emoji \xf0\x9f\x98\x80 x\r\n"
                              "akhir";

static const struct {
    size_t offset;
    size_t line, column;
} lc_cases[] = {
    {0, 1, 1},   /* "S" */
    {3, 1, 4},   /* "u" */
    {4, 1, 5},   /* the line break itself */
    {5, 2, 1},   /* "d" */
    {9, 2, 5},   /* "k" */
    {10, 2, 6},  /* "é" (2 bytes) */
    {12, 2, 7},  /* "t" after one two-byte letter */
    {15, 2, 9},  /* " " after "kété" */
    {16, 2, 10}, /* "e" */
    {17, 2, 11}, /* the combining accent is a code point of its own */
    {19, 2, 12}, /* the line break */
    {20, 3, 1},  /* the empty line */
    {21, 4, 1},  /* "e" of emoji */
    {27, 4, 7},  /* the emoji (4 bytes) */
    {31, 4, 8},  /* " " after it */
    {32, 4, 9},  /* "x" */
    {33, 4, 10}, /* "\r" */
    {35, 5, 1},  /* "a" of akhir */
    {40, 5, 6},  /* the end of the text */
};

START_TEST(test_line_column)
{
    sc_page page;
    size_t line = 0, column = 0;

    memset(&page, 0, sizeof page);
    page.field_data[SC_FIELD_SUMMARY] = lc_text;
    page.field_len[SC_FIELD_SUMMARY] = sizeof lc_text - 1;
    ck_assert_uint_eq(sizeof lc_text - 1, 40);
    sc_page_line_column(&page, SC_FIELD_SUMMARY, lc_cases[_i].offset, &line, &column);
    ck_assert_msg(line == lc_cases[_i].line && column == lc_cases[_i].column,
                  "offset %zu -> %zu:%zu, want %zu:%zu", lc_cases[_i].offset, line, column,
                  lc_cases[_i].line, lc_cases[_i].column);
}
END_TEST

START_TEST(test_line_column_absent_field)
{
    sc_page page;
    size_t line = 0, column = 0;

    memset(&page, 0, sizeof page);
    sc_page_line_column(&page, SC_FIELD_SOURCE, 12, &line, &column);
    ck_assert_uint_eq(line, 1);
    ck_assert_uint_eq(column, 1);
}
END_TEST

/* The cached form agrees with the plain one whatever order the offsets
 * come in (reports ask mostly in increasing order, sometimes not). */
START_TEST(test_line_column_cached)
{
    enum { LEN = sizeof lc_text - 1 };
    sc_page page;
    sc_position_cache cache;
    size_t order[3 * (LEN + 1)], n = 0;

    memset(&page, 0, sizeof page);
    page.field_data[SC_FIELD_SUMMARY] = lc_text;
    page.field_len[SC_FIELD_SUMMARY] = LEN;
    for (size_t k = 0; k <= LEN; k++)
        order[n++] = k;
    for (size_t k = LEN + 1; k-- > 0;)
        order[n++] = k;
    for (size_t k = 0; k <= LEN; k++)
        order[n++] = (k * 7) % (LEN + 1);
    sc_position_cache_init(&cache);
    for (size_t k = 0; k < n; k++) {
        size_t l1, c1, l2, c2;
        sc_page_line_column(&page, SC_FIELD_SUMMARY, order[k], &l1, &c1);
        sc_page_line_column_cached(&page, &cache, SC_FIELD_SUMMARY, order[k], &l2, &c2);
        ck_assert_msg(l1 == l2 && c1 == c2, "offset %zu: cached %zu:%zu, plain %zu:%zu", order[k],
                      l2, c2, l1, c1);
    }
}
END_TEST

/* A long text of ASCII runs, multi-byte characters and line breaks at
 * every alignment: the eight-byte steps agree with a byte-by-byte count
 * at every offset. */
START_TEST(test_line_column_long)
{
    static const char *const pieces[] = {
        "abcdefghij",  "\xc3\xa9",         "\n", "kl", "\xe2\x80\x99",
        "mnopqrstuvw", "\xf0\x9f\x98\x80", " "};
    char text[600];
    size_t len = 0;
    for (size_t k = 0; len + 16 < sizeof text; k++) {
        const char *p = pieces[(k * 5 + k / 3) % 8];
        memcpy(text + len, p, strlen(p));
        len += strlen(p);
    }
    sc_page page;
    memset(&page, 0, sizeof page);
    page.field_data[SC_FIELD_SOURCE] = text;
    page.field_len[SC_FIELD_SOURCE] = len;
    size_t want_line = 1, want_column = 1;
    for (size_t offset = 0; offset <= len; offset++) {
        size_t line, column;
        sc_page_line_column(&page, SC_FIELD_SOURCE, offset, &line, &column);
        ck_assert_msg(line == want_line && column == want_column,
                      "offset %zu: %zu:%zu, want %zu:%zu", offset, line, column, want_line,
                      want_column);
        if (offset < len && text[offset] == '\n')
            want_line++, want_column = 1;
        else if (offset < len && ((unsigned char)text[offset] & 0xC0) != 0x80)
            want_column++;
    }
}
END_TEST

/* Line and column of text[0..offset) counted a byte at a time. */
static void plain_line_column(const char *text, size_t offset, size_t *line, size_t *column)
{
    *line = 1;
    *column = 1;
    for (size_t i = 0; i < offset; i++) {
        if (text[i] == '\n')
            ++*line, *column = 1;
        else if (((unsigned char)text[i] & 0xC0) != 0x80)
            ++*column;
    }
}

/* Texts nearly all continuation bytes, over thousands of bytes and with
 * line breaks from never to often: the per-lane sums of the column count
 * must not overflow into each other, whatever the length, and the cached
 * form agrees when it resumes by steps of every size. */
static const struct {
    const char *piece;
    size_t line_every; /* a line break after every this many pieces; 0: none */
} dense_cases[] = {
    {"\x80", 0},   {"\xbf\x80\x80", 0},  {"\xe2\x80\x99", 0},      {"\xf0\x9f\x98\x80", 0},
    {"\x80", 700}, {"\xe2\x80\x99", 37}, {"a\x80\x80\x80\x80", 3}, {"\xc3\xa9", 1},
};

START_TEST(test_line_column_dense)
{
    enum { LEN = 3000 };
    static char text[LEN + 8];
    const char *piece = dense_cases[_i].piece;
    size_t len = 0, pieces = 0;
    while (len + strlen(piece) + 1 <= LEN) {
        memcpy(text + len, piece, strlen(piece));
        len += strlen(piece);
        pieces++;
        if (dense_cases[_i].line_every != 0 && pieces % dense_cases[_i].line_every == 0)
            text[len++] = '\n';
    }
    sc_page page;
    memset(&page, 0, sizeof page);
    page.field_data[SC_FIELD_PAGE] = text;
    page.field_len[SC_FIELD_PAGE] = len;
    sc_position_cache cache;
    sc_position_cache_init(&cache);
    size_t next = 0, step = 1;
    for (size_t offset = 0; offset <= len; offset++) {
        size_t want_line, want_column, line, column;
        plain_line_column(text, offset, &want_line, &want_column);
        sc_page_line_column(&page, SC_FIELD_PAGE, offset, &line, &column);
        ck_assert_msg(line == want_line && column == want_column,
                      "offset %zu: %zu:%zu, want %zu:%zu", offset, line, column, want_line,
                      want_column);
        /* The cache resumes at growing distances: 1, 2, ... 300 bytes. */
        if (offset == next) {
            sc_page_line_column_cached(&page, &cache, SC_FIELD_PAGE, offset, &line, &column);
            ck_assert_msg(line == want_line && column == want_column,
                          "cached offset %zu: %zu:%zu, want %zu:%zu", offset, line, column,
                          want_line, want_column);
            next += step;
            step = step % 300 + 1;
        }
    }
}
END_TEST

#define N(array) ((int)(sizeof(array) / sizeof((array)[0])))

/* ---- eight bytes at a time (swar.h) ------------------------------------ */

/* The thresholds and bytes the readers and writers test for. */
static const unsigned swar_below[] = {1, 0x20, 0x7F, 0x80};
static const unsigned char swar_bytes[] = {0, '"', '\\', 0x7F, 0x80, 0xFF};
/* What the other seven bytes hold: plain text, high bytes (whose borrow
 * must not flag a byte), the values tested for. */
static const unsigned char swar_fill[] = {'a', 0x20, 0x21, 0x80, 0xFF, 0x00, '"', '\\'};

/* Every byte value at every position, over each fill: the word test says
 * "some byte qualifies" exactly when a byte does. */
START_TEST(test_swar_exact)
{
    unsigned char fill = swar_fill[_i];
    for (int pos = 0; pos < 8; pos++)
        for (int v = 0; v < 256; v++) {
            unsigned char b[8];
            memset(b, fill, sizeof b);
            b[pos] = (unsigned char)v;
            uint64_t w = sc_swar_load(b);
            for (size_t k = 0; k < N(swar_below); k++) {
                bool want = false;
                for (int j = 0; j < 8; j++)
                    want |= b[j] < swar_below[k];
                ck_assert_msg((sc_swar_has_byte_below(w, swar_below[k]) != 0) == want,
                              "fill 0x%02x, 0x%02x at %d: below 0x%02x", fill, v, pos,
                              swar_below[k]);
                ck_assert_uint_eq(sc_swar_has_byte_below(w, swar_below[k]) & ~SC_SWAR_HIGH, 0);
            }
            for (size_t k = 0; k < N(swar_bytes); k++) {
                bool want = memchr(b, swar_bytes[k], sizeof b) != NULL;
                ck_assert_msg((sc_swar_has_byte(w, swar_bytes[k]) != 0) == want,
                              "fill 0x%02x, 0x%02x at %d: byte 0x%02x", fill, v, pos,
                              swar_bytes[k]);
            }
        }
}
END_TEST

static Suite *core_suite(void)
{
    Suite *s = suite_create("core");
    TCase *tc;

    tc = tcase_create("arena");
    tcase_add_loop_test(tc, test_arena_alignment, 0, N(alloc_sizes));
    tcase_add_test(tc, test_arena_chars);
    tcase_add_test(tc, test_arena_large_blocks);
    tcase_add_test(tc, test_arena_absurd_sizes);
    tcase_add_loop_test(tc, test_arena_calloc_overflow, 0, N(calloc_overflow));
    tcase_add_test(tc, test_arena_calloc_zeroed);
    tcase_add_loop_test(tc, test_arena_strndup, 0, N(strndup_cases));
    tcase_add_test(tc, test_arena_strndup_unterminated);
    tcase_add_test(tc, test_arena_grow);
    tcase_add_test(tc, test_arena_printf);
    tcase_add_test(tc, test_arena_used);
    tcase_add_test(tc, test_arena_spares);
    tcase_add_test(tc, test_arena_spare_reused);
    suite_add_tcase(s, tc);

    tc = tcase_create("swar");
    tcase_add_loop_test(tc, test_swar_exact, 0, N(swar_fill));
    suite_add_tcase(s, tc);

    tc = tcase_create("buf");
    tcase_add_test(tc, test_buf_append);
    tcase_add_test(tc, test_buf_append_growth);
    tcase_add_loop_test(tc, test_buf_printf_growth, 0, N(printf_lengths));
    suite_add_tcase(s, tc);

    tc = tcase_create("intern");
    tcase_add_test(tc, test_intern_basic);
    tcase_add_loop_test(tc, test_intern_hashed, 0,
                        (int)(sizeof hashed_words / sizeof hashed_words[0]));
    tcase_add_loop_test(tc, test_intern_many, 0, N(intern_counts));
    suite_add_tcase(s, tc);

    tc = tcase_create("line_column");
    tcase_add_loop_test(tc, test_line_column, 0, N(lc_cases));
    tcase_add_test(tc, test_line_column_absent_field);
    tcase_add_test(tc, test_line_column_cached);
    tcase_add_test(tc, test_line_column_long);
    tcase_add_loop_test(tc, test_line_column_dense, 0, N(dense_cases));
    suite_add_tcase(s, tc);
    return s;
}

SC_TEST_MAIN(core_suite)
