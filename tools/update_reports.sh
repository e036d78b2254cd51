#!/bin/sh
# Regenerates reports/<case>.<ext>, the golden reports of every fixture in
# every format (json, txt, sarif, junit.xml, github.txt, html), with the
# fixture runner that CI uses to diff them: each case runs in its own
# folder with a relative input name, so the reports hold no absolute path,
# no timestamp, and come out in a stable order.
#
# Usage: tools/update_reports.sh [SUMCHECK_BINARY] [--screenshot]
#   SUMCHECK_BINARY  default build/sumcheck (built first with ninja)
#   --screenshot     also render reports/seed-rappler-id.html to
#                    reports/seed-rappler-id.html.png (1280x1600) in headless
#                    Chromium; a picture for people, not diffed.
# Also: ninja -C BUILD update-reports.
set -eu

binary=""
screenshot=no
for arg in "$@"; do
    case "$arg" in
    --screenshot) screenshot=yes ;;
    -*) echo "update_reports: unknown option $arg" >&2; exit 2 ;;
    /*) binary=$arg ;;
    *) binary=$PWD/$arg ;;
    esac
done
cd "$(dirname "$0")/.."
if [ -z "$binary" ]; then
    binary=build/sumcheck
    [ -f build/build.ninja ] && ninja -C build >&2
fi
if [ ! -x "$binary" ]; then
    echo "update_reports: $binary is not an executable: build it first (tools/setup.sh)" >&2
    exit 2
fi

# The runner checks each case too: its failures are said, the reports are
# written anyway (they record what the program does now).
log=$(mktemp)
if ! python3 tests/run_fixtures.py "$binary" fixtures --reports reports --update-reports > "$log"; then
    grep '^FAIL' "$log" >&2 || true
    echo "update_reports: some fixture cases fail (above); the reports record the current output" >&2
fi
sed -n 's/^UPDATED //p' "$log" >&2
echo "update_reports: $(grep -c '^UPDATED' "$log") of $(ls reports | grep -cv '\.png$') reports in reports/ changed" >&2
rm -f "$log"

if [ "$screenshot" = yes ]; then
    browser=""
    for b in chromium chromium-browser google-chrome; do
        command -v "$b" > /dev/null 2>&1 && browser=$b && break
    done
    if [ -z "$browser" ]; then
        echo "update_reports: no chromium for the screenshot (apt-get install chromium)" >&2
        exit 2
    fi
    profile=$(mktemp -d)
    trap 'rm -rf "$profile"' EXIT
    "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --disable-extensions --host-resolver-rules='MAP * ~NOTFOUND' \
        --user-data-dir="$profile" --hide-scrollbars --window-size=1280,1600 \
        --screenshot="$PWD/reports/seed-rappler-id.html.png" \
        "file://$PWD/reports/seed-rappler-id.html" > /dev/null 2>&1
    echo "update_reports: wrote reports/seed-rappler-id.html.png" >&2
fi
