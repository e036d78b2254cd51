#!/usr/bin/env python3
"""The bad-input corpus: inputs a crawler, an editor or an attacker may hand
sumcheck, each with the exit code and the message README.md ("Bad input")
documents for it.  Nothing here may crash, hang or print more than the one
line per unreadable input that DESIGN.md asks for; readable documents of the
same run are still reported.

The corpus is made at run time in a temporary directory (the 100 MB inputs
are not worth keeping in the repository).  Usage:
    test_bad_inputs.py SUMCHECK_BINARY
Prints one PASS/FAIL line per case and a RESULT line.  Standard library only.
"""
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading

from pyharness import Skip, check, run_cases, result, short

RUN_TIMEOUT = 120
BIG = 100 * 1024 * 1024  # the "100 MB line", above the 64 MiB input limit

ARTICLE = ("The council approved a new bridge over the river on Monday. Work will start in May "
           "and cost 12 million dollars. The mayor said the bridge would open in two years.")

BIN = None
WORK = None


def path(name):
    return os.path.join(WORK, name)


def write(name, data):
    with open(path(name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return name


def pair(**fields):
    return json.dumps(fields, ensure_ascii=False)


def run(args, stdin=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUMCHECK_")}
    p = subprocess.run([BIN, "--no-config", "--format", "jsonl"] + args, cwd=WORK, env=env,
                       input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=RUN_TIMEOUT)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def documents(out):
    return [json.loads(line) for line in out.decode("utf-8").splitlines() if line.strip()]


def unreadable(name, message, data=None, stdin=None):
    """An input that cannot be read: exit 2, one stderr line naming it and
    saying why (the regex message), its JSON Lines record an error."""
    if data is not None:
        write(name, data)
    rc, out, err = run([name], stdin=stdin)
    check(rc == 2, f"{name}: exit {rc}, expected 2; stderr {short(err)}")
    lines = err.splitlines()
    check(len(lines) == 1, f"{name}: expected one stderr line: {short(err, 600)}")
    check(lines[0].startswith(f"sumcheck: {name}"), f"{name}: stderr does not name it: {short(err)}")
    check(re.search(message, lines[0]), f"{name}: stderr does not match /{message}/: {short(err)}")
    docs = documents(out)
    check(len(docs) == 1 and "error" in docs[0], f"{name}: expected one error record: {short(out)}")


def checked(name, data, rules, exit_code):
    """An odd input that is still a document: checked, with exactly the
    rules listed among its findings, quiet stderr."""
    write(name, data)
    rc, out, err = run([name])
    check(rc == exit_code, f"{name}: exit {rc}, expected {exit_code}; stderr {short(err)}")
    check(err == "", f"{name}: stderr should be quiet: {short(err)}")
    docs = documents(out)
    check(len(docs) == 1 and "error" not in docs[0], f"{name}: expected one checked record")
    got = sorted({f["rule"] for f in docs[0]["findings"]})
    check(got == sorted(rules), f"{name}: rules {got}, expected {sorted(rules)}")
    return docs[0]


# --- bytes that are not UTF-8 text ----------------------------------------------

def binary_page():
    unreadable("binary.txt", r"NUL byte: binary data, not page text \(line 1, column 1, byte 0\)",
               bytes(range(256)) * 4)


def nul_byte_in_page():
    unreadable("nul.txt", r"NUL byte: .*\(line 2, column 7, byte 23\)",
               b"Fine first line.\nA NUL \x00 here.\n")


def invalid_utf8_page():
    unreadable("latin1.txt", r"invalid UTF-8: the page must be UTF-8 text \(line 1, column 2, byte 1\)",
               "Héllo world.\nMore text here.\n".encode("latin-1"))


def overlong_utf8_page():
    # "\xc0\xaf" is an overlong "/": a decoder that accepts it lets a
    # filtered character through.
    unreadable("overlong.txt", r"invalid UTF-8: .*\(line 2, column 9, byte 25\)",
               b"Fine first line.\nA slash \xc0\xaf here.\n")


def utf16_page():
    unreadable("utf16le.txt", r"UTF-16 text \(it starts with a UTF-16 byte-order mark\): the page "
               r"must be UTF-8 text \(line 1, column 1, byte 0\)", b"\xff\xfe" + "Hello world.".encode("utf-16-le"))
    unreadable("utf16be.txt", r"UTF-16 text", b"\xfe\xff" + "Hello world.".encode("utf-16-be"))


def empty_page():
    unreadable("empty.txt", r"the input is empty \(byte 0\)", b"")


# --- too big -----------------------------------------------------------------

def hundred_mb_line():
    unreadable("big.txt", r"larger than the 64 MiB input limit", b"a" * BIG)


def hundred_mb_on_stdin():
    unreadable("-", r"larger than the 64 MiB input limit", stdin=b"a" * BIG)


def hundred_mb_line_in_json_lines():
    # The long line is reported; the lines around it are checked.
    ok = pair(id="ok", source=ARTICLE, summary="The council approved a new bridge over the river.")
    name = write("bigline.jsonl", ok + "\n" + '{"id": "big", "source": "' + "a" * BIG +
                 '", "summary": "x"}\n' + ok.replace('"ok"', '"ok2"') + "\n")
    rc, out, err = run([name])
    check(rc == 2, f"exit {rc}, expected 2")
    check(re.fullmatch(r"sumcheck: bigline\.jsonl:2: input larger than the 64 MiB limit\n", err),
          f"stderr {short(err)}")
    docs = documents(out)
    check([d.get("id") for d in docs] == ["ok", "line:2", "ok2"] and "error" in docs[1] and
          "error" not in docs[0] and "error" not in docs[2], f"records {short(out, 600)}")


def gigabyte_line_in_bounded_memory():
    # A JSON Lines line is kept only to one byte past the input limit: a
    # 1 GiB line, streamed on stdin to a process limited to 768 MiB of
    # address space, is refused by its length and the next line is checked
    # (getline read it whole, ran out of memory and ended the stream as if
    # at its end: exit 0, the line and every line after it lost unsaid).
    with open(BIN, "rb") as f:
        if b"__asan_init" in f.read():
            raise Skip("a sanitizer build reserves more address space than the limit")
    limit = 768 * 1024 * 1024
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUMCHECK_")}
    proc = subprocess.Popen(
        [BIN, "--no-config", "--format", "jsonl", "--input-format", "jsonl", "-"], cwd=WORK,
        env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)))

    def feed():
        try:
            proc.stdin.write(b'{"id": "big", "source": "')
            chunk = b"a" * (1 << 20)
            for _ in range(1024):
                proc.stdin.write(chunk)
            proc.stdin.write(b'", "summary": "x"}\n')
            proc.stdin.write(pair(id="ok", source=ARTICLE,
                                  summary="The council approved a new bridge.").encode() + b"\n")
        except BrokenPipeError:
            pass
        finally:
            proc.stdin.close()

    writer = threading.Thread(target=feed)
    writer.start()
    out = proc.stdout.read()
    err = proc.stderr.read().decode("utf-8", "replace")
    rc = proc.wait(timeout=RUN_TIMEOUT)
    writer.join()
    check(rc == 2, f"exit {rc}, expected 2; stderr {short(err)}")
    check(re.fullmatch(r"sumcheck: -:1: input larger than the 64 MiB limit\n", err),
          f"stderr {short(err)}")
    docs = documents(out)
    check([d.get("id") for d in docs] == ["line:1", "ok"] and "error" in docs[0] and
          "error" not in docs[1], f"records {short(out, 600)}")


# --- structure -----------------------------------------------------------------

def json_wrong_types():
    unreadable("number.json", r"expected a string at \$\.summary",
               pair(source=ARTICLE, summary=5))
    unreadable("array.json", r"expected a JSON object at \$", "[1, 2]")


def json_nul_in_string():
    unreadable("nul.json", r"string contains a NUL character at \$\.summary",
               pair(source=ARTICLE, summary="The council\u0000 approved a bridge."))


def json_nested_too_deep():
    unreadable("deep.json", r"maximum parsing depth reached", "[" * 100000 + "]" * 100000)


def json_lines_bad_lines():
    name = write("bad.jsonl", b'{"source": "a b c.", "summary": "a b c."}\n{not json}\n[1,2]\n'
                 b'{"source": 1, "summary": "x"}\n')
    rc, out, err = run([name])
    check(rc == 2, f"exit {rc}")
    lines = err.splitlines()
    check(len(lines) == 3 and "bad.jsonl:2: invalid JSON" in lines[0] and
          "bad.jsonl:3: expected a JSON object at $" in lines[1] and
          "bad.jsonl:4: expected a string at $.source" in lines[2], f"stderr {short(err, 600)}")
    check(len(documents(out)) == 4, f"expected four records: {short(out)}")


def html_nested_10000_deep():
    unreadable("deep.html", r"HTML elements nested deeper than the 2000-level limit",
               "<html><body>" + "<div>" * 10000 + "text" + "</div>" * 10000 + "</body></html>")


def html_broken_markup():
    # Unclosed and misnested tags and control bytes are read as a browser
    # would: a page with no summary block, checked, no finding.
    checked("broken.html", b"<html><body><p>unclosed <b><i>tags <div><table><tr><td>cell</p>"
            b"</body>" + bytes(range(1, 9)), [], 0)


# --- odd documents that are still documents -------------------------------------

def unclosed_quote_in_summary():
    checked("unclosed.json",
            pair(source=ARTICLE, summary='The mayor said "the bridge would open in two years.'), [], 0)


def empty_summary():
    doc = checked("empty-summary.json", pair(source=ARTICLE, summary=""), ["missing-summary"], 0)
    check(doc["findings"][0]["severity"] == "warning", "missing-summary should be a warning")


def summary_longer_than_article():
    checked("longer.json", pair(source="The council approved a new bridge.",
                                summary=ARTICLE + " " + ARTICLE),
            ["date-mismatch", "number-mismatch", "unsupported-claim"], 1)


CASES = [
    binary_page,
    nul_byte_in_page,
    invalid_utf8_page,
    overlong_utf8_page,
    utf16_page,
    empty_page,
    hundred_mb_line,
    hundred_mb_on_stdin,
    hundred_mb_line_in_json_lines,
    gigabyte_line_in_bounded_memory,
    json_wrong_types,
    json_nul_in_string,
    json_nested_too_deep,
    json_lines_bad_lines,
    html_nested_10000_deep,
    html_broken_markup,
    unclosed_quote_in_summary,
    empty_summary,
    summary_longer_than_article,
]


def main():
    global BIN, WORK
    if len(sys.argv) != 2:
        print("usage: test_bad_inputs.py SUMCHECK_BINARY", file=sys.stderr)
        return 2
    BIN = os.path.abspath(sys.argv[1])
    WORK = tempfile.mkdtemp(prefix="sumcheck-bad-")
    try:
        passed, failed, skipped = run_cases(CASES)
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
    return result(passed, failed, skipped)


if __name__ == "__main__":
    sys.exit(main())
