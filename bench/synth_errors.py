#!/usr/bin/env python3
"""Makes FactCC-style training pairs from the shared articles (Kryscinski et al. 2020,
"Evaluating the Factual Consistency of Abstractive Text Summarization": plant errors in
sentences taken from the article itself).

Usage: bench/synth_errors.py [--corpora DIR] [--out FILE] [--seed N] [--per-article N]

For each distinct article (the "source" of every pair in DIR/*.jsonl, default
../shared/bench/consistency) it takes one to three neighbouring sentences of the lead as
a summary and writes, as JSON Lines:
  - a consistent pair: those sentences, lightly compressed (a parenthetical, a
    leading adverbial or a trailing "he said" dropped),
  - inconsistent pairs, one planted error each (kind in meta.kind):
      entity    a name swapped for another name of the article
      number    a number swapped for another number of the article, or changed
      negation  "not" added after an auxiliary, or an existing "not"/"n't" removed
      relation  the subject of one sentence joined to the predicate of a far one
      invented  a clause about something the article never says appended
The output is training data for bench/train_consistency.py --synthetic FILE; it is
third-party text rearranged, so it is written outside the project (default
build/bench-data/synth.jsonl) and never committed.  Standard library only.
"""
import argparse
import glob
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

AUX_WORDS = "is|are|was|were|has|have|had|will|would|can|could|should|did|does|do"
AUX = r"\b(" + AUX_WORDS + r")\b"
NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)")
NUMBER = re.compile(r"\b\d+(?:[.,]\d+)*\b")
INVENTED = [
    "after police said they had arrested two men",
    "despite a court ruling against it last year",
    "which cost the government more than $40 million",
    "according to a report released on Tuesday",
    "and the company has since apologised",
    "following a vote by the city council",
]


def sentences(text):
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"'`])", text.strip())
    return [p.strip() for p in parts if 20 <= len(p.strip()) <= 400]


def compress(s, rng):
    out = re.sub(r"\s*\([^)]{1,80}\)", "", s)
    if rng.random() < 0.5:
        out = re.sub(r"^(However|Meanwhile|Earlier|Last year|On \w+day),\s+", "", out)
        out = out[:1].upper() + out[1:]
    if rng.random() < 0.5:
        out = re.sub(r",\s+(he|she|they|police|officials) (said|says|added)\.$", ".", out)
    return out


def names_of(text):
    return [m.group(1) for m in NAME.finditer(text)]


def swap_entity(summary, article, rng):
    # sorted: a set's order follows the per-process string hash, and the pairs
    # must be the same on every run (the committed weights are trained on them).
    here = [n for n in sorted(set(names_of(summary))) if len(n) > 2]
    others = [n for n in sorted(set(names_of(article))) if n not in summary and len(n) > 2]
    if not here or not others:
        return None
    a, b = rng.choice(here), rng.choice(others)
    return summary.replace(a, b, 1)


def swap_number(summary, article, rng):
    here = NUMBER.findall(summary)
    if not here:
        return None
    a = rng.choice(here)
    others = [n for n in sorted(set(NUMBER.findall(article))) if n != a]
    if others and rng.random() < 0.6:
        b = rng.choice(others)
    else:
        digits = re.sub(r"\D", "", a)
        if not digits:
            return None
        b = str(int(digits) + rng.choice([1, 2, 3, 5, 10, 12]))
    return re.sub(r"\b%s\b" % re.escape(a), b, summary, count=1)


def negate(summary, rng):
    if re.search(r"\b(not|never)\b|n't\b", summary):
        out = re.sub(r"\s+(not|never)\b|n't\b", "", summary, count=1)
        return out if out != summary else None
    m = re.search(AUX, summary)
    if not m:
        return None
    return summary[:m.end()] + " not" + summary[m.end():]


def relation(sents, i, rng):
    """The subject of sentence i with the predicate of a far sentence."""
    far = [j for j in range(len(sents)) if abs(j - i) > 2]
    if not far:
        return None
    j = rng.choice(far)
    m1 = re.match(r"^((?:\S+\s+){1,4}?)(?:" + AUX_WORDS + r"|said|says|told|won|lost|made)\b",
                  sents[i])
    m2 = re.search(AUX + r".*$", sents[j])
    if not m1 or not m2:
        return None
    return m1.group(1) + m2.group(0)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", default=os.path.join(ROOT, "..", "shared", "bench",
                                                       "consistency"))
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "bench-data", "synth.jsonl"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-article", type=int, default=1)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    seen, articles = set(), []
    for path in sorted(glob.glob(os.path.join(args.corpora, "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                src = json.loads(line).get("source", "")
                key = src[:200]
                if src and key not in seen:
                    seen.add(key)
                    articles.append(src)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    counts = {}
    with open(args.out, "w", encoding="utf-8") as out:
        for a, article in enumerate(articles):
            sents = sentences(article)
            if len(sents) < 6:
                continue
            for k in range(args.per_article):
                i = rng.randrange(0, min(len(sents) - 1, 8))
                n = rng.choice([1, 1, 2, 2, 3])
                picked = [compress(s, rng) for s in sents[i:i + n]]
                summary = " ".join(picked)
                rows = [("consistent", summary)]
                kinds = ["entity", "number", "negation", "relation", "invented"]
                rng.shuffle(kinds)
                for kind in kinds[:2]:
                    if kind == "entity":
                        bad = swap_entity(summary, article, rng)
                    elif kind == "number":
                        bad = swap_number(summary, article, rng)
                    elif kind == "negation":
                        bad = negate(summary, rng)
                    elif kind == "relation":
                        r = relation(sents, i, rng)
                        bad = None if r is None else " ".join([r] + picked[1:])
                    else:
                        bad = summary.rstrip(".") + ", " + rng.choice(INVENTED) + "."
                    if bad and bad != summary:
                        rows.append((kind, bad))
                if len(rows) < 2:
                    continue
                for kind, text in rows:
                    counts[kind] = counts.get(kind, 0) + 1
                    out.write(json.dumps({"id": "synth_%d_%d_%s" % (a, k, kind),
                                          "source": article, "summary": text,
                                          "label": 1 if kind == "consistent" else 0,
                                          "meta": {"kind": kind}}) + "\n")
    print("synth_errors: %d articles; %s -> %s" % (len(articles), counts, args.out),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
