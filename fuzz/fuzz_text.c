/* libFuzzer target: the text reader and the whole check-and-report path. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_and_render(data, size, SC_INPUT_TEXT);
    return 0;
}
