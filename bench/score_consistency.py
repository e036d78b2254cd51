#!/usr/bin/env python3
"""Score sumcheck's consistency output on the labelled consistency corpora.

Usage:
    bench/score_consistency.py [--sumcheck PATH] [--corpora DIR] [--only NAME]...
                               [--jobs N] [--timeout SECONDS] [--markdown] [--json FILE]
    bench/score_consistency.py --self-test

For each corpus file DIR/*.jsonl (default DIR: <repo>/../shared/bench/consistency, where
<repo> is the parent of this script's directory), the script runs

    <sumcheck> --input-format jsonl --format jsonl [--jobs N]

with the corpus file on stdin (default binary: <repo>/build/sumcheck). It expects one JSON
object per input line on stdout, in input order: either
    {"id": ..., "consistency": number in [0,1] or null, "findings": [{"rule", "severity"}, ...]}
or an error record
    {"id": ..., "error": {...}}.

Per corpus it reports:
  n        documents in the corpus (non-blank lines)
  err      records that failed: error records plus input lines with no output record
  null     records with "consistency": null (or missing / not a finite number)
  AUC      ROC AUC x100 of "consistency", label 1 (consistent) = positive class, ties by
           the Mann-Whitney average-rank formula; error, missing and null records are
           scored 0.5 and counted
  BAcc     balanced accuracy x100 of the gate "any finding with severity "error" =>
           predicted inconsistent" (error / missing records have no findings, so the gate
           predicts them consistent)
  flagged  documents the gate predicted inconsistent
  time, docs/s  wall time of the sumcheck run (process start to exit) and throughput
and beside them published ROC AUC x100 figures typed in from /work/shared/bench/README.md:
the TRUE benchmark numbers (qags_cnndm, frank_val, xsumfaith only: same examples and labels)
and the lexical reference baselines tok / bigr (every corpus). Note that the README's SummaC
balanced accuracies use a threshold tuned on a validation cut and a different test cut; they
are not comparable with BAcc here and are not shown.

Options:
  --sumcheck PATH   binary to run (default <repo>/build/sumcheck)
  --corpora DIR     corpus directory (default <repo>/../shared/bench/consistency)
  --only NAME       score only this corpus (file stem, e.g. qags_cnndm); repeatable
  --jobs N          pass "--jobs N" to sumcheck (not passed unless given)
  --timeout S       kill a sumcheck run after S seconds (default: no limit)
  --markdown        print a Markdown table instead of plain text
  --json FILE       also write the figures as JSON to FILE
  --self-test       check roc_auc / balanced_accuracy / record scoring on hand-computed cases

Output records are matched to input lines by position; if the ids disagree with the input
order, the mismatches are reported and, when input ids are unique, records are matched by id
instead. Progress and diagnostics go to stderr; the table goes to stdout.

Exit status: 0 all corpora ran cleanly; 1 some run had problems (killed by a signal, timed
out, unparseable output lines, missing / extra / out-of-order records); 2 the binary or the
corpora are missing, or bad arguments.
"""

import argparse
import glob
import json
import math
import os
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SUMCHECK = os.path.join(REPO, "build", "sumcheck")
DEFAULT_CORPORA = os.path.normpath(os.path.join(REPO, "..", "shared", "bench", "consistency"))

# Published ROC AUC x100, label 1 = consistent is the positive class.
# Source: /work/shared/bench/README.md, "TRUE benchmark, summarisation part: ROC AUC x100"
# (Zha et al. 2023, AlignScore, ACL, Table 3; rows checked there against
# yuh-zha/AlignScore@a0936d5a README.md). frank_val = FRANK, xsumfaith = MNBM,
# qags_cnndm = QAGS-C: same examples, same labels. BLEU / ROUGE-2 are computed between
# summary and source article.
PUBLISHED_COLUMNS = ["BLEU", "ROUGE-2", "SummaC-Conv", "QAFactEval", "AlignScore-large"]
PUBLISHED_AUC = {
    "frank_val": {"BLEU": 84.1, "ROUGE-2": 84.5, "SummaC-Conv": 89.0,
                  "QAFactEval": 88.5, "AlignScore-large": 92.1},
    "xsumfaith": {"BLEU": 56.7, "ROUGE-2": 65.0, "SummaC-Conv": 67.2,
                  "QAFactEval": 67.3, "AlignScore-large": 76.1},
    "qags_cnndm": {"BLEU": 77.4, "ROUGE-2": 78.4, "SummaC-Conv": 77.7,
                   "QAFactEval": 83.9, "AlignScore-large": 89.5},
}

