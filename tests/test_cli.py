#!/usr/bin/env python3
"""End-to-end tests of the sumcheck program, in the manner of jq's
tests/shtest: every case runs the program and checks its stdout, its stderr
and its exit code against the contract in DESIGN.md ("Interfaces") and
STYLE.md ("The CLI's manners").

Usage: test_cli.py SUMCHECK_BINARY

Inputs are written to a temporary directory at run time; the only file read
from the tree is the seed page, fixtures/seed-rappler-id/page.txt.  Prints
"PASS name" or "FAIL name: why" per case and ends with
"RESULT passed=N failed=M skipped=0"; exits 1 when any case failed.
"""
import json
import os
import pty
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile

from pyharness import Fail, check, short, run_cases, result

HERE = os.path.dirname(os.path.abspath(__file__))
SEED_FIXTURE = os.path.join(HERE, "..", "fixtures", "seed-rappler-id", "page.txt")
SEED_ARG = "pages/seed.txt"  # the seed's path as given, relative to the work dir
ANSI = re.compile(rb"\x1b\[")
RUN_TIMEOUT = 60  # seconds: a run that takes longer is a hang

BIN = None
WORK = None
SEED_BYTES = None
BASE_ENV = None


class Run:
    def __init__(self, args, rc, out, err):
        self.args, self.rc, self.out, self.err = args, rc, out, err

    def __str__(self):
        return f"`sumcheck {' '.join(self.args)}` gave exit {self.rc}, stdout {short(self.out)}, stderr {short(self.err)}"

    def err_lines(self):
        return self.err.decode("utf-8", "replace").splitlines()

    def json(self):
        try:
            return json.loads(self.out)
        except ValueError as e:
            raise Fail(f"stdout is not JSON ({e}); {self}")

    def jsonl(self):
        text = self.out.decode("utf-8")
        check(text == "" or text.endswith("\n"), f"JSON Lines output does not end with a newline; {self}")
        rows = []
        # split on "\n" only: str.splitlines() would also split at U+2028,
        # which JSON strings may hold raw
        for k, line in enumerate(text.split("\n")[:-1] if text else [], 1):
            try:
                rows.append(json.loads(line))
            except ValueError as e:
                raise Fail(f"output line {k} is not JSON ({e}); {self}")
        return rows


def run(args, stdin=b"", env=None, timeout=RUN_TIMEOUT):
    p = subprocess.run([BIN] + args, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       cwd=WORK, env=env if env is not None else BASE_ENV, timeout=timeout)
    return Run(args, p.returncode, p.stdout, p.stderr)


def run_on_tty(args, env):
    """Runs with stdout on a pseudo-terminal; returns (exit code, output)."""
    master, slave = pty.openpty()
    p = subprocess.Popen([BIN] + args, stdin=subprocess.DEVNULL, stdout=slave,
                         stderr=subprocess.PIPE, cwd=WORK, env=env)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    p.stderr.read()
    p.stderr.close()
    return p.wait(timeout=RUN_TIMEOUT), out


