#!/usr/bin/env python3
"""Sums the test cases of every suite over the given meson build folders
(and --extra FILE: files holding a RESULT line of their own).

Each test program prints "RESULT passed=N failed=M skipped=K" as its last
line; a test that crashed or printed no such line counts as one failure.
Prints one line "N passed, N failed" (and ", N skipped" when some were)."""
import json
import re
import sys

passed = failed = skipped = 0
pattern = re.compile(r"^RESULT passed=(\d+) failed=(\d+) skipped=(\d+)\s*$", re.M)
args = sys.argv[1:]
extras = []
while "--extra" in args:
    i = args.index("--extra")
    extras.append(args[i + 1])
    del args[i:i + 2]
for path in extras:
    # A file holding one run's RESULT line (the fuzz step).
    try:
        found = pattern.findall(open(path, encoding="utf-8").read())
    except OSError:
        found = []
    if not found:
        print(f"count_results: no RESULT line in {path}", file=sys.stderr)
        failed += 1
        continue
    p, fl, s = (int(x) for x in found[-1])
    passed += p
    failed += fl
    skipped += s
for build in args:
    # A build folder (its last meson test log) or a log file itself.
    log = build if build.endswith(".json") else f"{build}/meson-logs/testlog.json"
    try:
        with open(log, encoding="utf-8") as f:
            records = [json.loads(line) for line in f if line.strip()]
    except OSError:
        print(f"count_results: no test log in {build}", file=sys.stderr)
        failed += 1
        continue
    for rec in records:
        found = pattern.findall(rec.get("stdout") or "")
        if not found:
            print(f"count_results: {build}: {rec.get('name')} printed no RESULT line "
                  f"(result {rec.get('result')})", file=sys.stderr)
            failed += 1
            continue
        p, fl, s = (int(x) for x in found[-1])
        if rec.get("result") not in ("OK", "EXPECTEDFAIL") and fl == 0:
            fl = 1  # it exited badly after printing: count that
        passed += p
        failed += fl
        skipped += s
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
sys.exit(1 if failed else 0)