# Lexical reference baselines, ROC AUC x100 (computed by the corpus maintainers, not
# published). Source: /work/shared/bench/README.md, "Lexical reference baselines".
# tok = share of the summary's content words found in the source; bigr = same for bigrams.
LEXICAL_COLUMNS = ["tok", "bigr"]
LEXICAL_AUC = {
    "qags_cnndm": {"tok": 61.6, "bigr": 81.9},
    "xsumfaith": {"tok": 74.7, "bigr": 71.0},
    "frank_val": {"tok": 83.7, "bigr": 86.2},
    "summeval_val": {"tok": 70.7, "bigr": 84.3},
    "factcc_val": {"tok": 55.5, "bigr": 84.8},
    "cogensumm_test": {"tok": 55.3, "bigr": 72.8},
    "polytope": {"tok": 54.6, "bigr": 53.5},
    "cliff": {"tok": 81.3, "bigr": 80.5},
}

SHORT = {"BLEU": "BLEU", "ROUGE-2": "R-2", "SummaC-Conv": "SC-Conv",
         "QAFactEval": "QAFE", "AlignScore-large": "AlignS-L",
         "tok": "lex tok", "bigr": "lex bigr"}


# ---------------------------------------------------------------------------
# Metrics


def roc_auc(scores, labels):
    """ROC AUC of scores, label 1 = positive class (truthy labels are positive).

    Mann-Whitney U with average ranks for ties:
        AUC = (R_pos - n_pos (n_pos + 1) / 2) / (n_pos * n_neg)
    where R_pos is the sum of the (1-based, tie-averaged) ranks of the positives.
    Returns None when either class is empty.
    """
    if len(scores) != len(labels):
        raise ValueError("scores and labels differ in length")
    n_pos = sum(1 for y in labels if y)
    n_neg = len(labels) - n_pos
    if n_pos == 0 or n_neg == 0:
        return None
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    rank_sum_pos = 0.0
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        avg_rank = (i + 1 + j + 1) / 2.0  # ranks i+1 .. j+1 share their mean
        for k in range(i, j + 1):
            if labels[order[k]]:
                rank_sum_pos += avg_rank
        i = j + 1
    return (rank_sum_pos - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg)


def balanced_accuracy(pred, labels):
    """Mean of the recall of class 1 and the recall of class 0.

    pred and labels are sequences of 0/1 (truthy = 1). Returns None when either class is
    absent from labels.
    """
    if len(pred) != len(labels):
        raise ValueError("pred and labels differ in length")
    pos = [bool(p) for p, y in zip(pred, labels) if y]
    neg = [bool(p) for p, y in zip(pred, labels) if not y]
    if not pos or not neg:
        return None
    tpr = sum(pos) / len(pos)
    tnr = sum(1 for p in neg if not p) / len(neg)
    return (tpr + tnr) / 2.0


# ---------------------------------------------------------------------------
# Records


def record_score(rec):
    """(score for AUC, is_error, is_null) of one output record (None = missing record)."""
    if rec is None or not isinstance(rec, dict) or "error" in rec:
        return 0.5, True, False
    c = rec.get("consistency")
    if isinstance(c, bool) or not isinstance(c, (int, float)) or not math.isfinite(c):
        return 0.5, False, True
    return float(c), False, False


def record_flagged(rec):
    """Gate: True (predicted inconsistent) if the record has a finding of severity "error"."""
    if not isinstance(rec, dict) or "error" in rec:
        return False
    findings = rec.get("findings")
    if not isinstance(findings, list):
        return False
    return any(isinstance(f, dict) and f.get("severity") == "error" for f in findings)


