#!/usr/bin/env python3
"""End-to-end tests of batches: worker threads, the progress bar, the
summary line and the jobs setting (batches and threads).

Usage: test_batch.py SUMCHECK_BINARY

- Output is byte-identical for any --jobs, in every format, with unreadable
  lines, directories, baselines and suppressions in the run.
- The progress bar is drawn on standard error only when it is a terminal
  (a pty here): documents, rate, time left; erased at the end; nothing on
  a pipe.
- A run of more than one document ends with one summary line on a
  terminal, or with --stats anywhere; a run of one document has none.
- jobs comes from --jobs, SUMCHECK_JOBS, the config file or the default,
  in that order, and --print-config says which.

Inputs are the JSON Lines pairs of fixtures/jsonl-three-pairs, repeated
with fresh ids, and the seed page.  Prints "PASS name" / "FAIL name: why"
and ends with "RESULT passed=N failed=M skipped=0".
"""
import json
import os
import pty
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time

from pyharness import Fail, check, run_cases, result

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "fixtures")
RUN_TIMEOUT = 120

BIN = None
WORK = None
ENV = None
SUMMARY = re.compile(r"^sumcheck: (\d+) documents: (\d+) checked, (\d+) could not be read; "
                     r"findings: (\d+) errors, (\d+) warnings, (\d+) notes"
                     r"(?: \(besides (\d+) suppressed, (\d+) in the baseline\))?; "
                     r"(.*) \(exit (\d)\); \d+\.\d\d s"
                     r"(?:; articles: (\d+) of (\d+) from the cache)?$")


def write(rel, data):
    path = os.path.join(WORK, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb" if isinstance(data, bytes) else "w") as f:
        f.write(data)
    return path


def pairs(copies):
    """copies x the three fixture pairs, each with an id of its own."""
    with open(os.path.join(FIXTURES, "jsonl-three-pairs", "pairs.jsonl"), "rb") as f:
        base = [json.loads(line) for line in f.read().splitlines() if line.strip()]
    out = []
    for k in range(copies):
        for j, pair in enumerate(base):
            p = dict(pair)
            p["id"] = f"copy{k}-{j}"
            out.append(json.dumps(p, ensure_ascii=False))
    return ("\n".join(out) + "\n").encode()


def run(args, stdin=b"", env=None):
    p = subprocess.run([BIN] + args, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       cwd=WORK, env=env or ENV, timeout=RUN_TIMEOUT)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def run_stderr_on_tty(args, stdin_path):
    """Runs with stderr on a pseudo-terminal; (exit code, stdout, what the
    terminal got)."""
    master, slave = pty.openpty()
    with open(stdin_path, "rb") as f, tempfile.TemporaryFile() as out:
        p = subprocess.Popen([BIN] + args, stdin=f, stdout=out, stderr=slave, cwd=WORK, env=ENV)
        os.close(slave)
        got = b""
        deadline = time.monotonic() + RUN_TIMEOUT
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 1.0)
            if not ready:
                if p.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            got += chunk
        os.close(master)
        rc = p.wait(timeout=RUN_TIMEOUT)
        out.seek(0)
        return rc, out.read(), got.decode("utf-8", "replace")


# --- determinism across --jobs --------------------------------------------

def jobs_give_identical_output_in_every_format():
    data = pairs(40)
    bad = data.replace(b'{"id": "copy7-1"', b'{"id": "copy7-1", "summary": 5, "x"', 1)
    check(bad != data, "test input not changed")
    write("batch/in.jsonl", bad + b"not json at all\n")
    for fmt in ("jsonl", "json", "text", "github", "sarif", "junit", "html"):
        outs = set()
        for jobs in ("1", "2", "3"):
            rc, out, err = run(["--jobs", jobs, "--format", fmt, "batch/in.jsonl"])
            check(rc == 2, f"{fmt} --jobs {jobs}: expected exit 2 (unreadable lines), got {rc}: {err[:300]}")
            check(len(err.splitlines()) == 2, f"{fmt} --jobs {jobs}: expected two error lines: {err[:400]}")
            outs.add(out)
        check(len(outs) == 1, f"--format {fmt}: output differs across --jobs 1, 2, 3")


