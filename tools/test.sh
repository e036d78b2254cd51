#!/bin/sh
# Builds the test suites with warnings as errors, runs them in a plain build
# and under AddressSanitizer + UndefinedBehaviorSanitizer, and ends with one
# line "N passed, N failed" over every test case of both runs.
set -u
cd "$(dirname "$0")/.."

status=0
configure() { # dir, meson options...
    dir=$1
    shift
    if [ ! -f "$dir/build.ninja" ]; then
        meson setup "$dir" "$@" >&2 || return 1
    else
        meson configure "$dir" "$@" >&2 || return 1
    fi
}

configure build-test -Dwerror=true --buildtype=debugoptimized || status=1
configure build-asan -Dwerror=true --buildtype=debug -Db_sanitize=address,undefined -Db_lundef=false || status=1

for dir in build-test build-asan; do
    [ -f "$dir/build.ninja" ] || continue
    echo "== $dir" >&2
    if ! ninja -C "$dir" >&2; then
        echo "test: build failed in $dir" >&2
        status=1
        continue
    fi
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        meson test -C "$dir" --print-errorlogs --no-rebuild >&2 || status=1
done

# The readers and the whole check-and-report path under libFuzzer, a bounded
# time per target (tools/fuzz.sh; longer campaigns run it by hand).
mkdir -p build-test
sh tools/fuzz.sh "${SC_FUZZ_SECONDS:-45}" > build-test/fuzz-result.txt || status=1

python3 tests/count_results.py build-test build-asan --extra build-test/fuzz-result.txt || status=1
exit $status
