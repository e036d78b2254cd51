#!/usr/bin/env python3
"""A plain-Python overlap checker, the speed baseline of bench/speed.py.

Reads JSON Lines pairs {"id", "source", "summary"} on stdin and writes one
line per pair: {"id", "consistency"}, where consistency is the mean of the
summary's content-word precision and bigram precision against the source.
Standard library only; what a careful script would do without sumcheck."""
import json
import re
import sys

WORD = re.compile(r"\w+", re.UNICODE)
STOP = frozenset(
    "a an the and or but of to in on at for with by from as is are was were be been "
    "it its this that these those he she they we you i his her their our your not no "
    "yang dan di ke dari untuk dengan pada ini itu adalah akan tidak juga atau".split()
)


def words(text):
    return [w.lower() for w in WORD.findall(text)]


def score(source, summary):
    src, summ = words(source), words(summary)
    src_set = set(w for w in src if w not in STOP)
    content = [w for w in summ if w not in STOP]
    tok = sum(w in src_set for w in content) / len(content) if content else 1.0
    src_bi = set(zip(src, src[1:]))
    bi = list(zip(summ, summ[1:]))
    big = sum(b in src_bi for b in bi) / len(bi) if bi else tok
    return (tok + big) / 2


def main():
    out = sys.stdout
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            pair = json.loads(line)
            out.write(json.dumps({"id": pair.get("id"),
                                  "consistency": round(score(pair["source"], pair["summary"]), 4)}))
        except (ValueError, KeyError, TypeError) as e:
            out.write(json.dumps({"error": str(e)}))
        out.write("\n")


if __name__ == "__main__":
    main()