def write(name, data):
    path = os.path.join(WORK, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return name


def pair(**fields):
    return json.dumps(fields, ensure_ascii=False)


# Invented inputs (never bench text).
ARTICLE = ("The town council of Veldmoor approved a new bridge over the Lenn river on Monday. "
           "The bridge will cost 4 million crowns and should open in 2026. "
           "Councillor Ada Frey said the old ferry would keep running until then.")
GOOD_PAIR = pair(id="bridge-ok", source=ARTICLE,
                 summary="Veldmoor's council approved a new bridge over the Lenn river.")
BAD_PAIR = pair(id="bridge-bad", source=ARTICLE,
                summary="Mayor Tobias Quellgrund approved a bridge costing 9 million crowns.")
BAKERY = "Lena Berg opened a bakery in Oslo on Friday. It sells rye bread and cardamom buns."
ENGLISH_PAGE = """• March 3, 2023
Harbour town of Veldmoor opens new ferry line

This is an AI-generated summary, which may have errors. For context, always refer to the full article.

Veldmoor opened a ferry line to the island of Brask on Tuesday.

VELDMOOR – Veldmoor opened a ferry line to the island of Brask on Tuesday, February 28, the harbour office said.

The ferry will run four times a day and carries up to 120 passengers. Tickets cost 6 crowns for adults.

Mayor Ilse Varga said the line would help island families reach the hospital. – Example News
"""

OPTIONS_IN_HELP = ["--format", "-f", "--input-format", "--fail-on", "--lang", "--page-date",
                   "--color", "--help", "-h", "--version"]

CASES = []


def case(fn):
    CASES.append(fn)
    return fn


# ---------------------------------------------------------------- helpers


def expect_usage_error(args, mention=None):
    r = run(args)
    check(r.rc == 2, f"expected exit 2; {r}")
    check(r.out == b"", f"expected nothing on stdout; {r}")
    lines = r.err_lines()
    check(len(lines) == 1, f"expected exactly one stderr line, got {len(lines)}; {r}")
    check(lines[0].startswith("sumcheck: "), f"stderr line does not start with 'sumcheck: '; {r}")
    if mention is not None:
        check(mention in lines[0], f"stderr does not mention {mention!r}; {r}")


def expect_input_error(name, where=None, args=None):
    """An unreadable input: exit 2, nothing on stdout (text report), one
    stderr line naming the file and, when where is given, matching it (a
    regex for the byte, line or JSON path)."""
    r = run((args or []) + [name])
    check(r.rc == 2, f"expected exit 2; {r}")
    check(r.out == b"", f"expected nothing on stdout; {r}")
    lines = r.err_lines()
    check(len(lines) == 1, f"expected exactly one stderr line, got {len(lines)}; {r}")
    check(lines[0].startswith("sumcheck: "), f"stderr line does not start with 'sumcheck: '; {r}")
    check(name in lines[0], f"stderr does not name the file {name!r}; {r}")
    if where is not None:
        check(re.search(where, lines[0]), f"stderr does not match /{where}/ (byte, line or JSON path); {r}")
    return r


def expect_span(span, what):
    check(isinstance(span, dict), f"{what} is not an object: {span!r}")
    for key in ("field", "start", "end", "line", "column"):
        check(key in span, f"{what} lacks {key!r}: {span!r}")
    check(span["field"] in ("page", "summary", "source"), f"{what}.field is {span['field']!r}")
    for key in ("start", "end", "line", "column"):
        check(isinstance(span[key], int) and not isinstance(span[key], bool), f"{what}.{key} is not an integer")
    check(0 <= span["start"] <= span["end"], f"{what} has start > end: {span!r}")
    check(span["line"] >= 1 and span["column"] >= 1, f"{what} line/column not 1-based: {span!r}")


def line_column(data, offset):
    """1-based line and code-point column of a byte offset."""
    before = data[:offset]
    line = before.count(b"\n") + 1
    start = before.rfind(b"\n") + 1
    return line, len(before[start:].decode("utf-8")) + 1


def is_unit(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool) and 0.0 <= x <= 1.0


def seed_json(args=None):
    r = run(["--format", "json"] + (args or []) + [SEED_ARG])
    check(r.rc in (0, 1), f"expected exit 0 or 1 on the seed; {r}")
    check(r.err == b"", f"expected nothing on stderr; {r}")
    doc = r.json()
    check(isinstance(doc.get("documents"), list) and len(doc["documents"]) == 1,
          f"expected one document; {r}")
    return r, doc["documents"][0]


def tty_env(**extra):
    env = dict(BASE_ENV)
    env.update(extra)
    return env


# ---------------------------------------------------------------- options


@case
def help_lists_options_and_exit_codes():
    r = run(["--help"])
    check(r.rc == 0, f"expected exit 0; {r}")
    check(r.err == b"", f"expected nothing on stderr; {r}")
    text = r.out.decode("utf-8")
    for opt in OPTIONS_IN_HELP:
        check(re.search(r"(^|[\s,])" + re.escape(opt) + r"\b", text), f"--help does not mention {opt}")
    for v in ("text", "json", "jsonl", "auto", "error", "warning", "note", "never", "always"):
        check(v in text, f"--help does not mention the value {v!r}")
    for code in ("0", "1", "2"):
        check(re.search(r"^\s*" + code + r"\s", text, re.M), f"--help does not document exit code {code}")
    r2 = run(["-h"])
    check(r2.rc == 0 and r2.out == r.out, f"-h differs from --help; {r2}")


@case
def version():
    r = run(["--version"])
    check(r.rc == 0, f"expected exit 0; {r}")
    check(r.err == b"", f"expected nothing on stderr; {r}")
    lines = r.out.decode().splitlines()
    check(len(lines) == 1 and re.match(r"^sumcheck \d+\.\d+\.\d+", lines[0]),
          f"expected one line 'sumcheck X.Y.Z'; {r}")


@case
def unknown_option():
    expect_usage_error(["--frobnicate", SEED_ARG], "--frobnicate")


@case
def bad_format():
    expect_usage_error(["--format", "yaml", SEED_ARG], "yaml")


@case
def bad_fail_on():
    expect_usage_error(["--fail-on", "sometimes", SEED_ARG], "sometimes")


@case
def bad_lang():
    expect_usage_error(["--lang", "qq", SEED_ARG])


@case
def bad_page_date():
    for bad in ("2020-13-45", "2021-02-29", "yesterday", "20200101"):
        expect_usage_error(["--page-date", bad, SEED_ARG])


@case
def bad_color():
    expect_usage_error(["--color", "sometimes", SEED_ARG], "sometimes")


@case
def bad_input_format():
    expect_usage_error(["--input-format", "pdf", SEED_ARG], "pdf")


@case
def option_missing_its_value():
    for opt in ("--format", "-f", "--input-format", "--fail-on", "--lang", "--page-date", "--color"):
        expect_usage_error([opt], opt)


@case
def option_equals_form_and_double_dash():
    r = run(["--format=json", "--", SEED_ARG])
    check(r.rc in (0, 1), f"expected exit 0 or 1; {r}")
    check(r.json()["documents"][0]["id"] == SEED_ARG, f"expected the seed's id; {r}")


# ---------------------------------------------------------------- the seed


@case
def seed_text_report():
    r = run([SEED_ARG])
    check(r.rc in (0, 1), f"expected exit 0 or 1; {r}")
    check(r.err == b"", f"expected nothing on stderr; {r}")
    text = r.out.decode("utf-8")
    check(SEED_ARG in text, f"text report does not name the document; {r}")
    check("extraneous-content" in text, f"text report does not mention extraneous-content; {r}")
    check("Keluaran SDY" in text, f"text report does not mention 'Keluaran SDY'; {r}")
    check(not ANSI.search(r.out), f"colour escapes in a piped text report; {r}")


@case
def seed_json_report():
    r = run(["--format", "json", SEED_ARG])
    check(r.rc in (0, 1), f"expected exit 0 or 1; {r}")
    check(r.err == b"", f"expected nothing on stderr; {r}")
    rep = r.json()
    check(rep.get("schema_version") == 1, f"schema_version is {rep.get('schema_version')!r}")
    check(isinstance(rep.get("tool"), dict) and rep["tool"].get("name") == "sumcheck",
          f"tool.name is not 'sumcheck': {rep.get('tool')!r}")
    check(isinstance(rep["tool"].get("version"), str), "tool.version is not a string")
    docs = rep.get("documents")
    check(isinstance(docs, list) and len(docs) == 1, f"expected one document, got {docs!r:.200}")
    d = docs[0]
    for key in ("id", "language", "page_date", "inferred_date", "summary", "consistency", "findings"):
        check(key in d, f"documents[0] lacks {key!r}")
    check(d["id"] == SEED_ARG, f"id is {d['id']!r}, expected the path as given {SEED_ARG!r}")
    check(d["language"] == "id", f"language is {d['language']!r}, expected 'id'")
    pd = d["page_date"]
    check(isinstance(pd, dict) and pd.get("value") == "2024-11-24", f"page_date is {pd!r}")
    check(isinstance(pd.get("origin"), str) and pd["origin"], f"page_date.origin missing: {pd!r}")
    inf = d["inferred_date"]
    check(inf is None or (isinstance(inf, dict) and re.match(r"^\d{4}-\d\d-\d\d$", str(inf.get("value")))
                          and isinstance(inf.get("why"), str)), f"inferred_date is malformed: {inf!r}")
    s = d["summary"]
    check(isinstance(s, dict) and isinstance(s.get("sentences"), list) and s["sentences"],
          f"summary.sentences missing or empty: {s!r:.200}")
    for k, sent in enumerate(s["sentences"]):
        check(isinstance(sent.get("text"), str) and sent["text"], f"sentences[{k}].text missing")
        check(is_unit(sent.get("support")), f"sentences[{k}].support not in [0,1]: {sent.get('support')!r}")
        check(isinstance(sent.get("aligned"), list), f"sentences[{k}].aligned is not a list")
        for a in sent["aligned"]:
            check(isinstance(a.get("sentence"), int) and isinstance(a.get("text"), str),
                  f"sentences[{k}].aligned entry malformed: {a!r:.200}")
    check(is_unit(d["consistency"]), f"consistency not in [0,1]: {d['consistency']!r}")
    check(isinstance(d["findings"], list) and d["findings"], "findings is empty")
    for k, f in enumerate(d["findings"]):
        for key in ("rule", "severity", "message", "summary_span", "source_span", "evidence"):
            check(key in f, f"findings[{k}] lacks {key!r}")
        check(isinstance(f["rule"], str) and re.match(r"^[a-z]+(-[a-z]+)*$", f["rule"]),
              f"findings[{k}].rule is {f['rule']!r}")
        check(f["severity"] in ("error", "warning", "note"), f"findings[{k}].severity is {f['severity']!r}")
        check(isinstance(f["message"], str) and f["message"], f"findings[{k}].message is empty")
        for sp in ("summary_span", "source_span"):
            if f[sp] is not None:
                expect_span(f[sp], f"findings[{k}].{sp}")
        check(isinstance(f["evidence"], dict), f"findings[{k}].evidence is not an object")
    extra = [f for f in d["findings"] if f["rule"] == "extraneous-content"]
    check(extra, "no extraneous-content finding")
    sp = extra[0]["source_span"]
    expect_span(sp, "extraneous-content source_span")
    check(sp["field"] == "page", f"extraneous-content span field is {sp['field']!r}")
    got = SEED_BYTES[sp["start"]:sp["end"]]
    check(got == b"Keluaran SDY", f"extraneous-content span covers {got!r}, expected b'Keluaran SDY'")
    lc = line_column(SEED_BYTES, sp["start"])
    check((sp["line"], sp["column"]) == lc, f"span line:column {sp['line']}:{sp['column']}, expected {lc[0]}:{lc[1]}")


@case
def seed_jsonl_one_line():
    r = run(["--format", "jsonl", SEED_ARG])
    check(r.rc in (0, 1), f"expected exit 0 or 1; {r}")
    check(r.err == b"", f"expected nothing on stderr; {r}")
    rows = r.jsonl()
    check(len(rows) == 1, f"expected one line, got {len(rows)}; {r}")
    check(rows[0].get("id") == SEED_ARG and rows[0].get("language") == "id",
          f"the line is not the seed's document: {short(r.out)}")
    check("documents" not in rows[0] and "findings" in rows[0], "the line is not one document object")


# ---------------------------------------------------------------- inputs


@case
def stdin_when_no_file():
    r = run(["--format", "json"], stdin=SEED_BYTES)
    check(r.rc in (0, 1) and r.err == b"", f"expected exit 0/1 and no stderr; {r}")
    docs = r.json()["documents"]
    check(len(docs) == 1 and docs[0].get("id") == "-", f"expected one document with id '-'; {r}")
    check(docs[0].get("language") == "id", f"stdin document not read as the seed; {r}")


@case
def stdin_with_dash():
    r = run(["--format", "json", "-"], stdin=SEED_BYTES)
    check(r.rc in (0, 1) and r.err == b"", f"expected exit 0/1 and no stderr; {r}")
    docs = r.json()["documents"]
    check(len(docs) == 1 and docs[0].get("id") == "-", f"expected one document with id '-'; {r}")


@case
def several_files_keep_order():
    write("b/bad.json", BAD_PAIR)
    write("b/page.txt", ENGLISH_PAGE)
    write("b/good.json", GOOD_PAIR)
    r = run(["--format", "jsonl", "b/page.txt", "b/bad.json", SEED_ARG, "b/good.json"])
    check(r.rc == 1, f"expected exit 1 (the bad pair has errors); {r}")
    ids = [row.get("id") for row in r.jsonl()]
    check(ids == ["b/page.txt", "bridge-bad", SEED_ARG, "bridge-ok"], f"ids {ids} not in argument order")
    t = run(["b/page.txt", SEED_ARG, "b/good.json"])
    text = t.out.decode("utf-8")
    pos = [text.find(x) for x in ("b/page.txt", SEED_ARG, "bridge-ok")]
    check(-1 not in pos and pos == sorted(pos), f"text report not in argument order; {t}")


@case
def exit_0_when_supported():
    write("pass/good.json", GOOD_PAIR)
    r = run(["pass/good.json"])
    check(r.rc == 0, f"expected exit 0; {r}")
    check(r.err == b"", f"expected nothing on stderr; {r}")
    check(b"bridge-ok" in r.out, f"report does not name the pair's id; {r}")


@case
def exit_1_on_error_finding():
    write("gate/bad.json", BAD_PAIR)
    r = run(["gate/bad.json"])
    check(r.rc == 1, f"expected exit 1; {r}")
    check(r.err == b"", f"expected nothing on stderr; {r}")
    check(b"Quellgrund" in r.out and b"error" in r.out, f"report does not point at the invented name; {r}")


@case
def fail_on_never_exits_0():
    write("gate/bad.json", BAD_PAIR)
    r = run(["--fail-on", "never", "gate/bad.json"])
    check(r.rc == 0, f"expected exit 0; {r}")
    check(b"Quellgrund" in r.out, f"--fail-on must not change what is displayed; {r}")


@case
def fail_on_warning_seed_exits_1():
    r = run(["--fail-on", "warning", SEED_ARG])
    check(r.rc == 1, f"expected exit 1 (extraneous-content is a warning); {r}")
    check(r.err == b"", f"expected nothing on stderr; {r}")


@case
def unreadable_input_exit_2_others_reported():
    r = run([SEED_ARG, "no/such/file.txt"])
    check(r.rc == 2, f"expected exit 2; {r}")
    check(b"Keluaran SDY" in r.out, f"the readable seed was not reported; {r}")
    lines = r.err_lines()
    check(len(lines) == 1 and "no/such/file.txt" in lines[0], f"expected one stderr line naming the file; {r}")


# ---------------------------------------------------------------- bad input


@case
def bad_empty_file():
    write("bad/empty.txt", b"")
    expect_input_error("bad/empty.txt", r"\bbyte 0\b")


@case
def bad_binary_data():
    write("bad/binary.txt", b"Some text\x00\x01\x02\x03 and more\n")
    expect_input_error("bad/binary.txt", r"\bbyte 9\b")


@case
def bad_invalid_utf8():
    write("bad/latin1.txt", "Héllo".encode("latin-1") + b" world.\nMore text here.\n")
    expect_input_error("bad/latin1.txt", r"\bbyte 1\b")
    write("bad/latin1b.txt", b"Fine first line.\nCaf\xc3 au lait.\n")
    expect_input_error("bad/latin1b.txt", r"\bbyte 20\b")


@case
def bad_truncated_json():
    write("bad/trunc.json", '{\n  "id": "t",\n  "source": "Lena went home.",\n  "summary": "Lena')
    expect_input_error("bad/trunc.json", r"\bline 4\b.*\bcolumn \d+")


@case
def bad_pair_without_source():
    write("bad/nosource.json", pair(id="x", summary="Lena went home."))
    expect_input_error("bad/nosource.json", r"\$\.source\b")


@case
def bad_pair_without_summary():
    write("bad/nosummary.json", pair(id="x", source=BAKERY))
    expect_input_error("bad/nosummary.json", r"\$\.summary\b")


@case
def bad_pair_summary_not_string():
    write("bad/sumnum.json", pair(id="x", source=BAKERY, summary=["Lena", "bakes"]))
    expect_input_error("bad/sumnum.json", r"\$\.summary\b")


@case
def bad_pair_page_date():
    write("bad/date.json", pair(id="x", source=BAKERY, summary="Lena opened a bakery.", page_date="2023-02-30"))
    expect_input_error("bad/date.json", r"\$\.page_date\b")


@case
def bad_page_without_article():
    write("bad/noarticle.txt", "• March 3, 2023\nA headline only\n")
    expect_input_error("bad/noarticle.txt", r"\b(byte|line) \d+")


@case
def bad_missing_file():
    expect_input_error("bad/does-not-exist.txt")


@case
def bad_directory_as_input():
    os.makedirs(os.path.join(WORK, "bad/a-directory"), exist_ok=True)
    expect_input_error("bad/a-directory")


# ---------------------------------------------------------------- JSON Lines


@case
def jsonl_broken_second_line():
    lines = [pair(id="one", source=ARTICLE, summary="The council approved a bridge."),
             '{"id": "two", "source": "Lena went',
             pair(id="three", source=BAKERY, summary="Lena Berg opened a bakery in Oslo.")]
    write("jl/three.jsonl", "\n".join(lines) + "\n")
    r = run(["--input-format", "jsonl", "--format", "jsonl", "jl/three.jsonl"])
    check(r.rc == 2, f"expected exit 2; {r}")
    rows = r.jsonl()
    check(len(rows) == 3, f"expected 3 output lines, got {len(rows)}; {r}")
    check(rows[0].get("id") == "one" and rows[2].get("id") == "three", f"order or ids wrong; {r}")
    e = rows[1]
    check(e.get("id") == "line:2" and isinstance(e.get("error"), dict), f"2nd line is not an error record: {e!r}")
    check(isinstance(e["error"].get("message"), str) and e["error"]["message"], f"error record lacks a message: {e!r}")
    check(e["error"].get("line") == 2, f"error record line is {e['error'].get('line')!r}, expected 2")
    errs = r.err_lines()
    check(len(errs) == 1 and "jl/three.jsonl" in errs[0] and re.search(r"(:2\b|line 2\b)", errs[0]),
          f"expected one stderr line naming the file and line 2; {r}")


@case
def jsonl_ids_from_pair_or_line_number():
    lines = [pair(source=BAKERY, summary="Lena Berg opened a bakery."),
             pair(id="named", source=BAKERY, summary="The bakery sells rye bread."),
             pair(source=ARTICLE, summary="A bridge was approved in Veldmoor.")]
    write("jl/ids.jsonl", "\n".join(lines) + "\n")
    r = run(["--format", "jsonl", "jl/ids.jsonl"])
    check(r.rc in (0, 1) and r.err == b"", f"expected exit 0/1 and no stderr; {r}")
    ids = [row.get("id") for row in r.jsonl()]
    check(ids == ["line:1", "named", "line:3"], f"ids {ids}, expected ['line:1', 'named', 'line:3']")


@case
def jsonl_blank_lines_skipped():
    data = ("\n" + pair(id="a", source=BAKERY, summary="Lena Berg opened a bakery.") + "\n\n   \n\t\n" +
            pair(source=BAKERY, summary="It sells cardamom buns.") + "\n\n")
    write("jl/blanks.jsonl", data)
    r = run(["--format", "jsonl", "jl/blanks.jsonl"])
    check(r.rc in (0, 1) and r.err == b"", f"expected exit 0/1 and no stderr; {r}")
    ids = [row.get("id") for row in r.jsonl()]
    check(ids == ["a", "line:6"], f"ids {ids}, expected ['a', 'line:6'] (blank lines skipped, still counted)")


@case
def jsonl_extension_detected():
    data = "\n".join([pair(id="x1", source=BAKERY, summary="Lena Berg opened a bakery."),
                      pair(id="x2", source=BAKERY, summary="The bakery is in Oslo.")]) + "\n"
    for name in ("jl/ext.jsonl", "jl/ext.ndjson"):
        write(name, data)
        r = run(["--format", "jsonl", name])
        check(r.rc in (0, 1) and r.err == b"", f"expected exit 0/1 and no stderr; {r}")
        ids = [row.get("id") for row in r.jsonl()]
        check(ids == ["x1", "x2"], f"{name}: ids {ids}, expected ['x1', 'x2']")


@case
def json_pair_detected_by_content():
    write("det/pair-no-extension", "  \n" + json.dumps(
        {"id": "detected", "source": BAKERY, "summary": "Lena Berg opened a bakery."}, indent=2))
    r = run(["--format", "jsonl", "det/pair-no-extension"])
    check(r.rc in (0, 1) and r.err == b"", f"expected exit 0/1 and no stderr; {r}")
    rows = r.jsonl()
    check(len(rows) == 1 and rows[0].get("id") == "detected", f"not read as a JSON pair; {r}")
    write("det/lines-no-extension", pair(id="j1", source=BAKERY, summary="Lena Berg opened a bakery.") + "\n" +
          pair(id="j2", source=BAKERY, summary="It sells rye bread.") + "\n")
    r = run(["--format", "jsonl", "det/lines-no-extension"])
    ids = [row.get("id") for row in r.jsonl()]
    check(ids == ["j1", "j2"], f"not read as JSON Lines: ids {ids}; {r}")
    r = run(["--format", "jsonl"], stdin=(pair(id="s1", source=BAKERY, summary="Lena opened a bakery.") + "\n" +
                                          pair(id="s2", source=BAKERY, summary="It sells buns.") + "\n").encode())
    ids = [row.get("id") for row in r.jsonl()]
    check(ids == ["s1", "s2"], f"JSON Lines on stdin not detected: ids {ids}; {r}")


@case
def json_pair_with_bom_detected_and_read():
    # Detection skips a UTF-8 BOM (DESIGN.md); the reader must then accept it too.
    write("det/bom-pair", b"\xef\xbb\xbf" + pair(id="bom", source=BAKERY, summary="Lena Berg opened a bakery.").encode())
    r = run(["--format", "jsonl", "det/bom-pair"])
    check(r.rc in (0, 1) and r.err == b"", f"expected exit 0/1 and no stderr; {r}")
    rows = r.jsonl()
    check(len(rows) == 1 and rows[0].get("id") == "bom", f"expected the pair's id 'bom'; {r}")


@case
def jsonl_very_long_line():
    clause = " ".join(["Lena Berg bakes rye bread in Oslo every morning and"] * 30) + " sells it."
    summary = " ".join([clause] * (5_000_000 // len(clause) + 1))
    check(len(summary) >= 5_000_000, "test setup: summary shorter than 5 MB")
    src = "Lena Berg bakes rye bread in Oslo every morning. She opened the bakery in May."
    write("jl/long.jsonl", pair(id="before", source=BAKERY, summary="Lena Berg opened a bakery.") + "\n" +
          pair(id="long", source=src, summary=summary) + "\n" +
          pair(id="after", source=BAKERY, summary="It sells rye bread.") + "\n")
    r = run(["--format", "jsonl", "jl/long.jsonl"], timeout=300)
    check(r.rc in (0, 1) and r.err == b"", f"expected exit 0/1 and no stderr; {r}")
    rows = r.jsonl()
    check([row.get("id") for row in rows] == ["before", "long", "after"], f"ids wrong; {r}")
    check(rows[1].get("summary") and len(rows[1]["summary"]["sentences"]) > 1000,
          "the 5 MB summary was not read in full")


@case
def jsonl_error_record_in_json_report():
    write("jl/mixed.jsonl", pair(id="ok", source=BAKERY, summary="Lena opened a bakery.") + "\n{oops}\n")
    r = run(["--format", "json", "jl/mixed.jsonl"])
    check(r.rc == 2, f"expected exit 2; {r}")
    docs = r.json()["documents"]
    check(len(docs) == 2 and docs[0].get("id") == "ok", f"expected two documents; {r}")
    check(docs[1].get("id") == "line:2" and docs[1].get("error", {}).get("line") == 2,
          f"expected an error record for line:2; {r}")


# ---------------------------------------------------------------- JSON report over files


@case
def json_two_files_one_array():
    write("two/good.json", GOOD_PAIR)
    r = run(["--format", "json", SEED_ARG, "two/good.json"])
    check(r.rc in (0, 1) and r.err == b"", f"expected exit 0/1 and no stderr; {r}")
    rep = r.json()
    docs = rep.get("documents")
    check(isinstance(docs, list) and [d.get("id") for d in docs] == [SEED_ARG, "bridge-ok"],
          f"expected one documents array [seed, bridge-ok]; {r}")
    check(r.out.count(b'"schema_version"') == 1, "more than one report object")


@case
def json_with_missing_file_has_error_record():
    r = run(["--format", "json", SEED_ARG, "two/missing.txt"])
    check(r.rc == 2, f"expected exit 2; {r}")
    docs = r.json()["documents"]
    check(len(docs) == 2 and docs[0].get("id") == SEED_ARG, f"expected the seed, then an error record; {r}")
    check(docs[1].get("id") == "two/missing.txt" and isinstance(docs[1].get("error"), dict)
          and docs[1]["error"].get("message"), f"expected an error record for two/missing.txt: {docs[1]!r}")
    check(len(r.err_lines()) == 1, f"expected one stderr line; {r}")


@case
def json_with_directory_has_error_record():
    os.makedirs(os.path.join(WORK, "two/a-dir"), exist_ok=True)
    r = run(["--format", "json", SEED_ARG, "two/a-dir"])
    check(r.rc == 2, f"expected exit 2; {r}")
    docs = r.json()["documents"]
    check(len(docs) == 2, f"expected 2 documents (the seed and an error record for two/a-dir), got {len(docs)}; {r}")
    check(docs[1].get("id") == "two/a-dir" and isinstance(docs[1].get("error"), dict),
          f"expected an error record for two/a-dir: {docs[1]!r}")


@case
def document_result_independent_of_batch():
    write("det2/good.json", GOOD_PAIR)
    alone = run(["--format", "jsonl", SEED_ARG]).out
    batch = run(["--format", "jsonl", "det2/good.json", SEED_ARG, "det2/good.json"]).out.split(b"\n")[:-1]
    alone = alone.rstrip(b"\n")
    check(len(batch) == 3 and batch[1] == alone, "the seed's line differs when checked in a batch")


# ---------------------------------------------------------------- colour


@case
def color_none_when_piped():
    r = run([SEED_ARG])
    check(not ANSI.search(r.out), f"ANSI escapes on a pipe; {r}")


@case
def color_always_colours():
    r = run(["--color", "always", SEED_ARG])
    check(r.rc in (0, 1), f"expected exit 0/1; {r}")
    check(ANSI.search(r.out), f"no ANSI escapes with --color always; {r}")


@case
def color_always_wins_over_no_color():
    # STYLE.md: NO_COLOR only shapes "auto"; an explicit --color always wins.
    r = run(["--color", "always", SEED_ARG], env=tty_env(NO_COLOR="1"))
    check(ANSI.search(r.out), f"no ANSI escapes with --color always and NO_COLOR=1; {r}")


@case
def color_auto_never_colours_a_pipe():
    r = run(["--color", "auto", SEED_ARG], env=tty_env(TERM="xterm-256color"))
    check(not ANSI.search(r.out), f"ANSI escapes on a pipe with --color auto; {r}")
    r = run(["--color=never", SEED_ARG])
    check(not ANSI.search(r.out), f"ANSI escapes with --color=never; {r}")


@case
def color_auto_on_a_terminal():
    rc, out = run_on_tty([SEED_ARG], tty_env(TERM="xterm"))
    check(rc in (0, 1), f"exit {rc} on a terminal")
    check(ANSI.search(out), f"no colour on a terminal with TERM=xterm and no NO_COLOR: {short(out)}")
    rc, out = run_on_tty([SEED_ARG], tty_env(TERM="xterm", NO_COLOR="1"))
    check(not ANSI.search(out), f"colour on a terminal although NO_COLOR=1: {short(out)}")
    rc, out = run_on_tty([SEED_ARG], tty_env(TERM="dumb"))
    check(not ANSI.search(out), f"colour on a terminal although TERM=dumb: {short(out)}")
    rc, out = run_on_tty(["--color", "never", SEED_ARG], tty_env(TERM="xterm"))
    check(not ANSI.search(out), f"colour on a terminal with --color never: {short(out)}")


@case
def machine_formats_never_coloured():
    for fmt in ("json", "jsonl"):
        r = run(["--color", "always", "--format", fmt, SEED_ARG])
        check(not ANSI.search(r.out), f"ANSI escapes in --format {fmt}; {r}")
        r.json() if fmt == "json" else r.jsonl()


@case
def long_extraneous_text_cut_on_a_character():
    # A line after the credit longer than a message shows, with a two-byte
    # character across the cut: every report must stay valid UTF-8 / JSON.
    page = SEED_BYTES.replace(b"Keluaran SDY", ("Keluaran SDY hari ini! " + "\u00fc" * 60).encode("utf-8"))
    write("cut/page.txt", page)
    for fmt in ("json", "jsonl"):
        r = run(["--format", fmt, "cut/page.txt"])
        check(r.rc in (0, 1) and r.err == b"", f"expected exit 0/1 and no stderr; {r}")
        rows = r.json()["documents"] if fmt == "json" else r.jsonl()
        check(len(rows) == 1 and any(f.get("rule") == "extraneous-content" for f in rows[0].get("findings", [])),
              f"expected one document with an extraneous-content finding; {r}")
    r = run(["cut/page.txt"])
    try:
        r.out.decode("utf-8")
    except UnicodeDecodeError as e:
        raise Fail(f"text report is not valid UTF-8 ({e}); {r}")


# ---------------------------------------------------------------- overrides


@case
def page_date_override():
    r, d = seed_json(["--page-date", "2020-01-01"])
    pd = d.get("page_date")
    check(isinstance(pd, dict) and pd.get("value") == "2020-01-01" and pd.get("origin") == "--page-date",
          f"page_date is {pd!r}, expected value 2020-01-01 and origin '--page-date'")


@case
def lang_override():
    r, d = seed_json(["--lang", "en"])
    check(d.get("language") == "en", f"language is {d.get('language')!r}, expected 'en'")
    write("lang/good.json", GOOD_PAIR)
    r = run(["--format", "jsonl", "--lang", "id", "lang/good.json"])
    rows = r.jsonl()
    check(rows and rows[0].get("language") == "id", f"--lang id on a JSON pair gave {short(r.out)}")


# ---------------------------------------------------------------- robustness

FORMAT_ARGS = [[], ["--format", "json"], ["--format", "jsonl"], ["--input-format", "text"],
               ["--input-format", "json", "--format", "json"], ["--input-format", "jsonl", "--format", "jsonl"],
               ["--lang", "en", "--format", "json"], ["--page-date", "2021-12-15"], ["--fail-on", "note"]]


def survive(args, data, label):
    """Runs once; returns None, or why the run failed: the program must exit
    0, 1 or 2 (no signal, no hang), say something on stderr exactly when it
    exits 2, and write parseable JSON / JSON Lines or UTF-8 text."""
    where = f"{label}, args {args}, input {short(data, 100)}"
    try:
        r = run(args, stdin=data, timeout=30)
    except subprocess.TimeoutExpired:
        return f"{where}: hung for 30 s"
    if r.rc < 0:
        return f"{where}: killed by {signal.Signals(-r.rc).name}"
    if r.rc not in (0, 1, 2):
        return f"{where}: exit {r.rc}"
    if r.rc == 2 and not r.err.strip():
        return f"{where}: exit 2 with nothing on stderr"
    if r.rc != 2 and r.err:
        return f"{where}: exit {r.rc} with stderr {short(r.err)}"
    fmt = args[args.index("--format") + 1] if "--format" in args else "text"
    try:
        if fmt == "json":
            r.json()
        elif fmt == "jsonl":
            r.jsonl()
        else:
            r.out.decode("utf-8")
    except Fail as e:
        return f"{where}: {e}"
    except UnicodeDecodeError as e:
        return f"{where}: text report is not UTF-8 ({e})"
    return None


def fuzz_verdict(problems, runs):
    if problems:
        raise Fail(f"{len(problems)} of {runs} runs failed; first: " + " | ".join(problems[:2]))


@case
def fuzz_random_bytes_on_stdin():
    rng = random.Random(20240101)
    problems = []
    for i in range(200):
        n = rng.choice([0, 1, 2, 7, 64, 500, 4096, 20000])
        kind = i % 4
        if kind == 0:
            data = bytes(rng.getrandbits(8) for _ in range(n))
        elif kind == 1:  # printable ASCII and newlines
            data = bytes(rng.choice(b" \n\t.,!?\"'{}[]:<>-0123456789abcXYZ") for _ in range(n))
        elif kind == 2:  # valid UTF-8 of mixed scripts
            data = "".join(chr(rng.choice([rng.randint(32, 126), rng.randint(0xA0, 0x2FF),
                                           rng.randint(0x400, 0x4FF), rng.randint(0x4E00, 0x4FFF),
                                           rng.randint(0x1F300, 0x1F5FF), 10, 0x2028, 0xFEFF]))
                           for _ in range(n)).encode("utf-8")
        else:  # JSON-looking noise
            data = bytes(rng.choice(b'{}[]":,\\nu0123 truefalsenull') for _ in range(n))
        problems.append(survive(FORMAT_ARGS[i % len(FORMAT_ARGS)], data, f"random input #{i}"))
    fuzz_verdict([p for p in problems if p], 200)


SPICE = [b"Kamis, 16 Desember", b"tahun 2015", b"Joe Biden", b"NATO setuju", b"Rusia menolak",
         b"\xe2\x80\xa2 January 1, 1970\n", b" \xe2\x80\x93 Rappler.com", b"\n\n", b"\x00", b"\xff\xfe",
         b"\xe2\x80\x9c", b"\xe2\x80\x9d", b"\"", b"31 Februari 2024", b"29 Februari 2023", b"Rabu, 30 Februari",
         b"123456789012345678901234567890", b"-0.0000001%", b"Rp 1.000.000.000,50", b"9999",
         b"Ini adalah ringkasan yang dibuat oleh AI, yang mungkin memiliki kesalahan.\n\n",
         b"This is an AI-generated summary, which may have errors.\n\n", b"MOSKOW, Rusia \xe2\x80\x93 ",
         b"tidak ", b"bukan ", b"\r\n", b"\xcc\x81\xcc\x81\xcc\x81", b"\xf0\x9f\x98\x80", b"<html>", b"{",
         b"Dr.", b"A.S.", b"...", b"?!", b"x" * 3000, b"kata " * 500, b". " * 500]


def mutate(rng, data):
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(7)
        pos = rng.randint(0, len(data))
        if op == 0 and data:
            data[min(pos, len(data) - 1)] = rng.getrandbits(8)
        elif op == 1:
            data[pos:pos] = bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 8)))
        elif op == 2:
            del data[pos:pos + rng.randint(1, 400)]
        elif op == 3 and data:
            a = rng.randint(0, len(data) - 1)
            chunk = data[a:a + rng.randint(1, 2000)]
            data[pos:pos] = chunk * rng.randint(1, 3)
        elif op == 4:
            data[pos:pos] = rng.choice(SPICE)
        elif op == 5:
            del data[pos:]
        else:
            lines = bytes(data).split(b"\n")
            rng.shuffle(lines)
            data = bytearray(b"\n".join(lines))
    return bytes(data)


