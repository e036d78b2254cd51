#!/usr/bin/env python3
"""End-to-end tests of the sarif, junit and github reports, and of several
reports in one run (--format F -o FILE, repeated).

Usage: test_reports.py SUMCHECK_BINARY

The inputs are the fixtures' own (fixtures/*/page.txt, pair.json,
pairs.jsonl), copied to a temporary directory so document ids are stable
relative names, plus a few pages and pairs written at run time.  The JSON
report of the same input is the reference every other format is checked
against.  SARIF is validated against the OASIS schema in
$SC_SHARED_DIR/schemas/ (default ../shared/schemas/) with python3-jsonschema;
when either is missing those cases are skipped and counted as such.

Prints "PASS name", "FAIL name: why" or "SKIP name: why" per case and ends
with "RESULT passed=N failed=M skipped=K"; exits 1 when any case failed.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import xml.etree.ElementTree as ET

from pyharness import Fail, Skip, check, run_cases, result

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FIXTURES = os.path.join(ROOT, "fixtures")
INPUT_NAMES = ("page.txt", "pair.json", "pairs.jsonl")
SCHEMA_NAME = "sarif-schema-2.1.0.json"
RUN_TIMEOUT = 120  # seconds: a run that takes longer is a hang
SEVERITY_RANK = {"note": 1, "warning": 2, "error": 3}
GITHUB_LEVEL = {"error": "error", "warning": "warning", "note": "notice"}

BIN = None
WORK = None
INPUTS = []  # fixture inputs, relative to WORK
SEED = "fx/seed-rappler-id/page.txt"
BIDEN = "fx/pair-id-joe-biden/pair.json"


def short(data, limit=300):
    if isinstance(data, bytes):
        data = data.decode("utf-8", "replace")
    return repr(data if len(data) <= limit else data[:limit] + "…")


class Run:
    def __init__(self, args, rc, out, err):
        self.args, self.rc, self.out, self.err = args, rc, out, err

    def __str__(self):
        return (f"`sumcheck {' '.join(self.args)}` gave exit {self.rc}, stdout {short(self.out)}, "
                f"stderr {short(self.err)}")

    def json(self):
        try:
            return json.loads(self.out)
        except ValueError as e:
            raise Fail(f"stdout is not JSON ({e}); {self}")

    def xml(self):
        try:
            return ET.fromstring(self.out)
        except ET.ParseError as e:
            raise Fail(f"stdout is not well-formed XML ({e}); {self}")

    def text(self):
        try:
            return self.out.decode("utf-8")
        except UnicodeDecodeError as e:
            raise Fail(f"stdout is not UTF-8 ({e}); {self}")


def run(args, expect=None):
    p = subprocess.run([BIN] + args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, cwd=WORK, env=ENV, timeout=RUN_TIMEOUT)
    r = Run(args, p.returncode, p.stdout, p.stderr)
    if expect is not None:
        check(r.rc in expect, f"expected exit {' or '.join(map(str, expect))}; {r}")
    return r


def write(name, data):
    path = os.path.join(WORK, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return name


def read(name):
    with open(os.path.join(WORK, name), "rb") as f:
        return f.read()


def documents(args):
    """The JSON report's documents for args (the reference)."""
    return run(["--format", "json"] + args, expect=(0, 1, 2)).json()["documents"]


def seed_bytes():
    return read(SEED)


CASES = []


def case(fn):
    CASES.append(fn)
    return fn


# ---------------------------------------------------------------- SARIF


def sarif(args, expect=(0, 1, 2)):
    r = run(["--format", "sarif"] + args, expect=expect)
    return r, r.json()


def load_schema():
    try:
        import jsonschema  # noqa: F401  (Debian: python3-jsonschema)
    except ImportError:
        raise Skip("python3-jsonschema is not installed")
    shared = os.environ.get("SC_SHARED_DIR") or os.path.join(ROOT, "..", "shared")
    path = os.path.join(shared, "schemas", SCHEMA_NAME)
    if not os.path.isfile(path):
        raise Skip(f"{path} is not there")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


# RFC 3986: a URI reference holds only these, and % only before two hex digits.
URI_CHARS = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")


