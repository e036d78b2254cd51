#!/usr/bin/env python3
"""End-to-end tests of the HTML report (--format html).

Usage: test_html_report.py SUMCHECK_BINARY

The inputs are the fixtures' own (fixtures/*/page.txt, pair.json,
pairs.jsonl), copied to a temporary directory so document ids are stable
relative names, plus a few pairs written at run time.  Every report is
parsed with html.parser: tags balanced, every id unique, every #link has
its target, no external URL, no <script src>.  Then headless Chromium
(Debian's chromium) renders it with --dump-dom: the rendered page must hold
the seed page's findings and dates, markup in a summary must stay text, and
a click on an index header must sort the table.  The Chromium cases are
skipped (and counted so) when chromium is not installed; SC_CHROMIUM names
another browser binary, or "" to skip them.

Prints "PASS name", "FAIL name: why" or "SKIP name: why" per case and ends
with "RESULT passed=N failed=M skipped=K"; exits 1 when any case failed.
"""
import html.parser
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

from pyharness import Fail, Skip, check, run_cases, result

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FIXTURES = os.path.join(ROOT, "fixtures")
INPUT_NAMES = ("page.txt", "page.html", "pair.json", "pairs.jsonl")
RUN_TIMEOUT = 120  # seconds: a run that takes longer is a hang
BROWSER_TIMEOUT = 120
SEED = "fx/seed-rappler-id/page.txt"
BIDEN = "fx/pair-id-joe-biden/pair.json"
INVENTED = "fx/id-invented-sentence/page.txt"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
# Attributes that load or navigate to something.
URL_ATTRS = {"href", "src", "srcset", "action", "formaction", "poster", "data", "background",
             "cite", "longdesc", "manifest", "ping", "xlink:href"}

BIN = None
WORK = None
ENV = None
INPUTS = []


def short(data, limit=300):
    if isinstance(data, bytes):
        data = data.decode("utf-8", "replace")
    return repr(data if len(data) <= limit else data[:limit] + "…")


def run(args, expect):
    p = subprocess.run([BIN] + args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, cwd=WORK, env=ENV, timeout=RUN_TIMEOUT)
    check(p.returncode in expect, f"`sumcheck {' '.join(args)}` gave exit {p.returncode} "
          f"(expected {expect}), stderr {short(p.stderr)}")
    return p.stdout


