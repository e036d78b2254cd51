#!/usr/bin/env python3
"""Scores sumcheck's article extraction on trafilatura's evaluation pages.

Usage: bench/score_extraction.py [--binary build/sumcheck] [--shared ../shared]
                                 [--data build/bench-data/trafilatura] [--batch 100]
                                 [--misses FILE]

Unpacks ../shared/bench/extraction/trafilatura/html.tar.xz into the data
folder once, runs `sumcheck --input-format html --format jsonl --include-text`
on every page in batches, and checks each page's segments
(../shared/bench/extraction/trafilatura/gold.jsonl) against the extracted
text: the article's text plus the summary's sentences, as trafilatura's
scorer does (tests/eval_common.py count_item): white-space-normalised
substring matching; a must-include segment found is a tp, one missing a fn;
a must-exclude segment found is a fp, one absent a tn.  A page that cannot
be read counts as empty output.  Prints P, R, Acc and F1 beside
trafilatura's published table.  Standard library only.
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from score_html_dates import ROOT, metrics, run_batches, unpack  # noqa: E402

# adbar/trafilatura@e90b0ef5 docs/evaluation.rst, "Results (2026-08-04)": P, R, Acc, F1.
PUBLISHED = [
    ("html2text 2025.4.15", 0.525, 0.900, 0.544, 0.663),
    ("raw HTML", 0.528, 0.906, 0.549, 0.667),
    ("beautifulsoup4 4.15.0", 0.532, 0.980, 0.561, 0.690),
    ("html_text 0.7.1", 0.531, 0.988, 0.559, 0.691),
    ("inscriptis 2.7.4", 0.534, 0.991, 0.564, 0.694),
    ("newspaper4k 0.9.6", 0.878, 0.736, 0.817, 0.801),
    ("boilerpy3 1.0.7 (article mode)", 0.818, 0.796, 0.810, 0.807),
    ("goose3 3.1.22", 0.936, 0.714, 0.833, 0.810),
    ("resiliparse 1.0.9", 0.705, 0.955, 0.778, 0.811),
    ("baseline (text markup)", 0.767, 0.869, 0.803, 0.815),
    ("readability-lxml 0.8.4.1", 0.898, 0.764, 0.839, 0.826),
    ("news-please 1.6.16", 0.932, 0.758, 0.852, 0.836),
    ("justext 3.0.2 (custom)", 0.864, 0.859, 0.862, 0.862),
    ("magic-html 0.1.8", 0.887, 0.891, 0.889, 0.889),
    ("trafilatura 2.2.0 (recall)", 0.899, 0.939, 0.917, 0.918),
    ("trafilatura 2.2.0 (fast)", 0.907, 0.930, 0.917, 0.918),
    ("trafilatura 2.2.0 (precision)", 0.925, 0.915, 0.921, 0.920),
    ("trafilatura 2.2.0 (standard)", 0.906, 0.943, 0.923, 0.924),
]


def normalise(text):
    return " ".join(text.split())


def extracted_text(doc):
    """The article text plus the summary's sentences."""
    if not isinstance(doc, dict) or "error" in doc:
        return ""
    parts = []
    article = doc.get("article")
    if isinstance(article, dict) and isinstance(article.get("text"), str):
        parts.append(article["text"])
    summary = doc.get("summary")
    if isinstance(summary, dict):
        for s in summary.get("sentences") or []:
            if isinstance(s, dict) and isinstance(s.get("text"), str):
                parts.append(s["text"])
    return "\n".join(parts)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "sumcheck"))
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--data", default=os.path.join(ROOT, "build", "bench-data", "trafilatura"))
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--misses", help="write per-page misses to this JSON Lines file")
    args = ap.parse_args(argv[1:])
    corpus = os.path.join(args.shared, "bench", "extraction", "trafilatura")
    gold_path = os.path.join(corpus, "gold.jsonl")
    if not os.path.exists(gold_path):
        print("no %s: skipped" % gold_path)
        return 0
    unpack(os.path.join(corpus, "html.tar.xz"), args.data)
    with open(gold_path, encoding="utf-8") as f:
        gold = [json.loads(line) for line in f if line.strip()]
    files = sorted({row["file"] for row in gold})
    results = run_batches(os.path.abspath(args.binary), args.data, files, args.batch,
                          extra=["--include-text"])

    tp = fp = fn = tn = 0
    unreadable = 0
    misses = []
    for row in gold:
        doc = results.get(row["file"])
        if not isinstance(doc, dict) or "error" in doc:
            unreadable += 1
        text = normalise(extracted_text(doc))
        missed, leaked = [], []
        for seg in row.get("must_include") or []:
            if normalise(seg) in text:
                tp += 1
            else:
                fn += 1
                missed.append(seg)
        for seg in row.get("must_exclude") or []:
            if normalise(seg) in text:
                fp += 1
                leaked.append(seg)
            else:
                tn += 1
        if missed or leaked:
            misses.append({"file": row["file"], "missed": missed, "leaked": leaked})
    p, r, acc, f1 = metrics(tp, fp, fn, tn)
    print("trafilatura evaluation set: %d pages (gold: ../shared/bench/extraction/trafilatura)"
          % len(gold))
    print("tp %d  fp %d  fn %d  tn %d  (unreadable pages: %d)" % (tp, fp, fn, tn, unreadable))
    print()
    print("| package | P | R | Acc | F1 |")
    print("|---|---|---|---|---|")
    for name, pp, rr, aa, ff in PUBLISHED:
        print("| %s (published) | %.3f | %.3f | %.3f | %.3f |" % (name, pp, rr, aa, ff))
    print("| **sumcheck (this run)** | **%.3f** | **%.3f** | **%.3f** | **%.3f** |"
          % (p, r, acc, f1))
    if args.misses:
        with open(args.misses, "w", encoding="utf-8") as f:
            for m in misses:
                f.write(json.dumps(m, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