def align(in_ids, out_recs):
    """Match output records to input lines.

    Returns (aligned, notes, problem): aligned[i] is the record for input line i or None.
    Records are matched by position when the ids agree; otherwise mismatches are described
    in notes and, if the input ids are unique, records are matched by id.
    """
    notes = []
    out_ids = [r.get("id") if isinstance(r, dict) else None for r in out_recs]
    if out_ids == list(in_ids):
        return list(out_recs), notes, False
    if len(out_recs) != len(in_ids):
        notes.append("%d output records for %d input lines" % (len(out_recs), len(in_ids)))
    bad = [(i, a, b) for i, (a, b) in enumerate(zip(in_ids, out_ids)) if a != b]
    if bad:
        shown = ", ".join("line %d: expected %r, got %r" % (i + 1, a, b) for i, a, b in bad[:3])
        notes.append("%d ids out of input order (%s%s)" % (len(bad), shown,
                                                           ", ..." if len(bad) > 3 else ""))
    if len(set(in_ids)) == len(in_ids):
        by_id = {}
        dup = 0
        for r, rid in zip(out_recs, out_ids):
            if rid in by_id:
                dup += 1
            else:
                by_id[rid] = r
        in_set = set(in_ids)
        extra = sum(1 for rid in by_id if rid not in in_set)
        aligned = [by_id.get(i) for i in in_ids]
        missing = sum(1 for r in aligned if r is None)
        if missing:
            notes.append("%d input ids have no output record" % missing)
        if extra:
            notes.append("%d output ids not in the input" % extra)
        if dup:
            notes.append("%d duplicate output ids (first kept)" % dup)
        notes.append("matched by id")
    else:
        aligned = [out_recs[i] if i < len(out_recs) else None for i in range(len(in_ids))]
        notes.append("input ids not unique: matched by position")
    return aligned, notes, True


def score_corpus(labels, aligned):
    """Figures for one corpus from labels and aligned records (None = missing)."""
    scores, preds = [], []
    n_err = n_null = n_missing = 0
    err_kinds = {}
    for rec in aligned:
        s, is_err, is_null = record_score(rec)
        scores.append(s)
        flagged = record_flagged(rec)
        preds.append(0 if flagged else 1)
        if is_err:
            n_err += 1
            if rec is None:
                n_missing += 1
                kind = "missing"
            else:
                e = rec.get("error") if isinstance(rec, dict) else None
                kind = None
                if isinstance(e, dict):
                    kind = e.get("code") or e.get("type") or e.get("kind")
                kind = str(kind) if kind is not None else "error"
            err_kinds[kind] = err_kinds.get(kind, 0) + 1
        n_null += is_null
    auc = roc_auc(scores, labels)
    bacc = balanced_accuracy(preds, labels)
    return {
        "n": len(labels),
        "n_positive": sum(1 for y in labels if y),
        "n_errors": n_err,
        "n_missing": n_missing,
        "n_null": n_null,
        "error_kinds": err_kinds,
        "n_flagged": sum(1 for p in preds if p == 0),
        "roc_auc_x100": None if auc is None else 100.0 * auc,
        "balanced_accuracy_x100": None if bacc is None else 100.0 * bacc,
    }


# ---------------------------------------------------------------------------
# Running


def die(msg):
    print("score_consistency: " + msg, file=sys.stderr)
    sys.exit(2)


def read_corpus(path):
    ids, labels = [], []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as e:
                die("%s:%d: not JSON: %s" % (path, lineno, e))
            lab = obj.get("label")
            if lab not in (0, 1) or isinstance(lab, float):
                die("%s:%d: label is %r, expected 0 or 1" % (path, lineno, lab))
            ids.append(obj.get("id"))
            labels.append(int(lab))
    return ids, labels


