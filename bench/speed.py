#!/usr/bin/env python3
"""Speed of sumcheck beside a plain-Python overlap checker and `wc -w`.

Usage: bench/speed.py [--sumcheck PATH] [--corpora DIR] [--only NAME] [--repeat N]
                      [--instructions] [--instructions-all] [--instructions-whole]
                      [--html PATH] [--skip WHAT]

For each corpus of ../shared/bench/consistency/ it runs, on the same JSON
Lines input: sumcheck (one thread, full analysis, JSON Lines out), as
it runs by default (articles that pairs share analysed once: --cache-mb)
and with --cache-mb 0 ("no cache"), bench/overlap_check.py (content-word and bigram precision, standard library
only) and `wc -w` (the floor for reading the bytes).  It prints MB/s,
pairs/s and peak memory (max RSS of the child) for each, and the ratios.
With --instructions it also runs sumcheck under `valgrind --tool=callgrind`
on the first 200 pairs and prints instructions per MB of input, a figure
that does not move with the machine's load, so regressions show; with
--instructions-all, on the first 200 pairs of every selected corpus; with
--instructions-whole, over every selected corpus whole, as it runs and
with no cache (what the article cache saves needs the whole file: a
corpus repeats its articles far apart).

HTML: sumcheck (one thread, full analysis) over every page of --html (a
directory, or the .tar.xz of ../shared/bench/dates/htmldate/, unpacked to a
temporary directory), beside `wc -w` and htmldate's fast mode as the issue
quotes it (about 34 MB/s, 216 pages/s on this kind of machine; not run here).

Growth: one pair whose article is about 100 KB, then 10x that (1 MB), and
one whose summary is 3 sentences, then 30, built from the corpus's own
articles; for each it prints the best time, instructions (callgrind, with
--instructions) and peak RSS, the ratio of the 10x input's cost to the 1x
one's (bar: at most 12) and peak RSS against 16x the input plus a few MB.

--skip takes a comma-separated list of: pairs, html, growth.
Timings are the best of --repeat runs (default 3)."""
import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def run(cmd, stdin_path):
    """Wall time and peak RSS (KiB) of one child run."""
    with open(stdin_path, "rb") as f:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, stdin=f, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1, 2):
        sys.exit(f"speed: {' '.join(cmd)} failed with {proc.returncode}: {proc.stderr[:300]!r}")
    # ru_maxrss of RUSAGE_CHILDREN is the largest child so far; measured
    # in a fresh interpreter per tool it would be exact, here it is an upper
    # bound when a larger child ran before.
    return elapsed, max(after.ru_maxrss, before.ru_maxrss)


def peak_rss(cmd, stdin_path):
    """Peak RSS of one run, measured alone through /usr/bin/time when there."""
    if not os.path.exists("/usr/bin/time"):
        return None
    with open(stdin_path, "rb") as f, tempfile.NamedTemporaryFile("r") as out:
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", out.name] + cmd, stdin=f,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            return int(open(out.name).read().strip().splitlines()[-1])
        except (ValueError, IndexError):
            return None


def instructions(cmd, stdin_path):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cg.out")
        with open(stdin_path, "rb") as f:
            proc = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"] + cmd,
                                  stdin=f, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for line in proc.stderr.splitlines():
            if "Collected" in line:
                return int(line.split()[-1].replace(",", ""))
    return None


# htmldate's fast mode on the htmldate set, as issue 7 quotes it.
HTMLDATE_FAST_MBS = 34.0
HTMLDATE_FAST_PAGES = 216.0


def best_time(cmd, stdin_path, repeat):
    return min(run(cmd, stdin_path)[0] for _ in range(max(1, repeat)))


