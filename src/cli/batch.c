/* Checking documents on worker threads with results handed back in input
 * order.
 *
 * The batch is a pipeline, not a barrier: the calling thread reads
 * documents into a ring of slots, workers take them in order, check them
 * and do the caller's per-document work (rendering the reports that can be
 * rendered alone), and the calling thread hands finished slots back in the
 * order they came while the workers go on.  A report is identical for any
 * number of threads (DESIGN.md, determinism).
 *
 * An earlier version checked a block of documents, waited for all of
 * them, then rendered them on the calling thread while the workers idled:
 * 1.68x one thread on two cores.  Overlapping the two and moving the
 * rendering to the workers is what gets past 1.8x (bench/threads.py).
 *
 * At most BATCH_PER_JOB documents per thread and BATCH_MAX_BYTES of input
 * are in flight, so memory stays bounded on any corpus. */
#include <jansson.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { BATCH_PER_JOB = 64 };
/* Input bytes held in flight: bounds memory on a corpus of large pages. */
#define BATCH_MAX_BYTES ((size_t)64 * 1024 * 1024)

typedef enum slot_state { SLOT_QUEUED, SLOT_TAKEN, SLOT_DONE } slot_state;

typedef struct slot {
    char *data;
    char *id, *name; /* doc's, owned here */
    sc_input_format format;
    slot_state state;
    batch_doc doc;
} slot;

struct batch {
    const sc_options *options;
    batch_work_fn work;
    batch_deliver_fn deliver;
    void *context;
    slot *slots;
    size_t cap;
    /* Counters since the start: slot i lives in slots[i % cap]. */
    size_t head;    /* the next to deliver */
    size_t taken;   /* the next a worker takes */
    size_t tail;    /* the next to fill */
    size_t bytes;   /* input bytes in flight */
    size_t wake_at; /* the slot the calling thread waits for */
    bool closing;
    pthread_mutex_t lock;
    pthread_cond_t queued; /* a slot was filled, or closing */
    pthread_cond_t done;   /* slot wake_at was checked */
    pthread_t *threads;
    size_t n_threads;
};

/* Checks one slot and does the caller's work on it; the lock is not
 * held. */
static void check_slot(batch *b, slot *s)
{
    sc_options options = *b->options;
    options.input_format = s->format;
    memset(&s->doc.error, 0, sizeof s->doc.error);
    s->doc.result = sc_check(s->data, s->doc.len, s->doc.id, &options, &s->doc.error);
    s->doc.failed = s->doc.result == NULL;
    free(s->data);
    s->data = NULL;
    if (b->work != NULL)
        b->work(b->context, &s->doc);
}

static void *worker(void *arg)
{
    batch *b = arg;
    pthread_mutex_lock(&b->lock);
    for (;;) {
        while (b->taken == b->tail && !b->closing)
            pthread_cond_wait(&b->queued, &b->lock);
        if (b->taken == b->tail)
            break;
        size_t index = b->taken++;
        slot *s = &b->slots[index % b->cap];
        s->state = SLOT_TAKEN;
        pthread_mutex_unlock(&b->lock);
        check_slot(b, s);
        pthread_mutex_lock(&b->lock);
        s->state = SLOT_DONE;
        /* Only the calling thread waits, for one slot at a time. */
        if (index == b->wake_at)
            pthread_cond_signal(&b->done);
    }
    pthread_mutex_unlock(&b->lock);
    return NULL;
}

batch *batch_new(size_t jobs, const sc_options *options, batch_work_fn work,
                 batch_deliver_fn deliver, void *context)
{
    batch *b = calloc(1, sizeof *b);
    if (b == NULL)
        return NULL;
    jobs = jobs < 1 ? 1 : jobs;
    b->options = options;
    b->work = work;
    b->deliver = deliver;
    b->context = context;
    b->cap = jobs * BATCH_PER_JOB;
    b->slots = calloc(b->cap, sizeof *b->slots);
    b->threads = calloc(jobs, sizeof *b->threads);
    if (b->slots == NULL || b->threads == NULL) {
        free(b->slots);
        free(b->threads);
        free(b);
        return NULL;
    }
    /* Jansson seeds its hash function on first use; seeded here, before
     * any worker exists, no two threads race to do it (Jansson's docs,
     * "Thread safety"). */
    json_object_seed(0);
    pthread_mutex_init(&b->lock, NULL);
    pthread_cond_init(&b->queued, NULL);
    pthread_cond_init(&b->done, NULL);
    /* Threads that cannot start are no error: the calling thread checks
     * whatever no worker has taken when it needs it (deliver_head). */
    for (; b->n_threads < jobs; b->n_threads++)
        if (pthread_create(&b->threads[b->n_threads], NULL, worker, b) != 0)
            break;
    return b;
}

