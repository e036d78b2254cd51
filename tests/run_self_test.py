#!/usr/bin/env python3
"""Runs one bench/ script's --self-test and reports it as one test case.

Usage: run_self_test.py SCRIPT

The script's own output is passed through; the last line is the
"RESULT passed=N failed=M skipped=K" line tests/count_results.py reads
(one case: passed when the self-test exits 0).  Exits with the
self-test's status."""
import subprocess
import sys


def main():
    if len(sys.argv) != 2:
        print("usage: run_self_test.py SCRIPT", file=sys.stderr)
        return 2
    proc = subprocess.run([sys.executable, sys.argv[1], "--self-test"],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sys.stdout.write(proc.stdout)
    ok = proc.returncode == 0
    print("RESULT passed=%d failed=%d skipped=0" % (ok, not ok))
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