def jobs_identical_with_directories_baseline_and_suppressions():
    write("tree/a/pairs.jsonl", pairs(5))
    with open(os.path.join(FIXTURES, "seed-rappler-id", "page.txt"), "rb") as f:
        write("tree/b/seed.txt", f.read())
    write("tree/c/broken.json", b"{not json")
    rc, _, err = run(["--jobs", "1", "--write-baseline", "base.json", "tree"])
    check(rc == 2, f"write-baseline over a tree with a broken file: exit {rc}: {err[:300]}")
    write("conf.json", json.dumps({"suppressions": [
        {"rule": "unsupported-entity", "reason": "known name"}]}))
    results = set()
    for jobs in ("1", "2", "4"):
        rc, out1, _ = run(["--jobs", jobs, "--config", "conf.json", "--baseline", "base.json",
                           "--format", "github", "tree"])
        rc2, out2, _ = run(["--jobs", jobs, "--config", "conf.json", "--baseline", "base.json",
                            "--format", "json", "tree"])
        check(rc == 2 and rc2 == 2, f"--jobs {jobs}: exits {rc}, {rc2}")
        results.add((out1, out2))
    check(len(results) == 1, "github/json output with a baseline differs across --jobs")


# --- progress bar and summary line -------------------------------------------

# The progress tests need a run that outlasts the bar's delay (0.3 s):
# 12,000 pairs on one thread, about 0.8 s here; their pairs repeat three
# articles, which the article cache would serve, so they run without it
# (--cache-mb 0).
PROGRESS_COPIES = 4000
PROGRESS_DOCS = 3 * PROGRESS_COPIES

def progress_bar_on_a_terminal():
    path = write("big.jsonl", pairs(PROGRESS_COPIES))
    rc, out, tty = run_stderr_on_tty(["--jobs", "1", "--cache-mb", "0", "--format", "jsonl"], path)
    check(rc in (0, 1), f"exit {rc}: {tty[-300:]}")
    n_lines = out.count(b"\n")
    check(n_lines == PROGRESS_DOCS, f"expected {PROGRESS_DOCS} report lines, got {n_lines}")
    frames = [f for f in tty.split("\r") if "documents" in f and f.startswith("[")]
    check(frames, f"no progress bar drawn on the terminal: {tty[:300]!r}")
    first = frames[0]
    check(re.match(r"^\[[#-]{24}\] +\d+% \d+ documents  \d+/s  (ETA )?\d+:\d\d\x1b\[K$", first),
          f"bar frame not as expected: {first!r}")
    check("ETA" in tty, f"no time left shown: {tty[:300]!r}")
    # Erased at the end, then the summary line.
    lines = [ln for ln in tty.replace("\r\n", "\n").split("\n") if ln]
    last = lines[-1]
    check(f"\r\x1b[Ksumcheck: {PROGRESS_DOCS} documents:" in last,
          f"bar not erased before the summary line: {last[-200:]!r}")
    last = last.split("\r\x1b[K")[-1]
    m = SUMMARY.match(last)
    check(m is not None, f"summary line not as documented: {last!r}")
    check(m.group(2) == str(PROGRESS_DOCS) and m.group(3) == "0", f"summary counts: {last!r}")
    # The same report on a pipe, and nothing at all on stderr there.
    rc2, out2, err2 = run(["--jobs", "1", "--cache-mb", "0", "--format", "jsonl", "big.jsonl"])
    check(rc2 == rc and out2 == out, "stdout differs between a terminal and a pipe on stderr")
    check(err2 == "", f"a pipe got something on stderr: {err2[:200]!r}")


