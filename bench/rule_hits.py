#!/usr/bin/env python3
"""What each rule finds, on documents known to be consistent and inconsistent.

Usage: bench/rule_hits.py [--sumcheck PATH] [--corpora DIR] [--synthetic FILE]

For each labelled corpus (DIR/*.jsonl, default ../shared/bench/consistency) it runs
    sumcheck --no-config --input-format jsonl --format jsonl
and prints, per rule and severity, on how many inconsistent (label 0) and how many
consistent (label 1) documents the rule gave a finding: the rule's document-level
precision against the corpus labels, and the base rate beside it.

With --synthetic FILE (pairs made by bench/synth_errors.py, whose ids end in the planted
error's kind), it also prints, per kind, on how many pairs some error finding fired
and which rules fired: what the rules catch of each planted error, and how often
they fire on the unchanged (consistent) pairs.

Standard library only; progress on stderr, tables on stdout.
"""
import argparse
import collections
import glob
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def run(binary, path):
    with open(path, "rb") as f:
        p = subprocess.run([binary, "--no-config", "--input-format", "jsonl", "--format", "jsonl"],
                           stdin=f, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode not in (0, 1):
        sys.exit("rule_hits: %s on %s: exit %d: %s" % (binary, path, p.returncode,
                                                       p.stderr.decode(errors="replace")[-300:]))
    return [json.loads(line) for line in p.stdout.decode("utf-8").splitlines() if line.strip()]


def rules_of(doc, severities=("error", "warning", "note")):
    return {(f["rule"], f["severity"]) for f in doc.get("findings", [])
            if f["severity"] in severities}


def corpus_table(binary, corpora):
    rows = collections.defaultdict(lambda: [0, 0])  # (rule, severity) -> [bad, good]
    print("%-16s %-22s %-8s %12s %12s %9s %9s" % ("corpus", "rule", "severity", "inconsistent",
                                                 "consistent", "precision", "base"))
    for path in sorted(glob.glob(os.path.join(corpora, "*.jsonl"))):
        name = os.path.basename(path)[:-len(".jsonl")]
        print("rule_hits: %s ..." % name, file=sys.stderr, flush=True)
        labels = {}
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    rec = json.loads(line)
                    labels[rec["id"]] = rec["label"]
        counts = collections.defaultdict(lambda: [0, 0])
        for doc in run(binary, path):
            if doc.get("id") not in labels:
                continue
            for key in rules_of(doc):
                counts[key][0 if labels[doc["id"]] == 0 else 1] += 1
        base = sum(1 for v in labels.values() if v == 0) / max(1, len(labels))
        for (rule, sev), (bad, good) in sorted(counts.items()):
            if rule in ("extraneous-content", "missing-summary"):
                continue
            print("%-16s %-22s %-8s %12d %12d %9.2f %9.2f" % (name, rule, sev, bad, good,
                                                              bad / (bad + good), base))
            rows[(rule, sev)][0] += bad
            rows[(rule, sev)][1] += good
    print()
    print("all corpora:")
    for (rule, sev), (bad, good) in sorted(rows.items()):
        if rule in ("extraneous-content", "missing-summary"):
            continue
        print("  %-22s %-8s inconsistent %5d, consistent %5d, precision %.2f"
              % (rule, sev, bad, good, bad / (bad + good)))


def synthetic_table(binary, path):
    print("rule_hits: %s ..." % path, file=sys.stderr, flush=True)
    n = collections.Counter()
    any_error = collections.Counter()
    by_rule = collections.defaultdict(collections.Counter)
    for doc in run(binary, path):
        kind = str(doc.get("id", "")).rsplit("_", 1)[-1]
        n[kind] += 1
        found = rules_of(doc, ("error",))
        any_error[kind] += bool(found)
        for rule, _ in found:
            by_rule[kind][rule] += 1
    print()
    print("planted errors (%s): pairs with an error finding, and the rules that gave one" % path)
    for kind in sorted(n):
        rules = ", ".join("%s %d" % (r, c) for r, c in by_rule[kind].most_common())
        print("  %-10s %4d / %4d   %s" % (kind, any_error[kind], n[kind], rules))


def main():
    ap = argparse.ArgumentParser(description="What each rule finds on labelled documents.")
    ap.add_argument("--sumcheck", default=os.path.join(REPO, "build", "sumcheck"))
    ap.add_argument("--corpora", default=os.path.normpath(
        os.path.join(REPO, "..", "shared", "bench", "consistency")))
    ap.add_argument("--synthetic", metavar="FILE")
    args = ap.parse_args()
    if not os.access(args.sumcheck, os.X_OK):
        sys.exit("rule_hits: sumcheck binary not found: %s" % args.sumcheck)
    corpus_table(args.sumcheck, args.corpora)
    if args.synthetic:
        synthetic_table(args.sumcheck, args.synthetic)
    return 0


if __name__ == "__main__":
    sys.exit(main())
