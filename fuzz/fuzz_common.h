/* Shared by the libFuzzer targets: every input must end in a result or a
 * clean error, and a result must render in every report format. */
#ifndef SC_FUZZ_COMMON_H
#define SC_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "sumcheck.h"

static int discard(void *context, const char *data, size_t len)
{
    (void)context;
    (void)data;
    (void)len;
    return 0;
}

/* Checks data in format, and renders the result (or the error) as every
 * report the library writes. */
static void check_and_render(const uint8_t *data, size_t size, sc_input_format format)
{
    sc_options options;
    sc_options_init(&options);
    options.input_format = format;
    sc_error error;
    sc_result *result = sc_check((const char *)data, size, "fuzz", &options, &error);
    for (int f = SC_REPORT_TEXT; f <= SC_REPORT_JSONL; f++) {
        sc_render_options render = {.color = f == SC_REPORT_TEXT, .fail_on = SC_SEVERITY_ERROR};
        sc_report *report = sc_report_new((sc_report_format)f, &render, discard, NULL);
        if (report == NULL)
            abort();
        if (result != NULL)
            sc_report_add(report, result);
        else
            sc_report_add_error(report, "fuzz", &error);
        sc_report_finish(report);
        sc_report_free(report);
    }
    sc_result_free(result);
}

#endif
