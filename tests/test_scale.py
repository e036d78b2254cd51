#!/usr/bin/env python3
"""Scale-out tests: the JSON Lines mode mapped over a corpus by GNU parallel,
by Dask distributed and by a plain split gives what one run gives.

Usage: test_scale.py SUMCHECK_BINARY

The input is built at run time: the first 300 lines of two corpora of
$SC_SHARED_DIR/bench/consistency/ (default ../shared/) when that directory is
there, otherwise a few hundred pairs generated here from fixed word lists
(deterministic; two of them share an id, so ties are exercised).  One run of
`sumcheck --input-format jsonl --format jsonl` over the whole input is the
reference.  Each recipe maps pieces of the input through the same command
and merges the results; the merged lines, sorted by id (ties: by the whole
line), must equal the reference's sorted the same way, byte for byte.  Where
a recipe promises input order (parallel --keep-order, the plain split, the
Dask futures gathered in order) the unsorted lines must equal too.

Recipes (docs/scale.md describes them for real clusters):
  parallel_keep_order   parallel --pipe -N 37 --keep-order -j 2 SUMCHECK ...
  parallel_any_order    the same without --keep-order
  dask_client_map       LocalCluster(n_workers=2, threads_per_worker=1,
                        processes=True); Client.map over lists of lines
  dask_bag_read_text    dask.bag.read_text(blocksize=...) -> map_partitions
                        -> to_textfiles on the same cluster
  split_5_files         the input cut into 5 files, one run per file

A recipe whose tool is missing (GNU parallel; python3-distributed importable
by no python3 found) is skipped and counted as such.  The Dask recipes run in
a child interpreter (this file with the internal --dask-child option; the
Debian package installs into /usr/bin/python3's path, which may not be the
python3 running this file), in a process group of its own that is killed if
it outlives DASK_TIMEOUT, so the test never hangs.

Prints "PASS name", "FAIL name: why" or "SKIP name: why" per case and ends
with "RESULT passed=N failed=M skipped=K"; exits 1 when any case failed.
"""
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile

from pyharness import Fail, Skip, check, run_cases, result

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ARGS = ["--input-format", "jsonl", "--format", "jsonl"]
CORPORA = ("xsumfaith.jsonl", "polytope.jsonl")  # preferred; any two will do
LINES_PER_CORPUS = 300
GENERATED_PAIRS = 320
RUN_TIMEOUT = 60     # seconds for one sumcheck or parallel run
DASK_TIMEOUT = 120   # seconds for the whole Dask child, cluster start included
DASK_PARTITION = 53  # lines per Client.map partition
SPLIT_FILES = 5


# ---------------------------------------------------------------- input


WORDS = {
    "name": ["Joko Widodo", "Prabowo Subianto", "Sri Mulyani", "Anies Baswedan",
             "Maria Santos", "Peter Müller", "Ana García", "Kofi Mensah"],
    "place": ["Jakarta", "Surabaya", "Bandung", "Manila", "Madrid", "Berlin",
              "Nairobi", "Medan"],
    "org": ["the ministry", "the central bank", "the city council",
            "the football club", "the hospital board", "the port authority"],
    "verb": ["announced", "approved", "rejected", "delayed", "expanded",
             "reviewed", "funded", "cancelled"],
    "thing": ["a new budget", "the rail project", "the flood barrier",
              "a vaccination drive", "the stadium plan", "a tax cut",
              "the school programme", "a water pipeline"],
    "month": ["January", "March", "May", "July", "September", "December"],
    "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
}


def _sentence(rng):
    kind = rng.randrange(5)
    w = {k: rng.choice(v) for k, v in WORDS.items()}
    n = rng.randrange(2, 990)
    if kind == 0:
        return f"{w['name']} said on {w['day']} that {w['org']} {w['verb']} {w['thing']}."
    if kind == 1:
        return f"In {w['place']}, {w['org']} {w['verb']} {w['thing']} worth {n} million dollars."
    if kind == 2:
        return f"The decision was taken on {rng.randrange(1, 29)} {w['month']} {rng.randrange(2015, 2025)}."
    if kind == 3:
        return f"About {n} people gathered in {w['place']} to watch {w['name']} speak."
    return f"\"We will not stop,\" {w['name']} told reporters in {w['place']}."


