#!/usr/bin/env python3
"""Packaging: `meson install` into a temporary DESTDIR puts every part in
its place, and a small C program builds against the installed library
through pkg-config and checks a bundled fixture with it.

Usage: test_install.py BUILD_DIR SOURCE_DIR

Checks, under DESTDIR + the build's prefix:
- bin/sumcheck, which runs (--version);
- the shared library with a versioned soname (libsumcheck.so.0 ->
  libsumcheck.so.0.X.Y, and libsumcheck.so for the linker), exporting
  only sc_ names (the SC_EXPORT API);
- include/sumcheck.h, the generated pkgconfig/sumcheck.pc, and
  share/man/man1/sumcheck.1;
- a program compiled with `cc $(pkg-config --cflags --libs sumcheck)`
  (PKG_CONFIG_SYSROOT_DIR pointing into DESTDIR) runs against the installed
  shared library on fixtures/seed-rappler-id/page.txt and finds the page
  date three years off (page-date-mismatch), with a JSON report parsed
  back.

Skipped (exit 77) when there is no C compiler or pkg-config.  Prints
"PASS name" / "FAIL name: why" and "RESULT passed=N failed=M skipped=K".
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

PROGRAM = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sumcheck.h>

static int to_stdout(void *context, const char *data, size_t len)
{
    (void)context;
    return fwrite(data, 1, len, stdout) == len ? 0 : -1;
}

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    FILE *f = fopen(argv[1], "rb");
    if (f == NULL)
        return 2;
    static char buf[1 << 20];
    size_t len = fread(buf, 1, sizeof buf, f);
    fclose(f);
    sc_options options;
    sc_options_init(&options);
    options.input_format = sc_detect_input_format(buf, len, argv[1]);
    sc_error error;
    sc_result *result = sc_check(buf, len, "seed", &options, &error);
    if (result == NULL) {
        fprintf(stderr, "check failed: %s\n", error.message);
        return 2;
    }
    sc_report *report = sc_report_new(SC_REPORT_JSON, NULL, to_stdout, NULL);
    int ok = report != NULL && sc_report_add(report, result) == SC_OK &&
             sc_report_finish(report) == SC_OK;
    fprintf(stderr, "findings %zu errors %zu version %s\n", sc_result_finding_count(result),
            sc_result_count_at_least(result, SC_SEVERITY_ERROR), SC_VERSION);
    sc_report_free(report);
    sc_result_free(result);
    return ok ? 0 : 2;
}
"""


class Fail(Exception):
    pass


def check(cond, why):
    if not cond:
        raise Fail(why)