def write(name, data):
    path = os.path.join(WORK, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return name


def report(args, expect=(0, 1, 2)):
    out = run(["--format", "html"] + args, expect)
    try:
        return out.decode("utf-8")
    except UnicodeDecodeError as e:
        raise Fail(f"the report is not UTF-8: {e}")


def documents(args):
    out = run(["--format", "json"] + args, (0, 1, 2))
    return json.loads(out)["documents"]


# ---------------------------------------------------------------- parsing


class Page(html.parser.HTMLParser):
    """The parts of a page the checks need: elements (tag, attributes,
    text), ids, links, scripts, and what is wrong with its structure."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.problems = []
        self.elements = []  # [tag, attrs, text]
        self.ids = {}
        self.links = []
        self.scripts = []
        self.text = []
        self.doctype = None

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        # the classes of its ancestors, under a key no real attribute has
        a[" within"] = " ".join(e[1].get("class", "") for e in self.stack)
        el = [tag, a, []]
        self.elements.append(el)
        if "id" in a:
            self.ids[a["id"]] = self.ids.get(a["id"], 0) + 1
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag == "script":
            self.scripts.append(a)
        for name, value in attrs:
            if name in URL_ATTRS and value is not None and not value.startswith("#"):
                self.problems.append(f"<{tag} {name}={value!r}> points outside the page")
            if name == "style" and value and "url(" in value:
                self.problems.append(f"<{tag} style={value!r}> loads a URL")
            if name.startswith("on"):
                self.problems.append(f"<{tag}> has an event handler attribute {name}")
        if tag in ("link", "iframe", "object", "embed", "img", "base", "frame"):
            self.problems.append(f"a <{tag}> element")
        if tag not in VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            self.problems.append(f"an end tag </{tag}> for a void element")
            return
        if not self.stack:
            self.problems.append(f"</{tag}> closes nothing")
            return
        if self.stack[-1][0] != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1][0]}>")
            # resynchronise on the nearest matching element
            for i in range(len(self.stack) - 1, -1, -1):
                if self.stack[i][0] == tag:
                    del self.stack[i:]
                    return
            return
        self.stack.pop()

    def handle_data(self, data):
        for el in self.stack:
            el[2].append(data)
        if not any(el[0] in ("script", "style") for el in self.stack):
            self.text.append(data)

    def close(self):
        super().close()
        for el in self.stack:
            self.problems.append(f"<{el[0]}> is never closed")

    def find(self, tag=None, cls=None, id=None, within=None):
        out = []
        for t, a, txt in self.elements:
            if tag is not None and t != tag:
                continue
            if cls is not None and cls not in a.get("class", "").split():
                continue
            if within is not None and within not in a[" within"].split():
                continue
            if id is not None and a.get("id") != id:
                continue
            out.append((t, a, "".join(txt)))
        return out

    def all_text(self):
        return "".join(self.text)


def parse(text, *, ours=True):
    p = Page()
    p.feed(text)
    p.close()
    if ours:
        check(not p.problems, f"{len(p.problems)} structure problems, first: {p.problems[:3]}")
        check(p.doctype is not None and p.doctype.lower() == "doctype html",
              f"doctype {p.doctype!r}")
        dup = sorted(i for i, n in p.ids.items() if n > 1)
        check(not dup, f"ids used more than once: {dup[:5]}")
        missing = sorted({h for h in p.links if h.startswith("#") and h[1:] not in p.ids})
        check(not missing, f"links without a target: {missing[:5]}")
        check(all(not s.get("src") for s in p.scripts), "a <script src>")
        check(not re.search(r"(?i)\b(?:https?:)?//[a-z0-9.-]+\.[a-z]", "".join(
            a.get("href", "") + a.get("src", "") for _, a, _ in p.elements)),
              "an external URL in an attribute")
        styles = "".join(txt for t, _, txt in p.find("style"))
        check("url(" not in styles and "@import" not in styles, "the style sheet loads something")
    return p


def section_of(p, doc_id):
    """The index (1-based) of the section whose heading is doc_id."""
    sections = [a.get("id") for t, a, _ in p.find("section", cls="doc")]
    headings = [txt for t, _, txt in p.find("h2")]
    headings = [h for h in headings if h != "Documents"]
    check(len(sections) == len(headings), f"{len(sections)} sections, {len(headings)} headings")
    return dict(zip(headings, sections)).get(doc_id)


# ---------------------------------------------------------------- Chromium


def browser():
    chosen = os.environ.get("SC_CHROMIUM")
    if chosen is not None:  # a browser to use, or "" for none
        if chosen and shutil.which(chosen):
            return shutil.which(chosen)
        raise Skip(f"SC_CHROMIUM={chosen!r} is not a browser")
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise Skip("chromium is not installed (Debian: apt-get install chromium)")


def chromium(path, *extra):
    exe = browser()
    profile = tempfile.mkdtemp(prefix="sumcheck-chromium-", dir=WORK)
    args = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-extensions", "--host-resolver-rules=MAP * ~NOTFOUND",
            f"--user-data-dir={profile}", *extra, "file://" + os.path.abspath(path)]
    # The browser is not the program under test: no sanitizer settings, and
    # a home of its own so nothing is written to the caller's.
    env = {k: v for k, v in os.environ.items()
           if not k.endswith("SAN_OPTIONS") and k != "LD_PRELOAD"}
    env["HOME"] = profile
    try:
        p = subprocess.run(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=BROWSER_TIMEOUT, cwd=WORK, env=env)
    except subprocess.TimeoutExpired:
        raise Fail(f"chromium timed out after {BROWSER_TIMEOUT} s")
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    check(p.returncode == 0, f"chromium exit {p.returncode}: {short(p.stderr)}")
    return p.stdout


def rendered(path):
    dom = chromium(path, "--dump-dom").decode("utf-8", "replace")
    check("<body" in dom, f"--dump-dom gave no page: {short(dom)}")
    return dom


CASES = []


def case(fn):
    CASES.append(fn)
    return fn


# ---------------------------------------------------------------- the report itself


@case
def seed_report_is_well_formed_and_self_contained():
    text = report([SEED], expect=(1,))
    p = parse(text)
    check(text.startswith("<!DOCTYPE html>"), f"starts {short(text[:40])}")
    check(not p.scripts, "a one-document report needs no script")
    check(not p.find("table", cls="index"), "a one-document report has no index table")
    body = p.all_text()
    for needed in ("FAIL", "page-date-mismatch", "extraneous-content", "Keluaran SDY",
                   "2021-12-15", "2024-11-24", "Rabu, 15 Desember", "1 error", "1 warning",
                   "Rusia ingin Amerika Serikat dan NATO menjamin"):
        check(needed in body, f"the report does not say {needed!r}")


@case
def seed_report_verdict_counts_and_findings():
    p = parse(report([SEED], expect=(1,)))
    verdict = p.find("span", cls="verdict")
    check(len(verdict) == 1 and verdict[0][2] == "FAIL" and "fail" in verdict[0][1]["class"],
          f"verdict {verdict}")
    findings = p.find("li", cls="finding")
    check([a["id"] for _, a, _ in findings] == ["d1-f0", "d1-f1"], f"findings {findings}")
    check("error" in findings[0][1]["class"] and "warning" in findings[1][1]["class"],
          f"finding classes {[a['class'] for _, a, _ in findings]}")
    rules = [txt for _, _, txt in p.find("code", cls="rule")]
    check(rules == ["page-date-mismatch", "extraneous-content"], f"rules {rules}")
    evidence = p.find("dl", cls="evidence")
    check(len(evidence) == 2 and "days_apart" in evidence[0][2] and "1075" in evidence[0][2]
          and "candidate_years" in evidence[0][2], f"evidence {evidence[:1]}")
    quotes = [txt for _, _, txt in p.find("p", cls="quote")]
    check(any("Keluaran SDY" in q for q in quotes) and any("November 24, 2024" in q for q in quotes),
          f"the findings do not quote the page: {quotes}")
    # --fail-on never: the same findings, and the document passes.
    p = parse(report(["--fail-on", "never", SEED], expect=(0,)))
    check(p.find("span", cls="verdict")[0][2] == "PASS", "--fail-on never does not pass")


@case
def seed_summary_beside_article_with_links():
    p = parse(report([SEED], expect=(1,)))
    cols = p.find("div", cls="cols")
    check(len(cols) == 1, "no two-column block")
    sents = p.find("li", cls="sent")
    check(len(sents) == 1 and "high" in sents[0][1]["class"], f"summary sentences {sents}")
    check("support 1.00" in sents[0][2], f"support not shown: {short(sents[0][2])}")
    aligned = p.find("span", cls="al")
    check([a["id"] for _, a, _ in aligned] == ["d1-a3"], f"aligned article sentences {aligned}")
    check(aligned[0][2].startswith("Rusia ingin Amerika Serikat"), f"{short(aligned[0][2])}")
    check("#d1-a3" in p.links and "#d1-s0" in p.links, f"links {p.links}")
    article = p.find("div", cls="article")
    check(len(article) == 1 and "MOSKOW" in article[0][2] and "Keluaran SDY" not in article[0][2],
          "the article column is not the article")


@case
def seed_timeline_in_date_order():
    p = parse(report([SEED], expect=(1,)))
    items = p.find("li")
    timeline = [(a.get("class", ""), txt) for t, a, txt in items
                if a.get("class", "").startswith("t-")]
    dates = [txt for _, _, txt in p.find("span", cls="t-date")]
    check(len(dates) == len(timeline) and len(dates) >= 4, f"timeline {timeline}")
    starts = [d[:10] for d in dates if re.match(r"\d{4}-\d\d-\d\d", d)]
    check(starts == sorted(starts), f"timeline not in date order: {starts}")
    page = [txt for cls, txt in timeline if "t-page" in cls.split()]
    inferred = [txt for cls, txt in timeline if "t-inferred" in cls.split()]
    check(len(page) == 1 and "2024-11-24" in page[0], f"page date line {page}")
    check(len(inferred) == 1 and "2021-12-15" in inferred[0] and "Rabu, 15 Desember" in inferred[0],
          f"inferred date line {inferred}")
    check(any("t-bad" in cls.split() for cls, _ in timeline), "the contradicted page date is not marked")
    marks = p.find("span", cls="t-mark")
    lefts = [float(re.search(r"left:([\d.]+)%", a["style"]).group(1)) for _, a, _ in marks]
    check(all(0 <= x <= 100 for x in lefts), f"marker offsets {lefts}")
    check(p.find("p", cls="t-finding"), "the page-date finding is not shown by the timeline")


@case
def unsupported_words_are_marked():
    p = parse(report([BIDEN], expect=(1,)))
    names = [txt for _, _, txt in p.find("mark", cls="u-name", within="sent")]
    check("Joe Biden" in names, f"u-name marks {names}")
    flags = p.find("mark", cls="flag")
    check(flags and any("Biden" in txt for _, _, txt in flags), f"finding marks {flags}")
    p = parse(report([INVENTED], expect=(1,)))
    low = p.find("li", cls="low")
    check(low and "sent" in low[0][1]["class"], "a 0.09-support sentence is not red")
    words = [txt for _, a, txt in p.find("mark", within="sent")
             if any(c.startswith("u-") for c in a["class"].split())]
    check(len(words) >= 3 and "ditutup" in " ".join(words), f"unsupported words marked: {words}")


@case
def batch_report_has_a_sortable_index():
    write("bad/unreadable.json", '{"id": "broken", "source": ')
    inputs = INPUTS + ["bad/unreadable.json", "nothere/missing.txt"]
    docs = documents(inputs)
    p = parse(report(inputs, expect=(2,)))
    rows = [t for t in p.elements if t[0] == "tr"][1:]
    check(len(rows) == len(docs), f"{len(rows)} index rows for {len(docs)} documents")
    check(len(p.scripts) == 1, f"{len(p.scripts)} scripts: the index wants one inline")
    heads = [txt for _, _, txt in p.find("th")]
    check(heads == ["document", "verdict", "consistency", "errors", "warnings", "notes"],
          f"index headers {heads}")
    sections = p.find("section", cls="doc")
    check(len(sections) == len(docs), f"{len(sections)} sections for {len(docs)} documents")
    links = [h for h in p.links if re.match(r"^#d\d+$", h)]
    check(links == ["#d%d" % (i + 1) for i in range(len(docs))], f"index links {links}")
    body = p.all_text()
    unreadable = [txt for _, _, txt in p.find("td", cls="v-unreadable")]
    check(len(unreadable) == sum("error" in d for d in docs) and "nothere/missing.txt" in body
          and "bad/unreadable.json" in body, f"unreadable inputs: {unreadable}")
    for d in docs:
        check(d["id"] in body, f"document {d['id']!r} is not in the report")
    check(WORK not in body and WORK not in "".join(p.links), "an absolute path in the report")


@case
def report_is_byte_identical_across_runs():
    a = run(["--format", "html"] + INPUTS, (0, 1, 2))
    b = run(["--format", "html"] + INPUTS, (0, 1, 2))
    check(a == b, "two runs over the same inputs gave different HTML")


def hostile_pair():
    summary = ('Menurut <script>alert("pwned")</script> Joe Biden, <img src=x onerror=alert(1)> '
               'harga naik & turun "50%" </div></li></ol>.')
    pair = {"id": "<b>odd</b> & \"id\" <script>", "summary": summary,
            "source": "Harga beras naik 5 persen pada bulan Maret, kata Badan Pusat Statistik. "
                      "Pedagang di pasar <tag> mengeluhkan penurunan pembeli."}
    return write("esc/pair.json", json.dumps(pair)), pair


@case
def markup_in_texts_stays_text():
    name, pair = hostile_pair()
    text = report([name], expect=(0, 1))
    p = parse(text)
    check(not p.scripts, f"a <script> element came from the input: {p.scripts}")
    check(not p.find("img") and not p.find("b"), "markup from the input became elements")
    body = p.all_text()
    check('<script>alert("pwned")</script>' in body, "the summary's markup is not shown as text")
    check("<img src=x onerror=alert(1)>" in body and "<tag>" in body, "the texts lost their markup")
    check(pair["id"] in body, "the id is not shown as text")
    check("&lt;script&gt;alert" in text, "the summary's <script> is not escaped")


# ---------------------------------------------------------------- Chromium


@case
def chromium_renders_the_seed_report():
    path = write("render/seed.html", report([SEED], expect=(1,)))
    dom = rendered(os.path.join(WORK, path))
    p = parse(dom, ours=False)
    body = p.all_text()
    for needed in ("page-date-mismatch", "extraneous-content", "Keluaran SDY", "2021-12-15",
                   "2024-11-24", "FAIL", "support 1.00", "Rabu, 15 Desember",
                   "Rusia ingin Amerika Serikat dan NATO menjamin"):
        check(needed in body, f"the rendered page does not hold {needed!r}")
    check(p.find("li", cls="finding") and len(p.find("li", cls="finding")) == 2,
          "the rendered page does not hold two findings")
    check(p.find("span", id="d1-a3"), "the aligned article sentence is not in the rendered page")


@case
def chromium_keeps_markup_as_text():
    name, pair = hostile_pair()
    path = write("render/esc.html", report([name], expect=(0, 1)))
    dom = rendered(os.path.join(WORK, path))
    p = parse(dom, ours=False)
    check(not p.find("img") and not p.find("b") and not p.find("tag"),
          "markup from the input became elements in the browser")
    check(not p.scripts, "a script element in the rendered page")
    body = p.all_text()
    check('<script>alert("pwned")</script>' in body and pair["id"] in body,
          "the rendered page does not show the input's markup as text")
    check(p.find("section", cls="doc") and p.find("footer"),
          "the page's own structure was broken by the input")


def suppressed_and_baseline_report():
    """A report over the seed page and the Biden pair with the seed's spam
    line suppressed, the pair's name in a baseline, and a stale entry."""
    write("marks/sumcheck.json", json.dumps({"suppressions": [
        {"rule": "extraneous-content", "text": "Keluaran SDY", "reason": "spam of the scraper"}]}))
    with open(os.path.join(WORK, SEED), "rb") as f:
        write("marks/pages/seed.txt", f.read())
    with open(os.path.join(WORK, BIDEN), "rb") as f:
        write("marks/pages/biden.json", f.read())
    run(["--config", "marks/sumcheck.json", "--write-baseline", "marks/base.json", "marks/pages"],
        (0,))
    with open(os.path.join(WORK, "marks/base.json"), encoding="utf-8") as f:
        base = json.load(f)
    base["findings"] = [e for e in base["findings"] if e["rule"] == "unsupported-entity"]
    check(base["findings"], "the Biden pair has no unsupported-entity finding to accept")
    base["findings"].append({"fingerprint": "0123456789abcdef", "rule": "misquote",
                             "id": "marks/pages/seed.txt", "text": "gone"})
    base["findings"].sort(key=lambda e: (e["id"], e["rule"], e["fingerprint"]))
    write("marks/base.json", json.dumps(base))
    return report(["--config", "marks/sumcheck.json", "--baseline", "marks/base.json",
                   "--fail-on", "warning", "--disable", "page-date-mismatch", "marks/pages"],
                  expect=(0,))


@case
def suppressed_and_baseline_findings_are_marked():
    if not os.path.exists(os.path.join(WORK, BIDEN)):
        raise Skip("fixture pair-id-joe-biden is missing")
    p = parse(suppressed_and_baseline_report())
    verdicts = [txt for _, _, txt in p.find("span", cls="verdict")]
    check(verdicts == ["PASS", "PASS"], f"suppressed and known findings fail a document: {verdicts}")
    sup = p.find("li", cls="suppressed")
    check(len(sup) == 1 and "extraneous-content" in sup[0][2] and "spam of the scraper" in sup[0][2]
          and "suppressed" in sup[0][2], f"suppressed finding {sup}")
    known = p.find("li", cls="known", within="doc")
    known = [k for k in known if "unsupported-entity" in k[2]]
    check(len(known) == 1 and "in the baseline" in known[0][2], f"known finding {known}")
    body = p.all_text()
    check("1 suppressed" in body and "1 in the baseline" in body, "counts of marked findings")
    check("Baseline entries no longer found (1)" in body and "0123456789abcdef" in body,
          "no stale baseline entry")
    rows = p.find("tr", within="index")
    check(rows, "no index rows")


@case
def chromium_shows_suppressed_and_baseline_marks():
    if not os.path.exists(os.path.join(WORK, BIDEN)):
        raise Skip("fixture pair-id-joe-biden is missing")
    path = write("render/marks.html", suppressed_and_baseline_report())
    dom = rendered(os.path.join(WORK, path))
    p = parse(dom, ours=False)
    body = p.all_text()
    for needed in ("Suppressed by the configuration: spam of the scraper", "in the baseline",
                   "Baseline entries no longer found (1)", "PASS"):
        check(needed in body, f"the rendered page does not hold {needed!r}")
    check("FAIL" not in "".join(txt for _, _, txt in p.find("span", cls="verdict")),
          "a document fails on suppressed or known findings")


@case
def chromium_sorts_the_index():
    inputs = INPUTS
    docs = documents(inputs)
    text = report(inputs, expect=(0, 1, 2))
    # A click on "consistency" (ascending), as a user would.
    clicked = text.replace("</body>", "<script>document.querySelectorAll('th')[2].click()"
                                      "</script></body>")
    path = write("render/sorted.html", clicked)
    p = parse(rendered(os.path.join(WORK, path)), ours=False)
    cells = [a.get("data-v") for t, a, _ in p.elements
             if t == "td" and "num" in a.get("class", "").split()][0::4]
    values = [float(v) for v in cells]
    check(len(values) == len(docs), f"{len(values)} consistency cells for {len(docs)} documents")
    before = [d["consistency"] if d.get("consistency") is not None else -1 for d in docs
              if "error" not in d]
    check(before != sorted(before), "the fixtures are already in consistency order: no test")
    check(values == sorted(values), f"not sorted ascending after a click: {values}")
    th = [a for t, a, _ in p.find("th")]
    check(th[2].get("aria-sort") == "ascending", f"header state {th[2]}")


@case
def chromium_takes_a_screenshot():
    path = write("render/shot.html", report([SEED], expect=(1,)))
    png = os.path.join(WORK, "render", "shot.png")
    chromium(os.path.join(WORK, path), f"--screenshot={png}", "--window-size=1280,1600",
             "--hide-scrollbars")
    check(os.path.isfile(png), "no screenshot written")
    with open(png, "rb") as f:
        head = f.read(24)
    check(head[:8] == b"\x89PNG\r\n\x1a\n", "the screenshot is not a PNG")
    w, h = struct.unpack(">II", head[16:24])
    check((w, h) == (1280, 1600), f"screenshot is {w}x{h}")


# ---------------------------------------------------------------- main


def main():
    global BIN, WORK, ENV
    if len(sys.argv) != 2:
        print("usage: test_html_report.py SUMCHECK_BINARY", file=sys.stderr)
        return 2
    BIN = os.path.abspath(sys.argv[1])
    ENV = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "CLICOLOR_FORCE")}
    ENV["LC_ALL"] = "C.UTF-8"
    ENV["TZ"] = "UTC"
    ENV.setdefault("HOME", tempfile.gettempdir())
    WORK = tempfile.mkdtemp(prefix="sumcheck-html-")
    try:
        for case_name in sorted(os.listdir(FIXTURES)):
            for input_name in INPUT_NAMES:
                src = os.path.join(FIXTURES, case_name, input_name)
                if os.path.isfile(src):
                    rel = f"fx/{case_name}/{input_name}"
                    os.makedirs(os.path.join(WORK, os.path.dirname(rel)), exist_ok=True)
                    shutil.copyfile(src, os.path.join(WORK, rel))
                    INPUTS.append(rel)
        def before():
            for needed in (SEED, BIDEN, INVENTED):
                if needed not in INPUTS:
                    raise Skip(f"fixture {needed} is missing")
        passed, failed, skipped = run_cases(CASES, before)
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
    return result(passed, failed, skipped)


if __name__ == "__main__":
    sys.exit(main())