def generated_input():
    """GENERATED_PAIRS JSON Lines pairs, the same on every run."""
    rng = random.Random(20240607)
    out = []
    for i in range(GENERATED_PAIRS):
        source = [_sentence(rng) for _ in range(rng.randrange(4, 12))]
        summary = rng.sample(source, min(len(source), rng.randrange(1, 4)))
        mode = i % 4
        if mode == 1:  # change a number or a name
            summary = [s.replace("million", "billion").replace("Jakarta", "Bandung")
                       for s in summary]
        elif mode == 2:  # a sentence the article does not have
            summary.append(_sentence(rng))
        pair = {"id": f"gen-{i:04d}", "source": " ".join(source),
                "summary": " ".join(summary)}
        if i % 3 == 0:
            pair["page_date"] = f"{rng.randrange(2016, 2025)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        if i % 7 == 0:
            pair["id"] = f"gen-ü-{i:04d}"  # non-ASCII ids sort too
        out.append(pair)
    out[-1]["id"] = out[5]["id"]  # a tie: two documents, one id
    return [json.dumps(p, ensure_ascii=False).encode("utf-8") + b"\n" for p in out]


def corpus_input():
    """(lines, description), or None when the shared corpora are not there."""
    shared = os.environ.get("SC_SHARED_DIR") or os.path.join(ROOT, "..", "shared")
    cdir = os.path.join(shared, "bench", "consistency")
    if not os.path.isdir(cdir):
        return None
    names = [n for n in CORPORA if os.path.isfile(os.path.join(cdir, n))]
    names += sorted(n for n in os.listdir(cdir) if n.endswith(".jsonl") and n not in names)
    names = names[:2]
    if len(names) < 2:
        return None
    lines = []
    for name in names:
        with open(os.path.join(cdir, name), "rb") as f:
            for k, line in enumerate(f):
                if k >= LINES_PER_CORPUS:
                    break
                lines.append(line if line.endswith(b"\n") else line + b"\n")
    return lines, f"first {LINES_PER_CORPUS} lines of {' and '.join(names)}"


# ---------------------------------------------------------------- helpers


def split_lines(data):
    """Output bytes -> lines without their "\\n" (only "\\n" ends a line)."""
    check(data == b"" or data.endswith(b"\n"), "output does not end with a newline")
    return data.split(b"\n")[:-1] if data else []


def sort_key(line):
    try:
        doc = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise Fail(f"output line is not JSON ({e}): {line[:120]!r}")
    check(isinstance(doc, dict) and isinstance(doc.get("id"), str),
          f"output line without a string id: {line[:120]!r}")
    return (doc["id"], line)


def by_id(lines):
    return sorted(lines, key=sort_key)


def compare(got, want, what):
    """got and want: lists of lines; fail naming the first difference."""
    if got == want:
        return
    if len(got) != len(want):
        raise Fail(f"{what}: {len(got)} lines, the single run has {len(want)}")
    for k, (g, w) in enumerate(zip(got, want)):
        if g != w:
            raise Fail(f"{what}: line {k + 1} differs: {g[:100]!r} vs {w[:100]!r}")


def run_sumcheck(args, stdin_bytes=None):
    p = subprocess.run([BIN] + args, input=stdin_bytes, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=RUN_TIMEOUT, env=ENV)
    check(p.returncode in (0, 1),
          f"sumcheck exited {p.returncode}: {p.stderr.decode('utf-8', 'replace')[:300]}")
    return p.stdout