@case
def fuzz_mutated_seed():
    rng = random.Random(1512)
    problems = []
    for i in range(200):
        data = mutate(rng, SEED_BYTES)
        args = FORMAT_ARGS[i % len(FORMAT_ARGS)]
        if i % 2:
            name = write(f"fuzz/seed-{i}.txt", data)
            problems.append(survive(args + [name], b"", f"mutated seed #{i} (file {name})"))
        else:
            problems.append(survive(args, data, f"mutated seed #{i} (on stdin)"))
    fuzz_verdict([p for p in problems if p], 200)


PAIR_SOURCE = ("BRASK \u2013 The ferry company Nordlys said on Wednesday, 15 December, that it carried "
               "120,500 passengers in 2021, up 12.5% from 2020. \u201cWe did not expect this,\u201d said "
               "director Ilse Varga. The company will not raise prices next year. \u2013 Example News")
PAIR_SUMMARY = ("Nordlys carried 120,500 passengers in 2021, up 12.5%. Director Ilse Varga said: "
                "\u201cWe did not expect this.\u201d")
ODD_VALUES = [None, True, 0, -1, 1e308, "", " ", "\u0000", "\ud7ff", "2021-12-15", "2021-02-29",
              "9999-99-99", "0000-01-01", "id", "en", "xx", [], {}, ["a"], {"x": 1}, "x" * 5000]


