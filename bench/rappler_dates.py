#!/usr/bin/env python3
"""Measure the page-date-mismatch rule on real Rappler articles, with true and shifted page dates.

Usage:
    bench/rappler_dates.py [--sumcheck PATH] [--csv PATH] [--show N] [--keep DIR]
                           [--json FILE] [--batch N] [--timeout SECONDS] [--strict]

The bars (from the issue): with the real page date, page-date-mismatch must fire on at most
1% of the pages; with the page date moved three years on, it must fire on at least 95% of the
pages whose text names a weekday with a day and month.

What the script does:
  1. Reads the CSV (default <repo>/../shared/bench/rappler/chiron_scraped_data.csv, where
     <repo> is the parent of this script's directory; columns link, title, content, author,
     date). The CSV is third-party text: it is read at run time only, and the pages built from
     it are written to a temporary directory (or --keep DIR), never inside the project.
  2. For every row builds a scraped page, laid out like a Rappler page:
         "• " + the row's date exactly as given (e.g. "Jun 28, 2021 8:10 PM PHT")
         blank line, title, blank line, title again, blank line,
         the disclaimer "This is AI generated summarization, which may have errors. For
         context, always refer to the full article.", blank line,
         a one-sentence summary: the first sentence of the body (its first paragraph cut
         after the first ". " that is followed by a capital letter, not counting a period
         after an initial or a title such as "W." or "Dr."; the whole paragraph when there
         is no such cut), kept verbatim, blank line,
         the body's non-empty lines, one paragraph each, separated by blank lines, with
         " – Rappler.com" appended to the last one.
     and a second page with the date moved three years later (same month, day and time,
     year + 3; Feb 29 becomes Feb 28).
  3. Runs  <sumcheck> --format jsonl --fail-on never FILE...  in batches of --batch files
     (default 100) and matches output lines to files by their "id" (the path as given on
     the command line; absolute paths are passed). When a batch dies or leaves files without
     a record, those files are rerun one by one; a file still without a record counts as
     not read.
  4. Decides which bodies name a weekday with a day and month with its own regular
     expression: an English weekday name (full, or abbreviated with a period: "Wed.",
     "Thurs.") followed within a few characters (spaces, commas, an opening parenthesis,
     a dash) by a month name (full or abbreviated) and a day number, or a day then a month:
     "on Monday, June 28", "Tuesday (June 29)", "Wed., Dec. 15", "Friday, 2 July".
     These pages are the denominator n of the shifted-run bar.

It prints, for the real and the shifted run:
  - rows, pages built, pages read ok (a record without "error"), page date parsed
    (page_date.value equals the page's date as YYYY-MM-DD);
  - page-date-mismatch on all pages (real run: the false-positive rate, bar <= 1%);
  - page-date-mismatch on the weekday-day-month pages (shifted run: bar >= 95%) and on
    all pages;
  - inferred_date accuracy: of the pages with an inferred_date, how many equal the page
    date or lie 0-7 days before it (real run; for the shifted run the same against the
    row's real date, i.e. whether the inferred date recovers the true date);
  - PASS/FAIL for each bar.
Pages without a usable record count as "no finding" in the rates; a warning says how many.

Options:
  --sumcheck PATH   binary to run (default <repo>/build/sumcheck)
  --csv PATH        the Rappler CSV (default <repo>/../shared/bench/rappler/chiron_scraped_data.csv)
  --show N          print up to N false positives (real run: pages with the finding) and up
                    to N misses (shifted run: weekday pages without it), each with the first
                    200 characters of the body, the weekday mentions found and the findings'
                    messages
  --keep DIR        write the pages to DIR/real/ and DIR/shifted/ and keep them (DIR must be
                    outside the project); default: a temporary directory, removed at the end
  --json FILE       also write the figures as JSON to FILE
  --batch N         files per sumcheck invocation (default 100)
  --timeout S       kill one sumcheck invocation after S seconds (default 600)
  --strict          exit 1 when a bar fails or some page has no usable record

Exit status: 0 the run completed (whatever the figures; they speak for themselves); 1 with
--strict only, when a bar failed or some page was not read; 2 the binary or the CSV is
missing or unreadable, or bad arguments.
"""

