#!/usr/bin/env python3
"""Generate date_names.inc, the month and weekday names of date_names.c.

Usage:
    python3 src/lang/gen_date_names.py ../shared/bench/cldr/cldr_dates_subset.json \
        [-o OUTPUT]

Reads the CLDR subset (month and weekday names, formats and relative-day
words of twelve locales, from cldr-json's ca-gregorian.json and
dateFields.json) and writes, per locale:
  - every distinct case-folded name (NFKC, then casefold, a trailing "."
    removed) with its month (1..12) and/or weekday (1 = Monday .. 7), and
    whether it is only an abbreviation there;
  - whether numeric dates put the day first (availableFormats.yMd);
  - the relative-day words with their offsets (-1, 0, +1).
Names are sorted by their UTF-8 bytes, the order strncmp() and the C binary
search use.  Spellings that news uses but CLDR does not list are added from
PROJECT_ADDITIONS below, marked as such in the output.

The output depends on nothing but the input file: no dates, no paths, so
running the generator twice gives identical bytes.
"""

import argparse
import json
import os
import re
import sys
import unicodedata

# The locales of the tables, in the order date_names.c searches them when
# every locale is asked (a tie between locales goes to the first).
LOCALES = ["id", "en", "en-GB", "fil", "ms", "es", "fr", "de", "pt", "pt-PT", "nl", "it"]

# (key in the subset, whether its forms are abbreviations)
MONTH_KEYS = [
    ("months_wide", False),
    ("months_standalone_wide", False),
    ("months_abbr", True),
    ("months_standalone_abbr", True),
]
WEEKDAY_KEYS = [
    ("days_wide", False),
    ("days_standalone_wide", False),
    ("days_abbr", True),
]
RELATIVE_KEYS = [("relative-type--1", -1), ("relative-type-0", 0), ("relative-type-1", 1)]

MONTH, WEEKDAY = "month", "weekday"

# ---------------------------------------------------------------------------
# This project's additions: NOT CLDR data.  Spellings that news writes but
# CLDR does not list.  (locale, kind, form as case-folded, number,
# abbreviated).  A form that CLDR already has for that locale keeps CLDR's
# entry (and must agree with it).
PROJECT_ADDITIONS = [
    # Indonesian: pre-1972 (EYD) spellings still seen, the Arabic-derived
    # "jum'at" and "ahad", and the abbreviations "Agt"/"Agust" for Agustus.
    ("id", MONTH, "nopember", 11, False),
    ("id", MONTH, "pebruari", 2, False),
    ("id", WEEKDAY, "jum'at", 5, False),
    ("id", WEEKDAY, "ahad", 7, False),
    ("id", MONTH, "agt", 8, True),
    ("id", MONTH, "agust", 8, True),
    # Malay spelling of Friday, also written in Indonesian news.
    ("id", WEEKDAY, "jumaat", 5, False),
    ("ms", WEEKDAY, "jumaat", 5, False),
    # English: house-style abbreviations (AP and others) beside CLDR's.
    ("en", MONTH, "sept", 9, True),
    ("en", WEEKDAY, "tues", 2, True),
    ("en", WEEKDAY, "thur", 4, True),
    ("en", WEEKDAY, "thurs", 4, True),
    ("en", WEEKDAY, "weds", 3, True),
]

# This project's additions to the relative-day words: NOT CLDR data.
# CLDR writes French "aujourd’hui" with U+2019; news also types the ASCII
# apostrophe.
PROJECT_RELATIVE_ADDITIONS = [
    ("fr", "aujourd'hui", 0),
]
# ---------------------------------------------------------------------------


def fold(text):
    """The case-folded form the C lookup receives: NFKC, casefold, one
    trailing period removed."""
    form = unicodedata.normalize("NFKC", text).casefold()
    if form.endswith("."):
        form = form[:-1]
    if not form:
        raise ValueError("empty name %r" % text)
    return form


def c_string(word):
    """The C string literal for word: ASCII as is, other bytes in octal."""
    out = ['"']
    for byte in word.encode("utf-8"):
        ch = chr(byte)
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "?":
            # Escaped so that no "??x" trigraph can form.
            out.append("\\?")
        elif 0x20 <= byte < 0x7F:
            out.append(ch)
        else:
            out.append("\\%03o" % byte)
    out.append('"')
    return "".join(out)


def byte_key(word):
    return word.encode("utf-8")


def cldr_release(data):
    match = re.search(r"@(\d+\.\d+\.\d+)", data.get("source", ""))
    if not match:
        raise ValueError("no CLDR release (name@X.Y.Z) in the subset's \"source\"")
    return match.group(1)


def day_first(tag, locale):
    pattern = locale["availableFormats"]["yMd"]
    d, m = pattern.find("d"), pattern.find("M")
    if d < 0 or m < 0:
        raise ValueError("%s: yMd %r has no d or no M" % (tag, pattern))
    return d < m


def add_name(names, tag, kind, form, number, abbreviated, addition):
    """Records form as a name of kind in one locale's dict."""
    entry = names.setdefault(form, {
        MONTH: 0, MONTH + "_abbr": True, WEEKDAY: 0, WEEKDAY + "_abbr": True,
        "addition": addition,
    })
    if entry[kind] and entry[kind] != number:
        raise ValueError("%s: %r is %s %d and %d" % (tag, form, kind, entry[kind], number))
    if entry[kind] and addition:
        return  # CLDR already has it; CLDR's entry stands.
    entry[kind] = number
    # A form that is also a full name is not an abbreviation ("mai", "Juni").
    entry[kind + "_abbr"] = entry[kind + "_abbr"] and abbreviated
    entry["addition"] = entry["addition"] and addition