def sh(cmd, **kw):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600, **kw)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def main():
    if len(sys.argv) != 3:
        print("usage: test_install.py BUILD_DIR SOURCE_DIR", file=sys.stderr)
        return 2
    build, source = (os.path.abspath(a) for a in sys.argv[1:])
    cc = shutil.which(os.environ.get("CC", "cc")) or shutil.which("gcc")
    pkg_config = shutil.which("pkg-config") or shutil.which("pkgconf")
    if cc is None or pkg_config is None:
        print("SKIP install: no C compiler or pkg-config")
        print("RESULT passed=0 failed=0 skipped=1")
        return 77
    meson = shutil.which("meson")
    check_cmd = [meson] if meson else [sys.executable, "-m", "mesonbuild.mesonmain"]

    tmp = tempfile.mkdtemp(prefix="sumcheck-install-")
    dest = os.path.join(tmp, "dest")
    results = []

    def case(name, fn):
        try:
            fn()
        except Fail as e:
            results.append(False)
            print(f"FAIL {name}: {e}")
        except Exception as e:  # a broken case fails, the suite goes on
            results.append(False)
            print(f"FAIL {name}: {type(e).__name__}: {e}")
        else:
            results.append(True)
            print(f"PASS {name}")
        sys.stdout.flush()

    state = {}

    def installs():
        rc, out, err = sh(check_cmd + ["install", "-C", build, "--no-rebuild", "--quiet",
                                       "--destdir", dest])
        check(rc == 0, f"meson install failed ({rc}): {err[-600:]}{out[-300:]}")
        rc, out, err = sh(check_cmd + ["introspect", build, "--buildoptions"])
        opts = {o["name"]: o["value"] for o in json.loads(out)}
        root = dest + opts["prefix"]
        state["root"] = root
        state["libdir"] = os.path.join(root, opts["libdir"])
        state["bindir"] = os.path.join(root, opts["bindir"])
        state["includedir"] = os.path.join(root, opts["includedir"])
        state["mandir"] = os.path.join(root, opts["mandir"])

    def program_in_place():
        exe = os.path.join(state["bindir"], "sumcheck")
        check(os.access(exe, os.X_OK), f"no executable {exe}")
        rc, out, err = sh([exe, "--version"])
        check(rc == 0 and out.startswith("sumcheck "), f"installed sumcheck --version: {rc} {out!r} {err!r}")

    def shared_library_versioned():
        libdir = state["libdir"]
        real = sorted(glob.glob(os.path.join(libdir, "libsumcheck.so.*.*.*")))
        check(len(real) == 1, f"expected one libsumcheck.so.X.Y.Z in {libdir}: {os.listdir(libdir)}")
        so0 = os.path.join(libdir, "libsumcheck.so.0")
        dev = os.path.join(libdir, "libsumcheck.so")
        check(os.path.islink(so0) and os.path.realpath(so0) == os.path.realpath(real[0]),
              "libsumcheck.so.0 is not a link to the library")
        check(os.path.islink(dev) and os.path.realpath(dev) == os.path.realpath(real[0]),
              "libsumcheck.so (for the linker) is not a link to the library")
        # readelf translates its labels ("Kitaplık so_adı" under tr_TR): C locale.
        rc, out, err = sh(["readelf", "-d", real[0]], env=dict(os.environ, LC_ALL="C"))
        if rc == 0:
            check("Library soname: [libsumcheck.so.0]" in out, f"soname: {out[:400]}")
        rc, out, err = sh(["nm", "-D", "--defined-only", real[0]])
        if rc == 0:
            names = [line.split()[-1] for line in out.splitlines() if line.strip()]
            check(names and all(n.startswith("sc_") for n in names),
                  f"exports beyond the sc_ API: {[n for n in names if not n.startswith('sc_')][:10]}")

    def header_pc_and_man():
        check(os.path.isfile(os.path.join(state["includedir"], "sumcheck.h")), "no include/sumcheck.h")
        pcs = glob.glob(os.path.join(state["libdir"], "pkgconfig", "sumcheck.pc"))
        check(pcs, f"no pkgconfig/sumcheck.pc under {state['libdir']}")
        state["pcdir"] = os.path.dirname(pcs[0])
        check(os.path.isfile(os.path.join(state["mandir"], "man1", "sumcheck.1")),
              f"no man1/sumcheck.1 under {state['mandir']}")

    def builds_and_runs_through_pkg_config():
        env = dict(os.environ, PKG_CONFIG_PATH=state["pcdir"], PKG_CONFIG_LIBDIR=state["pcdir"] + ":" +
                   ":".join(p for p in ("/usr/lib/x86_64-linux-gnu/pkgconfig", "/usr/lib/pkgconfig",
                                        "/usr/share/pkgconfig") if os.path.isdir(p)),
                   PKG_CONFIG_SYSROOT_DIR=dest)
        rc, flags, err = sh([pkg_config, "--cflags", "--libs", "sumcheck"], env=env)
        check(rc == 0, f"pkg-config --cflags --libs sumcheck: {err}")
        check(dest in flags, f"pkg-config flags do not point into DESTDIR: {flags!r}")
        src = os.path.join(tmp, "prog.c")
        with open(src, "w") as f:
            f.write(PROGRAM)
        exe = os.path.join(tmp, "prog")
        rc, out, err = sh([cc, "-std=c99", "-Wall", "-Werror", "-pedantic", src, "-o", exe] +
                          flags.split(), env=env)
        check(rc == 0, f"compiling against the installed library failed: {err[-800:]}")
        run_env = dict(os.environ, LD_LIBRARY_PATH=state["libdir"])
        rc, out, err = sh(["ldd", exe], env=run_env)
        if rc == 0:
            line = [ln for ln in out.splitlines() if "libsumcheck" in ln]
            check(line and state["libdir"] in line[0], f"not linked to the installed library: {line}")
        fixture = os.path.join(source, "fixtures", "seed-rappler-id", "page.txt")
        rc, out, err = sh([exe, fixture], env=run_env)
        check(rc == 0, f"the program failed ({rc}): {err}")
        report = json.loads(out)
        rules = [f["rule"] for d in report["documents"] for f in d["findings"]]
        check("page-date-mismatch" in rules, f"seed: no page-date-mismatch in {rules}")
        check(report["documents"][0]["inferred_date"]["value"] == "2021-12-15",
              f"seed: inferred date {report['documents'][0]['inferred_date']}")

    try:
        case("meson_install_into_destdir", installs)
        if "root" in state:
            case("program_installed", program_in_place)
            case("shared_library_with_versioned_soname", shared_library_versioned)
            case("header_pkgconfig_and_man_page", header_pc_and_man)
            if "pcdir" in state:
                case("c_program_builds_through_pkg_config_and_runs", builds_and_runs_through_pkg_config)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    failed = results.count(False)
    print(f"RESULT passed={results.count(True)} failed={failed} skipped=0")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
