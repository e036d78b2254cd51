"""What every Python test program of tests/ shares: a failed check, a
skipped case, short quoting of output for messages, and the case runner
that prints one PASS/FAIL/SKIP line per case and the RESULT line
tests/count_results.py adds up.  Standard library only."""
import subprocess
import sys


class Fail(Exception):
    """A check that did not hold: the case fails with this message."""


class Skip(Exception):
    """The case cannot run here (a tool or fixture is missing)."""


def check(cond, why):
    if not cond:
        raise Fail(why)


def short(data, limit=300):
    """bytes or str, cut for a failure message."""
    if isinstance(data, bytes):
        data = data.decode("utf-8", "replace")
    data = data if len(data) <= limit else data[:limit] + "…"
    return repr(data)


def run_cases(cases, before=None):
    """Runs each case function (before() first, when given, inside the same
    guard), printing "PASS name", "FAIL name: why" or "SKIP name: why".  A
    case that raises anything else, or times out, fails; the others still
    run.  Returns (passed, failed, skipped)."""
    passed = failed = skipped = 0
    for fn in cases:
        try:
            if before is not None:
                before()
            fn()
        except Skip as e:
            skipped += 1
            print(f"SKIP {fn.__name__}: {e}")
        except Fail as e:
            failed += 1
            print(f"FAIL {fn.__name__}: {e}")
        except subprocess.TimeoutExpired as e:
            failed += 1
            print(f"FAIL {fn.__name__}: timed out: {e}")
        except Exception as e:  # a broken case is a failure, not a crash of the suite
            failed += 1
            print(f"FAIL {fn.__name__}: {type(e).__name__}: {e}")
        else:
            passed += 1
            print(f"PASS {fn.__name__}")
        sys.stdout.flush()
    return passed, failed, skipped


def result(passed, failed, skipped=0):
    """Prints the RESULT line; the exit status: 1 when a case failed."""
    print(f"RESULT passed={passed} failed={failed} skipped={skipped}")
    return 1 if failed else 0