import argparse
import calendar
import csv
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SUMCHECK = os.path.join(REPO, "build", "sumcheck")
DEFAULT_CSV = os.path.normpath(
    os.path.join(REPO, "..", "shared", "bench", "rappler", "chiron_scraped_data.csv"))

RULE = "page-date-mismatch"
DISCLAIMER = ("This is AI generated summarization, which may have errors. "
              "For context, always refer to the full article.")
CREDIT = " \u2013 Rappler.com"
REAL_BAR = 1.0       # percent, at most
SHIFTED_BAR = 95.0   # percent, at least
SHIFT_YEARS = 3
INFER_WINDOW_DAYS = 7

MONTHS = {}
for _i in range(1, 13):
    MONTHS[calendar.month_name[_i].lower()] = _i
    MONTHS[calendar.month_abbr[_i].lower()] = _i
MONTHS["sept"] = 9

WEEKDAYS = {}
for _i in range(7):
    WEEKDAYS[calendar.day_name[_i].lower()] = _i
for _abbr, _i in (("mon", 0), ("tue", 1), ("tues", 1), ("wed", 2), ("thu", 3), ("thur", 3),
                  ("thurs", 3), ("fri", 4), ("sat", 5), ("sun", 6)):
    WEEKDAYS[_abbr] = _i

# A weekday (full name, or abbreviated with a period), then within a few characters a
# month and a day ("Monday, June 28", "Tuesday (June 29)", "Wed., Dec. 15") or a day and a
# month ("Friday, 2 July"). Capitalised names only, so "may" and "sun" stay words.
_WD = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
       r"|Mon\.|Tues?\.|Wed\.|Thu(?:rs?)?\.|Fri\.|Sat\.|Sun\.)")
_MO = (r"(?:January|February|March|April|May|June|July|August|September|October|November"
       r"|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?"
       r"|Dec\.?)")
WEEKDAY_DATE = re.compile(
    r"\b(?P<wd>%s)(?!\w)[\s,(\[\u2013\u2014-]{1,4}"
    r"(?:(?P<m1>%s)(?!\w)\s{0,2}(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?!\d)"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s{1,2}(?P<m2>%s)(?!\w))" % (_WD, _MO, _MO))

ROW_DATE = re.compile(r"^\s*(?P<mon>[A-Za-z]+)\.?\s+(?P<day>\d{1,2}),\s*(?P<year>\d{4})(?P<rest>.*)$",
                      re.S)


def weekday_mentions(text):
    """(matched text, weekday 0=Mon, month, day) for every weekday-day-month mention whose
    day exists in that month in some year."""
    out = []
    for m in WEEKDAY_DATE.finditer(text):
        wd = WEEKDAYS.get(m.group("wd").rstrip(".").lower())
        mon = MONTHS.get((m.group("m1") or m.group("m2")).rstrip(".").lower())
        day = int(m.group("d1") or m.group("d2"))
        if wd is None or mon is None or not 1 <= day <= (29 if mon == 2 else
                                                          calendar.monthrange(2001, mon)[1]):
            continue
        out.append((m.group(0), wd, mon, day))
    return out


def parse_row_date(s):
    """'Jun 28, 2021 8:10 PM PHT' -> (datetime.date, match) or None."""
    m = ROW_DATE.match(s or "")
    if not m:
        return None
    mon = MONTHS.get(m.group("mon").lower())
    if mon is None:
        return None
    try:
        return datetime.date(int(m.group("year")), mon, int(m.group("day"))), m
    except ValueError:
        return None


def shift_date_string(s, years):
    """The row's date string with the year moved on; Feb 29 becomes Feb 28. None if the
    string is not 'Mon D, YYYY ...'."""
    parsed = parse_row_date(s)
    if parsed is None:
        return None
    d, m = parsed
    day = d.day
    if d.month == 2 and day == 29 and not calendar.isleap(d.year + years):
        day = 28
    return (s[:m.start("day")] + str(day) + s[m.end("day"):m.start("year")]
            + str(d.year + years) + s[m.end("year"):])


def body_paragraphs(content):
    return [line.strip() for line in content.splitlines() if line.strip()]


# Words before a period that do not end a sentence ("Mr. Cruz", "George W. Bush").
NO_CUT_AFTER = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "sen", "rep", "gov", "gen",
                "prof", "lt", "col", "sgt", "capt", "atty", "fr", "no", "vs", "u.s", "u.k"}


