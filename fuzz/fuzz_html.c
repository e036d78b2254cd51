/* libFuzzer target: the html reader and the whole check-and-report path,
 * then the reader again with user selectors (--summary-selector,
 * --article-selector) picked by the input's first byte. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const selectors[] = {
    NULL, "p", "div.summary", "#main p", "article > p", "//article", "//*[@class]", "//text()",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_and_render(data, size, SC_INPUT_HTML);
    if (size == 0)
        return 0;
    size_t n = sizeof selectors / sizeof selectors[0];
    sc_options options;
    sc_options_init(&options);
    options.input_format = SC_INPUT_HTML;
    options.summary_selector = selectors[data[0] % n];
    options.article_selector = selectors[(data[0] / n) % n];
    sc_error error;
    sc_result_free(sc_check((const char *)data, size, "fuzz", &options, &error));
    return 0;
}