def run_corpus(cmd, path, timeout):
    """Run sumcheck on one corpus; returns (records, wall_s, returncode, stderr, bad_lines)."""
    with open(path, "rb") as stdin:
        t0 = time.perf_counter()
        try:
            proc = subprocess.Popen(cmd, stdin=stdin, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE)
        except OSError as e:
            die("cannot run %s: %s" % (cmd[0], e))
        timed_out = False
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            timed_out = True
        wall = time.perf_counter() - t0
    recs, bad = [], []
    for lineno, line in enumerate(out.decode("utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError:
            bad.append(lineno)
            continue
        recs.append(obj)
    rc = "timeout" if timed_out else proc.returncode
    return recs, wall, rc, err.decode("utf-8", errors="replace"), bad


def fmt(v, digits=1):
    if v is None:
        return "-"
    if isinstance(v, float):
        return "%.*f" % (digits, v)
    return str(v)


def build_table(results, total):
    head = ["corpus", "n", "err", "null", "AUC", "BAcc", "flagged", "time s", "docs/s"]
    head += [SHORT[c] for c in PUBLISHED_COLUMNS + LEXICAL_COLUMNS]
    rows = []
    for r in results:
        pub = PUBLISHED_AUC.get(r["corpus"], {})
        lex = LEXICAL_AUC.get(r["corpus"], {})
        rows.append([r["corpus"], fmt(r["n"]), fmt(r["n_errors"]), fmt(r["n_null"]),
                     fmt(r["roc_auc_x100"]), fmt(r["balanced_accuracy_x100"]),
                     fmt(r["n_flagged"]), fmt(r["wall_s"], 2), fmt(r["docs_per_s"], 0)]
                    + [fmt(pub.get(c)) for c in PUBLISHED_COLUMNS]
                    + [fmt(lex.get(c)) for c in LEXICAL_COLUMNS])
    if len(results) > 1:
        rows.append(["all", fmt(total["n"]), fmt(total["n_errors"]), fmt(total["n_null"]),
                     "-", "-", fmt(total["n_flagged"]), fmt(total["wall_s"], 2),
                     fmt(total["docs_per_s"], 0)] + ["-"] * (len(head) - 9))
    return head, rows


def print_plain(head, rows):
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows)]
    def line(cells):
        out = [cells[0].ljust(widths[0])]
        out += [c.rjust(w) for c, w in zip(cells[1:], widths[1:])]
        return "  ".join(out).rstrip()
    print(line(head))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print(line(r))


def print_markdown(head, rows):
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|")
    for r in rows:
        print("| " + " | ".join(r) + " |")


