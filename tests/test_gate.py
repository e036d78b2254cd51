#!/usr/bin/env python3
"""End-to-end tests of the gate: --fail-on, --min-severity, --min-support,
rule settings, the config file and the environment (and their
precedence), --print-config, suppressions, baselines, --list-rules,
--explain, --summary/--source, directories as inputs, the man page and the
CI examples of docs/ci.md.

Usage: test_gate.py SUMCHECK_BINARY

Every case runs the program in a temporary directory (no config file above
it) and checks stdout, stderr and the exit code.  Inputs are the seed page
(fixtures/seed-rappler-id/page.txt: a page-date-mismatch error and an
extraneous-content warning), the Joe Biden pair
(fixtures/pair-id-joe-biden/pair.json: an unsupported-entity error, support
0.78) and pairs written at run time.  Prints "PASS name", "FAIL name: why"
or "SKIP name: why" per case and ends with
"RESULT passed=N failed=M skipped=K"; exits 1 when any case failed.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

from pyharness import Fail, Skip, check, run_cases, result

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
RUN_TIMEOUT = 60  # seconds: a run that takes longer is a hang
RULES = ["page-date-mismatch", "missing-summary", "unsupported-claim", "negation-flip", "misquote",
         "unsupported-entity", "unsupported-relation", "number-mismatch", "date-mismatch",
         "weekday-mismatch", "extraneous-content"]

BIN = None
WORK = None
BASE_ENV = None
SEED = "pages/seed.txt"
BIDEN = "pages/biden.json"


def short(data, limit=400):
    if isinstance(data, bytes):
        data = data.decode("utf-8", "replace")
    return repr(data if len(data) <= limit else data[:limit] + "…")


class Run:
    def __init__(self, args, rc, out, err):
        self.args, self.rc, self.out, self.err = args, rc, out, err

    def __str__(self):
        return (f"`sumcheck {' '.join(self.args)}` gave exit {self.rc}, stdout {short(self.out)}, "
                f"stderr {short(self.err)}")

    def text(self):
        return self.out.decode("utf-8")

    def err_lines(self):
        return self.err.decode("utf-8", "replace").splitlines()

    def json(self):
        try:
            return json.loads(self.out)
        except ValueError as e:
            raise Fail(f"stdout is not JSON ({e}); {self}")


def run(args, env=None, cwd=None, stdin=b""):
    full_env = dict(BASE_ENV)
    full_env.update(env or {})
    p = subprocess.run([BIN] + args, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       cwd=os.path.join(WORK, cwd) if cwd else WORK, env=full_env,
                       timeout=RUN_TIMEOUT)
    return Run(args, p.returncode, p.stdout, p.stderr)


def expect(r, rc, what=""):
    check(r.rc == rc, f"expected exit {rc}{' (' + what + ')' if what else ''}; {r}")
    return r


def expect_one_error_line(r, *mentions):
    """exit 2, nothing on stdout, one stderr line naming each of mentions."""
    expect(r, 2)
    check(r.out == b"", f"expected nothing on stdout; {r}")
    lines = r.err_lines()
    check(len(lines) == 1, f"expected one stderr line, got {len(lines)}; {r}")
    check(lines[0].startswith("sumcheck: "), f"stderr does not start with 'sumcheck: '; {r}")
    for m in mentions:
        check(m in lines[0], f"stderr does not mention {m!r}; {r}")
    return lines[0]


def write(name, data):
    path = os.path.join(WORK, name)
    os.makedirs(os.path.dirname(path) or WORK, exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return name


def read(name):
    with open(os.path.join(WORK, name), "rb") as f:
        return f.read()


def findings(doc):
    return [(f["rule"], f["severity"]) for f in doc["findings"]]


def sarif_valid(log):
    """Validates a SARIF log against the official schema when both
    python3-jsonschema and $SC_SHARED_DIR/schemas are there."""
    try:
        import jsonschema
    except ImportError:
        return
    shared = os.environ.get("SC_SHARED_DIR") or os.path.join(ROOT, "..", "shared")
    path = os.path.join(shared, "schemas", "sarif-schema-2.1.0.json")
    if not os.path.isfile(path):
        return
    with open(path, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    errors = sorted(cls(schema).iter_errors(log), key=lambda e: list(e.absolute_path))
    check(not errors, f"SARIF does not validate: {errors[0].message if errors else ''} at "
          f"{'/'.join(map(str, errors[0].absolute_path)) if errors else ''}")


def only_doc(r):
    docs = r.json()["documents"]
    check(len(docs) == 1, f"expected one document; {r}")
    return docs[0]


ARTICLE = ("The town council of Veldmoor approved a new bridge over the Lenn river on Monday. "
           "The bridge will cost 4 million crowns and should open in 2026. "
           "Councillor Ada Frey said the old ferry would keep running until then.")
GOOD_SUMMARY = "Veldmoor's council approved a new bridge over the Lenn river."

CASES = []


def case(fn):
    CASES.append(fn)
    return fn


# ---------------------------------------------------------------- --fail-on, --min-severity


@case
def fail_on_levels_and_exit_codes():
    # The seed has an error (page-date-mismatch) and a warning (extraneous-content).
    expect(run([SEED]), 1, "an error finding at the default --fail-on error")
    expect(run(["--fail-on", "never", SEED]), 0)
    warn_only = ["--disable", "page-date-mismatch", SEED]
    expect(run(warn_only), 0, "a warning does not fail --fail-on error")
    expect(run(["--fail-on", "warning"] + warn_only), 1)
    expect(run(["--fail-on", "note"] + warn_only), 1)
    expect(run(["--fail-on=error"] + warn_only), 0)
    good = write("gate/good.json", json.dumps({"id": "good", "source": ARTICLE, "summary": GOOD_SUMMARY}))
    expect(run(["--fail-on", "note", good]), 0, "a supported pair")
    expect_one_error_line(run(["--fail-on", "sometimes", SEED]), "sometimes")


@case
def min_severity_is_separate_from_the_gate():
    # Shown: errors only; gated: warnings too.
    args = ["--disable", "page-date-mismatch", "--min-severity", "error", "--fail-on", "warning"]
    r = expect(run(args + [SEED]), 1, "the hidden warning still fails --fail-on warning")
    check("extraneous-content" not in r.text(), f"the warning is shown; {r}")
    check("1 below --min-severity" in r.text(), f"the text report does not say a finding is hidden; {r}")
    doc = only_doc(expect(run(["--format", "json"] + args + [SEED]), 1))
    check(findings(doc) == [], f"the JSON report lists a finding below --min-severity: {findings(doc)}")
    # Shown but not gated.
    r = expect(run(["--min-severity", "note", "--fail-on", "never", SEED]), 0)
    check("extraneous-content" in r.text() and "page-date-mismatch" in r.text(), f"findings missing; {r}")
    doc = only_doc(run(["--format", "json", "--min-severity", "warning", SEED]))
    check(findings(doc) == [("page-date-mismatch", "error"), ("extraneous-content", "warning")],
          f"--min-severity warning: {findings(doc)}")
    sarif = run(["--format", "sarif", "--min-severity", "error", SEED]).json()
    rules = [x["ruleId"] for x in sarif["runs"][0]["results"]]
    check(rules == ["page-date-mismatch"], f"SARIF with --min-severity error lists {rules}")
    expect_one_error_line(run(["--min-severity", "never", SEED]), "never")


@case
def min_support_raises_the_bar():
    base = ["--format", "json", "--disable", "unsupported-entity"]
    doc = only_doc(expect(run(base + [BIDEN]), 0, "support 0.78 passes the built-in 0.5"))
    check(findings(doc) == [], f"unexpected findings {findings(doc)}")
    r = expect(run(base + ["--min-support", "0.9", BIDEN]), 1)
    doc = only_doc(r)
    check(findings(doc) == [("unsupported-claim", "error")], f"expected one unsupported-claim: {findings(doc)}")
    f = doc["findings"][0]
    check(f["evidence"].get("threshold") == 0.9, f"evidence.threshold is not 0.9: {f['evidence']}")
    check(0.5 <= f["evidence"]["support"] < 0.9, f"support out of range: {f['evidence']}")
    check(f["summary_span"] is not None, "no summary span")
    expect(run(base + ["--min-support", "0.5", BIDEN]), 0, "0.5 adds nothing")
    expect(run(base + ["--min-support=0.7", BIDEN]), 0, "below the sentence's support")
    for bad in ("1.5", "-0.1", "abc", "", "0.5x", "nan"):
        expect_one_error_line(run(["--min-support", bad, BIDEN]), "--min-support")


# ---------------------------------------------------------------- rule settings


@case
def disable_rules():
    doc = only_doc(run(["--format", "json", "--disable", "extraneous-content", SEED]))
    check(findings(doc) == [("page-date-mismatch", "error")], f"{findings(doc)}")
    r = expect(run(["--disable", "page-date-mismatch", "--disable", "extraneous-content", SEED]), 0)
    check("no findings" in r.text(), f"{r}")
    expect_one_error_line(run(["--disable", "no-such-rule", SEED]), "no-such-rule")
    expect_one_error_line(run(["--disable"]), "--disable")


@case
def severity_overrides():
    r = run(["--format", "json", "--severity", "page-date-mismatch=note",
             "--severity", "extraneous-content=error", SEED])
    expect(r, 1, "extraneous-content raised to error")
    check(findings(only_doc(r)) == [("page-date-mismatch", "note"), ("extraneous-content", "error")],
          f"{findings(only_doc(r))}")
    r = run(["--severity", "page-date-mismatch=warning", "--severity", "extraneous-content=note", SEED])
    expect(r, 0, "both below error")
    expect(run(["--severity", "page-date-mismatch=warning", "--fail-on", "warning", SEED]), 1)
    doc = only_doc(run(["--format", "json", "--severity", "page-date-mismatch=off", SEED]))
    check(findings(doc) == [("extraneous-content", "warning")], f"=off: {findings(doc)}")
    sarif = run(["--format", "sarif", "--severity", "page-date-mismatch=warning", SEED]).json()
    levels = [x["level"] for x in sarif["runs"][0]["results"]]
    check(levels == ["warning", "warning"], f"SARIF levels {levels}")
    expect_one_error_line(run(["--severity", "page-date-mismatch", SEED]), "RULE=LEVEL")
    expect_one_error_line(run(["--severity", "page-date-mismatch=fatal", SEED]), "fatal")
    expect_one_error_line(run(["--severity", "nope=error", SEED]), "nope")


# ---------------------------------------------------------------- config and environment


def config(name, obj):
    return write(name, obj if isinstance(obj, str) else json.dumps(obj, indent=2))


def print_config(args=(), env=None, cwd=None):
    r = expect(run(["--print-config"] + list(args), env=env, cwd=cwd), 0)
    check(r.err == b"", f"--print-config wrote to stderr; {r}")
    return r.json()


@case
def print_config_defaults():
    c = print_config(["--no-config"])
    check(c["config_file"] is None, f"config_file {c['config_file']}")
    for key, value in (("fail_on", "error"), ("min_severity", "note"), ("min_support", None),
                       ("input_format", "auto"), ("color", "auto"), ("baseline", None),
                       ("include", []), ("exclude", []), ("suppressions", []), ("lang", None)):
        check(c[key] == {"value": value, "from": "default"}, f"{key}: {c[key]}")
    check(c["format"]["value"] == [{"format": "text", "output": None}], f"format: {c['format']}")
    check(list(c["rules"]) == RULES, f"rules in order: {list(c['rules'])}")
    check(c["rules"]["weekday-mismatch"] == {"value": "warning", "from": "default"}, f"{c['rules']}")
    c = print_config(["--fail-on", "never", "--min-support", "0.8", "--disable", "misquote",
                      "--severity", "number-mismatch=warning", "-f", "sarif", "-o", "x.sarif",
                      "--include", "*.txt", "--no-config"])
    check(c["fail_on"] == {"value": "never", "from": "command line"}, f"{c['fail_on']}")
    check(c["min_support"] == {"value": 0.8, "from": "command line"}, f"{c['min_support']}")
    check(c["rules"]["misquote"] == {"value": "off", "from": "command line"}, f"{c['rules']}")
    check(c["rules"]["number-mismatch"] == {"value": "warning", "from": "command line"}, f"{c['rules']}")
    check(c["format"]["value"] == [{"format": "sarif", "output": "x.sarif"}], f"{c['format']}")
    check(c["include"]["value"] == ["*.txt"], f"{c['include']}")


@case
def config_found_walking_up():
    config("proj/sumcheck.json", {"fail_on": "warning", "baseline": "base/accepted.json",
                                  "format": [{"format": "sarif", "output": "out/r.sarif"}, "text"],
                                  "rules": {"weekday-mismatch": "off"}})
    os.makedirs(os.path.join(WORK, "proj/a/b"), exist_ok=True)
    c = print_config(cwd="proj/a/b")
    here = os.path.realpath(os.path.join(WORK, "proj"))
    check(c["config_file"] is not None and os.path.realpath(c["config_file"]["path"]) ==
          os.path.join(here, "sumcheck.json"), f"config_file {c['config_file']}")
    check("walking up" in c["config_file"]["found_by"], f"found_by {c['config_file']}")
    check(c["fail_on"] == {"value": "warning", "from": "config file"}, f"{c['fail_on']}")
    check(c["rules"]["weekday-mismatch"] == {"value": "off", "from": "config file"}, f"{c['rules']}")
    # Paths in the file count from its directory.
    check(os.path.realpath(c["baseline"]["value"]) == os.path.join(here, "base/accepted.json"),
          f"baseline {c['baseline']}")
    out = c["format"]["value"][0]["output"]
    check(os.path.realpath(out) == os.path.join(here, "out/r.sarif"), f"output {out}")
    check(c["format"]["value"][1] == {"format": "text", "output": None}, f"{c['format']}")
    # --no-config ignores it; --config names another.
    check(print_config(["--no-config"], cwd="proj/a/b")["config_file"] is None, "--no-config")


@case
def precedence_cli_env_file_default():
    # A warning-only page: its exit code tells which fail_on won.
    config("prec/sumcheck.json", {"fail_on": "never", "rules": {"page-date-mismatch": "off"}})
    write("prec/seed.txt", read(SEED))
    page = ["seed.txt"]
    expect(run(page, cwd="prec"), 0, "file: never")
    expect(run(page, cwd="prec", env={"SUMCHECK_FAIL_ON": "warning"}), 1, "env warning over file never")
    expect(run(["--fail-on", "never"] + page, cwd="prec", env={"SUMCHECK_FAIL_ON": "warning"}), 0,
           "command line never over env warning")
    expect(run(["--no-config"] + page, cwd="prec"), 1, "defaults: error, page-date-mismatch on")
    c = print_config(cwd="prec", env={"SUMCHECK_FAIL_ON": "warning"})
    check(c["fail_on"] == {"value": "warning", "from": "environment SUMCHECK_FAIL_ON"}, f"{c['fail_on']}")
    check(c["rules"]["page-date-mismatch"]["from"] == "config file", f"{c['rules']}")
    # Rules merge rule by rule: the command line's --disable keeps the file's setting of another.
    c = print_config(["--disable", "misquote"], cwd="prec")
    check(c["rules"]["page-date-mismatch"] == {"value": "off", "from": "config file"}, f"{c['rules']}")
    check(c["rules"]["misquote"] == {"value": "off", "from": "command line"}, f"{c['rules']}")
    # SUMCHECK_FORMAT and SUMCHECK_MIN_SEVERITY.
    r = run(page, cwd="prec", env={"SUMCHECK_FORMAT": "json"})
    check(r.json()["documents"][0]["id"] == "seed.txt", f"SUMCHECK_FORMAT=json; {r}")
    r = run(["--format", "text"] + page, cwd="prec", env={"SUMCHECK_FORMAT": "json"})
    check(r.text().startswith("seed.txt\n"), f"--format text over SUMCHECK_FORMAT; {r}")
    r = run(page, cwd="prec", env={"SUMCHECK_FORMAT": "sarif=env.sarif,json"})
    check(r.json()["documents"] and os.path.exists(os.path.join(WORK, "prec/env.sarif")),
          f"SUMCHECK_FORMAT with a file; {r}")
    c = print_config(cwd="prec", env={"SUMCHECK_MIN_SEVERITY": "error"})
    check(c["min_severity"] == {"value": "error", "from": "environment SUMCHECK_MIN_SEVERITY"}, f"{c}")
    c = print_config(["--min-severity", "warning"], cwd="prec", env={"SUMCHECK_MIN_SEVERITY": "error"})
    check(c["min_severity"]["from"] == "command line", f"{c['min_severity']}")
    # SUMCHECK_CONFIG names a file; --config wins over it.
    config("elsewhere/other.json", {"fail_on": "note"})
    c = print_config(env={"SUMCHECK_CONFIG": os.path.join(WORK, "elsewhere/other.json")})
    check(c["fail_on"] == {"value": "note", "from": "config file"}, f"SUMCHECK_CONFIG: {c['fail_on']}")
    check(c["config_file"]["found_by"] == "environment SUMCHECK_CONFIG", f"{c['config_file']}")
    c = print_config(["--config", "prec/sumcheck.json"],
                     env={"SUMCHECK_CONFIG": os.path.join(WORK, "elsewhere/other.json")})
    check(c["fail_on"]["value"] == "never" and c["config_file"]["found_by"] == "--config", f"{c}")
    for var, value in (("SUMCHECK_FAIL_ON", "always"), ("SUMCHECK_FORMAT", "yaml"),
                       ("SUMCHECK_MIN_SEVERITY", "never")):
        expect_one_error_line(run(page, cwd="prec", env={var: value}), var, value)


@case
def bad_config_files():
    write("bad/page.txt", read(SEED))
    cases = [
        ('{"fail_on": "warning",}', [r"line 1", "invalid JSON"]),
        ('{"fail_on": "warning"', ["invalid JSON"]),
        ('[1, 2]', [r"\$"]),
        ('{"fial_on": "error"}', [r"\$\.fial_on", "unknown key"]),
        ('{"fail_on": "sometimes"}', [r"\$\.fail_on", "sometimes"]),
        ('{"min_support": 1.5}', [r"\$\.min_support"]),
        ('{"rules": {"no-such-rule": "off"}}', [r"\$\.rules\.no-such-rule"]),
        ('{"rules": {"misquote": "loud"}}', [r"\$\.rules\.misquote"]),
        ('{"suppressions": [{"rule": "misquote"}]}', [r"\$\.suppressions\[0\]\.reason", "reason"]),
        ('{"suppressions": [{"rule": "misquote", "reason": ""}]}', [r"\$\.suppressions\[0\]\.reason"]),
        ('{"suppressions": [{"rule": "misquote", "reason": "ok"}, {"reason": "x"}]}',
         [r"\$\.suppressions\[1\]\.rule"]),
        ('{"suppressions": [{"rule": "misquote", "reason": "ok", "why": "x"}]}',
         [r"\$\.suppressions\[0\]\.why"]),
        ('{"format": ["json", "sarif"]}', [r"\$\.format", "standard output"]),
        ('{"format": [{"format": "yaml"}]}', [r"\$\.format\[0\]\.format"]),
        ('{"lang": "qq"}', [r"\$\.lang"]),
        ('{"page_date": "2021-02-30"}', [r"\$\.page_date"]),
        ('{"include": [1]}', [r"\$\.include\[0\]"]),
        ('{"fail_on": "error", "fail_on": "note"}', ["invalid JSON", "duplicate"]),
    ]
    for text, patterns in cases:
        name = config("bad/sumcheck.json", text)
        # found walking up, and named by --config
        for args, cwd in ((["page.txt"], "bad"), (["--config", name, "bad/page.txt"], None)):
            r = run(args, cwd=cwd)
            line = expect_one_error_line(r, "sumcheck.json")
            for p in patterns:
                check(re.search(p, line), f"config {text!r}: stderr does not match /{p}/: {line!r}")
    expect_one_error_line(run(["--config", "bad/missing.json", SEED]), "bad/missing.json")
    # --print-config reads the file too
    config("bad/sumcheck.json", '{"fial_on": "error"}')
    expect_one_error_line(run(["--print-config"], cwd="bad"), "$.fial_on")


# ---------------------------------------------------------------- suppressions


@case
def suppressed_finding_not_highlighted_in_html():
    """The HTML report marks a finding's words in the summary and its span in
    the article only when the finding counts: not once it is suppressed."""
    mark = 'title="unsupported-entity"'
    page = run(["--format", "html", BIDEN]).out.decode("utf-8")
    check(mark in page, "the unsuppressed finding is not highlighted (test premise)")
    config("suph/sumcheck.json", {"suppressions": [
        {"rule": "unsupported-entity", "reason": "the minister met him"}]})
    write("suph/biden.json", read(BIDEN))
    page = run(["--format", "html", "biden.json"], cwd="suph").out.decode("utf-8")
    check('class="finding error suppressed"' in page, "HTML does not list the finding as suppressed")
    check(mark not in page, "HTML still highlights the suppressed finding")


@case
def suppression_kept_in_json_and_sarif_hidden_in_text():
    reason = "known spam line of the scraper, removed upstream"
    config("sup/sumcheck.json", {"suppressions": [
        {"rule": "extraneous-content", "text": "keluaran   SDY", "reason": reason}]})
    write("sup/seed.txt", read(SEED))
    r = expect(run(["--fail-on", "warning", "--disable", "page-date-mismatch", "seed.txt"], cwd="sup"), 0,
               "the only warning is suppressed")
    check("extraneous-content" not in r.text(), f"the text report shows the suppressed finding; {r}")
    check("1 suppressed" in r.text(), f"the text report does not count it; {r}")
    doc = only_doc(run(["--format", "json", "seed.txt"], cwd="sup"))
    by_rule = {f["rule"]: f for f in doc["findings"]}
    check(by_rule["extraneous-content"].get("suppressed") == {"reason": reason},
          f"JSON: {by_rule['extraneous-content']}")
    check("suppressed" not in by_rule["page-date-mismatch"], "page-date-mismatch marked suppressed")
    results = run(["--format", "sarif", "seed.txt"], cwd="sup").json()["runs"][0]["results"]
    sup = [x for x in results if x["ruleId"] == "extraneous-content"]
    check(len(sup) == 1 and sup[0].get("suppressions") ==
          [{"kind": "external", "status": "accepted", "justification": reason}], f"SARIF: {sup}")
    sarif_valid(run(["--format", "sarif", "seed.txt"], cwd="sup").json())
    # HTML: shown as suppressed with its reason, and the verdict passes.
    html = run(["--format", "html", "--fail-on", "warning", "--disable", "page-date-mismatch", "seed.txt"],
               cwd="sup")
    page = html.out.decode("utf-8")
    check('class="finding warning suppressed"' in page and ">suppressed</span>" in page,
          "HTML does not show the finding as suppressed")
    check("Suppressed by the configuration: " + reason in page, "HTML does not give the reason")
    check('class="verdict pass"' in page and "1 suppressed" in page,
          "HTML verdict counts the suppressed finding")
    check(all("suppressions" not in x for x in results if x["ruleId"] != "extraneous-content"), "others")
    gh = run(["--format", "github", "seed.txt"], cwd="sup")
    check(b"extraneous-content" not in gh.out and b"page-date-mismatch" in gh.out, f"github: {gh}")
    junit = run(["--format", "junit", "--fail-on", "warning", "--disable", "page-date-mismatch", "seed.txt"],
                cwd="sup")
    check(b"<failure" not in junit.out, f"JUnit fails on a suppressed finding; {junit}")
    # An id or a text that does not match leaves the finding alone.
    for other in ({"id": "pages/other.txt"}, {"text": "lottery"}):
        config("sup/sumcheck.json", {"suppressions": [dict({"rule": "extraneous-content", "reason": "r"}, **other)]})
        doc = only_doc(run(["--format", "json", "seed.txt"], cwd="sup"))
        check(all("suppressed" not in f for f in doc["findings"]), f"{other} suppressed a finding")
    # By document id, any text: the pair's unsupported name.
    config("sup/sumcheck.json", {"suppressions": [
        {"rule": "unsupported-entity", "id": "pair-id-joe-biden", "reason": "the minister met him"}]})
    write("sup/biden.json", read(BIDEN))
    expect(run(["biden.json"], cwd="sup"), 0, "the pair's only error is suppressed")


# ---------------------------------------------------------------- baselines


def biden_with(summary):
    obj = json.loads(read(BIDEN))
    obj["summary"] = summary
    return json.dumps(obj, ensure_ascii=False)


@case
def baseline_write_then_read():
    seed = read(SEED).decode("utf-8")
    write("bl/pages/seed.txt", seed)
    write("bl/pages/biden.json", read(BIDEN))
    r = expect(run(["--write-baseline", "base.json", "pages"], cwd="bl"), 0, "writing accepts today's findings")
    base = json.loads(read("bl/base.json"))
    check(base.get("baseline_version") == 1, f"baseline_version: {base}")
    got = sorted((e["id"], e["rule"]) for e in base["findings"])
    check(got == [("pages/seed.txt", "extraneous-content"), ("pages/seed.txt", "page-date-mismatch"),
                  ("pair-id-joe-biden", "unsupported-entity")], f"baseline entries {got}")
    check(all(re.fullmatch(r"[0-9a-f]{16}", e["fingerprint"]) for e in base["findings"]), f"{base}")
    check([(e["id"], e["rule"], e["fingerprint"]) for e in base["findings"]] ==
          sorted((e["id"], e["rule"], e["fingerprint"]) for e in base["findings"]), "not sorted")
    # Same fingerprints as SARIF's partialFingerprints.
    sarif = run(["--format", "sarif", "pages"], cwd="bl").json()["runs"][0]["results"]
    check(sorted(x["partialFingerprints"]["sumcheck/v1"] for x in sarif) ==
          sorted(e["fingerprint"] for e in base["findings"]), "fingerprints differ from SARIF's")

    # Nothing new: exit 0, the text report shows nothing and counts them.
    r = expect(run(["--baseline", "base.json", "pages"], cwd="bl"), 0)
    check("error" not in r.text().replace("0 errors", ""), f"a finding is shown; {r}")
    check("in the baseline" in r.text(), f"the text report does not count baseline findings; {r}")
    check(r.err == b"", f"stderr: {r}")

    # An edit elsewhere on the page (a paragraph added above the spam line, a
    # sentence added to another) keeps every fingerprint.
    lines = seed.split("\n")
    lines[11] += " Pertemuan itu berlangsung selama dua jam."
    edited = "\n".join(lines[:12] + ["", "Pertemuan kedua dijadwalkan bulan depan di Jenewa."] + lines[12:])
    write("bl/pages/seed.txt", edited)
    r = expect(run(["--format", "json", "--baseline", "base.json", "pages"], cwd="bl"), 0, "edited elsewhere")
    states = [(f["rule"], f["baseline"]) for d in r.json()["documents"] for f in d["findings"]]
    check(states and all(s == "unchanged" for _, s in states), f"baseline states {states}")
    check(r.json()["baseline"] == {"stale": []}, f"baseline member {r.json().get('baseline')}")

    # A new finding is reported and fails the gate; the old one stays accepted.
    write("bl/pages/biden.json", biden_with(
        "Menteri Luar Negeri Indonesia bertemu dengan Joe Biden dan Kamala Harris di Jakarta pada Rabu "
        "untuk membahas kerja sama keamanan maritim di Laut Natuna Utara."))
    r = expect(run(["--format", "json", "--baseline", "base.json", "pages"], cwd="bl"), 1, "a new name")
    pair = [d for d in r.json()["documents"] if d["id"] == "pair-id-joe-biden"][0]
    states = sorted((f["evidence"].get("name"), f["baseline"]) for f in pair["findings"]
                    if f["rule"] == "unsupported-entity")
    check(states == [("Joe Biden", "unchanged"), ("Kamala Harris", "new")], f"states {states}")
    r = expect(run(["--baseline", "base.json", "pages"], cwd="bl"), 1)
    check("Kamala Harris" in r.text() and "\"Joe Biden\" appears" not in r.text(), f"text report; {r}")
    sarif = run(["--format", "sarif", "--baseline", "base.json", "pages"], cwd="bl").json()["runs"][0]["results"]
    check(sorted(x["baselineState"] for x in sarif) == ["new", "unchanged", "unchanged", "unchanged"],
          f"SARIF baselineState {[x.get('baselineState') for x in sarif]}")
    page = run(["--format", "html", "--baseline", "base.json", "pages"], cwd="bl").out.decode("utf-8")
    check(page.count(">in the baseline</span>") == 3 and page.count('class="verdict fail"') == 1,
          "HTML: three known findings marked, one document failing on the new one")
    gh = run(["--format", "github", "--baseline", "base.json", "pages"], cwd="bl")
    check(gh.out.count(b"::") == 2 and b"Kamala" in gh.out, f"github shows baseline findings; {gh}")

    # A fixed finding is stale: on stderr and in the JSON report, not in the gate.
    write("bl/pages/seed.txt", edited.replace("\n\nKeluaran SDY", "\n"))
    write("bl/pages/biden.json", read(BIDEN))
    r = expect(run(["--format", "json", "--baseline", "base.json", "pages"], cwd="bl"), 0, "fixed")
    stale = r.json()["baseline"]["stale"]
    check([(s["id"], s["rule"], s.get("text")) for s in stale] ==
          [("pages/seed.txt", "extraneous-content", "Keluaran SDY")], f"stale {stale}")
    lines = r.err_lines()
    check(len(lines) == 1 and "base.json" in lines[0] and "extraneous-content" in lines[0]
          and "pages/seed.txt" in lines[0], f"stale entry on stderr; {r}")
    # SARIF: the stale entry is a result whose baselineState is "absent".
    log = run(["--format", "sarif", "--baseline", "base.json", "pages"], cwd="bl").json()
    sarif_valid(log)
    absent = [x for x in log["runs"][0]["results"] if x.get("baselineState") == "absent"]
    check(len(absent) == 1 and absent[0]["ruleId"] == "extraneous-content"
          and absent[0]["partialFingerprints"]["sumcheck/v1"] == stale[0]["fingerprint"]
          and absent[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "pages/seed.txt"
          and absent[0]["level"] == "none",
          f"SARIF absent results {absent}")
    check(log["runs"][0]["results"][-1] is absent[0] or log["runs"][0]["results"][-1] == absent[0],
          "absent results come after the run's own")
    # HTML: every document passes, stale entries listed at the end.
    page = run(["--format", "html", "--baseline", "base.json", "pages"], cwd="bl").out.decode("utf-8")
    check("Baseline entries no longer found (1)" in page and 'class="verdict fail"' not in page,
          "HTML: no stale section, or a document fails on known findings")
    # A run over one document leaves the other documents' entries alone.
    r = expect(run(["--baseline", "base.json", "pages/biden.json"], cwd="bl"), 0)
    check(r.err == b"", f"entries of unchecked documents called stale; {r}")
    # Baseline from the config file, relative to it.
    config("bl/sumcheck.json", {"baseline": "base.json"})
    os.makedirs(os.path.join(WORK, "bl/deeper"), exist_ok=True)
    r = expect(run(["../pages/biden.json"], cwd="bl/deeper"), 0, "config baseline")


@case
def bad_baseline_files():
    write("bb/page.txt", read(SEED))
    for text, patterns in (("{", ["invalid JSON"]),
                           ('{"findings": 3}', [r"\$\.findings"]),
                           ('{"findings": [{"rule": "misquote", "id": "x"}]}', [r"\$\.findings\[0\]\.fingerprint"]),
                           ('{"findings": [{"fingerprint": "XYZ", "rule": "misquote", "id": "x"}]}',
                            [r"\$\.findings\[0\]\.fingerprint", "hex"]),
                           ('{"baseline_version": 7, "findings": []}', [r"\$\.baseline_version"])):
        write("bb/base.json", text)
        line = expect_one_error_line(run(["--baseline", "base.json", "page.txt"], cwd="bb"), "base.json")
        for p in patterns:
            check(re.search(p, line), f"baseline {text!r}: stderr does not match /{p}/: {line!r}")
    expect_one_error_line(run(["--baseline", "none.json", "page.txt"], cwd="bb"), "none.json")
    # An empty baseline: everything is new.
    write("bb/base.json", '{"baseline_version": 1, "findings": []}')
    doc = only_doc(expect(run(["--format", "json", "--baseline", "base.json", "page.txt"], cwd="bb"), 1))
    check(all(f["baseline"] == "new" for f in doc["findings"]), f"{doc['findings']}")


# ---------------------------------------------------------------- --list-rules, --explain


@case
def list_rules():
    r = expect(run(["--list-rules"]), 0)
    check(r.err == b"", f"stderr; {r}")
    lines = r.text().splitlines()
    check([l.split()[0] for l in lines] == RULES, f"rule ids {[l.split()[0] for l in lines]}")
    defaults = {"missing-summary": "warning", "weekday-mismatch": "warning", "extraneous-content": "warning",
                "unsupported-relation": "warning"}
    for line in lines:
        parts = line.split(None, 2)
        check(len(parts) == 3 and parts[1] == defaults.get(parts[0], "error") and len(parts[2]) > 10,
              f"line {line!r}")


def reported_evidence_keys():
    """Evidence keys per rule in the golden JSON reports of the fixtures."""
    keys = {}
    reports = os.path.join(ROOT, "reports")
    for name in sorted(os.listdir(reports)) if os.path.isdir(reports) else []:
        if not name.endswith(".json"):
            continue
        with open(os.path.join(reports, name), encoding="utf-8") as f:
            for doc in json.load(f).get("documents", []):
                for finding in doc.get("findings", []):
                    keys.setdefault(finding["rule"], set()).update(finding["evidence"])
    return keys


@case
def explain_every_rule():
    evidence = reported_evidence_keys()
    for rule in RULES:
        r = expect(run(["--explain", rule]), 0)
        text = r.text()
        check(text.startswith(rule), f"--explain {rule} does not start with the id; {r}")
        for part in ("Example", "How to fix", "Evidence"):
            check(part in text, f"--explain {rule} lacks {part!r}; {r}")
        for key in evidence.get(rule, ()):
            check(key in text, f"--explain {rule} does not document the evidence key {key!r}")
    text = run(["--explain", "page-date-mismatch"]).text()
    for key in ("page_date", "expression", "candidate_years", "inferred_date", "days_apart"):
        check(key in text, f"page-date-mismatch doc lacks {key}")
    expect_one_error_line(run(["--explain", "no-such-rule"]), "no-such-rule")
    expect_one_error_line(run(["--explain"]), "--explain")


@case
def sarif_rules_carry_their_docs():
    sarif = run(["--format", "sarif", SEED]).json()
    for rule in sarif["runs"][0]["tool"]["driver"]["rules"]:
        check("How to fix" in rule["help"]["text"], f"SARIF help of {rule['id']} lacks the doc")


# ---------------------------------------------------------------- --summary/--source


@case
def summary_and_source_files():
    write("two/summary.txt", "The council approved a bridge costing 9 million crowns.\n")
    write("two/article.txt", ARTICLE + "\n")
    write("two/good.txt", GOOD_SUMMARY + "\n")
    r = expect(run(["--format", "json", "--summary", "two/summary.txt", "--source", "two/article.txt"]), 1)
    doc = only_doc(r)
    check(doc["id"] == "two/summary.txt", f"id {doc['id']}")
    nm = [f for f in doc["findings"] if f["rule"] == "number-mismatch"]
    check(nm and nm[0]["summary_span"]["field"] == "summary", f"number-mismatch {doc['findings']}")
    sp = nm[0]["summary_span"]
    check(read("two/summary.txt")[sp["start"]:sp["end"]] == b"9 million", f"span {sp}")
    check(nm[0]["source_span"]["field"] == "source", f"{nm[0]}")
    expect(run(["--summary", "two/good.txt", "--source", "two/article.txt"]), 0)
    expect(run(["--summary=two/summary.txt", "--source=two/article.txt", "--fail-on", "never"]), 0)
    expect_one_error_line(run(["--summary", "two/summary.txt"]), "--source")
    expect_one_error_line(run(["--source", "two/article.txt"]), "--summary")
    write("two/bad.txt", b"caf\xe9 au lait\n")
    line = expect_one_error_line(run(["--summary", "two/summary.txt", "--source", "two/bad.txt"]), "two/bad.txt")
    check("UTF-8" in line and "byte 3" in line, f"{line}")
    expect_one_error_line(run(["--summary", "two/none.txt", "--source", "two/article.txt"]), "two/none.txt")
    write("two/blank.txt", "  \n")
    expect_one_error_line(run(["--summary", "two/summary.txt", "--source", "two/blank.txt"]), "two/blank.txt")
    # The pair goes to every report, with its error record when unreadable.
    r = expect(run(["--format", "json", "--summary", "two/summary.txt", "--source", "two/none.txt"]), 2)
    check(r.json()["documents"][0].get("error"), f"no error record; {r}")


# ---------------------------------------------------------------- directories


@case
def directories_walked_sorted_with_include_exclude():
    pair = json.dumps({"source": ARTICLE, "summary": GOOD_SUMMARY})
    for name in ("tree/b.json", "tree/a/z.txt", "tree/a/y.html", "tree/A.jsonl", "tree/c/d/e.json",
                 "tree/.hidden/h.json", "tree/notes.md", "tree/.dot.json", "tree/c/skip.txt"):
        data = read(SEED) if name.endswith(".txt") else (
            "<html><body><p>x</p></body></html>" if name.endswith(".html") else pair)
        write(name, data)
    def ids(args):
        r = run(["--format", "jsonl", "--fail-on", "never"] + args)
        return r, [json.loads(l)["id"] for l in r.text().splitlines()]

    r, got = ids(["tree"])
    want_files = ["tree/A.jsonl", "tree/a/y.html", "tree/a/z.txt", "tree/b.json", "tree/c/d/e.json",
                  "tree/c/skip.txt"]
    # jsonl rows are named line:N, pairs without id by their path
    check(len(got) == len(want_files), f"expected {len(want_files)} documents, got {got}; {r}")
    check(got[0] == "line:1" and got[1:] == want_files[1:], f"order {got}")
    r, got = ids(["--exclude", "*.html", "--exclude", "c/*", "tree"])
    check(got == ["line:1", "tree/a/z.txt", "tree/b.json"], f"--exclude: {got}")
    r, got = ids(["--include", "*.txt", "tree/"])
    check(got == ["tree/a/z.txt", "tree/c/skip.txt"], f"--include: {got}")
    r, got = ids(["--include", "c/*", "--exclude", "skip.*", "tree"])
    check(got == ["tree/c/d/e.json"], f"--include c/* --exclude skip.*: {got}")
    # Files named on the command line are taken whatever the globs say.
    r, got = ids(["--exclude", "*.json", "tree/b.json"])
    check(got == ["tree/b.json"], f"an explicit file: {got}")
    # A directory with nothing to check is an input that could not be read.
    os.makedirs(os.path.join(WORK, "tree/empty/sub"), exist_ok=True)
    write("tree/empty/sub/readme.md", "# nothing\n")
    r = run(["tree/empty"])
    expect_one_error_line(r, "tree/empty", "no files")
    r = expect(run(["--format", "json", "--include", "*.nothing", "tree", SEED]), 2)
    docs = r.json()["documents"]
    check(docs[0].get("id") == "tree" and docs[0].get("error") and docs[1]["id"] == SEED,
          f"error record then the seed: {docs}")
    # config include/exclude
    config("tree/sumcheck.json", {"exclude": ["*.html", "c"], "include": ["*.txt", "*.html"]})
    r = run(["--format", "jsonl", "--fail-on", "never", "."], cwd="tree")
    got = [json.loads(l)["id"] for l in r.text().splitlines()]
    check(got == ["./a/z.txt", "./c/skip.txt"], f"config globs: {got}; {r}")


# ---------------------------------------------------------------- help, man page, docs


def help_options():
    text = run(["--help"]).text()
    return sorted(set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", text)))


@case
def help_mentions_the_gate_options():
    opts = help_options()
    for opt in ("--fail-on", "--min-severity", "--min-support", "--disable", "--severity", "--config",
                "--no-config", "--print-config", "--baseline", "--write-baseline", "--list-rules",
                "--explain", "--summary", "--source", "--include", "--exclude"):
        check(opt in opts, f"--help does not mention {opt}")
    text = run(["--help"]).text()
    for var in ("SUMCHECK_FAIL_ON", "SUMCHECK_FORMAT", "SUMCHECK_MIN_SEVERITY", "SUMCHECK_CONFIG"):
        check(var in text, f"--help does not mention {var}")


MAN = os.path.join(ROOT, "man", "sumcheck.1")


@case
def man_page_renders_without_warnings():
    check(os.path.exists(MAN), "man/sumcheck.1 is missing")
    groff = shutil.which("groff")
    if groff is None:
        raise Skip("groff is not installed")
    p = subprocess.run([groff, "-man", "-Tutf8", "-ww", "-z", MAN], capture_output=True, text=True,
                       timeout=RUN_TIMEOUT)
    check(p.returncode == 0 and p.stderr == "", f"groff warns: {p.stderr!r}")
    if shutil.which("man"):
        p = subprocess.run(["man", "--warnings", "-l", MAN], capture_output=True, text=True,
                           timeout=RUN_TIMEOUT, env=dict(BASE_ENV, MANWIDTH="80", MANPAGER="cat", PAGER="cat"))
        check(p.returncode == 0 and p.stderr.strip() == "", f"man -l warns: {p.stderr!r}")
        check("EXIT STATUS" in p.stdout, "man -l output lacks EXIT STATUS")


@case
def man_page_documents_every_option():
    with open(MAN, encoding="utf-8") as f:
        text = f.read().replace("\\-", "-")
    for opt in help_options():
        check(opt in text, f"man/sumcheck.1 does not document {opt}")
    for part in (".SH EXIT STATUS", ".SH ENVIRONMENT", ".SH FILES", ".SH EXAMPLES", "SUMCHECK_CONFIG",
                 "sumcheck.json"):
        check(part in text, f"man/sumcheck.1 lacks {part}")


def ci_blocks():
    with open(os.path.join(ROOT, "docs", "ci.md"), encoding="utf-8") as f:
        text = f.read()
    return re.findall(r"```yaml\n(.*?)```", text, re.S)


@case
def ci_examples_run():
    """The GitHub and GitLab jobs of docs/ci.md: valid YAML (when PyYAML is
    there), upload-sarif and a JUnit report, and their sumcheck commands
    run here over a folder of pages with the gate's exit code."""
    blocks = ci_blocks()
    check(len(blocks) == 2, f"expected two YAML blocks in docs/ci.md, got {len(blocks)}")
    try:
        import yaml
    except ImportError:
        raise Skip("PyYAML is not installed")
    github, gitlab = (yaml.safe_load(b) for b in blocks)
    steps = github["jobs"]["gate"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    check(any(u.startswith("github/codeql-action/upload-sarif@") for u in uses), f"no upload-sarif: {uses}")
    gate = [s for s in steps if s.get("id") == "gate"][0]
    job = gitlab["sumcheck"]
    check(job["artifacts"]["reports"]["junit"] == "sumcheck-junit.xml", f"{job['artifacts']}")
    for opt in re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", gate["run"] + "\n".join(job["script"])):
        check(opt in help_options(), f"docs/ci.md uses {opt}, which --help does not list")
    for expect_rc, pages in ((1, [SEED]), (0, [])):
        folder = os.path.join(WORK, f"ci-{expect_rc}")
        os.makedirs(os.path.join(folder, "pages"), exist_ok=True)
        for p in pages:
            shutil.copy(os.path.join(WORK, p), os.path.join(folder, "pages", "page.txt"))
        if not pages:
            with open(os.path.join(folder, "pages", "good.json"), "w") as f:
                json.dump({"source": ARTICLE, "summary": GOOD_SUMMARY}, f)
        out = os.path.join(folder, "github-output")
        env = dict(BASE_ENV, SUMCHECK=BIN, GITHUB_OUTPUT=out)
        p = subprocess.run(["bash", "-e", "-c", gate["run"]], cwd=folder, env=env, capture_output=True,
                           timeout=RUN_TIMEOUT)
        check(p.returncode == 0, f"the GitHub gate step failed itself: {p.stderr!r}")
        with open(out) as f:
            check(f"status={expect_rc}" in f.read(), f"GitHub step output for exit {expect_rc}")
        with open(os.path.join(folder, "sumcheck.sarif")) as f:
            results = json.load(f)["runs"][0]["results"]
        check(bool(results) == bool(expect_rc), f"SARIF results {len(results)} for exit {expect_rc}")
        p = subprocess.run(["sh", "-e", "-c", "\n".join(job["script"])], cwd=folder,
                           env=dict(BASE_ENV, SUMCHECK=BIN), capture_output=True, timeout=RUN_TIMEOUT)
        check(p.returncode == expect_rc, f"GitLab script exit {p.returncode}, expected {expect_rc}")
        check(os.path.getsize(os.path.join(folder, "sumcheck-junit.xml")) > 0, "no JUnit report")


# ---------------------------------------------------------------- main


def main():
    global BIN, WORK, BASE_ENV
    if len(sys.argv) != 2:
        print("usage: test_gate.py SUMCHECK_BINARY", file=sys.stderr)
        return 2
    BIN = os.path.abspath(sys.argv[1])
    BASE_ENV = {k: v for k, v in os.environ.items() if not k.startswith("SUMCHECK_")}
    BASE_ENV["NO_COLOR"] = "1"
    WORK = tempfile.mkdtemp(prefix="sumcheck-gate-")
    # A sumcheck.json above the work directory would be read by every run.
    d = WORK
    while d != os.path.dirname(d):
        d = os.path.dirname(d)
        if os.path.exists(os.path.join(d, "sumcheck.json")):
            print(f"FAIL setup: {d}/sumcheck.json would be read by every run; move it away")
            print("RESULT passed=0 failed=1 skipped=0")
            return 1
    try:
        write(SEED, open(os.path.join(ROOT, "fixtures", "seed-rappler-id", "page.txt"), "rb").read())
        write(BIDEN, open(os.path.join(ROOT, "fixtures", "pair-id-joe-biden", "pair.json"), "rb").read())
        passed, failed, skipped = run_cases(CASES)
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
    return result(passed, failed, skipped)


if __name__ == "__main__":
    sys.exit(main())