def progress_bar_makes_way_for_a_report_on_the_same_terminal():
    path = write("big2.jsonl", pairs(PROGRESS_COPIES))
    master, slave = pty.openpty()
    with open(path, "rb") as f:
        p = subprocess.Popen([BIN, "--jobs", "1", "--cache-mb", "0", "--format", "jsonl"], stdin=f,
                             stdout=slave, stderr=slave, cwd=WORK, env=ENV)
    os.close(slave)
    got = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        got += chunk
    os.close(master)
    rc = p.wait(timeout=RUN_TIMEOUT)
    text = got.decode("utf-8", "replace").replace("\r\n", "\n")
    # Without the bar's frames (each erased by "\r\x1b[K"), the terminal
    # holds the report lines whole, then the summary line.
    clean = re.sub(r"\r\[[#-]{24}\][^\r\n]*?\x1b\[K", "", text).replace("\r\x1b[K", "")
    lines = clean.split("\n")
    check(rc == 1 and lines[-1] == "", f"exit {rc}, tail {clean[-200:]!r}")
    check("\r[" in text, "no progress bar on the terminal")
    body, summary = lines[:-2], lines[-2]
    check(len(body) == PROGRESS_DOCS,
          f"{len(body)} report lines on the terminal, expected {PROGRESS_DOCS}")
    for k, line in enumerate(body):
        try:
            json.loads(line)
        except ValueError:
            raise Fail(f"report line {k + 1} is broken on the terminal: {line[:200]!r}")
    check(SUMMARY.match(summary), f"summary line: {summary!r}")


def progress_counts_files_of_a_directory():
    with open(os.path.join(FIXTURES, "seed-rappler-id", "page.txt"), "rb") as f:
        seed = f.read()
    for k in range(400):
        write(f"pages/p{k:03}.txt", seed)
    listing = write("pages.list", b"")  # stdin: an empty regular file
    rc, _, tty = run_stderr_on_tty(["--jobs", "2", "--format", "jsonl", "pages"], listing)
    check(rc == 1, f"exit {rc}: {tty[-300:]}")
    frames = [f for f in tty.split("\r") if f.startswith("[")]
    if frames:  # the machine may be fast enough to finish before the bar's delay
        check(re.search(r"\d+/400 documents", frames[-1]), f"total not shown: {frames[-1]!r}")
    check(re.search(r"sumcheck: 400 documents: 400 checked, 0 could not be read; "
                    r"findings: \d+ errors.*gate failed: \d+ findings at or above error \(exit 1\)",
                    tty), f"summary line: {tty[-300:]!r}")


def summary_line_with_stats_and_not_for_one_document():
    write("three.jsonl", pairs(1) + b"oops\n")
    rc, out, err = run(["--stats", "--format", "jsonl", "three.jsonl"])
    lines = err.splitlines()
    check(rc == 2 and len(lines) == 2, f"expected exit 2, an error line and the summary: {err!r}")
    m = SUMMARY.match(lines[1])
    check(m is not None, f"summary line not as documented: {lines[1]!r}")
    check(m.group(1, 2, 3) == ("4", "3", "1"), f"counts: {lines[1]!r}")
    check(m.group(9) == "gate failed: not every input could be read" and m.group(10) == "2",
          f"verdict: {lines[1]!r}")
    # Findings by severity agree with the JSON Lines report.
    rows = [json.loads(x) for x in out.decode().splitlines()]
    sev = {"error": 0, "warning": 0, "note": 0}
    for row in rows:
        for f in row.get("findings", []):
            sev[f["severity"]] += 1
    check((int(m.group(4)), int(m.group(5)), int(m.group(6))) ==
          (sev["error"], sev["warning"], sev["note"]), f"severity counts {sev} vs {lines[1]!r}")
    # Not without --stats on a pipe; not for one document even with it.
    rc, _, err = run(["--format", "jsonl", "three.jsonl"])
    check(len(err.splitlines()) == 1, f"summary line without --stats on a pipe: {err!r}")
    rc, _, err = run(["--stats", "--format", "jsonl", "--fail-on", "never"], stdin=pairs(1).split(b"\n")[0])
    check(rc == 0 and err == "", f"one document got a summary line: {err!r}")
    # Verdicts: passed, off, baseline written.
    rc, _, err = run(["--stats", "--format", "jsonl", "--fail-on", "never", "-"], stdin=pairs(2))
    check(rc == 0 and "; gate off (--fail-on never) (exit 0);" in err, f"gate off: {err!r}")
    rc, _, err = run(["--stats", "--format", "jsonl", "--write-baseline", "b2.json", "-"],
                     stdin=pairs(2))
    check(rc == 0 and "; baseline written (exit 0);" in err, f"baseline written: {err!r}")
    rc, _, err = run(["--stats", "--format", "jsonl", "--baseline", "b2.json", "-"],
                     stdin=pairs(2))
    m = SUMMARY.match(err.strip())
    check(rc == 0 and m is not None and m.group(9) == "gate passed" and int(m.group(8) or 0) > 0,
          f"with the baseline: exit {rc}, {err!r}")