LEGEND = ("AUC = ROC AUC x100 of consistency (label 1 positive; null/error/missing = 0.5); "
          "BAcc = balanced accuracy x100 of the gate 'any severity=error finding => "
          "inconsistent'; err = error + missing records; flagged = gated documents.\n"
          "Published ROC AUC x100 (TRUE benchmark, Zha et al. 2023 Table 3): BLEU, R-2, "
          "SC-Conv (SummaC-Conv), QAFE (QAFactEval), AlignS-L (AlignScore-large); "
          "lex tok / lex bigr: lexical reference baselines; all from "
          "shared/bench/README.md.")


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Score sumcheck's consistency output on the labelled corpora.",
        epilog="See the module docstring (head of this file) for details.")
    ap.add_argument("--sumcheck", default=DEFAULT_SUMCHECK, metavar="PATH",
                    help="binary to run (default: %(default)s)")
    ap.add_argument("--corpora", default=DEFAULT_CORPORA, metavar="DIR",
                    help="directory of *.jsonl corpora (default: %(default)s)")
    ap.add_argument("--only", action="append", default=[], metavar="NAME",
                    help="score only this corpus (repeatable)")
    ap.add_argument("--jobs", type=int, metavar="N", help="pass --jobs N to sumcheck")
    ap.add_argument("--timeout", type=float, metavar="S",
                    help="kill a sumcheck run after S seconds")
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    ap.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    ap.add_argument("--self-test", action="store_true", help="test the metric functions")
    args = ap.parse_args(argv)

    if args.self_test:
        return self_test()
    if args.jobs is not None and args.jobs < 1:
        die("--jobs must be at least 1")

    binary = os.path.abspath(args.sumcheck)
    if not os.path.isfile(binary):
        die("sumcheck binary not found: %s (build it first, or pass --sumcheck PATH)" % binary)
    if not os.access(binary, os.X_OK):
        die("sumcheck binary is not executable: %s" % binary)
    corpora_dir = os.path.abspath(args.corpora)
    if not os.path.isdir(corpora_dir):
        die("corpus directory not found: %s (pass --corpora DIR)" % corpora_dir)
    files = sorted(glob.glob(os.path.join(corpora_dir, "*.jsonl")))
    if not files:
        die("no *.jsonl corpora in %s" % corpora_dir)
    by_name = {os.path.basename(f)[:-len(".jsonl")]: f for f in files}
    if args.only:
        wanted = []
        for name in args.only:
            name = os.path.basename(name)
            if name.endswith(".jsonl"):
                name = name[:-len(".jsonl")]
            if name not in by_name:
                die("no corpus named %r in %s (have: %s)"
                    % (name, corpora_dir, ", ".join(sorted(by_name))))
            if name not in wanted:
                wanted.append(name)
    else:
        wanted = sorted(by_name)

    cmd = [binary, "--input-format", "jsonl", "--format", "jsonl"]
    if args.jobs is not None:
        cmd += ["--jobs", str(args.jobs)]

    results = []
    any_problem = False
    for name in wanted:
        path = by_name[name]
        in_ids, labels = read_corpus(path)
        print("score_consistency: %s (%d docs) ..." % (name, len(labels)), file=sys.stderr,
              flush=True)
        recs, wall, rc, err_text, bad = run_corpus(cmd, path, args.timeout)
        aligned, notes, problem = align(in_ids, recs)
        if bad:
            notes.insert(0, "%d unparseable output lines (first at stdout line %d)"
                         % (len(bad), bad[0]))
            problem = True
        if rc == "timeout":
            notes.insert(0, "killed after %.0f s timeout" % args.timeout)
            problem = True
        elif rc < 0:
            notes.insert(0, "killed by signal %d" % -rc)
            problem = True
        elif rc != 0:
            notes.insert(0, "exit status %d" % rc)
        if (problem or rc != 0) and err_text.strip():
            tail = err_text.strip().splitlines()[-3:]
            notes.append("stderr tail: " + " | ".join(tail))
        r = score_corpus(labels, aligned)
        r.update({"corpus": name, "file": path, "exit_status": rc, "wall_s": wall,
                  "docs_per_s": (len(labels) / wall) if wall > 0 else None,
                  "notes": notes, "problem": problem,
                  "published_roc_auc_x100": PUBLISHED_AUC.get(name, {}),
                  "lexical_roc_auc_x100": LEXICAL_AUC.get(name, {})})
        any_problem = any_problem or problem
        results.append(r)

    total = {k: sum(r[k] for r in results) for k in ("n", "n_errors", "n_null", "n_flagged",
                                                     "wall_s")}
    total["docs_per_s"] = total["n"] / total["wall_s"] if total["wall_s"] > 0 else None

    head, rows = build_table(results, total)
    print("sumcheck: %s" % " ".join(cmd))
    print("corpora:  %s" % corpora_dir)
    print()
    if args.markdown:
        print_markdown(head, rows)
    else:
        print_plain(head, rows)
    print()
    print(LEGEND)
    for r in results:
        extra = []
        if r["error_kinds"]:
            extra.append("errors: " + ", ".join("%s %d" % kv for kv in
                                                sorted(r["error_kinds"].items())))
        for note in extra + r["notes"]:
            print(("- %s: %s" if args.markdown else "%s: %s") % (r["corpus"], note))

    if args.json:
        doc = {"command": cmd, "corpora_dir": corpora_dir,
               "published_source": "shared/bench/README.md (TRUE table; lexical baselines)",
               "results": results, "total": total}
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=1)
            f.write("\n")
    return 1 if any_problem else 0


# ---------------------------------------------------------------------------
# Self-test