def kill_group(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


# ---------------------------------------------------------------- state

BIN = None
ENV = None
WORK = None
INPUT = None       # path of the whole input
LINES = []         # input lines, with their "\n"
REF = []           # reference output lines, in input order
REF_SORTED = []
DASK = None        # result of the Dask child: dict, or Skip/Fail instance


# ---------------------------------------------------------------- cases


def single_run():
    """The reference itself: one line per input line, every line with an id."""
    check(len(REF) == len(LINES), f"{len(REF)} output lines for {len(LINES)} input lines")
    ids = [sort_key(line)[0] for line in REF]
    check(len(set(ids)) >= len(ids) - 1, "ids are not (nearly) unique")


def _gnu_parallel():
    exe = shutil.which("parallel")
    if not exe:
        raise Skip("GNU parallel is not installed (Debian package parallel)")
    p = subprocess.run([exe, "--version"], stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, timeout=30)
    if b"GNU parallel" not in p.stdout:
        raise Skip(f"{exe} is not GNU parallel (moreutils' parallel?)")
    return exe


def _run_parallel(keep_order):
    exe = _gnu_parallel()
    joblog = os.path.join(WORK, "joblog-%d" % keep_order)
    cmd = [exe, "--pipe", "-N", "37"] + (["--keep-order"] if keep_order else []) + \
          ["-j", "2", "--joblog", joblog, BIN] + ARGS
    p = subprocess.run(cmd, input=b"".join(LINES), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=RUN_TIMEOUT, env=ENV)
    # parallel's own status is the number of failed jobs, and sumcheck exits
    # 1 whenever a finding reaches --fail-on: read each job's status instead.
    with open(joblog, encoding="utf-8") as f:
        jobs = [row.rstrip("\n").split("\t") for row in f.readlines()[1:]]
    check(len(jobs) == (len(LINES) + 36) // 37,
          f"{len(jobs)} jobs for {len(LINES)} lines (rc {p.returncode}, "
          f"stderr {p.stderr.decode('utf-8', 'replace')[:200]!r})")
    bad = [j for j in jobs if j[6] not in ("0", "1") or j[7] != "0"]
    check(not bad, f"jobs ended badly (exit value, signal): {[(j[6], j[7]) for j in bad][:5]}")
    check(p.stderr == b"", f"stderr: {p.stderr.decode('utf-8', 'replace')[:300]!r}")
    return split_lines(p.stdout)


def parallel_keep_order():
    got = _run_parallel(True)
    compare(by_id(got), REF_SORTED, "sorted by id")
    compare(got, REF, "in input order (--keep-order)")


def parallel_any_order():
    got = _run_parallel(False)
    compare(by_id(got), REF_SORTED, "sorted by id")


def _dask_result(name):
    if isinstance(DASK, (Skip, Fail)):
        raise DASK
    res = DASK.get(name)
    if res is None:
        raise Fail("the Dask child reported nothing for this recipe")
    if res.get("error"):
        raise Fail(res["error"])
    return res


def dask_client_map():
    res = _dask_result("client_map")
    with open(res["output"], "rb") as f:
        got = split_lines(f.read())
    check(res["partitions"] > 2, f"only {res['partitions']} partitions")
    compare(by_id(got), REF_SORTED, "sorted by id")
    compare(got, REF, "gathered in partition order")


def dask_bag_read_text():
    res = _dask_result("bag_read_text")
    got = []
    for path in res["outputs"]:
        with open(path, "rb") as f:
            got += split_lines(f.read())
    check(res["partitions"] > 2, f"only {res['partitions']} partitions")
    compare(by_id(got), REF_SORTED, "sorted by id")


def split_5_files():
    per = -(-len(LINES) // SPLIT_FILES)
    got = []
    for k in range(SPLIT_FILES):
        path = os.path.join(WORK, f"part-{k}.jsonl")
        with open(path, "wb") as f:
            f.write(b"".join(LINES[k * per:(k + 1) * per]))
        got += split_lines(run_sumcheck(ARGS + [path]))
    compare(by_id(got), REF_SORTED, "sorted by id")
    compare(got, REF, "concatenated in split order")


CASES = [single_run, parallel_keep_order, parallel_any_order, dask_client_map,
         dask_bag_read_text, split_5_files]


# ---------------------------------------------------------------- Dask


def dask_interpreter():
    """A python3 that can import distributed, or None."""
    seen = set()
    for cand in (sys.executable, "/usr/bin/python3", shutil.which("python3")):
        if not cand or not os.path.exists(cand):
            continue
        real = os.path.realpath(cand)
        if real in seen:
            continue
        seen.add(real)
        try:
            p = subprocess.run([cand, "-c", "import distributed"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                               timeout=60)
        except subprocess.TimeoutExpired:
            continue
        if p.returncode == 0:
            return cand
    return None


def run_dask_child():
    """Runs both Dask recipes in a child interpreter; returns its report,
    or a Skip/Fail to raise in each Dask case."""
    py = dask_interpreter()
    if py is None:
        return Skip("Dask distributed is not installed (Debian package python3-distributed)")
    ddir = os.path.join(WORK, "dask")
    os.makedirs(ddir)
    proc = subprocess.Popen([py, os.path.abspath(__file__), "--dask-child", BIN, INPUT, ddir],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, env=ENV, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=DASK_TIMEOUT)
    except subprocess.TimeoutExpired:
        kill_group(proc)
        proc.communicate()
        return Fail(f"the Dask child did not finish in {DASK_TIMEOUT} s (killed)")
    kill_group(proc)  # a worker left behind by a failed shutdown goes too
    report = None
    for line in out.decode("utf-8", "replace").splitlines():
        if line.startswith("DASK-REPORT "):
            report = json.loads(line[len("DASK-REPORT "):])
    if report is None:
        tail = err.decode("utf-8", "replace").strip().splitlines()[-5:]
        return Fail(f"the Dask child ({py}) exited {proc.returncode} without a report: {tail}")
    return report


def _run_partition(lines, binary):
    """Dask task: a list of input lines (bytes, each ending in a newline) ->
    the list of output lines (bytes, each ending in a newline)."""
    import subprocess as sp
    p = sp.run([binary, "--input-format", "jsonl", "--format", "jsonl"],
               input=b"".join(lines), stdout=sp.PIPE, stderr=sp.PIPE, timeout=60)
    if p.returncode not in (0, 1):  # 1: findings at --fail-on, not a failure here
        raise RuntimeError(f"sumcheck exited {p.returncode}: {p.stderr[:300]!r}")
    return p.stdout.split(b"\n")[:-1]


def _run_text_partition(lines, binary):
    """Dask bag task: str lines from read_text (with their "\\n") -> str
    output lines without it, as to_textfiles wants them."""
    out = _run_partition([line.encode("utf-8") for line in lines], binary)
    return [line.decode("utf-8") for line in out]


def dask_child(binary, input_path, ddir):
    import logging
    import warnings
    warnings.filterwarnings("ignore")
    # Read by distributed when it sets up its logging, here and in the
    # spawned workers (which inherit the environment).
    os.environ["DASK_LOGGING__DISTRIBUTED"] = "error"
    import dask
    import dask.bag as db
    from distributed import Client, LocalCluster, wait

    for name in ("distributed", "tornado", "asyncio"):
        logging.getLogger(name).setLevel(logging.ERROR)
    dask.config.set({"temporary-directory": ddir})
    report = {}
    with open(input_path, "rb") as f:
        lines = f.read().split(b"\n")[:-1]
    lines = [line + b"\n" for line in lines]
    parts = [lines[i:i + DASK_PARTITION] for i in range(0, len(lines), DASK_PARTITION)]
    try:
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                          host="127.0.0.1", dashboard_address=None,
                          silence_logs=logging.ERROR, local_directory=ddir) as cluster, \
                Client(cluster) as client:
            try:
                futures = client.map(_run_partition, parts, binary=binary, pure=False)
                wait(futures, timeout=60)
                out = client.gather(futures)
                path = os.path.join(ddir, "client-map.jsonl")
                with open(path, "wb") as f:
                    for part in out:
                        f.write(b"".join(line + b"\n" for line in part))
                report["client_map"] = {"output": path, "partitions": len(parts)}
            except Exception as e:
                report["client_map"] = {"error": f"{type(e).__name__}: {e}"}
            try:
                size = os.path.getsize(input_path)
                bag = db.read_text(input_path, blocksize=max(4096, size // 7),
                                   encoding="utf-8", linedelimiter="\n")
                outdir = os.path.join(ddir, "bag-out")
                paths = bag.map_partitions(_run_text_partition, binary).to_textfiles(
                    os.path.join(outdir, "*.jsonl"), name_function=lambda i: f"{i:05d}",
                    encoding="utf-8", last_endline=True)
                report["bag_read_text"] = {"outputs": sorted(paths),
                                           "partitions": bag.npartitions}
            except Exception as e:
                report["bag_read_text"] = {"error": f"{type(e).__name__}: {e}"}
    except Exception as e:  # the cluster itself did not start or stop
        for name in ("client_map", "bag_read_text"):
            report.setdefault(name, {"error": f"cluster: {type(e).__name__}: {e}"})
    print("DASK-REPORT " + json.dumps(report), flush=True)
    return 0


# ---------------------------------------------------------------- main


def main():
    global BIN, ENV, WORK, INPUT, LINES, REF, REF_SORTED, DASK
    if len(sys.argv) == 5 and sys.argv[1] == "--dask-child":
        return dask_child(*sys.argv[2:])
    if len(sys.argv) != 2:
        print("usage: test_scale.py SUMCHECK_BINARY", file=sys.stderr)
        return 2
    BIN = os.path.abspath(sys.argv[1])
    ENV = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "CLICOLOR_FORCE", "FORCE_COLOR")}
    ENV["LC_ALL"] = "C.UTF-8"
    WORK = tempfile.mkdtemp(prefix="sumcheck-scale-")
    ENV["TMPDIR"] = WORK  # parallel's buffers, Dask's spill
    try:
        got = corpus_input()
        if got:
            LINES, what = got
        else:
            LINES, what = generated_input(), f"{GENERATED_PAIRS} generated pairs"
        print(f"# input: {len(LINES)} pairs ({what})")
        INPUT = os.path.join(WORK, "input.jsonl")
        with open(INPUT, "wb") as f:
            f.write(b"".join(LINES))
        try:
            REF = split_lines(run_sumcheck(ARGS, b"".join(LINES)))
            REF_SORTED = by_id(REF)
        except (Fail, subprocess.TimeoutExpired) as e:
            print(f"FAIL reference: the single run failed: {e}")
            print(f"RESULT passed=0 failed={len(CASES)} skipped=0")
            return 1
        DASK = run_dask_child()
        passed, failed, skipped = run_cases(CASES)
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
    return result(passed, failed, skipped)


if __name__ == "__main__":
    sys.exit(main())
