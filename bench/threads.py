#!/usr/bin/env python3
"""Thread scaling of sumcheck: --jobs 1 against --jobs 2 (issue 7's bar:
2 threads at least 1.8x the 1-thread rate on a batch of a few thousand
JSON Lines pairs).

Usage: bench/threads.py [--sumcheck PATH] [--corpora DIR] [--jobs 1,2]
                        [--repeat N] [--format jsonl]

It concatenates every *.jsonl of ../shared/bench/consistency/ (7,450 pairs)
into one input and runs, alternating so that a change in the machine's load
hits both alike,
    sumcheck --jobs N --input-format jsonl --format jsonl < input
--repeat times (default 3) for each N.  It prints, for each N, the minimum
wall time (the run least disturbed by other work on the machine), pairs/s,
the CPU time (user + system) of that run, and the ratio of each rate to the
1-thread rate; then the median wall time and the ratio of medians (on a
virtual machine a lone thread is now and then much faster than usual, and
one such run moves the ratio of minimums; use --repeat 9 or more); and it checks that the output is byte-identical for every N
(DESIGN.md, determinism).

Beside them, the row "Np" is what the machine itself gives N-way
parallel work that shares nothing: the input cut at line boundaries into
N parts of about equal bytes, each checked by its own `--jobs 1` process,
all N at once; its wall time is the last one's end.  If that row falls
short of N x as well, the shortfall is the machine's (a virtual machine's
cores slow down when both are busy), not sumcheck's threads; the column
"x Np" compares each thread count with it.  The load average before and after is printed:
on a shared machine the wall-time ratio is only as good as the idle cores
it had."""
import argparse
import glob
import hashlib
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def one_run(sumcheck, jobs, fmt, input_path):
    """(wall seconds, cpu seconds, sha256 of stdout) of one run."""
    cmd = [sumcheck, "--jobs", str(jobs), "--input-format", "jsonl", "--format", fmt]
    with open(input_path, "rb") as f, tempfile.TemporaryFile() as out:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, stdin=f, stdout=out, stderr=subprocess.PIPE)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if proc.returncode not in (0, 1):
            sys.exit(f"threads: {' '.join(cmd)} exited {proc.returncode}: {proc.stderr[:300]!r}")
        out.seek(0)
        digest = hashlib.sha256(out.read()).hexdigest()
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, digest


def parts_run(sumcheck, fmt, part_paths):
    """Wall seconds of one `--jobs 1` process per part, all at once."""
    cmd = [sumcheck, "--jobs", "1", "--input-format", "jsonl", "--format", fmt]
    t0 = time.perf_counter()
    procs = []
    for path in part_paths:
        with open(path, "rb") as f:
            procs.append(subprocess.Popen(cmd, stdin=f, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.PIPE))
    for proc in procs:
        _, err = proc.communicate()
        if proc.returncode not in (0, 1):
            sys.exit(f"threads: {' '.join(cmd)} exited {proc.returncode}: {err[:300]!r}")
    return time.perf_counter() - t0


def split_parts(data, n):
    """data cut at line ends into n parts of about equal bytes."""
    parts, start = [], 0
    for k in range(1, n):
        cut = data.find(b"\n", max(start, len(data) * k // n))
        cut = len(data) if cut < 0 else cut + 1
        parts.append(data[start:cut])
        start = cut
    parts.append(data[start:])
    return parts


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sumcheck", default=os.path.join(REPO, "build", "sumcheck"))
    ap.add_argument("--corpora",
                    default=os.path.join(REPO, "..", "shared", "bench", "consistency"))
    ap.add_argument("--jobs", default="1,2", help="comma-separated thread counts")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--format", default="jsonl")
    args = ap.parse_args()

    files = sorted(glob.glob(os.path.join(args.corpora, "*.jsonl")))
    if not files:
        sys.exit(f"threads: no *.jsonl under {args.corpora}")
    jobs = [int(j) for j in args.jobs.split(",")]
    with tempfile.NamedTemporaryFile(suffix=".jsonl", delete=False) as tmp:
        pairs = 0
        chunks = []
        for path in files:
            with open(path, "rb") as f:
                data = f.read()
            pairs += sum(1 for line in data.splitlines() if line.strip())
            chunks.append(data if data.endswith(b"\n") else data + b"\n")
        whole = b"".join(chunks)
        tmp.write(whole)
        input_path = tmp.name
    n_parts = max(jobs)
    part_paths = []
    for part in split_parts(whole, n_parts) if n_parts > 1 else []:
        with tempfile.NamedTemporaryFile(suffix=".jsonl", delete=False) as tmp:
            tmp.write(part)
            part_paths.append(tmp.name)
    try:
        size_mb = os.path.getsize(input_path) / 1e6
        print(f"input: {len(files)} corpora, {pairs} pairs, {size_mb:.1f} MB; "
              f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}")
        print(f"command: {args.sumcheck} --jobs N --input-format jsonl "
              f"--format {args.format} < input; min of {args.repeat} runs")
        runs = {j: [] for j in jobs}
        parts_walls = []
        for _ in range(args.repeat):
            for j in jobs:
                runs[j].append(one_run(args.sumcheck, j, args.format, input_path))
            if part_paths:
                parts_walls.append(parts_run(args.sumcheck, args.format, part_paths))
        digests = {r[2] for j in jobs for r in runs[j]}
        base = base_median = None
        parts_median = statistics.median(parts_walls) if parts_walls else None
        print(f"{'jobs':>4}  {'wall s':>7}  {'cpu s':>6}  {'pairs/s':>8}  {'x 1 thread':>10}  "
              f"{'median s':>8}  {'x (median)':>10}  {'x Np':>5}  all walls")
        for j in jobs:
            wall, cpu, _ = min(runs[j])
            median = statistics.median(r[0] for r in runs[j])
            rate = pairs / wall
            if base is None:
                base, base_median = rate, pairs / median
            walls = " ".join(f"{r[0]:.2f}" for r in runs[j])
            vs_parts = f"{parts_median / median:5.2f}" if parts_median else f"{'-':>5}"
            print(f"{j:>4}  {wall:7.2f}  {cpu:6.2f}  {rate:8.0f}  {rate / base:10.2f}  "
                  f"{median:8.2f}  {pairs / median / base_median:10.2f}  {vs_parts}  {walls}")
        if parts_walls:
            wall = min(parts_walls)
            walls = " ".join(f"{w:.2f}" for w in parts_walls)
            print(f"{str(n_parts) + 'p':>4}  {wall:7.2f}  {'-':>6}  {pairs / wall:8.0f}  "
                  f"{pairs / wall / base:10.2f}  {parts_median:8.2f}  "
                  f"{pairs / parts_median / base_median:10.2f}  {1.0:5.2f}  {walls}")
        print(f"load average after: {os.getloadavg()[0]:.2f}")
        print("output byte-identical across --jobs: " + ("yes" if len(digests) == 1 else "NO"))
        return 0 if len(digests) == 1 else 1
    finally:
        os.unlink(input_path)
        for path in part_paths:
            os.unlink(path)


if __name__ == "__main__":
    sys.exit(main())
