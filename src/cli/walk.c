/* Directories as inputs: the files below one, in a stable order (byte
 * order of names, depth first), so a batch's report is the same on every
 * machine. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

/* Nesting deeper than this is a link loop or a mistake, not a corpus. */
#define MAX_DEPTH 64

static bool known_extension(const char *name)
{
    static const char *const exts[] = {".txt", ".html", ".htm", ".json", ".jsonl", ".ndjson"};
    const char *dot = strrchr(name, '.');
    if (dot == NULL || dot == name)
        return false;
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
        if (strcmp(dot, exts[i]) == 0)
            return true;
    return false;
}

static bool matches(const strings *globs, const char *below, const char *name)
{
    for (size_t i = 0; i < globs->n; i++)
        if (fnmatch(globs->items[i], below, 0) == 0 || fnmatch(globs->items[i], name, 0) == 0)
            return true;
    return false;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

typedef struct walk {
    const strings *include, *exclude;
    strings *files;
    pool *p;
    const char *why;
} walk;

/* path: as it will be named; below: the part under the top directory. */
static bool visit(walk *w, const char *path, const char *below, int depth)
{
    if (depth > MAX_DEPTH) {
        fprintf(stderr, "sumcheck: %s: directories nested deeper than %d\n", path, MAX_DEPTH);
        w->why = "directories nested too deep";
        return false;
    }
    DIR *d = opendir(path);
    if (d == NULL) {
        fprintf(stderr, "sumcheck: %s: cannot open the directory: %s\n", path, strerror(errno));
        w->why = "cannot open the directory";
        return false;
    }
    strings names = {0};
    struct dirent *e;
    bool ok = true;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue; /* ".", "..", and hidden files such as .git */
        const char *copy = pool_strdup(w->p, e->d_name);
        if (copy == NULL || !strings_add(&names, copy)) {
            ok = false;
            w->why = "out of memory";
            break;
        }
    }
    closedir(d);
    if (names.n > 1)
        qsort(names.items, names.n, sizeof *names.items, by_name);
    for (size_t i = 0; ok && i < names.n; i++) {
        const char *name = names.items[i];
        const char *child = pool_join(w->p, path, name);
        const char *child_below = below[0] != '\0' ? pool_join(w->p, below, name) : name;
        if (child == NULL || child_below == NULL) {
            ok = false;
            w->why = "out of memory";
            break;
        }
        struct stat st;
        /* lstat: a link to a directory is not followed (no loops); a link
         * to a file is read like the file. */
        if (lstat(child, &st) != 0) {
            fprintf(stderr, "sumcheck: %s: cannot read: %s\n", child, strerror(errno));
            w->why = "cannot read the directory entry";
            ok = false;
            break;
        }
        if (S_ISDIR(st.st_mode)) {
            ok = visit(w, child, child_below, depth + 1);
            continue;
        }
        if (S_ISLNK(st.st_mode) && (stat(child, &st) != 0 || !S_ISREG(st.st_mode)))
            continue;
        if (!S_ISREG(st.st_mode))
            continue;
        bool take =
            w->include->n > 0 ? matches(w->include, child_below, name) : known_extension(name);
        if (take && !matches(w->exclude, child_below, name) && !strings_add(w->files, child)) {
            ok = false;
            w->why = "out of memory";
        }
    }
    strings_release(&names);
    return ok;
}

bool walk_directory(const char *dir, const strings *include, const strings *exclude, strings *files,
                    pool *p, const char **why_unreadable)
{
    walk w = {include, exclude, files, p, NULL};
    size_t before = files->n;
    bool ok = visit(&w, dir, "", 0);
    if (ok && files->n == before) {
        fprintf(stderr, "sumcheck: %s: no files to check in this directory%s\n", dir,
                include->n > 0 || exclude->n > 0 ? " (after --include and --exclude)" : "");
        w.why = "no files to check in this directory";
        ok = false;
    }
    if (!ok)
        *why_unreadable = w.why != NULL ? w.why : "cannot read the directory";
    return ok;
}
