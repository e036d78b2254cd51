#!/bin/sh
# Builds the libFuzzer targets (clang, AddressSanitizer + UBSan) and runs each
# for a bounded time on a corpus seeded with the fixtures.  Any crash, leak,
# hang or sanitizer report fails it; the input that did it is kept in
# build-fuzz/artifacts/.  Ends with "RESULT passed=N failed=M skipped=0".
#   sh tools/fuzz.sh [SECONDS_PER_TARGET]      (default 60; CI uses 45)
# A longer campaign: sh tools/fuzz.sh 3600
set -u
cd "$(dirname "$0")/.."
seconds=${1:-60}

if ! command -v clang >/dev/null 2>&1; then
    echo "fuzz: clang is not installed (tools/setup.sh installs it)" >&2
    echo "RESULT passed=0 failed=0 skipped=5"
    exit 0
fi
if [ ! -f build-fuzz/build.ninja ]; then
    CC=clang meson setup build-fuzz -Dfuzzing=true -Dtests=false --buildtype=debugoptimized \
        -Db_sanitize=address,undefined -Db_lundef=false >&2 || { echo "RESULT passed=0 failed=1 skipped=0"; exit 1; }
fi
ninja -C build-fuzz >&2 || { echo "RESULT passed=0 failed=1 skipped=0"; exit 1; }

passed=0
failed=0
mkdir -p build-fuzz/artifacts
for target in text json jsonl html auto; do
    corpus=build-fuzz/corpus/$target
    mkdir -p "$corpus"
    for f in fixtures/*/*; do
        case "$f" in
        */expected.json) ;;
        *) cp "$f" "$corpus/" 2>/dev/null ;;
        esac
    done
    echo "== fuzz_$target for ${seconds}s" >&2
    if UBSAN_OPTIONS=halt_on_error=1 ASAN_OPTIONS=detect_leaks=1 \
        build-fuzz/fuzz/fuzz_$target "$corpus" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -max_len=65536 -artifact_prefix=build-fuzz/artifacts/$target- \
        -print_final_stats=1 >build-fuzz/fuzz_$target.log 2>&1; then
        passed=$((passed + 1))
        grep -E "^stat::number_of_executed_units" build-fuzz/fuzz_$target.log >&2
    else
        failed=$((failed + 1))
        echo "FAIL fuzz_$target: see build-fuzz/fuzz_$target.log" >&2
        tail -n 30 build-fuzz/fuzz_$target.log >&2
    fi
done
echo "RESULT passed=$passed failed=$failed skipped=0"
[ "$failed" -eq 0 ]