def self_test():
    passed = failed = 0

    def check(name, got, want):
        nonlocal passed, failed
        def num(x):
            return isinstance(x, (int, float)) and not isinstance(x, bool)
        ok = abs(got - want) < 1e-12 if num(got) and num(want) else got == want
        if ok:
            passed += 1
        else:
            failed += 1
            print("FAIL %s: got %r, want %r" % (name, got, want))

    # roc_auc
    check("auc perfect", roc_auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]), 1.0)
    check("auc reversed", roc_auc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1]), 0.0)
    check("auc all ties", roc_auc([0.5] * 6, [1, 0, 1, 0, 0, 1]), 0.5)
    # pos {0.35, 0.8} vs neg {0.1, 0.4}: pairs won 0.35>0.1, 0.8>0.1, 0.8>0.4; lost
    # 0.35<0.4 -> 3/4
    check("auc mixed", roc_auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]), 0.75)
    # pos {0.5, 0.9} vs neg {0.5, 0.2}: tie 0.5=0.5 counts 1/2, other three pairs won
    # -> 3.5/4. Ranks: 0.2->1, 0.5,0.5->2.5, 0.9->4; R_pos = 6.5; (6.5-3)/4 = 0.875
    check("auc tie mixed", roc_auc([0.5, 0.5, 0.2, 0.9], [1, 0, 0, 1]), 0.875)
    # 3 pos {0.3, 0.6, 0.6} vs 2 neg {0.6, 0.1}: vs 0.1 all 3 win (3); vs 0.6: 0.3 loses,
    # two ties (1) -> 4/6
    check("auc 3v2 ties", roc_auc([0.3, 0.6, 0.6, 0.6, 0.1], [1, 1, 1, 0, 0]), 4 / 6)
    check("auc unsorted input order", roc_auc([0.8, 0.1, 0.35, 0.4], [1, 0, 1, 0]), 0.75)
    check("auc one class", roc_auc([0.1, 0.2], [1, 1]), None)
    check("auc empty", roc_auc([], []), None)

    # balanced_accuracy
    check("bacc perfect", balanced_accuracy([1, 1, 0, 0], [1, 1, 0, 0]), 1.0)
    check("bacc reversed", balanced_accuracy([0, 0, 1, 1], [1, 1, 0, 0]), 0.0)
    check("bacc constant", balanced_accuracy([1, 1, 1, 1, 1], [1, 0, 0, 0, 1]), 0.5)
    # TPR 2/3 (labels 1 at 0..2, pred 1,0,1), TNR 1/2 (labels 0 at 3,4, pred 0,1) -> 7/12
    check("bacc mixed", balanced_accuracy([1, 0, 1, 0, 1], [1, 1, 1, 0, 0]), 7 / 12)
    check("bacc one class", balanced_accuracy([1, 0], [0, 0]), None)

    # record handling
    check("score number", record_score({"id": "a", "consistency": 0.25})[0], 0.25)
    check("score null", list(record_score({"id": "a", "consistency": None})),
          [0.5, False, True])
    check("score NaN", list(record_score({"id": "a", "consistency": float("nan")})),
          [0.5, False, True])
    check("score bool is not a number", list(record_score({"consistency": True})[1:]),
          [False, True])
    check("score error", list(record_score({"id": "a", "error": {"code": "x"}})),
          [0.5, True, False])
    check("score missing", list(record_score(None)), [0.5, True, False])
    check("gate error", record_flagged({"findings": [{"rule": "r", "severity": "warning"},
                                                     {"rule": "s", "severity": "error"}]}),
          True)
    check("gate warning", record_flagged({"findings": [{"rule": "r", "severity": "warning"}]}),
          False)
    check("gate error record", record_flagged({"error": {}, "findings": [
        {"severity": "error"}]}), False)

    # align + score_corpus
    recs = [{"id": "a", "consistency": 0.9, "findings": []},
            {"id": "b", "consistency": 0.1, "findings": [{"rule": "r", "severity": "error"}]}]
    al, notes, prob = align(["a", "b"], recs)
    check("align in order", [prob, notes], [False, []])
    al, notes, prob = align(["a", "b", "c"], list(reversed(recs)))
    check("align by id", [r["id"] if r else None for r in al], ["a", "b", None])
    check("align problem", prob, True)
    # labels 1,0,1; scores 0.9, 0.1, 0.5 (missing) -> perfect ranking; gate preds 1,0,1
    s = score_corpus([1, 0, 1], al)
    check("corpus auc", s["roc_auc_x100"], 100.0)
    check("corpus bacc", s["balanced_accuracy_x100"], 100.0)
    check("corpus counts", [s["n_errors"], s["n_missing"], s["n_null"], s["n_flagged"]],
          [1, 1, 0, 1])

    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
