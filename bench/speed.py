#!/usr/bin/env python3
"""Speed of sumcheck beside a plain-Python overlap checker and `wc -w`.

Usage: bench/speed.py [--sumcheck PATH] [--corpora DIR] [--only NAME] [--repeat N]
                      [--instructions]

For each corpus of ../shared/bench/consistency/ it runs, on the same JSON
Lines input: sumcheck (one thread, full analysis, JSON Lines out),
bench/overlap_check.py (content-word and bigram precision, standard library
only) and `wc -w` (the floor for reading the bytes).  It prints MB/s,
pairs/s and peak memory (max RSS of the child) for each, and the ratios.
With --instructions it also runs sumcheck under `valgrind --tool=callgrind`
on the first 200 pairs and prints instructions per MB of input, a figure
that does not move with the machine's load, so regressions show.

Timings are the best of --repeat runs (default 3)."""
import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def run(cmd, stdin_path):
    """Wall time and peak RSS (KiB) of one child run."""
    with open(stdin_path, "rb") as f:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, stdin=f, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1, 2):
        sys.exit(f"speed: {' '.join(cmd)} failed with {proc.returncode}: {proc.stderr[:300]!r}")
    # ru_maxrss of RUSAGE_CHILDREN is the largest child so far; measured
    # in a fresh interpreter per tool it would be exact, here it is an upper
    # bound when a larger child ran before.
    return elapsed, max(after.ru_maxrss, before.ru_maxrss)


def peak_rss(cmd, stdin_path):
    """Peak RSS of one run, measured alone through /usr/bin/time when there."""
    if not os.path.exists("/usr/bin/time"):
        return None
    with open(stdin_path, "rb") as f, tempfile.NamedTemporaryFile("r") as out:
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", out.name] + cmd, stdin=f,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            return int(open(out.name).read().strip().splitlines()[-1])
        except (ValueError, IndexError):
            return None


def instructions(cmd, stdin_path):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cg.out")
        with open(stdin_path, "rb") as f:
            proc = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"] + cmd,
                                  stdin=f, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for line in proc.stderr.splitlines():
            if "Collected" in line:
                return int(line.split()[-1].replace(",", ""))
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sumcheck", default=os.path.join(REPO, "build", "sumcheck"))
    ap.add_argument("--corpora", default=os.path.join(REPO, "..", "shared", "bench", "consistency"))
    ap.add_argument("--only", action="append")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--instructions", action="store_true")
    args = ap.parse_args()
    if not os.access(args.sumcheck, os.X_OK):
        sys.exit(f"speed: no sumcheck at {args.sumcheck} (build it first)")
    if not os.path.isdir(args.corpora):
        sys.exit(f"speed: no corpora at {args.corpora}")
    names = sorted(n[:-6] for n in os.listdir(args.corpora) if n.endswith(".jsonl"))
    if args.only:
        names = [n for n in names if n in args.only]
    tools = {
        "sumcheck": [args.sumcheck, "--jobs", "1", "--input-format", "jsonl", "--format", "jsonl", "--fail-on", "never"],
        "python": [sys.executable, os.path.join(HERE, "overlap_check.py")],
        "wc -w": ["wc", "-w"],
    }
    print(f"{'corpus':<15} {'MB':>6} {'pairs':>6} | " +
          " | ".join(f"{t:>8} MB/s {'pairs/s':>8} {'RSS MB':>6}" for t in tools) +
          " | x python  x wc")
    total = {t: 0.0 for t in tools}
    total_mb = 0.0
    for name in names:
        path = os.path.join(args.corpora, name + ".jsonl")
        mb = os.path.getsize(path) / 1e6
        with open(path, "rb") as f:
            pairs = sum(1 for line in f if line.strip())
        row = {}
        for tool, cmd in tools.items():
            best = min(run(cmd, path)[0] for _ in range(max(1, args.repeat)))
            rss = peak_rss(cmd, path)
            row[tool] = (best, rss)
            total[tool] += best
        total_mb += mb
        cells = []
        for tool in tools:
            t, rss = row[tool]
            cells.append(f"{mb / t:>13.1f} {pairs / t:>8.0f} {rss / 1024 if rss else float('nan'):>6.1f}")
        sc, py, wc = row["sumcheck"][0], row["python"][0], row["wc -w"][0]
        print(f"{name:<15} {mb:>6.2f} {pairs:>6} | " + " | ".join(cells) +
              f" | {py / sc:>8.1f} {sc / wc:>5.1f}")
    if len(names) > 1:
        print(f"{'all':<15} {total_mb:>6.2f} {'':>6} | " +
              " | ".join(f"{total_mb / total[t]:>13.1f} {'':>8} {'':>6}" for t in tools) +
              f" | {total['python'] / total['sumcheck']:>8.1f} {total['sumcheck'] / total['wc -w']:>5.1f}")
    print("x python: sumcheck's throughput over the Python checker's (bar: at least 5); "
          "x wc: sumcheck's time over wc -w's (stretch: within 3).")
    if args.instructions:
        name = names[0]
        path = os.path.join(args.corpora, name + ".jsonl")
        with tempfile.NamedTemporaryFile("wb", suffix=".jsonl", delete=False) as tmp:
            with open(path, "rb") as f:
                for i, line in enumerate(f):
                    if i >= 200:
                        break
                    tmp.write(line)
        try:
            n = instructions(tools["sumcheck"], tmp.name)
            mb = os.path.getsize(tmp.name) / 1e6
            if n is None:
                print("instructions: valgrind not available")
            else:
                print(f"instructions: {n / mb / 1e6:.1f} M per MB of input ({name}, first 200 pairs, callgrind)")
        finally:
            os.unlink(tmp.name)


if __name__ == "__main__":
    main()
