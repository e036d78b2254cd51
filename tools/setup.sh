#!/bin/sh
# Installs the Debian packages sumcheck needs (those missing only) and builds
# the optimised program at build/sumcheck.  Safe to run again.
set -eu
cd "$(dirname "$0")/.."

packages="build-essential pkg-config libxml2-dev libutf8proc-dev libjansson-dev check meson ninja-build python3 python3-jsonschema clang-format clang libclang-rt-14-dev valgrind locales chromium parallel python3-distributed"
missing=""
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ]; then
        as_root=""
    elif command -v sudo >/dev/null 2>&1; then
        as_root="sudo"
    else
        echo "setup: need root (or sudo) to install:$missing" >&2
        exit 2
    fi
    echo "setup: installing$missing" >&2
    $as_root apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq $missing >&2
fi

# A non-C UTF-8 locale for the tests (Turkish: its case rules differ).
if ! locale -a 2>/dev/null | grep -qi '^tr_TR.utf-\?8$' && command -v localedef >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        localedef -i tr_TR -f UTF-8 tr_TR.UTF-8 >&2 || echo "setup: could not build tr_TR.UTF-8" >&2
    elif command -v sudo >/dev/null 2>&1; then
        sudo localedef -i tr_TR -f UTF-8 tr_TR.UTF-8 >&2 || echo "setup: could not build tr_TR.UTF-8" >&2
    fi
fi

if [ ! -f build/build.ninja ]; then
    meson setup build --buildtype=release >&2
fi
ninja -C build >&2
