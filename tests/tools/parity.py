#!/usr/bin/env python3
"""The parity test: the compiler plugin, the clang-tidy module and
`aiprov check -p` report the same set of (file, line, check).

Usage: parity.py --aiprov BIN --plugin SO --tidy SO --include DIR PROJECT
                 [--records FILE] [--expect-checks]

PROJECT is copied to a fresh git checkout in a temporary directory (the
checkout is never written), the `aiprov record` lines of --records are
replayed there, and a compile database is made: with CMake when PROJECT has
a CMakeLists.txt (configure only), else one `clang++-19 -std=c++17` command
per .cpp file. Then, over the translation units and the project headers
they include (from `clang++ -MM`):

  - `aiprov check -p BUILD --format json` over the whole copy;
  - every compile command with `-fsyntax-only -fplugin=SO
    -fplugin-arg-aiprov-headers` (findings from clang's diagnostics);
  - `clang-tidy-19 --load=SO -checks=-*,aiprov-*` with Headers on for
    every check and `-header-filter=.*`.

Exits 1, listing what differs, unless the three sets are equal and not
empty; with --expect-checks, every check of SPEC §3 must occur.
Standard library only.
"""

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

CHECKS = ["aiprov-forbidden-region", "aiprov-unreviewed-region",
          "aiprov-stale-review", "aiprov-unknown-paste",
          "aiprov-malformed-annotation"]
DIAGNOSTIC = re.compile(
    r"^(?P<file>[^:\n]+):(?P<line>\d+):\d+: (?:error|warning): .*"
    r"\[(?P<check>aiprov-[a-z-]+)\]$", re.M)


def run(cmd, cwd, check=True):
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if check and proc.returncode != 0:
        sys.exit("parity: %s failed (%d):\n%s%s" % (
            shlex.join(cmd), proc.returncode, proc.stdout, proc.stderr))
    return proc


def prepare(args, work):
    shutil.copytree(args.project, work, ignore=shutil.ignore_patterns("build"))
    run(["git", "init", "-q"], work)
    run(["git", "config", "user.email", "parity@example.com"], work)
    if args.records:
        for line in open(args.records, encoding="utf-8"):
            line = line.strip()
            if line and not line.startswith("#"):
                run([args.aiprov, "record", "--who", "parity"] + shlex.split(line), work)
    build = os.path.join(work, "build")
    if os.path.exists(os.path.join(work, "CMakeLists.txt")):
        run(["cmake", "-S", work, "-B", build, "-G", "Ninja",
             "-DCMAKE_CXX_COMPILER=clang++-19",
             "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON",
             "-DAIPROV_INCLUDE_DIR=" + args.include], work)
    else:
        os.makedirs(build)
        entries = []
        for root, dirs, files in os.walk(work):
            dirs[:] = [d for d in dirs if d not in ("build", ".git", ".aiprov")]
            for name in sorted(files):
                if name.endswith(".cpp"):
                    path = os.path.join(root, name)
                    entries.append({"directory": work, "file": path, "arguments": [
                        "clang++-19", "-std=c++17", "-Iinclude", "-I" + args.include,
                        "-c", path, "-o", path + ".o"]})
        with open(os.path.join(build, "compile_commands.json"), "w") as out:
            json.dump(entries, out, indent=1)
    with open(os.path.join(build, "compile_commands.json")) as db:
        return build, json.load(db)


def arguments(entry):
    if "arguments" in entry:
        return list(entry["arguments"])
    return shlex.split(entry["command"])


def compile_only(entry, extra):
    """The entry's command with its output removed and extra appended."""
    args, out, skip = arguments(entry), [], False
    for a in args:
        if skip:
            skip = False
        elif a == "-o":
            skip = True
        elif a != "-c":
            out.append(a)
    return out + extra


def findings_in(text, cwd):
    found = set()
    for m in DIAGNOSTIC.finditer(text):
        path = os.path.normpath(os.path.join(cwd, m.group("file")))
        found.add((path, int(m.group("line")), m.group("check")))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for name in ("--aiprov", "--plugin", "--tidy", "--include"):
        parser.add_argument(name, required=True)
    parser.add_argument("--records")
    parser.add_argument("--expect-checks", action="store_true")
    parser.add_argument("project")
    args = parser.parse_args()
    for name in ("project", "aiprov", "plugin", "tidy", "include", "records"):
        if getattr(args, name):
            setattr(args, name, os.path.abspath(getattr(args, name)))

    with tempfile.TemporaryDirectory(prefix="aiprov-parity-") as tmp:
        work = os.path.join(os.path.realpath(tmp), "project")
        build, database = prepare(args, work)

        # The files all three can see: the TUs and their own headers.
        files = set()
        for entry in database:
            files.add(os.path.normpath(os.path.join(entry["directory"], entry["file"])))
            deps = run(compile_only(entry, ["-MM", "-MF", "-"]), entry["directory"]).stdout
            for dep in deps.replace("\\\n", " ").split(":", 1)[1].split():
                dep = os.path.normpath(os.path.join(entry["directory"], dep))
                if dep.startswith(work + os.sep):
                    files.add(dep)

        report = json.loads(run([args.aiprov, "check", "-p", build, "--format", "json", "."],
                                work, check=False).stdout)
        if report["errors"]:
            sys.exit("parity: aiprov check reported errors: %s" % report["errors"])
        by_check = {(os.path.normpath(os.path.join(work, f["file"])), f["line"], f["check"])
                    for f in report["findings"]}
        by_check = {f for f in by_check if f[0] in files}

        by_plugin = set()
        for entry in database:
            proc = run(compile_only(entry, [
                "-fsyntax-only", "-fno-caret-diagnostics", "-fno-color-diagnostics",
                "-fplugin=" + args.plugin, "-fplugin-arg-aiprov-headers"]),
                entry["directory"], check=False)
            by_plugin |= findings_in(proc.stderr, entry["directory"])

        options = ", ".join("%s.Headers: true" % c for c in CHECKS)
        tus = [os.path.join(e["directory"], e["file"]) for e in database]
        proc = run(["clang-tidy-19", "--load=" + args.tidy, "-checks=-*,aiprov-*",
                    "-header-filter=.*", "-config={CheckOptions: {%s}}" % options,
                    "-p", build, "--quiet"] + tus, work, check=False)
        by_tidy = findings_in(proc.stdout, work)

        ok = True
        for name, found in (("the plugin", by_plugin), ("the tidy module", by_tidy)):
            for what, diff in (("missing from", by_check - found), ("only in", found - by_check)):
                for path, line, check in sorted(diff):
                    print("%s:%d: %s: %s %s" % (os.path.relpath(path, work), line, check, what, name))
                    ok = False
        if not by_check:
            print("parity: no findings at all: nothing was compared")
            ok = False
        seen = {check for _, _, check in by_check}
        if args.expect_checks and seen != set(CHECKS):
            print("parity: checks never reported: %s" % ", ".join(sorted(set(CHECKS) - seen)))
            ok = False
        print("parity: %d findings in %d files; check -p, plugin and tidy module %s" % (
            len(by_check), len({f[0] for f in by_check}), "agree" if ok else "DIFFER"))
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
