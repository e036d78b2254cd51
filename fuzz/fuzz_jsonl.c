/* libFuzzer target: JSON Lines as the CLI reads them, one pair per line,
 * with format detection on the whole input first. */
#include <string.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)sc_detect_input_format((const char *)data, size, NULL);
    size_t i = 0;
    while (i < size) {
        const uint8_t *nl = memchr(data + i, '\n', size - i);
        size_t end = nl != NULL ? (size_t)(nl - data) : size;
        check_and_render(data + i, end - i, SC_INPUT_JSONL);
        i = end + 1;
    }
    return 0;
}