def pairs_table(args, names):
    sumcheck = [args.sumcheck, "--jobs", "1", "--input-format", "jsonl", "--format", "jsonl", "--fail-on", "never"]
    tools = {
        "sumcheck": sumcheck,
        # Each pair's article analysed afresh: what a corpus that never
        # repeats an article costs, and the figure without the cache.
        "no cache": sumcheck + ["--cache-mb", "0"],
        "python": [sys.executable, os.path.join(HERE, "overlap_check.py")],
        "wc -w": ["wc", "-w"],
    }
    print(f"{'corpus':<15} {'MB':>6} {'pairs':>6} | " +
          " | ".join(f"{t:>8} MB/s {'pairs/s':>8} {'RSS MB':>6}" for t in tools) +
          " | x python  x wc | no cache: x python")
    total = {t: 0.0 for t in tools}
    total_mb = 0.0
    for name in names:
        path = os.path.join(args.corpora, name + ".jsonl")
        mb = os.path.getsize(path) / 1e6
        with open(path, "rb") as f:
            pairs = sum(1 for line in f if line.strip())
        row = {}
        for tool, cmd in tools.items():
            best = best_time(cmd, path, args.repeat)
            rss = peak_rss(cmd, path)
            row[tool] = (best, rss)
            total[tool] += best
        total_mb += mb
        cells = []
        for tool in tools:
            t, rss = row[tool]
            cells.append(f"{mb / t:>13.1f} {pairs / t:>8.0f} {rss / 1024 if rss else float('nan'):>6.1f}")
        sc, nc, py, wc = (row[t][0] for t in ("sumcheck", "no cache", "python", "wc -w"))
        print(f"{name:<15} {mb:>6.2f} {pairs:>6} | " + " | ".join(cells) +
              f" | {py / sc:>8.1f} {sc / wc:>5.1f} | {py / nc:>17.1f}")
    if len(names) > 1:
        print(f"{'all':<15} {total_mb:>6.2f} {'':>6} | " +
              " | ".join(f"{total_mb / total[t]:>13.1f} {'':>8} {'':>6}" for t in tools) +
              f" | {total['python'] / total['sumcheck']:>8.1f} {total['sumcheck'] / total['wc -w']:>5.1f}"
              f" | {total['python'] / total['no cache']:>17.1f}")
    print("x python: sumcheck's throughput over the Python checker's (bar: at least 5); "
          "x wc: sumcheck's time over wc -w's (stretch: within 3).\n"
          "sumcheck keeps the analyses of articles that pairs share (--cache-mb, default 64); "
          "\"no cache\" analyses every pair's article afresh (--cache-mb 0), as a corpus whose "
          "articles never repeat costs.")
    if args.instructions_whole:
        whole_instructions(args, names, tools)
    if args.instructions or args.instructions_all:
        for name in (names if args.instructions_all else names[:1]):
            path = os.path.join(args.corpora, name + ".jsonl")
            with tempfile.NamedTemporaryFile("wb", suffix=".jsonl", delete=False) as tmp:
                with open(path, "rb") as f:
                    for i, line in enumerate(f):
                        if i >= 200:
                            break
                        tmp.write(line)
            try:
                n = instructions(tools["sumcheck"], tmp.name)
                n_plain = instructions(tools["no cache"], tmp.name)
                mb = os.path.getsize(tmp.name) / 1e6
                if n is None or n_plain is None:
                    print("instructions: valgrind not available")
                    break
                print(f"instructions: {n / mb / 1e6:.1f} M per MB of input, {n_plain / mb / 1e6:.1f} "
                      f"with no cache ({name}, first 200 pairs, callgrind)")
            finally:
                os.unlink(tmp.name)


def whole_instructions(args, names, tools):
    """Instructions over each corpus whole, with the article cache and
    without, and the change."""
    print(f"{'corpus':<15} {'MB':>6} | {'M instr':>9} {'per MB':>7} | "
          f"{'no cache':>9} {'per MB':>7} | {'change':>7}")
    total = [0, 0, 0.0]
    for name in names:
        path = os.path.join(args.corpora, name + ".jsonl")
        mb = os.path.getsize(path) / 1e6
        n = instructions(tools["sumcheck"], path)
        n_plain = instructions(tools["no cache"], path)
        if n is None or n_plain is None:
            print("instructions: valgrind not available")
            return
        total[0] += n
        total[1] += n_plain
        total[2] += mb
        print(f"{name:<15} {mb:>6.2f} | {n / 1e6:>9.1f} {n / mb / 1e6:>7.1f} | "
              f"{n_plain / 1e6:>9.1f} {n_plain / mb / 1e6:>7.1f} | {100 * (n - n_plain) / n_plain:>+6.1f}%")
    if len(names) > 1:
        n, n_plain, mb = total
        print(f"{'all':<15} {mb:>6.2f} | {n / 1e6:>9.1f} {n / mb / 1e6:>7.1f} | "
              f"{n_plain / 1e6:>9.1f} {n_plain / mb / 1e6:>7.1f} | {100 * (n - n_plain) / n_plain:>+6.1f}%")


def html_pages(path, tmpdir):
    """The directory of HTML pages at path, unpacking a tarball into tmpdir."""
    if os.path.isdir(path):
        return path
    with tarfile.open(path) as tar:
        members = [m for m in tar.getmembers() if m.isfile() and m.name.endswith((".html", ".htm"))
                   and not os.path.isabs(m.name) and ".." not in m.name.split("/")]
        tar.extractall(tmpdir, members=members)
    return tmpdir