def check_uris(log):
    """What the schema says but jsonschema checks only with extra packages:
    helpUri and informationUri are absolute URIs, artifact URIs are URI
    references (and relative, or file: URIs)."""
    driver = log["runs"][0]["tool"]["driver"]
    absolute = [driver.get("informationUri")] + [r.get("helpUri") for r in driver["rules"]]
    for uri in filter(None, absolute):
        check(URI_CHARS.match(uri) and urllib.parse.urlsplit(uri).scheme,
              f"{uri!r} is not an absolute URI")
    run0 = log["runs"][0]
    locations = [loc for res in run0.get("results", []) for loc in res.get("locations", []) +
                 res.get("relatedLocations", [])]
    for inv in run0.get("invocations", []):
        for n in inv.get("toolExecutionNotifications", []):
            locations += n.get("locations", [])
    for loc in locations:
        uri = loc["physicalLocation"]["artifactLocation"]["uri"]
        scheme = urllib.parse.urlsplit(uri).scheme
        check(URI_CHARS.match(uri) and scheme in ("", "file"),
              f"artifact uri {uri!r} is not a relative URI reference")


@case
def sarif_validates_against_the_schema():
    schema = load_schema()
    import jsonschema
    write("bad/unreadable.json", '{"id": "broken", "source": ')
    inputs = INPUTS + ["bad/unreadable.json", "bad/missing.txt"]
    r, log = sarif(inputs, expect=(2,))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    check(not errors, f"{len(errors)} schema errors, first: {errors[0].message if errors else ''} "
          f"at {'/'.join(map(str, errors[0].absolute_path)) if errors else ''}")
    check_uris(log)
    results = log["runs"][0].get("results", [])
    check(len(results) > 0, "no results over all the fixtures")
    print(f"# SARIF of {len(inputs)} inputs, {len(results)} results: valid against {SCHEMA_NAME}")


@case
def sarif_validates_with_one_clean_document():
    schema = load_schema()
    import jsonschema
    r, log = sarif(["fx/en-copied-summary-supported/page.txt"], expect=(0,))
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    check(log["runs"][0]["results"] == [], f"a clean page gave results {log['runs'][0]['results']}")
    check(log["runs"][0]["invocations"][0]["executionSuccessful"] is True,
          "executionSuccessful is not true for a readable input")


@case
def sarif_driver_lists_every_rule():
    r, log = sarif([SEED])
    check(log.get("version") == "2.1.0" and len(log.get("runs", [])) == 1,
          f"expected version 2.1.0 and one run; {short(r.out)}")
    run0 = log["runs"][0]
    driver = run0["tool"]["driver"]
    check(driver["name"] == "sumcheck" and re.match(r"^\d+\.\d+\.\d+$", driver.get("version", "")),
          f"driver name/version: {driver.get('name')!r} {driver.get('version')!r}")
    check(run0.get("columnKind") == "unicodeCodePoints", f"columnKind is {run0.get('columnKind')!r}")
    ids = [rule["id"] for rule in driver["rules"]]
    check(len(ids) == len(set(ids)), f"rule ids repeat: {ids}")
    for needed in ("page-date-mismatch", "unsupported-claim", "unsupported-entity", "number-mismatch",
                   "date-mismatch", "weekday-mismatch", "extraneous-content", "missing-summary"):
        check(needed in ids, f"rule {needed} missing from tool.driver.rules {ids}")
    for rule in driver["rules"]:
        check(rule.get("shortDescription", {}).get("text"), f"rule {rule['id']} has no shortDescription")
        check(rule.get("defaultConfiguration", {}).get("level") in ("error", "warning", "note"),
              f"rule {rule['id']} has no default level")


