/* Checking documents on worker threads with results handed back in input
 * order.
 *
 * Documents are gathered into a batch (copies of their bytes), checked in
 * parallel, then given to the caller one by one in the order they came: a
 * report is identical for any number of threads (DESIGN.md, determinism).
 * A batch holds at most BATCH_PER_JOB documents per thread and
 * BATCH_MAX_BYTES of input, so memory stays bounded on any corpus. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { BATCH_PER_JOB = 64 };
#define BATCH_MAX_BYTES ((size_t)64 * 1024 * 1024)

typedef struct item {
    char *data;
    size_t len;
    char *id;
    char *name;
    sc_input_format format;
    size_t jsonl_line;
    sc_result *result;
    sc_error error;
} item;

struct batch {
    size_t jobs;
    const sc_options *options;
    batch_result_fn deliver;
    void *context;
    item *items;
    size_t n, cap;
    size_t bytes;
    atomic_size_t next; /* the next item a worker takes */
};

batch *batch_new(size_t jobs, const sc_options *options, batch_result_fn deliver, void *context)
{
    batch *b = calloc(1, sizeof *b);
    if (b == NULL)
        return NULL;
    b->jobs = jobs < 1 ? 1 : jobs;
    b->options = options;
    b->deliver = deliver;
    b->context = context;
    b->cap = b->jobs * BATCH_PER_JOB;
    b->items = calloc(b->cap, sizeof *b->items);
    if (b->items == NULL) {
        free(b);
        return NULL;
    }
    return b;
}

static void *worker(void *arg)
{
    batch *b = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&b->next, 1);
        if (i >= b->n)
            return NULL;
        item *it = &b->items[i];
        sc_options options = *b->options;
        options.input_format = it->format;
        memset(&it->error, 0, sizeof it->error);
        it->result = sc_check(it->data, it->len, it->id, &options, &it->error);
    }
}

bool batch_flush(batch *b)
{
    if (b->n == 0)
        return true;
    atomic_store(&b->next, 0);
    size_t threads = b->jobs < b->n ? b->jobs : b->n;
    pthread_t *ids = calloc(threads, sizeof *ids);
    size_t started = 0;
    if (ids != NULL)
        for (; started < threads; started++)
            if (pthread_create(&ids[started], NULL, worker, b) != 0)
                break;
    /* Whatever threads could not start, this one does the work. */
    if (started == 0)
        worker(b);
    for (size_t t = 0; t < started; t++)
        pthread_join(ids[t], NULL);
    free(ids);
    for (size_t i = 0; i < b->n; i++) {
        item *it = &b->items[i];
        b->deliver(b->context, it->result, &it->error, it->id, it->name, it->jsonl_line);
        free(it->data);
        free(it->id);
        free(it->name);
        memset(it, 0, sizeof *it);
    }
    b->n = 0;
    b->bytes = 0;
    return true;
}

bool batch_add(batch *b, const char *data, size_t len, const char *id, sc_input_format format,
               const char *name, size_t jsonl_line)
{
    if (b->n == b->cap || (b->n > 0 && b->bytes + len > BATCH_MAX_BYTES))
        batch_flush(b);
    item *it = &b->items[b->n];
    it->data = malloc(len ? len : 1);
    it->id = strdup(id);
    it->name = strdup(name);
    if (it->data == NULL || it->id == NULL || it->name == NULL) {
        free(it->data);
        free(it->id);
        free(it->name);
        memset(it, 0, sizeof *it);
        return false;
    }
    if (len > 0)
        memcpy(it->data, data, len);
    it->len = len;
    it->format = format;
    it->jsonl_line = jsonl_line;
    b->n++;
    b->bytes += len;
    return true;
}

void batch_free(batch *b)
{
    if (b == NULL)
        return;
    /* Not flushed: the reports may be closed by now.  Drop what is left. */
    for (size_t i = 0; i < b->n; i++) {
        free(b->items[i].data);
        free(b->items[i].id);
        free(b->items[i].name);
    }
    free(b->items);
    free(b);
}