def html_table(args):
    if not os.path.exists(args.html):
        print(f"html: no pages at {args.html}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = html_pages(args.html, tmp)
        files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs
                       if f.endswith((".html", ".htm")))
        mb = sum(os.path.getsize(f) for f in files) / 1e6
        sc_cmd = [args.sumcheck, "--jobs", "1", "--format", "jsonl", "--fail-on", "never", root]
        t_sc = best_time(sc_cmd, os.devnull, args.repeat)
        rss = peak_rss(sc_cmd, os.devnull)
        # wc -w reads the same bytes, concatenated on its stdin.
        with tempfile.NamedTemporaryFile("wb", suffix=".html", delete=False, dir=tmp) as cat:
            for f in files:
                with open(f, "rb") as src:
                    shutil.copyfileobj(src, cat)
        t_wc = best_time(["wc", "-w"], cat.name, args.repeat)
        os.unlink(cat.name)
        print(f"\n{'HTML pages':<15} {'MB':>6} {'pages':>6} | {'sumcheck MB/s':>13} {'pages/s':>8} {'RSS MB':>6} | "
              f"{'wc -w MB/s':>10} | {'htmldate fast (quoted)':>22} | x htmldate  x wc")
        print(f"{os.path.basename(args.html):<15} {mb:>6.1f} {len(files):>6} | {mb / t_sc:>13.1f} "
              f"{len(files) / t_sc:>8.0f} {rss / 1024 if rss else float('nan'):>6.1f} | {mb / t_wc:>10.1f} | "
              f"{HTMLDATE_FAST_MBS:>9.0f} MB/s {HTMLDATE_FAST_PAGES:>4.0f} p/s | "
              f"{(mb / t_sc) / HTMLDATE_FAST_MBS:>10.2f} {t_sc / t_wc:>5.1f}")
        print("x htmldate: sumcheck's MB/s over htmldate's fast mode, which finds only the date "
              "(bar: above 1); sumcheck reads the whole page.")
        if args.instructions:
            sample = files[:50]
            n = instructions([args.sumcheck, "--jobs", "1", "--format", "jsonl", "--fail-on", "never"] + sample,
                             os.devnull)
            smb = sum(os.path.getsize(f) for f in sample) / 1e6
            if n is not None:
                print(f"instructions: {n / smb / 1e6:.1f} M per MB of HTML (first 50 pages, callgrind)")
        html_floor(args, files, mb, tmp)


# libxml2's HTML parser alone, as sumcheck drives it (same options, UTF-8
# switched on), tree built and freed: what reading HTML costs before
# sumcheck does anything, so the HTML figures above have a floor to read
# against.  Built on the fly; skipped without cc or libxml2's headers.
HTML_FLOOR_C = r'''
#include <stdio.h>
#include <stdlib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
static void quiet(void *c, const char *m, ...) { (void)c; (void)m; }
int main(int argc, char **argv)
{
    xmlSetGenericErrorFunc(NULL, quiet);
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (f == NULL)
            return 1;
        fseek(f, 0, SEEK_END);
        long n = ftell(f);
        fseek(f, 0, SEEK_SET);
        char *buf = malloc((size_t)n + 1);
        if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n)
            return 1;
        fclose(f);
        htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(buf, (int)n);
        xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
        ctxt->linenumbers = 1;
        htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                     HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE);
        htmlParseDocument(ctxt);
        xmlFreeDoc(ctxt->myDoc);
        htmlFreeParserCtxt(ctxt);
        free(buf);
    }
    return 0;
}
'''