@case
def sarif_results_match_the_json_report():
    inputs = INPUTS
    docs = [d for d in documents(inputs) if "error" not in d]
    r, log = sarif(inputs)
    run0 = log["runs"][0]
    rules = run0["tool"]["driver"]["rules"]
    results = run0["results"]
    expected = [(d, f) for d in docs for f in d["findings"]]
    check(len(results) == len(expected), f"{len(results)} SARIF results for {len(expected)} findings")
    for res, (doc, f) in zip(results, expected):
        where = f"{doc['id']} {f['rule']}"
        check(res["ruleId"] == f["rule"], f"{where}: ruleId {res['ruleId']!r}")
        check(rules[res["ruleIndex"]]["id"] == f["rule"], f"{where}: ruleIndex {res['ruleIndex']} is another rule")
        check(res["level"] == f["severity"], f"{where}: level {res['level']!r}, severity {f['severity']!r}")
        check(res["message"]["text"] == f["message"], f"{where}: message differs")
        check(res["properties"]["evidence"] == f["evidence"], f"{where}: evidence differs")
        check(re.match(r"^[0-9a-f]{16}$", res["partialFingerprints"].get("sumcheck/v1", "")),
              f"{where}: partialFingerprints {res['partialFingerprints']}")
        loc = res["locations"][0]["physicalLocation"]
        check(urllib.parse.unquote(loc["artifactLocation"]["uri"]) == doc["id"],
              f"{where}: artifact uri {loc['artifactLocation']['uri']!r} for id {doc['id']!r}")
        span = f["summary_span"] or f["source_span"]
        if span is None:
            check("region" not in loc, f"{where}: a region without a span")
            continue
        reg = loc["region"]
        check((reg["startLine"], reg["startColumn"], reg["byteOffset"], reg["byteLength"]) ==
              (span["line"], span["column"], span["start"], span["end"] - span["start"]),
              f"{where}: region {reg} for span {span}")
        check(reg["properties"]["field"] == span["field"], f"{where}: region field {reg['properties']}")
        check((reg["endLine"], reg["endColumn"]) >= (reg["startLine"], reg["startColumn"]),
              f"{where}: region ends before it starts: {reg}")
        if f["summary_span"] and f["source_span"]:
            rel = res["relatedLocations"][0]["physicalLocation"]["region"]
            check(rel["byteOffset"] == f["source_span"]["start"] and
                  rel["properties"]["field"] == f["source_span"]["field"],
                  f"{where}: related location {rel} for source span {f['source_span']}")


@case
def sarif_end_column_counts_code_points():
    # "Keluaran SDY" replaced by a line of two-byte letters: the region's
    # columns count code points, its byteLength bytes.
    spam = "Überfülle Äpfel"
    write("cp/page.txt", seed_bytes().replace(b"Keluaran SDY", spam.encode("utf-8")))
    r, log = sarif(["cp/page.txt"])
    res = [x for x in log["runs"][0]["results"] if x["ruleId"] == "extraneous-content"]
    check(len(res) == 1, f"expected one extraneous-content result; {short(r.out)}")
    reg = res[0]["locations"][0]["physicalLocation"]["region"]
    check(reg["startLine"] == reg["endLine"] and reg["endColumn"] - reg["startColumn"] == len(spam),
          f"region {reg}: expected {len(spam)} code points on one line")
    check(reg["byteLength"] == len(spam.encode("utf-8")), f"byteLength {reg['byteLength']}")


