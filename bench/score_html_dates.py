#!/usr/bin/env python3
"""Scores sumcheck's page date on htmldate's evaluation pages.

Usage: bench/score_html_dates.py [--binary build/sumcheck] [--shared ../shared]
                                 [--data build/bench-data/htmldate] [--batch 100]
                                 [--misses FILE]

Unpacks ../shared/bench/dates/htmldate/html.tar.xz into the data folder once,
runs `sumcheck --input-format html --format jsonl` on every page in batches,
and compares each document's page_date.value with the gold publication date
(../shared/bench/dates/htmldate/gold.jsonl), counted as htmldate counts it
(tests/comparison.py): a right date is a tp, a wrong date a fp, no date a fn
(tn is 0 here: every page has a date).  Prints P, R, Acc and F1 beside
htmldate's published figures (see ../shared/bench/README.md).  --misses
writes the rows that were not right, for study.  Standard library only.
"""
import argparse
import json
import os
import subprocess
import sys
import tarfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# adbar/htmldate@b8952828 docs/evaluation.rst (README.md there): P, R, Acc, F1.
PUBLISHED = [
    ("articleDateExtractor 0.20", 0.846, 0.745, 0.656, 0.792),
    ("date_guesser 2.1.4", 0.832, 0.611, 0.544, 0.705),
    ("goose3 3.1.21", 0.930, 0.568, 0.545, 0.706),
    ("htmldate[all] 1.10.0 fast", 0.924, 0.927, 0.861, 0.925),
    ("htmldate[all] 1.10.0 extensive", 0.908, 0.993, 0.903, 0.949),
    ("newspaper4k 0.9.5", 0.912, 0.728, 0.680, 0.810),
    ("news-please 1.6.16", 0.845, 0.777, 0.680, 0.810),
]


def unpack(archive, dest):
    """Unpacks the pages once; a marker file says it is done."""
    marker = os.path.join(dest, ".unpacked")
    if os.path.exists(marker):
        return
    os.makedirs(dest, exist_ok=True)
    with tarfile.open(archive, "r:xz") as tar:
        for member in tar.getmembers():
            # Only plain files and folders inside dest.
            target = os.path.realpath(os.path.join(dest, member.name))
            if not target.startswith(os.path.realpath(dest) + os.sep):
                raise SystemExit("refusing to unpack %s outside %s" % (member.name, dest))
            if not (member.isfile() or member.isdir()):
                continue
            tar.extract(member, dest)
    with open(marker, "w") as f:
        f.write("ok\n")


def run_batches(binary, data, files, batch, extra=()):
    """Runs sumcheck over files (relative to data) in batches; returns
    {id: document or error record}."""
    results = {}
    for i in range(0, len(files), batch):
        chunk = files[i:i + batch]
        p = subprocess.run([binary, "--input-format", "html", "--format", "jsonl",
                            "--fail-on", "never"] + list(extra) + chunk,
                           cwd=data, capture_output=True)
        if p.returncode not in (0, 1, 2):
            sys.stderr.write(p.stderr.decode("utf-8", "replace"))
            raise SystemExit("sumcheck exited %d on batch %d" % (p.returncode, i // batch))
        for line in p.stdout.decode("utf-8", "replace").split("\n"):
            if not line.strip():
                continue
            doc = json.loads(line)
            results[doc.get("id")] = doc
        sys.stderr.write("\r%d/%d pages" % (min(i + batch, len(files)), len(files)))
        sys.stderr.flush()
    sys.stderr.write("\n")
    return results


def metrics(tp, fp, fn, tn=0):
    total = tp + fp + fn + tn
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    acc = (tp + tn) / total if total else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return p, r, acc, f1


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "sumcheck"))
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--data", default=os.path.join(ROOT, "build", "bench-data", "htmldate"))
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--misses", help="write the rows not right to this JSON Lines file")
    args = ap.parse_args(argv[1:])
    corpus = os.path.join(args.shared, "bench", "dates", "htmldate")
    gold_path = os.path.join(corpus, "gold.jsonl")
    if not os.path.exists(gold_path):
        print("no %s: skipped" % gold_path)
        return 0
    unpack(os.path.join(corpus, "html.tar.xz"), args.data)
    with open(gold_path, encoding="utf-8") as f:
        gold = [json.loads(line) for line in f if line.strip()]
    files = sorted({row["file"] for row in gold})
    binary = os.path.abspath(args.binary)
    results = run_batches(binary, args.data, files, args.batch)

    tp = fp = fn = 0
    origins = {}
    misses = []
    for row in gold:
        doc = results.get(row["file"])
        pd = doc.get("page_date") if isinstance(doc, dict) else None
        got = pd.get("value") if isinstance(pd, dict) else None
        origin = pd.get("origin", "?").split(" (")[0] if isinstance(pd, dict) else "none"
        origin = origin.split(" ")[0] if origin.startswith("meta") else origin
        o = origins.setdefault(origin, [0, 0])
        if got is None:
            fn += 1
            misses.append({"file": row["file"], "gold": row["date"], "got": None})
        elif got == row["date"]:
            tp += 1
            o[0] += 1
        else:
            fp += 1
            o[1] += 1
            misses.append({"file": row["file"], "gold": row["date"], "got": got,
                           "origin": pd.get("origin")})
    p, r, acc, f1 = metrics(tp, fp, fn)
    print("htmldate evaluation set: %d rows, %d pages (gold: ../shared/bench/dates/htmldate)"
          % (len(gold), len(files)))
    print("tp %d  fp %d  fn %d" % (tp, fp, fn))
    print()
    print("| package | P | R | Acc | F1 |")
    print("|---|---|---|---|---|")
    for name, pp, rr, aa, ff in PUBLISHED:
        print("| %s (published) | %.3f | %.3f | %.3f | %.3f |" % (name, pp, rr, aa, ff))
    print("| **sumcheck (this run)** | **%.3f** | **%.3f** | **%.3f** | **%.3f** |"
          % (p, r, acc, f1))
    print()
    print("by origin (right / wrong):")
    for origin, (right, wrong) in sorted(origins.items(), key=lambda kv: -sum(kv[1])):
        print("  %-28s %4d / %d" % (origin, right, wrong))
    if args.misses:
        with open(args.misses, "w", encoding="utf-8") as f:
            for m in misses:
                f.write(json.dumps(m) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