def html_floor(args, files, mb, tmp):
    src, exe = os.path.join(tmp, "html_floor.c"), os.path.join(tmp, "html_floor")
    with open(src, "w") as f:
        f.write(HTML_FLOOR_C)
    try:
        flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libxml-2.0"], capture_output=True,
                               text=True, check=True).stdout.split()
        subprocess.run(["cc", "-O2", src, "-o", exe] + flags, check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        print("libxml2 alone: not measured (no cc or libxml2 headers)")
        return
    t = best_time([exe] + files, os.devnull, args.repeat)
    line = f"libxml2 alone (parse + free, sumcheck's options): {mb / t:.1f} MB/s"
    if args.instructions:
        sample = files[:50]
        n = instructions([exe] + sample, os.devnull)
        smb = sum(os.path.getsize(f) for f in sample) / 1e6
        if n is not None:
            line += f", {n / smb / 1e6:.1f} M instructions per MB (first 50 pages)"
    print(line + " (the floor for any reader built on it)")


def growth_inputs(corpus):
    """Articles and summary sentences from the corpus, in file order."""
    articles = []
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                articles.append(json.loads(line)["source"])
    return articles


def sentences_of(text):
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in ".!?" and (i + 1 == len(text) or text[i + 1] in " \n"):
            s = text[start:i + 1].strip()
            if len(s.split()) >= 6:
                out.append(s)
            start = i + 1
    return out


def make_pair(articles, article_bytes, n_summary):
    """A pair whose article is the corpus's articles joined up to article_bytes,
    and whose summary is n_summary of its sentences (every other one with a
    changed number, so the rules have work)."""
    parts, size = [], 0
    i = 0
    while size < article_bytes:
        a = articles[i % len(articles)]
        parts.append(a)
        size += len(a.encode("utf-8")) + 2
        i += 1
    article = "\n\n".join(parts)
    article = article.encode("utf-8")[:article_bytes].decode("utf-8", "ignore")
    sents = sentences_of(article[:200000])
    step = max(1, len(sents) // max(1, n_summary))
    summary = []
    for k in range(n_summary):
        s = sents[(k * step) % len(sents)]
        if k % 2:
            s = s.replace(" the ", " a ", 1) + " It was 42 percent."
        summary.append(s)
    return {"id": f"growth-{article_bytes}-{n_summary}", "source": article, "summary": " ".join(summary)}


def growth_table(args, names):
    corpus = os.path.join(args.corpora, names[0] + ".jsonl")
    articles = growth_inputs(corpus)
    cases = [("article 100 KB", 100_000, 3), ("article 1 MB", 1_000_000, 3),
             ("summary 3 sent.", 100_000, 3), ("summary 30 sent.", 100_000, 30)]
    cmd = [args.sumcheck, "--jobs", "1", "--input-format", "json", "--format", "jsonl", "--fail-on", "never"]
    print(f"\n{'growth':<17} {'input KB':>9} {'best s':>8} {'M instr':>9} {'RSS MB':>7} {'RSS/input':>9}")
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        base_path = os.path.join(tmp, "tiny.json")
        with open(base_path, "w", encoding="utf-8") as f:
            json.dump({"id": "tiny", "source": "One sentence. Two sentences.", "summary": "One sentence."}, f)
        base_rss = peak_rss(cmd, base_path) or 0
        for label, size, n in cases:
            path = os.path.join(tmp, f"{size}-{n}.json")
            if not os.path.exists(path):
                with open(path, "w", encoding="utf-8") as f:
                    json.dump(make_pair(articles, size, n), f)
            kb = os.path.getsize(path) / 1e3
            t = best_time(cmd, path, args.repeat)
            ins = instructions(cmd, path) if args.instructions else None
            rss = peak_rss(cmd, path)
            results[label] = (t, ins, rss, kb)
            print(f"{label:<17} {kb:>9.0f} {t:>8.3f} {ins / 1e6 if ins else float('nan'):>9.0f} "
                  f"{rss / 1024 if rss else float('nan'):>7.1f} "
                  f"{(rss - base_rss) * 1024 / (kb * 1e3) if rss else float('nan'):>9.1f}")
    for small, big in (("article 100 KB", "article 1 MB"), ("summary 3 sent.", "summary 30 sent.")):
        t0, i0, _, _ = results[small]
        t1, i1, _, _ = results[big]
        ins = f", instructions {i1 / i0:.1f}x" if i0 and i1 else ""
        print(f"10x {small.split()[0]}: time {t1 / t0:.1f}x{ins} (bar: at most 12x)")
    t, _, rss, kb = results["article 1 MB"]
    if rss:
        print(f"peak RSS of the 1 MB pair: {rss / 1024:.1f} MB = {rss * 1024 / (kb * 1e3):.1f}x its input; "
              f"above a {base_rss / 1024:.1f} MB tiny run: {(rss - base_rss) * 1024 / (kb * 1e3):.1f}x "
              "(bar: at most 16x input plus a few MB)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sumcheck", default=os.path.join(REPO, "build", "sumcheck"))
    ap.add_argument("--corpora", default=os.path.join(REPO, "..", "shared", "bench", "consistency"))
    ap.add_argument("--html", default=os.path.join(REPO, "..", "shared", "bench", "dates", "htmldate", "html.tar.xz"))
    ap.add_argument("--only", action="append")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--instructions", action="store_true")
    ap.add_argument("--instructions-all", action="store_true",
                    help="instructions per MB on every selected corpus, not only the first")
    ap.add_argument("--instructions-whole", action="store_true",
                    help="instructions over every selected corpus whole, with and without the cache")
    ap.add_argument("--skip", default="")
    args = ap.parse_args()
    skip = set(x.strip() for x in args.skip.split(",") if x.strip())
    if not os.access(args.sumcheck, os.X_OK):
        sys.exit(f"speed: no sumcheck at {args.sumcheck} (build it first)")
    if not os.path.isdir(args.corpora):
        sys.exit(f"speed: no corpora at {args.corpora}")
    names = sorted(n[:-6] for n in os.listdir(args.corpora) if n.endswith(".jsonl"))
    if args.only:
        names = [n for n in names if n in args.only]
    if not names:
        sys.exit("speed: no corpus selected")
    if "pairs" not in skip:
        pairs_table(args, names)
    if "html" not in skip:
        html_table(args)
    if "growth" not in skip:
        growth_table(args, names)


if __name__ == "__main__":
    main()