@case
def sarif_pair_fields_are_named():
    r, log = sarif([BIDEN])
    res = log["runs"][0]["results"]
    check(len(res) >= 1, f"no results for the Joe Biden pair; {short(r.out)}")
    reg = res[0]["locations"][0]["physicalLocation"]["region"]
    check(reg["properties"]["field"] == "summary", f"region {reg} is not marked as the summary's")
    check(urllib.parse.unquote(res[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
          == "pair-id-joe-biden", "the pair's artifact is not its id")


@case
def sarif_is_byte_identical_across_runs():
    a = run(["--format", "sarif"] + INPUTS, expect=(0, 1, 2)).out
    b = run(["--format", "sarif"] + INPUTS, expect=(0, 1, 2)).out
    check(a == b, "two runs over the same inputs gave different SARIF")


def fingerprints(log, rule=None):
    return [(x["ruleId"], x["partialFingerprints"]["sumcheck/v1"],
             x["locations"][0]["physicalLocation"].get("region", {}).get("startLine"))
            for x in log["runs"][0]["results"] if rule is None or x["ruleId"] == rule]


@case
def sarif_fingerprints_survive_edits_elsewhere():
    # The same document id before and after, so only the page's text differs.
    page = seed_bytes()
    write("fp/page.txt", page)
    _, a = sarif(["fp/page.txt"])
    # Two more lines of article before the last paragraph: the spam line
    # after the credit moves down.
    paragraphs = page.split(b"\n\n")
    extra = (b"Para pejabat Rusia tidak memberikan komentar.\n"
             b"Mereka akan bertemu lagi pekan depan di ibu kota.")
    write("fp/page.txt", b"\n\n".join(paragraphs[:-2] + [extra] + paragraphs[-2:]))
    _, b = sarif(["fp/page.txt"])
    fa, fb = fingerprints(a), fingerprints(b)
    check(len(fa) >= 2 and [x[:2] for x in fa] == [x[:2] for x in fb],
          f"fingerprints changed with an edit elsewhere: {fa} vs {fb}")
    moved = [(x, y) for x, y in zip(fa, fb) if x[0] == "extraneous-content"]
    check(moved and all(y[2] != x[2] for x, y in moved), f"the edit did not move the finding: {moved}")
    # A pair: a sentence added before the summary's unsupported name.
    pair = json.loads(read(BIDEN))
    _, p1 = sarif([BIDEN])
    write("fp/pair.json", json.dumps(dict(pair, summary="Kremlin berbicara. " + pair["summary"],
                                          source=pair["source"] + " Kremlin berbicara.")))
    _, p2 = sarif(["fp/pair.json"])
    e1 = fingerprints(p1, "unsupported-entity")
    e2 = fingerprints(p2, "unsupported-entity")
    check(e1 and [x[1] for x in e1] == [x[1] for x in e2],
          f"unsupported-entity fingerprint changed when text was added before it: {e1} vs {e2}")
    col = [r["locations"][0]["physicalLocation"]["region"]["startColumn"]
           for log in (p1, p2) for r in log["runs"][0]["results"] if r["ruleId"] == "unsupported-entity"]
    check(len(set(col)) == 2, f"the pair edit did not move the finding: columns {col}")


@case
def sarif_fingerprints_tell_findings_apart():
    _, log = sarif(INPUTS)
    fps = [x[1] for x in fingerprints(log)]
    check(len(fps) == len(set(fps)), f"fingerprints repeat within one run: {fps}")
    # The same page under another name is another document.
    write("fp/other-name.txt", seed_bytes())
    _, a = sarif([SEED])
    _, b = sarif(["fp/other-name.txt"])
    check(not set(x[1] for x in fingerprints(a)) & set(x[1] for x in fingerprints(b)),
          "two documents share fingerprints")


@case
def sarif_unreadable_input_is_a_notification():
    r, log = sarif([SEED, "nothere/missing.txt"], expect=(2,))
    inv = log["runs"][0]["invocations"][0]
    check(inv["executionSuccessful"] is False, f"executionSuccessful is {inv['executionSuccessful']!r}")
    notes = inv.get("toolExecutionNotifications", [])
    check(len(notes) == 1 and notes[0]["level"] == "error", f"notifications: {notes}")
    uri = notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    check(uri == "nothere/missing.txt", f"notification names {uri!r}")
    check(len(log["runs"][0]["results"]) >= 1, "the readable page's results are missing")


# ---------------------------------------------------------------- JUnit


def junit(args, expect=(0, 1, 2)):
    r = run(["--format", "junit"] + args, expect=expect)
    root = r.xml()
    check(root.tag == "testsuites", f"root element is <{root.tag}>")
    suites = root.findall("testsuite")
    check(len(suites) == 1, f"{len(suites)} testsuite elements")
    return r, root, suites[0]


def failing(doc, level):
    if level is None:
        return []
    return [f for f in doc["findings"] if SEVERITY_RANK[f["severity"]] >= SEVERITY_RANK[level]]


def check_junit(args, level):
    docs = documents(args + (["--fail-on", level] if level else ["--fail-on", "never"]))
    r, root, suite = junit(args + (["--fail-on", level] if level else ["--fail-on", "never"]))
    cases = suite.findall("testcase")
    check(len(cases) == len(docs), f"{len(cases)} testcases for {len(docs)} documents")
    n_fail = n_err = 0
    for tc, doc in zip(cases, docs):
        check(tc.get("name") == doc["id"] and tc.get("classname") == "sumcheck",
              f"testcase {tc.attrib} for document {doc['id']!r}")
        if "error" in doc:
            n_err += 1
            check(tc.find("error") is not None and tc.find("failure") is None,
                  f"{doc['id']}: an unreadable input without <error>")
            continue
        gated = failing(doc, level)
        fail = tc.find("failure")
        if gated:
            n_fail += 1
            check(fail is not None, f"{doc['id']}: {len(gated)} findings at or above {level}, no <failure>")
            want = f"{len(gated)} finding{'s' if len(gated) != 1 else ''} at or above {level}"
            check(fail.get("message") == want and fail.get("type") == gated[0]["rule"],
                  f"{doc['id']}: failure {fail.attrib}, expected message {want!r}, type {gated[0]['rule']!r}")
            check(len((fail.text or "").strip().splitlines()) == len(gated),
                  f"{doc['id']}: failure text {fail.text!r} for {len(gated)} findings")
        else:
            check(fail is None, f"{doc['id']}: <failure> although nothing reached {level}")
        below = len(doc["findings"]) - len(gated)
        out = tc.find("system-out")
        check((out is not None and len(out.text.strip().splitlines()) == below) or (out is None and below == 0),
              f"{doc['id']}: system-out {None if out is None else out.text!r} for {below} findings below the gate")
    for el in (root, suite):
        got = (el.get("name"), el.get("tests"), el.get("failures"), el.get("errors"))
        check(got == ("sumcheck", str(len(docs)), str(n_fail), str(n_err)),
              f"<{el.tag}> says {got}, expected tests={len(docs)} failures={n_fail} errors={n_err}")


@case
def junit_counts_and_gate_default():
    check_junit(INPUTS + ["nothere/missing.txt"], "error")


@case
def junit_fail_on_warning():
    check_junit(INPUTS, "warning")


@case
def junit_fail_on_never_fails_nothing():
    check_junit(INPUTS, None)
    r, root, suite = junit([SEED, "--fail-on", "never"], expect=(0,))
    check(suite.find("testcase/failure") is None and root.get("failures") == "0",
          f"--fail-on never still fails; {r}")


@case
def junit_warning_only_page_passes_at_error():
    name = "fx/en-credit-then-spam/page.txt"
    if name not in INPUTS:
        raise Skip(f"{name} is not among the fixtures")
    r, root, suite = junit([name], expect=(0,))
    tc = suite.find("testcase")
    check(tc.find("failure") is None and tc.find("system-out") is not None,
          f"a page with warnings only must pass at --fail-on error with its findings in system-out; {r}")


SPECIAL = "<&\"'>"


@case
def junit_escapes_ids_and_messages():
    spam = f"Promo {SPECIAL} 50% off & more"
    write("esc/page.txt", seed_bytes().replace(b"Keluaran SDY", spam.encode("utf-8")))
    pid = f"pair {SPECIAL} \u00e9\u0001 id"
    write("esc/pair.json", json.dumps({"id": pid, "source": "The ferry runs four times a day.",
                                       "summary": "Mayor Zelda O'Brien & <Co> said the ferry runs daily."}))
    r, root, suite = junit(["--fail-on", "warning", "esc/page.txt", "esc/pair.json"])
    cases = suite.findall("testcase")
    check([tc.get("name") for tc in cases] == ["esc/page.txt", pid.replace("\u0001", "\ufffd")],
          f"testcase names {[tc.get('name') for tc in cases]} (a control character becomes U+FFFD)")
    text = "".join(el.text or "" for el in root.iter())
    check(f'"{spam}"' in text, f"the extraneous text with {SPECIAL} did not survive: {short(text)}")
    check(any("O'Brien" in (el.text or "") for el in root.iter()), "the apostrophe did not survive")


# ---------------------------------------------------------------- GitHub


def unescape_data(s):
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(s):
    return unescape_data(s.replace("%3A", ":").replace("%2C", ","))


COMMAND = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def parse_github(out):
    rows = []
    for line in out.split("\n")[:-1]:
        m = COMMAND.match(line)
        check(m, f"not a workflow command: {line!r}")
        props = {}
        for item in m.group(2).split(","):
            key, eq, value = item.partition("=")
            check(eq, f"property {item!r} has no value in {line!r}")
            props[key] = unescape_property(value)
        rows.append((m.group(1), props, unescape_data(m.group(3))))
    return rows


@case
def github_one_line_per_finding():
    docs = documents(INPUTS)
    r = run(["--format", "github"] + INPUTS, expect=(0, 1, 2))
    text = r.text()
    check(text == "" or text.endswith("\n"), f"output does not end with a newline; {r}")
    rows = parse_github(text)
    findings = [(d, f) for d in docs if "error" not in d for f in d["findings"]]
    errors = [d for d in docs if "error" in d]
    check(len(rows) == len(findings) + len(errors),
          f"{len(rows)} lines for {len(findings)} findings and {len(errors)} unreadable inputs")
    finding_rows = [row for row in rows if "title" in row[1]]
    for (level, props, message), (doc, f) in zip(finding_rows, findings):
        where = f"{doc['id']} {f['rule']}"
        check(level == GITHUB_LEVEL[f["severity"]] and props["file"] == doc["id"] and props["title"] == f["rule"],
              f"{where}: got {level} {props}")
        check(message.endswith(f["message"]), f"{where}: message {message!r}")
        span = f["summary_span"] or f["source_span"]
        if span and span["field"] == "page":
            check(props.get("line") == str(span["line"]) and props.get("col") == str(span["column"]),
                  f"{where}: line/col {props} for span {span}")
        else:
            check("line" not in props, f"{where}: a line for text that is not the page: {props}")


@case
def github_escapes_data_and_properties():
    spam = "50% off, now: 100%\r"
    write("gh/page.txt", seed_bytes().replace(b"Keluaran SDY", spam.encode("utf-8")))
    pid = "odd, id: 100%\nnext\rline"
    write("gh/pair.json", json.dumps({"id": pid, "source": "The ferry runs four times a day.",
                                      "summary": "Mayor Zelda Brask said the ferry runs daily."}))
    r = run(["--format", "github", "gh/page.txt", "gh/pair.json"], expect=(1,))
    text = r.text()
    check("\r" not in text, f"a raw CR in the output; {r}")
    rows = parse_github(text)
    ids = {props["file"] for _, props, _ in rows}
    check(ids == {"gh/page.txt", pid}, f"file properties {ids} (expected the page and {pid!r})")
    raw = [line for line in text.split("\n") if "title=extraneous-content" in line]
    check(raw and "50%25 off, now: 100%25" in raw[0], f"message escaping: {raw}")
    raw_pair = [line for line in text.split("\n") if line.startswith("::") and "odd" in line]
    check(raw_pair and all("file=odd%2C id%3A 100%25%0Anext%0Dline," in x for x in raw_pair),
          f"property escaping: {raw_pair}")


@case
def github_unreadable_input():
    r = run(["--format", "github", SEED, "nothere/missing.txt"], expect=(2,))
    lines = [x for x in r.text().split("\n") if x.startswith("::error file=nothere/missing.txt")]
    check(len(lines) == 1 and lines[0].startswith("::error file=nothere/missing.txt::"),
          f"expected `::error file=nothere/missing.txt::…`; {r}")


# ---------------------------------------------------------------- several reports


@case
def several_reports_in_one_run():
    inputs = [SEED, BIDEN] + INPUTS[:6]
    single = {fmt: run(["--format", fmt] + inputs, expect=(0, 1, 2)) for fmt in
              ("json", "sarif", "text", "junit", "github", "jsonl")}
    os.makedirs(os.path.join(WORK, "multi"), exist_ok=True)
    both = run(["--format", "json", "-o", "multi/a.json", "--format", "sarif", "-o", "multi/b.sarif",
                "--format", "text"] + inputs, expect=(0, 1, 2))
    check(both.rc == single["json"].rc, f"exit {both.rc}, alone {single['json'].rc}")
    check(both.out == single["text"].out, "the text report on stdout differs from a text-only run")
    check(read("multi/a.json") == single["json"].out, "a.json differs from a json-only run")
    check(read("multi/b.sarif") == single["sarif"].out, "b.sarif differs from a sarif-only run")
    more = run(["--output", "multi/c.txt", "--format", "junit", "--output=multi/d.xml",
                "-f", "github", "-o", "multi/e.txt", "--format=jsonl", "-o", "-"] + inputs, expect=(0, 1, 2))
    check(more.out == single["jsonl"].out, "jsonl on stdout (-o -) differs from a jsonl-only run")
    check(read("multi/c.txt") == single["text"].out, "an -o before any --format is not the text report")
    check(read("multi/d.xml") == single["junit"].out, "junit in a file differs")
    check(read("multi/e.txt") == single["github"].out, "github in a file differs")


@case
def several_reports_usage_errors():
    for args, why in ((["--format", "json", "--format", "sarif"], "two reports on stdout"),
                      (["--format", "json", "-o", "u/a", "-o", "u/b"], "two -o for one --format"),
                      (["--format", "json", "-o", "u/a", "--format", "sarif", "-o", "u/a"], "one file twice"),
                      (["--format", "json", "-o"], "-o without a value"),
                      (["--format", "xml"], "an unknown format")):
        r = run(args + [SEED])
        check(r.rc == 2 and r.out == b"" and r.err.strip(), f"{why}: expected exit 2, a message, no output; {r}")
    r = run(["--format", "json", "-o", "no/such/dir/a.json", SEED])
    check(r.rc == 2 and b"no/such/dir/a.json" in r.err, f"an unwritable -o: expected exit 2 naming it; {r}")


@case
def unreadable_input_appears_in_every_report():
    os.makedirs(os.path.join(WORK, "un"), exist_ok=True)
    args = ["--format", "json", "-o", "un/r.json", "--format", "jsonl", "-o", "un/r.jsonl",
            "--format", "sarif", "-o", "un/r.sarif", "--format", "junit", "-o", "un/r.xml",
            "--format", "github", "-o", "un/r.gh", "--format", "text", "-o", "un/r.txt",
            SEED, "un/missing.txt"]
    r = run(args, expect=(2,))
    check(r.out == b"", f"nothing should go to stdout; {r}")
    check(r.err.decode().count("un/missing.txt") == 1, f"stderr should name the input once; {r}")
    docs = json.loads(read("un/r.json"))["documents"]
    check([d["id"] for d in docs] == [SEED, "un/missing.txt"] and "error" in docs[1], f"json: {docs}")
    rows = [json.loads(x) for x in read("un/r.jsonl").decode().split("\n")[:-1]]
    check(len(rows) == 2 and rows[1].get("id") == "un/missing.txt" and "error" in rows[1], f"jsonl: {rows}")
    log = json.loads(read("un/r.sarif"))
    notes = log["runs"][0]["invocations"][0].get("toolExecutionNotifications", [])
    check(len(notes) == 1 and "un/missing.txt" in notes[0]["message"]["text"], f"sarif: {notes}")
    root = ET.fromstring(read("un/r.xml"))
    errs = [tc for tc in root.iter("testcase") if tc.find("error") is not None]
    check(len(errs) == 1 and errs[0].get("name") == "un/missing.txt" and root.get("errors") == "1",
          "junit: no <error> testcase for the missing input")
    check(b"::error file=un/missing.txt::" in read("un/r.gh"), "github: no ::error line for the missing input")
    check(b"un/missing.txt" in read("un/r.txt"), "text in a file: the missing input is not named")


@case
def jsonl_unreadable_line_in_every_format():
    name = "fx/jsonl-unreadable-line/pairs.jsonl"
    if name not in INPUTS:
        raise Skip(f"{name} is not among the fixtures")
    docs = documents([name])
    bad = [d["id"] for d in docs if "error" in d]
    check(bad, f"the fixture has no unreadable line: {docs}")
    r = run(["--format", "junit", name], expect=(2,))
    names = [tc.get("name") for tc in r.xml().iter("testcase") if tc.find("error") is not None]
    check(names == bad, f"junit error testcases {names}, expected {bad}")
    r, log = sarif([name], expect=(2,))
    notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    check(len(notes) == len(bad), f"sarif notifications {notes}")
    r = run(["--format", "github", name], expect=(2,))
    check(sum(line.startswith("::error file=" + bad[0].replace(":", "%3A") + ",line=")
              for line in r.text().split("\n")) == 1, f"github: {r}")


# ---------------------------------------------------------------- main


def main():
    global BIN, WORK, ENV
    if len(sys.argv) != 2:
        print("usage: test_reports.py SUMCHECK_BINARY", file=sys.stderr)
        return 2
    BIN = os.path.abspath(sys.argv[1])
    ENV = {k: v for k, v in os.environ.items()
        if k not in ("NO_COLOR", "CLICOLOR_FORCE", "FORCE_COLOR") and not k.startswith("SUMCHECK_")}
    ENV["LC_ALL"] = "C.UTF-8"
    WORK = tempfile.mkdtemp(prefix="sumcheck-reports-")
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
            for needed in (SEED, BIDEN):
                if needed not in INPUTS:
                    raise Skip(f"fixture {needed} is missing")
        passed, failed, skipped = run_cases(CASES, before)
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
    return result(passed, failed, skipped)


if __name__ == "__main__":
    sys.exit(main())
