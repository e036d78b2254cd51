#!/usr/bin/env python3
"""Nested check of a feature added to the consistency model by looking at the labelled
corpora: the choice is remade without the corpus that is scored.

Usage: bench/select_features_loco.py --synthetic FILE [--sumcheck PATH] [--corpora DIR]
                                     [--jobs N] [--l2 LAMBDA] [--base LIST]

The model is trained on planted errors only (--synthetic, bench/synth_errors.py), so its
weights never see a labelled corpus; but a feature kept because it raised the labelled
corpora's mean AUC was chosen by looking at them.  This script repeats that choice once
per labelled corpus with that corpus left out: among "add nothing" and "add one feature
the program computes beyond --base (default: train_consistency.MODEL_FEATURES)",
it picks the one with the highest mean ROC AUC x100 over the
other corpora, and reports the held-out corpus's AUC under that choice.  The last line
is the mean of those held-out figures, beside the base model's.

Standard library only; uses bench/train_consistency.py's fitting and feature export.
"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import train_consistency as tc  # noqa: E402
from score_consistency import roc_auc  # noqa: E402


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--synthetic", required=True, metavar="FILE")
    ap.add_argument("--sumcheck", default=tc.DEFAULT_SUMCHECK, metavar="PATH")
    ap.add_argument("--corpora", default=tc.DEFAULT_CORPORA, metavar="DIR")
    ap.add_argument("--jobs", type=int, metavar="N")
    ap.add_argument("--l2", type=float, default=1.0, metavar="LAMBDA")
    ap.add_argument("--base", metavar="LIST",
                    default=",".join(tc.MODEL_FEATURES))
    args = ap.parse_args(argv)
    cmd, names, corpora = tc.load_corpora(os.path.abspath(args.sumcheck), args.corpora, args.jobs)
    ids, labels = tc.read_labels(args.synthetic)
    fnames, srows = tc.run_features(cmd, args.synthetic)
    if fnames != names or [r[0] for r in srows] != ids:
        tc.die("%s: features or records do not match the corpora's" % args.synthetic, 1)
    synth_X = [r[1] for r in srows]
    base = [f for f in args.base.split(",") if f]
    choices = [None] + [f for f in names if f not in base]
    auc = {}  # choice -> {corpus: AUC x100}
    for choice in choices:
        used = [names.index(f) for f in base + ([choice] if choice else [])]
        sel = lambda X: [[row[j] for j in used] for row in X]  # noqa: E731
        bias, weights = tc.train_on([{"X": sel(synth_X), "y": labels}], args.l2)
        auc[choice] = {c["name"]: 100.0 * roc_auc(tc.reported(tc.predict(bias, weights,
                                                                         sel(c["X"]))), c["y"])
                       for c in corpora}
        print("select_features_loco: %s done" % (choice or "(base)"), file=sys.stderr, flush=True)
    print("%-16s %-28s %8s %8s" % ("held out", "chosen on the other 7", "held-out", "base"))
    held, base_auc = [], []
    for c in corpora:
        others = [o["name"] for o in corpora if o is not c]
        best = max(choices, key=lambda ch: sum(auc[ch][o] for o in others))
        held.append(auc[best][c["name"]])
        base_auc.append(auc[None][c["name"]])
        print("%-16s %-28s %8.1f %8.1f" % (c["name"], best or "(nothing)", held[-1],
                                           base_auc[-1]))
    print("%-16s %-28s %8.1f %8.1f" % ("mean", "", sum(held) / len(held),
                                       sum(base_auc) / len(base_auc)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
