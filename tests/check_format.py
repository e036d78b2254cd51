#!/usr/bin/env python3
"""Checks that every C source and header is formatted as .clang-format says
(clang-format --dry-run --Werror), one test case per file.  Skipped when
clang-format is not installed.  Ends with a RESULT line."""
import os
import shutil
import subprocess
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
tool = shutil.which("clang-format")
files = []
for top in ("src", "include", "tests"):
    for dirpath, _, names in os.walk(os.path.join(root, top)):
        files += [os.path.join(dirpath, n) for n in names if n.endswith((".c", ".h"))]
files.sort()
if tool is None:
    print("SKIP format: clang-format not installed")
    print(f"RESULT passed=0 failed=0 skipped={len(files)}")
    sys.exit(0)
failed = 0
for path in files:
    proc = subprocess.run([tool, "--dry-run", "--Werror", path], capture_output=True, text=True)
    if proc.returncode != 0:
        failed += 1
        first = (proc.stderr.strip().splitlines() or ["not formatted"])[0]
        print(f"FAIL {os.path.relpath(path, root)}: {first} (run clang-format -i)")
print(f"RESULT passed={len(files) - failed} failed={failed} skipped=0")
sys.exit(1 if failed else 0)
