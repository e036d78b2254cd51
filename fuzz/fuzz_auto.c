/* libFuzzer target: format detection by content, then the whole path. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_and_render(data, size, SC_INPUT_AUTO);
    return 0;
}
