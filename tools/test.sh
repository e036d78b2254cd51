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

# The unit suites again under valgrind (one process, CK_FORK=no, so leaks
# show), and the whole suite under a non-C UTF-8 locale whose case rules
# differ (Turkish dotted and dotless i): results must not depend on them.
logs="build-test/meson-logs/testlog.json build-asan/meson-logs/testlog.json"
if command -v valgrind >/dev/null 2>&1; then
    echo "== valgrind" >&2
    CK_FORK=no meson test -C build-test --suite unit --no-rebuild --logbase valgrind \
        --wrapper "valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite" \
        >&2 || status=1
    logs="$logs build-test/meson-logs/valgrind-valgrind.json"
fi
if locale -a 2>/dev/null | grep -qi '^tr_TR.utf-\?8$'; then
    echo "== LC_ALL=tr_TR.UTF-8" >&2
    LC_ALL=tr_TR.UTF-8 meson test -C build-test --no-rebuild --logbase locale >&2 || status=1
    logs="$logs build-test/meson-logs/locale.json"
fi

# The readers and the whole check-and-report path under libFuzzer, a bounded
# time per target (tools/fuzz.sh; longer campaigns run it by hand).
mkdir -p build-test
sh tools/fuzz.sh "${SC_FUZZ_SECONDS:-45}" > build-test/fuzz-result.txt || status=1

python3 tests/count_results.py $logs --extra build-test/fuzz-result.txt || status=1
exit $status
