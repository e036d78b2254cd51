#!/usr/bin/env python3
"""Which kinds of error sumcheck's consistency ranks well, and which it misses.

Usage:
    bench/error_types.py [--sumcheck PATH] [--corpora DIR] [--only NAME]... [--jobs N]
    bench/error_types.py --self-test

Some corpora of ../shared/bench/consistency/ say what is wrong with each inconsistent
summary: FRANK's "error_type" (Pagnoni et al. 2021: EntE wrong entity, PredE / RelE
wrong predicate or relation, CircE wrong time, place or manner, CorefE a pronoun or
reference to the wrong thing, LinkE wrong discourse link, OutE not in the article,
GramE ungrammatical) and CLIFF's list (Cao and Wang 2021: intrinsic / extrinsic noun
phrase, predicate, or whole sentence; intrinsic means made of the article's own words
put in the wrong place). Both mix summaries of CNN/DM and XSum articles ("origin").

A corpus's ROC AUC mixes two things: telling the origins apart (XSum summaries are
abstractive, and most of them are wrong) and ranking within one origin. This script
separates them. For each corpus with error types it runs

    <sumcheck> --no-config --input-format jsonl --format jsonl [--jobs N]

and prints the ROC AUC x100 of "consistency"
  - on the whole corpus (what bench/score_consistency.py reports);
  - within each origin: that origin's consistent summaries against its inconsistent ones;
  - for each (origin, error type): the origin's consistent summaries against the
    inconsistent summaries of that type alone (a summary with several types counts in
    each; CLIFF's lists are named by their sorted members).
A low row names the errors that need evidence of a new kind (DESIGN.md, consistency).
Rows with fewer than --min-n (default 5) inconsistent summaries are left out, and so are
groups with no consistent summary (summeval_val names an origin on its inconsistent ones only).

Standard library only; uses bench/score_consistency.py's ROC AUC and runner.
"""
import argparse
import collections
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from score_consistency import record_score, roc_auc, run_corpus  # noqa: E402

REPO = os.path.dirname(HERE)


def error_kinds(meta):
    """The error kinds of one summary's meta, as a list of names ([] when none)."""
    kind = meta.get("error_type")
    if kind is None:
        return []
    if isinstance(kind, list):
        return ["+".join(sorted(str(k) for k in kind))] if kind else []
    return [str(kind)]


def read_typed(path):
    """(rows, has_types): rows of (id, label, origin, kinds) in input order."""
    rows, typed = [], False
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as e:
                sys.exit(f"error_types: {path}:{lineno}: not JSON: {e}")
            meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
            if "error_type" in meta:
                typed = True
            rows.append((obj.get("id"), obj.get("label"), str(meta.get("origin", "-")),
                         error_kinds(meta)))
    return rows, typed


def table(rows, scores, min_n):
    """Lines (group, n_pos, n_neg, auc) for one corpus; scores in the order of rows."""
    out = [("all", sum(1 for r in rows if r[1] == 1), sum(1 for r in rows if r[1] == 0),
            roc_auc(scores, [r[1] for r in rows]))]
    origins = sorted({r[2] for r in rows})
    for origin in origins:
        pos = [s for r, s in zip(rows, scores) if r[2] == origin and r[1] == 1]
        neg = [s for r, s in zip(rows, scores) if r[2] == origin and r[1] == 0]
        out.append((origin, len(pos), len(neg),
                    roc_auc(pos + neg, [1] * len(pos) + [0] * len(neg))))
        by_kind = collections.defaultdict(list)
        for r, s in zip(rows, scores):
            if r[2] == origin and r[1] == 0:
                for kind in r[3]:
                    by_kind[kind].append(s)
        for kind in sorted(by_kind):
            neg = by_kind[kind]
            if len(neg) < min_n:
                continue
            out.append((f"{origin} {kind}", len(pos), len(neg),
                        roc_auc(pos + neg, [1] * len(pos) + [0] * len(neg))))
    return out


def self_test():
    rows = [("a", 1, "x", []), ("b", 0, "x", ["E"]), ("c", 0, "x", ["F"]),
            ("d", 1, "y", []), ("e", 0, "y", ["E"])]
    got = table(rows, [0.9, 0.1, 0.95, 0.2, 0.3], 1)
    want = [("all", 2, 3, 0.5), ("x", 1, 2, 0.5), ("x E", 1, 1, 1.0), ("x F", 1, 1, 0.0),
            ("y", 1, 1, 0.0), ("y E", 1, 1, 0.0)]
    ok = len(got) == len(want) and all(
        g[:3] == w[:3] and abs(g[3] - w[3]) < 1e-9 for g, w in zip(got, want))
    assert error_kinds({"error_type": ["b", "a"]}) == ["a+b"]
    assert error_kinds({"error_type": []}) == [] and error_kinds({}) == []
    print("error_types self-test: " + ("ok" if ok else f"FAILED: {got}"))
    return 0 if ok else 1


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sumcheck", default=os.path.join(REPO, "build", "sumcheck"))
    ap.add_argument("--corpora",
                    default=os.path.join(REPO, "..", "shared", "bench", "consistency"))
    ap.add_argument("--only", action="append", default=[], metavar="NAME")
    ap.add_argument("--jobs", type=int)
    ap.add_argument("--min-n", type=int, default=5)
    ap.add_argument("--self-test", action="store_true")
    args = ap.parse_args(argv)
    if args.self_test:
        return self_test()
    names = sorted(n[:-6] for n in os.listdir(args.corpora) if n.endswith(".jsonl"))
    if args.only:
        names = [n for n in names if n in args.only]
    cmd = [args.sumcheck, "--no-config", "--input-format", "jsonl", "--format", "jsonl"]
    if args.jobs:
        cmd += ["--jobs", str(args.jobs)]
    print(f"{'corpus':<16} {'group':<44} {'pos':>5} {'neg':>5} {'AUC':>6}")
    for name in names:
        path = os.path.join(args.corpora, name + ".jsonl")
        rows, typed = read_typed(path)
        if not typed:
            continue
        print(f"error_types: {name} ...", file=sys.stderr)
        recs, _, rc, err, _ = run_corpus(cmd, path, None)
        if rc not in (0, 1) or len(recs) != len(rows):
            sys.exit(f"error_types: {' '.join(cmd)} < {path}: exit {rc}, "
                     f"{len(recs)} records for {len(rows)} lines: {err[:300]}")
        for r, rec in zip(rows, recs):
            if rec.get("id") != r[0]:
                sys.exit(f"error_types: {path}: record {rec.get('id')!r} where {r[0]!r} was expected")
        scores = [record_score(rec)[0] for rec in recs]
        for group, npos, nneg, auc in table(rows, scores, args.min_n):
            if auc is not None:  # an origin named on one class only has no AUC
                print(f"{name:<16} {group:<44} {npos:>5} {nneg:>5} {100 * auc:>6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
