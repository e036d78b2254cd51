#!/usr/bin/env python3
"""How much of each consistency corpus is an article seen before in the
same file: the share of the file's bytes that a cache of articles, kept
across the pairs that share one, could skip (and how much of it repeats
the line just before, all a one-entry cache would see).

    python3 bench/article_repeats.py [--corpora DIR]
"""
import argparse
import json
import os
import sys


def repeats(path):
    """(pairs, bytes, repeated article bytes, of them the line before's)."""
    seen, previous = set(), None
    pairs = total = repeated = consecutive = 0
    with open(path, "rb") as f:
        for line in f:
            pair = json.loads(line)
            article = pair.get("source") or pair.get("article") or ""
            size = len(article.encode("utf-8"))
            pairs += 1
            total += len(line)
            if article in seen:
                repeated += size
            if article == previous:
                consecutive += size
            seen.add(article)
            previous = article
    return pairs, total, repeated, consecutive


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", default=os.path.join(here, "..", "..", "shared", "bench", "consistency"))
    args = ap.parse_args()
    names = sorted(n for n in os.listdir(args.corpora) if n.endswith(".jsonl"))
    if not names:
        sys.exit("no .jsonl corpus in " + args.corpora)
    print("%-16s %6s %8s %9s %12s" % ("corpus", "pairs", "MB", "repeated", "line before"))
    all_total = all_repeated = 0
    for name in names:
        pairs, total, repeated, consecutive = repeats(os.path.join(args.corpora, name))
        all_total += total
        all_repeated += repeated
        print("%-16s %6d %8.2f %8.0f%% %11.0f%%" % (name[:-6], pairs, total / 1e6,
                                                   100 * repeated / total, 100 * consecutive / total))
    print("%-16s %6s %8.2f %8.0f%%" % ("all", "", all_total / 1e6, 100 * all_repeated / all_total))


if __name__ == "__main__":
    main()