/* Waits until slot index is checked; the lock is held. */
static void wait_for(batch *b, size_t index)
{
    slot *s = &b->slots[index % b->cap];
    b->wake_at = index;
    while (s->state != SLOT_DONE)
        pthread_cond_wait(&b->done, &b->lock);
}

/* Hands back the oldest slot, waiting for it (or checking it here when no
 * worker took it).  The lock is held on entry and on return. */
static void deliver_head(batch *b)
{
    slot *s = &b->slots[b->head % b->cap];
    if (s->state == SLOT_QUEUED && b->taken == b->head) {
        b->taken++;
        s->state = SLOT_TAKEN;
        pthread_mutex_unlock(&b->lock);
        check_slot(b, s);
        pthread_mutex_lock(&b->lock);
        s->state = SLOT_DONE;
    }
    wait_for(b, b->head);
    b->head++;
    b->bytes -= s->doc.len;
    pthread_mutex_unlock(&b->lock);
    b->deliver(b->context, &s->doc);
    free(s->id);
    free(s->name);
    memset(s, 0, sizeof *s);
    pthread_mutex_lock(&b->lock);
}

bool batch_flush(batch *b)
{
    pthread_mutex_lock(&b->lock);
    while (b->head < b->tail)
        deliver_head(b);
    pthread_mutex_unlock(&b->lock);
    return true;
}

bool batch_add(batch *b, const char *data, size_t len, const char *id, sc_input_format format,
               const char *name, size_t jsonl_line)
{
    pthread_mutex_lock(&b->lock);
    /* A full ring is emptied by half at once: waiting for the slot half
     * way along, not for each head in turn, wakes this thread once per
     * half ring instead of once per document. */
    if (b->n_threads > 0 && b->tail - b->head == b->cap)
        wait_for(b, b->head + b->cap / 2);
    /* Make room, and hand back whatever is finished so reports stream. */
    while (b->head < b->tail && (b->tail - b->head == b->cap || b->bytes + len > BATCH_MAX_BYTES ||
                                 b->slots[b->head % b->cap].state == SLOT_DONE))
        deliver_head(b);
    pthread_mutex_unlock(&b->lock);

    /* The slot at tail is the caller's until it is published below. */
    slot *s = &b->slots[b->tail % b->cap];
    s->data = malloc(len ? len : 1);
    s->id = strdup(id);
    s->name = strdup(name);
    if (s->data == NULL || s->id == NULL || s->name == NULL) {
        free(s->data);
        free(s->id);
        free(s->name);
        memset(s, 0, sizeof *s);
        return false;
    }
    if (len > 0)
        memcpy(s->data, data, len);
    s->doc.id = s->id;
    s->doc.name = s->name;
    s->doc.len = len;
    s->doc.jsonl_line = jsonl_line;
    s->format = format;
    s->state = SLOT_QUEUED;

    pthread_mutex_lock(&b->lock);
    b->tail++;
    b->bytes += len;
    pthread_cond_signal(&b->queued);
    pthread_mutex_unlock(&b->lock);
    return true;
}

void batch_free(batch *b)
{
    if (b == NULL)
        return;
    pthread_mutex_lock(&b->lock);
    b->closing = true;
    /* Not flushed: the reports may be closed by now.  Nothing new is
     * started; what is being checked finishes and is dropped. */
    b->taken = b->tail;
    pthread_cond_broadcast(&b->queued);
    pthread_mutex_unlock(&b->lock);
    for (size_t t = 0; t < b->n_threads; t++)
        pthread_join(b->threads[t], NULL);
    for (size_t i = b->head; i < b->tail; i++) {
        slot *s = &b->slots[i % b->cap];
        free(s->data);
        free(s->id);
        free(s->name);
        sc_result_free(s->doc.result);
        if (s->doc.work_free != NULL)
            s->doc.work_free(s->doc.work);
    }
    pthread_cond_destroy(&b->queued);
    pthread_cond_destroy(&b->done);
    pthread_mutex_destroy(&b->lock);
    free(b->threads);
    free(b->slots);
    free(b);
}