def locale_names(tag, locale):
    names = {}
    for kind, keys, count in ((MONTH, MONTH_KEYS, 12), (WEEKDAY, WEEKDAY_KEYS, 7)):
        for key, abbreviated in keys:
            values = locale[key]
            if len(values) != count:
                raise ValueError("%s: %s has %d names, not %d" % (tag, key, len(values), count))
            for i, value in enumerate(values):
                add_name(names, tag, kind, fold(value), i + 1, abbreviated, False)
    for loc, kind, form, number, abbreviated in PROJECT_ADDITIONS:
        if loc == tag:
            add_name(names, tag, kind, form, number, abbreviated, True)
    for entry in names.values():
        for kind in (MONTH, WEEKDAY):
            if not entry[kind]:
                entry[kind + "_abbr"] = False
    return names


def locale_relative(tag, locale):
    words = {}
    for key, days in RELATIVE_KEYS:
        words[fold(locale["relative_day"][key])] = (days, False)
    for loc, form, days in PROJECT_RELATIVE_ADDITIONS:
        if loc == tag and form not in words:
            words[form] = (days, True)
    return words


def ident(tag):
    return tag.replace("-", "_")


def comment_for(form, addition):
    notes = []
    if any(ord(c) > 0x7E for c in form):
        notes.append(form)
    if addition:
        notes.append("project addition, not CLDR")
    return " /* %s */" % ", ".join(notes) if notes else ""


def render(data):
    release = cldr_release(data)
    locales = data["locales"]
    missing = [tag for tag in LOCALES if tag not in locales]
    if missing:
        raise ValueError("locales missing from the subset: %s" % ", ".join(missing))

    out = []
    out.append("/*")
    out.append(" * Generated by gen_date_names.py; do not edit.  Regenerate with")
    out.append(" *     python3 src/lang/gen_date_names.py ../shared/bench/cldr/cldr_dates_subset.json")
    out.append(" *")
    out.append(" * Month and weekday names from the Unicode CLDR, release %s (cldr-json," % release)
    out.append(" * ca-gregorian), Unicode License v3; relative-day words from the same")
    out.append(" * release's dateFields; day-first from availableFormats/yMd.")
    out.append(" * Entries marked \"project addition, not CLDR\" are this project's own")
    out.append(" * (gen_date_names.py, PROJECT_ADDITIONS).")
    out.append(" *")
    out.append(" * Names are case-folded (NFKC, casefold, trailing \".\" removed) and sorted")
    out.append(" * by bytes for binary search.  Included by date_names.c only.")
    out.append(" */")
    out.append("")
    out.append("#define SC_DATE_LOCALE_COUNT %d" % len(LOCALES))

    rows = []
    for tag in LOCALES:
        if not re.fullmatch(r"[a-z]{2,3}(-[A-Z]{2})?", tag):
            # date_names.c compares languages of two or three letters.
            raise ValueError("locale %r is not language[-REGION]" % tag)
        locale = locales[tag]
        names = locale_names(tag, locale)
        relative = locale_relative(tag, locale)
        name_id = "sc_date_names_" + ident(tag)
        rel_id = "sc_date_relative_" + ident(tag)

        out.append("")
        out.append("/* %s: word, month, month abbreviated, weekday, weekday abbreviated */" % tag)
        out.append("static const sc_date_name_entry %s[%d] = {" % (name_id, len(names)))
        for form in sorted(names, key=byte_key):
            e = names[form]
            out.append("    {%s, %d, %s, %d, %s},%s" % (
                c_string(form), e[MONTH], "true" if e[MONTH + "_abbr"] else "false",
                e[WEEKDAY], "true" if e[WEEKDAY + "_abbr"] else "false",
                comment_for(form, e["addition"])))
        out.append("};")
        out.append("")
        out.append("static const sc_date_relative_entry %s[%d] = {" % (rel_id, len(relative)))
        for form in sorted(relative, key=byte_key):
            days, addition = relative[form]
            out.append("    {%s, %d},%s" % (c_string(form), days, comment_for(form, addition)))
        out.append("};")
        rows.append("    {%s, %s, %s, %s, %d, %s, %d}," % (
            c_string(tag), c_string(tag.split("-")[0].lower()),
            "true" if day_first(tag, locale) else "false",
            name_id, len(names), rel_id, len(relative)))

    out.append("")
    out.append("/* tag, language, day first, names, count, relative-day words, count */")
    out.append("static const sc_date_locale sc_date_locales[SC_DATE_LOCALE_COUNT] = {")
    out.extend(rows)
    out.append("};")
    return "\n".join(out) + "\n"


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("subset", help="path of cldr_dates_subset.json")
    parser.add_argument("-o", "--output", default=os.path.join(here, "date_names.inc"),
                        help="output file (default: date_names.inc beside this script)")
    args = parser.parse_args(argv)

    try:
        with open(args.subset, "r", encoding="utf-8") as f:
            data = json.load(f)
        text = render(data)
    except KeyError as err:
        print("gen_date_names.py: %s: missing key %s" % (args.subset, err), file=sys.stderr)
        return 1
    except (OSError, UnicodeDecodeError, ValueError, TypeError) as err:
        print("gen_date_names.py: %s: %s" % (args.subset, err), file=sys.stderr)
        return 1

    tmp = args.output + ".tmp"
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, args.output)
    except OSError as err:
        print("gen_date_names.py: %s" % err, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
