#!/usr/bin/env python3
"""End-to-end fixture runner for sumcheck.

Usage: run_fixtures.py SUMCHECK_BINARY FIXTURES_DIR [--reports REPORTS_DIR] [--update-reports]

Every folder of FIXTURES_DIR (sorted) is one case: an input (page.txt,
page.html, pair.json or pairs.jsonl) and expected.json:

    {"proves": "one sentence", "args": [extra CLI args], "exit": N,
     "documents": [{"id": "...", "language": "id|en|und", "summary": true|false,
                    "page_date": "YYYY-MM-DD"|null,
                    "findings": [{"rule": "...", "severity": "...", "text": "..."}]}]}

A document that cannot be read is expected as {"id": "...", "error": true}.

The runner runs `SUMCHECK --format json [args] INPUT` in the case folder (a
relative file name, so ids are stable) and compares the exit code and, per
document in order: id, language, whether summary is null, the page date's
value, and the findings as a multiset of (rule, severity, text).  A finding's
text is the input text under its summary_span, or under its source_span when
summary_span is null: the input file's bytes for field "page", the pair's
summary or source string (UTF-8) for "summary"/"source" (for JSON Lines, the
pair on the document's line; for page.html, the article and summary texts
the report gives, since an HTML page's summary and article are texts of
their own: the runner adds --include-text for it).

With --reports DIR it also compares golden reports byte for byte, each as a
test case of its own, one per format of REPORTS: DIR/<case>.json (the
--format json output), DIR/<case>.txt (--format text --color never),
DIR/<case>.sarif, DIR/<case>.junit.xml, DIR/<case>.github.txt and
DIR/<case>.html.  --update-reports rewrites them (tools/update_reports.sh
does that for the whole tree).

Prints "PASS name" or "FAIL name: what differs" per test, then
"RESULT passed=N failed=M skipped=0".  Exits 1 when any test failed, 2 on a
usage error.  Standard library only.
"""
import json
import os
import subprocess
import sys
from collections import Counter

INPUT_NAMES = ("page.txt", "page.html", "pair.json", "pairs.jsonl")
CASE_KEYS = {"proves", "args", "exit", "documents"}
DOC_KEYS = {"id", "language", "summary", "page_date", "findings"}
ERROR_DOC_KEYS = {"id", "error"}
FINDING_KEYS = {"rule", "severity", "text"}
# The golden reports: file suffix, test name, the format arguments (None:
# the case's own --format json run).
REPORTS = (
    ("json", "json report", None),
    ("txt", "text report", ["--format", "text", "--color", "never"]),
    ("sarif", "sarif report", ["--format", "sarif"]),
    ("junit.xml", "junit report", ["--format", "junit"]),
    ("github.txt", "github report", ["--format", "github"]),
    ("html", "html report", ["--format", "html"]),
)
REGENERATE = "run tools/update_reports.sh (or this runner with --update-reports)"
# A run that takes longer than this is a hang, not a slow machine.
TIMEOUT_SECONDS = 120


def child_env():
    """A fixed environment: same output whatever the caller's locale,
    time zone or terminal.  Sanitizer settings pass through so the runner
    works on instrumented builds too."""
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "LC_ALL": "C",
        "LANG": "C",
        "TZ": "UTC",
        "NO_COLOR": "1",
        "TERM": "dumb",
    }
    for key in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS", "MSAN_OPTIONS",
                "LD_LIBRARY_PATH"):
        if key in os.environ:
            env[key] = os.environ[key]
    return env