# --- jobs setting --------------------------------------------------------------

def config_setting(key, folder, args, env_extra=None):
    """The --print-config entry of key, run in WORK/folder."""
    env = dict(ENV)
    env.update(env_extra or {})
    p = subprocess.run([BIN, "--print-config"] + args, cwd=os.path.join(WORK, folder), env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=RUN_TIMEOUT)
    check(p.returncode == 0, f"--print-config {args}: exit {p.returncode}: {p.stderr!r}")
    return json.loads(p.stdout)[key]


def config_refuses(key, values):
    """Each value of key in a config file: exit 2, one line naming $.key."""
    folder = key + "bad"
    for bad in values:
        write(f"{folder}/sumcheck.json", '{"%s": %s}' % (key, bad))
        p = subprocess.run([BIN, "--print-config"], cwd=os.path.join(WORK, folder), env=ENV,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=RUN_TIMEOUT)
        err = p.stderr.decode()
        check(p.returncode == 2 and f"$.{key}" in err and len(err.splitlines()) == 1,
              f"{key} {bad}: exit {p.returncode}, {err!r}")


def jobs_setting_precedence():
    write("jobsconf/sumcheck.json", json.dumps({"jobs": 3}))
    d = os.path.join(WORK, "jobsconf")

    def jobs(args, env_extra=None):
        return config_setting("jobs", "jobsconf", args, env_extra)

    check(jobs([]) == {"value": 3, "from": "config file"}, f"file: {jobs([])}")
    check(jobs([], {"SUMCHECK_JOBS": "2"}) == {"value": 2, "from": "environment SUMCHECK_JOBS"},
          "environment over file")
    check(jobs(["--jobs", "5"], {"SUMCHECK_JOBS": "2"}) == {"value": 5, "from": "command line"},
          "command line over environment")
    default = jobs(["--no-config"])
    check(default["from"] == "default" and default["value"] == (os.cpu_count() or 1),
          f"default: {default}")
    config_refuses("jobs", ("0", "-1", "2.5", "\"2\"", "1025", "true"))
    env = dict(ENV, SUMCHECK_JOBS="many")
    p = subprocess.run([BIN, "--print-config"], cwd=d, env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=RUN_TIMEOUT)
    check(p.returncode == 2 and b"SUMCHECK_JOBS" in p.stderr, f"bad SUMCHECK_JOBS: {p.stderr!r}")


def jobs_from_config_is_used():
    # A file that sets jobs gives the same output as the command line.
    write("jobsrun/sumcheck.json", json.dumps({"jobs": 2}))
    data = pairs(20)
    write("jobsrun/in.jsonl", data)
    d = os.path.join(WORK, "jobsrun")
    p1 = subprocess.run([BIN, "--format", "jsonl", "in.jsonl"], cwd=d, env=ENV,
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=RUN_TIMEOUT)
    p2 = subprocess.run([BIN, "--no-config", "--jobs", "1", "--format", "jsonl", "in.jsonl"],
                        cwd=d, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                        timeout=RUN_TIMEOUT)
    check(p1.returncode == p2.returncode and p1.stdout == p2.stdout and p1.stdout.count(b"\n") == 60,
          "jobs from the config file changed the output")


