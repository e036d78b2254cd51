#!/usr/bin/env python3
"""Probes of new consistency features: could a kind of evidence reach the issue's bars?

Usage:
    bench/probe_features.py [--sumcheck PATH] [--corpora DIR] [--jobs N] [--boot N]
                            [--only NAME[,NAME]]
    bench/probe_features.py --self-test

A probe is evidence, never a shipped score: each candidate below, a kind of evidence the
program does not compute yet, is computed here in Python from the raw pairs, added to the features the model uses
(train_consistency.MODEL_FEATURES, exported by the program's --emit-features), and the
model is refitted.  A probe that cannot reach the bars this way tells us not to port it
to C; one that can is a reason to write it there, where it would be measured again.

What it prints, for the baseline (MODEL_FEATURES alone), for MODEL_FEATURES plus each
probe, and plus three combinations (relations, edits, all nine):
  - the leave-one-corpus-out ROC AUC x100 of every corpus and their mean: trained on the
    other corpora by train_consistency.py's own fitting (L2 0.1 on standardised
    features, one intercept per corpus, each corpus and class weighted equally), scores
    rounded as the report writes them;
  - self-fit, on qags_cnndm and frank_val: the corpus scored by a model fitted on that
    same corpus (L2 1), as bench/ceiling_consistency.py computes it.  These two columns
    are training scores, an upper bound for the feature set, and the only figures here
    that are not held out;
  - for the combinations, the change of qags_cnndm's and frank_val's held-out AUC over
    the baseline with a paired bootstrap 95% interval (--boot resamples of the corpus's
    pairs, the same resample for both models, fixed seed);
  - the issue's bars (bench/ceiling_consistency.py's BARS) beside.

The probes (one function each below; its docstring defines it and names the error it
aims at).  Two tokenisations, as the two studies that proposed them used:
  relations: sentences split at . ! ? or newlines, words [A-Za-z0-9] runs with digit
    groups joined ("100,000" is one word), lower-cased; content words are those not in
    REL_STOP, compared by a crude suffix stem (stem()).  A name is a word capitalised in
    more than half of its article occurrences that do not start a sentence.
      a_cover_inv_min   greedy sentence cover (sentences stitched from several)
      lcs_min           content-stem LCS with the best article sentence
      order_k6_min      word order of nearby content-stem pairs
      entctx_s1_nbad    names and numbers beside words of another part of the article
      rep_in_sentence   a content word repeated within a summary sentence
  edits: the summary's sentences as sumcheck splits them (its JSON report), the
    article's split at . ! ? before a capital, digit or quote; words [a-z0-9] runs of
    the lower-cased text; each summary sentence aligned (difflib, no junk heuristic) to
    the article sentence with the longest common run of words.  Each is 1 when some
    summary sentence shows the edit, else 0.
      hedge_pref4       a qualifier of the copied article span dropped
      subj_swap         another subject before the first copied block
      sub_any           a short substitution inside a copy
      fragment          a summary sentence of at most 3 words
--only NAME[,NAME] runs the baseline and the rows named (probes, or relations, edits,
all); only the probes those rows need are computed.

Runs <sumcheck> --no-config --input-format jsonl --format jsonl --emit-features
[--jobs N] on each DIR/*.jsonl (train_consistency.load_corpora), and reads the
features and, for the edit probes, the summary sentences from that one run.  Everything takes about 3 minutes of processor
time, 2 1/4 minutes on 2 otherwise idle cores (longer when they are shared): half a
minute of probes, the rest the 13 x 8 held-out fits; nothing is cached on disk.  --only
runs fewer rows.

What it showed when written (the table of the build then, baseline 82.3 / 88.1 / 76.5,
mean 79.3): no probe and no combination reaches a bar.  The best held-out figures were
83.5 on qags_cnndm and 88.9 on frank_val, all nine together, which cost xsumfaith 1.7;
even fitted on qags_cnndm itself no set passed 84.8 (frank_val's self-fit of all nine,
89.3, just passes its bar), and every bootstrap interval of a gain on qags_cnndm
includes 0.  The probes come from two studies of the errors the model misses; lcs_min
here takes the exact best article sentence where the study's shortcut could miss it
with repeated stems (57 of the 7,450 pairs), which moves its rows by 0.1 on xsumfaith,
cliff and polytope.

Options:
  --sumcheck PATH  binary to run (default <repo>/build/sumcheck)
  --corpora DIR    corpus directory (default <repo>/../shared/bench/consistency)
  --jobs N         worker processes for the probes and the fits, also passed to sumcheck
                   (default: the number of cores; sumcheck its own default)
  --boot N         bootstrap resamples (default 1000; 0 skips the intervals)
  --only LIST      rows to run besides the baseline, comma-separated
  --self-test      check each probe on small hand-made pairs

Python 3 standard library only; uses bench/train_consistency.py's feature export and
fitting, bench/score_consistency.py's ROC AUC and bench/ceiling_consistency.py's self-fit.
Progress goes to stderr, the table to stdout.
"""
import argparse
import collections
import difflib
import json
import math
import multiprocessing
import os
import random
import re
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import train_consistency as tc  # noqa: E402
from ceiling_consistency import BARS, fitted_on_itself  # noqa: E402
from score_consistency import roc_auc  # noqa: E402