def run(binary, case_dir, args):
    try:
        p = subprocess.run([binary] + args, cwd=case_dir, env=child_env(),
                           stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return None, b"", b"timed out after %d s" % TIMEOUT_SECONDS
    return p.returncode, p.stdout, p.stderr


def short(data, limit=300):
    text = data.decode("utf-8", "replace").strip() if isinstance(data, bytes) else str(data)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "..."


def find_input(case_dir):
    found = [n for n in INPUT_NAMES if os.path.isfile(os.path.join(case_dir, n))]
    return found


def blank_line(line):
    return line.strip(b" \t\r\n") == b""


def load_pairs(case_dir, input_name):
    """The pairs of a JSON or JSON Lines input, one per document in order
    (None for a line that is not a readable object), mirroring the CLI,
    which skips blank lines."""
    with open(os.path.join(case_dir, input_name), "rb") as f:
        data = f.read()
    if input_name == "pair.json":
        lines = [data]
    else:
        lines = [line for line in data.split(b"\n") if not blank_line(line)]
    pairs = []
    for line in lines:
        try:
            obj = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            obj = None
        pairs.append(obj if isinstance(obj, dict) else None)
    return data, pairs


def html_texts(doc):
    """An HTML page's article and summary texts, from its report: the
    article as given with --include-text, the summary rebuilt from its
    sentences at their spans (what lies between them is white space)."""
    if not isinstance(doc, dict):
        return None
    article = doc.get("article") if isinstance(doc.get("article"), dict) else {}
    texts = {"source": article.get("text", "")}
    summary = doc.get("summary")
    if isinstance(summary, dict):
        buf = bytearray()
        for s in summary.get("sentences") or []:
            span, text = s.get("span") or {}, s.get("text", "").encode("utf-8")
            start = span.get("start", len(buf))
            if len(buf) < start + len(text):
                buf.extend(b" " * (start + len(text) - len(buf)))
            buf[start:start + len(text)] = text
        texts["summary"] = buf.decode("utf-8", "replace")
    return texts


def span_text(span, page_bytes, pair):
    """The text under a report span, or an error message (prefixed '!')."""
    field = span.get("field")
    start, end = span.get("start"), span.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or start < 0 or end < start:
        return "!bad span offsets %r..%r" % (start, end)
    if field == "page":
        if page_bytes is None:
            return "!span in field 'page' but the input is a JSON pair"
        source = page_bytes
    elif field in ("summary", "source"):
        if pair is None or not isinstance(pair.get(field), str):
            return "!span in field %r but no pair string %r to slice" % (field, field)
        source = pair[field].encode("utf-8")
    else:
        return "!unknown span field %r" % (field,)
    if end > len(source):
        return "!span %d..%d past the end of field %r (%d bytes)" % (start, end, field, len(source))
    try:
        return source[start:end].decode("utf-8")
    except UnicodeDecodeError:
        return "!span %d..%d of field %r cuts a UTF-8 sequence" % (start, end, field)


def check_expected_shape(expected):
    """Typos in expected.json would silently weaken a case: refuse them."""
    problems = []
    if not isinstance(expected, dict):
        return ["expected.json is not an object"]
    unknown = set(expected) - CASE_KEYS
    if unknown:
        problems.append("expected.json has unknown keys %s" % sorted(unknown))
    for key in ("proves", "exit", "documents"):
        if key not in expected:
            problems.append("expected.json lacks %r" % key)
    if "args" in expected and not (isinstance(expected["args"], list)
                                   and all(isinstance(a, str) for a in expected["args"])):
        problems.append("expected.json 'args' must be a list of strings")
    if not isinstance(expected.get("exit"), int):
        problems.append("expected.json 'exit' must be an integer")
    docs = expected.get("documents")
    if not isinstance(docs, list):
        problems.append("expected.json 'documents' must be a list")
        return problems
    for i, d in enumerate(docs):
        if not isinstance(d, dict):
            problems.append("expected document %d is not an object" % i)
            continue
        keys = ERROR_DOC_KEYS if d.get("error") is True else DOC_KEYS
        if set(d) != keys:
            problems.append("expected document %d must have exactly the keys %s" % (i, sorted(keys)))
            continue
        for f in d.get("findings", []):
            if not isinstance(f, dict) or set(f) != FINDING_KEYS:
                problems.append("expected document %d: each finding needs exactly %s"
                                % (i, sorted(FINDING_KEYS)))
    return problems


def compare_document(i, want, got, page_bytes, pair):
    diffs = []
    label = "document %d (%s)" % (i, want.get("id"))
    if not isinstance(got, dict):
        return ["%s: not an object in the report" % label]
    if got.get("id") != want["id"]:
        diffs.append("%s: id %r, expected %r" % (label, got.get("id"), want["id"]))
    if want.get("error") is True:
        if "error" not in got:
            diffs.append("%s: read and checked, expected an error record" % label)
        return diffs
    if "error" in got:
        return diffs + ["%s: error record %s, expected a checked document"
                        % (label, short(json.dumps(got["error"], ensure_ascii=False)))]
    if got.get("language") != want["language"]:
        diffs.append("%s: language %r, expected %r" % (label, got.get("language"), want["language"]))
    has_summary = got.get("summary") is not None
    if has_summary != want["summary"]:
        diffs.append("%s: summary %s, expected %s" % (label, "present" if has_summary else "null",
                                                      "present" if want["summary"] else "null"))
    pd = got.get("page_date")
    got_date = pd.get("value") if isinstance(pd, dict) else None
    if got_date != want["page_date"]:
        diffs.append("%s: page_date %r, expected %r" % (label, got_date, want["page_date"]))
    got_findings = Counter()
    for f in got.get("findings") or []:
        span = f.get("summary_span") or f.get("source_span")
        text = span_text(span, page_bytes, pair) if span else "!no span"
        got_findings[(f.get("rule"), f.get("severity"), text)] += 1
    want_findings = Counter((f["rule"], f["severity"], f["text"]) for f in want["findings"])
    missing = want_findings - got_findings
    extra = got_findings - want_findings
    for (rule, sev, text), n in sorted(missing.items()):
        diffs.append("%s: missing %s %s on %r%s" % (label, sev, rule, text,
                                                     " x%d" % n if n > 1 else ""))
    for (rule, sev, text), n in sorted(extra.items()):
        diffs.append("%s: unexpected %s %s on %r%s" % (label, sev, rule, text,
                                                        " x%d" % n if n > 1 else ""))
    return diffs


def check_case(binary, case_dir):
    """Returns (diffs, args, input_name, json_stdout)."""
    exp_path = os.path.join(case_dir, "expected.json")
    inputs = find_input(case_dir)
    if len(inputs) != 1:
        return (["needs exactly one input of %s, found %s" % (", ".join(INPUT_NAMES), inputs or "none")],
                None, None, None)
    input_name = inputs[0]
    try:
        with open(exp_path, encoding="utf-8") as f:
            expected = json.load(f)
    except OSError:
        return (["no expected.json"], None, input_name, None)
    except ValueError as e:
        return (["expected.json is not valid JSON: %s" % e], None, input_name, None)
    problems = check_expected_shape(expected)
    if problems:
        return (problems, None, input_name, None)
    args = expected.get("args", [])
    if input_name == "page.html":
        args = ["--include-text"] + args

    rc, out, err = run(binary, case_dir, ["--format", "json"] + args + [input_name])
    diffs = []
    if rc is None:
        return (["%s" % short(err)], args, input_name, None)
    if rc != expected["exit"]:
        diffs.append("exit %d, expected %d%s" % (rc, expected["exit"],
                                                 " (stderr: %s)" % short(err) if err else ""))
    try:
        report = json.loads(out.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        return (diffs + ["stdout is not a JSON report (%s): %s" % (e, short(out))], args, input_name, out)
    got_docs = report.get("documents") if isinstance(report, dict) else None
    if not isinstance(got_docs, list):
        return (diffs + ["the report has no documents array"], args, input_name, out)

    if input_name in ("page.txt", "page.html"):
        with open(os.path.join(case_dir, input_name), "rb") as f:
            page_bytes = f.read()
        pairs = [None] * len(got_docs)
        if input_name == "page.html":
            pairs = [html_texts(d) for d in got_docs]
    else:
        page_bytes = None
        _, pairs = load_pairs(case_dir, input_name)

    want_docs = expected["documents"]
    if len(got_docs) != len(want_docs):
        diffs.append("%d documents, expected %d (got ids %s)" % (
            len(got_docs), len(want_docs),
            [d.get("id") if isinstance(d, dict) else None for d in got_docs]))
    for i, (want, got) in enumerate(zip(want_docs, got_docs)):
        pair = pairs[i] if i < len(pairs) else None
        diffs.extend(compare_document(i, want, got, page_bytes, pair))
    return diffs, args, input_name, out


def compare_golden(path, data, update):
    """Returns None when it matches (or was written), else what differs."""
    if update:
        try:
            with open(path, "rb") as f:
                if f.read() == data:
                    return None
        except OSError:
            pass
        with open(path, "wb") as f:
            f.write(data)
        print("UPDATED %s" % path)
        return None
    try:
        with open(path, "rb") as f:
            golden = f.read()
    except OSError:
        return "no golden report %s: %s" % (path, REGENERATE)
    if golden == data:
        return None
    g_lines, d_lines = golden.split(b"\n"), data.split(b"\n")
    for n, (a, b) in enumerate(zip(g_lines, d_lines), 1):
        if a != b:
            # Show the lines from a little before their first difference:
            # long lines (SARIF rule docs, HTML) differ far from their start.
            col = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            start = max(0, col - 40)
            return "differs from %s at line %d, byte %d: golden %s, now %s (%s if intended)" % (
                path, n, col + 1, short(a[start:], 120), short(b[start:], 120), REGENERATE)
    return "differs from %s in length: golden %d lines, now %d (%s if the change is intended)" % (
        path, len(g_lines), len(d_lines), REGENERATE)


def main(argv):
    args = argv[1:]
    reports = None
    update = False
    positional = []
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--reports":
            if i + 1 >= len(args):
                return usage("--reports needs a folder")
            reports = args[i + 1]
            i += 2
        elif a.startswith("--reports="):
            reports = a.split("=", 1)[1]
            i += 1
        elif a == "--update-reports":
            update = True
            i += 1
        elif a.startswith("-") and a != "-":
            return usage("unknown option %s" % a)
        else:
            positional.append(a)
            i += 1
    if len(positional) != 2:
        return usage("needs SUMCHECK_BINARY and FIXTURES_DIR")
    if update and reports is None:
        return usage("--update-reports needs --reports DIR")
    binary = os.path.abspath(positional[0])
    fixtures = positional[1]
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        return usage("%s is not an executable" % positional[0])
    if not os.path.isdir(fixtures):
        return usage("%s is not a folder" % fixtures)
    if reports is not None:
        if update:
            os.makedirs(reports, exist_ok=True)
        elif not os.path.isdir(reports):
            print("run_fixtures: no reports folder %s: %s" % (reports, REGENERATE),
                  file=sys.stderr)

    passed = failed = 0

    def result(name, diffs):
        nonlocal passed, failed
        if diffs:
            failed += 1
            print("FAIL %s: %s" % (name, "; ".join(diffs)))
        else:
            passed += 1
            print("PASS %s" % name)
        sys.stdout.flush()

    cases = sorted(d for d in os.listdir(fixtures) if os.path.isdir(os.path.join(fixtures, d)))
    for case in cases:
        case_dir = os.path.join(fixtures, case)
        diffs, cargs, input_name, json_out = check_case(binary, case_dir)
        result(case, diffs)
        if reports is None:
            continue
        for suffix, label, fmt in REPORTS:
            name = "%s [%s]" % (case, label)
            if cargs is None or input_name is None:
                # The case itself is broken: its reports cannot be made either.
                result(name, ["the case could not be run"])
                continue
            if fmt is None:
                if json_out is None:
                    result(name, ["the json report could not be produced"])
                    continue
                rc, out, err = 0, json_out, b""
            else:
                rc, out, err = run(binary, case_dir, fmt + cargs + [input_name])
            if rc is None:
                result(name, [short(err)])
            else:
                d = compare_golden(os.path.join(reports, case + "." + suffix), out, update)
                result(name, [d] if d else [])

    print("RESULT passed=%d failed=%d skipped=0" % (passed, failed))
    return 1 if failed else 0


def usage(message):
    print("run_fixtures: %s" % message, file=sys.stderr)
    print("usage: run_fixtures.py SUMCHECK_BINARY FIXTURES_DIR [--reports REPORTS_DIR] [--update-reports]",
          file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