def first_sentence(paragraph):
    """Cut after the first '. ' followed by a capital letter, verbatim; a period after an
    initial ("W.") or a title ("Dr.") is not a cut."""
    for m in re.finditer(r"\. ", paragraph):
        nxt = paragraph[m.end():m.end() + 1]
        if not (nxt and nxt.isupper()):
            continue
        word = paragraph[:m.start()].split()[-1:] or [""]
        word = word[0].lstrip("\"'(\u201c\u2018")
        if (len(word) == 1 and word.isupper()) or word.lower() in NO_CUT_AFTER:
            continue
        return paragraph[:m.start() + 1]
    return paragraph


def build_page(date_str, title, paragraphs):
    paras = list(paragraphs)
    if paras and not paras[-1].endswith("Rappler.com"):
        paras[-1] = paras[-1] + CREDIT
    summary = first_sentence(paras[0]) if paragraphs else ""
    title = " ".join(title.split())
    parts = ["\u2022 " + date_str, title, title, DISCLAIMER, summary] + paras
    return "\n\n".join(parts) + "\n"


def run_sumcheck(binary, files, timeout):
    """Run one invocation; return ({id: record}, problems)."""
    cmd = [binary, "--format", "jsonl", "--fail-on", "never"] + files
    problems = []
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=timeout)
    except subprocess.TimeoutExpired as e:
        problems.append("timed out after %ss on %d files" % (timeout, len(files)))
        out = e.stdout or b""
        rc = None
    else:
        out = proc.stdout
        rc = proc.returncode
        if rc < 0:
            problems.append("killed by signal %d on %d files" % (-rc, len(files)))
        elif rc not in (0, 2):
            err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
            problems.append("exit %d on %d files%s" % (rc, len(files),
                                                      (": " + err[-1]) if err else ""))
    records = {}
    given = set(files)
    for n, line in enumerate(out.decode("utf-8", "replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError:
            problems.append("unparseable output line %d: %.80s" % (n, line))
            continue
        rid = rec.get("id") if isinstance(rec, dict) else None
        if rid not in given:
            problems.append("output line %d has an unknown id %r" % (n, rid))
            continue
        if rid in records:
            problems.append("id %r reported twice" % rid)
            continue
        records[rid] = rec
    return records, problems


def run_all(binary, files, batch, timeout, label):
    records, problems = {}, []
    for i in range(0, len(files), batch):
        chunk = files[i:i + batch]
        got, probs = run_sumcheck(binary, chunk, timeout)
        records.update(got)
        problems.extend(probs)
        missing = [f for f in chunk if f not in got]
        if missing:
            problems.append("%d of %d files without a record; rerunning them one by one"
                            % (len(missing), len(chunk)))
            for f in missing:
                got1, probs1 = run_sumcheck(binary, [f], timeout)
                records.update(got1)
                problems.extend("%s: %s" % (os.path.basename(f), p) for p in probs1)
        print("  %s: %d/%d pages checked" % (label, min(i + batch, len(files)), len(files)),
              file=sys.stderr)
    return records, problems


def findings_of(rec, rule=None):
    if not rec or "error" in rec:
        return []
    fs = rec.get("findings") or []
    return [f for f in fs if isinstance(f, dict) and (rule is None or f.get("rule") == rule)]


def date_value(obj):
    if isinstance(obj, dict):
        v = obj.get("value")
        if isinstance(v, str):
            try:
                return datetime.date.fromisoformat(v[:10])
            except ValueError:
                return None
    return None


def pct(num, den):
    return 100.0 * num / den if den else None


def fmt_rate(num, den):
    p = pct(num, den)
    return "%d/%d (%s)" % (num, den, "n/a" if p is None else "%.1f%%" % p)


def inside(path, root):
    path, root = os.path.realpath(path), os.path.realpath(root)
    return path == root or path.startswith(root + os.sep)


def snippet(text, n=200):
    s = " ".join(text.split())
    return s[:n] + ("\u2026" if len(s) > n else "")


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="page-date-mismatch on real Rappler articles, real and shifted dates.",
        epilog="See the module docstring (head of this file) for what is measured.")
    ap.add_argument("--sumcheck", default=DEFAULT_SUMCHECK, metavar="PATH")
    ap.add_argument("--csv", default=DEFAULT_CSV, metavar="PATH")
    ap.add_argument("--show", type=int, default=0, metavar="N")
    ap.add_argument("--keep", metavar="DIR")
    ap.add_argument("--json", metavar="FILE")
    ap.add_argument("--batch", type=int, default=100, metavar="N")
    ap.add_argument("--timeout", type=float, default=600.0, metavar="S")
    ap.add_argument("--strict", action="store_true")
    args = ap.parse_args(argv)

    if args.batch < 1 or args.show < 0 or args.timeout <= 0:
        print("rappler_dates: --batch and --timeout must be positive, --show not negative",
              file=sys.stderr)
        return 2
    if not os.path.isfile(args.sumcheck) or not os.access(args.sumcheck, os.X_OK):
        print("rappler_dates: sumcheck binary not found or not executable: %s "
              "(build it, or pass --sumcheck PATH)" % args.sumcheck, file=sys.stderr)
        return 2
    if not os.path.isfile(args.csv):
        print("rappler_dates: CSV not found: %s (pass --csv PATH)" % args.csv, file=sys.stderr)
        return 2
    if args.keep and inside(args.keep, REPO):
        print("rappler_dates: --keep %s is inside the project; the pages are third-party "
              "text and must be kept outside it" % args.keep, file=sys.stderr)
        return 2
    binary = os.path.abspath(args.sumcheck)

    try:
        with open(args.csv, newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            cols = set(reader.fieldnames or [])
            rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        print("rappler_dates: cannot read %s: %s" % (args.csv, e), file=sys.stderr)
        return 2
    need = {"title", "content", "date"}
    if not need <= cols:
        print("rappler_dates: %s lacks column(s) %s" % (args.csv, ", ".join(sorted(need - cols))),
              file=sys.stderr)
        return 2

    if args.keep:
        workdir = os.path.abspath(args.keep)
        cleanup = False
    else:
        workdir = tempfile.mkdtemp(prefix="rappler_dates.")
        cleanup = True
    try:
        return measure(args, binary, rows, workdir)
    finally:
        if cleanup:
            shutil.rmtree(workdir, ignore_errors=True)


def measure(args, binary, rows, workdir):
    for sub in ("real", "shifted"):
        os.makedirs(os.path.join(workdir, sub), exist_ok=True)

    pages = []   # one dict per row
    for i, row in enumerate(rows, 1):
        date_str = (row.get("date") or "").strip()
        paras = body_paragraphs(row.get("content") or "")
        parsed = parse_row_date(date_str)
        p = {"row": i, "date": date_str, "real_date": parsed[0] if parsed else None,
             "body": "\n".join(paras), "mentions": weekday_mentions("\n".join(paras)),
             "real": None, "shifted": None, "shifted_str": None, "shifted_date": None}
        p["weekday"] = bool(p["mentions"])
        name = "row%04d.txt" % i
        p["real"] = os.path.join(workdir, "real", name)
        with open(p["real"], "w", encoding="utf-8") as fh:
            fh.write(build_page(date_str, row.get("title") or "", paras))
        shifted = shift_date_string(date_str, SHIFT_YEARS)
        if shifted is not None:
            p["shifted_str"] = shifted
            p["shifted_date"] = parse_row_date(shifted)[0]
            p["shifted"] = os.path.join(workdir, "shifted", name)
            with open(p["shifted"], "w", encoding="utf-8") as fh:
                fh.write(build_page(shifted, row.get("title") or "", paras))
        pages.append(p)

    print("rappler_dates: %d rows; pages in %s; running %s" % (len(rows), workdir, binary),
          file=sys.stderr)
    real_files = [p["real"] for p in pages]
    shifted_files = [p["shifted"] for p in pages if p["shifted"]]
    try:
        real_recs, real_probs = run_all(binary, real_files, args.batch, args.timeout, "real")
        sh_recs, sh_probs = run_all(binary, shifted_files, args.batch, args.timeout, "shifted")
    except OSError as e:
        print("rappler_dates: cannot run %s: %s" % (binary, e), file=sys.stderr)
        return 2

    def tally(kind, recs, expected_key, truth_key):
        built = [p for p in pages if p[kind]]
        t = {"pages": len(built), "read_ok": 0, "no_record": 0, "error_records": 0,
             "page_date_parsed": 0, "fired": 0, "weekday_pages": 0, "weekday_fired": 0,
             "nonweekday_pages": 0, "nonweekday_fired": 0,
             "inferred": 0, "inferred_ok": 0, "inferred_weekday": 0}
        for p in built:
            rec = recs.get(p[kind])
            p[kind + "_rec"] = rec
            if rec is None:
                t["no_record"] += 1
            elif "error" in rec:
                t["error_records"] += 1
            else:
                t["read_ok"] += 1
                if p[expected_key] and date_value(rec.get("page_date")) == p[expected_key]:
                    t["page_date_parsed"] += 1
            fired = bool(findings_of(rec, RULE))
            p[kind + "_fired"] = fired
            t["fired"] += fired
            if p["weekday"]:
                t["weekday_pages"] += 1
                t["weekday_fired"] += fired
            else:
                t["nonweekday_pages"] += 1
                t["nonweekday_fired"] += fired
            inf = date_value(rec.get("inferred_date")) if rec and "error" not in rec else None
            if inf is not None:
                t["inferred"] += 1
                t["inferred_weekday"] += p["weekday"]
                truth = p[truth_key]
                if truth is not None and 0 <= (truth - inf).days <= INFER_WINDOW_DAYS:
                    t["inferred_ok"] += 1
        t["fired_pct"] = pct(t["fired"], t["pages"])
        t["weekday_fired_pct"] = pct(t["weekday_fired"], t["weekday_pages"])
        t["nonweekday_fired_pct"] = pct(t["nonweekday_fired"], t["nonweekday_pages"])
        t["inferred_ok_pct"] = pct(t["inferred_ok"], t["inferred"])
        return t

    real = tally("real", real_recs, "real_date", "real_date")
    shifted = tally("shifted", sh_recs, "shifted_date", "real_date")
    n_weekday = sum(p["weekday"] for p in pages)
    n_mentions = sum(len(p["mentions"]) for p in pages)
    unparsed_dates = sum(1 for p in pages if p["real_date"] is None)

    real_pass = real["fired_pct"] is not None and real["fired_pct"] <= REAL_BAR
    shifted_pass = (shifted["weekday_fired_pct"] is not None
                    and shifted["weekday_fired_pct"] >= SHIFTED_BAR)
    unread = (real["pages"] - real["read_ok"]) + (shifted["pages"] - shifted["read_ok"])

    # ---- report
    out = []
    w = out.append
    w("Rappler page dates: %s on %d rows (%s)" % (RULE, len(rows), args.csv))
    w("sumcheck: %s" % binary)
    w("")
    w("%-52s %-18s %s" % ("", "real date", "shifted +%d years" % SHIFT_YEARS))
    w("%-52s %-18d %d" % ("pages built", real["pages"], shifted["pages"]))
    w("%-52s %-18d %d" % ("pages read ok (record without \"error\")",
                          real["read_ok"], shifted["read_ok"]))
    w("%-52s %-18d %d" % ("  error records", real["error_records"], shifted["error_records"]))
    w("%-52s %-18d %d" % ("  no record at all", real["no_record"], shifted["no_record"]))
    w("%-52s %-18d %d" % ("page date parsed (page_date.value = the page's date)",
                          real["page_date_parsed"], shifted["page_date_parsed"]))
    w("%-52s %-18s %s" % ("%s, all pages" % RULE, fmt_rate(real["fired"], real["pages"]),
                          fmt_rate(shifted["fired"], shifted["pages"])))
    w("%-52s %-18s %s" % ("%s, weekday-day-month pages" % RULE,
                          fmt_rate(real["weekday_fired"], real["weekday_pages"]),
                          fmt_rate(shifted["weekday_fired"], shifted["weekday_pages"])))
    w("%-52s %-18s %s" % ("%s, other pages" % RULE,
                          fmt_rate(real["nonweekday_fired"], real["nonweekday_pages"]),
                          fmt_rate(shifted["nonweekday_fired"], shifted["nonweekday_pages"])))
    w("%-52s %-18s %s" % ("pages with an inferred_date", fmt_rate(real["inferred"], real["pages"]),
                          fmt_rate(shifted["inferred"], shifted["pages"])))
    w("%-52s %-18s %s" % ("  equal to the real date or 0-%d days before it" % INFER_WINDOW_DAYS,
                          fmt_rate(real["inferred_ok"], real["inferred"]),
                          fmt_rate(shifted["inferred_ok"], shifted["inferred"])))
    w("")
    w("weekday-day-month pages (script's regex): n = %d of %d rows (%d mentions)"
      % (n_weekday, len(rows), n_mentions))
    if unparsed_dates:
        w("rows whose date is not 'Mon D, YYYY ...' (no shifted page, no date check): %d"
          % unparsed_dates)
    w("")
    w("bars:")
    w("  real dates, %s on all pages: %s <= %.0f%%   %s"
      % (RULE, fmt_rate(real["fired"], real["pages"]), REAL_BAR, "PASS" if real_pass else "FAIL"))
    w("  shifted +%dy, %s on weekday-day-month pages (n=%d): %s >= %.0f%%   %s"
      % (SHIFT_YEARS, RULE, shifted["weekday_pages"],
         fmt_rate(shifted["weekday_fired"], shifted["weekday_pages"]), SHIFTED_BAR,
         "PASS" if shifted_pass else "FAIL"))
    if unread:
        w("WARNING: %d page(s) have no usable record (error record or none); they count as "
          "\"no finding\" above" % unread)
    problems = [("real", s) for s in real_probs] + [("shifted", s) for s in sh_probs]
    if problems:
        w("")
        w("problems running sumcheck (%d):" % len(problems))
        for kind, s in problems[:20]:
            w("  %s: %s" % (kind, s))
        if len(problems) > 20:
            w("  ... and %d more" % (len(problems) - 20))

    if args.show:
        fps = [p for p in pages if p.get("real_fired")]
        misses = [p for p in pages if p["weekday"] and p["shifted"] and not p.get("shifted_fired")]
        w("")
        w("false positives, real run (%d; showing %d):" % (len(fps), min(len(fps), args.show)))
        for p in fps[:args.show]:
            show_page(w, p, "real", findings_of(p["real_rec"], RULE))
        w("")
        w("misses, shifted run (%d; showing %d):" % (len(misses), min(len(misses), args.show)))
        for p in misses[:args.show]:
            show_page(w, p, "shifted", findings_of(p.get("shifted_rec")))

    print("\n".join(out))

    if args.json:
        figures = {
            "csv": args.csv, "sumcheck": binary, "rows": len(rows), "rule": RULE,
            "shift_years": SHIFT_YEARS, "weekday_day_month_pages": n_weekday,
            "weekday_day_month_mentions": n_mentions, "unparsed_row_dates": unparsed_dates,
            "real": real, "shifted": shifted,
            "bars": {"real_fired_pct_max": REAL_BAR, "real_pass": real_pass,
                     "shifted_weekday_fired_pct_min": SHIFTED_BAR,
                     "shifted_pass": shifted_pass},
            "unread_pages": unread,
            "problems": ["%s: %s" % ps for ps in problems],
        }
        try:
            with open(args.json, "w", encoding="utf-8") as fh:
                json.dump(figures, fh, indent=2, sort_keys=True)
                fh.write("\n")
        except OSError as e:
            print("rappler_dates: cannot write %s: %s" % (args.json, e), file=sys.stderr)
            return 2

    if args.strict and (not real_pass or not shifted_pass or unread):
        return 1
    return 0


def show_page(w, p, kind, findings):
    rec = p.get(kind + "_rec")
    date = p["date"] if kind == "real" else p["shifted_str"]
    w("- row %d, page date %r%s" % (p["row"], date,
                                    "" if kind == "real" else " (real %r)" % p["date"]))
    if rec is None:
        w("    no record")
    elif "error" in rec:
        w("    error record: %s" % json.dumps(rec["error"], ensure_ascii=False))
    else:
        w("    page_date: %s   inferred_date: %s" % (
            json.dumps((rec.get("page_date") or {}).get("value")),
            json.dumps(rec.get("inferred_date"), ensure_ascii=False)))
    w("    weekday mentions: %s" % ("; ".join(m[0] for m in p["mentions"]) or "none"))
    w("    body: %s" % snippet(p["body"]))
    if not findings:
        w("    findings: none")
    for f in findings:
        w("    [%s] %s: %s" % (f.get("severity"), f.get("rule"), f.get("message")))


if __name__ == "__main__":
    sys.exit(main())