def mutate_pair(rng):
    obj = {"id": "fz", "source": PAIR_SOURCE, "summary": PAIR_SUMMARY, "page_date": "2021-12-20",
           "title": "Ferry numbers", "language": "en"}
    for _ in range(rng.randint(0, 4)):
        key = rng.choice(["id", "source", "summary", "page_date", "title", "language", "extra"])
        op = rng.randrange(4)
        if op == 0:
            obj.pop(key, None)
        elif op == 1:
            obj[key] = rng.choice(ODD_VALUES)
        elif isinstance(obj.get(key), str):
            obj[key] = mutate(rng, obj[key].encode()).decode("utf-8", "replace")
        else:
            obj[key] = rng.choice(SPICE).decode("utf-8", "replace")
    text = json.dumps(obj, ensure_ascii=rng.random() < 0.5).encode("utf-8")
    if rng.random() < 0.5:
        text = mutate(rng, text)
    return text


@case
def fuzz_mutated_json_pair():
    rng = random.Random(2112)
    problems = []
    for i in range(200):
        kind = i % 4
        if kind == 3:  # several pairs as JSON Lines
            data = b"\n".join(mutate_pair(rng) for _ in range(rng.randint(2, 5))) + b"\n"
            name = write(f"fuzz/pairs-{i}.jsonl", data)
        else:
            data = mutate_pair(rng)
            name = write(f"fuzz/pair-{i}.json", data)
        args = FORMAT_ARGS[i % len(FORMAT_ARGS)]
        if i % 2:
            problems.append(survive(args + [name], b"", f"mutated pair #{i} (file {name})"))
        else:
            problems.append(survive(args, data, f"mutated pair #{i} (on stdin)"))
    fuzz_verdict([p for p in problems if p], 200)


