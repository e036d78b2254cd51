/* The progress bar and the summary line on standard error.
 *
 * The bar is drawn only when standard error is a terminal, at most
 * PROGRESS_HZ times a second, and not before PROGRESS_DELAY seconds: a run
 * of one page never flickers.  It is erased before any other line goes to
 * standard error (progress_clear) and at the end.  How far the run is goes
 * by input bytes when every input's size is known (regular files, and
 * standard input redirected from one), else by documents when their
 * number is known (no JSON Lines), else it is not shown; the rate is in
 * documents a second. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

#define PROGRESS_HZ 10.0
#define PROGRESS_DELAY 0.3
enum { BAR_WIDTH = 24 };

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_start(progress *p, FILE *out, bool bar)
{
    memset(p, 0, sizeof *p);
    p->out = out;
    p->bar = bar;
    p->docs_known = true;
    p->bytes_known = true;
    p->start = now();
}

void progress_expect(progress *p, size_t documents, bool documents_known, double bytes,
                     bool bytes_known)
{
    p->docs_total += documents;
    p->docs_known &= documents_known;
    p->bytes_total += bytes;
    p->bytes_known &= bytes_known;
}

double progress_elapsed(const progress *p)
{
    return now() - p->start;
}

static void clock_text(char *buf, size_t size, double seconds)
{
    if (!(seconds >= 0) || seconds > 359999)
        seconds = 359999;
    long s = lround(seconds);
    if (s >= 3600)
        snprintf(buf, size, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else
        snprintf(buf, size, "%ld:%02ld", s / 60, s % 60);
}

static void draw(progress *p, double t)
{
    double elapsed = t - p->start;
    double fraction = -1;
    if (p->bytes_known && p->bytes_total > 0)
        fraction = p->bytes_done / p->bytes_total;
    else if (p->docs_known && p->docs_total > 0)
        fraction = (double)p->docs_done / (double)p->docs_total;
    if (fraction > 1)
        fraction = 1;
    char line[160];
    size_t n = 0;
    if (fraction >= 0) {
        int fill = (int)(fraction * BAR_WIDTH);
        line[n++] = '[';
        for (int i = 0; i < BAR_WIDTH; i++)
            line[n++] = i < fill ? '#' : '-';
        line[n++] = ']';
        n += (size_t)snprintf(line + n, sizeof line - n, " %3d%% ", (int)(fraction * 100));
    }
    if (p->docs_known && p->docs_total > 0)
        n += (size_t)snprintf(line + n, sizeof line - n, "%zu/%zu documents", p->docs_done,
                              p->docs_total);
    else
        n += (size_t)snprintf(line + n, sizeof line - n, "%zu documents", p->docs_done);
    if (elapsed > 0)
        n +=
            (size_t)snprintf(line + n, sizeof line - n, "  %.0f/s", (double)p->docs_done / elapsed);
    char clock[32];
    if (fraction > 0 && fraction < 1) {
        clock_text(clock, sizeof clock, elapsed * (1 - fraction) / fraction);
        n += (size_t)snprintf(line + n, sizeof line - n, "  ETA %s", clock);
    } else {
        clock_text(clock, sizeof clock, elapsed);
        n += (size_t)snprintf(line + n, sizeof line - n, "  %s", clock);
    }
    if (p->flush != NULL)
        fflush(p->flush);
    /* \r and erase to the end of the line: the bar rewrites itself. */
    fprintf(p->out, "\r%s\033[K", line);
    fflush(p->out);
    p->drawn = true;
    p->last_draw = t;
}

void progress_step(progress *p, size_t bytes)
{
    p->docs_done++;
    p->bytes_done += (double)bytes;
    if (!p->bar)
        return;
    /* A clock read per document is cheap next to checking it. */
    double t = now();
    if (t - p->start >= PROGRESS_DELAY && t - p->last_draw >= 1.0 / PROGRESS_HZ)
        draw(p, t);
}

void progress_clear(progress *p)
{
    if (!p->drawn)
        return;
    fputs("\r\033[K", p->out);
    fflush(p->out);
    p->drawn = false;
    /* Redrawn at the next step, not at once: a burst of error lines would
     * otherwise each be followed by a bar. */
    p->last_draw = now();
}