def html_pages_met_first_by_several_workers():
    # Each worker's first HTML page is its first libxml2 call; libxml2 must
    # be initialised once for all of them, or its global mutexes are set up
    # twice and one set leaks (a LeakSanitizer report in the ASan build,
    # about one run in two before the fix).  Repeated, since it is a race.
    names = []
    for fixture in ("seed-html", "en-html-selectors", "id-html-summary-before-disclaimer",
                    "en-html-tldr-list-number-changed"):
        with open(os.path.join(FIXTURES, fixture, "page.html"), "rb") as f:
            data = f.read()
        for k in range(2):
            names.append(os.path.relpath(write(f"html/{fixture}-{k}.html", data), WORK))
    outs = set()
    for attempt in range(12):
        rc, out, err = run(["--jobs", "4", "--format", "jsonl"] + names)
        check(rc in (0, 1) and err == "", f"run {attempt}: exit {rc}, stderr {err[:400]!r}")
        outs.add(out)
    check(len(outs) == 1, "output differs between runs")


# --- article cache -------------------------------------------------------------

def cache_gives_identical_output_and_says_how_much_it_served():
    # Pairs that share articles (3 articles, 40 copies): the same reports
    # with no cache, a small one and the default, on one thread or four;
    # the summary line counts the articles the cache served.
    data = pairs(40)
    outs = set()
    for mb in ("0", "1", "64"):
        for jobs in ("1", "4"):
            rc, out, err = run(["--no-config", "--cache-mb", mb, "--jobs", jobs, "--stats",
                                "--format", "jsonl", "-"], stdin=data)
            m = SUMMARY.match(err.strip())
            check(rc in (0, 1) and m is not None, f"--cache-mb {mb} --jobs {jobs}: {rc}, {err!r}")
            if mb == "0":
                check(m.group(11) is None, f"no cache, yet a count: {err!r}")
            elif jobs == "1":
                # Each article analysed twice (the second time into an
                # entry: the cache keeps what it has seen before), then
                # served 38 times.
                check(m.group(11, 12) == ("114", "120"), f"--cache-mb {mb}: {err!r}")
            else:
                check(m.group(12) == "120" and int(m.group(11)) >= 90, f"--jobs 4: {err!r}")
            outs.add(out)
    check(len(outs) == 1, f"{len(outs)} different reports")


def cache_setting():
    write("cacheconf/sumcheck.json", json.dumps({"cache_mb": 8}))

    def setting(args):
        return config_setting("cache_mb", "cacheconf", args)

    check(setting([]) == {"value": 8, "from": "config file"}, f"file: {setting([])}")
    check(setting(["--cache-mb", "0"]) == {"value": 0, "from": "command line"}, "command line")
    check(setting(["--no-config"]) == {"value": 64, "from": "default"}, "default")
    config_refuses("cache_mb", ("-1", "2.5", "\"2\"", "1048577", "true"))
    for bad in ("-1", "lots", "", "1048577", "99999999999999999999999"):
        rc, out, err = run(["--no-config", "--cache-mb", bad, "-"], stdin=pairs(1))
        check(rc == 2 and out == b"" and "--cache-mb" in err and len(err.splitlines()) == 1,
              f"--cache-mb {bad!r}: exit {rc}, {err!r}")


CASES = [
    html_pages_met_first_by_several_workers,
    jobs_give_identical_output_in_every_format,
    jobs_identical_with_directories_baseline_and_suppressions,
    progress_bar_on_a_terminal,
    progress_bar_makes_way_for_a_report_on_the_same_terminal,
    progress_counts_files_of_a_directory,
    summary_line_with_stats_and_not_for_one_document,
    jobs_setting_precedence,
    jobs_from_config_is_used,
    cache_gives_identical_output_and_says_how_much_it_served,
    cache_setting,
]


def main():
    global BIN, WORK, ENV
    if len(sys.argv) != 2:
        print("usage: test_batch.py SUMCHECK_BINARY", file=sys.stderr)
        return 2
    BIN = os.path.abspath(sys.argv[1])
    ENV = {k: v for k, v in os.environ.items() if not k.startswith("SUMCHECK_")}
    ENV["TERM"] = "xterm"
    WORK = tempfile.mkdtemp(prefix="sumcheck-batch-")
    try:
        passed, failed, skipped = run_cases(CASES)
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
    return result(passed, failed, skipped)


if __name__ == "__main__":
    sys.exit(main())