SELF_FIT_L2 = 1.0
BOOT_SEED = 1
SELF_FIT_CORPORA = ("qags_cnndm", "frank_val")


def die(msg, status=2):
    print("probe_features: " + msg, file=sys.stderr)
    sys.exit(status)


def say(msg):
    print("probe_features: " + msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# Relation probes: content stems of sentences split by one regex


REL_STOP = frozenset("""a about above after again against all am an and any are aren't as at be
because been before being below between both but by can cannot could did do does doing down
during each few for from further had has have having he her here hers herself him himself his
how i if in into is it its itself just let me more most my myself no nor not of off on once
only or other our ours ourselves out over own same she should so some such than that the their
theirs them themselves then there these they this those through to too under until up very was
we were what when where which while who whom why will with would you your yours yourself
yourselves s t d ll m re ve also said says say told tell one two new may might must shall
could would us get got like mr mrs ms dr""".split())
NUMBER_WORDS = frozenset("""zero one two three four five six seven eight nine ten eleven
twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty
sixty seventy eighty ninety hundred thousand million billion trillion first second third
fourth fifth sixth seventh eighth ninth tenth half dozen""".split())
_REL_SENT_RE = re.compile(r"(?<=[.!?])[\"'\u2019\u201d`]*\s+|\n+")
_REL_WORD_RE = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+")
_DIGIT_GROUP_RE = re.compile(r"(?<=\d)[,.]\s?(?=\d)")
_SUFFIXES = (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", ""))


def rel_sentences(text):
    """The sentences of text as word lists (case kept): backslash-escaped quotes
    unescaped, digit groups joined ("100, 000" and "3.5" become one word)."""
    text = text.replace("\\'", "'").replace('\\"', '"')
    text = _DIGIT_GROUP_RE.sub("", text)
    return [w for w in (_REL_WORD_RE.findall(s) for s in _REL_SENT_RE.split(text)) if w]


def stem(word):
    """Strips the first of -ies (to -y), -ing, -ed, -es, -s, -ly that leaves 3 letters."""
    if word.isdigit():
        return word
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[:len(word) - len(suffix)] + repl
    return word


def is_number(word):
    return word[0].isdigit() or word in NUMBER_WORDS


class Article:
    """An article as the relation probes see it: per sentence its content stems in
    order (stems), their set (sets) and multiset (counts); sent_of[stem] = the sentences
    holding it; names = lower-cased words capitalised in more than half of their
    occurrences after a sentence's first word."""

    def __init__(self, text):
        self.stems, self.sent_of = [], {}
        cap = {}
        for si, words in enumerate(rel_sentences(text)):
            seq = []
            for k, w in enumerate(words):
                lw = w.lower()
                if k > 0:
                    c = cap.setdefault(lw, [0, 0])
                    c[0] += w[0].isupper()
                    c[1] += 1
                if lw in REL_STOP:
                    continue
                st = stem(lw)
                seq.append(st)
                self.sent_of.setdefault(st, set()).add(si)
            self.stems.append(seq)
        self.sets = [set(s) for s in self.stems]
        self._counts = None
        self.names = {w for w, (upper, n) in cap.items() if 2 * upper > n}

    @property
    def counts(self):
        if self._counts is None:
            self._counts = [collections.Counter(s) for s in self.stems]
        return self._counts


def rel_summary(text):
    """The summary's sentences with a content word, each as (stems, words): its content
    words (lower-cased) in order and their stems."""
    out = []
    for words in rel_sentences(text):
        content = [w.lower() for w in words if w.lower() not in REL_STOP]
        if content:
            out.append(([stem(w) for w in content], content))
    return out


def lcs_length(a, b):
    """Length of the longest common subsequence of sequences a and b."""
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def a_cover_inv_min(art, summ):
    """Sentences stitched from several article sentences (fusion errors: a subject from
    one sentence, a predicate from another).  Per summary sentence, its content stems
    that the article has are covered greedily (each step takes the first article
    sentence holding the most stems still uncovered) and the value is 1 / the number of
    article sentences taken (1 when none is needed); the document's is the lowest over
    its sentences (1 without any)."""
    vals = []
    for stems, _ in summ:
        left = {s for s in stems if s in art.sent_of}
        n = 0
        while left:
            left -= max(art.sets, key=lambda s: len(s & left))
            n += 1
        vals.append(1.0 / n if n else 1.0)
    return min(vals, default=1.0)


def lcs_min(art, summ):
    """Words of one sentence put together in another order or with parts from
    elsewhere (relation and fusion errors).  Per summary sentence: the longest common
    subsequence of its content stems with those of the best article sentence, over its
    number of content stems (words the article lacks count in the denominator); the
    document's is the lowest (1 without a sentence)."""
    vals = []
    for stems, _ in summ:
        need = collections.Counter(stems)
        distinct = len(need) == len(stems)
        best = 0
        for si, seq in enumerate(art.stems):
            shared = art.sets[si].intersection(need)
            # An upper bound of the LCS (shared stems, with multiplicity): skip a
            # sentence that cannot beat the best so far.
            bound = len(shared) if distinct else sum(
                min(need[s], art.counts[si][s]) for s in shared)
            if bound > best:
                best = max(best, lcs_length(stems, seq))
        vals.append(best / len(stems))
    return min(vals, default=1.0)


def _in_order(seq, a, b, window):
    """a occurs before b in seq, at most window positions later."""
    pos_b = [i for i, x in enumerate(seq) if x == b]
    return any(0 < y - x <= window for x, s in enumerate(seq) if s == a for y in pos_b)


def order_k6_min(art, summ, k=6):
    """Article words whose order was changed (who did what to whom: relation errors).
    Per summary sentence, each pair of distinct content stems at most k=6 apart that
    some article sentence holds both of is in order when some such article sentence has
    the first before the second, at most 2k content words later; the value is the share
    of pairs in order (sentences without a pair are left out); the document's is the
    lowest (1 without any)."""
    vals = []
    for stems, _ in summ:
        pairs = bad = 0
        for i, a in enumerate(stems):
            for b in stems[i + 1:i + k + 1]:
                if a == b or a not in art.sent_of or b not in art.sent_of:
                    continue
                both = art.sent_of[a] & art.sent_of[b]
                if not both:
                    continue
                pairs += 1
                if not any(_in_order(art.stems[si], a, b, 2 * k) for si in both):
                    bad += 1
        if pairs:
            vals.append(1.0 - bad / pairs)
    return min(vals, default=1.0)


def entctx_s1_nbad(art, summ):
    """Names and numbers next to words from another part of the article (an entity
    given another's attribute, a number bound to the wrong noun).  For each content
    word of a summary sentence that is a name of the article or a number and that the
    article has, each other content stem within 3 content words of it that the article
    has is a bad pair when no article sentence holding it is within one sentence of a
    sentence holding the name; the value is the document's count of bad pairs."""
    bad = 0
    for stems, words in summ:
        for i, (st, w) in enumerate(zip(stems, words)):
            if st not in art.sent_of or not (is_number(w) or w in art.names):
                continue
            near = {si + d for si in art.sent_of[st] for d in (-1, 0, 1)}
            for j in range(max(0, i - 3), min(len(stems), i + 4)):
                other = stems[j]
                if j != i and other != st and other in art.sent_of \
                        and not near & art.sent_of[other]:
                    bad += 1
    return float(bad)


def rep_in_sentence(art, summ):
    """Degenerate generation (a phrase or name repeated within a sentence).  The count,
    over the summary's sentences, of content stems that occur again earlier in the same
    sentence."""
    return float(sum(len(stems) - len(set(stems)) for stems, _ in summ))


# ---------------------------------------------------------------------------
# Edit probes: each summary sentence aligned word by word with one article sentence


EDIT_STOP = frozenset("""a an the and or but nor so yet of to in on at by for with from into
onto upon over under about as than then that this these those there here which who whom whose
what when where why how is are was were be been being am do does did done has have had having
will would shall should can could may might must not no s t it its it's he him his she her hers
they them their theirs we us our you your i me my mine 's also just only very more most much
many some any all each every both either neither one two after before while during since until
up down out off again further once too own same other such if because though although said
says say told""".split())
THIRD_PERSON = frozenset("""he him his himself she her hers herself they them their theirs
themselves""".split())
QUALIFIERS = frozenset("""may might could would allegedly reportedly possibly possible
apparently believed suspected likely probably potential perhaps alleged understood reported
claimed expected thought seems appears some nearly almost about around up least only formerly
former previously approximately roughly estimated most many several""".split())
_EDIT_WORD_RE = re.compile(r"[a-z0-9]+")
_EDIT_SENT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Za-z0-9`'\"(])")


def edit_words(text):
    return _EDIT_WORD_RE.findall(text.lower())


def is_edit_content(word):
    return word not in EDIT_STOP and not word.isdigit() and len(word) > 1


class Aligned:
    """One summary sentence's words (st) and, when some article sentence shares two
    distinct words with it, the article sentence (at, its word set aset) with the
    longest common run of words (then the most words matched; then the first), with
    difflib's matching blocks (size > 0) and opcodes, summary side a, article side b."""
    __slots__ = ("st", "at", "aset", "blocks", "ops")

    def __init__(self, st, art_words, art_sets):
        self.st, self.at, self.aset, self.blocks, self.ops = st, None, None, [], []
        sset = set(st)
        best, best_sm = (0, 0), None
        for j, at in enumerate(art_words):
            if len(sset & art_sets[j]) < 2 or min(len(st), len(at)) < best[0]:
                continue  # the longest run cannot beat the best so far
            sm = difflib.SequenceMatcher(None, st, at, autojunk=False)
            blocks = [b for b in sm.get_matching_blocks() if b.size]
            key = (max(b.size for b in blocks), sum(b.size for b in blocks))
            if key > best:
                best, best_sm = key, (j, sm, blocks)
        if best_sm is not None:
            j, sm, self.blocks = best_sm
            self.at, self.aset, self.ops = art_words[j], art_sets[j], sm.get_opcodes()


def align_summary(source, sentences):
    """The Aligned of each summary sentence (texts) against the article source."""
    art_words = [edit_words(s) for s in _EDIT_SENT_RE.split(source.strip()) if s.strip()]
    art_sets = [set(w) for w in art_words]
    return [Aligned(edit_words(s), art_words, art_sets) for s in sentences]


def _hedge_dropped(al):
    """al copies a run of 4 or more words and a qualifier of the article is missing from
    the sentence: one lying between the copied blocks but not copied, or among the 6
    article words before the first block."""
    if not any(b.size >= 4 for b in al.blocks):
        return False
    lo, last = al.blocks[0].b, al.blocks[-1]
    copied = {w for b in al.blocks for w in al.at[b.b:b.b + b.size]}
    around = (set(al.at[lo:last.b + last.size]) - copied) | set(al.at[max(0, lo - 6):lo])
    return bool((around & QUALIFIERS) - set(al.st))


def hedge_pref4(aligned):
    """A qualifier dropped ("may", "allegedly", "about", "nearly", "former" ...): the
    summary states as fact, or as exact, what the article hedged (circumstance and
    predicate errors).  1 when some sentence copying 4 or more words in a row misses a
    qualifier found inside the copied article span or in the 6 words before it."""
    return 1.0 if any(_hedge_dropped(al) for al in aligned) else 0.0


def _head(words):
    """The last content word or third-person pronoun of words, else None."""
    for w in reversed(words):
        if is_edit_content(w) or w in THIRD_PERSON:
            return w
    return None


def _subject_swapped(al):
    big = [b for b in al.blocks if b.size >= 3]
    if not big:
        return False
    hs, ha = _head(al.st[:big[0].a]), _head(al.at[:big[0].b])
    return (hs is not None and hs != ha and hs not in THIRD_PERSON
            and ha not in THIRD_PERSON and hs not in al.aset)


def subj_swap(aligned):
    """Another entity doing what the article says someone did (entity errors in the
    subject slot).  Before a sentence's first block of 3 or more copied words, the head
    (last content word or third-person pronoun) of the summary differs from the
    article's; 1 when, in some sentence, neither head is a pronoun and the summary's
    head is not in the aligned article sentence."""
    return 1.0 if any(_subject_swapped(al) for al in aligned) else 0.0


def _short_substitution(al):
    ops = al.ops
    for k in range(1, len(ops)):
        tag, i1, i2, _, _ = ops[k]
        left = ops[k - 1]
        if tag != "replace" or i2 - i1 > 3 or left[0] != "equal" or left[2] - left[1] < 3:
            continue
        if k + 1 < len(ops):
            closed = ops[k + 1][0] == "equal" and ops[k + 1][2] - ops[k + 1][1] >= 2
        else:
            closed = i2 == len(al.st)
        if closed and any(is_edit_content(w) or w.isdigit() for w in al.st[i1:i2]):
            return True
    return False


def sub_any(aligned):
    """A word or two swapped inside a copied passage (entity, number, predicate
    substitutions).  1 when some sentence replaces at most 3 words, one a content word or
    a number, right after 3 or more copied words and right before 2 or more copied
    words or the sentence's end."""
    return 1.0 if any(_short_substitution(al) for al in aligned) else 0.0


def fragment(aligned):
    """Broken output (a sentence cut off, a stray quote or list item: grammatical
    errors).  1 when some summary sentence, as sumcheck splits the summary, has at most
    3 words (none counts)."""
    return 1.0 if any(len(al.st) <= 3 for al in aligned) else 0.0


RELATION_PROBES = {f.__name__: f for f in (a_cover_inv_min, lcs_min, order_k6_min,
                                           entctx_s1_nbad, rep_in_sentence)}
EDIT_PROBES = {f.__name__: f for f in (hedge_pref4, subj_swap, sub_any, fragment)}
PROBES = list(RELATION_PROBES) + list(EDIT_PROBES)
COMBINATIONS = {
    "relations": ["a_cover_inv_min", "lcs_min", "entctx_s1_nbad", "rep_in_sentence"],
    "edits": ["hedge_pref4", "subj_swap", "sub_any", "fragment"],
    "all": PROBES,
}


def probe_values(task):
    """The values of the probes named, for one pair (source, summary, sentences)."""
    source, summary, sentences, names = task
    out = []
    rel = [n for n in names if n in RELATION_PROBES]
    if rel:
        art, summ = Article(source), rel_summary(summary)
        out += [RELATION_PROBES[n](art, summ) for n in rel]
    edit = [n for n in names if n in EDIT_PROBES]
    if edit:
        aligned = align_summary(source, sentences)
        out += [EDIT_PROBES[n](aligned) for n in edit]
    return dict(zip(rel + edit, out))


# ---------------------------------------------------------------------------
# Evaluation

_DATA = {}  # set in the parent before the worker pool forks: the corpora of each row


def _fit_task(task):
    """One fit: ("loco", row, k) -> held-out scores of corpus k; ("self", row, name) ->
    self-fit AUC x100; ("boot", row, name) -> the bootstrap interval of the delta."""
    kind, row, key = task
    corpora = _DATA["rows"][row]
    if kind == "loco":
        bias, weights = tc.train_on([c for i, c in enumerate(corpora) if i != key],
                                    tc.DEFAULT_L2)
        return task, tc.reported(tc.predict(bias, weights, corpora[key]["X"]))
    if kind == "self":
        c = next(c for c in corpora if c["name"] == key)
        return task, fitted_on_itself(c, range(len(c["X"][0])), SELF_FIT_L2)
    base, new, y = _DATA["boot"][(row, key)]
    return task, bootstrap_delta(base, new, y, _DATA["n_boot"], BOOT_SEED)


def bootstrap_delta(base, new, y, n, seed):
    """Paired bootstrap of AUC(new) - AUC(base) x100: (lo, hi) of the 95% interval over n
    resamples of the pairs (a resample missing a class is drawn again)."""
    rnd = random.Random(seed)
    deltas = []
    while len(deltas) < n:
        idx = [rnd.randrange(len(y)) for _ in y]
        yy = [y[i] for i in idx]
        a = roc_auc([new[i] for i in idx], yy)
        if a is None:
            continue
        deltas.append(100.0 * (a - roc_auc([base[i] for i in idx], yy)))
    deltas.sort()
    return deltas[int(0.025 * n)], deltas[max(0, math.ceil(0.975 * n) - 1)]


def pool_map(jobs, fn, tasks, chunksize=1):
    """fn over tasks on jobs forked processes (in this process when jobs is 1 or fork is
    not available); results in any order."""
    if jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            return list(pool.imap_unordered(fn, tasks, chunksize))
    return [fn(t) for t in tasks]


def read_pairs(path):
    """(id, source, summary) of each line of a corpus, in order."""
    with open(path, encoding="utf-8") as f:
        return [(o.get("id"), o.get("source") or "", o.get("summary") or "")
                for o in (json.loads(line) for line in f if line.strip())]


def summary_sentences(record):
    """The summary sentence texts of one record sumcheck reports."""
    return [s["text"] for s in (record.get("summary") or {}).get("sentences", [])]


def fmt(v, spec="%6.1f"):
    return spec % v if v is not None else "-"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 epilog="See the module docstring for details.")
    ap.add_argument("--sumcheck", default=tc.DEFAULT_SUMCHECK, metavar="PATH")
    ap.add_argument("--corpora", default=tc.DEFAULT_CORPORA, metavar="DIR")
    ap.add_argument("--jobs", type=int, metavar="N")
    ap.add_argument("--boot", type=int, default=1000, metavar="N")
    ap.add_argument("--only", metavar="NAME[,NAME]")
    ap.add_argument("--self-test", action="store_true")
    args = ap.parse_args(argv)
    if args.self_test:
        return self_test()
    rows = PROBES + list(COMBINATIONS)
    if args.only:
        rows = [n for n in args.only.split(",") if n]
        unknown = [n for n in rows if n not in PROBES and n not in COMBINATIONS]
        if unknown:
            die("unknown probe(s) %s; there are: %s" % (
                ", ".join(unknown), ", ".join(PROBES + list(COMBINATIONS))))
    if args.boot < 0 or (args.jobs is not None and args.jobs < 1):
        die("--boot must be >= 0 and --jobs >= 1")
    binary = os.path.abspath(args.sumcheck)
    if not os.access(binary, os.X_OK):
        die("sumcheck binary not found: %s (build it, or pass --sumcheck PATH)" % binary)
    corpora_dir = os.path.abspath(args.corpora)
    if not os.path.isdir(corpora_dir):
        die("corpus directory not found: %s" % corpora_dir)
    jobs = args.jobs or os.cpu_count() or 1
    started = time.time()

    cmd, names, corpora = tc.load_corpora(binary, corpora_dir, args.jobs, keep=summary_sentences)
    used = [names.index(f) for f in tc.MODEL_FEATURES]
    row_probes = {r: COMBINATIONS.get(r, [r]) for r in rows}
    needed = [p for p in PROBES if any(p in fs for fs in row_probes.values())]
    values = {}
    for c in corpora:
        path = os.path.join(corpora_dir, c["name"] + ".jsonl")
        pairs = read_pairs(path)
        if len(pairs) != len(c["kept"]):
            die("%s: the reports do not match the input lines" % path, 1)
        say("probes of %s ..." % c["name"])
        # Results come back in any order: each task carries its index.
        got = pool_map(jobs, _indexed_probe_values,
                       [(i, p[1], p[2], sentences, needed)
                        for i, (p, sentences) in enumerate(zip(pairs, c["kept"]))],
                       chunksize=16)
        values[c["name"]] = [v for _, v in sorted(got, key=lambda t: t[0])]
    say("probes computed (%.0f s)" % (time.time() - started))

    labels = ["baseline"] + rows
    sets = [[]] + [row_probes[r] for r in rows]
    _DATA["rows"] = [[{"name": c["name"], "y": c["y"],
                       "X": [[x[j] for j in used] + [v[p] for p in fs]
                             for x, v in zip(c["X"], values[c["name"]])]}
                      for c in corpora] for fs in sets]
    tasks = [("loco", r, k) for r in range(len(sets)) for k in range(len(corpora))]
    tasks += [("self", r, n) for r in range(len(sets)) for n in SELF_FIT_CORPORA
              if any(c["name"] == n for c in corpora)]
    say("%d model fits on %d processes ..." % (len(tasks), jobs))
    results = dict(pool_map(jobs, _fit_task, tasks))
    say("fits done (%.0f s)" % (time.time() - started))
    heldout = {(r, corpora[k]["name"]): results[("loco", r, k)]
               for r in range(len(sets)) for k in range(len(corpora))}
    labels_of = {c["name"]: c["y"] for c in corpora}
    auc = {key: 100.0 * roc_auc(s, labels_of[key[1]]) for key, s in heldout.items()}
    boot = {}
    combo_rows = [r for r in range(1, len(sets)) if labels[r] in COMBINATIONS]
    if args.boot and combo_rows:
        _DATA["n_boot"] = args.boot
        _DATA["boot"] = {(r, c["name"]): (heldout[(0, c["name"])], heldout[(r, c["name"])],
                                          c["y"])
                         for r in combo_rows for c in corpora if c["name"] in SELF_FIT_CORPORA}
        say("bootstrap, %d resamples ..." % args.boot)
        boot = {task[1:]: v for task, v in
                pool_map(jobs, _fit_task, [("boot", r, n) for r, n in _DATA["boot"]])}
    elapsed = time.time() - started

    # The table.
    order = [c["name"] for c in corpora]
    first = [n for n in ("qags_cnndm", "frank_val", "xsumfaith") if n in order]
    order = first + [n for n in order if n not in first]
    head = ["%-16s" % "features"] + ["%6s" % n[:6] for n in order] + ["%6s" % "mean"]
    head += ["%6s" % ("self_" + n[0]) for n in SELF_FIT_CORPORA]
    head += ["%20s" % ("d %s [95%% CI]" % n[:5]) for n in SELF_FIT_CORPORA]
    print("sumcheck:  %s" % " ".join(cmd))
    print("corpora:   %s" % corpora_dir)
    print("model:     logistic regression, MODEL_FEATURES (%d) + the probes of the row; "
          "held-out L2 %g, self-fit L2 %g" % (len(used), tc.DEFAULT_L2, SELF_FIT_L2))
    print()
    print("ROC AUC x100, held out (leave one corpus out) except the self_ columns "
          "(fitted on the corpus scored).")
    print()
    print(" ".join(head))
    for r, label in enumerate(labels):
        cells = ["%-16s" % label] + ["%6.1f" % auc[(r, n)] for n in order]
        cells.append("%6.1f" % (sum(auc[(r, n)] for n in order) / len(order)))
        for n in SELF_FIT_CORPORA:
            cells.append("%6s" % fmt(results.get(("self", r, n))))
        for n in SELF_FIT_CORPORA:
            if (r, n) in boot:
                lo, hi = boot[(r, n)]
                d = auc[(r, n)] - auc[(0, n)]
                cells.append("%20s" % ("%+.1f [%+.1f, %+.1f]" % (d, lo, hi)))
            else:
                cells.append("%20s" % "")
        print(" ".join(cells).rstrip())
    cells = ["%-16s" % "bar (issue)"] + ["%6s" % ("%.1f" % BARS[n] if n in BARS else "")
                                         for n in order]
    cells += ["%6s" % ""] + ["%6s" % ("%.1f" % BARS[n] if n in BARS else "")
                             for n in SELF_FIT_CORPORA]
    print(" ".join(cells).rstrip())
    print()
    for name, fs in COMBINATIONS.items():
        if name in labels:
            print("%s = %s" % (name, " + ".join(fs)))
    if boot:
        print("d = held-out AUC minus the baseline's; [95%% CI] = paired bootstrap, %d "
              "resamples, seed %d." % (args.boot, BOOT_SEED))
    say("done in %.0f s" % elapsed)
    return 0


def _indexed_probe_values(task):
    return task[0], probe_values(task[1:])


# ---------------------------------------------------------------------------
# Self-test


def self_test():
    failed = 0

    def check(name, got, want):
        nonlocal failed
        if abs(got - want) > 1e-9:
            failed += 1
            print("FAIL %s: got %r, want %r" % (name, got, want))

    def rel(probe, source, summary):
        return RELATION_PROBES[probe](Article(source), rel_summary(summary))

    def edit(probe, source, sentences):
        return EDIT_PROBES[probe](align_summary(source, sentences))

    art = ("Alice Smith founded the bakery in Leeds. Bob Jones sold cars in York. "
           "Later the bakery won prizes.")
    # Content stems: [alice, smith, found, bakery, leeds] [bob, jones, sold, car, york]
    # [later, bakery, won, prize].
    check("cover: one sentence", rel("a_cover_inv_min", art, "Alice Smith founded the bakery."),
          1.0)
    # alice, car, york: alice from sentence 0, car and york from sentence 1: 2 sentences.
    check("cover: two sentences", rel("a_cover_inv_min", art,
                                      "Alice Smith founded the bakery. Alice sold cars in York."),
          0.5)
    check("cover: nothing in the article", rel("a_cover_inv_min", art, "Zebras dance."), 1.0)
    # [alice, smith, found, bakery]: all four in order in sentence 0.
    check("lcs: copy", rel("lcs_min", art, "Alice Smith founded the bakery."), 1.0)
    # [bakery, found, alice, smith]: best LCS 2 ([alice, smith]) of 4 stems.
    check("lcs: reordered", rel("lcs_min", art, "The bakery founded Alice Smith."), 0.5)
    # [alice, smith, sold, zebra]: sentence 0 gives 2, sentence 1 gives 1 (sold): 2/4;
    # the first sentence (copy) gives 1: the minimum is 0.5.
    check("lcs: min over sentences",
          rel("lcs_min", art, "Alice Smith founded the bakery. Alice Smith sold zebras."), 0.5)
    # [bakery, found, alice]: pairs in one article sentence: (bakery, found) reversed,
    # (bakery, alice) reversed, (found, alice) reversed: 0 of 3 in order.
    check("order: reversed", rel("order_k6_min", art, "The bakery founded Alice."), 0.0)
    # [alice, found, bakery, york]: (alice, found), (alice, bakery), (found, bakery) in
    # order; the pairs with york share no sentence: 3 of 3.
    check("order: in order", rel("order_k6_min", art, "Alice founded the bakery in York."), 1.0)
    # [bob, jones, found, bakery, leeds] beside the reversed first: min(0, ...).
    check("order: min", rel("order_k6_min", art,
                            "Bob Jones sold cars. The bakery founded Alice."), 0.0)
    # Names (capitalised after a sentence's first word): smith, york, hull, brown (mr is
    # a stop word).  [smith, sold, car, york]: smith (sentence 0, near 0..1) with sold,
    # car, york (sentence 1), and york (near 0..2) with sold, car and smith: no bad pair.
    far = ("Mr Smith founded a bakery. Bob sold cars in York. It rained. It rained again. "
           "Then Mr Brown baked in Hull.")
    check("entctx: near", rel("entctx_s1_nbad", far, "Mr Smith sold cars in York."), 0.0)
    # [smith, bak, hull]: smith (near 0..1) with bak and hull (sentence 4 only): 2 bad;
    # hull (near 3..5) with smith: 1 bad, with bak (same sentence): fine.  3 in all.
    check("entctx: far", rel("entctx_s1_nbad", far, "Mr Smith baked in Hull."), 3.0)
    check("rep: none", rel("rep_in_sentence", art, "Alice founded the bakery."), 0.0)
    # [bakery, bakery, bakery, sold] and [car, car]: 2 + 1.
    check("rep: count", rel("rep_in_sentence", art,
                            "The bakery, the bakery and the bakeries sold. Cars and cars."), 3.0)

    src = ("Police said the man was allegedly driving at about 90 mph on the road. "
           "The minister will visit Paris next week. "
           "Officials said nearly 300 people attended the concert in the park.")
    # Copies "driving at about 90 mph on the road" with the article's qualifiers intact.
    check("hedge: kept", edit("hedge_pref4", src,
                              ["The man was allegedly driving at about 90 mph on the road."]), 0.0)
    # "the man was" + "driving at about 90 mph": "allegedly" lies inside the span.
    check("hedge: dropped inside", edit("hedge_pref4", src,
                                        ["The man was driving at about 90 mph."]), 1.0)
    # Blocks "was", "driving at", "90 mph on the road": "about" dropped inside the span.
    check("hedge: dropped inside 2", edit("hedge_pref4", src,
                                          ["He was driving at 90 mph on the road."]), 1.0)
    # One block "300 people ... park" after "officials said nearly": dropped before it.
    check("hedge: dropped before", edit("hedge_pref4", src,
                                        ["300 people attended the concert in the park."]), 1.0)
    check("hedge: kept before", edit("hedge_pref4", src,
                                     ["Nearly 300 people attended the concert."]), 0.0)
    check("subj: same subject", edit("subj_swap", src,
                                     ["The minister will visit Paris next week."]), 0.0)
    # Head before "will visit paris" is "president" vs "minister"; "president" is not in
    # the article sentence.
    check("subj: swapped", edit("subj_swap", src,
                                ["The president will visit Paris next week."]), 1.0)
    # A pronoun head ("he") is not a swap.
    check("subj: pronoun", edit("subj_swap", src, ["He will visit Paris next week."]), 0.0)
    # "will visit" + [london] + "next week": a one-word replace between copies.
    check("sub: swapped", edit("sub_any", src,
                               ["The minister will visit London next week."]), 1.0)
    # Replaced at the end of the sentence: "will visit paris next" + [month].
    check("sub: at the end", edit("sub_any", src,
                                  ["The minister will visit Paris next month."]), 1.0)
    # Only "the" (a stop word) replaced: not a substitution.
    check("sub: stop word", edit("sub_any", src,
                                 ["The minister will visit Paris this week."]), 0.0)
    check("fragment: none", edit("fragment", src, ["The minister will visit Paris."]), 0.0)
    # The bound: 4 words are a sentence, 3 a fragment.
    check("fragment: four words", edit("fragment", src, ["The minister will visit."]), 0.0)
    check("fragment: three words", edit("fragment", src, ["He visits Paris."]), 1.0)
    check("fragment: short", edit("fragment", src,
                                  ["The minister will visit Paris.", "Next week."]), 1.0)
    check("fragment: no word", edit("fragment", src, ["The minister will visit.", "``"]), 1.0)
    check("bootstrap: no change", max(abs(v) for v in bootstrap_delta(
        [0.1, 0.9, 0.4, 0.6], [0.1, 0.9, 0.4, 0.6], [0, 1, 0, 1], 50, 1)), 0.0)
    print("probe_features self-test: %s" % ("ok" if failed == 0 else "%d failed" % failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
