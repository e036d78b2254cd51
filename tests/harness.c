#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int skipped;

const char *sc_test_shared_path(const char *relative)
{
    static char path[4096];
    const char *dir = getenv("SC_SHARED_DIR");
    struct stat st;

    if (dir == NULL || *dir == '\0')
        return NULL;
    if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, relative) >= sizeof path)
        return NULL;
    if (stat(path, &st) != 0)
        return NULL;
    return path;
}

void sc_test_skip(const char *what, const char *why)
{
    printf("SKIP %s: %s\n", what, why);
    skipped++;
}

char *sc_test_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0;

    if (f == NULL)
        return NULL;
    for (;;) {
        if (n + 4096 + 1 > cap) {
            size_t ncap = cap ? cap * 2 : 65536;
            char *nbuf = realloc(buf, ncap);
            if (nbuf == NULL) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nbuf;
            cap = ncap;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
    }
    fclose(f);
    buf[n] = '\0';
    if (len != NULL)
        *len = n;
    return buf;
}

int sc_test_run(Suite *suite)
{
    SRunner *runner = srunner_create(suite);
    int run, failed;

    srunner_run_all(runner, CK_NORMAL);
    run = srunner_ntests_run(runner);
    failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    printf("RESULT passed=%d failed=%d skipped=%d\n", run - failed, failed, skipped);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