# ---------------------------------------------------------------- main


# ---------------------------------------------------------------- threads


@case
def jobs_same_output_any_count():
    """--jobs N gives byte-identical reports, in input order, for any N,
    also across a line that cannot be read and across several files."""
    lines = []
    for i in range(300):
        if i == 137:
            lines.append('{"id": "broken", "source": ')
            continue
        lines.append(pair(id=f"p{i}", source=f"The council approved {i} new parks on Monday. "
                          f"Residents welcomed the plan.", summary=f"The council approved {i + i % 3} parks."))
    write("jobs/a.jsonl", "\n".join(lines) + "\n")
    write("jobs/b.json", pair(id="b", source="Rain fell all day in the city.", summary="Rain fell."))
    outs = {}
    for jobs in ("1", "2", "5"):
        for fmt in ("jsonl", "json", "text"):
            r = run(["--jobs", jobs, "--format", fmt, "jobs/a.jsonl", "missing.json", "jobs/b.json"])
            check(r.rc == 2, f"expected exit 2 (a broken line, a missing file); {r}")
            outs.setdefault(fmt, {})[jobs] = r.out
    for fmt, by_jobs in outs.items():
        check(by_jobs["1"] == by_jobs["2"] == by_jobs["5"], f"{fmt} report differs between --jobs 1, 2, 5")
    ids = [json.loads(l)["id"] for l in outs["jsonl"]["1"].decode().splitlines()]
    check(ids[136:139] == ["p136", "line:138", "p138"], f"order around the broken line: {ids[135:140]}")
    check(ids[-2:] == ["missing.json", "b"], f"the missing file and the last pair keep their place: {ids[-3:]}")


@case
def jobs_bad_value():
    expect_usage_error(["--jobs", "0", SEED_ARG], "--jobs")
    expect_usage_error(["--jobs", "many", SEED_ARG], "--jobs")


def main():
    global BIN, WORK, SEED_BYTES, BASE_ENV
    if len(sys.argv) != 2:
        print("usage: test_cli.py SUMCHECK_BINARY", file=sys.stderr)
        return 2
    BIN = os.path.abspath(sys.argv[1])
    with open(SEED_FIXTURE, "rb") as f:
        SEED_BYTES = f.read()
    BASE_ENV = {k: v for k, v in os.environ.items()
        if k not in ("NO_COLOR", "CLICOLOR_FORCE", "FORCE_COLOR") and not k.startswith("SUMCHECK_")}
    BASE_ENV["TERM"] = "xterm"  # so that "no colour on a pipe" is not merely TERM=dumb
    WORK = tempfile.mkdtemp(prefix="sumcheck-cli-")
    try:
        write(SEED_ARG, SEED_BYTES)
        passed, failed, skipped = run_cases(CASES)
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
    return result(passed, failed, skipped)


if __name__ == "__main__":
    sys.exit(main())
